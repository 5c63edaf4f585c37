"""Platform page objects: read article and listing pages of the portal families (no Scrapy).

``extract_article`` and ``parse_listing`` take the URL, the decoded HTML and the fetch time and
return plain items; ``detect_platform`` picks the family for hosts the registry does not know.
"""

from __future__ import annotations

from datetime import datetime

from crawler.extraction.acms import AcmsPage
from crawler.extraction.base import Listing, ListingEntry, PortalPage
from crawler.extraction.danvan_legacy import DanvanLegacyPage
from crawler.extraction.detect import best_platform
from crawler.extraction.generic import GenericPage
from crawler.extraction.huecit import HueCitPage
from crawler.extraction.liferay import LiferayPage
from crawler.extraction.mcms import McmsPage
from crawler.extraction.nukeviet import NukeVietPage
from crawler.extraction.quangngai_portal import QuangNgaiPortalPage
from crawler.extraction.sharepoint_portal import SharePointPortalPage
from crawler.extraction.sharepoint_qn import SharePointQnPage
from crawler.extraction.shells import classify_shell
from crawler.extraction.tuyengiaodanvan import TuyenGiaoDanVanPage
from crawler.extraction.vhv import VhvPage
from crawler.extraction.vnpt_media import VnptMediaPage
from crawler.items import Article

PAGES: dict[str, type[PortalPage]] = {
    page.platform: page
    for page in (
        HueCitPage, QuangNgaiPortalPage, DanvanLegacyPage, SharePointQnPage, VnptMediaPage,
        McmsPage, NukeVietPage, TuyenGiaoDanVanPage, AcmsPage,
        VhvPage, LiferayPage, SharePointPortalPage,
        GenericPage,
    )
}
PLATFORM_IDS: tuple[str, ...] = tuple(PAGES)

__all__ = [
    "PLATFORM_IDS", "Listing", "ListingEntry", "detect_platform", "extract_article",
    "page_class", "parse_listing",
]


def detect_platform(url: str, html: str) -> str:
    """The platform family of a page from its markup, URL and host; "generic" if none fits."""
    return best_platform(url, html, PAGES.values())


def page_class(platform: str) -> type[PortalPage]:
    """The page object of a platform id; ValueError for ids that do not exist."""
    try:
        return PAGES[platform]
    except KeyError:
        raise ValueError(f"unknown platform {platform!r}; known: {', '.join(PLATFORM_IDS)}") from None


def extract_article(
    url: str, html: str, fetched_at: datetime, platform: str | None = None,
    listing_date: str | None = None,
) -> Article:
    """Read an article page; ``listing_date`` is used only when the page shows no date."""
    platform = platform or detect_platform(url, html)
    article = page_class(platform)(url, html, fetched_at).article(listing_date)
    if article.shell is None:  # a page object that knows its shells (tuyengiaodanvan) has said so
        article.shell = classify_shell(html, article.text, article.title)
    return article


def parse_listing(url: str, html: str, fetched_at: datetime, platform: str | None = None) -> Listing:
    """Read a listing page: absolute article links with titles and dates, and the next page."""
    return page_class(platform or detect_platform(url, html))(url, html, fetched_at).listing()
