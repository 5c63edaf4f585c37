"""Liferay portals (moh.gov.vn, quangngai.gov.vn before its migration): asset publisher + web content."""

from __future__ import annotations

from crawler.extraction.base import PortalPage


class LiferayPage(PortalPage):
    """Article: .asset-full-content or .journal-content-article; list div.box-news-xx or .news-item."""

    platform = "liferay"
    HOSTS = ("www.quangngai.gov.vn",)
    """The provincial portal; its district sub-sites stay with "quangngai-portal"."""
    MARKERS = (
        r"\bLiferay\.(?:ThemeDisplay|Portlet|Language)\b",
        r'class="[^"]*\bportlet-boundary\b',
        r'class="[^"]*\bjournal-content-article\b',
        r'name="generator"[^>]*content="Liferay|content="Liferay[^"]*"[^>]*name="generator"',
        r'[="&]/o/[\w.-]+/',
        r"_com_liferay_\w+_portlet_",
        r"data-senna-track=",
        r"\bLiferay\.Loader\b|/o/js_loader_config",
        r"\blexicon-icon\b",
    )
    """Three tells shared with 6.2 district sites; generator; 7.x: /o/, namespaces, Senna, Loader, Clay."""
    URL_MARKER = r"/-/(?:asset_publisher|[\w-]+/)|/web/[\w-]+/"
    TITLE = (
        ".asset-full-content h1.title-news", ".asset-full-content .asset-title",
        ".journal-content-article h1", ".news-detail h1.title", ".news-detail .title", "h1",
    )
    DATE = (
        ".asset-full-content .date_post", ".asset-full-content .date-post",
        ".news-detail span.time", ".journal-content-article span.time",
    )
    """ "01/10/2021 15:53 4792" (a view count after the time); "Thứ Hai, ngày 14/03/2022"."""
    LEAD = (".asset-full-content .sapo", ".news-detail .sapo", ".news-detail .summary")
    BODY = (
        ".asset-full-content .asset-content .journal-content-article",
        ".asset-full-content .journal-content-article", ".asset-full-content .asset-content",
        ".news-detail .journal-content-article", ".journal-content-article",
    )
    JUNK = (
        ".date_post", ".luot-xem", ".view-count", ".asset-more-actions", ".taglib-social-bookmarks",
        ".asset-links", ".asset-ratings", ".print-news", ".tin-lien-quan",
    )
    LIST_ITEM = (
        "#column-1 div.box-news-xx", "div.box-news-xx",
        "#column-1 .list-news .news-item", ".list-news .news-item",
    )
    """The main column first: side portlets ("Tin nổi bật") reuse the list markup in #column-2."""
    LIST_LINK = ("h2.h2-title-xx a[href]", ".title a[href]", "h3 a[href]", "h2 a[href]", "a[href]")
    LIST_DATE = ("p.date_post", ".date_post", "span.time", ".time", ".date")
    """ "15:53 01/10/2021" on the provincial list: time first."""
    PAGER = (".lfr-pagination", ".taglib-page-iterator", "ul.pagination", ".pagination")
