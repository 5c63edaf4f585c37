"""Report types from titles, and the Vietnamese search helpers behind the ranked search."""

import pytest

from crawler.registry import RegistryError, load_registry
from crawler.report_types import report_type
from crawler.vi_search import exact_matches, fts_query


@pytest.mark.parametrize("title, expected", [
    ("Khối Dân vận huyện giao ban công tác quý III năm 2020", "giao-ban"),
    ("Sơ kết công tác dân vận 6 tháng đầu năm 2024", "so-ket-6-thang"),
    ("Hội nghị sơ kết sáu tháng thực hiện Quy chế dân chủ", "so-ket-6-thang"),
    ("Tổng kết công tác Dân vận năm 2023", "tong-ket"),
    ("Xã Tịnh Giang ra mắt mô hình “Dân vận khéo” tuyến đường hoa", "dan-van-kheo"),
    ("TỔNG KẾT PHONG TRÀO THI ĐUA “DÂN VẬN KHÉO”", "dan-van-kheo"),  # the model is what researchers count
    ("Sơ kết 3 năm thực hiện Quyết định số 23-QĐ/TW", None),
    ("Huyện đoàn ra quân Tháng Thanh niên", None),
    (None, None),
])
def test_report_type_from_title(title, expected):
    assert report_type(title) == expected


def test_fts_query_quotes_words_keeps_phrases_and_prefixes():
    assert fts_query("dân vận khéo") == '"dân" "vận" "khéo"'
    assert fts_query('"dân vận" kheo') == '"dân vận" "kheo"'
    assert fts_query("huyen* 23-QĐ/TW") == '"huyen"* "23-QĐ/TW"'
    assert fts_query('unbalanced "quote') == '"unbalanced" "quote"'
    assert fts_query(' * "" ') == ""


def test_exact_matches_tell_dang_from_đang_and_ignore_tone_placement():
    assert exact_matches("Đảng bộ xã", "", "Đảng") == 2
    assert exact_matches("Xã đang triển khai", "đang làm", "Đảng") == 0
    assert exact_matches(None, "Ban Dân vận Huyện uỷ", "huyện ủy") == 2  # each word found once
    assert exact_matches("", "dan van", "dân vận") == 0


def test_exact_matches_count_a_word_only_where_a_word_starts():
    assert exact_matches("", "Huyện uỷ: “Đảng” viên", "Đảng") == 1  # after a quote mark
    assert exact_matches("Tân Đảng", "", "đảng") == 2
    assert exact_matches("", "xã_đảng, 2đảng", "Đảng") == 0  # inside a word: after _ or a digit
    assert exact_matches("", "vận động, dân vận", "vận*") == 1  # a prefix query's stem


def test_registry_rejects_a_province_after_that_disagrees_with_the_crosswalk(tmp_path):
    registry = tmp_path / "sites.toml"
    registry.write_text(
        '[[site]]\nid = "x"\nname = "X"\nlevel = "provincial"\nprovince_before = "Hà Giang"\n'
        'province_after = "Hà Giang"\nplatform = "generic"\nbase_url = "https://x.example.vn/"\n'
        'start_urls = ["https://x.example.vn/tin/"]\nstatus = "live"\n', encoding="utf-8")
    with pytest.raises(RegistryError, match="Tuyên Quang"):
        load_registry(registry)
    registry.write_text(registry.read_text(encoding="utf-8").replace('province_after = "Hà Giang"\n',
                        'district = "Phong Điền"\n'), encoding="utf-8")
    with pytest.raises(RegistryError, match="Phong Điền"):
        load_registry(registry)
