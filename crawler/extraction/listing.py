"""Reading listing pages: article links, the dates shown beside them, and the next page."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lxml import etree
from lxml.html import HtmlElement

from datetime import date

from crawler.dates import local_now, parse_date, parse_iso_date
from crawler.extraction import dom
from crawler.text import clean_text

if TYPE_CHECKING:
    from crawler.extraction.base import Listing, ListingEntry, PortalPage

NEXT_TEXT_RE = re.compile(r"^(?:trang\s+)?(?:sau|tiếp(?:\s+theo)?|kế\s+tiếp|next)(?![^\W\d_])", re.I)
"""Sau », Trang sau », Tiếp, Next (a lone "»" often means the last page, so it is not here)."""
NEXT_MARKS = frozenset({"›", ">", "→", "Next ›"})
NEXT_CLASS_XPATH = (
    ".//a[@href][contains(concat(' ', normalize-space(@class), ' '), ' next ')]"
    " | .//li[contains(concat(' ', normalize-space(@class), ' '), ' next ')]/a[@href]"
)
REL_NEXT_XPATH = "//a[@href][contains(concat(' ', normalize-space(@rel), ' '), ' next ')]"
CURRENT_XPATH = (
    ".//*[contains(concat(' ', normalize-space(@class), ' '), ' active ')"
    " or contains(concat(' ', normalize-space(@class), ' '), ' current ')"
    " or contains(concat(' ', normalize-space(@class), ' '), ' selected ')"
    " or @aria-current]"
)
DISABLED_XPATH = "ancestor-or-self::*[contains(concat(' ', normalize-space(@class), ' '), ' disabled ')]"
# compiled once: element.xpath(string) compiles its expression on every call (every link of every pager)
REL_NEXT_LINKS, NEXT_CLASS_LINKS, CURRENT_MARKERS, IS_DISABLED = map(
    etree.XPath, (REL_NEXT_XPATH, NEXT_CLASS_XPATH, CURRENT_XPATH, DISABLED_XPATH)
)


def read_listing(page: PortalPage) -> Listing:
    """The entries and next page of a listing page, read with the page's selectors."""
    from crawler.extraction.base import Listing

    base = dom.base_url(page.root, page.url)
    entries: dict[str, ListingEntry] = {}
    # A year-less "(13/9)" takes the year of the dated item above it, else of the fetch day.
    reference = local_now(page.fetched_at).date()
    for item in page.list_items():
        entry = read_entry(page, item, base, reference)
        if entry is not None and entry.url not in entries:
            entries[entry.url] = entry
            reference = date.fromisoformat(entry.date[:10]) if entry.date else reference
    return Listing(list(entries.values()), find_next(page.root, page.PAGER, base))


def read_entry(page: PortalPage, item: HtmlElement, base: str, reference: date) -> ListingEntry | None:
    """One listing item: its article link, link text and shown date."""
    from crawler.extraction.base import ListingEntry

    link = item_link(item, page.LIST_LINK)
    url = dom.absolute_link(link.get("href"), base) if link is not None else None
    if url is None:
        return None
    title = clean_text(link.text_content()) or clean_text(link.get("title"))
    return ListingEntry(url, title, item_date(item, page.LIST_DATE, page.fetched_at, reference))


def item_link(item: HtmlElement, selectors: tuple[str, ...]) -> HtmlElement | None:
    """The first link of an item that has text (image links come first in many layouts)."""
    for link in dom.iter_select(item, selectors):
        if clean_text(link.text_content()) or link.get("title"):
            return link
    return None


def item_date(item: HtmlElement, selectors: tuple[str, ...], fetched_at, reference: date) -> str | None:
    """The date shown in a listing item, in the archive format (year-less dates need ``reference``)."""
    for el in dom.iter_select(item, selectors):
        value = parse_iso_date(el.get("datetime"), fetched_at) or parse_date(
            el.text_content(), fetched_at, reference
        )
        if value:
            return value
    return None


def find_next(root: HtmlElement, pagers: tuple[str, ...], base: str) -> str | None:
    """The next listing page: rel=next, a "next" class, a "Sau/Tiếp" link, or current page + 1."""
    for link in REL_NEXT_LINKS(root):
        url = usable(link, base)
        if url:
            return url
    for pager in dom.iter_select(root, pagers):
        url = next_in_pager(pager, base)
        if url:
            return url
    return None


def next_in_pager(pager: HtmlElement, base: str) -> str | None:
    """The next-page link inside one pagination block."""
    links = [link for link in pager.iter("a") if usable(link, base)]
    candidates = (
        NEXT_CLASS_LINKS(pager)
        + [link for link in links if NEXT_TEXT_RE.match(clean_text(link.text_content()))]
        + following_number(pager, links)
        + [link for link in links if clean_text(link.text_content()) in NEXT_MARKS]
    )
    for link in candidates:
        url = usable(link, base)
        if url:
            return url
    return None


def following_number(pager: HtmlElement, links: list[HtmlElement]) -> list[HtmlElement]:
    """The link numbered one more than the current page's marker."""
    for marker in CURRENT_MARKERS(pager):
        text = clean_text(marker.text_content())
        if text.isdigit():
            wanted = str(int(text) + 1)
            return [link for link in links if clean_text(link.text_content()) == wanted]
    return []


def usable(link: HtmlElement, base: str) -> str | None:
    """The absolute URL of a followable, enabled link."""
    if IS_DISABLED(link):
        return None
    return dom.absolute_link(link.get("href"), base)
