"""The page-object base: a platform is a set of selector constants over shared reading rules."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from typing import Callable, ClassVar

from lxml import etree
from lxml.html import HtmlElement

from crawler.dates import (
    PUBLISHED, UPDATED, DateCandidate, choose_date, find_dates, label_kind, parse_iso_date,
    url_date, year_reference,
)
from crawler.documents import find_documents
from crawler.extraction import dom
from crawler.extraction.bylines import (
    BYLINE_MAX_CHARS, WRITER_LABEL_RE, Byline, Trailer, source_of, split_byline, split_trailer,
)
from crawler.extraction.outlets import lede_source, split_lede
from crawler.items import Article
from crawler.text import clean_paragraph, clean_text, join_paragraphs

META_DATE_NAMES = (
    "article:published_time", "og:published_time", "datePublished", "pubdate", "publishdate",
    "dc.date.issued", "DC.date.issued",
)
"""Publication-date <meta> names, most trusted first (<meta name=date> is the generation time)."""
META_UPDATE_NAMES = ("article:modified_time", "og:updated_time", "dateModified")
"""Modification times: recorded as candidates, never chosen (CMSs rewrite them on every save)."""
META_KEYS = ("property", "name", "itemprop")
LD_ARTICLE_RE = re.compile(r"Article|Posting|Report|BlogPosting", re.I)
"""JSON-LD types of the article itself (a page's ItemList of related stories has dates too)."""
MODIFIED_RE = re.compile(r"modif|updat", re.I)
"""itemprop=dateModified, class="updated": a machine date that is an update time."""
DateFinder = Callable[[date | None], list[DateCandidate]]
"""Takes the reference day for year-less dates; returns the candidates it found."""
LegacyFinder = tuple[Callable[[], "str | None"], str]
"""(finder, source) with a finder returning one archive date: the older form of a date finder."""
SIDEBAR_XPATH = (
    "ancestor::aside or ancestor::nav or ancestor::footer or ancestor::*["
    "contains(@class, 'sidebar') or contains(@class, 'most-read') or contains(@class, 'related')]"
)
"""Listing-like boxes (most read, related) that are not the listing itself."""
IN_SIDEBAR = etree.XPath(SIDEBAR_XPATH)
"""``SIDEBAR_XPATH`` compiled once (element.xpath compiles it for every listing item)."""
LINKED_TEXT = etree.XPath(".//a//text() | ancestor::a//text()")
"""A paragraph's link text (compiled once: element.xpath compiles it for every paragraph)."""
CAPTION_MAX_CHARS = 300
"""A caption is a line or two; a longer set-apart paragraph under a photo is text."""
PHOTO_BOXES = ("figure", "table")
"""Containers that pair a photo with its caption: a caption already found there is the photo's."""
CELLS = ("td", "th")
CAPTION_HOLDERS = frozenset(("p", "div", "td", "th", "center", "figure", "span"))
"""Elements that may hold a photo and its caption together."""
DATE_LINE_MAX_CHARS = 80
DATE_LINE_MAX_WORDS = 3
"""A date line at the head of the body: short, and no more than a label beside its dates
("Ngày đăng: …", a view count); "Kế hoạch số 12/KH-UBND ngày 5/3/2024" is text."""
PUNCTUATION = " .,:;|/()-–—•"
DATE_WORD_RE = re.compile(
    r"^(?:ngày|tháng|năm|thứ|hai|ba|tư|sáu|bảy|chủ|nhật|cn|lúc|giờ|sa|ch|am|pm|đăng|cập|xuất|bản|"
    r"phát|hành|hôm|nay)$|\d",
    re.I,
)
"""The words of a date and its label ("Thứ Hai, ngày 13/06/2024", "Ngày đăng:", "9:05:42 SA")."""
HEAD_LOOKAHEAD = 40
"""How many elements after the title may hold the date line."""
HEAD_LINE_MAX_CHARS = 200
"""Longer text after the title is the sapo or the body: the date line comes before it."""
TOOL_WORDS = (
    r"in bài(?: viết| này)?|in trang|bản in|in|chia sẻ(?: bài viết)?|gửi email|gửi bài(?: viết)?|"
    r"gửi cho bạn bè|quay lại|trở về|trở lại|về đầu trang|lên đầu trang|cỡ chữ|lượt xem|"
    r"lượt đọc|lượt truy cập|nghe đọc bài viết|nghe bài viết|đánh giá(?: bài viết)?|bình luận|"
    r"facebook|zalo|twitter|email|tweet|print|share|like|a\+|a-|a"
)
TOOLBAR_RE = re.compile(rf"^(?:\s*(?:{TOOL_WORDS})\s*[:|/,.•-]?)+\s*$", re.I)
"""A paragraph made only of print, share, rating and font-size links is a toolbar, never text."""
COUNT_RE = re.compile(r"\d[\d.,]*")
"""The numbers of a toolbar ("Lượt xem: 1.082")."""
RELATED_HEADING_RE = re.compile(
    r"^(?:tin|bài viết|bài|các tin|các bài)\s+(?:liên quan|cùng chuyên mục|khác|đã đưa|mới hơn|cũ hơn)"
    r"\s*:?$|^xem thêm\s*:?$",
    re.I,
)
"""A related-list heading inside the body container: it and the links under it are not the article."""
LINK_SHARE_MIN = 0.5
"""A block whose text is mostly link text is a list item, not a paragraph."""
AFTER_BODY_LEVELS = 4
"""How many containers up from the body a byline set after it is looked for."""
AUTHOR_BOX_RE = re.compile(r"author|tac-?gia|byline|but-?danh|nguoi-?viet", re.I)
"""Class or id of a box that holds the byline (div.author-detail, div.art-author, div.TacGia)."""
RELATED_BOX = r"relat|lien-?quan|tin-?khac|other-?news|news-?other|cung-?chuyen-?muc|da-?dua"
RELATED_BOX_RE = re.compile(RELATED_BOX, re.I)
"""Related and "Tin khác" boxes: their dates and bylines are other articles'."""
NOT_CREDITS_RE = re.compile(rf"{RELATED_BOX}|other|sidebar|comment|binh-?luan|tags?\b|rating", re.I)
"""Boxes after the body that end the search for a byline: related lists, tags, comments."""
LEAD_CLASS_RE = re.compile(r"sapo|summary|lead|brief|desc|tom-?tat|trich-?yeu|intro|abstract", re.I)
"""Class or id of a lead (sapo) box: div.ArticleSummary, div.sapo, p.lead, div.TomTat."""
LEAD_MIN_CHARS = 40
TITLE_MATCH_MIN_CHARS = 15
"""A page title this long identifies its heading; a shorter one ("Tin tức") could be any heading."""
TITLE_LIKE_XPATH = (
    "//h1 | //h2 | //h3 | //h4 | //*[contains(translate(@class, 'TILE', 'tile'), 'title')"
    " or contains(translate(@class, 'TIEUD', 'tieud'), 'tieude')]"
)
"""Headings, and elements named as a title ("div.TieuDeTinBai", "span.title")."""
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
    CAPTIONS: ClassVar[tuple[str, ...]] = (
        "figcaption", "td.image_desc", "td.image-caption", "td.caption", "p.caption", ".image-caption",
        ".img-desc", ".chuthich", ".chu-thich", ".wp-caption-text",
    )
    """Caption markup; captions without it are found under their photo (``photo_notes``)."""
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
        blocks = self.lead_blocks(body) + self.text_blocks(body)
        blocks, trailer = split_trailer(blocks, has_byline=byline.named)
        byline, source = self.credits(body, byline, trailer)
        return self.make_article(
            listing_date, self.title(), [block.text for block in blocks], byline, source, captions,
        )

    def credits(self, body: HtmlElement, byline: Byline, trailer: Trailer) -> tuple[Byline, str | None]:
        """Byline and source: the byline element, else the body's last lines, else an author box after it."""
        byline = byline if byline.named else trailer.byline
        source = trailer.source or byline.source
        if byline.named:
            return byline, source
        after, after_source = self.credits_after(body)
        return after, source or after_source

    def make_article(
        self, listing_date: str | None, title: str | None, paragraphs: list[str], byline: Byline,
        source: str | None, captions: list[str],
    ) -> Article:
        """The Article from what was read: dates chosen by the rules, source from the lede mark."""
        text = join_paragraphs(paragraphs)
        mark, _ = split_lede(paragraphs[0] if paragraphs else "")
        candidates = self.date_candidates(listing_date, byline)
        chosen = choose_date(candidates)
        return Article(
            url=self.url, platform=self.platform, title=title,
            published=chosen.value if chosen else None,
            published_source=chosen.source if chosen else None,
            author=byline.author, author_org=byline.author_org,
            source=source or lede_source(mark, self.url), text=text, captions=captions,
            documents=find_documents(text), date_candidates=[c.as_dict() for c in candidates],
            lede_mark=mark,
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
        if lead is None:
            lead = self.lead_after_title(body)
        if lead is None or lead is body or body in lead.iterancestors():
            return []
        return dom.iter_blocks(lead)

    def lead_after_title(self, body: HtmlElement) -> HtmlElement | None:
        """A sapo-classed element between the title and the body, for skins the LEAD selectors do not know."""
        title = self.title_element
        if title is None or body in title.iterancestors():
            return None
        for el in self.head_elements(title, body):
            if LEAD_CLASS_RE.search(names_of(el)) and len(clean_text(el.text_content())) >= LEAD_MIN_CHARS:
                return el
        return None

    def take_captions(self, body: HtmlElement) -> list[str]:
        """Photo captions in order (caption markup, then lines set under a photo), removed from the body."""
        found = dom.select(body, self.CAPTIONS)
        found += [note for note in photo_notes(body, found) if note not in found]
        order = dom.document_order(body)
        captions = []
        for el in sorted(found, key=lambda el: order.get(el, 0)):
            if any(ancestor in found for ancestor in el.iterancestors()):
                continue  # a caption inside a caption element was read with it
            text = clean_paragraph(el.text_content())
            if text:
                captions.append(text)
            if el.getparent() is not None:
                el.drop_tree()
        return captions

    def text_blocks(self, body: HtmlElement) -> list[dom.Block]:
        """The body's paragraphs: no title or date line repeated at its head, no toolbars, no related list."""
        blocks = [block for block in dom.iter_blocks(body) if not is_toolbar(block.text)]
        blocks = without_related_lists(blocks)
        title = self.title()
        while blocks and (blocks[0].text == title or self.is_date_line(blocks[0].text)):
            blocks.pop(0)
        return blocks

    def is_date_line(self, text: str) -> bool:
        """A short line that is a date and little else: a label, a view count, print links."""
        if len(text) > DATE_LINE_MAX_CHARS or not find_dates(text, self.fetched_at, None):
            return False
        rest = [word for word in text.split() if not is_date_word(word)]
        return len(rest) <= DATE_LINE_MAX_WORDS or is_toolbar(" ".join(rest))

    def credits_after(self, body: HtmlElement) -> tuple[Byline, str | None]:
        """Byline and source set after the body in a box named for them ("author", "tac-gia")."""
        box = self.author_box_after(body)
        byline, source = Byline(), None
        for block in dom.iter_blocks(box) if box is not None else []:
            if source is None and source_of(block.text):
                source = source_of(block.text)
            elif not byline.named and len(block.text) <= BYLINE_MAX_CHARS:
                byline = split_byline(block.text)
        return byline, source or byline.source

    def author_box_after(self, body: HtmlElement) -> HtmlElement | None:
        """The first author-named box after the body, inside the article, before any related list."""
        scope = self.article_scope(body)
        node = body
        for _ in range(AFTER_BODY_LEVELS if scope is not None else 1):
            for sibling in node.itersiblings():
                if not isinstance(sibling.tag, str) or NOT_CREDITS_RE.search(names_of(sibling)):
                    return None  # related lists and tags end the article
                box = next((el for el in sibling.iter() if AUTHOR_BOX_RE.search(names_of(el))), None)
                if box is not None:
                    return box
            node = node.getparent()
            if node is None or node is scope:
                break
        return None

    def article_scope(self, body: HtmlElement) -> HtmlElement | None:
        """The smallest container of both the body and the title (the article), or None."""
        title = self.title_element
        if title is None:
            return None
        return next((a for a in body.iterancestors() if title in a.iterdescendants()), None)

    def dedicated_byline(self, body: HtmlElement) -> Byline:
        """The byline from the platform's byline element (removed from the body if inside)."""
        for el in reversed(dom.select(self.root, self.BYLINE)):  # the byline closes the article
            text = clean_text(el.text_content())
            if el.getparent() is not None:
                el.drop_tree()
            if text:
                return split_byline(text)
        return Byline()

    @cached_property
    def title_element(self) -> HtmlElement | None:
        """The title selectors' first visible match outside the banner, else the heading showing <title>."""
        for el in dom.iter_select(self.root, self.TITLE):
            if clean_text(el.text_content()) and is_visible_content(el):
                return el
        return self.element_showing(self.page_title())

    def page_title(self) -> str:
        """The title the page declares for machines: og:title, else <title> without the site name."""
        title = clean_text(dom.meta_content(self.root, TITLE_META_NAMES))
        return title or TITLE_SUFFIX_RE.sub("", dom.first_text(self.root, ("title",)))

    def element_showing(self, title: str) -> HtmlElement | None:
        """The first visible heading or title-classed element whose text is ``title``."""
        if len(title) < TITLE_MATCH_MIN_CHARS:
            return None
        for el in self.root.xpath(TITLE_LIKE_XPATH):
            if clean_text(el.text_content()) == title and is_visible_content(el):
                return el
        return None

    def title(self) -> str | None:
        """The article title: platform selector, else og:title, else <title> without site name."""
        el = self.title_element
        title = clean_text(el.text_content()) if el is not None else ""
        return split_lede(title or self.page_title())[1] or None

    def published(self, listing_date: str | None = None) -> tuple[str | None, str | None]:
        """Publication date and its ``published_source``, chosen by the rules in docs/dates.md."""
        chosen = choose_date(self.date_candidates(listing_date))
        return (chosen.value, chosen.source) if chosen else (None, None)

    def date_candidates(
        self, listing_date: str | None = None, byline: Byline | None = None,
    ) -> list[DateCandidate]:
        """Every date candidate: the page's finders, the byline, the listing date, the URL."""
        reference = year_reference(listing_date, self.url, self.fetched_at)
        found = [candidate for finder in self.date_finders() for candidate in run_finder(finder, reference)]
        found += self.byline_candidates(byline, reference)
        found += self.listing_candidates(listing_date)
        found += self.url_candidates()
        return unique_candidates(found)

    def date_finders(self) -> list[DateFinder | LegacyFinder]:
        """The page's own date finders; each takes the reference day for year-less dates."""
        return [self.selector_candidates, self.meta_candidates, self.json_ld_candidates]

    def selector_candidates(self, reference: date | None) -> list[DateCandidate]:
        """The platform date elements' dates, up to the first element that shows a publication date."""
        found: list[DateCandidate] = []
        for el in dom.iter_select(self.root, self.DATE):
            if in_related_box(el):
                continue  # a date class reused by the "Tin khác" list inside the article block
            found += self.element_candidates(el, reference)
            if any(candidate.kind == PUBLISHED for candidate in found):
                return found  # later selectors are fallbacks for other layouts
        return found + self.head_line_candidates(reference)

    def head_line_candidates(self, reference: date | None) -> list[DateCandidate]:
        """The date line between the title and the body, for skins the DATE selectors do not know."""
        title, body = self.title_element, dom.first(self.root, self.BODY)
        if title is None or body is None:
            return []
        inside = body in title.iterancestors()  # a template that puts title and date line in the body
        for el in self.head_elements(title, body):
            text = dom.spaced_text(el)
            if len(text) > HEAD_LINE_MAX_CHARS:
                break  # the sapo or the text: the date line comes before it
            if text and (not inside or names_of(el).strip()) and self.is_date_line(text):
                return text_candidates(text, "selector", self.fetched_at, reference)
        return []

    def head_elements(self, title: HtmlElement, body: HtmlElement) -> list[HtmlElement]:
        """The elements after the title up to the body, without the body's wrappers and related boxes."""
        around = set(body.iterancestors())
        found = []
        for el in dom.following(title, HEAD_LOOKAHEAD):
            if el is body:
                break
            if el not in around and not in_related_box(el):
                found.append(el)
        return found

    def element_candidates(self, el: HtmlElement, reference: date | None) -> list[DateCandidate]:
        """The dates one element shows: its machine attribute, else its text."""
        machine = el.get("datetime") or el.get("content") or (el.get("title") if el.tag == "abbr" else None)
        value = parse_iso_date(machine, self.fetched_at)
        if value:
            return [DateCandidate(value, "selector", machine, machine_kind(el))]
        return text_candidates(dom.spaced_text(el), "selector", self.fetched_at, reference)

    def meta_candidates(self, reference: date | None = None) -> list[DateCandidate]:
        """Publication and modification times of the <meta> tags."""
        found = []
        for names, kind in ((META_DATE_NAMES, PUBLISHED), (META_UPDATE_NAMES, UPDATED)):
            for name in names:
                content = self.metas.get(name)
                value = parse_iso_date(content, self.fetched_at)
                if value:
                    found.append(DateCandidate(value, "meta", f"{name}={content}", kind))
        return found

    def json_ld_candidates(self, reference: date | None = None) -> list[DateCandidate]:
        """``datePublished`` and ``dateModified`` of the JSON-LD article (else any object)."""
        objects = [o for o in self.ld_objects if LD_ARTICLE_RE.search(str(o.get("@type", "")))]
        found = []
        for obj in objects or self.ld_objects:
            for key, kind in (("datePublished", PUBLISHED), ("dateModified", UPDATED)):
                value = parse_iso_date(str(obj.get(key) or ""), self.fetched_at)
                if value:
                    found.append(DateCandidate(value, "json-ld", f"{key}={obj[key]}", kind))
        return found

    def byline_candidates(self, byline: Byline | None, reference: date | None) -> list[DateCandidate]:
        """The date written in the byline ("Tin, ảnh: P.Y - 12/3/2024")."""
        if byline is None or not byline.date_text:
            return []
        return text_candidates(byline.date_text, "byline", self.fetched_at, reference)

    def listing_candidates(self, listing_date: str | None) -> list[DateCandidate]:
        """The date the listing page showed beside the link."""
        value = parse_iso_date(listing_date, self.fetched_at)
        return [DateCandidate(value, "listing", listing_date)] if value else []

    def url_candidates(self) -> list[DateCandidate]:
        """A full date in the URL path ("/2024/03/12/"); month-only paths are no candidate."""
        shown = url_date(self.url)
        if shown is None or parse_iso_date(shown.value, self.fetched_at) is None:
            return []  # a URL date after the fetch is a folder name, not a date
        return [DateCandidate(shown.value, "url", shown.raw)]

    @cached_property
    def metas(self) -> dict[str, str]:
        """<meta> contents by property, name or itemprop (the first of each), read once."""
        found: dict[str, str] = {}
        for el in self.root.iter("meta"):
            content = (el.get("content") or "").strip()
            for key in META_KEYS:
                name = el.get(key)
                if name and content:
                    found.setdefault(name, content)
        return found

    @cached_property
    def ld_objects(self) -> list[dict]:
        """The page's JSON-LD objects, parsed once."""
        return list(dom.json_ld(self.root))

    # --- listing -------------------------------------------------------------------------

    def list_items(self) -> list[HtmlElement]:
        """The item blocks of a listing page, one per article link, sidebars left out."""
        items = dom.select_group(self.root, self.LIST_ITEM)
        return [item for item in items if not IN_SIDEBAR(item)]

    def listing(self) -> Listing:
        """The article links of a listing page and its next page."""
        from crawler.extraction.listing import read_listing

        return read_listing(self)


def machine_kind(el: HtmlElement) -> str:
    """UPDATED for itemprop=dateModified, class="updated" or an update label, else PUBLISHED."""
    if MODIFIED_RE.search(f"{el.get('itemprop', '')} {el.get('class', '')}"):
        return UPDATED
    return label_kind(el.text_content())


def text_candidates(
    text: str, source: str, fetched_at: datetime | None, reference: date | None,
) -> list[DateCandidate]:
    """The dates a text shows, as candidates of ``source``."""
    return [
        DateCandidate(shown.value, source, shown.raw, shown.kind)
        for shown in find_dates(text, fetched_at, reference)
    ]


def without_related_lists(blocks: list[dom.Block]) -> list[dom.Block]:
    """The blocks without "Tin liên quan" boxes set inside the body: the heading and the links under it."""
    kept: list[dom.Block] = []
    in_list = False
    for block in blocks:
        if RELATED_HEADING_RE.match(block.text):
            in_list = True
        elif not (in_list and is_link_line(block)):
            in_list = False
            kept.append(block)
    return kept


def is_link_line(block: dom.Block) -> bool:
    """True when most of the block's text is link text (a headline in a list)."""
    linked = clean_text("".join(LINKED_TEXT(block.element)))
    return len(linked) >= LINK_SHARE_MIN * len(block.text)


def is_date_word(word: str) -> bool:
    """True for a number, a date, or a word of a date's label."""
    word = word.strip(PUNCTUATION)
    return not word or bool(DATE_WORD_RE.search(word))


def is_toolbar(text: str) -> bool:
    """True for a line of print, share, view-count and font-size words only."""
    words = COUNT_RE.sub(" ", text)
    return bool(words.strip(PUNCTUATION)) and bool(TOOLBAR_RE.match(words))


def is_visible_content(el: HtmlElement) -> bool:
    """True for an element shown to readers outside the site banner and navigation."""
    return not dom.is_hidden(el) and not dom.in_banner(el)


def in_related_box(el: HtmlElement) -> bool:
    """True inside a related, "Tin khác" or sidebar box."""
    return any(RELATED_BOX_RE.search(names_of(box)) for box in (el, *el.iterancestors()))


def names_of(el: HtmlElement) -> str:
    """The element's class and id, for matching by name."""
    return f"{el.get('class', '')} {el.get('id', '')}"


def photo_notes(body: HtmlElement, known: list[HtmlElement]) -> list[HtmlElement]:
    """The caption lines set under the body's photos that no caption markup already names."""
    notes: list[HtmlElement] = []
    for img in body.iter("img"):
        box = next((a for a in img.iterancestors(*PHOTO_BOXES) if body in a.iterancestors()), None)
        if box is not None and any(box in el.iterancestors() for el in known):
            continue
        note = photo_note(img, body)
        if note is not None and note not in notes:
            notes.append(note)
    return notes


def photo_note(img: HtmlElement, body: HtmlElement) -> HtmlElement | None:
    """The line right under a photo when it reads as a caption, else None."""
    # from the photo up: a holder with text ends the search ("<p><img><br><em>…</em></p>" is its own
    # caption); a table cell's caption is the next row; else the next non-blank sibling is the candidate
    node = img
    while node is not body and node.getparent() is not None:
        if node is not img and has_text(node):
            return node if node.tag in CAPTION_HOLDERS and is_note_after(img, node) else None
        if node.tag in CELLS:
            return cell_caption(node)
        if has_text_tail(node):
            return None
        following = next_block(node)
        if following is not None:
            return following if is_caption_line(following) else None
        node = node.getparent()
    return None


def is_note_after(img: HtmlElement, holder: HtmlElement) -> bool:
    """True when the holder's text all follows the photo and reads as its caption."""
    if text_before(img, holder):
        return False
    if holder.tag in CELLS:  # a photo cell's own text is its caption, whatever its style
        return is_caption_text(holder, with_photo=True)
    return is_caption_line(holder, with_photo=True)


def text_before(img: HtmlElement, holder: HtmlElement) -> str:
    """The text inside ``holder`` that comes before the photo."""
    texts = []
    for text in img.xpath("preceding::text()"):
        owner = text.getparent().getparent() if text.is_tail else text.getparent()
        if owner is not None and (owner is holder or holder in owner.iterancestors()):
            texts.append(text)
    return clean_text("".join(texts))


def cell_caption(cell: HtmlElement) -> HtmlElement | None:
    """The cell under a photo's cell in a layout table (with or without a caption class)."""
    row = cell.getparent()
    below = next_block(row) if row is not None and row.tag == "tr" else None
    if below is None or below.tag != "tr":
        return None
    cells = [c for c in below if c.tag in CELLS]
    column = [c for c in row if c.tag in CELLS].index(cell)
    caption = cells[column] if column < len(cells) else None
    return caption if caption is not None and is_caption_text(caption) else None


def next_block(node: HtmlElement) -> HtmlElement | None:
    """The next sibling element that is not blank (empty paragraphs and <br> are skipped)."""
    for sibling in node.itersiblings():
        if not isinstance(sibling.tag, str):
            if (sibling.tail or "").strip():
                return None
            continue
        if sibling.tag != "br" and (has_text(sibling) or sibling.find(".//img") is not None):
            return sibling
        if has_text_tail(sibling):
            return None
    return None


def has_text(el: HtmlElement) -> bool:
    """True when the element shows any non-blank text."""
    return bool(clean_text(el.text_content()))


def has_text_tail(el: HtmlElement) -> bool:
    """True when text follows the element directly (it is inline in a paragraph)."""
    return bool(clean_text(el.tail or ""))


def is_caption_text(el: HtmlElement, with_photo: bool = False) -> bool:
    """A short line without a photo of its own (unless ``with_photo``), not a byline or a source line."""
    text = clean_text(el.text_content())
    if not text or len(text) > CAPTION_MAX_CHARS or (el.find(".//img") is not None and not with_photo):
        return False
    return source_of(text) is None and not WRITER_LABEL_RE.match(text) and not dom.is_right_aligned(el)


def is_caption_line(el: HtmlElement, with_photo: bool = False) -> bool:
    """A caption-like line set apart from the text: centred or all in italics."""
    if not is_caption_text(el, with_photo):
        return False
    return dom.is_centred(el) or dom.is_italic(el) or any(
        dom.is_centred(child) and clean_text(child.text_content()) == clean_text(el.text_content())
        for child in el
    )


def run_finder(finder: DateFinder | LegacyFinder, reference: date | None) -> list[DateCandidate]:
    """The candidates of a finder; an older (finder, source) pair gives at most one."""
    if not isinstance(finder, tuple):
        return finder(reference)
    find, source = finder
    value = find()
    return [DateCandidate(value, source, value)] if value else []


def unique_candidates(candidates: list[DateCandidate]) -> list[DateCandidate]:
    """The candidates without repeats of the same value, source and kind (first raw kept)."""
    seen: dict[tuple[str, str, str], DateCandidate] = {}
    for candidate in candidates:
        seen.setdefault((candidate.value, candidate.source, candidate.kind), candidate)
    return list(seen.values())
