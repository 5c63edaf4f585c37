"""The fallback for unknown layouts: trafilatura for title and text, the archive's date rules."""

from __future__ import annotations

import copy
import re
from datetime import date
from itertools import islice

import htmldate
import trafilatura
from lxml import etree
from lxml.html import HtmlElement

from crawler.dates import DateCandidate, choose_date, local_now, parse_iso_date
from crawler.extraction import dom
from crawler.extraction.base import DateFinder, PortalPage, text_candidates, unique_candidates
from crawler.extraction.bylines import ORG_START, Byline, source_of, split_byline, theo_credit
from crawler.extraction.outlets import split_lede
from crawler.items import Article
from crawler.text import clean_paragraph, clean_text, is_blank

DATE_TRAP_RE = re.compile(
    r"related|other|lienquan|lien-quan|tinkhac|tin-khac|cungchuyenmuc|sidebar|side-bar|"
    r"col-right|right-col|box-right|widget|today|top-bar|topbar|header|footer|menu|nav|"
    r"most|comment|weather|marquee|tab-pane|breadcrumb|homnay|hom-nay|ngayhientai|"
    r"ngay-hien-tai|current-?date|clock",
    re.I,
)
"""Class/id words of page furniture whose dates are never the article's (today widget, lists)."""
TEXT_FURNITURE_RE = re.compile(
    r"related|other|lienquan|lien-quan|tinkhac|tin-khac|cungchuyenmuc|sidebar|side-bar|"
    r"col-right|right-col|box-right|widget|most|comment|thongke|thong-ke|counter|marquee|"
    r"tinmoi|tin-moi|share|social|tags|breadcrumb",
    re.I,
)
"""Class/id words of blocks that are never main text (related lists, counters, tickers)."""
TRAP_XPATH = "//*[@class or @id]"
ORG_RE = re.compile(rf"^{ORG_START}")
LIST_HEADINGS = ("h2", "h3", "h4")
LIST_TITLE_MIN_CHARS = 15
DATE_LINE_MAX_CHARS = 80
TITLE_NEIGHBOURS = 3
"""How many elements after the title (and after its parent) may hold the date line."""
YEARLESS_LINE_MAX_CHARS = 40
"""A date line short enough to be only a date ("Thứ Hai, 8/7 14:30"), not a lead sentence."""
URL_ATTRIBUTES = ("href", "src", "srcset", "data-src", "data-original", "poster", "action")
"""Links and file names carry upload stamps ("_20220113175012.jpg"), never the article's date."""
PAGE_SOURCES = ("selector", "meta", "json-ld", "byline")
INVISIBLE_TAGS = frozenset(("script", "style", "noscript", "template", "input", "textarea", "select"))
OUTSIDE_CONTENT_XPATH = (
    "ancestor::nav or ancestor::footer or ancestor::aside"
    " or (ancestor::header and not(ancestor::article) and not(ancestor::main))"
)
"""Headline links in menus, footers and the site header are not listing items."""


class GenericPage(PortalPage):
    """Any page: trafilatura (precision first) for text, dates from markup then htmldate."""

    platform = "generic"
    DATE = ("time[datetime]", "[itemprop='datePublished']")

    def article(self, listing_date: str | None = None) -> Article:
        """The article as trafilatura reads it, with the archive's date and source rules."""
        extracted = self.extraction()
        title = self.generic_title(extracted)
        paragraphs = self.paragraphs(extracted.text if extracted else "")
        paragraphs = paragraphs[1:] if paragraphs and paragraphs[0] == title else paragraphs
        paragraphs, source, byline = take_trailer_lines(paragraphs)
        byline = byline if byline.author else Byline(self.author(), source=byline.source)
        return self.make_article(listing_date, title, paragraphs, byline, source, [])

    def extraction(self):
        """trafilatura's reading of the page (a Document), or None."""
        return trafilatura.bare_extraction(
            without(self.root, TEXT_FURNITURE_RE), url=self.url, include_comments=False,
            favor_precision=True, include_tables=True, with_metadata=True,
            date_extraction_params={"original_date": True, "max_date": self.fetched_day()},
        )

    def paragraphs(self, text: str | None) -> list[str]:
        """trafilatura's lines as paragraphs, blank ones dropped."""
        lines = (clean_paragraph(line) for line in (text or "").split("\n"))
        return [line for line in lines if not is_blank(line)]

    def generic_title(self, extracted) -> str | None:
        """trafilatura's title, else the page's <h1>, og:title or <title>."""
        title = clean_text(getattr(extracted, "title", None) or "")
        return split_lede(title)[1] or self.title()

    def author(self) -> str | None:
        """A person named as author in JSON-LD or <meta name=author> (units and site names are not)."""
        names = [name for obj in self.ld_objects for name in _ld_author_names(obj)]
        names.append(clean_text(dom.meta_content(self.root, ("author", "article:author")) or ""))
        site = clean_text(dom.meta_content(self.root, ("og:site_name",)) or "")
        for name in names:
            if name and name != site and not ORG_RE.match(name) and "://" not in name:
                return name
        return None

    def date_finders(self) -> list[DateFinder]:
        """Date elements outside the page furniture, the line under the <h1>, meta, JSON-LD."""
        return [
            self.selector_candidates, self.title_line_candidates, self.meta_candidates,
            self.json_ld_candidates,
        ]

    def date_candidates(
        self, listing_date: str | None = None, byline: Byline | None = None,
    ) -> list[DateCandidate]:
        """The shared candidates; htmldate only when the page's own finders chose nothing."""
        found = super().date_candidates(listing_date, byline)
        if choose_date([c for c in found if c.source in PAGE_SOURCES]):
            return found
        return unique_candidates(self.htmldate_candidates() + found)

    def selector_candidates(self, reference: date | None) -> list[DateCandidate]:
        """time[datetime] and itemprop=datePublished, except in related lists, headers, sidebars."""
        for el in dom.select(self.root, self.DATE):
            found = [] if in_furniture(el, DATE_TRAP_RE) else self.element_candidates(el, reference)
            if found:
                return found
        return []

    def title_line_candidates(self, reference: date | None) -> list[DateCandidate]:
        """A short date line right after the <h1> (or after the block that holds it)."""
        heading = dom.first(self.root, ("h1",))
        anchors = (heading, heading.getparent()) if heading is not None else ()
        for anchor in (a for a in anchors if a is not None):
            for sibling in islice(anchor.itersiblings(etree.Element), TITLE_NEIGHBOURS):
                if sibling.tag in INVISIBLE_TAGS or in_furniture(sibling, DATE_TRAP_RE):
                    continue  # scripts hold the fetch time, related boxes other articles' dates
                text = clean_text(sibling.text_content())
                if len(text) > DATE_LINE_MAX_CHARS:
                    break  # the body starts: there is no date line
                near = reference if len(text) <= YEARLESS_LINE_MAX_CHARS else None
                found = text_candidates(text, "selector", self.fetched_at, near)
                if found:
                    return found
        return []

    def htmldate_candidates(self) -> list[DateCandidate]:
        """htmldate on the visible page: no head, scripts, links, file names, lists or sidebars."""
        tree = without(self.root, DATE_TRAP_RE)
        for el in tree.iter(etree.Element):
            for attribute in URL_ATTRIBUTES:
                el.attrib.pop(attribute, None)
        head = tree.find("head")
        if head is not None:
            head.drop_tree()  # meta and JSON-LD were read already, with their own sources
        found = htmldate.find_date(
            tree, original_date=True, extensive_search=False, max_date=self.fetched_day(),
        )
        value = parse_iso_date(found, self.fetched_at)
        return [DateCandidate(value, "selector", f"htmldate:{found}")] if value else []

    def fetched_day(self) -> str:
        """The fetch day in local time (upper bound for any publication date)."""
        return local_now(self.fetched_at).date().isoformat()

    def list_items(self) -> list[HtmlElement]:
        """Blocks around headline links (h2/h3/h4 with a long enough link text)."""
        items = []
        for heading in self.root.iter(*LIST_HEADINGS):
            link = heading.find(".//a[@href]")
            if link is None or heading.xpath(OUTSIDE_CONTENT_XPATH):
                continue
            if len(clean_text(link.text_content())) >= LIST_TITLE_MIN_CHARS:
                items.append(heading.getparent() if heading.getparent() is not None else heading)
        return items


def take_trailer_lines(paragraphs: list[str]) -> tuple[list[str], str | None, Byline]:
    """Remove trailing source lines and "Theo …" credits; return the source and byline."""
    paragraphs, source, byline = list(paragraphs), None, Byline()
    while paragraphs:
        last = paragraphs[-1]
        credit = theo_credit(last) if len(last) <= DATE_LINE_MAX_CHARS else None
        if source is None and source_of(last):
            source = source_of(last)
        elif byline.author is None and credit is not None and credit.source:
            byline = split_byline(last)
        else:
            break
        paragraphs.pop()
    return paragraphs, source or byline.source, byline


def in_furniture(el: HtmlElement, furniture: re.Pattern) -> bool:
    """True when the element or an ancestor has a class or id of page furniture."""
    for node in (el, *el.iterancestors()):
        if node.tag != "body" and furniture.search(f"{node.get('class', '')} {node.get('id', '')}"):
            return True
    return False


def without(root: HtmlElement, furniture: re.Pattern) -> HtmlElement:
    """A copy of the page without scripts, form fields and blocks whose class or id is furniture."""
    tree = copy.deepcopy(root)
    dom.drop(tree, tuple(INVISIBLE_TAGS))  # fetch-time stamps
    for el in tree.xpath(TRAP_XPATH):
        words = f"{el.get('class', '')} {el.get('id', '')}"
        if furniture.search(words) and el.getparent() is not None and el.tag != "body":
            el.drop_tree()
    return tree


def _ld_author_names(obj: dict) -> list[str]:
    """Author names of a JSON-LD object (a string, a Person, or a list of them)."""
    authors = obj.get("author") or []
    authors = authors if isinstance(authors, list) else [authors]
    names = [a.get("name", "") if isinstance(a, dict) else str(a) for a in authors]
    return [clean_text(name) for name in names if name]
