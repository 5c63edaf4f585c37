"""mCMS "zce" newspapers (baogialai.com.vn, baolaocai, sggp, nhandan): /<slug>-post<id>.html."""

from __future__ import annotations

from crawler.extraction.base import PortalPage


class McmsPage(PortalPage):
    """Article: h1.article__title, time.time[datetime], sapo + body; author div.t1 > span.t2."""

    platform = "mcms"
    HOSTS = ("baogialai.com.vn",)
    MARKERS = (
        r"zce-content-body",
        r'class="[^"]*\barticle__body\b',
        r"common\.mcms\.one",
        r'class="[^"]*\bstory__heading\b',
        r'class="[^"]*\barticle__sapo\b',
    )
    URL_MARKER = r"-post\d+\.html$"
    TITLE = ("h1.article__title", ".article__header h1", "h1")
    DATE = (".article__meta time.time[datetime]", ".article__meta time[datetime]", ".article__meta .time")
    """datetime="2025-06-17T13:43:02+0700" (no colon in the offset)."""
    LEAD = ("div.article__sapo", ".article__sapo")
    """The sapo starts the main text; its "(GLO)- " lede tag stays there."""
    BODY = ("div.article__body.zce-content-body", "div.article__body", "div.cms-body")
    JUNK = ("div.sda_middle", ".rennab", ".article__related", ".box-related", "[class*='related']")
    BYLINE = (".article__body div.t1 > span.t2", "div.t1 > span.t2")
    LIST_ITEM = (".content-list article.story", "article.story")
    LIST_LINK = (
        "h2.story__heading a.cms-link[href]", ".story__heading a[href]", "h3 a[href]", "a[href]",
    )
    LIST_DATE = ("time.time[datetime]", "time[datetime]", ".time", "time")
    PAGER = (".pagination", ".paging", ".pager")
