"""The fast signature path must give exactly the values datasketch gave: archives store them.

``dedup.normalized_tokens`` folds word by word and ``dedup._signature_of`` hashes and permutes in
numpy; both are checked against the reference they replace (whole-text folding, datasketch's
``MinHash.update_batch``) on the labelled pairs, the gold pages and randomly edited texts.
"""

import json
import random
import unicodedata
from pathlib import Path

from datasketch import MinHash

from crawler import dedup
from crawler.text import fold, tone_key
from tests.dedup_pairs.pairs import PAIRS

GOLD = Path(__file__).parent / "gold"
# Characters whose folding, case folding or normalization is unusual, and separators of all kinds.
ODD = ["İ", "ß", "ẞ", "ΐ", "Σ", "ς", "ǅ", "ŉ", "\u0301", "\u0323", "\u0309", "\u00a0", "\t", "\n", "\r\n", "\u200b",
       ";", "\u037e", "\u1fef", "_", "-", "(GLO)- ", "Nguồn: Báo Gia Lai\n", "ﬁ", "Å", "K", "²", "٣", "Đ", "đ", "Ð",
       "\u2000", "\u3000", "\x1c", "\x85", "\u2028", "hoà" * 20, "https://baogialai.com.vn/dan-van-kheo-" + "ủy" * 9]


def reference_tokens(text: str) -> list[str]:
    """The tokens as computed before the word cache: the whole text folded at once."""
    return dedup.TOKEN_RE.findall(fold(tone_key(dedup._strip_lines(text))))


def reference_signature(text: str) -> list[int]:
    """datasketch's own MinHash of the text's shingles, with the archive's seed."""
    minhash = MinHash(num_perm=dedup.NUM_PERM, seed=dedup.SEED)
    minhash.update_batch([gram.encode("utf-8") for gram in dedup.shingles(reference_tokens(text))])
    return [int(value) for value in minhash.hashvalues]


def corpus() -> list[str]:
    texts = [text for _, a, b, _ in PAIRS for text in (a, b)]
    texts += ["\n\n".join(json.loads(path.read_text())["body"]) for path in sorted(GOLD.glob("*/*.json"))
              if json.loads(path.read_text()).get("kind") == "article"]
    rng = random.Random(7)
    edited = []
    for text in texts[:60]:
        words = text.split(" ")
        for _ in range(8):  # odd characters spliced into words and between them
            i = rng.randrange(len(words))
            words[i] = rng.choice(["", words[i]]) + rng.choice(ODD) + rng.choice([words[i], ""])
        edited.append(" ".join(words))
        edited.append(unicodedata.normalize("NFD", text).upper())
        edited.append("  ".join(words[: rng.randrange(1, 6)]))  # short texts, double spaces
    return texts + edited + ["", " ", "(GLO)- …", "một", "một hai", "hoà  hòa\u00a0hoà", " \u0301a b"]


def test_tokens_match_whole_text_folding():
    for text in corpus():
        assert dedup.normalized_tokens(text) == reference_tokens(text), text[:80]


def test_signature_bit_identical_to_datasketch():
    texts = corpus()
    assert len(texts) > 250
    for text in texts:
        assert dedup.signature(text) == reference_signature(text), text[:80]


def test_signature_of_empty_and_single_shingle():
    assert dedup._signature_of(set()) == [dedup.MAX_HASH] * dedup.NUM_PERM
    minhash = MinHash(num_perm=dedup.NUM_PERM, seed=dedup.SEED)
    minhash.update(b"dan van kheo")
    assert dedup._signature_of({"dan van kheo"}) == [int(value) for value in minhash.hashvalues]


def test_shingles_unchanged():
    tokens = "a b c d e c d e".split()
    assert dedup.shingles(tokens) == {"a b c", "b c d", "c d e", "d e c", "e c d"}
    assert dedup.shingles(["a", "b"]) == {"a b"} and dedup.shingles([]) == set()
    assert dedup.shingles(tokens, 2) == {" ".join(pair) for pair in zip(tokens, tokens[1:])}


def reference_same_report(text_a: str, text_b: str) -> bool:
    """``is_same_report`` as written before the token cache."""
    tokens_a, tokens_b = reference_tokens(text_a), reference_tokens(text_b)
    if dedup.numbers_conflict(tokens_a, tokens_b):
        return False
    return dedup.containment(dedup.shingles(tokens_a), dedup.shingles(tokens_b)) >= dedup.CONTAINMENT_MIN


def test_same_report_decisions_unchanged():
    texts = corpus()
    pairs = [(a, b) for _, a, b, _ in PAIRS] + list(zip(texts, texts[1:]))
    pairs += [(text, text.replace("2024", "2025")) for text in texts[:40]]
    for a, b in pairs:
        assert dedup.is_same_report(a, b) == reference_same_report(a, b), a[:80]
        assert dedup.is_same_report(b, a) == reference_same_report(b, a), b[:80]
