"""VHV e-government portals (post-2025 province and commune sites): files under /upload/<unit>/<yyyymmdd>/."""

from __future__ import annotations

from lxml.html import HtmlElement

from crawler.extraction import dom
from crawler.extraction.base import IN_SIDEBAR, PortalPage


class VhvPage(PortalPage):
    """Article: news-detail-layout, ArticleHeader, Article-News, zone-content, entry-content; two lists."""

    platform = "vhv"
    HOSTS = ()
    MARKERS = (
        r"templatesotc\.vhv\.vn",
        r"\bVHV\.(?:alert|App|Module|load)\b",
        r'class="ModuleWrapper"[^>]*moduleRootId|moduleRootId="\d+"',
        r"/upload/\d{4,}/\d{8}/",
        r'class="[^"]*\b(?:news-detail-layout-type-\d|title-detail|block-core-a5)\b',
        r'class="[^"]*\b(?:listNewsType1|Article-Detail-listType5|listType6)\b',
    )
    """The vendor's template host and JS namespace, module containers, dated upload paths, layouts."""
    TITLE = (
        "article[class*='news-detail-layout'] h1.title-detail", "h1.title-detail",
        ".ArticleHeader h1", ".ArticleHeader .Title", ".ArticleHeader .ArticleTitle", ".Article-News h1.Title",
        ".Article-News .Title", ".Article-News .ArticleTitle",
        ".zone-content h1.entry-title", ".zone-content .article-header h1",
        "header.entry-header h1.entry-title", "h1",
    )
    DATE = (
        "h1.title-detail + * span.post-date", "h1.title-detail + span.post-date",
        "meta[itemprop='datePublished']", ".ArticleHeader .PostDate", ".ArticleHeader .ArticleDate",
        ".Article-News > .Date", ".Article-News > .news-date",
        ".zone-content .entry-meta time", ".zone-content .article-info",
        "header.entry-header .entry-meta time",
        "article[class*='news-detail-layout'] .post-date",
    )
    """ "17:23:45 | 07/08/2018" on the line after the title; the meta holds the same instant."""
    # relatedArticles inside the same <article> reuse span.post-date: dates in related boxes are skipped
    LEAD = (
        "article[class*='news-detail-layout'] div.brief", ".ArticleHeader .Lead", ".ArticleContent .Lead",
        ".Article-News > .Lead", ".Article-News > .ArticleSummary", ".zone-content .article-sapo",
    )
    BODY = (
        "div.block-core-a5 > div.content-detail[itemprop='articleBody']", "div.content-detail",
        ".ArticleContent .ArticleBody", ".ArticleContent", ".Article-News > .Content",
        ".zone-content .article-content", ".zone-content .entry-content", "article.post .entry-content",
        "#ctl01_divContent",
    )
    JUNK = (
        "div.social-connect", "div[id^='audio']", ".rating", ".relatedArticles", ".ArticleTools",
        ".tags-detail", ".print-share", ".Tool",
    )
    BYLINE = ("article[class*='news-detail-layout'] .author-detail", ".ArticleContent .author-detail")
    """Type-2 layouts set the byline in its own box after the body (not always: else the trailer)."""
    LIST_ITEM = (
        "div.listNewsType1 article.item-block", "section.Article-Detail-listType5 div.listType6.news-item",
    )
    LIST_LINK = ("h4.entry-title a[href]", "div.news-title a[href]", "h3 a[href]", "a[href]")
    LIST_DATE = ("time.post-date", "span.time-news", ".post-date")
    """ "(dd/mm/yyyy)" in brackets on both list layouts."""
    PAGER = ("[id^='pagination']", "ul.pagination", ".pagination")
    """Rendered by JS: on the server page it is empty, or holds ?page=N links."""

    def list_items(self) -> list[HtmlElement]:
        """Items of the first list layout that has any outside the sidebars."""
        # VHV sidebars reuse listNewsType1, so a sidebar box must not hide the main listType6 list
        for selector in self.LIST_ITEM:
            items = [item for item in dom.query(self.root, selector) if not IN_SIDEBAR(item)]
            if items:
                return items
        return []
