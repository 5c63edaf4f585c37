"""danvan.vn before tuyengiaodanvan.vn (ASP.NET MVC): /Home/<section>/<category>/<slug>/<id>."""

from __future__ import annotations

from crawler.extraction.base import PortalPage


class DanvanLegacyPage(PortalPage):
    """Article: h1.detail-title + #divContent, no date on the page; list div.news-item."""

    platform = "danvan-legacy"
    HOSTS = ("danvan.vn",)
    MARKERS = (
        r'id="divContent"',
        r'class="detail-title"',
        r'href="/Home/[A-Z][\w-]+',
        r'class="news-date"',
        r'class="tplCaption"',
    )
    URL_MARKER = r"/Home/[A-Z][\w-]+/"
    TITLE = (".detail-news h1.detail-title", "h1.detail-title", ".detail-news h1")
    DATE = (".detail-news > .detail-date", ".detail-news > .news-date", ".detail-news > .date")
    """Usually none: never the header's today widget (#lblToday) or "Các tin khác" dates."""
    BODY = (".detail-news #divContent", "#divContent", ".detail-content")
    JUNK = (".detail-tools", ".feedback-box", ".other-news")
    CAPTIONS = ("table.tplCaption td.image-caption", "td.image-caption", "figcaption")
    LIST_ITEM = (".list-news div.news-item", "div.news-item")
    LIST_LINK = ("h3.news-title a[href]", ".news-title a[href]", "h3 a[href]", "a[href]")
    LIST_DATE = ("span.news-date", ".news-date", ".date")
    PAGER = ("ul.pagination", ".pagination", ".paging")
