"""Page objects on the saved pages of tests/pages, and their reading rules on page variants."""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest

from crawler.extraction import PLATFORM_IDS, detect_platform, extract_article, parse_listing
from crawler.extraction.bylines import source_of, split_byline
from crawler.text import decode_html, split_paragraphs

ROOT = Path(__file__).resolve().parents[1]
PAGES_DIR = ROOT / "tests" / "pages"
FETCHED = datetime(2025, 6, 1, tzinfo=timezone.utc)


def _load_regen():
    """scripts/regen_expected.py, which both writes and (here) re-reads the expected output."""
    spec = importlib.util.spec_from_file_location("regen_expected", ROOT / "scripts" / "regen_expected.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


regen = _load_regen()
SAVED = list(regen.iter_pages([]))
GOLD_DIR = ROOT / "tests" / "gold"
"""Hand-annotated pages (tests/gold) count as a platform's fixtures too."""


def saved_html(platform: str, name: str) -> str:
    """A saved page, decoded the way the crawler decodes responses."""
    return decode_html((PAGES_DIR / platform / name).read_bytes())


def saved_url(platform: str, name: str) -> str:
    """The URL a saved page was fetched from."""
    return regen.load_meta(PAGES_DIR / platform)[name]["url"]


# --- the saved pages -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "platform, name, meta, expected_path", SAVED, ids=[f"{p}/{n}" for p, n, _, _ in SAVED]
)
def test_saved_page_matches_expected_json(platform, name, meta, expected_path):
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    assert regen.read_page(platform, name, meta) == expected


@pytest.mark.parametrize("platform", PLATFORM_IDS)
def test_every_platform_has_a_saved_article_and_listing(platform):
    kinds = {meta["kind"] for p, _, meta, _ in SAVED if p == platform}
    kinds |= {json.loads(g.read_text(encoding="utf-8"))["kind"] for g in GOLD_DIR.glob(f"{platform}/*.json")}
    assert kinds >= {"article", "listing"} or platform == "generic" and "article" in kinds


@pytest.mark.parametrize(
    "platform, name", [(p, n) for p, n, _, _ in SAVED], ids=[f"{p}/{n}" for p, n, _, _ in SAVED]
)
def test_platform_is_detected_from_markup(platform, name):
    html = saved_html(platform, name)
    assert detect_platform(saved_url(platform, name), html) == platform
    assert detect_platform("https://unknown.example.org/tin-tuc/123", html) == platform


def test_platform_ids_are_the_registry_ids():
    assert PLATFORM_IDS == (
        "huecit", "quangngai-portal", "danvan-legacy", "sharepoint-qn", "vnpt-media", "mcms",
        "nukeviet", "tuyengiaodanvan", "acms", "vhv", "liferay", "sharepoint-portal", "generic",
    )


def test_unknown_platform_id_is_an_error():
    with pytest.raises(ValueError, match="unknown platform"):
        extract_article("https://x.example/", "<html></html>", FETCHED, platform="joomla")


def test_extraction_imports_neither_scrapy_nor_sqlite_utils():
    code = "import sys, crawler.extraction; print(sorted({'scrapy', 'sqlite_utils'} & set(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.strip() == "[]"


# --- variants of the saved pages: what the fixture web may change ---------------------------

QN_ARTICLE = ("quangngai-portal", "giao_ban_quy_ii.html")
VNPT_ARTICLE = ("vnpt-media", "meo_vac_dan_van_kheo.html")
HUECIT_ARTICLE = ("huecit", "tap_huan_dan_van.html")
DANVAN_ARTICLE = ("danvan-legacy", "ninh_binh_so_ket.html")
MCMS_ARTICLE = ("mcms", "ia_hla_dan_van_kheo.html")


def read(page: tuple[str, str], edit=lambda html: html, **kwargs):
    """Extract a saved article after an edit of its HTML."""
    platform, name = page
    html = edit(saved_html(platform, name))
    return extract_article(saved_url(platform, name), html, FETCHED, platform, **kwargs)


def test_paragraphs_as_p_or_div_read_the_same():
    as_div = read(QN_ARTICLE)
    as_p = read(QN_ARTICLE, lambda h: re.sub(r'<div style="text-align: justify;">(.*?)</div>', r"<p>\1</p>", h))
    assert as_p.text == as_div.text and len(split_paragraphs(as_p.text)) == 3


def test_missing_captions():
    stripped = read(VNPT_ARTICLE, lambda h: re.sub(r"<tr>\s*<td class=\"image_desc\">.*?</tr>", "", h, flags=re.S))
    assert read(VNPT_ARTICLE).captions == ["Các đại biểu ấn nút ra mắt mô hình"]
    assert stripped.captions == [] and stripped.text == read(VNPT_ARTICLE).text


def test_entity_encoded_and_plain_text_read_the_same():
    plain = read(VNPT_ARTICLE, lambda h: h.replace("&agrave;", "à").replace("&acirc;", "â"))
    assert plain.text == read(VNPT_ARTICLE).text
    assert "Ngày 21.3" in plain.text and "&" not in plain.text


def test_double_encoded_entities_are_unescaped():
    article = read(HUECIT_ARTICLE, lambda h: h.replace("Ph&aacute;t biểu", "Ph&amp;aacute;t biểu"))
    assert "Phát biểu bế mạc" in article.text


def test_no_byline():
    article = read(QN_ARTICLE, lambda h: h.replace("<strong>Thanh Nhàn, Ban Dân vận Huyện ủy</strong>", ""))
    assert (article.author, article.author_org) == (None, None)
    assert article.text == read(QN_ARTICLE).text
    outside = read(HUECIT_ARTICLE, lambda h: h.replace('<div class="news-author"', '<div class="x"'))
    assert outside.author is None


def test_date_line_missing_falls_back_to_listing_date_only():
    no_date = lambda h: h.replace("12/07/2023 09:05", "")  # noqa: E731
    assert (read(QN_ARTICLE, no_date).published, read(QN_ARTICLE, no_date).published_source) == (None, None)
    article = read(QN_ARTICLE, no_date, listing_date="2023-07-12T09:05:00+07:00")
    assert (article.published, article.published_source) == ("2023-07-12T09:05:00+07:00", "listing")
    page_date = read(QN_ARTICLE, listing_date="2023-07-13")
    assert (page_date.published, page_date.published_source) == ("2023-07-12T09:05:00+07:00", "selector")


def test_page_without_date_never_uses_today_widget_or_related_dates():
    article = read(DANVAN_ARTICLE)
    assert (article.published, article.published_source) == (None, None)


def test_meta_date_when_the_date_element_is_missing():
    article = read(MCMS_ARTICLE, lambda h: re.sub(r'<time class="time"[^>]*>[^<]*</time>', "", h, count=1))
    assert (article.published, article.published_source) == ("2025-05-20T08:15:40+07:00", "meta")


def test_date_after_the_fetch_time_is_ignored():
    platform, name = QN_ARTICLE
    early = datetime(2023, 7, 1, tzinfo=timezone.utc)
    article = extract_article(saved_url(platform, name), saved_html(platform, name), early, platform)
    assert article.published is None


def test_mcms_lede_tag_stays_in_text_never_in_title():
    article = read(MCMS_ARTICLE, lambda h: h.replace(
        '<h1 class="article__title cms-title">', '<h1 class="article__title cms-title">(GLO)- '))
    assert article.title == "Xã Ia Hla lan tỏa phong trào “Dân vận khéo”"
    assert article.text.startswith("(GLO)- Những năm qua")
    assert "Quảng cáo" not in article.text


def test_missing_body_container_falls_back_to_generic():
    article = read(HUECIT_ARTICLE, lambda h: re.sub(r'class="news-content" id="[^"]*"', 'class="noi-dung"', h))
    assert article.platform == "generic"
    assert "Quy định 23-QĐ/TW" in article.text
    assert not article.text.startswith(article.title)


def test_detection_without_platform_argument():
    platform, name = DANVAN_ARTICLE
    article = extract_article(saved_url(platform, name), saved_html(platform, name), FETCHED)
    assert article.platform == "danvan-legacy" and article.source == "baoninhbinh.org.vn"


def test_empty_page_is_generic_and_empty():
    article = extract_article("https://x.example/a", "", FETCHED)
    assert (article.platform, article.text, article.published) == ("generic", "", None)


# --- listings ---------------------------------------------------------------------------------

LISTING_HTML = """<html><body><div class="list-news">
<div class="news-item"><h3 class="news-title"><a href="/a/1">Tin một về công tác dân vận</a></h3>
<span class="news-date">04/07/2019</span></div>
<div class="news-item"><h3 class="news-title"><a href="javascript:;">Không phải bài</a></h3></div>
<div class="news-item"><h3 class="news-title"><a href="/a/1">Tin một về công tác dân vận</a></h3></div>
</div>{pager}</body></html>"""


@pytest.mark.parametrize("pager, expected", [
    ('<ul class="pagination"><li class="active"><a href="?page=1">1</a></li><li><a href="?page=2">2</a></li>'
     '<li><a href="?page=9">&raquo;</a></li></ul>', "?page=2"),
    ('<div class="paging"><a href="?p=1">1</a><span class="active">2</span><a href="?p=3">3</a>'
     '<a href="?p=3">Sau &raquo;</a></div>', "?p=3"),
    ('<ul class="pagination"><li class="disabled"><a href="?page=0">Tiếp</a></li></ul>', None),
    ('<div class="pager"><a href="javascript:;" class="next">Trang sau</a></div>', None),
    ('<a rel="next" href="/trang-2.html">2</a>', "/trang-2.html"),
    ("", None),
])
def test_next_page_forms(pager, expected):
    listing = parse_listing("http://danvan.vn/list", LISTING_HTML.format(pager=pager), FETCHED, "danvan-legacy")
    assert listing.next_page == (f"http://danvan.vn/list{expected}" if expected and expected.startswith("?")
                                 else expected and f"http://danvan.vn{expected}")


def test_listing_entries_are_absolute_unique_and_dated():
    listing = parse_listing("http://danvan.vn/list", LISTING_HTML.format(pager=""), FETCHED, "danvan-legacy")
    assert [(e.url, e.title, e.date) for e in listing.entries] == [
        ("http://danvan.vn/a/1", "Tin một về công tác dân vận", "2019-07-04"),
    ]


def test_listing_honours_base_href():
    html = '<html><head><base href="https://cdn.example/x/"></head><body>' + LISTING_HTML.format(pager="")[12:]
    listing = parse_listing("http://danvan.vn/list", html, FETCHED, "danvan-legacy")
    assert listing.entries[0].url == "https://cdn.example/a/1"


# --- bylines and source lines -------------------------------------------------------------------

@pytest.mark.parametrize("text, author, org", [
    ("Minh Hải (Trung tâm VHTT-TT huyện)", "Minh Hải", "Trung tâm VHTT-TT huyện"),
    ("Lê Văn Nam, Ban Dân vận Tỉnh ủy", "Lê Văn Nam", "Ban Dân vận Tỉnh ủy"),
    ("Thu Hà – Quốc Việt", "Thu Hà – Quốc Việt", None),
    ("Thu Hà, Quốc Việt", "Thu Hà, Quốc Việt", None),
    ("Tin, ảnh: P.Y", "P.Y", None),
    ("Bài và ảnh: Hoàng Anh - Đài TT-TH huyện", "Hoàng Anh", "Đài TT-TH huyện"),
    ("Minh Anh (tổng hợp)", "Minh Anh", None),
    ("NGỌC MINH", "NGỌC MINH", None),
])
def test_split_byline(text, author, org):
    byline = split_byline(text)
    assert (byline.author, byline.author_org) == (author, org)


@pytest.mark.parametrize("text, source", [
    ("(baogialai.com.vn)", "baogialai.com.vn"),
    ("(Theo baoninhbinh.org.vn)", "baoninhbinh.org.vn"),
    ("Theo vov.vn", "vov.vn"),
    ("Nguồn: Báo Gia Lai", "Báo Gia Lai"),
    ("(Theo TTXVN)", "TTXVN"),
    ("Theo đó, UBND huyện sẽ kiểm tra.", None),
    ("Theo dõi diễn biến", None),
    ("Toàn cảnh buổi lễ ra mắt", None),
])
def test_source_lines(text, source):
    assert source_of(text) == source


def test_yearless_listing_date_takes_the_year_of_the_item_above():
    html = (
        '<div class="list-news"><div class="news-item"><div class="news-item-title">'
        '<a href="./?gd=1&amp;cn=83&amp;tc=2">Khối Dân vận huyện giao ban tháng 9</a> <span class="date">(20/09/2021)</span>'
        '</div></div><div class="news-item"><div class="news-item-title">'
        '<a href="./?gd=1&amp;cn=83&amp;tc=1">Xã Phong Hiền ra mắt mô hình dân vận khéo</a> <span class="date">(13/9)</span>'
        "</div></div></div>"
    )
    listing = parse_listing("https://phongdien.thuathienhue.gov.vn/?gd=1&cn=83", html,
                            datetime(2026, 1, 5, tzinfo=timezone.utc), "huecit")
    assert [entry.date for entry in listing.entries] == ["2021-09-20", "2021-09-13"]
