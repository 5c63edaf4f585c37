"""Pure text helpers: charset decoding, Unicode NFC, whitespace, paragraphs, folded keys."""

from __future__ import annotations

import codecs
import html
import re
import unicodedata
import zlib

import charset_normalizer

from crawler.legacy_encodings import (
    VIETNAMESE_UNICODE_RE,
    convert_legacy,
    detect_legacy_encoding,
    repair_legacy_text,
)

_LETTER_FOLDS = {"đ": "d", "Đ": "D", "Ð": "D", "ð": "d"}

HEADER_CHARSET_RE = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)
META_CHARSET_RE = re.compile(rb"<meta\s[^>]*?charset\s*=\s*[\"']?\s*([\w.:-]+)", re.I)
"""Both `<meta charset=…>` and `<meta http-equiv … content="…; charset=…">`, any attribute order."""
META_SNIFF_BYTES = 4096
CHARSET_ALIASES = {"iso-8859-1": "windows-1252", "latin-1": "windows-1252", "latin1": "windows-1252",
                   "us-ascii": "windows-1252", "ascii": "windows-1252"}
"""WHATWG: browsers read these labels as windows-1252."""
WESTERN_CODECS = frozenset({"cp1252", "iso8859-1", "iso8859-15", "ascii"})
"""Labels that cannot spell Vietnamese, so a page declaring them may really be windows-1258."""
BOM_CODECS = (
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
"""A byte-order mark overrides every declaration (WHATWG encoding sniffing)."""

GZIP_MAGIC = b"\x1f\x8b"
GZIP_WBITS = 16 + zlib.MAX_WBITS
MAX_GZIP_LAYERS = 2
"""Servers that gzip an already gzipped file send two layers; more is not a page."""
MAX_INFLATED_BYTES = 20 * 1024 * 1024
"""No article page is 20 MB; a body that inflates beyond it is a gzip bomb or not a page."""

MOSTLY_UTF8_RATIO = 20
"""Valid non-ASCII UTF-8 characters per broken byte above which a page is UTF-8 with a few bad bytes."""
CP1258_TONE_BYTES_RE = re.compile(rb"[\xcc\xd2\xde\xec\xf2]")
"""The five combining tone marks of windows-1258 (grave, hook, tilde, acute, dot below)."""
CP1258_VOWEL_BYTES = rb"AEIOUYaeiouy\xc2\xc3\xca\xd4\xd5\xdd\xe2\xe3\xea\xf4\xf5\xfd"
"""a e i o u y and â ă ê ô ơ ư, both cases, in windows-1258."""
CP1258_TONED_VOWEL_RE = re.compile(rb"[" + CP1258_VOWEL_BYTES + rb"][\xcc\xd2\xde\xec\xf2]")
CP1258_LETTERS_RE = re.compile(rb"[\xc3\xe3\xd0\xf0\xd5\xf5\xdd\xfd]")
"""ă đ ơ ư in windows-1258: letters no Western text is made of."""
CP1258_MIN_TONES = 3
CP1258_MIN_TONE_SHARE = 0.9
"""In windows-1258 Vietnamese a tone byte follows a vowel; in Latin-1 text (Ì, ò, ì) mostly not."""


MARKUP_RE = re.compile(r"<(script|style)\b.*?</\1\s*>|<[^>]*>", re.I | re.S)
"""Tags, scripts and styles: what is not page text when a page is checked for a font encoding."""
SOFT_HYPHEN = "\xad"
SOFT_HYPHEN_RUN_RE = re.compile(r">([^<]*\xad[^<]*)<")
"""Text between two tags holding U+00AD, which is TCVN3's ư and which trafilatura deletes."""


class GzipBodyError(ValueError):
    """A body that starts like gzip but cannot be inflated within the size cap."""

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


TONE_MARKS = "\u0300\u0301\u0309\u0303\u0323"
"""Vietnamese tone marks as combining characters: huyền, sắc, hỏi, ngã, nặng."""
VOWELS = "aăâeêioôơuưy"
MOVABLE_TONE_PAIRS = ("oa", "oe", "uy")
"""Rhymes closing a syllable whose tone writers put on either vowel: hoà/hòa, khoẻ/khỏe, uỷ/ủy.

tone_key puts it on the first vowel ("hòa, khỏe, thủy, ủy"), the majority form on the portals (one
baocantho page: Hòa ×18, hóa ×24, ủy ×17 against Hoà ×4 and a few hoá, uỷ, toà). "Old" and "new"
style name both forms in different sources, so the code names the form. With a final consonant or
after q both habits agree (hoàng, quý, thuyền) and nothing moves.
"""


def _toned(letter: str) -> str:
    """The letter followed by its five toned forms, precomposed."""
    return letter + "".join(nfc(letter + mark) for mark in TONE_MARKS)


_ALL_VOWELS = "".join(_toned(v) for v in VOWELS)
# "hoà" -> "hòa": the second vowel's tone moves to the first; the key is the "hòa, thủy" form
_TONE_SHIFTS = {
    first + nfc(second + mark): nfc(first + mark) + second
    for first, second in MOVABLE_TONE_PAIRS
    for mark in TONE_MARKS
}
_TONE_SHIFT_RE = re.compile(f"(?:o[{_toned('a')[1:]}{_toned('e')[1:]}]|u[{_toned('y')[1:]}])(?![^\\W\\d_])")
"""A movable pair with the tone on its second vowel, closing the syllable."""
_NOT_BEFORE_PAIR = frozenset("q" + _ALL_VOWELS)
"""After q the u is part of the onset (quý); after a vowel the pair does not open the rhyme."""


def _shift_tone(match: re.Match) -> str:
    """The pair with its tone on the first vowel, when it opens the rhyme."""
    start = match.start()
    if start and match.string[start - 1] in _NOT_BEFORE_PAIR:
        return match.group()
    return _TONE_SHIFTS[match.group()]


def tone_key(text: str) -> str:
    """Match key keeping diacritics: NFC, case folded, tone placed as in "hòa, thủy, khỏe, ủy"."""
    # a lookbehind would run at every position; checking the letter before a match is 100x faster
    return _TONE_SHIFT_RE.sub(_shift_tone, nfc(text).casefold())


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


def gunzip_body(body: bytes, limit: int = MAX_INFLATED_BYTES) -> bytes:
    """The body inflated when it is gzip that no Content-Encoding announced (starts 1f 8b)."""
    for _ in range(MAX_GZIP_LAYERS):
        if not body.startswith(GZIP_MAGIC):
            break
        body = _inflate(body, limit)
    return body


def _inflate(body: bytes, limit: int) -> bytes:
    """All gzip members of ``body`` inflated; GzipBodyError beyond ``limit`` bytes or on bad data."""
    data = b""
    rest = body
    try:
        while rest.startswith(GZIP_MAGIC) and len(data) <= limit:
            inflater = zlib.decompressobj(GZIP_WBITS)
            data += inflater.decompress(rest, limit + 1 - len(data))
            rest = inflater.unused_data if inflater.eof else b""  # a truncated body keeps what inflated
    except zlib.error as exc:
        raise GzipBodyError(f"body starts like gzip but does not inflate: {exc}") from exc
    if len(data) > limit:
        raise GzipBodyError(f"gzip body inflates beyond the {limit // (1024 * 1024)} MB cap")
    return data


def _bom_codec(body: bytes) -> str | None:
    """The codec a byte-order mark at the start of the body names."""
    for bom, codec in BOM_CODECS:
        if body.startswith(bom):
            return codec
    return None


def _mostly_utf8(body: bytes) -> str | None:
    """The body as UTF-8 when only a few stray bytes break it (a bad byte in a template)."""
    text = body.decode("utf-8", errors="replace")
    broken = text.count("\ufffd")
    valid = len(text) - len(text.encode("ascii", "ignore")) - broken
    return text if valid >= MOSTLY_UTF8_RATIO * broken else None


def looks_cp1258(body: bytes) -> bool:
    """True for windows-1258 Vietnamese: tone bytes after vowels, and ă/đ/ơ/ư present."""
    toned = len(CP1258_TONED_VOWEL_RE.findall(body))
    if toned < CP1258_MIN_TONES or not CP1258_LETTERS_RE.search(body):
        return False
    return toned >= CP1258_MIN_TONE_SHARE * len(CP1258_TONE_BYTES_RE.findall(body))


def decode_html(body: bytes, content_type: str | None = None) -> str:
    """An HTML response as NFC text: gunzipped, by BOM, clean UTF-8 or the legacy rules, TCVN3/VNI fixed."""
    body = gunzip_body(body)
    bom = _bom_codec(body)
    # UTF-8 first: valid multi-byte UTF-8 is almost never another charset, and Liferay's
    # content-first meta tag makes naive parsers fall back to Latin-1.
    text = body.decode(bom, errors="replace") if bom else _try_decode(body, "utf-8")
    if text is None:
        text = _decode_legacy(body, content_type)
    return nfc(repair_legacy_html(text))


def legacy_page_encoding(html_text: str) -> str | None:
    """"tcvn3" or "vni" when the whole page's text is in that font encoding, else None."""
    # a Unicode Vietnamese letter anywhere (usually in <title>) ends the check at once
    if html_text.isascii() or VIETNAMESE_UNICODE_RE.search(html_text):
        return None
    return detect_legacy_encoding(MARKUP_RE.sub(" ", html_text))


def repair_legacy_html(html_text: str) -> str:
    """A page written in a TCVN3 or VNI font, converted whole to Unicode; any other page as is."""
    # before extraction, because trafilatura drops U+00AD, TCVN3's ư; paragraphs of other legacy
    # text inside Unicode templates are converted later, by unicode_text()
    encoding = legacy_page_encoding(html_text)
    if encoding:
        return convert_legacy(html_text, encoding)
    if SOFT_HYPHEN in html_text:
        return SOFT_HYPHEN_RUN_RE.sub(lambda m: f">{repair_legacy_text(m[1])}<", html_text)
    return html_text


def _decode_legacy(body: bytes, content_type: str | None) -> str:
    """A body that is not clean UTF-8: nearly UTF-8, a declared charset, windows-1258, or a guess."""
    text = _mostly_utf8(body)
    if text is not None:
        return text
    # a UTF-8 label on bytes that are not UTF-8 is wrong, so only other labels count
    declared = [c for c in (header_charset(content_type), meta_charset(body)) if c and c != "utf-8"]
    for codec in [c for c in declared if c not in WESTERN_CODECS]:
        text = _try_decode(body, codec)
        if text is not None:
            return text
    if looks_cp1258(body):  # a Latin-1 label cannot spell Vietnamese: the label is wrong
        return body.decode("cp1258")
    for codec in declared:
        text = _try_decode(body, codec)
        if text is not None:
            return text
    return _undeclared(body)


def _undeclared(body: bytes) -> str:
    """A body with no usable label: TCVN3/VNI font text read as windows-1252, else a guess."""
    latin = _try_decode(body, "cp1252")
    # font-encoded pages are windows-1252 bytes by construction; a guesser would pick anything
    if latin is not None and legacy_page_encoding(latin):
        return latin
    return _guess_decode(body)


def unicode_text(text: str) -> str:
    """Leftover entities unescaped, NFC, and TCVN3/VNI font text converted to Unicode."""
    # per piece of text, not per page: old articles in a font encoding sit in Unicode templates
    return repair_legacy_text(nfc(html.unescape(text)))


def clean_text(text: str | None) -> str:
    """One-line text: ``unicode_text``, all whitespace (U+00A0 too) collapsed."""
    if not text:
        return ""
    return ANY_SPACE_RE.sub(" ", unicode_text(text)).strip()


def clean_paragraph(text: str | None) -> str:
    """A paragraph as published: ``unicode_text``, ASCII spaces collapsed, ends stripped."""
    # internal U+00A0 is part of the published text and stays; leading and trailing ones go
    if not text:
        return ""
    return ASCII_SPACE_RE.sub(" ", unicode_text(text)).strip(" \u00a0\t\n\r\f\v")


def is_blank(text: str) -> bool:
    """True for text that is only whitespace, U+00A0 or punctuation (image holders, lone ".")."""
    return not any(ch.isalnum() for ch in text)


def join_paragraphs(paragraphs: list[str]) -> str:
    """Article text: paragraphs separated by one blank line."""
    return PARAGRAPH_SEPARATOR.join(p for p in paragraphs if p)


def split_paragraphs(text: str) -> list[str]:
    """The paragraphs of an article text (the inverse of ``join_paragraphs``)."""
    return [p.strip() for p in PARAGRAPH_BREAK_RE.split(text) if p.strip()]
