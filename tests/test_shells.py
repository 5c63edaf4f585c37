"""crawler.extraction.shells: app shells, login walls and soft error pages; articles stay articles.

Every page here is written for this test: a district portal template around each case.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crawler.extraction.shells import classify_shell
from crawler.text import decode_html

GOLD = Path(__file__).resolve().parent / "gold"

LOGIN_PORTLET = """
<div class="portlet-login"><h3>Đăng nhập</h3>
<form action="/c/portal/login" method="post"><label>Tên đăng nhập</label><input name="login" type="text">
<label>Mật khẩu</label><input name="password" type="PASSWORD"><button>Đăng nhập</button>
<a href="/quen-mat-khau">Quên mật khẩu?</a></form></div>
"""
LATEST = """
<div class="box-tin-moi"><h3>Tin mới</h3><ul>
<li><a href="/tin/1">Hội nghị giao ban công tác dân vận quý III</a></li>
<li><a href="/tin/2">Ra mắt mô hình dân vận khéo ở xã Tân Lập</a></li></ul></div>
"""


def portal(title: str, main: str, sidebar: str = "", head_title: str | None = None) -> str:
    """A district portal page: header, menu, main column, sidebar, footer."""
    page_title = head_title if head_title is not None else f"{title} - Cổng thông tin điện tử huyện Yên Thịnh"
    return f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>{page_title}</title>
<script src="/js/jquery.min.js"></script></head>
<body>
<div class="header"><div class="banner">ỦY BAN NHÂN DÂN HUYỆN YÊN THỊNH</div></div>
<nav class="menu-top"><ul><li><a href="/">Trang chủ</a></li><li><a href="/gioi-thieu">Giới thiệu</a></li>
<li><a href="/tin-tuc">Tin tức - Sự kiện</a></li><li><a href="/dan-van">Dân vận khéo</a></li></ul></nav>
<div class="main"><div class="col-content">{main}</div>
<div class="col-right">{sidebar}</div></div>
<div class="footer">Cơ quan chủ quản: UBND huyện Yên Thịnh. Chịu trách nhiệm chính: Chánh Văn phòng.</div>
<script>var _gaq = _gaq || [];</script>
</body></html>"""


def article_main(title: str, paragraphs: list[str]) -> str:
    """The article column of a portal page."""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f'<h1 class="title">{title}</h1><div class="date">21/03/2024 08:15</div><div class="content">{body}</div>'


def article_page(title: str, paragraphs: list[str], sidebar: str = "") -> tuple[str, list[str], str]:
    """(html, paragraphs, title) of an article on a portal page."""
    return portal(title, article_main(title, paragraphs), sidebar), paragraphs, title


LONG_404_ARTICLE = [
    "Thời gian qua, nhiều người dân trên địa bàn huyện phản ánh khi truy cập Cổng dịch vụ công của tỉnh "
    "thường gặp thông báo lỗi 404 hoặc trang không phản hồi, nhất là vào cuối tháng khi lượng hồ sơ tăng cao.",
    "Trước tình hình đó, Ban Dân vận Huyện ủy phối hợp với Văn phòng HĐND và UBND huyện cử tổ công tác "
    "xuống từng xã hướng dẫn người dân cách đăng nhập, nộp hồ sơ trực tuyến và tra cứu kết quả.",
    "Đến nay, tổ công tác đã hỗ trợ hơn 1.200 lượt người dân; các lỗi kỹ thuật được chuyển đến đơn vị "
    "vận hành để khắc phục. Nhiều hộ dân cho biết thủ tục nay đã nhanh gọn hơn trước.",
]
VNEID_ARTICLE = [
    "Để thực hiện thủ tục đăng ký thường trú trực tuyến, người dân cần đăng nhập ứng dụng VNeID bằng tài "
    "khoản định danh điện tử mức độ 2, sau đó chọn mục Thủ tục hành chính và làm theo hướng dẫn.",
    "Cán bộ Đoàn Thanh niên xã cho biết: “Nhiều bà con lớn tuổi chưa quen thao tác, vui lòng đăng nhập "
    "lại nếu ứng dụng báo hết phiên, hoặc đến nhà văn hóa thôn để được đoàn viên hỗ trợ trực tiếp”.",
    "Mô hình “Tổ công nghệ số cộng đồng” được Ban Dân vận Huyện ủy đánh giá là cách làm dân vận khéo, "
    "giúp người dân tiếp cận dịch vụ công thuận tiện, tiết kiệm thời gian và chi phí đi lại.",
]
SHORT_NOTICE = [
    "Thông báo: Từ ngày 01/7/2024, cán bộ, công chức các cơ quan Đảng đăng nhập hệ thống quản lý văn bản "
    "bằng tài khoản mới do Văn phòng Huyện ủy cấp. Đề nghị các đồng chí vui lòng đăng nhập và đổi mật khẩu.",
]
COSTUME_ARTICLE = [
    "Nhiều gia đình đồng bào Dao ở thôn Khe Mạ không tìm thấy trang phục truyền thống phù hợp cho con em "
    "trong ngày hội, Chi hội Phụ nữ thôn đã tổ chức lớp dạy thêu.",
]


SHELLS = {
    "react root with a noscript plea": (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Báo điện tử Dân vận</title>'
        '<link rel="stylesheet" href="/static/css/main.3f2a.css"></head><body>'
        "<noscript>Vui lòng bật JavaScript để xem trang này.</noscript><div id=\"root\"></div>"
        '<script src="/static/js/main.8c1d.js"></script></body></html>',
        "",
        None,
        "javascript-only",
    ),
    "angular app-root": (
        '<html><head><title>Cổng thông tin điện tử</title><base href="/"></head><body>'
        '<app-root></app-root><script src="runtime.js" type="module"></script>'
        '<script src="main.js" type="module"></script></body></html>',
        "",
        None,
        "javascript-only",
    ),
    "next.js fallback render inside the site layout": (
        portal(
            "",
            '<div id="__next"><div class="article-placeholder"><span class="spinner"></span>Đang tải...</div></div>'
            '<script id="__NEXT_DATA__" type="application/json">'
            '{"props":{"pageProps":{}},"page":"/vn/[slug]","isFallback":true}</script>',
            head_title="Ban Tuyên giáo và Dân vận",
        ),
        "",
        None,
        "javascript-only",
    ),
    "login wall with a form": (
        portal(
            "Bài viết dành cho thành viên",
            '<div class="login-required"><p>Bạn cần đăng nhập để xem nội dung này.</p>'
            '<form action="/dang-nhap" method="post"><input name="user"><input name="pass" type="password">'
            "<button>Đăng nhập</button></form></div>",
        ),
        "",
        "Bài viết dành cho thành viên",
        "login-wall",
    ),
    "login page of a portal": (
        portal("Đăng nhập", LOGIN_PORTLET),
        "Tên đăng nhập Mật khẩu Quên mật khẩu?",
        "Đăng nhập",
        "login-wall",
    ),
    "intranet notice without a form": (
        portal("Văn bản nội bộ", "<p>Vui lòng đăng nhập để tiếp tục.</p>"),
        "Vui lòng đăng nhập để tiếp tục.",
        "Văn bản nội bộ",
        "login-wall",
    ),
    "soft 404 in the portal template": (
        portal(
            "Không tìm thấy trang",
            "<h2>Trang bạn yêu cầu không tồn tại</h2><p>Vui lòng quay lại Trang chủ.</p>",
            LATEST,
        ),
        "",
        None,
        "error-page",
    ),
    "deleted article, site name as title": (
        portal(
            "",
            '<div class="alert">Bài viết không tồn tại hoặc đã bị xoá. <a href="/">Về trang chủ</a></div>',
            LATEST,
            head_title="Cổng thông tin điện tử huyện Yên Thịnh",
        ),
        "",
        "Cổng thông tin điện tử huyện Yên Thịnh",
        "error-page",
    ),
    "404 heading with tin moi extracted as text": (
        portal("404 - Không tìm thấy trang", '<h1>404</h1><p>Không tìm thấy trang bạn yêu cầu.</p>', LATEST),
        "Tin mới Hội nghị giao ban công tác dân vận quý III " * 12,
        "404 - Không tìm thấy trang",
        "error-page",
    ),
    "asp.net yellow screen": (
        "<html><head><title>Object reference not set to an instance of an object.</title></head>"
        "<body bgcolor=\"white\"><span><H1>Server Error in '/' Application.<hr width=100% size=1 color=silver></H1>"
        "<h2> <i>Object reference not set to an instance of an object.</i> </h2></span>"
        "<b> Description: </b>An unhandled exception occurred during the execution of the current web request."
        "<pre>[NullReferenceException: Object reference not set to an instance of an object.]\n"
        + "   Portal.News.Detail.Page_Load(Object sender, EventArgs e) +412\n" * 12
        + "</pre></body></html>",
        "[NullReferenceException: Object reference not set to an instance of an object.] "
        + "Portal.News.Detail.Page_Load(Object sender, EventArgs e) +412 " * 12,
        "Object reference not set to an instance of an object.",
        "error-page",
    ),
    "iis 404": (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"/>'
        "<title>404 - File or directory not found.</title></head><body><div id=\"header\"><h1>Server Error</h1></div>"
        '<div id="content"><div class="content-container"><fieldset><h2>404 - File or directory not found.</h2>'
        "<h3>The resource you are looking for might have been removed, had its name changed, or is temporarily "
        "unavailable.</h3></fieldset></div></div></body></html>",
        "",
        None,
        "error-page",
    ),
    "liferay resource not found": (
        portal(
            "Tin tức",
            '<div class="portlet-msg-error">The requested resource could not be found.</div>',
            head_title="Tin tức - Cổng thông tin điện tử tỉnh",
        ),
        "The requested resource could not be found.",
        "Tin tức",
        "error-page",
    ),
    "generic error title": (
        portal("Lỗi", "<p>Đã có lỗi xảy ra trong quá trình xử lý. Vui lòng thử lại sau.</p>"),
        "Đã có lỗi xảy ra trong quá trình xử lý. Vui lòng thử lại sau.",
        "Lỗi",
        "error-page",
    ),
    "tomcat status page": (
        "<!doctype html><html lang=\"en\"><head><title>HTTP Status 404 – Not Found</title></head><body>"
        "<h1>HTTP Status 404 – Not Found</h1><hr class=\"line\" /><p><b>Type</b> Status Report</p>"
        "<p><b>Description</b> The origin server did not find a current representation for the target resource."
        "</p></body></html>",
        "Type Status Report Description The origin server did not find a current representation.",
        "HTTP Status 404 – Not Found",
        "error-page",
    ),
}

ARTICLES = {
    "article mentioning lỗi 404 and đăng nhập": article_page(
        "Hỗ trợ người dân nộp hồ sơ trực tuyến", LONG_404_ARTICLE
    ),
    "vneid guide on a page with a login portlet": article_page(
        "Tổ công nghệ số cộng đồng", VNEID_ARTICLE, LOGIN_PORTLET
    ),
    "title starting with 404": article_page(
        "404 hộ dân được hỗ trợ xây nhà đại đoàn kết", LONG_404_ARTICLE[2:]
    ),
    "short notice about logging in, login portlet beside it": article_page(
        "Thông báo", SHORT_NOTICE, LOGIN_PORTLET
    ),
    "short article: không tìm thấy trang phục": article_page("Lớp dạy thêu ở Khe Mạ", COSTUME_ARTICLE),
    "server-rendered app the extractor missed": (
        '<html><head><title>Dân vận khéo ở Tân Lập</title></head><body><div id="__next"><main>'
        + article_main("Dân vận khéo ở Tân Lập", VNEID_ARTICLE)
        + '</main></div><script src="/_next/static/chunks/main.js"></script></body></html>',
        [],
        "Dân vận khéo ở Tân Lập",
    ),
    "listing page (no article text)": (
        portal("Tin tức - Sự kiện", LATEST + LATEST),
        [],
        None,
    ),
}


@pytest.mark.parametrize("case", list(SHELLS))
def test_shells_are_recognised(case):
    html, text, title, expected = SHELLS[case]
    assert classify_shell(html, text, title) == expected


@pytest.mark.parametrize("case", list(ARTICLES))
def test_articles_are_not_shells(case):
    html, paragraphs, title = ARTICLES[case]
    assert classify_shell(html, "\n\n".join(paragraphs), title) is None


def test_a_parsed_tree_can_be_passed_in():
    from crawler.extraction import dom

    html, text, title, expected = SHELLS["login wall with a form"]
    assert classify_shell(html, text, title, root=dom.parse_html(html)) == expected


def test_gold_pages_agree():
    # the hand-annotated gold pages: shells as annotated, every article and listing not a shell
    pages = sorted(GOLD.glob("*/*.json"))
    if not pages:
        pytest.skip("no gold pages")
    for path in pages:
        gold = json.loads(path.read_text(encoding="utf-8"))
        html = decode_html(path.with_suffix(".html").read_bytes())
        text = "\n\n".join(gold.get("body") or []) if gold["kind"] == "article" else ""
        assert classify_shell(html, text, gold.get("title")) == gold.get("shell"), path.name
