"""tuyengiaodanvan.vn (Next.js, successor of danvan.vn): the data embedded in the page first.

The pages are rendered by JavaScript, so the article is read from the data the server embeds:
``<script id="__NEXT_DATA__">`` (Pages Router, ``props.pageProps``) or the App Router's flight
rows (``self.__next_f.push([1, "<id>:<JSON>\\n…"])``). Builds differ in where the article sits
(``pageProps.blog``, ``pageProps.article``, ``pageProps.data.post``,
``pageProps.initialState.blogDetail.data``, the props of a flight component) and in its field
names, so the article is the object found by its shape: a title-like field (``title``,
``headline``, ``name``, ``tieuDe``) and a content-like field holding the text's HTML (``content``,
``contentHtml``, ``body``, ``noiDung``). When several objects qualify (related lists carry full
articles too), the one whose slug or id is in the URL wins, else the shallowest. A typical one::

    {"id": "<24 hex>", "slug": "...", "title": "...",
     "description": "<sapo: plain text or HTML>",   # the lead paragraph (summary, sapo, moTa)
     "content": "<p>...</p>",                       # editor HTML (captions in figcaption)
     "publishedAt": "2026-01-18T17:30:00.000Z",     # UTC (publishDate, ngayXuatBan)
     "createdAt": "...", "updatedAt": "...",        # never the publication date
     "author": "Thu Hằng" | "Name (Unit)" | null,   # byline, tacGia; createdBy is a CMS account
     "source": "Báo Nhân Dân" | null}               # sourceName, nguonTin

Listing pages embed a Spring Data page ``pageProps.blogs`` (``content``, ``totalPages``); a
listed article's URL is ``/vn/<slug>-<id>`` unless the item carries its own ``url``. Pages
without embedded data are read from their server-rendered HTML; a fallback render
(``isFallback``) or an app root holding only the layout and a loading placeholder is a
``javascript-only`` shell with no text.
"""

from __future__ import annotations

import copy
import json
import re
from dataclasses import replace
from datetime import datetime, timezone
from functools import cached_property
from typing import Callable
from urllib.parse import parse_qs, urljoin, urlsplit

import lxml.html
from lxml import etree
from lxml.html import HtmlElement

from crawler.dates import local_now, parse_iso_date
from crawler.extraction import dom
from crawler.extraction.base import Listing, ListingEntry, PortalPage
from crawler.extraction.bylines import Byline, normalise_source, source_of, split_byline
from crawler.extraction.generic import LEAD_SELECTORS, container_heading, lead_element, tail_parts
from crawler.extraction.listing import find_next, item_date
from crawler.extraction.outlets import split_lede
from crawler.items import Article
from crawler.text import clean_text

NEXT_DATA_XPATH = "//script[@id='__NEXT_DATA__']"
FLIGHT_XPATH = "//script[contains(., 'self.__next_f')]"
FLIGHT_PUSH_RE = re.compile(r"self\.__next_f\.push\(\[\s*1\s*,\s*(\"(?:[^\"\\]|\\.)*\")\s*\]\)")
"""App Router flight data: self.__next_f.push([1, "<RSC rows>"]) (a JSON string literal)."""
FLIGHT_ROW_RE = re.compile(r"([0-9a-f]+):")
FLIGHT_REF_RE = re.compile(r"^\$([0-9a-f]+)$")
"""A flight value pointing at another row ("$7": a long text sent as a T row)."""
FLIGHT_DATE_PREFIX = "$D"
"""Flight encoding of a Date value ("$D2025-07-14T08:20:00.000Z")."""
LIST_KEYS = ("blogs", "posts")
# Field names of the article object, lower case; the object is found by shape, not by its key.
TITLE_KEYS = ("title", "headline", "name", "tieude", "tieu_de", "tenbaiviet")
CONTENT_KEYS = (
    "content", "contenthtml", "body", "bodyhtml", "noidung", "noi_dung", "html", "chitiet",
)
LEAD_KEYS = (
    "description", "summary", "sapo", "shortdescription", "mota", "mo_ta", "excerpt", "lead",
    "tomtat", "trichdan",
)
DATE_KEYS = (
    "publishedat", "publishdate", "publisheddate", "datepublished", "publishtime", "published_at",
    "publicationdate", "ngayxuatban", "ngaydang", "ngayphathanh",
)
"""Publication times only: createdAt, updatedAt, modifiedDate and ngayTao are not publication."""
AUTHOR_KEYS = ("author", "authorname", "byline", "tacgia", "tac_gia", "butdanh")
"""Writers only: createdBy ("bientap03") is the CMS account that keyed the article in."""
SOURCE_KEYS = ("source", "sourcename", "nguontin", "nguon")
ID_KEYS = ("slug", "id", "_id", "duongdan", "mabaiviet")
ID_MIN_CHARS = 6
"""A shorter id ("12") is found in any URL by chance."""
NAME_KEYS = ("name", "fullname", "ten", "title")
"""The name of an author or source given as an object."""
HTML_TAG_RE = re.compile(r"<(?:p|div|figure|img|h[1-6]|br|table|ul|ol|blockquote|span)\b", re.I)
CONTENT_MIN_CHARS = 200
"""A content field without tags must be this long to be an article's text."""
TITLE_MAX_CHARS = 400
SEARCH_MAX_DEPTH = 10
ELLIPSIS = ("...", "…")
CMS_ACCOUNT_RE = re.compile(r"^(?:[a-z0-9_.@-]+|quản trị.*|admin\w*|administrator)$")
"""Login names ("bientap03", "quantri", "admin"): lower case without spaces; bylines are capitalised."""
EPOCH_MS_MIN = 10**11
"""Epoch numbers above this are milliseconds (JavaScript's Date.now())."""
ARTICLE_PATH = "/vn/{slug}-{id}"
PAGE_PARAM_RE = re.compile(r"([?&]page=)(\d+)")
ORDER_RE = re.compile(
    r"(?<![\w-])(?:[a-z]{2,3}:)?order-(?:(?:sm|md|lg|xl|xxl)-)?(first|last|\d+)(?![\w-])"
)
"""Bootstrap order-md-2 / order-first and Tailwind md:order-2: the visual position of an item."""
ORDER_WORDS = {"first": -1, "last": 99}
SOURCE_PARTS = ("[class*='source']", "[class*='nguon']")
"""The rendered source line after the body."""
SHELL_MAX_CHARS = 200
"""A rendered article page has far more visible text than a loading placeholder."""
SHELL_CONTAINERS = ("#__next", "body")
SHELL_FURNITURE = ("script", "style", "noscript", "template", "header", "nav", "footer")
"""The layout (menu, footer) is rendered even when the article itself is left to the browser."""


class TuyenGiaoDanVanPage(PortalPage):
    """Article: __NEXT_DATA__ props.pageProps.blog, else .blog-detail HTML, else a JS shell."""

    platform = "tuyengiaodanvan"
    HOSTS = ("tuyengiaodanvan.vn",)
    MARKERS = (
        r'id="__NEXT_DATA__"|/_next/static/|self\.__next_f',
        r"tuyengiaodanvan\.vn",
        r"/blogs/category/type/",
        r"6C Hoàng Diệu",
        r"Bản quyền thuộc về Ban Tuyên giáo",
    )
    """The Next.js traces count once: any Next.js site has them."""
    URL_MARKER = r"/blogs/|/vn/[\w-]+-[0-9a-f]{12,}(?:$|[?#])"
    TITLE = (".blog-detail h1", "h1.blog-title")
    DATE = (".blog-detail .blog-meta .date", ".blog-detail .blog-meta time", ".blog-meta .date")
    """ "Thứ Hai, 19/01/2026": date only; the header shows today's date the same way."""
    LEAD = (".blog-detail .blog-summary", ".blog-summary")
    BODY = (
        ".blog-detail .ck-content", ".blog-detail .blog-content", ".ck-content",
        "article [class*='detail__content']", "article [class*='detail-content']",
    )
    """CKEditor 5's .ck-content, else the content part of a BEM-named detail block."""
    JUNK = (".blog-share", ".blog-tags", ".related-blogs")
    BYLINE = (".blog-detail .blog-author",)
    LIST_ITEM = (".blog-list article", ".list-blog article")
    LIST_LINK = ("h3 a[href]", ".blog-image a[href]", "a[href]")
    LIST_DATE = (".blog-date", "time", ".date")
    PAGER = ("ul.pagination", ".pagination")

    # --- embedded data -------------------------------------------------------------------

    @cached_property
    def next_data(self) -> dict:
        """The parsed __NEXT_DATA__ object, or {} when the page embeds none."""
        for script in self.root.xpath(NEXT_DATA_XPATH):
            try:
                data = json.loads(script.text or "")
            except ValueError:
                continue
            if isinstance(data, dict):
                return data
        return {}

    @cached_property
    def page_props(self) -> dict:
        """props.pageProps of __NEXT_DATA__ ({} when absent)."""
        props = self.next_data.get("props")
        page_props = props.get("pageProps") if isinstance(props, dict) else None
        return page_props if isinstance(page_props, dict) else {}

    @cached_property
    def flight_rows(self) -> dict[str, object]:
        """The App Router flight rows by id (JSON values and T-row texts); {} without them."""
        chunks = []
        for script in self.root.xpath(FLIGHT_XPATH):
            for literal in FLIGHT_PUSH_RE.findall(script.text or ""):
                try:
                    chunks.append(json.loads(literal))
                except ValueError:
                    continue
        return parse_flight("".join(chunks))

    @cached_property
    def embedded_article(self) -> dict | None:
        """The article object of the embedded data (pageProps or flight rows), found by its shape."""
        roots = [self.page_props, *self.flight_rows.values()]
        return find_article(roots, self.url, self.resolve, self.page_titles())

    def page_titles(self) -> list[str]:
        """The titles the page itself shows: og:title, <title> and the rendered h1."""
        shown = [self.metas.get("og:title"), *(dom.first_text(self.root, (tag,)) for tag in ("title", "h1"))]
        return [clean_text(title) for title in shown if title and clean_text(title)]

    def resolve(self, value: object) -> object:
        """A flight reference replaced by the row it names; other "$" codes are no value."""
        if not isinstance(value, str) or not value.startswith("$"):
            return value
        if value.startswith(FLIGHT_DATE_PREFIX):
            return value[len(FLIGHT_DATE_PREFIX):]
        match = FLIGHT_REF_RE.match(value)
        return self.flight_rows.get(match[1]) if match else None  # "$undefined", "$L4": no text

    def text_field(self, keys: tuple[str, ...]) -> str:
        """The first text field of the embedded article among the synonyms ("" when none)."""
        return field_text(self.embedded_article or {}, keys, self.resolve)

    # --- article -------------------------------------------------------------------------

    def article(self, listing_date: str | None = None) -> Article:
        """From the embedded data, else the rendered HTML; a bare script shell has no text."""
        if self.embedded_article is None and self.is_shell():
            return Article(url=self.url, platform=self.platform, shell="javascript-only")
        article = super().article(listing_date)
        source = normalise_source(clean_text(self.text_field(SOURCE_KEYS))) or None
        return replace(article, source=source or article.source or self.rendered_source())

    def rendered_source(self) -> str | None:
        """The source line after the rendered body ("Nguồn: Báo Nhân Dân" in .blog-detail__source)."""
        body = dom.first(self.root, self.BODY)
        for el in tail_parts(body, SOURCE_PARTS) if body is not None else []:
            source = source_of(clean_text(el.text_content()))
            if source:
                return source
        return None

    def is_shell(self) -> bool:
        """True when no article was rendered: a fallback render, or an app root without text."""
        if dom.first(self.root, self.BODY) is not None:
            return False
        if self.next_data.get("isFallback") is True:
            return True
        container = dom.first(self.root, SHELL_CONTAINERS)
        if container is None:
            return True
        container = copy.deepcopy(container)  # the page tree stays intact for other readers
        for el in dom.select(container, SHELL_FURNITURE):
            el.drop_tree()
        return len(clean_text(container.text_content())) < SHELL_MAX_CHARS

    def body_element(self) -> HtmlElement | None:
        """The embedded content HTML, parsed; else the rendered body container."""
        if self.embedded_article is None:
            return super().body_element()
        body = fragment(self.text_field(CONTENT_KEYS))
        dom.drop(body, dom.ALWAYS_JUNK + self.JUNK)
        return body

    def lead_blocks(self, body: HtmlElement) -> list[dom.Block]:
        """The embedded description (sapo), else the rendered summary before the body."""
        if self.embedded_article is None:
            lead = lead_element(body, self.LEAD + LEAD_SELECTORS)
            return dom.iter_blocks(lead) if lead is not None else []
        lead = dom.iter_blocks(fragment(self.text_field(LEAD_KEYS)))
        opening = dom.iter_blocks(body)[:1]
        return [] if lead and opening and repeats(opening[0].text, lead) else lead

    def dedicated_byline(self, body: HtmlElement) -> Byline:
        """The embedded author ("Name (Unit)"), else the rendered author line."""
        author = clean_text(self.text_field(AUTHOR_KEYS))
        if CMS_ACCOUNT_RE.match(author):
            author = ""  # a login name in the author field is the editor's account, not a byline
        return split_byline(author) if author else super().dedicated_byline(body)

    def title(self) -> str | None:
        """The embedded title, else the rendered h1."""
        return split_lede(clean_text(self.text_field(TITLE_KEYS)))[1] or super().title()

    @cached_property
    def title_element(self) -> HtmlElement | None:
        """The rendered article's visible h1 (BEM skins name it blog-detail__title), else TITLE."""
        body = dom.first(self.root, self.BODY)
        heading = container_heading(body) if body is not None else None
        return heading if heading is not None else super().title_element

    def date_finders(self) -> list[tuple[Callable[[], str | None], str]]:
        """The embedded publishedAt (UTC, so the local day may differ), then the page's dates."""
        return [(self.embedded_date, "meta")] + super().date_finders()

    def embedded_date(self) -> str | None:
        """The embedded publication time (publishedAt, publishDate, ngayXuatBan) in archive format."""
        fields = lower_keys(self.embedded_article or {})
        for key in DATE_KEYS:
            value = self.resolve(fields.get(key))
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                return epoch_date(value, self.fetched_at)  # Date.now() style numbers
            if isinstance(value, str) and value.strip():
                return parse_iso_date(value, self.fetched_at)
        return None

    # --- listing -------------------------------------------------------------------------

    def listing(self) -> Listing:
        """The embedded page of articles, else the rendered list in visual order."""
        page = self.embedded_list()
        return self.embedded_listing(page) if page else self.html_listing()

    def embedded_list(self) -> dict | None:
        """The embedded Spring-style page ({"content": [...], "totalPages": N}), if any."""
        for key in LIST_KEYS:
            value = self.page_props.get(key)
            items = value.get("content") if isinstance(value, dict) else None
            if isinstance(items, list) and items:
                return value
        return None

    def embedded_listing(self, page: dict) -> Listing:
        """Entries from the embedded items; the next page from the URL's page number."""
        entries = [self.embedded_entry(item) for item in page["content"] if isinstance(item, dict)]
        total = page.get("totalPages")
        return Listing([e for e in entries if e], next_page_url(self.url, total))

    def embedded_entry(self, item: dict) -> ListingEntry | None:
        """One embedded list item as a listing entry."""
        path = item.get("url") or article_path(item)
        title = clean_text(item.get("title"))
        if not path or not title:
            return None
        date = parse_iso_date(str(item.get("publishedAt") or ""), self.fetched_at)
        return ListingEntry(urljoin(self.url, path), title, date)

    def html_listing(self) -> Listing:
        """The rendered list, sorted by the CSS order classes that place items on screen."""
        base = dom.base_url(self.root, self.url)
        items = in_visual_order(self.list_items())
        entries: dict[str, ListingEntry] = {}
        for item in items:
            entry = self.html_entry(item, base)
            if entry and entry.url not in entries:
                entries[entry.url] = entry
        return Listing(list(entries.values()), find_next(self.root, self.PAGER, base))

    def html_entry(self, item: HtmlElement, base: str) -> ListingEntry | None:
        """An item's link (the featured story links only its image) and the title in its h3."""
        links = [dom.absolute_link(a.get("href"), base) for a in dom.select(item, self.LIST_LINK)]
        url = next((link for link in links if link), None)
        title = dom.first_text(item, ("h3", "h2")) or clean_text(
            next(iter(item.xpath(".//a[@title]/@title")), "")
        )
        if url is None or not title:
            return None
        fetch_day = local_now(self.fetched_at).date()
        return ListingEntry(url, title, item_date(item, self.LIST_DATE, self.fetched_at, fetch_day))


def fragment(html: str) -> HtmlElement:
    """An HTML fragment (editor content) inside one <div>."""
    try:
        return lxml.html.fragment_fromstring(html or "", create_parent="div")
    except (etree.ParserError, ValueError):
        return lxml.html.fragment_fromstring("", create_parent="div")


def article_path(item: dict) -> str | None:
    """The site path of a listed article: /vn/<slug>-<id>."""
    if not (item.get("slug") and item.get("id")):
        return None
    return ARTICLE_PATH.format(slug=item["slug"], id=item["id"])


def in_visual_order(items: list[HtmlElement]) -> list[HtmlElement]:
    """Items sorted by CSS order inside their flex row; rows keep their document order."""
    row_rank: dict[str, int] = {}
    keyed = []
    for index, item in enumerate(items):
        node = order_node(item)
        row = node.getparent()
        rank = row_rank.setdefault(row.getroottree().getpath(row) if row is not None else "", index)
        keyed.append(((rank, css_order(node), index), item))
    return [item for _, item in sorted(keyed, key=lambda pair: pair[0])]


def order_node(item: HtmlElement) -> HtmlElement:
    """The flex item: the column wrapping only this item, else the item itself."""
    parent = item.getparent()
    return parent if parent is not None and len(parent) == 1 else item


def css_order(node: HtmlElement) -> int:
    """The CSS order set by the node's classes (0 when none is set)."""
    found = ORDER_RE.findall(node.get("class", ""))
    if not found:
        return 0
    value = found[-1]  # the widest breakpoint is written last
    return ORDER_WORDS[value] if value in ORDER_WORDS else int(value)


def next_page_url(url: str, total_pages: object) -> str | None:
    """The URL with its page parameter one higher, unless this is the last page."""
    shown = parse_qs(urlsplit(url).query).get("page", ["1"])[0]
    current = int(shown) if shown.isdigit() else 1
    if not isinstance(total_pages, int) or current >= total_pages:
        return None
    if PAGE_PARAM_RE.search(url):
        return PAGE_PARAM_RE.sub(lambda m: f"{m[1]}{current + 1}", url, count=1)
    return f"{url}{'&' if '?' in url else '?'}page={current + 1}"


# --- the embedded article, found by shape ------------------------------------------------------


def parse_flight(payload: str) -> dict[str, object]:
    """Flight rows "<hex id>:<JSON>" and "<hex id>:T<hex length>,<text>" by id; other rows skipped."""
    rows: dict[str, object] = {}
    position = 0
    while position < len(payload):
        match = FLIGHT_ROW_RE.match(payload, position)
        if match is None:
            position = next_line(payload, position)
            continue
        start = match.end()
        if payload.startswith("T", start) and "," in payload[start:start + 12]:
            comma = payload.index(",", start)
            length = int(payload[start + 1:comma] or "0", 16)
            text = payload[comma + 1:].encode()[:length].decode(errors="ignore")  # length in bytes
            rows[match[1]] = text
            position = comma + 1 + len(text)
            continue
        end = next_line(payload, start)
        try:
            rows[match[1]] = json.loads(payload[start:end])
        except ValueError:
            pass  # module ("I[…]") and hint ("HL[…]") rows are not data
        position = end
    return rows


def next_line(text: str, position: int) -> int:
    """The index after the next newline (the end of the text when none)."""
    newline = text.find("\n", position)
    return len(text) if newline < 0 else newline + 1


def lower_keys(obj: dict) -> dict[str, object]:
    """The object's fields by lower-case name (TieuDe, tieuDe and tieude are one field)."""
    return {str(key).lower(): value for key, value in obj.items()}


def field_text(obj: dict, keys: tuple[str, ...], resolve) -> str:
    """The first non-empty text among the synonym fields; an object or list gives its names."""
    fields = lower_keys(obj)
    for key in keys:
        text = as_text(resolve(fields.get(key)), resolve)
        if text.strip():
            return text
    return ""


def as_text(value: object, resolve) -> str:
    """A field value as text: a string, an object's name, or a list's names joined."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return field_text(value, NAME_KEYS, resolve)
    if isinstance(value, list):
        return ", ".join(filter(None, (as_text(resolve(item), resolve) for item in value)))
    return ""


def is_article(obj: dict, resolve) -> bool:
    """An object with a title-like field and a content-like field holding the article's text."""
    title = field_text(obj, TITLE_KEYS, resolve)
    content = field_text(obj, CONTENT_KEYS, resolve)
    if not title.strip() or len(title) > TITLE_MAX_CHARS:
        return False
    return bool(HTML_TAG_RE.search(content)) or len(content) >= CONTENT_MIN_CHARS


def find_article(roots: list[object], url: str, resolve, page_titles: list[str]) -> dict | None:
    """The article object: the one the URL names (slug, id), or the page's title, else the shallowest."""
    found = [obj for obj in walk_objects(roots) if is_article(obj, resolve)]
    path = urlsplit(url).path
    for obj in found:
        ids = (field_text(obj, (key,), resolve) for key in ID_KEYS)
        if any(len(value) >= ID_MIN_CHARS and value in path for value in ids):
            return obj
    for obj in found:
        title = clean_text(field_text(obj, TITLE_KEYS, resolve))
        if any(page_title.startswith(title) for page_title in page_titles):
            return obj  # <title> and og:title add the site's name after it
    return found[0] if found else None


def walk_objects(roots: list[object]):
    """Every object in the values, breadth first (the page's own article before related lists)."""
    level = [(root, 0) for root in roots if isinstance(root, (dict, list))]
    while level:
        following = []
        for value, depth in level:
            if depth > SEARCH_MAX_DEPTH:
                continue
            if isinstance(value, dict):
                yield value
            children = value.values() if isinstance(value, dict) else value
            following += [(child, depth + 1) for child in children if isinstance(child, (dict, list))]
        level = following


def repeats(opening: str, lead: list[dom.Block]) -> bool:
    """True when the body opens with the lead (the sapo field is a copy or an excerpt of it)."""
    text = " ".join(block.text for block in lead)
    for mark in ELLIPSIS:
        text = text.removesuffix(mark)
    return opening.startswith(text.strip())


def epoch_date(stamp: float, fetched_at) -> str | None:
    """An epoch time in seconds or milliseconds (UTC) in the archive format."""
    seconds = stamp / 1000 if stamp >= EPOCH_MS_MIN else stamp
    try:
        moment = datetime.fromtimestamp(seconds, tz=timezone.utc)
    except (OverflowError, OSError, ValueError):
        return None
    return parse_iso_date(moment.isoformat(), fetched_at)
