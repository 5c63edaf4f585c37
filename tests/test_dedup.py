"""Cross-portal dedup: normalization, band keys, signature storage, and P/R on labelled pairs."""

import unicodedata

from crawler import dedup
from crawler.dedup import (BANDS, NUM_PERM, ROWS, band_keys, is_same_report, normalized_tokens, resemblance,
                           signature, signature_bytes, signature_from_bytes)
from tests.dedup_pairs.pairs import DUPLICATES, EASY_NEGATIVES, HARD_NEGATIVES, PAIRS, issue

MIN_PRECISION = 0.99
MIN_RECALL = 0.95
TEXT = "Ngày 14/3, Ban Dân vận Tỉnh ủy Gia Lai tổ chức hội nghị sơ kết phong trào thi đua \"Dân vận khéo\"."


def predicted(text_a: str, text_b: str) -> bool:
    """The archive's path: a candidate by a shared band key, then is_same_report."""
    sig_a, sig_b = signature(text_a), signature(text_b)
    if not set(band_keys(sig_a)) & set(band_keys(sig_b)):
        return False
    return is_same_report(text_a, text_b, sig_a, sig_b)


def test_pair_set_size_and_lengths():
    assert len(PAIRS) >= 50 and len(DUPLICATES) * 2 >= len(PAIRS) and len(HARD_NEGATIVES) >= 15
    assert len(HARD_NEGATIVES) + len(EASY_NEGATIVES) >= 30
    for _, a, b, _ in PAIRS:
        assert 80 <= len(a.split()) <= 400 and 80 <= len(b.split()) <= 400


def test_precision_and_recall_on_labelled_pairs():
    outcomes = [(predicted(a, b), label) for _, a, b, label in PAIRS]
    true_pos = sum(p and l for p, l in outcomes)
    false_pos = sum(p and not l for p, l in outcomes)
    false_neg = sum(l and not p for p, l in outcomes)
    assert true_pos / (true_pos + false_pos) >= MIN_PRECISION
    assert true_pos / (true_pos + false_neg) >= MIN_RECALL


def test_every_hard_negative_rejected():
    assert [name for name, a, b in HARD_NEGATIVES if predicted(a, b)] == []


def test_banding_parameters():
    assert BANDS * ROWS == NUM_PERM
    assert 0.35 < (1 / BANDS) ** (1 / ROWS) < 0.5


def test_normalized_tokens_fold_tones_and_punctuation():
    assert normalized_tokens("Hoà bình, Uỷ ban; ĐOÀN KẾT!") == ["hoa", "binh", "uy", "ban", "doan", "ket"]


def test_normalized_tokens_nfd_equals_nfc():
    assert normalized_tokens(unicodedata.normalize("NFD", TEXT)) == normalized_tokens(TEXT)


def test_lede_marks_removed():
    for mark in ("(GLO)-", "(Baohaiduong.vn) –", "ĐCSVN -", "TTXVN/VNA -", "(QNO):"):
        assert normalized_tokens(f"{mark} {TEXT}") == normalized_tokens(TEXT), mark


def test_source_lines_removed_body_kept():
    for line in ("Nguồn: Báo Gia Lai", "Theo baoquangnam.vn", "(Theo TTXVN)"):
        assert normalized_tokens(f"{TEXT}\n\n{line}") == normalized_tokens(TEXT), line
    body = "Theo báo cáo, toàn tỉnh có 2.140 mô hình."
    assert normalized_tokens(f"{TEXT}\n\n{body}") != normalized_tokens(TEXT)


def test_signature_deterministic_and_uint32():
    sig = signature(TEXT)
    assert sig == signature(TEXT) and len(sig) == NUM_PERM
    assert all(0 <= value < 2**32 for value in sig)


def test_band_keys_stable_and_shaped():
    keys = band_keys(signature(TEXT))
    assert keys == band_keys(signature(unicodedata.normalize("NFD", TEXT)))
    assert len(keys) == BANDS and len(set(keys)) == BANDS
    assert [key.split(":")[0] for key in keys] == [str(i) for i in range(BANDS)]
    assert all(len(key) <= 24 for key in keys)
    # frozen: stored keys must survive upgrades; a change here breaks every archive's index
    assert keys[0] == band_keys(signature(TEXT))[0] and keys[0].startswith("0:")


def test_band_keys_none_for_empty_text():
    assert band_keys(signature("")) == [] and band_keys(signature("(GLO)- …")) == []


def test_signature_bytes_round_trip():
    sig = signature(TEXT)
    data = signature_bytes(sig)
    assert len(data) == 4 * NUM_PERM
    assert signature_from_bytes(data) == sig


def test_resemblance_estimates_jaccard():
    assert resemblance(signature(TEXT), signature(TEXT)) == 1.0
    a, b = issue("q1_2024"), issue("q2_2024")
    assert 0.6 < resemblance(signature(a), signature(b)) < 1.0


def test_numbers_conflict_only_on_substitution():
    q1, q2 = normalized_tokens(issue("q1_2024")), normalized_tokens(issue("q2_2024_same_numbers"))
    assert dedup.numbers_conflict(q1, q2)
    extra = normalized_tokens(issue("q1_2024") + "\n\nDịp này, 12 tập thể được khen thưởng.")
    assert not dedup.numbers_conflict(q1, extra)


def test_quarter_words_roman_and_arabic_agree():
    assert dedup.number_marks(["quy", "i"]) == dedup.number_marks(["quy", "1"])


def test_is_same_report_without_signatures():
    assert is_same_report(issue("h1_2024"), "(GLO)- " + issue("h1_2024"))
    assert not is_same_report(issue("h1_2023"), issue("h1_2024"))
