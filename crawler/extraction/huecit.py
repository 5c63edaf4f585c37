"""HueCIT .NET WebForms portals of Thừa Thiên Huế (phongdien.thuathienhue.gov.vn): ?gd=&cn=&tc=."""

from __future__ import annotations

from crawler.extraction.base import PortalPage


class HueCitPage(PortalPage):
    """Article: div.news-detail; byline div.news-author after the content; list div.news-item."""

    platform = "huecit"
    HOSTS = ("thuathienhue.gov.vn",)
    MARKERS = (
        r"ctl00_ContentPlaceHolder1",
        r"\?gd=\d+&(?:amp;)?cn=\d+",
        r"HueCIT",
        r'class="news-item-title"',
        r'class="news-author"',
    )
    URL_MARKER = r"[?&]gd=\d+"
    TITLE = ("div.news-detail .news-title", "span[id$='_lblTitle']", "div.news-detail h1")
    DATE = ("div.news-detail .news-date", "span[id$='_lblDate']")
    """ "Ngày cập nhật 11/09/2021": the only date these pages show."""
    BODY = ("div.news-detail div.news-content", "div[id$='_divContent']", "div.news-content")
    JUNK = ("div.news-tools", "div.news-share", "div.other-news")
    BYLINE = ("div.news-detail div.news-author", "div.news-author")
    LIST_ITEM = ("div.list-news div.news-item", "div.news-item")
    LIST_LINK = (".news-item-title a[href]", "h2 a[href]", "h3 a[href]", "a[href]")
    LIST_DATE = (".news-item-title span.date", "span.date", ".date")
    PAGER = ("div.pager", ".paging", ".pagination")
