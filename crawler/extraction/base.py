"""The page-object base: a platform is a set of selector constants over shared reading rules."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Callable, ClassVar

from lxml.html import HtmlElement

from crawler.dates import parse_date, parse_iso_date
from crawler.documents import find_documents
from crawler.extraction import dom
from crawler.extraction.bylines import Byline, split_byline, split_trailer
from crawler.items import Article
from crawler.text import clean_paragraph, clean_text, join_paragraphs

LEDE_PREFIX_RE = re.compile(r"^\(\s*[A-ZĐ]{2,8}\s*\)\s*[-–—:]\s*")
"""Newspaper lede tags such as "(GLO)- " belong to the text, never to the title."""
META_DATE_NAMES = (
    "article:published_time", "og:published_time", "datePublished", "pubdate", "publishdate",
    "dc.date.issued", "DC.date.issued",
)
SIDEBAR_XPATH = (
    "ancestor::aside or ancestor::nav or ancestor::footer or ancestor::*["
    "contains(@class, 'sidebar') or contains(@class, 'most-read') or contains(@class, 'related')]"
)
"""Listing-like boxes (most read, related) that are not the listing itself."""
TITLE_META_NAMES = ("og:title", "twitter:title")
TITLE_SUFFIX_RE = re.compile(r"\s+(?:[-|–—:»]\s+)[^-|–—:»]{2,80}$")
"""A site-name suffix of the <title> ("… - Cổng thông tin điện tử huyện Sơn Tịnh")."""


@dataclass
class ListingEntry:
    """One article link on a listing page."""

    url: str
    """Absolute URL of the article."""
    title: str
    """The link text."""
    date: str | None
    """The date the listing shows, in the archive's date format."""


@dataclass
class Listing:
    """A listing (category) page: its article links and the next page."""

    entries: list[ListingEntry] = field(default_factory=list)
    next_page: str | None = None
    """Absolute URL of the next listing page, or None on the last page."""


class PortalPage:
    """One page (article or listing) of a portal platform, read with the class's selectors."""

    platform: ClassVar[str] = "generic"
    HOSTS: ClassVar[tuple[str, ...]] = ()
    """Hosts known to run this platform (a host and its sub-domains)."""
    MARKERS: ClassVar[tuple[str, ...]] = ()
    """Regexes over the raw HTML that betray the platform (generator, class names, paths)."""
    URL_MARKER: ClassVar[str | None] = None
    """Regex over the page URL typical of the platform."""
    TITLE: ClassVar[tuple[str, ...]] = ("h1",)
    DATE: ClassVar[tuple[str, ...]] = ()
    """Elements holding the publication date (a ``datetime``/``content`` attribute wins)."""
    LEAD: ClassVar[tuple[str, ...]] = ()
    """Lead (sapo) containers whose paragraphs start the main text."""
    BODY: ClassVar[tuple[str, ...]] = ()
    JUNK: ClassVar[tuple[str, ...]] = ()
    """Elements inside the body that are not text (ads, share bars, related boxes)."""
    CAPTIONS: ClassVar[tuple[str, ...]] = ("figcaption", "td.image_desc", "td.image-caption")
    BYLINE: ClassVar[tuple[str, ...]] = ()
    """Dedicated byline elements; without them the last body paragraphs are checked."""
    LIST_ITEM: ClassVar[tuple[str, ...]] = ()
    LIST_LINK: ClassVar[tuple[str, ...]] = ("h2 a[href]", "h3 a[href]", "a[href]")
    LIST_DATE: ClassVar[tuple[str, ...]] = ("time", ".date", ".time")
    PAGER: ClassVar[tuple[str, ...]] = (".pager", ".paging", ".pagination")

    def __init__(self, url: str, html: str, fetched_at: datetime):
        """Parse the page once; nothing is read until a field is asked for."""
        self.url = url
        self.html = html
        self.fetched_at = fetched_at
        self.root = dom.parse_html(html)

    # --- article -------------------------------------------------------------------------

    def article(self, listing_date: str | None = None) -> Article:
        """The article this page shows, in the archive's conventions."""
        body = self.body_element()
        if body is None:
            return self.fallback().article(listing_date)
        captions = self.take_captions(body)
        byline = self.dedicated_byline(body)
        blocks = self.lead_blocks(body) + dom.iter_blocks(body)
        blocks, trailer = split_trailer(blocks, has_byline=byline.author is not None)
        byline = byline if byline.author else trailer.byline
        published, source = self.published(listing_date)
        text = join_paragraphs([block.text for block in blocks])
        return Article(
            url=self.url, platform=self.platform, title=self.title(), published=published,
            published_source=source, author=byline.author, author_org=byline.author_org,
            source=trailer.source, text=text, captions=captions, documents=find_documents(text),
        )

    def fallback(self) -> PortalPage:
        """The reader for a page whose body container is missing (layout change): generic."""
        from crawler.extraction.generic import GenericPage

        return GenericPage(self.url, self.html, self.fetched_at)

    def body_element(self) -> HtmlElement | None:
        """The body container with junk removed, or None when the layout does not match."""
        body = dom.first(self.root, self.BODY)
        if body is not None:
            dom.drop(body, dom.ALWAYS_JUNK + self.JUNK)
        return body

    def lead_blocks(self, body: HtmlElement) -> list[dom.Block]:
        """Paragraphs of the lead (sapo) container, unless the body already holds it."""
        lead = dom.first(self.root, self.LEAD)
        if lead is None or lead is body or body in lead.iterancestors():
            return []
        return dom.iter_blocks(lead)

    def take_captions(self, body: HtmlElement) -> list[str]:
        """Photo captions in order, removed from the body so they do not count as text."""
        captions = []
        for el in dom.select(body, self.CAPTIONS):
            text = clean_paragraph(el.text_content())
            if text:
                captions.append(text)
            if el.getparent() is not None:
                el.drop_tree()
        return captions

    def dedicated_byline(self, body: HtmlElement) -> Byline:
        """The byline from the platform's byline element (removed from the body if inside)."""
        for el in reversed(dom.select(self.root, self.BYLINE)):  # the byline closes the article
            text = clean_text(el.text_content())
            if el.getparent() is not None:
                el.drop_tree()
            if text:
                return split_byline(text)
        return Byline()

    def title(self) -> str | None:
        """The article title: platform selector, else og:title, else <title> without site name."""
        title = dom.first_text(self.root, self.TITLE)
        title = title or clean_text(dom.meta_content(self.root, TITLE_META_NAMES))
        title = title or TITLE_SUFFIX_RE.sub("", dom.first_text(self.root, ("title",)))
        return LEDE_PREFIX_RE.sub("", title) or None

    def published(self, listing_date: str | None = None) -> tuple[str | None, str | None]:
        """Publication date and where it came from: page, meta, JSON-LD, then the listing."""
        for find, source in self.date_finders():
            value = find()
            if value:
                return value, source
        value = parse_iso_date(listing_date, self.fetched_at)
        return (value, "listing") if value else (None, None)

    def date_finders(self) -> list[tuple[Callable[[], str | None], str]]:
        """The page's date sources in order of trust, each with its ``published_source`` name."""
        return [
            (self.selector_date, "selector"),
            (self.meta_date, "meta"),
            (self.json_ld_date, "json-ld"),
        ]

    def selector_date(self) -> str | None:
        """The date shown by the platform's date element."""
        for el in dom.select(self.root, self.DATE):
            machine = el.get("datetime") or el.get("content")
            value = parse_iso_date(machine, self.fetched_at) or parse_date(
                el.text_content(), self.fetched_at
            )
            if value:
                return value
        return None

    def meta_date(self) -> str | None:
        """The date in publication-date <meta> tags."""
        return parse_iso_date(dom.meta_content(self.root, META_DATE_NAMES), self.fetched_at)

    def json_ld_date(self) -> str | None:
        """The first JSON-LD ``datePublished``."""
        for obj in dom.json_ld(self.root):
            value = parse_iso_date(str(obj.get("datePublished") or ""), self.fetched_at)
            if value:
                return value
        return None

    # --- listing -------------------------------------------------------------------------

    def list_items(self) -> list[HtmlElement]:
        """The item blocks of a listing page, one per article link, sidebars left out."""
        items = dom.select_group(self.root, self.LIST_ITEM)
        return [item for item in items if not item.xpath(SIDEBAR_XPATH)]

    def listing(self) -> Listing:
        """The article links of a listing page and its next page."""
        from crawler.extraction.listing import read_listing

        return read_listing(self)
