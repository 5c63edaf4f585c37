"""Cross-portal near-duplicate detection: MinHash LSH over folded syllable shingles.

One report is republished by many portals: another template (already stripped), a lede mark such
as "(GLO)-", a "Nguồn: …" line, a closing sentence added or dropped, old or new tone placement,
NFD text. Only copies of one text are "the same report"; two reports written independently about
the same meeting are different articles, however many stock phrases they share.

The archive stores per article ``signature_bytes(sig)`` and the ``BANDS`` strings of
``band_keys(sig)`` in an indexed column; candidates are the rows sharing any key (one index probe
per key, no archive in memory) and ``is_same_report`` makes the final decision.

Banding: an article pair with Jaccard resemblance ``s`` becomes a candidate with probability
``1 - (1 - s**ROWS)**BANDS``. With 32 bands of 4 rows the usual threshold, (1/32)**(1/4), is 0.42
(P = 0.64 there; P = 0.5 at s ≈ 0.38): P = 0.87 at s = 0.5, 0.95 at 0.55, 0.988 at 0.6, 0.9998 at
0.7, and 0.05 at 0.2, 0.007 at 0.12, where same-topic reports sharing stock phrases sit. The curve
is set low on purpose: a copy with a closing paragraph dropped and another added still has
s ≈ 0.55-0.8 on 120-180 word reports, and a false candidate costs only one ``is_same_report`` call,
which is strict (containment of the shorter text, and no number substituted).
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

import numpy as np

from crawler.text import fold, tone_key

NUM_PERM = 128
"""MinHash permutations: standard error of the Jaccard estimate ≈ 0.044 at s = 0.5."""
BANDS, ROWS = 32, 4
"""LSH banding (BANDS * ROWS == NUM_PERM); S-curve threshold (1/BANDS)**(1/ROWS) ≈ 0.42."""
SHINGLE_SIZE = 3
"""Syllables per shingle: half of Vietnamese words are two syllables, so 3 spans a word and a bit;
2 makes stock phrases ("công tác dân vận") dominate, 5 makes a single changed word cost 5 shingles."""
SEED = 20240601
"""Fixed MinHash seed: signatures stored today must match signatures computed next year."""
MAX_HASH = (1 << 32) - 1
"""datasketch's empty-slot value; a signature of nothing but these is an empty text."""
BAND_DIGEST_BYTES = 8
"""16 hex digits per band key: collisions between different bands' rows are ~2**-64."""

CONTAINMENT_MIN = 0.8
"""Share of the shorter text's shingles found in the longer one for a copy (dropped sentences)."""
RESEMBLANCE_FLOOR = 0.15
"""Estimated Jaccard below which signatures alone reject the pair (no text comparison needed)."""

LEDE_MARK_RE = re.compile(
    r"^\s*(?:\([^()\n]{1,40}\)|[A-ZĐ][A-ZĐ0-9.]{1,15}(?:\s?/\s?[A-ZĐ][\w.]{1,15})?)\s*[-–—:]+\s*"
)
"""A portal's lede mark opening the text: "(GLO)-", "(Baohaiduong.vn) –", "ĐCSVN -", "TTXVN/VNA -"."""
SOURCE_LINE_RE = re.compile(r"^\s*\(?\s*(?:nguồn|theo)\b[^,;\n]{0,80}$", re.I)
"""A short source line: "Nguồn: Báo Gia Lai", "Theo baoquangnam.vn", "(Theo TTXVN)"; no comma."""
SOURCE_LINE_MAX_WORDS = 10
"""Longer lines starting with "Theo" are body text ("Theo báo cáo, trong quý I …")."""
TOKEN_RE = re.compile(r"[^\W_]+")
"""Syllables and numbers; punctuation and underscores separate them."""
ROMAN_QUARTERS = {"i": "1", "ii": "2", "iii": "3", "iv": "4", "1": "1", "2": "2", "3": "3", "4": "4"}
"""The syllable after "quy" (quý) that names a quarter: "quý I" and "quý 1" are both "q1"."""
HALF_YEAR_WORDS = frozenset({"dau", "cuoi"})
"""After "6 tháng": the first or second half-year report."""
MARK_CONTEXT = 2
"""Syllables before a number that say what it counts ("tổ chức 12", "quý I năm 2024")."""
WORD_CACHE_SIZE = 1 << 16
"""Folded words kept per process: Vietnamese has ~7,000 syllables; numbers and typos fill the rest."""
CACHED_WORD_MAX = 40
"""Longer "words" (runs without whitespace: URLs, unspaced scripts) are folded uncached, bounding the cache."""
PREPARED_CACHE_SIZE = 8
"""Texts whose tokens and shingles are kept: the article being saved and its few LSH candidates."""


def _strip_lines(text: str) -> str:
    """The text without its lede mark and its short source lines."""
    text = LEDE_MARK_RE.sub("", text, count=1)
    lines = [line for line in text.splitlines() if not _is_source_line(line)]
    return "\n".join(lines)


def _is_source_line(line: str) -> bool:
    """True for a short "Nguồn: …" / "Theo …" credit line."""
    return bool(SOURCE_LINE_RE.match(line)) and len(line.split()) <= SOURCE_LINE_MAX_WORDS


def normalized_tokens(text: str) -> list[str]:
    """Folded, tone-unified syllables without punctuation, lede mark or source lines."""
    # Same tokens as TOKEN_RE.findall(fold(tone_key(stripped))): NFC, tone shifts, folding and tokens
    # never cross whitespace, and texts repeat a few thousand words, so each is folded once per process
    return " ".join(map(_word_key, _strip_lines(text).split())).split()


def _fold_word(word: str) -> str:
    """The word's folded, tone-unified syllables joined by spaces ("" for punctuation)."""
    return " ".join(TOKEN_RE.findall(fold(tone_key(word))))


class _WordKeys(dict):
    """word -> ``_fold_word(word)``, filled on first lookup; at most WORD_CACHE_SIZE short words kept."""

    def __missing__(self, word: str) -> str:
        key = _fold_word(word)
        if len(word) <= CACHED_WORD_MAX:
            if len(self) >= WORD_CACHE_SIZE:
                self.clear()  # a rare reset bounds memory; the keys are recomputed, never different
            self[word] = key
        return key


_word_key = _WordKeys().__getitem__
"""A dict lookup in C for the words seen before (most of them): no Python call per word."""


def shingles(tokens: list[str], k: int = SHINGLE_SIZE) -> set[str]:
    """The set of k-syllable shingles; a text shorter than k is one shingle."""
    if len(tokens) < k:
        return {" ".join(tokens)} if tokens else set()
    return set(map(" ".join, zip(*(tokens[i:] for i in range(k)))))


def affine32_permutations(seed: int, num_perm: int) -> tuple[np.ndarray, np.ndarray]:
    """The ``permutations`` of datasketch 2's ``MinHash(num_perm, seed)`` (affine32: h -> a * h + b mod 2**32).

    Drawn as datasketch draws them (tests/test_dedup_permutations.py compares): importing datasketch
    imports scipy, ~0.7 s of CPU in the crawl and again in every extraction worker.
    """
    gen = np.random.RandomState(seed)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)  # odd: a bijection
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a, b


_PERM_A, _PERM_B = affine32_permutations(SEED, NUM_PERM)
"""Drawn once: the seed's permutations."""
FMIX_MULTIPLIERS = np.uint32(0x85EBCA6B), np.uint32(0xC2B2AE35)
"""MurmurHash3's 32-bit finalizer, which datasketch applies to each hash before the permutations."""


def _signature_of(grams: set[str]) -> list[int]:
    """The MinHash signature of a shingle set, bit-identical to datasketch's ``MinHash.update_batch``.

    Same sha1 hash, finalizer and permutations, without the per-shingle Python calls and the
    per-article MinHash object: under half the time (tests/test_dedup_signature.py checks both agree).
    """
    if not grams:
        return [MAX_HASH] * NUM_PERM
    hashes = _fmix32(_sha1_32(grams))
    return (np.multiply.outer(hashes, _PERM_A) + _PERM_B).min(axis=0).tolist()


_SHA1_DIGEST = type(hashlib.sha1()).digest
SHA1_WORDS = 5
"""uint32 words in a 20-byte sha1 digest; datasketch keeps the first."""


def _sha1_32(grams: set[str]) -> np.ndarray:
    """datasketch's ``sha1_hash32`` of each shingle: the first 4 bytes of its sha1, little-endian."""
    # map() chains run the loop in C; the whole digests are joined and every fifth word kept
    digests = b"".join(map(_SHA1_DIGEST, map(hashlib.sha1, map(str.encode, grams))))
    return np.frombuffer(digests, dtype="<u4")[::SHA1_WORDS]


def _fmix32(hashes: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finalizer, element-wise (uint32 products wrap, as in datasketch)."""
    first, second = FMIX_MULTIPLIERS
    hashes = (hashes ^ (hashes >> 16)) * first
    hashes = (hashes ^ (hashes >> 13)) * second
    return hashes ^ (hashes >> 16)


def signature(text: str) -> list[int]:
    """MinHash signature (NUM_PERM uint32) of the text's 3-syllable shingles, fixed seed."""
    return _signature_of(_prepared(text)[1])


@lru_cache(maxsize=PREPARED_CACHE_SIZE)
def _prepared(text: str) -> tuple[list[str], set[str]]:
    """The text's tokens and shingles (shared: callers must not change them)."""
    # a save signs the new text, then compares it with each candidate: tokenized once for both
    tokens = normalized_tokens(text)
    return tokens, shingles(tokens)


def content_hash(text: str) -> str:
    """sha256 of the folded main text: the exact-copy key, whatever the diacritics or tone placement."""
    return folded_hash(fold(text))


def folded_hash(folded: str) -> str:
    """``content_hash`` of a text already folded."""
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


def is_empty(sig: list[int]) -> bool:
    """True for the signature of a text with no syllables."""
    return all(value == MAX_HASH for value in sig)


def band_keys(sig: list[int]) -> list[str]:
    """BANDS index keys "i:hexdigest", one per band of ROWS values; none for an empty text."""
    if is_empty(sig):
        return []
    rows = np.asarray(sig, dtype="<u4").reshape(BANDS, ROWS)
    return [f"{i}:{_band_digest(row)}" for i, row in enumerate(rows)]


def _band_digest(row: np.ndarray) -> str:
    """A short stable digest of one band's values."""
    return hashlib.blake2b(row.tobytes(), digest_size=BAND_DIGEST_BYTES).hexdigest()


def signature_bytes(sig: list[int]) -> bytes:
    """The signature as little-endian uint32 (512 bytes for 128 permutations)."""
    return np.asarray(sig, dtype="<u4").tobytes()


def signature_from_bytes(data: bytes) -> list[int]:
    """The signature stored by ``signature_bytes``."""
    return np.frombuffer(data, dtype="<u4").tolist()


def resemblance(sig_a: list[int], sig_b: list[int]) -> float:
    """Estimated Jaccard resemblance: the share of equal MinHash slots."""
    if len(sig_a) != len(sig_b):
        raise ValueError("signatures of different lengths")
    return sum(a == b for a, b in zip(sig_a, sig_b)) / len(sig_a)


_MARK_WORDS = frozenset(ROMAN_QUARTERS) | frozenset(HALF_YEAR_WORDS)
"""Syllables without a digit that can still be a mark (quý I, 6 tháng đầu)."""


def _mark(tokens: list[str], i: int) -> str | None:
    """The number, quarter ("q1") or half-year word at position i, else None."""
    token, before = tokens[i], tokens[max(0, i - 2):i]
    if before[-1:] == ["quy"] and token in ROMAN_QUARTERS:
        return "q" + ROMAN_QUARTERS[token]
    if token in HALF_YEAR_WORDS and len(before) == 2 and before[1] == "thang" and before[0] in ("6", "sau"):
        return token
    return token if any(ch.isdigit() for ch in token) else None


def number_marks(tokens: list[str]) -> dict[tuple[str, ...], set[str]]:
    """Numbers, quarters and half-year words the text names, by the syllables before them."""
    marks: dict[tuple[str, ...], set[str]] = {}
    for i, token in enumerate(tokens):
        if token.isalpha() and token not in _MARK_WORDS:  # no digit, no mark word: most syllables
            continue
        mark = _mark(tokens, i)
        if mark is not None:
            marks.setdefault(tuple(tokens[max(0, i - MARK_CONTEXT):i]), set()).add(mark)
    return marks


def numbers_conflict(tokens_a: list[str], tokens_b: list[str]) -> bool:
    """True when one context holds different numbers in the two texts (quý I / quý II, 2023 / 2024)."""
    # a number in a sentence the other copy lacks has a context the other lacks: no conflict
    marks_a, marks_b = number_marks(tokens_a), number_marks(tokens_b)
    return any(marks_a[key].isdisjoint(marks_b[key]) for key in marks_a.keys() & marks_b.keys())


def containment(grams_a: set[str], grams_b: set[str]) -> float:
    """Share of the smaller shingle set found in the larger one."""
    if not grams_a or not grams_b:
        return 0.0
    return len(grams_a & grams_b) / min(len(grams_a), len(grams_b))


def is_same_report(text_a: str, text_b: str, sig_a: list[int] | None = None,
                   sig_b: list[int] | None = None) -> bool:
    """True when two texts are copies of one report (the final decision on an LSH candidate)."""
    if sig_a is not None and sig_b is not None and resemblance(sig_a, sig_b) < RESEMBLANCE_FLOOR:
        return False
    (tokens_a, grams_a), (tokens_b, grams_b) = _prepared(text_a), _prepared(text_b)
    if numbers_conflict(tokens_a, tokens_b):
        return False
    return containment(grams_a, grams_b) >= CONTAINMENT_MIN
