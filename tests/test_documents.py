"""crawler.documents: Party and State document numbers, as written, in order, without repeats."""

import unicodedata

import pytest

from crawler.documents import cite_documents, find_documents

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


@pytest.mark.parametrize(
    "text, expected",
    [
        ("thực hiện Quy định 23-QĐ/TW, ngày 30/7/2021 của Bộ Chính trị",
         ("23-QĐ/TW", "party", 23, "QĐ", "TW", 2021, "2021-07-30")),
        ("Kế hoạch số 45/KH-UBND ngày 12/3/2022", ("45/KH-UBND", "state", 45, "KH", "UBND", 2022, "2022-03-12")),
        ("Quyết định số 21/2020/QĐ-UBND", ("21/2020/QĐ-UBND", "state", 21, "QĐ", "UBND", 2020, None)),
        ("Luật 72/2025/QH15", ("72/2025/QH15", "law", 72, None, "QH15", 2025, None)),
        ("Công văn 4507/BGTVT-TTCNTT", ("4507/BGTVT-TTCNTT", "state", 4507, "CV", "BGTVT-TTCNTT", None, None)),
        ("Chương trình số 31-CTr/TU", ("31-CTr/TU", "party", 31, "CTr", "TU", None, None)),
        ("Nghị quyết 25-NQ/TW ngày 31/2/2013", ("25-NQ/TW", "party", 25, "NQ", "TW", None, None)),
    ],
    ids=["party-with-date", "state-with-date", "legal-year", "law", "cong-van", "party-ctr", "impossible-date"],
)
def test_cited_documents_are_split_into_parts(text, expected):
    (citation,) = cite_documents(text)
    assert (citation.number, citation.kind, citation.serial, citation.doc_type, citation.issuer,
            citation.year, citation.date) == expected


def test_citation_names():
    party, state = cite_documents("Quy định 23-QĐ/TW và Kế hoạch 90/KH-UBND")
    assert party.issuer_name.startswith("Trung ương") and party.type_name == "Quyết định / Quy định"
    assert state.type_name == "Kế hoạch" and state.issuer_name == "Ủy ban nhân dân"


def test_cite_documents_agrees_with_find_documents():
    text = " ".join(sample for sample, _ in SAMPLES)
    assert [c.number for c in cite_documents(text)] == find_documents(text)
