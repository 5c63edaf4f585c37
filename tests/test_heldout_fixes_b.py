"""Rules added after the blind held-out set: NukeViet scope, ACMS lead, tuyengiaodanvan shapes."""

import json
from datetime import datetime, timezone

from crawler.extraction import extract_article

FETCHED = datetime(2026, 11, 1, 2, 0, tzinfo=timezone.utc)
PROSE = (
    "Ban Dân vận Huyện ủy tổ chức hội nghị sơ kết công tác dân vận, đánh giá kết quả thực hiện "
    "phong trào thi đua và triển khai nhiệm vụ trong thời gian tới."
)

# --- NukeViet: every field is read in the article's scope --------------------------------------

NUKEVIET_URL = "https://abc.dcs.vn/news/dan-van/hoi-nghi-so-ket-123.html"


def nukeviet_page(info: str, lead: str = "Sáng 5/4, Ban Dân vận tổ chức hội nghị.", fields: str = "") -> str:
    """A NukeViet detail page of an unknown theme, with a today widget of the same form."""
    return f"""<html><head><meta name="generator" content="NukeViet v4.5">
    <meta property="article:published_time" content="2024-04-08ICT10:15:00"></head><body>
    <div class="top"><span class="current-time">Chủ nhật - 01/11/2026 09:00</span></div>
    <div class="col"><div class="box-detail">
      <h1 class="title-detail">Hội nghị sơ kết công tác dân vận</h1>
      <div class="info">{info}</div>
      <div class="hometext">{lead}</div>
      <div id="news-bodyhtml" class="bodytext"><p>{PROSE}</p><p>Ngày 14/11/2024 đoàn làm việc.</p></div>
      <div class="author-source">{fields}</div>
      <ul class="other"><li><a href="/news/x-1.html">Tin khác</a> <span class="time">27/12/2024 08:30</span></li></ul>
    </div></div></body></html>"""


def nukeviet(info: str, **kwargs):
    """The article read from a NukeViet page."""
    return extract_article(NUKEVIET_URL, nukeviet_page(info, **kwargs), FETCHED)


def test_nukeviet_date_is_read_in_the_article_scope_not_in_the_header():
    article = nukeviet('<span class="h-date">Thứ hai - 08/04/2024 10:15</span>')
    assert article.published == "2024-04-08T10:15:00+07:00"
    assert article.published_source == "selector"


def test_nukeviet_glued_view_count_and_sa_ch_times():
    glued = nukeviet('<span class="h-date">09/10/2022 22:58</span><span class="view">4120</span>')
    assert glued.published == "2022-10-09T22:58:00+07:00"
    afternoon = nukeviet('<span class="h-date">15/11/2024 03:42:10 CH</span>')
    assert afternoon.published == "2024-11-15T15:42:10+07:00"


def test_nukeviet_publication_label_beats_the_update_date_in_one_line():
    info = ('<span class="post-date">Ngày đăng: 12/12/2024 16:05</span> | '
            '<span class="update-date">Cập nhật: 14/12/2024 09:20</span> | <span class="hits">1.027</span>')
    assert nukeviet(info).published == "2024-12-12T16:05:00+07:00"


def test_nukeviet_php_zone_meta_is_read_when_the_page_shows_no_date():
    article = nukeviet("")
    assert article.published == "2024-04-08T10:15:00+07:00"
    assert article.published_source == "meta"


def test_nukeviet_lead_title_and_labelled_fields():
    fields = ('<p class="text-right"><strong>Tác giả bài viết: </strong>Trần Minh Tâm (Ban Dân vận Huyện ủy)</p>'
              '<p class="text-right"><strong>Nguồn tin: </strong>Báo Nhân Dân</p>')
    article = nukeviet('<span class="h-date">08/04/2024</span>', fields=fields)
    assert article.title == "Hội nghị sơ kết công tác dân vận"
    assert article.text.startswith("Sáng 5/4, Ban Dân vận tổ chức hội nghị.")
    assert (article.author, article.author_org) == ("Trần Minh Tâm", "Ban Dân vận Huyện ủy")
    assert article.source == "Báo Nhân Dân"
    assert "Tác giả" not in article.text and "Nguồn tin" not in article.text


def test_nukeviet_lede_mark_of_a_copy_names_the_outlet():
    article = nukeviet('<span class="h-date">08/04/2024</span>', lead="(GLO)- Thời gian qua, huyện đã làm tốt.")
    assert article.lede_mark == "GLO"
    assert article.source == "baogialai.com.vn"
    assert article.title == "Hội nghị sơ kết công tác dân vận"


# --- ACMS ("-a<id>.html" papers): the lead by its class word, in the article scope ---------------

ACMS_URL = "https://baoxyz.vn/hoi-nghi-so-ket-a123456.html"


def acms_page(lead: str, body_start: str = "") -> str:
    """An ACMS article whose lead sits between the date line and a related box, before the body."""
    return f"""<html><body><div class="top">Chủ nhật, 01/11/2026</div>
    <div id="newscontents"><h1 class="title">Hội nghị sơ kết công tác dân vận</h1>
      <div class="date-share"><span class="pubdate">14/01/2026 - 16:47</span></div>
      {lead}
      <div class="related-top"><ul><li><a href="/khac-a1.html">Tin liên quan khác</a></li></ul></div>
      <div class="content-fck">{body_start}<p>{PROSE}</p>
        <div class="image-news"><img src="/a.jpg"><div class="note-image">Quang cảnh hội nghị</div></div>
        <p style="text-align: right;"><strong>Tin, ảnh: P.Y</strong></p></div>
    </div></body></html>"""


def acms(lead: str, **kwargs):
    """The article read from an ACMS page."""
    return extract_article(ACMS_URL, acms_page(lead, **kwargs), FETCHED)


def test_acms_lead_is_read_whatever_its_class_word():
    for lead in ('<div class="summary">(CT) - Chiều 14-1, hội nghị diễn ra.</div>',
                 '<h2 class="newsdetail__sapo">(CT) - Chiều 14-1, hội nghị diễn ra.</h2>'):
        article = acms(lead)
        assert article.text.split("\n\n")[0] == "(CT) - Chiều 14-1, hội nghị diễn ra."
        assert article.lede_mark == "CT" and article.source is None  # an unknown mark names no outlet
        assert article.title == "Hội nghị sơ kết công tác dân vận"
        assert "Tin liên quan khác" not in article.text
        assert article.published == "2026-01-14T16:47:00+07:00"


def test_acms_lead_repeated_as_the_first_body_paragraph_is_read_once():
    lead = '<div class="sapo">Chiều 14-1, hội nghị diễn ra.</div>'
    article = acms(lead, body_start="<p>Chiều 14-1, hội nghị diễn ra.</p>")
    assert article.text.count("Chiều 14-1") == 1


def test_acms_note_under_an_image_is_a_caption_and_the_bold_lead_stays_text():
    article = acms("", body_start="<p><strong>(BDO) - Sáng nay (01.8), hội nghị diễn ra.</strong></p>")
    assert article.captions == ["Quang cảnh hội nghị"]
    assert "Quang cảnh" not in article.text
    assert article.lede_mark == "BDO" and article.source == "baobinhduong.vn"
    assert article.author == "P.Y"


# --- tuyengiaodanvan.vn: the article found by its shape in any embedded data ------------------

TGDV_URL = "https://tuyengiaodanvan.vn/vn/hoi-nghi-so-ket-dan-van-68749b2e1f0a3c5d7e9b2a11"
TGDV_SHELL = """<html><head><title>Hội nghị sơ kết | Ban Tuyên giáo và Dân vận Trung ương</title></head>
<body><header><span class="today-date">Chủ Nhật, 01/11/2026</span></header>
<main><div class="post-detail-placeholder"><span class="MuiSkeleton-root"></span></div></main>{script}</body></html>"""
CONTENT = f"<p>{PROSE}</p><figure><img src='a.jpg'><figcaption>Quang cảnh hội nghị.</figcaption></figure>"


def tgdv(page_props: dict | None = None, flight: str | None = None):
    """The article read from a page whose data is __NEXT_DATA__ or flight rows."""
    if page_props is not None:
        data = json.dumps({"props": {"pageProps": page_props}, "page": "/vn/[slug]"})
        script = f'<script id="__NEXT_DATA__" type="application/json">{data}</script>'
    else:
        script = f"<script>self.__next_f.push([1,{json.dumps(flight)}])</script>"
    return extract_article(TGDV_URL, TGDV_SHELL.format(script=script), FETCHED)


def test_tgdv_vietnamese_field_names_deep_in_page_props():
    data = {"maBaiViet": "68749b2e1f0a3c5d7e9b2a11", "tieuDe": "Hội nghị sơ kết", "moTa": "Sáng 11/7, hội nghị.",
            "noiDung": CONTENT, "ngayTao": "2025-06-30T16:40:00.000Z", "ngayXuatBan": "2025-06-30T23:10:00.000Z",
            "tacGia": "Lan Phương – Đức Tuấn", "nguonTin": "Báo Nhân Dân"}
    article = tgdv({"initialState": {"blogDetail": {"data": data}, "layout": {"today": "2026-11-01T02:00:00Z"}}})
    assert article.title == "Hội nghị sơ kết"
    assert article.published == "2025-07-01T06:10:00+07:00"  # UTC on 30/06 is 1 July here
    assert article.text.split("\n\n")[0] == "Sáng 11/7, hội nghị."
    assert (article.author, article.source) == ("Lan Phương – Đức Tuấn", "Báo Nhân Dân")
    assert article.captions == ["Quang cảnh hội nghị."]
    assert article.shell is None


def test_tgdv_data_post_shape_with_decoys():
    post = {"id": 48213, "name": "Hội nghị sơ kết", "shortDescription": "Sáng 11/7, hội nghị.",
            "contentHtml": CONTENT + "<p>(dangcongsan.vn)</p>", "publishDate": "2025-11-16T18:45:00Z",
            "createdDate": "2025-11-14T09:20:00Z", "modifiedDate": "2025-11-17T02:05:19Z",
            "authorName": "", "sourceName": "", "createdBy": "bientap03"}
    related = [{"id": 1, "name": "Tin khác", "publishDate": "2025-11-18T01:00:00Z"}]
    article = tgdv({"data": {"post": post, "relatedPosts": related}, "menus": [{"name": "Dân vận"}]})
    assert article.title == "Hội nghị sơ kết"
    assert article.published == "2025-11-17T01:45:00+07:00"
    assert article.author is None and article.source == "dangcongsan.vn"


def test_tgdv_related_article_with_content_does_not_win_over_the_url_article():
    other = {"title": "Tin khác", "slug": "tin-khac-111111111111", "content": "<p>Nội dung khác.</p>"}
    own = {"title": "Hội nghị sơ kết", "slug": "hoi-nghi-so-ket-dan-van-68749b2e1f0a3c5d7e9b2a11",
           "content": CONTENT, "publishedAt": "2025-07-14T08:20:00.000Z"}
    article = tgdv({"related": [other], "detail": {"item": own}})
    assert article.title == "Hội nghị sơ kết"


def test_tgdv_app_router_flight_rows():
    blog = {"id": "68749b2e1f0a3c5d7e9b2a11", "headline": "Hội nghị sơ kết", "sapo": "Sáng 11/7, hội nghị.",
            "body": "$7", "publishedDate": "$D2025-07-14T08:20:00.000Z", "modifiedDate": "2025-07-15T01:00:00Z",
            "byline": "Trần Hoài (Ban Tuyên giáo và Dân vận Tỉnh ủy Nghệ An)"}
    body = CONTENT.encode()
    flight = (f'4:I[8731,[],"BlogDetail"]\n6:["$","$L4",null,{json.dumps({"blog": blog})}]\n'
              f"7:T{len(body):x},{CONTENT}")
    article = tgdv(flight=flight)
    assert article.title == "Hội nghị sơ kết"
    assert article.published == "2025-07-14T15:20:00+07:00"
    assert (article.author, article.author_org) == ("Trần Hoài", "Ban Tuyên giáo và Dân vận Tỉnh ủy Nghệ An")
    assert PROSE in article.text and article.text.startswith("Sáng 11/7")


def test_tgdv_page_without_article_data_is_a_shell():
    article = tgdv({"seo": {"title": "Ban Tuyên giáo và Dân vận Trung ương", "description": "Trang chủ"}})
    assert article.shell == "javascript-only" and article.published is None


# --- generic pages: the shared caption rule ------------------------------------------------------


def test_generic_caption_row_of_a_layout_table_styled_by_its_class_only():
    paragraphs = "".join(f"<p>{PROSE} Đoạn {n}.</p>" for n in range(4))
    html = f"""<html><body><table><tr><td class="menu">Trang chủ</td><td>
      <div class="tieude">Hội Nông dân phát huy vai trò trong công tác dân vận</div>
      <div class="noidung"><p><b>{PROSE}</b></p>
        <table><tr><td><img src="a.jpg"></td></tr><tr><td class="ct">Hội viên trồng rau an toàn.</td></tr></table>
        {paragraphs}<p class="nguon">Nguồn: Báo Nhân Dân</p></div></td></tr></table></body></html>"""
    article = extract_article("http://hoinongdan.example.vn/tin/a.htm", html, FETCHED, platform="generic")
    assert article.captions == ["Hội viên trồng rau an toàn."]
    assert "trồng rau an toàn" not in article.text
    assert article.source == "Báo Nhân Dân"


def generic_page(head: str) -> str:
    """An unknown layout: title, a head part (date line, lead), then the body in its own box."""
    paragraphs = "".join(f"<p>{PROSE} Đoạn {n}.</p>" for n in range(4))
    return f"""<html><body><div class="wrap"><h2 class="ttl">Hội nghị sơ kết công tác dân vận 6 tháng</h2>
      {head}<div class="noi-dung">{paragraphs}</div></div></body></html>"""


def test_generic_lead_set_apart_between_title_and_body_is_text():
    lead = "Sáng 11/7, Ban Dân vận Huyện ủy tổ chức hội nghị sơ kết công tác dân vận 6 tháng đầu năm 2025."
    article = extract_article("http://x.example.vn/a.html", generic_page(f'<div class="sapo"><b>{lead}</b></div>'),
                              FETCHED, platform="generic")
    assert article.title == "Hội nghị sơ kết công tác dân vận 6 tháng"  # the bold lead is not the title
    assert article.text.split("\n\n")[0] == lead


def test_generic_date_line_boxed_with_the_share_bar_is_read():
    head = '<div class="date-share"><span>15/05/2024 - 09:12</span> <a href="#">Chia sẻ</a></div>'
    article = extract_article("http://x.example.vn/a.html", generic_page(head), FETCHED, platform="generic")
    assert article.published == "2024-05-15T09:12:00+07:00"
    assert "Chia sẻ" not in article.text


def test_acms_date_line_whose_class_names_no_date():
    html = acms_page('<div class="sapo">Chiều 14-1, hội nghị diễn ra.</div>').replace(
        '<div class="date-share"><span class="pubdate">14/01/2026 - 16:47</span>',
        '<div class="meta-bar"><span class="updated">Cập nhật: 15/01/2026 - 08:00</span>'
        ' <span class="x">14/01/2026 - 16:47</span>')
    article = extract_article(ACMS_URL, html, FETCHED)
    assert article.published == "2026-01-14T16:47:00+07:00"


def test_tgdv_rendered_bem_markup_without_embedded_data():
    html = f"""<html><body><div id="__next"><header><span class="today-date">Chủ Nhật, 01/11/2026</span></header>
      <main><article class="blog-detail"><h1 class="blog-detail__title">Hội nghị sơ kết</h1>
        <div class="blog-detail__meta"><span class="order-2">Thứ Hai, 14/07/2025</span>
          <span class="order-3 updated">Cập nhật: Thứ Ba, 15/07/2025</span></div>
        <div class="blog-detail__summary font-bold">Sáng 11/7, hội nghị diễn ra.</div>
        <div class="blog-detail__content">{CONTENT}</div>
        <p class="blog-detail__author text-right">Trần Hoài (Ban Tuyên giáo và Dân vận Tỉnh ủy)</p>
        <p class="blog-detail__source">Nguồn: Báo Nhân Dân</p></article></main></div></body></html>"""
    article = extract_article(TGDV_URL, html, FETCHED)
    assert article.title == "Hội nghị sơ kết"
    assert article.text.startswith("Sáng 11/7, hội nghị diễn ra.") and PROSE in article.text
    assert article.published == "2025-07-14"
    assert (article.author, article.source) == ("Trần Hoài", "Báo Nhân Dân")
    assert "Nguồn" not in article.text


def test_nukeviet_signature_in_capitals_closes_the_body():
    html = nukeviet_page('<span class="h-date">08/04/2024</span>').replace(
        "<p>Ngày 14/11/2024 đoàn làm việc.</p>", "<p>Ngày 14/11/2024 đoàn làm việc.</p><p>PHƯƠNG DUYÊN</p>")
    article = extract_article(NUKEVIET_URL, html, FETCHED)
    assert article.author == "PHƯƠNG DUYÊN" and "PHƯƠNG DUYÊN" not in article.text


def test_tgdv_epoch_dates_account_authors_and_lede_marks():
    post = {"title": "(TTXVN) - Hội nghị sơ kết", "content": CONTENT, "publishedAt": 1752481200000,
            "createdAt": "2025-07-01T00:00:00Z", "author": "bientap03"}
    article = tgdv({"post": post})
    assert article.published == "2025-07-14T15:20:00+07:00"
    assert article.title == "Hội nghị sơ kết"
    assert article.author is None


def test_tgdv_page_title_picks_the_article_when_the_url_names_no_id():
    other = {"title": "Tin khác", "content": "<p>Nội dung khác.</p>"}
    own = {"title": "Hội nghị sơ kết", "content": CONTENT}
    data = json.dumps({"props": {"pageProps": {"related": [other], "detail": {"item": own}}}})
    html = TGDV_SHELL.format(script=f'<script id="__NEXT_DATA__" type="application/json">{data}</script>')
    article = extract_article("https://tuyengiaodanvan.vn/vn/hoi-nghi", html, FETCHED)
    assert article.title == "Hội nghị sơ kết"


def test_nukeviet_capitals_that_name_an_outlet_are_no_signature():
    html = nukeviet_page('<span class="h-date">08/04/2024</span>').replace(
        "<p>Ngày 14/11/2024 đoàn làm việc.</p>", "<p>Ngày 14/11/2024 đoàn làm việc.</p><p>TTXVN</p>")
    assert extract_article(NUKEVIET_URL, html, FETCHED).author is None
