"""The fallback for unknown layouts: trafilatura for title and text, the archive's date rules."""

from __future__ import annotations

import copy
import re
from itertools import islice
from typing import Callable

import htmldate
import trafilatura
from lxml import etree
from lxml.html import HtmlElement

from crawler.dates import local_now, parse_date, parse_iso_date
from crawler.documents import find_documents
from crawler.extraction import dom
from crawler.extraction.base import LEDE_PREFIX_RE, PortalPage
from crawler.extraction.bylines import ORG_START, source_of
from crawler.items import Article
from crawler.text import clean_paragraph, clean_text, is_blank, join_paragraphs

DATE_TRAP_RE = re.compile(
    r"related|other|lienquan|lien-quan|tinkhac|tin-khac|cungchuyenmuc|sidebar|side-bar|"
    r"col-right|right-col|box-right|widget|today|top-bar|topbar|header|footer|menu|nav|"
    r"most|comment|weather|marquee|tab-pane|breadcrumb",
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
        paragraphs, source = take_source_lines(paragraphs)
        published, published_source = self.published(listing_date)
        text = join_paragraphs(paragraphs)
        return Article(
            url=self.url, platform=self.platform, title=title,
            published=published, published_source=published_source, author=self.author(),
            source=source, text=text, documents=find_documents(text),
        )

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
        return LEDE_PREFIX_RE.sub("", title) or self.title()

    def author(self) -> str | None:
        """A person named as author in JSON-LD or <meta name=author> (units and site names are not)."""
        names = [name for obj in dom.json_ld(self.root) for name in _ld_author_names(obj)]
        names.append(clean_text(dom.meta_content(self.root, ("author", "article:author")) or ""))
        site = clean_text(dom.meta_content(self.root, ("og:site_name",)) or "")
        for name in names:
            if name and name != site and not ORG_RE.match(name) and "://" not in name:
                return name
        return None

    def date_finders(self) -> list[tuple[Callable[[], str | None], str]]:
        """Meta, JSON-LD and time[datetime] first; then htmldate on the page without furniture."""
        return [
            (self.meta_date, "meta"),
            (self.json_ld_date, "json-ld"),
            (self.selector_date, "selector"),
            (self.title_line_date, "selector"),
            (self.htmldate_date, "selector"),  # htmldate reads date-like elements and attributes
        ]

    def title_line_date(self) -> str | None:
        """A short date line right after the <h1> (or after the block that holds it)."""
        heading = dom.first(self.root, ("h1",))
        anchors = (heading, heading.getparent()) if heading is not None else ()
        for anchor in (a for a in anchors if a is not None):
            for sibling in islice(anchor.itersiblings(etree.Element), TITLE_NEIGHBOURS):
                text = clean_text(sibling.text_content())
                if len(text) > DATE_LINE_MAX_CHARS:
                    break  # the body starts: there is no date line
                value = parse_date(text, self.fetched_at)
                if value:
                    return value
        return None

    def htmldate_date(self) -> str | None:
        """htmldate's original publication date, after removing lists, headers and sidebars."""
        found = htmldate.find_date(
            without(self.root, DATE_TRAP_RE), url=self.url, original_date=True,
            extensive_search=False, max_date=self.fetched_day(),
        )
        return parse_iso_date(found, self.fetched_at)

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


def take_source_lines(paragraphs: list[str]) -> tuple[list[str], str | None]:
    """Remove a trailing source line ("(baogialai.com.vn)", "Nguồn: …") and return its source."""
    if paragraphs and source_of(paragraphs[-1]):
        return paragraphs[:-1], source_of(paragraphs[-1])
    return paragraphs, None


def without(root: HtmlElement, furniture: re.Pattern) -> HtmlElement:
    """A copy of the page without scripts, form fields and blocks whose class or id is furniture."""
    tree = copy.deepcopy(root)
    dom.drop(tree, ("script", "style", "noscript", "input", "textarea", "select"))  # fetch-time stamps
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
