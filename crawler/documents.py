"""Pure helper: Party and State document numbers cited in a text (e.g. 23-QĐ/TW, 45/KH-UBND)."""

from __future__ import annotations

import re

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
LETTER_FIXES = str.maketrans({"Ð": "Đ", "ð": "đ"})
"""U+00D0 (Icelandic Eth) looks like Đ and turns up in copied text."""


def _number_span(match: re.Match) -> tuple[int, int]:
    """Where the document number itself is: from the number to the end of the issuer."""
    end = max(match.end(group) for group in ISSUER_GROUPS if match.group(group))
    return match.start(), end


def find_documents(text: str) -> list[str]:
    """Document numbers cited in ``text``, as written, in order of first appearance, no repeats."""
    text = nfc(text or "").translate(LETTER_FIXES)
    found: dict[str, None] = {}
    for match in DOC_RE.finditer(text):
        start, end = _number_span(match)
        found.setdefault(text[start:end], None)
    return list(found)
