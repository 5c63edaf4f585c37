"""Bylines and source lines: who wrote an article, for which unit, and who published it first."""

from __future__ import annotations

import re
from dataclasses import dataclass

from crawler.extraction.dom import Block, is_emphasized, is_right_aligned

BYLINE_MAX_CHARS = 90
BYLINE_MAX_WORDS = 14
TRAILER_MAX_LINES = 3
"""Bylines and source lines sit in the last few paragraphs: author, source, or both."""

BYLINE_LABEL_RE = re.compile(
    r"^(?:(?:tin|bài|ảnh|video|clip)(?:\s*(?:,|và|-|\+|&)\s*(?:ảnh|bài|video|clip))*"
    r"|thực hiện|tác giả|nhóm pv|pv)\s*:\s*",
    re.I,
)
"""Labels such as "Tin, ảnh:" or "Bài và ảnh:" in front of a name."""
PAREN_ORG_RE = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<org>[^()]+)\)$")
"""Minh Hải (Trung tâm VHTT-TT huyện)."""
ORG_START = (
    r"(?:Ban|Trung tâm|Phòng|Hội|Ủy ban|Uỷ ban|UBND|UBMTTQ|MTTQ|Mặt trận|Huyện ủy|Huyện uỷ|"
    r"Thành ủy|Thành uỷ|Tỉnh ủy|Tỉnh uỷ|Thị ủy|Thị uỷ|Đảng ủy|Đảng uỷ|Đài|Báo|Tạp chí|Sở|"
    r"Văn phòng|Cổng|Đoàn|Huyện đoàn|Tỉnh đoàn|Công an|Bộ|Cục|Chi cục|Trường|Liên đoàn|Cơ quan|"
    r"Đồn|Kho bạc|Viện|Học viện|Khối|Công đoàn|BCH|TTVH|VHTT|TTXVN)(?![^\W\d_])"
)
ORG_SPLIT_RE = re.compile(rf"^(?P<name>.+?)\s*[,–—-]\s*(?P<org>{ORG_START}.*)$")
"""Lê Văn Nam, Ban Dân vận Tỉnh ủy (a second name after the comma is not a unit)."""
NOT_ORGS = frozenset({"tổng hợp", "th", "st", "sưu tầm", "lược dịch", "ảnh", "ảnh minh họa"})
DOMAIN_SOURCE_RE = re.compile(
    r"^\(?\s*(?:(?:theo|nguồn)\s*:?\s*)?(?P<source>(?:www\.)?[\w-]+(?:\.[a-z]{2,})+)\s*\)?$", re.I
)
"""(baogialai.com.vn), Theo baogialai.com.vn, Nguồn: vov.vn."""
LABELLED_SOURCE_RE = re.compile(
    r"^(?:\(\s*(?:theo|nguồn)\s*:?|nguồn\s*:)\s*(?P<source>[^(),;]{2,80}?)\s*\)?$", re.I
)
"""Nguồn: Báo Gia Lai, (Theo TTXVN)."""
THEO_SOURCE_RE = re.compile(r"^theo\s+(?P<source>[^(),;]{2,80}?)$", re.I)
"""Theo Báo Gia Lai: a source only when set apart like a byline ("Theo dõi ..." is text)."""
SENTENCE_END_RE = re.compile(r"[.!?…:;]$")


@dataclass
class Byline:
    """The person and unit parts of a byline."""

    author: str | None = None
    author_org: str | None = None


def split_byline(text: str) -> Byline:
    """Split "Name (Unit)" or "Name, Unit" into person and unit; several names stay one string."""
    text = BYLINE_LABEL_RE.sub("", text.strip()).strip()
    if not text:
        return Byline()
    for pattern in (PAREN_ORG_RE, ORG_SPLIT_RE):
        match = pattern.match(text)
        if match:
            org = match["org"].strip()
            return Byline(match["name"].strip(), None if org.lower() in NOT_ORGS else org)
    return Byline(text)


def source_of(text: str) -> str | None:
    """The original publisher named by a source line, else None."""
    for pattern in (DOMAIN_SOURCE_RE, LABELLED_SOURCE_RE):
        match = pattern.match(text.strip())
        if match:
            return match["source"].strip()
    return None


def block_source(block: Block) -> str | None:
    """The publisher named by a source paragraph; "Theo X" counts only when styled apart."""
    source = source_of(block.text)
    if source is None and (is_right_aligned(block.element) or is_emphasized(block)):
        match = THEO_SOURCE_RE.match(block.text)
        source = match["source"].strip() if match else None
    return source


def looks_like_byline(block: Block) -> bool:
    """A short, right-aligned or bold/italic line that does not end like a sentence."""
    text = block.text
    if len(text) > BYLINE_MAX_CHARS or len(text.split()) > BYLINE_MAX_WORDS:
        return False
    if SENTENCE_END_RE.search(text) and not BYLINE_LABEL_RE.match(text):
        return False
    if not (text[0].isupper() or text[0] == "("):
        return False
    return is_right_aligned(block.element) or is_emphasized(block)


@dataclass
class Trailer:
    """What the last paragraphs of a body held besides text."""

    byline: Byline
    source: str | None


def split_trailer(blocks: list[Block], has_byline: bool = False) -> tuple[list[Block], Trailer]:
    """Take the byline and source lines off the end of the body paragraphs."""
    blocks = list(blocks)
    byline, source = Byline(), None
    for _ in range(TRAILER_MAX_LINES):
        if not blocks:
            break
        last = blocks[-1]
        if source is None and block_source(last):
            source = block_source(last)
        elif not has_byline and byline.author is None and looks_like_byline(last):
            byline = split_byline(last.text)
        else:
            break
        blocks.pop()
    return blocks, Trailer(byline, source)
