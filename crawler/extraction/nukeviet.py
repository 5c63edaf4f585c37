"""NukeViet 4 news module (provincial Party sites on *.dcs.vn): /news/<cat>/<alias>-<id>.html."""

from __future__ import annotations

import re
from dataclasses import replace

from lxml.html import HtmlElement

from crawler.extraction import dom
from crawler.extraction.base import PortalPage
from crawler.items import Article
from crawler.text import clean_paragraph, clean_text

SOURCE_LABEL_RE = re.compile(r"^\s*nguồn(?:\s+tin)?\s*:\s*", re.I)
"""NukeViet's source field is printed as "Nguồn tin: Báo Tuyên Quang"."""


class NukeVietPage(PortalPage):
    """Article: h1.title, publtime "Thứ hai - 08/04/2024 10:15", .hometext + #news-bodyhtml."""

    platform = "nukeviet"
    MARKERS = (
        r'content="NukeViet v\d',
        r"/(?:uploads|assets)/news/\d{4}_\d{2}/",
        r'id="news-bodyhtml"',
        r"\bnv_base_siteurl\b",
        r'class="news_column\b',
    )
    """Markup only: many unrelated *.dcs.vn hosts run other platforms (angiang is SharePoint)."""
    URL_MARKER = r"/news/[\w-]+/(?:[\w-]+-\d+\.html|page-\d+)"
    TITLE = (".news_column h1.title", ".page h1.title", ".news-detail h1", "h1.title")
    DATE = (
        ".news_column span.h-date", ".news-detail span.h-date",
        ".news_column .panel-body > .row span.h5", ".news-detail .time",
    )
    """The theme's publtime; header "today" widgets and "Cập nhật" spans sit elsewhere."""
    LEAD = (".news_column .hometext", ".news-detail .hometext", ".page .hometext")
    BODY = ("#news-bodyhtml", ".news_column .bodytext", ".page .bodytext", ".news-detail .bodytext")
    JUNK = (".news-tools", ".print-hide", ".tinlienquan", ".socialicon")
    HEAD_CAPTIONS = (
        ".news_column figure.article figcaption", ".news-detail figure.article figcaption",
    )
    """The thumbnail shown above the body (figure.article) has its note outside the body."""
    BYLINE = (
        ".news_column .author", ".news-detail .author",
        ".news_column p.h5.text-right:contains('Tác giả')",
    )
    """ "Tác giả: Name (Unit)"; the default theme marks it only by its label."""
    SOURCE = (
        ".news_column .source", ".news-detail .source",
        ".news_column p.h5.text-right:contains('Nguồn tin')",
    )
    LIST_ITEM = (".news_column.panel", ".news_column .panel", ".news-content")
    LIST_LINK = ("h3 a[href]", "h2 a[href]", "a[href]")
    LIST_DATE = (".text-muted li", ".time", ".h-date")
    """Listing publtime "08/04/2024 10:15" is the first li; view and comment counts follow."""
    PAGER = ("ul.pagination", ".generate_page", ".pagination")

    def article(self, listing_date: str | None = None) -> Article:
        """The shared reading, with the source taken from NukeViet's "Nguồn tin" field."""
        article = super().article(listing_date)
        return replace(article, source=article.source or self.source_field())

    def source_field(self) -> str | None:
        """The original publisher from the "Nguồn tin:" line under the body, without its label."""
        for el in dom.select(self.root, self.SOURCE):
            source = SOURCE_LABEL_RE.sub("", clean_text(el.text_content()))
            if source:
                return source
        return None

    def take_captions(self, body: HtmlElement) -> list[str]:
        """The thumbnail's note above the body, then the captions inside the body."""
        head = dom.select(self.root, self.HEAD_CAPTIONS)
        notes = [clean_paragraph(el.text_content()) for el in head]
        return [note for note in notes if note] + super().take_captions(body)
