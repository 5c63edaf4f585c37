"""Pure helper: Party and State document numbers cited in a text (e.g. 23-QĐ/TW, 45/KH-UBND)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date as datetime_date
from functools import lru_cache

from crawler.text import nfc

DOC_RE = re.compile(r"""
(?<![\w/.-])(?P<num>\d{1,5})\s*
(?: -\s*(?P<p_type>[A-ZĐ][A-Za-zĐđ]{0,4})\s*/\s*(?P<p_issuer>[A-ZĐ][A-ZĐ0-9]{0,15}(?:-[A-ZĐ0-9]+)*)
  | /\s*(?:(?P<year>(?:19|20)\d{2})\s*/\s*)?(?P<s_type>[A-ZĐ][A-Za-zĐđ]{0,4})\s*-\s*(?P<s_issuer>[A-ZĐ][A-Za-zĐđ0-9]*(?:-[A-ZĐ][A-Za-zĐđ0-9]*)*)
  | /\s*(?P<l_year>(?:19|20)\d{2})\s*/\s*(?P<l_issuer>(?:UBTV)?QH\d{1,2}) )
(?:\s*,?\s*(?:ban\ hành\s*)?ngày\s*(?P<d>\d{1,2})\s*(?:[/.-]|tháng)\s*(?P<m>\d{1,2})\s*(?:[/.-]|năm)\s*(?P<y>\d{4}))?
""", re.X)
"""Party ``number-TYPE/ISSUER``, State ``number/[year/]TYPE-ISSUER``, laws ``number/year/QHnn``
(research/vn_domain.md §3), with the optional "ngày d/m/yyyy" that follows."""
ISSUER_GROUPS = ("p_issuer", "s_issuer", "l_issuer")
LETTER_FIXES = (("Ð", "Đ"), ("ð", "đ"))
"""U+00D0 (Icelandic Eth) looks like Đ and turns up in copied text (replaced one letter at a time:
str.translate with a table costs 1 ms on a long Vietnamese text, str.replace microseconds)."""


def _number_span(match: re.Match) -> tuple[int, int]:
    """Where the document number itself is: from the number to the end of the issuer."""
    end = max(match.end(group) for group in ISSUER_GROUPS if match.group(group))
    return match.start(), end


def find_documents(text: str) -> list[str]:
    """Document numbers cited in ``text``, as written, in order of first appearance, no repeats."""
    return [citation.number for citation in cite_documents(text)]


TYPE_NAMES = {
    "NQ": "Nghị quyết", "QĐ": "Quyết định / Quy định", "QyĐ": "Quy định", "KL": "Kết luận",
    "CT": "Chỉ thị", "TB": "Thông báo", "CV": "Công văn", "KH": "Kế hoạch", "HD": "Hướng dẫn",
    "BC": "Báo cáo", "CTr": "Chương trình", "ĐA": "Đề án", "TTr": "Tờ trình", "NĐ": "Nghị định",
    "TT": "Thông tư", "QC": "Quy chế", "QCPH": "Quy chế phối hợp", "BB": "Biên bản", "GM": "Giấy mời",
    "TTLT": "Thông tư liên tịch", "NQLT": "Nghị quyết liên tịch", "CTLT": "Chương trình liên tịch",
}
"""Type codes of Decree 30/2020 Annex III and the Party's Guidance 36-HD/VPTW (QĐ is Quy định
for the Party and Quyết định for the State)."""
ISSUER_NAMES = {
    "TW": "Trung ương (Ban Chấp hành, Bộ Chính trị, Ban Bí thư)", "TU": "Tỉnh ủy / Thành ủy",
    "HU": "Huyện ủy", "QU": "Quận ủy", "ĐU": "Đảng ủy", "BCĐ": "Ban Chỉ đạo", "UBND": "Ủy ban nhân dân",
    "HĐND": "Hội đồng nhân dân", "CP": "Chính phủ", "TTg": "Thủ tướng Chính phủ", "VPTW": "Văn phòng Trung ương",
    "BDVTW": "Ban Dân vận Trung ương", "BDVTU": "Ban Dân vận Tỉnh ủy", "BTGTU": "Ban Tuyên giáo Tỉnh ủy",
    "MTTQ": "Mặt trận Tổ quốc",
}


@dataclass(frozen=True)
class DocumentCitation:
    """One cited document number, split into its parts (research/vn_domain.md §3)."""

    number: str
    """As written, e.g. "23-QĐ/TW" or "17/2018/QĐ-UBND"."""
    kind: str
    """party (number-TYPE/ISSUER), state (number/TYPE-ISSUER) or law (number/year/QHnn)."""
    serial: int
    doc_type: str | None
    """Type code, e.g. QĐ, KH, CTr; "CV" for a State công văn, which has no type code."""
    issuer: str
    year: int | None
    """The year in the number, else the year of the issue date given beside it."""
    date: str | None
    """Issue date YYYY-MM-DD when the text gives "ngày d/m/yyyy" right after the number."""

    @property
    def type_name(self) -> str | None:
        return TYPE_NAMES.get(self.doc_type or "")

    @property
    def issuer_name(self) -> str | None:
        return ISSUER_NAMES.get(self.issuer.split("-")[-1]) or ISSUER_NAMES.get(self.issuer)


def cite_documents(text: str) -> list[DocumentCitation]:
    """Documents cited in ``text``, parsed, in order of first appearance, no repeats."""
    return list(_cited(text or ""))


@lru_cache(maxsize=8)  # extraction lists the numbers, the archive stores the parts: one parse per text
def _cited(text: str) -> tuple[DocumentCitation, ...]:
    text = nfc(text)
    for wrong, right in LETTER_FIXES:
        text = text.replace(wrong, right)
    found: dict[str, DocumentCitation] = {}
    for match in DOC_RE.finditer(text):
        start, end = _number_span(match)
        number = text[start:end]
        if number not in found:
            found[number] = _citation(number, match)
    return tuple(found.values())


def _citation(number: str, match: re.Match) -> DocumentCitation:
    date = _issue_date(match)
    kind, doc_type, issuer, year = _parts(match)
    return DocumentCitation(
        number=number, kind=kind, serial=int(match["num"]), doc_type=doc_type, issuer=issuer,
        year=year or (int(date[:4]) if date else None), date=date,
    )


def _parts(match: re.Match) -> tuple[str, str | None, str, int | None]:
    """(kind, type code, issuer, year in the number) of a DOC_RE match."""
    if match["p_type"]:
        return "party", match["p_type"], match["p_issuer"], None
    if match["l_issuer"]:
        return "law", None, match["l_issuer"], int(match["l_year"])
    year = int(match["year"]) if match["year"] else None
    if match["s_type"] in TYPE_NAMES:
        return "state", match["s_type"], match["s_issuer"], year
    # A State công văn has no type code: "4507/BGTVT-TTCNTT" is issuer BGTVT, unit TTCNTT.
    return "state", "CV", f"{match['s_type']}-{match['s_issuer']}", year


def _issue_date(match: re.Match) -> str | None:
    if not match["y"]:
        return None
    try:
        return datetime_date(int(match["y"]), int(match["m"]), int(match["d"])).isoformat()
    except ValueError:
        return None
