"""lxml helpers shared by the page objects: parsing, CSS lookups, and block-level text."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from typing import Callable, Iterable, Iterator
from urllib.parse import urljoin

import cssselect
import lxml.html
from cssselect.parser import Class, CombinedSelector, Element, Hash
from lxml import etree
from lxml.cssselect import LxmlHTMLTranslator
from lxml.html import HtmlElement

from crawler.text import clean_paragraph, clean_text, is_blank

XML_DECLARATION_RE = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
BLOCK_TAGS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd blockquote pre table thead tbody tfoot tr td th "
    "caption figure figcaption section article aside header footer main nav address center form "
    "hr".split()
)
"""Elements that start a new paragraph; text inside anything else is inline."""
ALWAYS_JUNK = (
    "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas",
    "audio", "video", "button", "input", "select", "textarea", "link", "meta",
)
SENTENCE_END_RE = re.compile(r"(?:^|[.!?…:;\"”)])$")
"""Text before a <br> that ends like this (or is empty) closes its paragraph."""
RIGHT_ALIGN_RE = re.compile(r"text-align\s*:\s*right", re.I)
RIGHT_CLASS_RE = re.compile(r"(?:^|\s)(?:text-right|text-end|right)(?:\s|$)")
"""Bootstrap's right-alignment classes (div.author-detail.text-right)."""
CENTRED_RE = re.compile(r"text-align\s*:\s*center", re.I)
EMPHASIS_XPATH = ".//text()[ancestor::strong or ancestor::b or ancestor::em or ancestor::i]"
ITALIC_XPATH = (
    ".//text()[ancestor::em or ancestor::i or ancestor::*[contains(translate(@style, 'ITALC', 'italc'),"
    " 'italic')]]"
)
"""Text in <em>/<i> or in an element styled font-style: italic (SharePoint's editor writes spans)."""
EMPHASIZED_TEXT, ITALIC_TEXT = etree.XPath(EMPHASIS_XPATH), etree.XPath(ITALIC_XPATH)
"""Compiled once: element.xpath(string) compiles the expression again for every paragraph."""
HIDDEN_CLASS_RE = re.compile(
    r"(?:^|\s)(?:hide-accessible|sr-only|visually-hidden|screen-reader-text|helper-hidden-accessible"
    r"|hidden|d-none|hide)(?:\s|$)"
)
"""Accessibility-only and hidden headings ("Điều hướng" of Liferay's quick-access nav)."""
HIDDEN_STYLE_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
BANNER_NAME_RE = re.compile(r"(?:^|\s)(?:banner|header|site-header|top-header|logo|site-title|site-name|navbar)(?:\s|$)")
"""Class or id of the site banner, whose heading is the site's name (not .ArticleHeader, .entry-header)."""
EMPTY_DOCUMENT = "<html><body></body></html>"


@dataclass
class Block:
    """One paragraph of text and the block element it was read from."""

    text: str
    element: HtmlElement


def parse_html(html: str) -> HtmlElement:
    """An lxml document tree (an empty one for empty input)."""
    html = XML_DECLARATION_RE.sub("", html or "", count=1)
    try:
        return lxml.html.document_fromstring(html or EMPTY_DOCUMENT)
    except (etree.ParserError, ValueError):
        return lxml.html.document_fromstring(EMPTY_DOCUMENT)


_CSS_TRANSLATOR = LxmlHTMLTranslator()


@lru_cache(maxsize=1024)
def css_xpath(selector: str) -> str:
    """The XPath of a CSS selector; translating costs more than matching, and selectors are constants.

    The XPath string is cached, not a compiled XPath object: reused compiled selectors that call
    lxml's CSS extension functions (``:contains``) crashed with corrupted namespace names.
    """
    return _CSS_TRANSLATOR.css_to_xpath(selector)


CSS_EXTENSION_PREFIX = "__lxml_internal_css:"
"""How the XPath of a selector calling lxml's CSS extension functions (``:contains``) names them."""


@lru_cache(maxsize=1024)
def css_query(selector: str) -> Callable[[HtmlElement], list]:
    """The matcher of a CSS selector: a compiled XPath, reused across documents (compiling costs about
    a third of a lookup), except for selectors calling lxml's CSS extension functions, which get the
    XPath string each time (see ``css_xpath``)."""
    xpath = css_xpath(selector)
    if CSS_EXTENSION_PREFIX in xpath:
        return lambda root: root.xpath(xpath)
    return etree.XPath(xpath)


@lru_cache(maxsize=1024)
def required_names(selector: str) -> tuple[str, ...]:
    """Class names and ids that every match of ``selector`` has (none for a group or a selector this
    cannot read): a document without one of them in its class and id attributes has no match."""
    try:
        parsed = cssselect.parse(selector)
    except cssselect.SelectorError:
        return ()
    if len(parsed) != 1:
        return ()  # "a, b": either alternative may match
    names: list[str] = []
    pending = [parsed[0].parsed_tree]
    while pending:
        node = pending.pop()
        if isinstance(node, CombinedSelector):
            pending += [node.selector, node.subselector]
        elif isinstance(node, Element):
            continue
        elif not hasattr(node, "selector"):
            return ()
        else:  # the node's own condition on top of ``node.selector``; negations and :has add none
            names += [node.class_name] if isinstance(node, Class) else [node.id] if isinstance(node, Hash) else []
            pending.append(node.selector)
    return tuple(names)


NAMES_XPATH = etree.XPath("descendant-or-self::*/@class | descendant-or-self::*/@id", smart_strings=False)
NAMES_CACHE_SIZE = 4
TOP_XPATH = etree.XPath("ancestor-or-self::*[last()]")
"""The top ancestor (a quarter of the cost of walking ``iterancestors``)."""
_names_of_documents: dict[int, tuple[HtmlElement, str]] = {}


def document_names(el: HtmlElement) -> str:
    """Every class and id value of the tree holding ``el``, one per line (cached per tree root).

    The page objects only remove elements from their tree, so the names read when a tree is first
    queried still hold every name it has later. The root is the top ancestor, not the document's
    root: an element removed from its document is a tree of its own.
    """
    root = el if el.getparent() is None else TOP_XPATH(el)[0]
    cached = _names_of_documents.get(id(root))
    if cached is None or cached[0] is not root:
        if len(_names_of_documents) >= NAMES_CACHE_SIZE:
            _names_of_documents.clear()
        cached = _names_of_documents[id(root)] = (root, "\n".join(NAMES_XPATH(root)))
    return cached[1]


def query(root: HtmlElement, selector: str) -> list[HtmlElement]:
    """The elements under ``root`` matching one selector (no search when a class or id it needs is absent)."""
    needed = required_names(selector)
    if needed:
        names = document_names(root)
        if not all(name in names for name in needed):
            return []
    return css_query(selector)(root)


def select(root: HtmlElement, selectors: Iterable[str]) -> list[HtmlElement]:
    """Elements matching any selector, in selector order then document order."""
    return list(iter_select(root, selectors))


def iter_select(root: HtmlElement, selectors: Iterable[str]) -> Iterator[HtmlElement]:
    """``select`` lazily, for callers that stop at a match and leave the tree as it is meanwhile."""
    # a caller that stops early spares the later (fallback) selectors their search
    seen: set[HtmlElement] = set()
    for selector in selectors:
        for el in query(root, selector):
            if el not in seen:
                seen.add(el)
                yield el


def select_group(root: HtmlElement, selectors: Iterable[str]) -> list[HtmlElement]:
    """All matches of the first selector that matches anything (later selectors are fallbacks)."""
    for selector in selectors:
        matches = query(root, selector)
        if matches:
            return matches
    return []


def first(root: HtmlElement, selectors: Iterable[str]) -> HtmlElement | None:
    """The first element matching the first selector that matches anything."""
    for selector in selectors:
        matches = query(root, selector)
        if matches:
            return matches[0]
    return None


def first_text(root: HtmlElement, selectors: Iterable[str]) -> str:
    """The cleaned one-line text of the first matching element that has text."""
    for el in iter_select(root, selectors):
        text = clean_text(el.text_content())
        if text:
            return text
    return ""


def drop(root: HtmlElement, selectors: Iterable[str]) -> None:
    """Remove the matching elements (their tail text stays)."""
    for el in select(root, selectors):
        if el.getparent() is not None:
            el.drop_tree()


def iter_blocks(container: HtmlElement) -> list[Block]:
    """The non-blank paragraphs of a container in order: one per block element or <br> run."""
    blocks: list[Block] = []
    buffer: list[str] = []

    def flush(owner: HtmlElement) -> None:
        """Close the paragraph being collected; keep it unless blank."""
        text = clean_paragraph("".join(buffer))
        buffer.clear()
        if not is_blank(text):
            blocks.append(Block(text, owner))

    def walk(node: HtmlElement, owner: HtmlElement) -> None:
        """Collect the text of ``node``; ``owner`` is the block element it belongs to."""
        buffer.append(node.text or "")
        for child in node:
            if not isinstance(child.tag, str):
                pass  # comments and processing instructions: only their tail is text
            elif child.tag == "br":
                if is_hard_break(child, "".join(buffer)):
                    flush(owner)
                else:
                    buffer.append(" ")
            elif child.tag in BLOCK_TAGS:
                flush(owner)
                walk(child, child)
                flush(child)
            else:
                walk(child, owner)
            buffer.append(child.tail or "")

    walk(container, container)
    flush(container)
    return blocks


def is_hard_break(br: HtmlElement, pending: str) -> bool:
    """A <br> ends a paragraph when doubled or after a sentence end; otherwise it is a soft wrap."""
    following = br.getnext()
    doubled = following is not None and following.tag == "br" and not (br.tail or "").strip()
    return doubled or bool(SENTENCE_END_RE.search(pending.rstrip(" \u00a0\t\r\n")))


def is_right_aligned(el: HtmlElement) -> bool:
    """True when the element or its parent is right-aligned (how bylines are set)."""
    for node in (el, el.getparent()):
        if node is not None and (
            RIGHT_ALIGN_RE.search(node.get("style", "")) or node.get("align", "").lower() == "right"
            or RIGHT_CLASS_RE.search(node.get("class", ""))
        ):
            return True
    return False


def is_emphasized(block: Block) -> bool:
    """True when all of the block's text is inside strong/b/em/i."""
    emphasized = clean_paragraph("".join(EMPHASIZED_TEXT(block.element)))
    return bool(emphasized) and block.text in emphasized


def is_italic(el: HtmlElement) -> bool:
    """True when all of the element's text is italic (em, i, or font-style: italic)."""
    text = clean_text(el.text_content())
    return bool(text) and clean_text("".join(ITALIC_TEXT(el))) == text


def is_centred(el: HtmlElement) -> bool:
    """True when the element is centred (style, align, or a <center> around it)."""
    style_centred = bool(CENTRED_RE.search(el.get("style", "")))
    return style_centred or el.get("align", "").lower() == "center" or el.tag == "center"


def is_hidden(el: HtmlElement) -> bool:
    """True when the element or an ancestor is hidden or for screen readers only."""
    for node in (el, *el.iterancestors()):
        if HIDDEN_CLASS_RE.search(node.get("class", "")) or HIDDEN_STYLE_RE.search(node.get("style", "")):
            return True
        if node.get("hidden") is not None or node.get("aria-hidden") == "true":
            return True
    return False


def in_banner(el: HtmlElement) -> bool:
    """True inside the site's banner or navigation (the logo's <h1>, the site name)."""
    for node in (el, *el.iterancestors()):
        names = f"{node.get('class', '')} {node.get('id', '')}"
        if node.tag == "nav" or node.get("role") in ("banner", "navigation") or BANNER_NAME_RE.search(names):
            return True
    return False


def spaced_text(el: HtmlElement) -> str:
    """The element's one-line text with a space between child elements ("08:35" + "265" stay apart)."""
    return clean_text(" ".join(el.itertext()))


def following(el: HtmlElement, limit: int) -> list[HtmlElement]:
    """The first ``limit`` elements after ``el`` in document order, its own descendants excluded: what
    ``el.xpath("following::*")[:limit]`` gives, without reading the rest of the document."""
    return list(islice(_following(el), limit))


def _following(el: HtmlElement) -> Iterator[HtmlElement]:
    node: HtmlElement | None = el
    while node is not None:
        for sibling in node.itersiblings():
            yield from sibling.iter(etree.Element)  # elements only: comments are not ``*``
        node = node.getparent()


def document_order(root: HtmlElement) -> dict[HtmlElement, int]:
    """Each element's position in a document-order walk of ``root``."""
    return {el: index for index, el in enumerate(root.iter())}


def base_url(root: HtmlElement, url: str) -> str:
    """The URL relative links resolve against (honours <base href>)."""
    base = root.find(".//base[@href]")
    return urljoin(url, base.get("href").strip()) if base is not None else url


def absolute_link(href: str | None, base: str) -> str | None:
    """An absolute http(s) URL for a link, or None for javascript:, mailto:, fragments."""
    href = (href or "").strip()
    if not href or href.startswith(("#", "javascript:", "mailto:", "tel:")):
        return None
    absolute = urljoin(base, href)
    return absolute if absolute.startswith(("http://", "https://")) else None


def meta_content(root: HtmlElement, names: Iterable[str]) -> str | None:
    """The content of the first <meta> whose name, property or itemprop is in ``names``."""
    for name in names:
        for attr in ("property", "name", "itemprop"):
            for el in root.xpath(f"//meta[@{attr}=$name]", name=name):
                if el.get("content", "").strip():
                    return el.get("content").strip()
    return None


def json_ld(root: HtmlElement) -> Iterator[dict]:
    """Every JSON-LD object on the page, @graph members included."""
    for script in root.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        yield from _ld_objects(data)


def _ld_objects(data: object) -> Iterator[dict]:
    """Flatten JSON-LD lists and @graph into dicts."""
    if isinstance(data, list):
        for item in data:
            yield from _ld_objects(item)
    elif isinstance(data, dict):
        yield data
        yield from _ld_objects(data.get("@graph", []))
