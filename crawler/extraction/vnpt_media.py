"""VNPT-Media CMS of provincial broadcasters and papers (hagiangtv.vn): /<cat>/<YYYYMM>/<slug>-<7hex>/."""

from __future__ import annotations

from crawler.extraction.base import PortalPage


class VnptMediaPage(PortalPage):
    """Article: h1.article-title, div.date, div.article_content #content; list div.item-news."""

    platform = "vnpt-media"
    HOSTS = ("hagiangtv.vn",)
    MARKERS = (
        r"/file/[0-9a-f]{32}/",
        r"scUnitMapId",
        r'class="article_content"',
        r'class="title2"',
        r'class="item-news\b',
    )
    URL_MARKER = r"/\d{6}/[\w-]+-[0-9a-f]{7}/?$"
    TITLE = (".article-detail h1.article-title", "h1.article-title", ".article-detail h1")
    DATE = (".article-detail .article-meta .date", ".article-meta .date", ".article-detail > div.date")
    """ "17:53, 13/01/2022": time first."""
    BODY = (
        ".article_content div.content#content", ".article_content #content",
        "div#content.content-detail", "div#content.content",
    )
    JUNK = ("div[id^='audio']", ".article-tags", ".share-bottom", ".comment-box")
    CAPTIONS = ("table.image td.image_desc", "td.image_desc", "figcaption")
    LIST_ITEM = (".list-news div.item-news", "div.item-news")
    LIST_LINK = (
        "a.title2[href]", "a.title1[href]", "a.title3[href]", "a.title5[href]", "h2 a[href]",
        "h3 a[href]", "a[href]",
    )
    LIST_DATE = ("div.time", ".time", ".date")
    PAGER = ("div.paging", ".paging", ".pagination")
