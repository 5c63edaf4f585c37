"""Bylines, source lines, lede marks and the outlets table (crawler.extraction.bylines, outlets)."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from crawler.extraction import dom
from crawler.extraction.bylines import (
    looks_like_outlet, normalise_source, read_credits, source_of, split_byline, split_trailer,
)
from crawler.extraction.outlets import OUTLETS, lede_source, outlet_for, split_lede

# --- person and unit ------------------------------------------------------------------------------

BYLINES = [
    # (byline, author, author_org, source, date_text)
    ("Hữu Tâm (Trung tâm VHTT-TT huyện)", "Hữu Tâm", "Trung tâm VHTT-TT huyện", None, None),
    ("Trần Văn Hải, Ban Dân vận Tỉnh ủy", "Trần Văn Hải", "Ban Dân vận Tỉnh ủy", None, None),
    ("Lê Minh - Đài TT-TH huyện", "Lê Minh", "Đài TT-TH huyện", None, None),
    ("Tin, ảnh: K.L", "K.L", None, None, None),
    ("Tin, ảnh: K.L - 12/3/2024", "K.L", None, None, "12/3/2024"),
    ("Tin và ảnh: Hồng Nhung, 05/09/2023", "Hồng Nhung", None, None, "05/09/2023"),
    ("Bài và ảnh: Quang Vinh", "Quang Vinh", None, None, None),
    ("Bài, ảnh: Quang Vinh (Ban Dân vận Huyện ủy)", "Quang Vinh", "Ban Dân vận Huyện ủy", None, None),
    ("Tin: Hồng Nhung - Ảnh: Minh Tâm", "Hồng Nhung", None, None, None),
    ("Bài: Thu Trang; ảnh: Quốc Khánh", "Thu Trang", None, None, None),
    ("Ảnh: Quốc Khánh - Bài: Thu Trang (Ban Dân vận Huyện ủy)", "Thu Trang", "Ban Dân vận Huyện ủy", None, None),
    ("Tin: Hồng Nhung - Ảnh: Minh Tâm, 17/11/2025", "Hồng Nhung", None, None, "17/11/2025"),
    ("Nhóm PV", "Nhóm PV", None, None, None),
    ("Nhóm PV: Thu Trang, Minh Đức", "Thu Trang, Minh Đức", None, None, None),
    ("Mai Anh – Tuấn Khang", "Mai Anh – Tuấn Khang", None, None, None),
    ("Mai Anh, Tuấn Khang", "Mai Anh, Tuấn Khang", None, None, None),
    ("HẢI YẾN", "HẢI YẾN", None, None, None),
    ("Thu Hằng (tổng hợp)", "Thu Hằng", None, None, None),
    # a unit alone is no person; "Đoàn" is a surname as well as a union
    ("Phòng Văn hóa và Thông tin huyện", None, "Phòng Văn hóa và Thông tin huyện", None, None),
    ("Ban Dân vận Huyện ủy", None, "Ban Dân vận Huyện ủy", None, None),
    ("Đoàn Minh Tuấn", "Đoàn Minh Tuấn", None, None, None),
    # republished: "Theo <writer> (<outlet>)" keeps the writer and names the outlet as source
    ("Theo Phương Lan (Báo Nhân Dân)", "Phương Lan", None, "Báo Nhân Dân", None),
    ("Theo Phương Lan - Báo Quảng Ninh", "Phương Lan", None, "Báo Quảng Ninh", None),
    ("Theo Phương Lan (baoquangninh.vn)", "Phương Lan", None, "baoquangninh.vn", None),
    ("Theo TTXVN", None, None, "TTXVN", None),
    ("Theo Báo Gia Lai", None, None, "Báo Gia Lai", None),
    ("Theo Phương Lan", "Phương Lan", None, None, None),
]


@pytest.mark.parametrize("text, author, org, source, date_text", BYLINES, ids=[b[0] for b in BYLINES])
def test_split_byline(text, author, org, source, date_text):
    byline = split_byline(text)
    assert (byline.author, byline.author_org, byline.source, byline.date_text) == (
        author, org, source, date_text,
    )


# --- source lines ---------------------------------------------------------------------------------

SOURCES = [
    ("(baogialai.com.vn)", "baogialai.com.vn"),
    ("(www.BaoGiaLai.com.vn)", "baogialai.com.vn"),
    ("Theo Báo Nhân Dân", "Báo Nhân Dân"),
    ("Theo baonhandan.vn", "baonhandan.vn"),
    ("(Theo nhandan.vn)", "nhandan.vn"),
    ("Nguồn: Báo Quảng Ninh", "Báo Quảng Ninh"),
    ("Nguồn: https://www.baoquangninh.vn/hoi-nghi-dan-van-3301234.html", "baoquangninh.vn"),
    ("(Nguồn: http://baohagiang.vn/chinh-tri/202403/tin-a1b2c3/)", "baohagiang.vn"),
    ("Theo TTXVN", "TTXVN"),
    ("(Theo TTXVN)", "TTXVN"),
    ("Theo VOV", "VOV"),
    ("Nguồn: Cổng thông tin điện tử tỉnh", "Cổng thông tin điện tử tỉnh"),
    # sentences and credits that are not sources
    ("Theo đó, các xã sẽ rà soát lại danh sách hộ nghèo.", None),
    ("Theo báo cáo của UBND huyện", None),
    ("Theo Báo cáo số 12 của Ban, toàn huyện có 40 mô hình.", None),
    ("Theo dõi tình hình", None),
    ("Nguồn ảnh: Internet", None),
    ("Lễ ra mắt mô hình dân vận khéo", None),
]


@pytest.mark.parametrize("text, source", SOURCES, ids=[t for t, _ in SOURCES])
def test_source_lines(text, source):
    assert source_of(text) == source


def test_source_normalisation_keeps_names_and_lowers_hosts():
    assert normalise_source(" Báo Nhân Dân. ") == "Báo Nhân Dân"
    assert normalise_source("WWW.VOV.VN") == "vov.vn"
    assert normalise_source("https://www.baoquangninh.vn/a/b.html") == "baoquangninh.vn"
    assert looks_like_outlet("Tạp chí Cộng sản") and not looks_like_outlet("báo cáo tổng kết")


# --- the trailing lines of a body -----------------------------------------------------------------


def blocks_of(html: str) -> list[dom.Block]:
    """The paragraphs of a body fragment."""
    return dom.iter_blocks(lxml.html.fragment_fromstring(html, create_parent="div"))


def test_trailer_takes_a_source_line_and_a_set_apart_byline():
    blocks, trailer = split_trailer(blocks_of(
        "<p>Hội nghị đã thống nhất các nội dung trọng tâm.</p>"
        "<p style='text-align:right'><strong>Hồng Nhung</strong></p><p>(baogialai.com.vn)</p>"
    ))
    assert [b.text for b in blocks] == ["Hội nghị đã thống nhất các nội dung trọng tâm."]
    assert (trailer.byline.author, trailer.source) == ("Hồng Nhung", "baogialai.com.vn")


def test_trailer_reads_labelled_and_credit_lines_even_when_plain():
    _, trailer = split_trailer(blocks_of("<p>Nội dung bài.</p><p>Tin, ảnh: K.L - 12/3/2024</p>"))
    assert (trailer.byline.author, trailer.byline.date_text) == ("K.L", "12/3/2024")
    _, trailer = split_trailer(blocks_of("<p>Nội dung bài.</p><p>Theo Phương Lan (Báo Nhân Dân)</p>"))
    assert (trailer.byline.author, trailer.source) == ("Phương Lan", "Báo Nhân Dân")


def test_credits_after_a_body_are_read_forward_and_stop_at_other_text():
    byline, source = read_credits(blocks_of(
        "<p style='text-align:right'><b>Hồng Nhung</b></p><p><i>(Theo Báo Trường Sơn)</i></p>"
        "<p><b>Các tin khác:</b></p>"
    ))
    assert (byline.author, source) == ("Hồng Nhung", "Báo Trường Sơn")
    byline, source = read_credits(blocks_of("<p><b>Các tin khác:</b></p><p>(baogialai.com.vn)</p>"))
    assert (byline.named, source) == (False, None)


def test_trailer_keeps_a_unit_only_byline():
    _, trailer = split_trailer(blocks_of(
        "<p>Nội dung bài.</p><p align='right'><b>Phòng Văn hóa và Thông tin huyện</b></p>"))
    assert (trailer.byline.author, trailer.byline.author_org) == (None, "Phòng Văn hóa và Thông tin huyện")


def test_trailer_leaves_a_plain_last_sentence_and_a_photo_credit():
    blocks, trailer = split_trailer(blocks_of("<p>Nội dung bài.</p><p>Ảnh: Thanh Hà</p>"))
    assert len(blocks) == 2 and trailer.byline.author is None


# --- lede marks and the outlets table -------------------------------------------------------------

LEDES = [
    # (first paragraph, mark, text after it)
    ("(GLO)- Sáng 8/7, Ban Dân vận Tỉnh ủy…", "GLO", "Sáng 8/7, Ban Dân vận Tỉnh ủy…"),
    ("(BQN) – Chiều 12/3, hội nghị…", "BQN", "Chiều 12/3, hội nghị…"),
    ("BHG - Ngày 9-4, huyện Mèo Vạc…", "BHG", "Ngày 9-4, huyện Mèo Vạc…"),
    ("TTXVN - Tối 2/9, tại Hà Nội…", "TTXVN", "Tối 2/9, tại Hà Nội…"),
    ("(Chinhphu.vn) - Phó Thủ tướng…", "Chinhphu.vn", "Phó Thủ tướng…"),
    ("(BDO) Người dân phản ánh…", "BDO", "Người dân phản ánh…"),
    ("VOV.VN - Sáng nay…", "VOV.VN", "Sáng nay…"),
    ("(XYZ)- Một tờ báo lạ…", "XYZ", "Một tờ báo lạ…"),
    # datelines, labels and plain text are not marks
    ("HÀ NỘI - Sáng nay…", None, "HÀ NỘI - Sáng nay…"),
    ("TP.HCM - Sáng nay…", None, "TP.HCM - Sáng nay…"),
    ("UBND - cơ quan hành chính", None, "UBND - cơ quan hành chính"),
    ("(VIDEO) Hội nghị dân vận", None, "(VIDEO) Hội nghị dân vận"),
    ("Những năm qua, xã đã…", None, "Những năm qua, xã đã…"),
]


@pytest.mark.parametrize("text, mark, rest", LEDES, ids=[t for t, _, _ in LEDES])
def test_split_lede(text, mark, rest):
    assert split_lede(text) == (mark, rest)


COPY = "https://chupah.gialai.gov.vn/tin-tuc/hoi-nghi-dan-van.html"


@pytest.mark.parametrize("mark, url, source", [
    ("GLO", COPY, "baogialai.com.vn"),
    ("GLO", "https://baogialai.com.vn/hoi-nghi-post1.html", None),
    ("GLO", "https://www.baogialai.com.vn/hoi-nghi-post1.html", None),
    ("BHG", COPY, "baohagiang.vn"),
    ("BQN", COPY, "baoquangninh.vn"),
    ("TTXVN", COPY, "TTXVN"),
    ("TTXVN", "https://baotintuc.vn/thoi-su/tin-1.htm", None),
    ("Chinhphu.vn", COPY, "baochinhphu.vn"),
    ("Baoquangngai.vn", COPY, "baoquangngai.vn"),
    ("Baoquangngai.vn", "https://baoquangngai.vn/tin/1.htm", None),
    ("XYZ", COPY, None),
    (None, COPY, None),
])
def test_lede_source_names_the_outlet_except_on_its_own_site(mark, url, source):
    assert lede_source(mark, url) == source


def test_outlets_table_is_consistent():
    marks = [outlet.mark.upper() for outlet in OUTLETS]
    assert len(marks) == len(set(marks))
    for outlet in OUTLETS:
        assert outlet.hosts and all(h == h.lower() and not h.startswith("www.") for h in outlet.hosts)
        assert split_lede(f"({outlet.mark}) - Nội dung")[0] == outlet.mark
        assert outlet_for(outlet.mark.lower()) == outlet
    assert outlet_for("GLO").source == "baogialai.com.vn"


def test_outlets_table_is_documented():
    doc = (Path(__file__).resolve().parents[1] / "docs" / "dates.md").read_text(encoding="utf-8")
    rows = {
        mark.strip(): line for line in doc.splitlines() if line.startswith("| ")
        for mark in line.split("|")[1].split(",")
    }
    for outlet in OUTLETS:
        row = rows.get(outlet.mark)
        assert row is not None, outlet.mark
        assert outlet.source in row and all(host in row for host in outlet.hosts)
