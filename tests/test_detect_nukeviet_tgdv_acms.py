"""NukeViet, tuyengiaodanvan.vn and the -a<id>.html CMS: look-alikes and what detection leads to.

Every gold page's detection is checked in tests/test_detect.py.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone

from crawler.extraction import detect_platform, extract_article, parse_listing

UNKNOWN_HOST = "https://mirror.example.org/tin-tuc/bai-viet-1"
FETCHED = datetime(2026, 1, 27, tzinfo=timezone.utc)


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
