"""Rules added after the blind held-out set: captions, the body's head and toolbars, bylines after the
body, hidden titles, date lines, Liferay's two ids and SharePoint detection (crawler.extraction.base)."""

from __future__ import annotations

from datetime import datetime, timezone

import lxml.html
import pytest

from crawler.extraction import dom, detect_platform, extract_article
from crawler.extraction.base import is_toolbar, photo_notes
from crawler.extraction.bylines import source_of, split_byline
from crawler.extraction.detect import score, specialisation
from crawler.extraction.liferay import LiferayPage
from crawler.extraction.quangngai_portal import QuangNgaiPortalPage

FETCHED = datetime(2026, 11, 1, 2, 0, tzinfo=timezone.utc)
PROSE = (
    "Ban Dân vận Huyện ủy tổ chức hội nghị sơ kết công tác dân vận, đánh giá kết quả thực hiện "
    "phong trào thi đua và triển khai nhiệm vụ trong thời gian tới."
)
PHOTO = '<p style="text-align:center"><img src="/documents/1/a.jpg" alt=""></p>'
URL_62 = "https://example.org/web/portal-x/xem-chi-tiet/-/asset_publisher/Content/hoi-nghi?123"


def liferay_62(content: str, date_line: str = '<div class="news-date">Ngày đăng: 25/04/2023</div>') -> str:
    """A Liferay 6.2 asset page (the sontinh/kontum markup) with ``content`` as the article."""
    return f"""<html><head><script>var Liferay = {{ThemeDisplay: {{}}}}; Liferay.Portlet.list = [];</script>
    </head><body><div class="date-today">Thứ Bảy, 31/10/2026</div>
    <div class="portlet-boundary" id="p_p_id_101_INSTANCE_Content_"><div class="portlet-body">
    <div class="asset-full-content default-asset-publisher show-asset-title">
      <h3 class="header-title"><span>Hội nghị sơ kết công tác dân vận</span></h3>
      {date_line}
      <div class="asset-content"><div class="journal-content-article">{content}</div></div>
    </div></div></div></body></html>"""


def read(content: str, **kwargs):
    """The article of a Liferay 6.2 page holding ``content``."""
    return extract_article(URL_62, liferay_62(content, **kwargs), FETCHED)


def fragment(html: str) -> lxml.html.HtmlElement:
    """A body container parsed from HTML."""
    return lxml.html.fragment_fromstring(html, create_parent="div")


# --- captions: markup, lines set under a photo, layout tables ------------------------------------

def test_centred_italic_line_under_a_photo_is_a_caption():
    caption = '<p style="text-align:center"><em>Quang cảnh hội nghị.</em></p>'
    article = read(f"<p>{PROSE}</p>{PHOTO}{caption}<p>{PROSE}</p>")
    assert article.captions == ["Quang cảnh hội nghị."]
    assert "Quang cảnh" not in article.text


def test_centred_italic_paragraph_that_follows_no_photo_is_text():
    quote = "“Dân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát, dân thụ hưởng”."
    article = read(f'<p>{PROSE}</p><p style="text-align:center"><em>{quote}</em></p><p>{PROSE}</p>')
    assert article.captions == []
    assert quote in article.text


def test_italic_line_after_an_empty_paragraph_under_a_photo_is_a_caption():
    article = read(f"<p>{PROSE}</p>{PHOTO}<p>&nbsp;</p><p><em>Đại biểu dự hội nghị.</em></p><p>{PROSE}</p>")
    assert article.captions == ["Đại biểu dự hội nghị."]


def test_plain_left_aligned_paragraph_under_a_photo_is_text():
    article = read(f"<p>{PROSE}</p>{PHOTO}<p>{PROSE}</p>")
    assert article.captions == [] and article.text.count("Ban Dân vận") == 2


@pytest.mark.parametrize("style", ['', ' class="img-desc"', ' style="background-color:#f2f2f2"'])
def test_layout_table_caption_is_the_row_under_the_photo_with_or_without_a_class(style):
    table = (
        '<table align="center"><tbody><tr><td><img src="/a.jpg"></td></tr>'
        f"<tr><td{style}><span>Đồng chí Trưởng Ban phát biểu.</span></td></tr></tbody></table>"
    )
    article = read(f"<p>{PROSE}</p>{table}<p>{PROSE}</p>")
    assert article.captions == ["Đồng chí Trưởng Ban phát biểu."]
    assert "Trưởng Ban phát biểu" not in article.text


def test_two_photos_side_by_side_take_the_captions_of_their_columns():
    body = fragment(
        '<table><tr><td><img src="/a.jpg"></td><td><img src="/b.jpg"></td></tr>'
        "<tr><td>Ảnh trái.</td><td>Ảnh phải.</td></tr></table>"
    )
    assert [el.text_content() for el in photo_notes(body, [])] == ["Ảnh trái.", "Ảnh phải."]


def test_caption_in_the_photo_paragraph_after_a_break():
    article = read(f'<p>{PROSE}</p><p style="text-align:center"><img src="/a.jpg"><br><em>Quang cảnh.</em></p>')
    assert article.captions == ["Quang cảnh."]


def test_figcaption_is_not_read_twice_and_an_italic_line_after_the_figure_stays_text():
    figure = (
        '<figure class="image"><img src="/a.jpg"><figcaption>Già làng vận động bà con.</figcaption></figure>'
    )
    article = read(f'<p>{PROSE}</p>{figure}<p><em>Ghi chép của phóng viên tại cơ sở.</em></p><p>{PROSE}</p>')
    assert article.captions == ["Già làng vận động bà con."]
    assert "Ghi chép của phóng viên" in article.text


def test_right_aligned_byline_and_source_line_under_the_last_photo_are_not_captions():
    article = read(
        f'<p>{PROSE}</p>{PHOTO}<p style="text-align:right"><em>Minh Tâm</em></p>'
    )
    assert article.captions == [] and article.author == "Minh Tâm"
    article = read(f"<p>{PROSE}</p>{PHOTO}<p><em>Theo baochinhphu.vn</em></p>")
    assert article.captions == [] and article.source == "baochinhphu.vn"


def test_long_italic_paragraph_under_a_photo_is_text():
    long_lead = " ".join([PROSE] * 3)
    article = read(f"{PHOTO}<p><em>{long_lead}</em></p><p>{PROSE}</p>")
    assert article.captions == [] and long_lead in article.text


# --- the body's head, toolbars and related lists ------------------------------------------------

def test_title_and_date_line_repeated_at_the_head_of_the_body_are_not_text():
    content = (
        '<h1 class="title">Hội nghị sơ kết công tác dân vận</h1>'
        '<div class="info"><span class="time">Thứ năm, ngày 13/06/2024</span> '
        '<a href="javascript:print()">In bài viết</a> Cỡ chữ: <a>A+</a> <a>A-</a></div>'
        f"<p>{PROSE}</p>"
    )
    article = read(content)
    assert article.text == PROSE


def test_a_short_line_naming_a_document_at_the_head_is_text():
    line = "Thực hiện Kế hoạch số 12/KH-UBND ngày 5/3/2024 của UBND huyện"
    assert line in read(f"<p>{line}</p><p>{PROSE}</p>").text


@pytest.mark.parametrize("line", ["In bài | Gửi email | Quay lại", "Lượt xem: 1.082", "Chia sẻ: Facebook Zalo"])
def test_toolbar_lines_are_not_text(line):
    assert is_toolbar(line)
    assert read(f"<p>{PROSE}</p><p>{line}</p>").text == PROSE


@pytest.mark.parametrize("line", ["In", "2024", "Ban Dân vận in tài liệu", "Quay lại trang chủ để xem"])
def test_words_that_are_text_are_no_toolbar(line):
    assert is_toolbar(line) == (line == "In")


def test_related_list_at_the_end_of_the_body_is_not_text():
    related = (
        '<p><strong>Tin liên quan:</strong></p><ul><li><a href="/a">Hội nghị tập huấn nghiệp vụ</a></li></ul>'
    )
    assert read(f"<p>{PROSE}</p>{related}").text == PROSE


def test_related_box_in_the_middle_of_the_body_leaves_the_text_after_it():
    box = (
        '<div class="box"><p>Tin liên quan</p><p><a href="/a">Hội nghị tập huấn nghiệp vụ</a></p>'
        '<p><a href="/b">Ra mắt mô hình dân vận khéo</a> (12/03/2024)</p></div>'
    )
    article = read(f"<p>{PROSE}</p>{box}<p>Kết thúc hội nghị, các đại biểu thống nhất kiến nghị.</p>")
    assert article.text == f"{PROSE}\n\nKết thúc hội nghị, các đại biểu thống nhất kiến nghị."


# --- bylines after the body ----------------------------------------------------------------------

def test_byline_in_an_author_box_after_the_body():
    page = liferay_62(f"<p>{PROSE}</p>").replace(
        "</div></div>\n    </div>",
        '</div></div><div class="tac-gia">Vũ Thị Hạnh (Ban Dân vận Huyện ủy)</div>\n    </div>'
    )
    article = extract_article(URL_62, page, FETCHED)
    assert (article.author, article.author_org) == ("Vũ Thị Hạnh", "Ban Dân vận Huyện ủy")


def test_author_box_with_labelled_author_and_source_lines():
    page = liferay_62(f"<p>{PROSE}</p>").replace(
        "</div></div>\n    </div>",
        '</div></div><div class="author-source"><p><strong>Tác giả bài viết: </strong>Thanh Sơn</p>'
        "<p><strong>Nguồn tin: </strong>Báo Nhân Dân</p></div>\n    </div>",
    )
    article = extract_article(URL_62, page, FETCHED)
    assert (article.author, article.source) == ("Thanh Sơn", "Báo Nhân Dân")


def test_a_box_after_the_body_not_named_for_the_author_gives_no_byline():
    page = liferay_62(f"<p>{PROSE}</p>").replace(
        "</div></div>\n    </div>", '</div></div><div class="x"><b>Hội nghị tập huấn</b></div>\n    </div>'
    )
    assert extract_article(URL_62, page, FETCHED).author is None


def test_byline_labels_and_source_labels():
    assert split_byline("Tác giả bài viết: Trần Minh Tâm").author == "Trần Minh Tâm"
    assert source_of("Nguồn tin: Báo Nhân Dân") == "Báo Nhân Dân"


# --- titles and dates ----------------------------------------------------------------------------

def test_screen_reader_heading_is_not_the_title():
    html = (
        '<html><body><nav class="quick-access-nav"><h1 class="hide-accessible">Điều hướng</h1></nav>'
        '<div class="lfr-layout-page" id="p_p_id_display_page_"><h1 class="article-title">Ra mắt mô hình</h1>'
        f'<div class="component-text">Ngày xuất bản: 05/09/2024 12:00 AM</div>'
        f'<div class="journal-content-article"><p>{PROSE}</p></div></div></body></html>'
    )
    page = LiferayPage("https://example.org/w/ra-mat-mo-hinh", html, FETCHED)
    article = page.article()
    assert article.title == "Ra mắt mô hình"
    assert article.published == "2024-09-05"


def test_the_banner_heading_with_the_site_name_is_not_the_title():
    html = (
        '<html><body><header id="banner"><h1 class="site-title">Sở Tư pháp tỉnh Quảng Ngãi</h1></header>'
        '<div class="ArticleHeader"><h1>Hội nghị đối thoại năm 2023</h1></div>'
        f'<div class="news-body"><p>{PROSE}</p></div></body></html>'
    )
    page = LiferayPage("https://example.org/a", html, FETCHED)
    assert page.title() == "Hội nghị đối thoại năm 2023"


def unknown_skin(head: str, url: str = "https://example.org/Pages/newsdetail.aspx?NewsId=1") -> str:
    """A SharePoint portal page whose title, date and lead boxes no selector names."""
    return f"""<html><head><title>Đồng Nai sơ kết phong trào “Dân vận khéo” - Cổng TTĐT</title></head><body>
    <div class="divTinBai">{head}<div class="divNoiDungTinBai"><p>{PROSE}</p></div></div>
    <div class="tin-khac"><a href="/x">Tin khác</a> <span class="date">(20/03/2024)</span></div>
    </body></html>"""


def test_the_heading_that_shows_the_page_title_anchors_the_date_line_and_the_lead():
    head = (
        '<div class="TieuDeBai">Đồng Nai sơ kết phong trào “Dân vận khéo”</div>'
        '<div class="NgayCapNhatBai">Ngày cập nhật: 15/03/2024</div>'
        '<div class="TomTatBai">Ngày 14/3, Ban Dân vận Tỉnh ủy tổ chức hội nghị sơ kết phong trào.</div>'
    )
    url = "https://example.org/Pages/newsdetail.aspx?NewsId=1"
    article = extract_article(url, unknown_skin(head), FETCHED, platform="sharepoint-portal")
    assert article.title == "Đồng Nai sơ kết phong trào “Dân vận khéo”"
    assert article.published == "2024-03-15"
    assert article.text.startswith("Ngày 14/3, Ban Dân vận")


def test_a_date_line_inside_the_body_container_is_read_when_it_is_a_template_box():
    content = (
        '<div class="art-title"><h1>Hội nghị đối thoại</h1></div>'
        '<div class="art-time">20/10/2023 2:35:10 CH</div>'
        f"<p>{PROSE}</p>"
    )
    html = f"<html><body><div id='art-content'>{content}</div></body></html>"
    page_url = "https://example.org/portal/Pages/x.aspx"
    article = extract_article(page_url, html, FETCHED, platform="sharepoint-portal")
    assert article.published == "2023-10-20T14:35:10+07:00"
    assert article.text == PROSE


def test_a_short_dated_paragraph_inside_the_body_is_no_date_line():
    content = f"<h1>Hội nghị đối thoại</h1><p>Sáng 8/7/2023</p><p>{PROSE}</p>"
    html = f"<html><body><div id='art-content'>{content}</div></body></html>"
    page_url = "https://example.org/portal/Pages/x.aspx"
    assert extract_article(page_url, html, FETCHED, platform="sharepoint-portal").published is None


@pytest.mark.parametrize("date_line, published", [
    ('<div class="meta"><span class="date-publish">17/03/2023 08:35</span><span>265</span></div>',
     "2023-03-17T08:35:00+07:00"),
    ('<div class="meta-article"><span class="ngay">17/03/2023</span><span class="luot-xem">265</span></div>',
     "2023-03-17"),
    ('<div class="news-date"><span>Ngày đăng: 25/04/2023</span> | '
     '<span>Cập nhật: 26/04/2023 09:12</span></div>',
     "2023-04-25"),
])
def test_date_line_under_the_title_with_a_view_count(date_line, published):
    assert read(f"<p>{PROSE}</p>", date_line=date_line).published == published


def test_a_related_list_inside_the_asset_lends_no_date():
    related = '<div class="tin-khac"><a href="/x">Tin khác</a> <span class="date">(05/05/2023)</span></div>'
    page = liferay_62(f"<p>{PROSE}</p>", date_line="").replace(
        '<div class="asset-content">', f'<div class="asset-content">{related}'
    )
    assert extract_article(URL_62, page, FETCHED).published is None


def test_spaced_text_keeps_a_view_count_apart():
    el = fragment('<span>17/03/2023</span><span>265</span>')
    assert dom.spaced_text(el) == "17/03/2023 265"


# --- platforms -----------------------------------------------------------------------------------

def test_liferay_and_quangngai_portal_read_an_article_the_same():
    html = liferay_62(f'<p>{PROSE}</p>{PHOTO}<p style="text-align:center"><em>Quang cảnh.</em></p>')
    one = LiferayPage(URL_62, html, FETCHED).article()
    other = QuangNgaiPortalPage(URL_62, html, FETCHED).article()
    for field in ("title", "published", "text", "captions", "author", "author_org", "source"):
        assert getattr(one, field) == getattr(other, field)


def test_a_liferay_62_page_outside_the_quangngai_theme_is_liferay():
    html = liferay_62(f"<p>{PROSE}</p>")
    for url in (URL_62, "https://kontum.gov.vn/web/portal-kt/xem-chi-tiet/-/asset_publisher/Content/a?1"):
        assert detect_platform(url, html) == "liferay"
    assert detect_platform("https://nghiahanh.quangngai.gov.vn/web/portal-nh/x", html) == "liferay"


def test_the_portal_qni_theme_is_quangngai_portal_on_any_host():
    html = liferay_62(f"<p>{PROSE}</p>").replace("<body>", '<body class="portal-qni">')
    assert detect_platform(URL_62, html) == "quangngai-portal"
    assert detect_platform("https://www.quangngai.gov.vn/web/portal-qni/x", html) == "quangngai-portal"


def test_a_tie_goes_to_the_general_family():
    assert specialisation(QuangNgaiPortalPage) == 1 and specialisation(LiferayPage) == 0
    html = '<div class="portlet-boundary"><div class="journal-content-article">x</div></div>'
    assert score(LiferayPage, "https://a.vn/x", html) == score(QuangNgaiPortalPage, "https://a.vn/x", html)
    assert detect_platform("https://a.vn/x", html) == "liferay"


def test_dong_nai_sharepoint_page_is_the_portal_family_not_quang_ninh():
    html = """<html><head><meta name="GENERATOR" content="Microsoft SharePoint"></head><body>
    <div class="news-detail-page"><div class="divTieuDeTinBai"><h1>Đối thoại với Nhân dân</h1></div>
    <div class="divNgayDang"><span class="ngaydang">12/06/2023 15:10</span></div>
    <div class="divNoiDungTinBai"><p>Nội dung.</p></div><div class="divTinKhac"></div></div></body></html>"""
    url = "https://xuanloc.dongnai.gov.vn/Pages/newsdetail.aspx?NewsId=48127&CatId=102"
    assert detect_platform(url, html) == "sharepoint-portal"
    article = extract_article(url, html, FETCHED)
    assert (article.title, article.published) == ("Đối thoại với Nhân dân", "2023-06-12T15:10:00+07:00")
