"""Liferay portals (moh, cema, thanhtra, quangngai.gov.vn): asset publisher, web content, display pages."""

from __future__ import annotations

from crawler.extraction.base import PortalPage


LIFERAY_MARKERS = (
    r"\bvar Liferay\b|\bLiferay\.(?:ThemeDisplay|Portlet|Language)\b",
    r'class="[^"]*\bportlet-boundary\b',
    r'class="[^"]*\bjournal-content-article\b',
    r"\bp_p_id",
    r"/asset_publisher/",
)
"""What every Liferay page shows (6.2 and 7.x): the JS namespace, portlets, web content, portlet ids."""


class LiferayPage(PortalPage):
    """Article: .asset-full-content, .journal-content-article, a display page; list .box-news-xx, .news-item."""

    platform = "liferay"
    HOSTS = ("quangngai.gov.vn",)
    """Quảng Ngãi's portals all run Liferay; those in the portal-qni theme are "quangngai-portal"."""
    # the general family: "quangngai-portal" must show more evidence than this class to win a page
    MARKERS = LIFERAY_MARKERS + (
        r'name="generator"[^>]*content="Liferay|content="Liferay[^"]*"[^>]*name="generator"',
        r'[="&]/o/[\w.-]+/',
        r"_com_liferay_\w+_portlet_",
        r"data-senna-track=",
        r"\bLiferay\.Loader\b|/o/js_loader_config",
        r"\blexicon-icon\b",
    )
    """Liferay of any version; the generator; 7.x: /o/, portlet namespaces, Senna, the Loader, Clay icons."""
    URL_MARKER = r"/-/(?:asset_publisher|[\w-]+/)|/web/[\w-]+/"
    TITLE = (
        ".asset-full-content h1.title-news", ".taglib-header h3.header-title",
        ".asset-full-content h3.header-title", "h3.header-title", ".asset-full-content h1",
        ".asset-full-content .asset-title", ".journal-content-article h1", ".news-detail h1.title",
        ".news-detail .title", ".lfr-layout-page h1", "h1",
    )
    """6.2 themes title the asset in h3.header-title (Liferay's taglib header); 7.x in an h1."""
    DATE = (
        ".asset-full-content .date_post", ".asset-full-content .news-info-date .date-post",
        ".asset-full-content .date-post", ".asset-full-content .date-publish",
        ".asset-full-content .news-date", ".asset-full-content .news-info-date",
        ".asset-full-content [class*='date']", ".asset-full-content span.time",
        ".news-detail span.time", ".journal-content-article span.time",
        ".lfr-layout-page [data-lfr-editable-id*='date']", ".lfr-layout-page .component-text",
    )
    """ "01/10/2021 15:53 4792" (a view count after the time); "Thứ Hai, ngày 14/03/2022";
    "Ngày đăng: 25/04/2023 | Cập nhật: …"; a display page's text fragment "Ngày xuất bản: …"."""
    # every selector is scoped to the asset or display page: the header's today widget is outside
    LEAD = (".asset-full-content .sapo", ".news-detail .sapo", ".news-detail .summary")
    BODY = (
        ".journal-content-article .news-detail > .content",
        ".asset-full-content .asset-content .journal-content-article",
        ".asset-full-content .journal-content-article", ".asset-full-content .asset-content",
        ".news-detail .journal-content-article", ".journal-content-article", ".asset-full-content",
    )
    """A web-content template may wrap title, info line and sapo in .news-detail inside the article."""
    JUNK = (
        ".date_post", ".news-info-date", ".luot-xem", ".view-count", ".asset-more-actions",
        ".taglib-social-bookmarks", ".asset-links", ".asset-ratings", ".print-news", ".tin-lien-quan",
    )
    BYLINE = (".lfr-layout-page .article-author", ".lfr-layout-page [data-lfr-editable-id*='author']")
    """A display page maps the author to its own text fragment after the body."""
    LIST_ITEM = (
        "#column-1 div.box-news-xx", "div.box-news-xx",
        "#column-1 .list-news .news-item", ".list-news .news-item",
    )
    """The main column first: side portlets ("Tin nổi bật") reuse the list markup in #column-2."""
    LIST_LINK = ("h2.h2-title-xx a[href]", ".title a[href]", "h3 a[href]", "h2 a[href]", "a[href]")
    LIST_DATE = ("p.date_post", ".date_post", "span.time", ".time", ".date")
    """ "15:53 01/10/2021" on the provincial list: time first."""
    PAGER = (".lfr-pagination", ".taglib-page-iterator", "ul.pagination", ".pagination")
