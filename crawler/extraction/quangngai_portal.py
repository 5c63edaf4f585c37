"""Liferay 6.2 portals of Quảng Ngãi (quangngai.gov.vn, sontinh.quangngai.gov.vn): asset publisher."""

from __future__ import annotations

from crawler.extraction.base import PortalPage


class QuangNgaiPortalPage(PortalPage):
    """Article: h3.header-title + .asset-full-content; list div.box-news-xx; Liferay paginator."""

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
    TITLE = (
        ".taglib-header h3.header-title", "h3.header-title", ".asset-full-content h1",
        ".asset-title", "h1",
    )
    DATE = (
        ".asset-full-content .news-info-date .date-post", ".asset-full-content .news-info-date",
        ".asset-full-content .date-post", ".asset-full-content span.time",
    )
    """ "21/04/2023 16:36" followed by a separate view count."""
    BODY = (
        ".asset-full-content .journal-content-article", ".asset-full-content .asset-content",
        ".asset-full-content",
    )
    JUNK = (".news-info-date", ".asset-more-actions", ".taglib-social-bookmarks", ".view-count")
    LIST_ITEM = ("div.box-news-xx",)
    LIST_LINK = ("h2.h2-title-xx a[href]", "h2 a[href]", "h3 a[href]", "a[href]")
    LIST_DATE = ("p.date_post", ".date_post", ".date-post", ".date")
    """ "16:36 21/04/2023": time first on listings, unlike the article."""
    PAGER = (".lfr-pagination", ".taglib-page-iterator", "ul.pager", ".pagination")
