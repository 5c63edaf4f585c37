"""crawler.documents: Party and State document numbers, as written, in order, without repeats."""

import unicodedata

import pytest

from crawler.documents import find_documents

SAMPLES = [
    ("thực hiện Quy định 23-QĐ/TW, ngày 30/7/2021", ["23-QĐ/TW"]),
    ("Kế hoạch số 45/KH-UBND ngày 12/3/2022", ["45/KH-UBND"]),
    ("Quyết định số 21/2020/QĐ-UBND, ngày 2/6/2020", ["21/2020/QĐ-UBND"]),
    ("Nghị quyết 202/2025/QH15 và Luật 72/2025/QH15", ["202/2025/QH15", "72/2025/QH15"]),
    ("Công văn 4507/BGTVT-TTCNTT", ["4507/BGTVT-TTCNTT"]),
    ("Kế hoạch 128-KH/HU của Huyện ủy", ["128-KH/HU"]),
    ("Chương trình số 31-CTr/TU", ["31-CTr/TU"]),
    ("Kế hoạch 24/KH-BTGTU", ["24/KH-BTGTU"]),
    ("Đề án 06/ĐA-UBND", ["06/ĐA-UBND"]),
    ("Quyết định 983-QĐ/TU", ["983-QĐ/TU"]),
]
NOT_DOCUMENTS = [
    "17:53, 13/01/2022",
    "giai đoạn 2021-2025 và 2017 - 2020",
    "phòng, chống dịch COVID-19",
    "(15/10/1930 - 15/10/2019)",
    "KT-XH, QP-AN",
    "Ngày 21.3, Ban Dân vận T.Ư",
]


@pytest.mark.parametrize("text, expected", SAMPLES, ids=[e[0] for _, e in SAMPLES])
def test_samples(text, expected):
    assert find_documents(text) == expected


@pytest.mark.parametrize("text", NOT_DOCUMENTS)
def test_not_documents(text):
    assert find_documents(text) == []


def test_order_of_first_appearance_without_repeats():
    text = "Thực hiện 25-NQ/TW và 23-QĐ/TW; Quy định 23-QĐ/TW (2021) thay 290-QĐ/TW."
    assert find_documents(text) == ["25-NQ/TW", "23-QĐ/TW", "290-QĐ/TW"]


def test_eth_and_decomposed_letters_are_normalized_first():
    assert find_documents("Quy định 23-QÐ/TW") == ["23-QĐ/TW"]  # U+00D0 looks like Đ
    decomposed = unicodedata.normalize("NFD", "Nghị quyết số 07-NQ/TU, ngày 5/9/2016")
    assert find_documents(decomposed) == ["07-NQ/TU"]


def test_written_spacing_is_kept():
    assert find_documents("Kết luận số 61 - KL/TW") == ["61 - KL/TW"]
