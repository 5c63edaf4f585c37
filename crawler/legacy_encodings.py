"""Vietnamese font encodings of the 1990s-2000s (TCVN3/ABC, VNI-Windows): detection and conversion.

Text typed in a ``.VnTime`` (TCVN3) or ``VNI-Times`` (VNI) font is plain windows-1252 bytes whose
glyphs the font draws as Vietnamese letters; decoded as Latin-1 it reads "Uû ban nh©n d©n"
(TCVN3) or "UÛy ban nhaân daân" (VNI). Python has no codec for either.

Sources of the tables (checked against each other, letter by letter):
- TCVN3: the VN3 code chart of TCVN 5712:1993 (lower-case letters with tones at 0xB5-0xFE, the
  seven base letters Ă Â Ê Ô Ơ Ư Đ and ă â ê ô ơ ư đ at 0xA1-0xAE). VN3 has no capitals with
  tones: those were typed with a capitals font (``.VnTimeH``) over the same codes, so the bytes
  carry no case and the converted text is lower case there.
- VNI-Windows: a base letter followed by one or two mark bytes (â = "aâ", ấ = "aá", ơ = "ô",
  ư = "ö", đ = "ñ"); i and ỵ are single bytes. Capitals use the capital base and capital marks.

Detection is conservative: it returns an encoding only when several words are not Vietnamese as
they stand, become Vietnamese syllables once converted, and the converted text reads as Vietnamese.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

TCVN3 = "tcvn3"
VNI = "vni"

TONE_MARKS = ("\u0301", "\u0300", "\u0309", "\u0303", "\u0323")
"""Combining sắc, huyền, hỏi, ngã, nặng: the column order of the tables below."""

TCVN3_BASE_LETTERS = {
    "\xa1": "Ă", "\xa2": "Â", "\xa3": "Ê", "\xa4": "Ô", "\xa5": "Ơ", "\xa6": "Ư", "\xa7": "Đ",
    "\xa8": "ă", "\xa9": "â", "\xaa": "ê", "\xab": "ô", "\xac": "ơ", "\xad": "ư", "\xae": "đ",
}
TCVN3_TONED = {
    # vowel: its codes with sắc, huyền, hỏi, ngã, nặng (the chart's own order is huyền hỏi ngã sắc nặng)
    "a": "\xb8\xb5\xb6\xb7\xb9",
    "ă": "\xbe\xbb\xbc\xbd\xc6",
    "â": "\xca\xc7\xc8\xc9\xcb",
    "e": "\xd0\xcc\xce\xcf\xd1",
    "ê": "\xd5\xd2\xd3\xd4\xd6",
    "i": "\xdd\xd7\xd8\xdc\xde",
    "o": "\xe3\xdf\xe1\xe2\xe4",
    "ô": "\xe8\xe5\xe6\xe7\xe9",
    "ơ": "\xed\xea\xeb\xec\xee",
    "u": "\xf3\xef\xf1\xf2\xf4",
    "ư": "\xf8\xf5\xf6\xf7\xf9",
    "y": "\xfd\xfa\xfb\xfc\xfe",
}
"""TCVN 5712:1993 VN3, upper half; the codes are Latin-1 characters, as the bytes decode."""

VNI_TONE_MARKS = {"lower": "ùøûõï", "upper": "ÙØÛÕÏ"}
"""VNI mark bytes for sắc, huyền, hỏi, ngã, nặng after a, e, o, ơ, u, ư, y."""
VNI_HAT = {"lower": ("â", "áàåãä"), "upper": ("Â", "ÁÀÅÃÄ")}
"""Circumflex (â ê ô) alone and with each tone, after a, e, o."""
VNI_BREVE = {"lower": ("ê", "éèúüë"), "upper": ("Ê", "ÉÈÚÜË")}
"""Breve (ă) alone and with each tone, after a."""
VNI_SINGLE = {
    "ô": "ơ", "ö": "ư", "ñ": "đ", "Ô": "Ơ", "Ö": "Ư", "Ñ": "Đ",
    "í": "í", "ì": "ì", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ",
    "Í": "Í", "Ì": "Ì", "Æ": "Ỉ", "Ó": "Ĩ", "Ò": "Ị", "Î": "Ỵ",
}
"""One-byte VNI letters: ơ, ư, đ, the toned i, and ỵ."""

VIETNAMESE_UNICODE_RE = re.compile("[ĂăĐđĨĩŨũƠơƯư\u1ea0-\u1ef9]")
"""Letters only Unicode Vietnamese has: text holding them is not in a font encoding."""
UTF8_MOJIBAKE_RE = re.compile(
    "[ÂÃÄÅÆ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]|á[º»]"
)
"""UTF-8 read as windows-1252 ("Viá»‡t", "Æ°"): a different repair, never a font encoding."""
VIETNAMESE_LATIN1_LETTERS = "àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ"
"""Latin-1 letters that Unicode Vietnamese uses too, so they prove nothing alone."""

ONSETS = "ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx]"
TONE_ON_SECOND = "iê yê uô ươ oă uâ uê uơ iêu yêu oai oay oao oeo uây uôi ươi ươu uya uyu".split()
"""Nuclei whose tone sits on the second vowel (tiến, muốn, người, tuần, ngoài)."""
TONE_ON_EITHER = "oa oe uy oo".split()
"""Nuclei whose tone sits on either vowel, by old or new habit (hoà/hòa, uỷ/ủy)."""
TONE_ON_FIRST = "ai ao au ay âu ây eo êu ia iu oi ôi ơi ua ui ưa ưi ưu a ă â e ê i o ô ơ u ư y".split()
"""Nuclei whose tone sits on the first vowel (mái, sáu, kìa, của, mưa) and single vowels."""
TONE_POSITIONS = {
    **{n: {0} for n in TONE_ON_FIRST},
    **{n: {1} for n in TONE_ON_SECOND},
    **{n: {0, 1} for n in TONE_ON_EITHER},
    "uyê": {2},  # khuyến, tuyển
}
NUCLEI = sorted(TONE_POSITIONS, key=len, reverse=True)
CODAS = "ch|ng|nh|[cmnptk]"
"""k closes syllables of place names from minority languages (Đắk Lắk)."""
SYLLABLE_RE = re.compile(f"(?:{ONSETS})?(?P<nucleus>{'|'.join(NUCLEI)})(?:{CODAS})?")
"""A Vietnamese syllable without its tone: onset, vowel nucleus, final consonant."""

MIN_HITS = 2
"""Words that only read as Vietnamese once converted; one is chance."""
MIN_HIT_SHARE = 0.8
"""Of the words a conversion changes, the share that must become syllables."""
MIN_SYLLABLE_SHARE = 0.7
"""Of all the converted text's words (acronyms aside), the share that must be syllables."""
DETECTION_SAMPLE = 5000
"""Characters read to decide: a page's or paragraph's encoding shows within its first lines."""
LONE_HIT_MIN_LENGTH = 3
"""A single hit counts in a short text (a byline) when it is this long and has a strong code."""


def _tone_table() -> dict[str, str]:
    """TCVN3 code (as a Latin-1 character) -> Unicode letter."""
    table = dict(TCVN3_BASE_LETTERS)
    for vowel, codes in TCVN3_TONED.items():
        for code, mark in zip(codes, TONE_MARKS, strict=True):
            table[code] = unicodedata.normalize("NFC", vowel + mark)
    return table


def _vni_pairs() -> dict[str, str]:
    """VNI base letter + mark byte(s) -> Unicode letter, capitals included."""
    pairs: dict[str, str] = {}
    for case, bases in (("lower", "aeouy"), ("upper", "AEOUY")):
        marks = VNI_TONE_MARKS[case]
        hat, hat_tones = VNI_HAT[case]
        breve, breve_tones = VNI_BREVE[case]
        horned = {"lower": {"ô": "ơ", "ö": "ư"}, "upper": {"Ô": "Ơ", "Ö": "Ư"}}[case]
        for base in bases:
            _add_toned(pairs, base, base, marks)
        for base, letter in horned.items():
            _add_toned(pairs, base, letter, marks)
        for base in bases[:3]:  # a, e, o take the circumflex
            pairs[base + hat] = _nfc(base + "\u0302")
            _add_toned(pairs, base, _nfc(base + "\u0302"), hat_tones)
        pairs[bases[0] + breve] = _nfc(bases[0] + "\u0306")
        _add_toned(pairs, bases[0], _nfc(bases[0] + "\u0306"), breve_tones)
    del pairs["yï"], pairs["YÏ"]  # ỵ is the single byte î
    return pairs


def _add_toned(pairs: dict[str, str], code: str, letter: str, marks: str) -> None:
    """Add code + each of the five tone mark bytes -> the letter with that tone."""
    for mark_byte, mark in zip(marks, TONE_MARKS, strict=True):
        pairs[code + mark_byte] = _nfc(letter + mark)


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


TCVN3_TABLE = _tone_table()
_TCVN3_TRANSLATE = str.maketrans(TCVN3_TABLE)
VNI_TABLE = {**_vni_pairs(), **VNI_SINGLE}
_VNI_RE = re.compile("|".join(sorted(map(re.escape, VNI_TABLE), key=len, reverse=True)))
_VNI_CODES = "".join(sorted({ch for key in VNI_TABLE for ch in key if not ch.isascii()}))
_TCVN3_CODES = "".join(sorted(TCVN3_TABLE))
_TOKEN_RE = {
    TCVN3: re.compile(f"[A-Za-z{re.escape(_TCVN3_CODES)}]+"),
    VNI: re.compile(f"[A-Za-z{re.escape(_VNI_CODES)}]+"),
}
_STRONG = {
    TCVN3: {ch for ch in _TCVN3_CODES if ch < "\xbf" or ch in "×÷"},
    VNI: set("ñÑöÖøØïÏûÛäÄåÅëËæÆîÎ"),
}
"""Codes no Western word is spelt with: TCVN3's symbols (©, ¸, µ), VNI's marks (ø, ñ, ö)."""
SIGNATURE_RE = re.compile(
    "[" + re.escape("".join(sorted(set(_TCVN3_CODES + _VNI_CODES) - set(VIETNAMESE_LATIN1_LETTERS)))) + "]"
)
"""Any code that Unicode Vietnamese never writes: text without one is never converted."""
_WORD_RE = re.compile(r"[^\W\d_]+")


def convert_legacy(text: str, encoding: str) -> str:
    """The text read as TCVN3 or VNI font codes, in Unicode NFC."""
    if encoding == TCVN3:
        return _nfc(text.translate(_TCVN3_TRANSLATE))
    if encoding == VNI:
        return _nfc(_VNI_RE.sub(lambda m: VNI_TABLE[m.group()], text))
    raise ValueError(f"unknown legacy encoding: {encoding!r}")


@lru_cache(maxsize=8192)  # a text repeats its syllables; validating each once halves detection
def is_syllable(word: str) -> bool:
    """True when the word is one Vietnamese syllable with at most one tone, on a vowel that takes it."""
    bare, tone_at = _strip_tone(word.lower())
    match = SYLLABLE_RE.fullmatch(bare) if bare else None
    if match is None or tone_at == -1:
        return False
    return tone_at is None or tone_at - match.start("nucleus") in TONE_POSITIONS[match["nucleus"]]


def _strip_tone(word: str) -> tuple[str, int | None]:
    """The word without its tone mark, and the letter index that carried it (-1 for two tones)."""
    letters: list[str] = []
    tone_at: int | None = None
    for ch in unicodedata.normalize("NFD", word):
        if ch not in TONE_MARKS:
            letters.append(ch)
        elif tone_at is not None:
            return "", -1
        else:
            tone_at = sum(not unicodedata.combining(c) for c in letters) - 1
    return _nfc("".join(letters)), tone_at


def _is_acronym(word: str) -> bool:
    """UBND, HĐND, MTTQ: capitals that are no syllable, common in Vietnamese official text."""
    return len(word) > 1 and word.isupper() and not is_syllable(word)


def _evidence(text: str, encoding: str) -> tuple[int, int, bool]:
    """(words that become syllables only when converted, words it breaks, a lone strong hit)."""
    hits = misses = 0
    strong = False
    for token in _TOKEN_RE[encoding].findall(text):
        verdict = _token_verdict(token, encoding)
        if verdict == HIT:
            hits += 1
            strong = len(token) >= LONE_HIT_MIN_LENGTH and any(ch in _STRONG[encoding] for ch in token)
        elif verdict == MISS:
            misses += 1
    return hits, misses, strong


HIT, MISS, NEUTRAL = 1, -1, 0


@lru_cache(maxsize=4096)
def _token_verdict(token: str, encoding: str) -> int:
    """HIT: a syllable only once converted; MISS: conversion breaks it; NEUTRAL otherwise."""
    if token.isascii():
        return NEUTRAL
    converted = convert_legacy(token, encoding)
    if converted == token:
        return NEUTRAL
    if not is_syllable(converted):
        return MISS
    return NEUTRAL if is_syllable(token) else HIT


def _syllable_share(text: str) -> float:
    """Share of the words (acronyms aside) that are Vietnamese syllables."""
    words = [w for w in _WORD_RE.findall(text) if not _is_acronym(w)]
    return sum(map(is_syllable, words)) / len(words) if words else 0.0


def _accepts(text: str, encoding: str) -> int:
    """The number of hits when the text reads as this encoding, else 0."""
    hits, misses, strong = _evidence(text, encoding)
    enough = hits >= MIN_HITS or (hits == 1 and strong)
    if not enough or hits < MIN_HIT_SHARE * (hits + misses):
        return 0
    return hits if _syllable_share(convert_legacy(text, encoding)) >= MIN_SYLLABLE_SHARE else 0


def detect_legacy_encoding(text: str) -> str | None:
    """"tcvn3" or "vni" when the text is Vietnamese in that font encoding, else None."""
    # the hot path: Unicode Vietnamese shows a letter like ư or ạ within its first words
    if text.isascii() or VIETNAMESE_UNICODE_RE.search(text) or not SIGNATURE_RE.search(text):
        return None
    if UTF8_MOJIBAKE_RE.search(text):
        return None
    sample = text[:DETECTION_SAMPLE]
    scores = {encoding: _accepts(sample, encoding) for encoding in (TCVN3, VNI)}
    best = max(scores, key=scores.get)
    return best if scores[best] else None


def repair_legacy_text(text: str) -> str:
    """The text converted to Unicode when it is TCVN3 or VNI, else unchanged."""
    encoding = detect_legacy_encoding(text)
    return convert_legacy(text, encoding) if encoding else text
