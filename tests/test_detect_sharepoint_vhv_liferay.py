"""VHV, general Liferay and the SharePoint portal family: hosts, look-alikes and what detection leads to.

Every gold page's detection is checked in tests/test_detect.py.
"""

from __future__ import annotations

import json
import re
from datetime import datetime, timezone
from pathlib import Path

import pytest

from crawler.extraction import PAGES, detect_platform, extract_article, parse_listing
from crawler.extraction.detect import MIN_SCORE, score
from crawler.text import decode_html

TESTS = Path(__file__).resolve().parent
SEED_DIR = TESTS.parents[1] / "shared" / "seed_pages"
UNKNOWN_HOST = "https://mirror.example.org/tin-tuc/bai-viet-1"
FETCHED = datetime(2026, 5, 6, tzinfo=timezone.utc)


def gold_html(platform: str, name: str) -> tuple[dict, str]:
    """A gold page of ours and its annotation."""
    path = TESTS / "gold" / platform / f"{name}.json"
    return json.loads(path.read_text(encoding="utf-8")), decode_html(path.with_suffix(".html").read_bytes())


@pytest.mark.parametrize("name", ["001", "001_list", "003", "003_list"])
def test_seed_liferay_and_sharepoint_pages_keep_their_platform(name):
    if not SEED_DIR.is_dir():
        pytest.skip(f"seed pages not found at {SEED_DIR}")
    expected = {"001": "quangngai-portal", "003": "sharepoint-qn"}[name[:3]]
    url = json.loads((SEED_DIR / f"{name}.json").read_text(encoding="utf-8"))["url"]
    html = decode_html((SEED_DIR / f"{name}.html").read_bytes())
    assert detect_platform(url, html) == expected
    assert detect_platform(UNKNOWN_HOST, html) == expected


def test_fixture_web_sontinh_and_quangninh_pages_keep_their_platform():
    from tests.fixture_web import ARTICLES, LISTING_URLS, build_fixture_web

    web = build_fixture_web()
    expected = {truth.url: truth.platform for truth in ARTICLES}
    for site_id, urls in LISTING_URLS.items():
        platform = next(t.platform for t in ARTICLES if t.site_id == site_id)
        expected.update({url: platform for url in urls})
    checked = 0
    for url, platform in expected.items():
        if platform in ("quangngai-portal", "sharepoint-qn") and web[url].status == 200:
            html = web[url].body.decode("utf-8")
            assert detect_platform(url, html) == platform, url
            assert detect_platform(UNKNOWN_HOST, html) == platform, url
            checked += 1
    assert checked >= 10


# --- hosts do not outvote markup ------------------------------------------------------------------

def test_district_liferay_62_page_stays_quangngai_portal_even_on_the_provincial_host():
    meta = json.loads((TESTS / "pages" / "quangngai-portal" / "meta.json").read_text(encoding="utf-8"))
    name = next(n for n, m in meta.items() if m["kind"] == "article")
    html = decode_html((TESTS / "pages" / "quangngai-portal" / name).read_bytes())
    url = meta[name]["url"].replace("sontinh.quangngai.gov.vn", "www.quangngai.gov.vn")
    assert detect_platform(url, html) == "quangngai-portal"


def test_vhv_commune_site_under_quangngai_gov_vn_is_vhv():
    gold, html = gold_html("vhv", "khanhcuong_doi_thoai_nhan_dan")
    assert gold["url"].startswith("https://khanhcuong.quangngai.gov.vn/")
    assert score(PAGES["quangngai-portal"], gold["url"], html) == MIN_SCORE  # the host alone
    assert detect_platform(gold["url"], html) == "vhv"


def test_liferay_7_page_of_the_provincial_portal_is_liferay_on_any_quangngai_host():
    _, html = gold_html("liferay", "quangngai_giao_ban_quy_iii")
    for host in ("www.quangngai.gov.vn", "quangngai.gov.vn", "sontinh.quangngai.gov.vn"):
        assert detect_platform(f"https://{host}/web/portal-qni/xem-chi-tiet", html) == "liferay"


# --- look-alikes ----------------------------------------------------------------------------------

NUKEVIET_WITH_UPLOAD_LINK = """<html><head><meta name="generator" content="NukeViet v4.5"></head>
<body><div id="news-bodyhtml" class="bodytext"><p>Xem <a href="/upload/2005891/20230807/ke-hoach.pdf">kế
hoạch</a>.</p></div></body></html>"""

PLAIN_SHAREPOINT = """<html><head><meta name="GENERATOR" content="Microsoft SharePoint">
<title>Trang chủ</title><link rel="stylesheet" href="/_layouts/15/1066/styles/Themable/corev15.css"></head>
<body><div id="s4-workspace"><h1>Xin chào</h1><p>Trang đang được xây dựng.</p></div></body></html>"""

ANGIANG_SHAREPOINT = """<html ng-app="ngAppSharepoint"><head>
<meta name="GENERATOR" content="Microsoft SharePoint"><title>Tin tức - Đảng bộ tỉnh An Giang</title>
<link rel="stylesheet" href="/_layouts/15/mas-portal/v2/css/style.css"></head>
<body><div class="news-detail"><h1>Hội nghị giao ban dân vận</h1><div class="time">08/04/2024</div></div></body></html>"""

LIFERAY_WORD_IN_TEXT = """<html><head><title>Tuyển dụng</title></head><body><h1>Tuyển lập trình viên</h1>
<p>Yêu cầu kinh nghiệm Liferay.Portlet, Java và SharePoint.</p></body></html>"""


def test_one_dated_upload_path_is_not_vhv():
    assert detect_platform(UNKNOWN_HOST, NUKEVIET_WITH_UPLOAD_LINK) != "vhv"
    assert score(PAGES["vhv"], UNKNOWN_HOST, NUKEVIET_WITH_UPLOAD_LINK) < MIN_SCORE


@pytest.mark.parametrize("html", [PLAIN_SHAREPOINT, ANGIANG_SHAREPOINT], ids=["plain", "angiang"])
def test_sharepoint_without_the_portal_family_markup_is_not_sharepoint_portal(html):
    assert detect_platform("https://angiang.dcs.vn/Lists/BaiViet/Post.aspx?ItemID=12", html) != "sharepoint-portal"


def test_a_page_that_only_mentions_liferay_is_not_liferay():
    assert detect_platform(UNKNOWN_HOST, LIFERAY_WORD_IN_TEXT) == "generic"


# --- behaviour the platform choice leads to --------------------------------------------------------

VHV_LIST = """<html><head><link rel="stylesheet" href="https://templatesotc.vhv.vn/3.0/css/style.css"></head><body>
<div class="ModuleWrapper" id="module58" moduleRootId="1025"><section class="Article-Detail-listType5">
<div class="listType6 news-item"><div class="news-title"><a href="/tin-tuc/giao-ban-1.html">Giao ban</a>
<span class="time-news">(02/04/2026)</span></div></div>
<div class="listType6 news-item"><div class="news-title"><a href="/tin-tuc/so-ket-2.html">Sơ kết</a>
<span class="time-news">(01/04/2026)</span></div></div></section>{pager}</div>
<aside class="sidebar-right"><div class="listNewsType1"><article class="item-block"><h4 class="entry-title">
<a href="/tin-tuc/noi-bat-3.html">Nổi bật</a></h4><time class="post-date">(05/05/2026)</time></article></div></aside>
</body></html>"""


@pytest.mark.parametrize("pager, next_page", [
    ('<div id="pagination58"></div><script>VHV.load("Portal.Pagination", {page: 1});</script>', None),
    ('<div id="pagination58"><ul class="pagination"><li class="active"><a href="javascript:void(0)">1</a></li>'
     '<li><a href="?page=2">2</a></li></ul></div>', "https://xa.example.gov.vn/tin-tuc?page=2"),
], ids=["javascript-only", "server-links"])
def test_vhv_listing_skips_sidebar_boxes_and_reads_both_pagers(pager, next_page):
    url = "https://xa.example.gov.vn/tin-tuc"
    html = VHV_LIST.format(pager=pager)
    assert detect_platform(url, html) == "vhv"
    listing = parse_listing(url, html, FETCHED, "vhv")
    assert [(e.url, e.date) for e in listing.entries] == [
        ("https://xa.example.gov.vn/tin-tuc/giao-ban-1.html", "2026-04-02"),
        ("https://xa.example.gov.vn/tin-tuc/so-ket-2.html", "2026-04-01"),
    ]
    assert listing.next_page == next_page


def test_vhv_article_without_its_date_line_uses_the_meta_never_a_related_date():
    gold, html = gold_html("vhv", "soyte_hatinh_so_ket_dan_van_kheo")
    fetched = datetime.fromisoformat(gold["fetched_at"])
    no_line = re.sub(r'<span class="post-date"><i class="fa fa-clock-o"></i>[^<]*</span>', "", html, count=1)
    assert extract_article(gold["url"], no_line, fetched).published == "2023-08-07T16:05:12+07:00"
    no_date = re.sub(r'<meta itemprop="datePublished"[^>]*>', "", no_line)
    assert extract_article(gold["url"], no_date, fetched).published is None


def test_sharepoint_article_without_its_date_falls_back_to_the_dated_path_not_other_news():
    gold, html = gold_html("sharepoint-portal", "dienbien_giao_ban_6_thang")
    fetched = datetime.fromisoformat(gold["fetched_at"])
    no_date = html.replace('<label class="pub-time">15/06/2023 04:12:31 CH</label>', "")
    assert no_date != html
    article = extract_article(gold["url"], no_date, fetched)
    assert (article.published, article.published_source) == ("2023-06-15", "url")
    undated_url = gold["url"].replace("/2023-6-15/", "/")
    assert extract_article(undated_url, no_date, fetched).published is None


def test_liferay_side_portlet_items_are_not_listing_items():
    gold, html = gold_html("liferay", "quangngai_tin_tuc_su_kien")
    listing = parse_listing(gold["url"], html, datetime.fromisoformat(gold["fetched_at"]), "liferay")
    assert len(listing.entries) == 10
    assert not any("chi-so-cai-cach-hanh-chinh" in e.url for e in listing.entries)
