"""NukeViet, tuyengiaodanvan.vn and the -a<id>.html CMS are told apart by markup, on any host."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import pytest

from crawler.extraction import PAGES, detect_platform, extract_article, parse_listing
from crawler.extraction.detect import MIN_SCORE, score
from crawler.text import decode_html

TESTS = Path(__file__).resolve().parent
OURS = ("nukeviet", "tuyengiaodanvan", "acms")
UNKNOWN_HOST = "https://mirror.example.org/tin-tuc/bai-viet-1"
FETCHED = datetime(2026, 1, 27, tzinfo=timezone.utc)


def gold_pages(ours: bool) -> list:
    """(platform, url, html) of our gold pages, or of every other platform's."""
    pages = []
    for path in sorted((TESTS / "gold").glob("*/*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if (gold["platform"] in OURS) == ours:
            html = decode_html(path.with_suffix(".html").read_bytes())
            name = f"{path.parent.name}/{path.stem}"
            pages.append(pytest.param(gold["platform"], gold["url"], html, id=name))
    return pages


def saved_pages() -> list:
    """(platform, url, html) of the regression pages of the older platforms."""
    pages = []
    for meta_path in sorted((TESTS / "pages").glob("*/meta.json")):
        for name, meta in json.loads(meta_path.read_text(encoding="utf-8")).items():
            html = decode_html((meta_path.parent / name).read_bytes())
            platform = meta_path.parent.name
            pages.append(pytest.param(platform, meta["url"], html, id=f"{platform}/{name}"))
    return pages


# --- our pages are recognised from markup alone ----------------------------------------------------

@pytest.mark.parametrize("platform, url, html", gold_pages(ours=True))
def test_gold_page_is_detected_on_an_unknown_host(platform, url, html):
    assert detect_platform(UNKNOWN_HOST, html) == platform


@pytest.mark.parametrize("platform, url, html", gold_pages(ours=True))
def test_gold_page_markup_alone_reaches_the_threshold(platform, url, html):
    assert score(PAGES[platform], UNKNOWN_HOST, html) >= MIN_SCORE


# --- existing platforms are not stolen ------------------------------------------------------------

@pytest.mark.parametrize("platform, url, html", saved_pages())
def test_saved_pages_of_other_platforms_keep_their_platform(platform, url, html):
    assert detect_platform(url, html) == platform
    assert detect_platform(UNKNOWN_HOST, html) == platform


@pytest.mark.parametrize("platform, url, html", gold_pages(ours=False))
def test_gold_pages_of_other_platforms_are_not_ours(platform, url, html):
    assert detect_platform(url, html) not in OURS
    assert all(score(PAGES[ours], url, html) < MIN_SCORE for ours in OURS)


# --- look-alikes ------------------------------------------------------------------------------

NEXTJS_SHOP = """<!DOCTYPE html><html><head><title>Cửa hàng hoa</title>
<script src="/_next/static/chunks/main-1a2b.js" defer=""></script></head>
<body><div id="__next"><h1>Hoa tươi</h1><p>Giao hoa trong ngày tại Hà Nội.</p></div>
<script id="__NEXT_DATA__" type="application/json">{"props":{"pageProps":{}},"page":"/","query":{}}</script>
</body></html>"""

ANGIANG_SHAREPOINT = """<html ng-app="ngAppSharepoint"><head>
<meta name="GENERATOR" content="Microsoft SharePoint"><title>Tin tức - Đảng bộ tỉnh An Giang</title>
<link rel="stylesheet" href="/_layouts/15/mas-portal/v2/css/style.css"></head>
<body><div class="news-detail"><h1>Hội nghị giao ban dân vận</h1><div class="time">08/04/2024</div></div></body></html>"""

NUKEVIET_MINIMAL = """<html><head><meta name="generator" content="NukeViet v4.5">
<script>var nv_base_siteurl="/",nv_lang_data="vi";</script></head>
<body><div class="news_column panel panel-default"><div class="panel-body"><h1 class="title">Giao ban</h1>
<div id="news-bodyhtml" class="bodytext"><p>Nội dung.</p></div></div></div></body></html>"""


def test_any_nextjs_site_is_not_tuyengiaodanvan():
    assert detect_platform("https://hoatuoi.example.vn/", NEXTJS_SHOP) == "generic"


def test_a_sharepoint_party_site_on_dcs_vn_is_not_nukeviet():
    url = "https://angiang.dcs.vn/Lists/BaiViet/Post.aspx?ItemID=12"
    assert detect_platform(url, ANGIANG_SHAREPOINT) != "nukeviet"


def test_nukeviet_on_any_dcs_vn_host():
    assert detect_platform("https://laocai.dcs.vn/news/dan-van/giao-ban-12.html", NUKEVIET_MINIMAL) == "nukeviet"


def test_acms_listing_is_recognised_by_its_links():
    html = """<html><body><ul class="list-news">
    <li><h3><a href="/giao-ban-dan-van-a1234.html">Giao ban</a></h3></li>
    <li><h3><a href="/to-dan-van-a1230.html">Tổ dân vận</a></h3></li></ul>
    <div class="paging"><span class="current">1</span><a href="?p=2">2</a></div></body></html>"""
    assert detect_platform("https://baotayninh.vn/chinh-tri/", html) == "acms"
    listing = parse_listing("https://baotayninh.vn/chinh-tri/", html, FETCHED, "acms")
    assert [e.date for e in listing.entries] == [None, None]
    assert listing.next_page == "https://baotayninh.vn/chinh-tri/?p=2"


# --- tuyengiaodanvan.vn behaviour that detection leads to --------------------------------------

def test_empty_nextjs_app_root_on_tuyengiaodanvan_is_a_javascript_shell():
    html = NEXTJS_SHOP.replace("<h1>Hoa tươi</h1><p>Giao hoa trong ngày tại Hà Nội.</p>", "")
    url = "https://tuyengiaodanvan.vn/vn/bai-viet-6970b1c4e2a95d3f18c0b7a2"
    article = extract_article(url, html, FETCHED)
    assert (article.platform, article.shell, article.text) == ("tuyengiaodanvan", "javascript-only", "")


def test_embedded_listing_has_no_next_page_on_its_last_page():
    data = {"props": {"pageProps": {"blogs": {
        "content": [{"id": "6961c7f8e9a0b1c2d3e4f5a6", "slug": "giao-ban", "title": "Giao ban",
                     "publishedAt": "2026-01-09T03:00:00.000Z"}],
        "number": 56, "size": 10, "totalPages": 57}}}}
    html = (
        '<html><body><div id="__next"></div><script id="__NEXT_DATA__" type="application/json">'
        f"{json.dumps(data)}</script></body></html>"
    )
    url = (
        "https://tuyengiaodanvan.vn/blogs/category/type/tin-tuc"
        "?&categoryId=65f1a0c2d4e5b6a7c8d9e0f1&page=57&size=10"
    )
    listing = parse_listing(url, html, FETCHED, "tuyengiaodanvan")
    assert [(e.url, e.date) for e in listing.entries] == [
        ("https://tuyengiaodanvan.vn/vn/giao-ban-6961c7f8e9a0b1c2d3e4f5a6", "2026-01-09T10:00:00+07:00")
    ]
    assert listing.next_page is None
