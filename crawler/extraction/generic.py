"""The fallback for unknown layouts: the densest text container, checked against trafilatura.

The reader scores every element by its prose minus its other text and takes the best one as the
article's container; the title is the nearest heading (or bold line) before the body, the date
lines sit between the title and the body, and bylines and source lines follow it. trafilatura is
the judge: when it disagrees with the container, its own text is used.
"""

from __future__ import annotations

import copy
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from lxml import etree
from lxml.html import HtmlElement

from crawler.dates import DateCandidate, local_now
from crawler.extraction import dom
from crawler.extraction.base import DateFinder, PortalPage, photo_notes, text_candidates
from crawler.extraction.bylines import (
    ORG_START, Byline, looks_like_byline, read_credits, source_of, split_byline, theo_credit,
)
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
DATE_LINE_NAME_RE = re.compile(r"date|time|ngay|thoi-?gian", re.I)
"""Class/id words of a date line, kept even when the box also holds furniture (a share bar)."""
ARTICLE_PART_RE = re.compile(r"(?:post|entry|article|node|news|story)[-_]?(?:header|footer|meta|info)", re.I)
"""The article's own header and footer ("post-footer", "entry-header") are not page furniture."""
TRAP_XPATH = "//*[@class or @id]"
DROP_MAX_SHARE = 0.5
"""A "widget" holding half the page's text is the article itself (Blogger's Blog widget)."""
ORG_RE = re.compile(rf"^{ORG_START}")
ACCOUNT_RE = re.compile(r"^[a-z0-9_.@-]+$|^(?:quản trị|admin|administrator|super user|webmaster)", re.I)
"""CMS login names ("quantri", "Quản trị viên") are accounts, not writers."""
LIST_HEADINGS = ("h2", "h3", "h4")
LIST_TITLE_MIN_CHARS = 15
OUTSIDE_CONTENT_XPATH = (
    "ancestor::nav or ancestor::footer or ancestor::aside"
    " or (ancestor::header and not(ancestor::article) and not(ancestor::main))"
)
"""Headline links in menus, footers and the site header are not listing items."""
INVISIBLE_TAGS = frozenset(("script", "style", "noscript", "template", "input", "textarea", "select"))
TICKERS = ("marquee",)
"""Scrolling "Tin mới" tickers repeat other headlines."""

MACHINE_DATES = (
    "time[datetime]", "[itemprop='datePublished']", "[itemprop='dateModified']",
    "abbr.published[title]", "[property~='dc:date']", "[property~='dc:created']",
)
"""Machine-readable dates in the body of the page: HTML5, microdata, Blogger's abbr, Drupal RDFa."""
CAPTIONS = PortalPage.CAPTIONS + (
    "td.tr-caption", "div.caption", "span.caption", "[class*='chuthich']", "[class*='chu-thich']",
    ".note-image", ".image-note", ".img-note",
)
"""Caption markup ("chú thích" is Vietnamese for caption); lines under a photo follow base's rule."""
CAPTION_MAX_CHARS = 300
BOLD_XPATH = ".//text()[ancestor::strong or ancestor::b]"
HEADINGS = frozenset(("h1", "h2", "h3", "h4"))
PROSE_MIN_CHARS = 80
"""A paragraph of running text, not a title, menu item or date line."""
SENTENCE_MIN_CHARS = 30
SENTENCE_END_RE = re.compile(r"[.!?…:;\"”)]$")
"""Running text ends like a sentence; footers and address lines ("… 20/06/2012") do not."""
PROBE_CHARS = 60
"""The opening of the body that marks the elements holding the article."""
LINK_SHARE_MAX = 0.3
CONTAINER_MIN_PROSE = 150
TITLE_MIN_CHARS, TITLE_MAX_CHARS = 15, 300
TITLE_LOOKBACK = 80
"""How many elements before the body may hold the title."""
DATE_LINE_MAX_CHARS = 80
YEARLESS_LINE_MAX_CHARS = 40
"""A date line short enough to be only a date ("Thứ Hai, 8/7 14:30"), not a lead sentence."""
HEAD_LOOKAHEAD = 40
"""How many elements between the title and the body may hold the date line."""
AGREEMENT_MIN = 0.8
"""Share of the container's words that trafilatura must also have found."""
FOLLOWING_SIBLINGS = 3
PAGE_TAGS = frozenset(("body", "html"))
LEAD_CLASS_WORDS = (
    "sapo", "chapo", "chapeau", "summary", "lead", "tomtat", "tom-tat", "desc", "intro", "hometext",
)
"""Class words of a lead: .sapo, h2.summary, .newsdetail__sapo, .blog-detail__summary, .news-desc."""
LEAD_SELECTORS = tuple(f"[class*='{word}']" for word in LEAD_CLASS_WORDS)
LIST_ITEM_XPATH = "ancestor-or-self::li"
"""Items of a related list inside the article's container."""


@dataclass
class Reading:
    """What the container reader found around the article."""

    body: list[dom.Block]
    captions: list[str] = field(default_factory=list)
    title: str | None = None
    head_lines: list[str] = field(default_factory=list)
    """Short lines between the title and the body, where the date line sits."""
    byline: Byline = field(default_factory=Byline)
    source: str | None = None


class GenericPage(PortalPage):
    """Any page: the densest text container (trafilatura as the judge), the archive's date rules."""

    platform = "generic"
    DATE = MACHINE_DATES

    def article(self, listing_date: str | None = None) -> Article:
        """The article as the container reader (or trafilatura) reads it, with the shared rules."""
        extracted = self.extraction()
        reading = self.reading
        title = split_lede(self.generic_title(extracted))[1] or self.title()
        paragraphs = self.trafilatura_paragraphs(extracted)
        if reading is not None and agrees(reading.body, paragraphs):
            paragraphs, captions = [block.text for block in reading.body], reading.captions
            byline, source = reading.byline, reading.source
        else:
            paragraphs = paragraphs[1:] if paragraphs and paragraphs[0] == title else paragraphs
            paragraphs, source, byline = take_trailer_lines(paragraphs)
            captions = []
        byline = byline if byline.named else Byline(self.author(), source=byline.source)
        return self.make_article(listing_date, title, paragraphs, byline, source, captions)

    def extraction(self):
        """trafilatura's reading of the page (a Document), or None."""
        import trafilatura  # only pages no platform reads need it: ~0.15 s less start-up per process

        return trafilatura.bare_extraction(
            without(self.root, TEXT_FURNITURE_RE), url=self.url, include_comments=False,
            favor_precision=True, include_tables=True, with_metadata=True,
            date_extraction_params={"original_date": True, "max_date": self.fetched_day()},
        )

    def trafilatura_paragraphs(self, extracted) -> list[str]:
        """trafilatura's lines as paragraphs, blank ones dropped."""
        lines = (clean_paragraph(line) for line in (getattr(extracted, "text", None) or "").split("\n"))
        return [line for line in lines if not is_blank(line)]

    def generic_title(self, extracted) -> str:
        """The heading before the body, else trafilatura's title, else the page's title rules."""
        if self.reading is not None and self.reading.title:
            return self.reading.title
        return clean_text(getattr(extracted, "title", None) or "") or self.title() or ""

    def author(self) -> str | None:
        """A person named in JSON-LD or <meta name=author> (units, sites and logins are not)."""
        names = [name for obj in self.ld_objects for name in _ld_author_names(obj)]
        names.append(clean_text(self.metas.get("author") or self.metas.get("article:author") or ""))
        site = clean_text(self.metas.get("og:site_name") or "")
        for name in names:
            if name and name != site and not ORG_RE.match(name) and not ACCOUNT_RE.match(name):
                return name if "://" not in name else None
        return None

    # --- the container reader ----------------------------------------------------------------

    @cached_property
    def reading(self) -> Reading | None:
        """The article read from its densest container, or None when no container has prose."""
        tree = without(self.root, TEXT_FURNITURE_RE)
        page = tree.find("body")
        blocks = dom.iter_blocks(page if page is not None else tree)
        container = best_container(blocks)
        if container is None:
            return None
        captions = take_captions(container)
        inside = dom.iter_blocks(container)
        span = prose_span(inside)
        if span is None:
            return None
        body = inside[span[0]:span[1] + 1]
        byline, source = read_credits(inside[span[1] + 1:] + following_blocks(container))
        title = title_before(body[0].element)
        body = (lead_between(title, body[0].element, blocks) if title is not None else []) + body
        head = head_lines(title, body[0].element) if title is not None else []
        title_text = clean_text(title.text_content()) if title is not None else None
        return Reading(body, captions, title_text, head, byline, source)

    # --- dates -------------------------------------------------------------------------------

    def date_finders(self) -> list[DateFinder]:
        """Machine dates outside the furniture, the date line under the title, meta, JSON-LD."""
        return [
            self.selector_candidates, self.head_line_candidates, self.meta_candidates,
            self.json_ld_candidates,
        ]

    def selector_candidates(self, reference: date | None) -> list[DateCandidate]:
        """time[datetime], microdata, abbr and RDFa dates, except in related lists and headers."""
        found: list[DateCandidate] = []
        probe = self.reading.body[0].text[:PROBE_CHARS] if self.reading else None
        for el in dom.select(self.root, self.DATE):
            if el.tag != "meta" and not in_furniture(el, DATE_TRAP_RE, probe):  # meta: source "meta"
                found += self.element_candidates(el, reference)
        return found

    def head_line_candidates(self, reference: date | None) -> list[DateCandidate]:
        """The dates of the short lines between the title and the body."""
        found: list[DateCandidate] = []
        for line in self.reading.head_lines if self.reading else []:
            near = reference if len(line) <= YEARLESS_LINE_MAX_CHARS else None
            found += text_candidates(line, "selector", self.fetched_at, near)
        return found

    def fetched_day(self) -> str:
        """The fetch day in local time (upper bound for any publication date)."""
        return local_now(self.fetched_at).date().isoformat()

    # --- listing -----------------------------------------------------------------------------

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


# --- the container and its parts -------------------------------------------------------------


def is_prose(block: dom.Block) -> bool:
    """A paragraph of running text: long enough, ending like a sentence, not mostly link text."""
    if len(block.text) < PROSE_MIN_CHARS or not SENTENCE_END_RE.search(block.text):
        return False
    links = sum(len(clean_text(a.text_content())) for a in block.element.iter("a"))
    return links <= LINK_SHARE_MAX * len(clean_text(block.element.text_content()))


def best_container(blocks: list[dom.Block]) -> HtmlElement | None:
    """The element whose prose most outweighs its other text (the deepest one on a tie)."""
    totals: dict[HtmlElement, list[int]] = {}
    for block in blocks:
        prose = len(block.text) if is_prose(block) else 0
        for el in (block.element, *block.element.iterancestors()):
            counts = totals.setdefault(el, [0, 0])
            counts[0] += prose
            counts[1] += len(block.text)
    if not totals:
        return None
    best = max(totals, key=lambda el: (2 * totals[el][0] - totals[el][1], _depth(el)))
    return best if totals[best][0] >= CONTAINER_MIN_PROSE else None


def prose_span(blocks: list[dom.Block]) -> tuple[int, int] | None:
    """First and last body paragraph: prose, widened by short sentences around it."""
    prose = [i for i, block in enumerate(blocks) if is_prose(block)]
    if not prose:
        return None
    first, last = prose[0], prose[-1]
    while first > 0 and is_sentence(blocks[first - 1]):
        first -= 1
    while last + 1 < len(blocks) and is_sentence(blocks[last + 1]):
        last += 1
    return first, last


def is_sentence(block: dom.Block) -> bool:
    """A short paragraph that ends like a sentence and is no credit or source line."""
    text = block.text
    if len(text) < SENTENCE_MIN_CHARS or not SENTENCE_END_RE.search(text):
        return False
    return source_of(text) is None and not looks_like_byline(block)


def take_captions(container: HtmlElement) -> list[str]:
    """Captions in the container (caption markup, or the shared rule for lines under a photo), removed."""
    found = dom.select(container, CAPTIONS)
    found += [note for note in photo_notes(container, found) if note not in found]
    captions = []
    for el in sorted(found, key=_document_order(container)):
        if any(ancestor in found for ancestor in el.iterancestors()):
            continue  # a caption inside a caption element was read with it
        text = clean_paragraph(el.text_content())
        if text and len(text) <= CAPTION_MAX_CHARS:
            captions.append(text)
        if el.getparent() is not None:
            el.drop_tree()
    return captions


def following_blocks(container: HtmlElement) -> list[dom.Block]:
    """The paragraphs of the next few elements after the container (a byline set outside it)."""
    blocks: list[dom.Block] = []
    for sibling in list(container.itersiblings(etree.Element))[:FOLLOWING_SIBLINGS]:
        blocks += dom.iter_blocks(sibling)
    return blocks


def title_before(start: HtmlElement) -> HtmlElement | None:
    """The nearest heading, or wholly bold line, before the body's first paragraph."""
    preceding = start.xpath("preceding::*")
    for el in reversed(preceding[-TITLE_LOOKBACK:]):
        text = clean_text(el.text_content())
        if not TITLE_MIN_CHARS <= len(text) <= TITLE_MAX_CHARS or is_date_line(text):
            continue
        if el.tag in HEADINGS or (is_bold(el, text) and not is_prose(dom.Block(text, el))):
            return el  # a bold paragraph of prose is the lead (sapo), not the title
    return None


def lead_between(title: HtmlElement, start: HtmlElement, blocks: list[dom.Block]) -> list[dom.Block]:
    """Prose paragraphs between the title and the body's first paragraph: a lead set apart."""
    order = dom.document_order(title.getroottree().getroot())
    low, high = order.get(title, 0), order.get(start, 0)
    skip = {*title.iterdescendants(), *start.iterancestors()}  # a wrapper's text is not between them
    return [
        block for block in blocks
        if low < order.get(block.element, -1) < high and block.element not in skip and is_prose(block)
    ]


def is_bold(el: HtmlElement, text: str) -> bool:
    """True when all of the element's text is bold."""
    return clean_text("".join(el.xpath(BOLD_XPATH))) == text


def is_date_line(text: str) -> bool:
    """A short line that holds a date (a title is longer than its date)."""
    return len(text) <= DATE_LINE_MAX_CHARS and bool(text_candidates(text, "selector", None, None))


def head_lines(title: HtmlElement, start: HtmlElement) -> list[str]:
    """The short texts of the elements between the title and the body's first paragraph."""
    stop = {start, *start.iterancestors()}
    lines = []
    for el in dom.following(title, HEAD_LOOKAHEAD):
        if el in stop:
            break
        text = clean_text(el.text_content())
        if text and len(text) <= DATE_LINE_MAX_CHARS and text not in lines:
            lines.append(text)
    return lines


def agrees(body: list[dom.Block], paragraphs: list[str]) -> bool:
    """True when trafilatura found the container's words too, or found nothing at all."""
    if not paragraphs:
        return True
    ours = Counter(" ".join(block.text for block in body).split())
    theirs = Counter(" ".join(paragraphs).split())
    return sum((ours & theirs).values()) >= AGREEMENT_MIN * sum(ours.values())


def take_trailer_lines(paragraphs: list[str]) -> tuple[list[str], str | None, Byline]:
    """Remove trailing source lines and "Theo …" credits; return the source and byline."""
    paragraphs, source, byline = list(paragraphs), None, Byline()
    while paragraphs:
        last = paragraphs[-1]
        credit = theo_credit(last) if len(last) <= DATE_LINE_MAX_CHARS else None
        if source is None and source_of(last):
            source = source_of(last)
        elif not byline.named and credit is not None and credit.source:
            byline = split_byline(last)
        else:
            break
        paragraphs.pop()
    return paragraphs, source or byline.source, byline


# --- the article's own container on platform pages ---------------------------------------------


def titled_container(body: HtmlElement) -> HtmlElement:
    """The nearest ancestor of the body that also holds an h1: the article, not the whole page.

    Without one below <body>, the body's parent: an h1 only the page holds is the site's banner.
    """
    for el in body.iterancestors():
        if el.tag in PAGE_TAGS:
            break
        if el.find(".//h1") is not None:
            return el
    parent = body.getparent()
    return parent if parent is not None else body


def before_body(el: HtmlElement, body: HtmlElement) -> bool:
    """True for an element that ends before the body starts (not the body, not around or in it)."""
    if el is body or body in el.iterancestors() or el in body.iterancestors():
        return False
    return el in body.xpath("preceding::*")


def after_body(el: HtmlElement, body: HtmlElement) -> bool:
    """True for an element that starts after the body ends."""
    return el in body.xpath("following::*")


def container_heading(body: HtmlElement) -> HtmlElement | None:
    """The first visible h1 with text in the titled container of the body."""
    for el in titled_container(body).iter("h1"):
        if clean_text(el.text_content()) and not dom.is_hidden(el):
            return el
    return None


def head_parts(body: HtmlElement, selectors: tuple[str, ...]) -> list[HtmlElement]:
    """Elements of the titled container before the body (date line, lead), list items left out."""
    found = dom.select(titled_container(body), selectors)
    return [el for el in found if before_body(el, body) and not el.xpath(LIST_ITEM_XPATH)]


def lead_element(body: HtmlElement, selectors: tuple[str, ...] = LEAD_SELECTORS) -> HtmlElement | None:
    """The first visible lead (sapo) before the body in its titled container, never the title's box."""
    leads = [el for el in head_parts(body, selectors) if el.find(".//h1") is None and not dom.is_hidden(el)]
    order = dom.document_order(body.getroottree().getroot())
    return min(leads, key=lambda el: order.get(el, 0)) if leads else None


def tail_parts(body: HtmlElement, selectors: tuple[str, ...]) -> list[HtmlElement]:
    """Elements of the titled container after the body (author, source lines), list items left out."""
    found = dom.select(titled_container(body), selectors)
    return [el for el in found if after_body(el, body) and not el.xpath(LIST_ITEM_XPATH)]


# --- furniture ---------------------------------------------------------------------------------


def furniture_words(el: HtmlElement) -> str:
    """The class and id of an element, without the names of the article's own parts."""
    return ARTICLE_PART_RE.sub(" ", f"{el.get('class', '')} {el.get('id', '')}")


def in_furniture(el: HtmlElement, furniture: re.Pattern, probe: str | None = None) -> bool:
    """True when the element or an ancestor is page furniture, unless that one holds the article."""
    page = el.getroottree().getroot()
    for node in (el, *el.iterancestors()):
        if node.tag == "body" or not furniture.search(furniture_words(node)):
            continue
        holds_article = probe and probe in clean_text(node.text_content())
        if not holds_article and not is_most_of_page(node, page):
            return True
    return False


def is_most_of_page(el: HtmlElement, page: HtmlElement) -> bool:
    """True when the element holds more than DROP_MAX_SHARE of the page's text."""
    return len(el.text_content()) > DROP_MAX_SHARE * len(page.text_content())


def without(root: HtmlElement, furniture: re.Pattern) -> HtmlElement:
    """A copy of the page without scripts, form fields and blocks whose class or id is furniture."""
    tree = copy.deepcopy(root)
    dom.drop(tree, tuple(INVISIBLE_TAGS) + TICKERS)  # scripts and inputs hold fetch-time stamps
    for el in tree.xpath(TRAP_XPATH):
        if el.tag == "body" or el.getparent() is None or not furniture.search(furniture_words(el)):
            continue
        if DATE_LINE_NAME_RE.search(furniture_words(el)):
            continue  # "date-share": the date line and the share bar in one box; the date is needed
        if not is_most_of_page(el, tree):
            el.drop_tree()
    return tree


def _depth(el: HtmlElement) -> int:
    """How deep an element sits in its tree."""
    return sum(1 for _ in el.iterancestors())


def _document_order(root: HtmlElement):
    """A sort key giving the position of an element in ``root``."""
    order = {el: i for i, el in enumerate(root.iter())}
    return lambda el: order.get(el, 0)


def _ld_author_names(obj: dict) -> list[str]:
    """Author names of a JSON-LD object (a string, a Person, or a list of them)."""
    authors = obj.get("author") or []
    authors = authors if isinstance(authors, list) else [authors]
    names = [a.get("name", "") if isinstance(a, dict) else str(a) for a in authors]
    return [clean_text(name) for name in names if name]
