"""Liferay 6.2 asset-publisher portals: quangngai.gov.vn sub-portals (sontinh, nghiahanh, sotp) and the
same 6.2 markup elsewhere (kontum.gov.vn); Liferay 7.x pages are "liferay"."""

from __future__ import annotations

from crawler.extraction.liferay import LiferayPage


class QuangNgaiPortalPage(LiferayPage):
    """Article read as any Liferay asset (h3.header-title + .asset-full-content); list div.box-news-xx."""

    # the same CMS as "liferay": one reading, so the two ids never disagree on a page's fields
    platform = "quangngai-portal"
    HOSTS = ("quangngai.gov.vn",)
    MARKERS = (
        r"\bvar Liferay\b",
        r"/asset_publisher/",
        r"journal-content-article",
        r'class="box-news-xx"',
        r"p_p_id",
    )
    URL_MARKER = r"/asset_publisher/|/web/portal-"
    LIST_ITEM = ("div.box-news-xx",)
    LIST_LINK = ("h2.h2-title-xx a[href]", "h2 a[href]", "h3 a[href]", "a[href]")
    LIST_DATE = ("p.date_post", ".date_post", ".date-post", ".date")
    """ "16:36 21/04/2023": time first on listings, unlike the article."""
    PAGER = (".lfr-pagination", ".taglib-page-iterator", "ul.pager", ".pagination")
