"""NukeViet 4 news module (provincial Party sites on *.dcs.vn): /news/<cat>/<alias>-<id>.html.

Themes differ in class names (.news_column, .news-detail, .detail-news, .page) but not in the
module's own parts: the body is ``#news-bodyhtml`` (or ``.bodytext``), the lead ``.hometext``, and
the fields under the body are printed with the module's labels ("Tác giả bài viết:", "Nguồn tin:").
So every field is read inside the article's scope, the element holding both the title and the body.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from functools import cached_property

from lxml.html import HtmlElement

from crawler.dates import PUBLISHED, DateCandidate
from crawler.extraction import dom
from crawler.extraction.base import RELATED_HEADING_RE, PortalPage
from crawler.extraction.bylines import Byline, normalise_source, split_byline
from crawler.extraction.generic import LEAD_SELECTORS, container_heading, lead_element, titled_container
from crawler.extraction.outlets import outlet_for
from crawler.items import Article
from crawler.text import clean_paragraph, clean_text

AUTHOR_LABEL_RE = re.compile(r"^\s*(?:tác\s+giả(?:\s+bài\s+viết)?|người\s+viết)\s*:\s*", re.I)
"""NukeViet's author label ("Tác giả bài viết" in the vi language file, "Tác giả" in themes)."""
SOURCE_LABEL_RE = re.compile(r"^\s*nguồn(?:\s+tin)?\s*:\s*", re.I)
"""NukeViet's source field is printed as "Nguồn tin: Báo Tuyên Quang"."""
FIELD_TAGS = ("p", "div", "span", "li")
"""Elements that may hold one labelled field line under the body."""
SIGNATURE_MAX_WORDS = 6
CAPITALS_RE = re.compile(r"[^\W\d_][^\W\d_ .\-–—,&]*(?:[ .\-–—,&]+[^\W\d_]+)*\.?")
"""Letters in words joined by spaces, dots, dashes or commas: a name, not a sentence or a date."""
SCOPE_DATE = (
    ".h-date", ".post-date", "span.h5", ".news-info", ".meta", "time[datetime]",
    "[itemprop='datePublished']", ".time", ".date",
)
"""The publication line in the article scope, theme-specific classes first, generic ones after."""
SCOPE_LEAD = (".hometext", *LEAD_SELECTORS)
"""The module's hometext, then the lead class words other themes use."""
SCOPE_CAPTIONS = ("figure.article figcaption",)
"""The thumbnail shown above the body (figure.article) has its note outside the body."""
NOT_DATE_XPATH = (
    "ancestor-or-self::li or ancestor::*[contains(@class, 'related') or contains(@class, 'other')"
    " or contains(@class, 'tinlienquan')]"
)
"""Lists of other articles inside the scope: their dates are theirs."""


class NukeVietPage(PortalPage):
    """Article: h1, publtime "Thứ hai - 08/04/2024 10:15", .hometext + #news-bodyhtml, in scope."""

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
    BODY = (
        "#news-bodyhtml", ".news_column .bodytext", ".page .bodytext", ".news-detail .bodytext",
        ".bodytext",
    )
    JUNK = (".news-tools", ".print-hide", ".tinlienquan", ".socialicon")
    LIST_ITEM = (".news_column.panel", ".news_column .panel", ".news-content")
    LIST_LINK = ("h3 a[href]", "h2 a[href]", "a[href]")
    LIST_DATE = (".text-muted li", ".time", ".h-date")
    """Listing publtime "08/04/2024 10:15" is the first li; view and comment counts follow."""
    PAGER = ("ul.pagination", ".generate_page", ".pagination")

    # --- the article scope -----------------------------------------------------------------

    @cached_property
    def body_node(self) -> HtmlElement | None:
        """The body container in the page tree (found once, before any junk is dropped)."""
        return dom.first(self.root, self.BODY)

    @cached_property
    def scope(self) -> HtmlElement:
        """The element holding the title and the body: the article, not the page."""
        return titled_container(self.body_node) if self.body_node is not None else self.root

    def outside_body(self, el: HtmlElement) -> bool:
        """True for an element that is not the body or inside it."""
        body = self.body_node
        return body is None or (el is not body and body not in el.iterancestors())

    def in_scope(self, selectors: tuple[str, ...]) -> list[HtmlElement]:
        """Scope elements matching the selectors, outside the body."""
        return [el for el in dom.select(self.scope, selectors) if self.outside_body(el)]

    # --- fields ----------------------------------------------------------------------------

    def article(self, listing_date: str | None = None) -> Article:
        """The shared reading, with the source taken from NukeViet's "Nguồn tin" field."""
        article = super().article(listing_date)
        return replace(article, source=article.source or self.source_field())

    @cached_property
    def title_element(self) -> HtmlElement | None:
        """The scope's visible h1, else the theme selectors."""
        heading = container_heading(self.body_node) if self.body_node is not None else None
        return heading if heading is not None else super().title_element

    def selector_candidates(self, reference: date | None) -> list[DateCandidate]:
        """The publication line of the scope, up to the first element showing a publication date."""
        found: list[DateCandidate] = []
        for el in self.in_scope(SCOPE_DATE):
            if el.xpath(NOT_DATE_XPATH):
                continue
            found += self.element_candidates(el, reference)
            if any(candidate.kind == PUBLISHED for candidate in found):
                return found  # later selectors are other themes' classes
        return found + self.head_line_candidates(reference)  # a theme whose classes are unknown

    def lead_blocks(self, body: HtmlElement) -> list[dom.Block]:
        """The visible lead of the scope (.hometext, or a lead class word) before the body."""
        lead = lead_element(body, SCOPE_LEAD)
        return dom.iter_blocks(lead) if lead is not None else []

    def dedicated_byline(self, body: HtmlElement) -> Byline:
        """The labelled author field ("Tác giả bài viết: Name (Unit)"), else a signature in capitals."""
        line = self.field_line(AUTHOR_LABEL_RE)
        text = AUTHOR_LABEL_RE.sub("", clean_text(line.text_content())) if line is not None else ""
        if line is None:
            line = capitals_signature(body)
            text = clean_text(line.text_content()) if line is not None else ""
        if line is not None:
            line.drop_tree()
        return split_byline(text) if text else Byline()

    def source_field(self) -> str | None:
        """The original publisher from the "Nguồn tin:" line, without its label."""
        line = self.field_line(SOURCE_LABEL_RE)
        text = SOURCE_LABEL_RE.sub("", clean_text(line.text_content())) if line is not None else ""
        return normalise_source(text) or None

    def field_line(self, label: re.Pattern) -> HtmlElement | None:
        """The innermost scope element whose text starts with the field label (the last one)."""
        lines = [el for el in self.scope.iter(*FIELD_TAGS) if is_field(el, label)]
        innermost = [el for el in lines if not any(el in other.iterancestors() for other in lines)]
        return innermost[-1] if innermost else None  # the fields close the article

    def take_captions(self, body: HtmlElement) -> list[str]:
        """The thumbnail's note above the body, then the captions inside the body."""
        notes = [clean_paragraph(el.text_content()) for el in self.in_scope(SCOPE_CAPTIONS)]
        return [note for note in notes if note] + super().take_captions(body)


def is_field(el: HtmlElement, label: re.Pattern) -> bool:
    """True when the element's text is the label followed by a value."""
    text = clean_text(el.text_content())
    return el.getparent() is not None and label.match(text) is not None and bool(label.sub("", text))


def capitals_signature(body: HtmlElement) -> HtmlElement | None:
    """The body's last paragraph when it is a short name in capitals ("PHƯƠNG DUYÊN"), else None."""
    blocks = dom.iter_blocks(body)
    if not blocks:
        return None
    last = blocks[-1]
    text = last.text
    if len(text.split()) > SIGNATURE_MAX_WORDS or not CAPITALS_RE.fullmatch(text) or text != text.upper():
        return None
    if outlet_for(text.strip(".")) is not None or RELATED_HEADING_RE.match(text):
        return None  # "TTXVN" credits an outlet; "TIN LIÊN QUAN" heads a list
    return last.element if last.element is not body else None
