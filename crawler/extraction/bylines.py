"""Bylines and source lines: who wrote an article, for which unit, and who published it first.

Sources keep the outlet's name as written ("Báo Nhân Dân", "TTXVN"); hosts and URLs become the
host in lower case without "www." ("Nguồn: https://www.baoquangninh.vn/…" → "baoquangninh.vn").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from crawler.extraction.dom import Block, is_emphasized, is_right_aligned
from crawler.extraction.outlets import DOMAIN, OUTLETS_BY_MARK, normalise_host

BYLINE_MAX_CHARS = 90
BYLINE_MAX_WORDS = 14
TRAILER_MAX_LINES = 3
"""Bylines and source lines sit in the last few paragraphs: author, source, or both."""
OUTLET_MAX_WORDS = 8

BYLINE_LABEL_RE = re.compile(
    r"^(?:(?:tin|bài|ảnh|video|clip)(?:\s*(?:,|và|-|\+|&)\s*(?:ảnh|bài|video|clip))*"
    r"|thực hiện|tác giả(?: bài viết)?|người viết|nhóm pv|nhóm phóng viên|pv)\s*:\s*",
    re.I,
)
"""Labels such as "Tin, ảnh:" or "Bài và ảnh:" in front of a name."""
WRITER_LABEL_RE = re.compile(
    r"^(?:(?:tin|bài)(?:\s*(?:,|và|-|\+|&)\s*(?:ảnh|bài|video|clip))*|thực hiện|nhóm pv|nhóm phóng viên)"
    r"\s*:", re.I,
)
"""Labels that make a line a byline even when it is not set apart ("Ảnh:" alone is a photo credit)."""
CREDIT_LABEL = r"(?:tin|bài|ảnh|video|clip)(?:\s*(?:,|và|-|\+|&)\s*(?:ảnh|bài|video|clip))*|thực hiện|bài viết"
CREDIT_PART_RE = re.compile(rf"(?:^|(?<=[\s\-–—;|/]))(?P<label>{CREDIT_LABEL})\s*:\s*", re.I)
"""Each labelled part of "Tin: Hồng Nhung - Ảnh: Minh Tâm"."""
WRITER_RE = re.compile(r"^(?:tin|bài|thực hiện)", re.I)
PART_TRIM = " -–—;|/,"
BYLINE_DATE_RE = re.compile(
    r"\s*[-–—,|]\s*(?P<date>(?:ngày\s*)?\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{2,4})?"
    r"(?:\s*,?\s*(?:lúc\s*)?\d{1,2}\s*[:h]\s*\d{2})?)\s*$",
    re.I,
)
"""The date some writers put after their name: "P.Y - 12/3/2024"."""
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
UNIT_RE = re.compile(
    r"^(?:Ban|Trung tâm|Phòng|Ủy ban|Uỷ ban|UBND|UBMTTQ|MTTQ|Mặt trận|Huyện ủy|Huyện uỷ|Thành ủy|"
    r"Thành uỷ|Tỉnh ủy|Tỉnh uỷ|Thị ủy|Thị uỷ|Đảng ủy|Đảng uỷ|Đài|Văn phòng|Huyện đoàn|Tỉnh đoàn|"
    r"Công an|Sở|Chi cục|Hội (?:Nông dân|Phụ nữ|Cựu chiến binh|Liên hiệp)|Liên đoàn Lao động)"
    r"(?![^\W\d_])\s+\S"
)
"""A byline that is only a unit ("Phòng Văn hóa và Thông tin huyện"); not "Đoàn", a surname too."""
NOT_ORGS = frozenset({"tổng hợp", "th", "st", "sưu tầm", "lược dịch", "ảnh", "ảnh minh họa"})
THEO_RE = re.compile(r"^theo\s+(?P<rest>.+)$", re.I)
"""Theo … : "according to", the credit of a republished article."""
NAME_OUTLET_RE = re.compile(r"^(?P<name>[^()]+?)\s*(?:\((?P<paren>[^()]+)\)|[,/–—-]\s*(?P<tail>.+))$")
"""Theo Thanh Hà (Báo Nhân Dân), Theo Thanh Hà - Báo Nhân Dân."""
OUTLET_WORDS = ("Báo", "Tạp chí", "Đài", "Cổng thông tin", "Trang thông tin", "Thông tấn xã", "Tờ")
"""How outlet names start; the next word is capitalised ("Báo Nhân Dân", not "báo cáo")."""
ACRONYM_RE = re.compile(r"^[A-ZĐ][A-ZĐ&]{1,9}$")
"""TTXVN, VOV, VTV, QĐND."""
URL_SOURCE_RE = re.compile(
    r"^\(?\s*(?:(?:theo|nguồn)\s*:?\s*)?(?P<source>https?://[^\s()]+)\s*\)?\.?$", re.I
)
"""Nguồn: https://www.baoquangninh.vn/… (the host is the source)."""
DOMAIN_SOURCE_RE = re.compile(
    rf"^\(?\s*(?:(?:theo|nguồn)\s*:?\s*)?(?P<source>(?:www\.)?{DOMAIN})\s*\)?\.?$", re.I
)
"""(baogialai.com.vn), Theo baogialai.com.vn, Nguồn: vov.vn."""
LABELLED_SOURCE_RE = re.compile(
    r"^(?:\(\s*(?:theo|nguồn)\s*:?|nguồn(?: tin)?\s*:)\s*(?P<source>[^(),;]{2,80}?)\s*\)?\.?$", re.I
)
"""Nguồn: Báo Gia Lai, Nguồn tin: Báo Nhân Dân, (Theo TTXVN)."""
SENTENCE_END_RE = re.compile(r"[.!?…:;]$")
HOST_RE = re.compile(rf"^(?:https?://)?(?P<host>(?:www\.)?{DOMAIN})(?:[/?#]\S*)?$", re.I)
SOURCE_TRIM = " .,;:-–—"


@dataclass
class Byline:
    """The parts of a byline: person, unit, the outlet it credits, and a date written in it."""

    author: str | None = None
    author_org: str | None = None
    source: str | None = None
    """The original publisher credited with "Theo …" ("Theo Thanh Hà (Báo Nhân Dân)")."""
    date_text: str | None = None
    """A date written after the name ("Tin, ảnh: P.Y - 12/3/2024" → "12/3/2024")."""

    @property
    def named(self) -> bool:
        """True when the byline names a person or a unit."""
        return bool(self.author or self.author_org)


def normalise_source(text: str) -> str:
    """A source as written, trimmed; a host or URL becomes its lower-case host without www."""
    text = text.strip(SOURCE_TRIM)
    match = HOST_RE.match(text)
    return normalise_host(match["host"]) if match else text


def looks_like_outlet(text: str) -> bool:
    """A newspaper, broadcaster or agency name: a host, an acronym, or "Báo …", "Đài …"."""
    text = text.strip(SOURCE_TRIM)
    if HOST_RE.match(text) or ACRONYM_RE.match(text) or text.upper() in OUTLETS_BY_MARK:
        return True
    if len(text.split()) > OUTLET_MAX_WORDS or SENTENCE_END_RE.search(text) or "," in text:
        return False
    for word in OUTLET_WORDS:
        rest = text[len(word):].split() if text.startswith(word + " ") else []
        if rest and rest[0][0].isupper():
            return True
    return False


def split_byline(text: str) -> Byline:
    """Split "Name (Unit)" or "Name, Unit" into person and unit; several names stay one string."""
    text, date_text = take_byline_date(text.strip())
    text = BYLINE_LABEL_RE.sub("", writer_part(text)).strip()
    if not text:
        return Byline(date_text=date_text)
    credit = theo_credit(text)
    if credit is not None:
        credit.date_text = date_text
        return credit
    for pattern in (PAREN_ORG_RE, ORG_SPLIT_RE):
        match = pattern.match(text)
        if match:
            org = match["org"].strip()
            org = None if org.lower() in NOT_ORGS else org
            return Byline(match["name"].strip(), org, date_text=date_text)
    if UNIT_RE.match(text):
        return Byline(None, text, date_text=date_text)
    return Byline(text, date_text=date_text)


def writer_part(text: str) -> str:
    """The writer's part of a byline with several labelled parts; the photographer is dropped."""
    parts = list(CREDIT_PART_RE.finditer(text))
    if len(parts) < 2:
        return text
    ends = [part.start() for part in parts[1:]] + [len(text)]
    for part, end in zip(parts, ends):
        if WRITER_RE.match(part["label"]):
            return text[part.end():end].strip(PART_TRIM)
    return text


def take_byline_date(text: str) -> tuple[str, str | None]:
    """The byline without its trailing date, and that date's text."""
    match = BYLINE_DATE_RE.search(text)
    if match is None or match.start() == 0:
        return text, None
    return text[:match.start()], match["date"]


def theo_credit(text: str) -> Byline | None:
    """"Theo Thanh Hà (Báo Nhân Dân)" → author and source; "Theo TTXVN" → source; else None."""
    match = THEO_RE.match(text)
    if match is None:
        return None
    rest = match["rest"].strip()
    if looks_like_outlet(rest):
        return Byline(source=normalise_source(rest))
    parts = NAME_OUTLET_RE.match(rest)
    outlet = parts and (parts["paren"] or parts["tail"])
    if outlet and looks_like_outlet(outlet):
        return Byline(parts["name"].strip(), source=normalise_source(outlet))
    return Byline(rest)  # "Theo Thanh Hà": a person credited without an outlet


def source_of(text: str) -> str | None:
    """The original publisher named by a source line, else None."""
    text = text.strip()
    for pattern in (URL_SOURCE_RE, DOMAIN_SOURCE_RE, LABELLED_SOURCE_RE):
        match = pattern.match(text)
        if match:
            return normalise_source(match["source"])
    match = THEO_RE.match(text)
    if match and looks_like_outlet(match["rest"]):
        return normalise_source(match["rest"])
    return None


def looks_like_byline(block: Block) -> bool:
    """A short line that does not end like a sentence: set apart, labelled, or a "Theo" credit."""
    text = block.text
    if len(text) > BYLINE_MAX_CHARS or len(text.split()) > BYLINE_MAX_WORDS:
        return False
    if SENTENCE_END_RE.search(text) and not BYLINE_LABEL_RE.match(text):
        return False
    if not (text[0].isupper() or text[0] == "("):
        return False
    if WRITER_LABEL_RE.match(text) or is_outlet_credit(text):
        return True
    return is_right_aligned(block.element) or is_emphasized(block)


def is_outlet_credit(text: str) -> bool:
    """True for "Theo <name> (<outlet>)" lines, which are credits wherever they stand."""
    credit = theo_credit(text)
    return credit is not None and credit.source is not None


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
        if source is None and source_of(last.text):
            source = source_of(last.text)
        elif not has_byline and not byline.named and looks_like_byline(last):
            byline = split_byline(last.text)
        else:
            break
        blocks.pop()
    return blocks, Trailer(byline, source or byline.source)


def read_credits(blocks: list[Block]) -> tuple[Byline, str | None]:
    """The byline and source lines at the start of ``blocks`` (the lines after a body)."""
    byline, source = Byline(), None
    for block in blocks[:TRAILER_MAX_LINES]:
        if source is None and source_of(block.text):
            source = source_of(block.text)
        elif not byline.named and looks_like_byline(block):
            byline = split_byline(block.text)
        else:
            break
    return byline, source or byline.source
