"""Pure text helpers: charset decoding, Unicode NFC, whitespace, paragraphs, folded keys."""

from __future__ import annotations

import codecs
import html
import re
import unicodedata

import charset_normalizer

_LETTER_FOLDS = {"đ": "d", "Đ": "D", "Ð": "D", "ð": "d"}

HEADER_CHARSET_RE = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)
META_CHARSET_RE = re.compile(rb"<meta\s[^>]*?charset\s*=\s*[\"']?\s*([\w.:-]+)", re.I)
"""Both `<meta charset=…>` and `<meta http-equiv … content="…; charset=…">`, any attribute order."""
META_SNIFF_BYTES = 4096
CHARSET_ALIASES = {"iso-8859-1": "windows-1252", "latin-1": "windows-1252", "latin1": "windows-1252",
                   "us-ascii": "windows-1252", "ascii": "windows-1252"}
"""WHATWG: browsers read these labels as windows-1252."""

ASCII_SPACE_RE = re.compile(r"[ \t\n\r\f\v\u200b]+")
ANY_SPACE_RE = re.compile(r"[\s\u200b]+")
PARAGRAPH_BREAK_RE = re.compile(r"\n\s*\n")
PARAGRAPH_SEPARATOR = "\n\n"


def nfc(text: str) -> str:
    """Unicode NFC, the form the archive stores."""
    return unicodedata.normalize("NFC", text)


def _fold_table() -> dict[int, str | None]:
    """Precomposed Latin letter -> base letter, combining mark -> nothing, đ -> d."""
    table: dict[int, str | None] = {ord(k): v for k, v in _LETTER_FOLDS.items()}
    for code in range(0x00C0, 0x2000):
        char = chr(code)
        if unicodedata.combining(char):
            table[code] = None
            continue
        base = "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c))
        if base != char and base.isascii():
            table[code] = base
    return table


# One translate() pass instead of NFD + a per-character filter: folding is on the save path.
_FOLD_TABLE = _fold_table()


def fold(text: str) -> str:
    """Search/dedup key: lower case, Vietnamese diacritics and đ folded ("Đảng" -> "dang")."""
    return nfc(text).translate(_FOLD_TABLE).casefold()


def _codec(label: str | None) -> str | None:
    """Python codec name for a charset label, or None when Python does not know it."""
    if not label:
        return None
    label = CHARSET_ALIASES.get(label.strip().lower(), label.strip().lower())
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def header_charset(content_type: str | None) -> str | None:
    """The charset of an HTTP Content-Type header value."""
    match = HEADER_CHARSET_RE.search(content_type or "")
    return _codec(match.group(1)) if match else None


def meta_charset(body: bytes) -> str | None:
    """The charset a page declares in a <meta> tag near its top."""
    match = META_CHARSET_RE.search(body[:META_SNIFF_BYTES])
    return _codec(match.group(1).decode("ascii", "ignore")) if match else None


def _try_decode(body: bytes, codec: str | None) -> str | None:
    """The body decoded strictly with ``codec``, or None when it does not decode cleanly."""
    if not codec:
        return None
    try:
        return body.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _guess_decode(body: bytes) -> str:
    """Decode with charset-normalizer's best guess; UTF-8 with replacement as the last resort."""
    best = charset_normalizer.from_bytes(body).best()
    if best is not None and best.encoding:
        return str(best)
    return body.decode("utf-8", errors="replace")


def decode_html(body: bytes, content_type: str | None = None) -> str:
    """Decode an HTML response to NFC text: clean UTF-8, else header, else <meta>, else a guess."""
    if body.startswith(codecs.BOM_UTF8):
        body = body[len(codecs.BOM_UTF8):]
    # UTF-8 first: valid multi-byte UTF-8 is almost never another charset, and Liferay's
    # content-first meta tag makes naive parsers fall back to Latin-1.
    for codec in ("utf-8", header_charset(content_type), meta_charset(body)):
        text = _try_decode(body, codec)
        if text is not None:
            return nfc(text)
    return nfc(_guess_decode(body))


def clean_text(text: str | None) -> str:
    """One-line text: leftover entities unescaped, NFC, all whitespace (U+00A0 too) collapsed."""
    if not text:
        return ""
    return ANY_SPACE_RE.sub(" ", nfc(html.unescape(text))).strip()


def clean_paragraph(text: str | None) -> str:
    """A paragraph as published: entities unescaped, NFC, ASCII spaces collapsed, ends stripped."""
    # internal U+00A0 is part of the published text and stays; leading and trailing ones go
    if not text:
        return ""
    return ASCII_SPACE_RE.sub(" ", nfc(html.unescape(text))).strip(" \u00a0\t\n\r\f\v")


def is_blank(text: str) -> bool:
    """True for text that is only whitespace, U+00A0 or punctuation (image holders, lone ".")."""
    return not any(ch.isalnum() for ch in text)


def join_paragraphs(paragraphs: list[str]) -> str:
    """Article text: paragraphs separated by one blank line."""
    return PARAGRAPH_SEPARATOR.join(p for p in paragraphs if p)


def split_paragraphs(text: str) -> list[str]:
    """The paragraphs of an article text (the inverse of ``join_paragraphs``)."""
    return [p.strip() for p in PARAGRAPH_BREAK_RE.split(text) if p.strip()]
