"""Rules added after the blind held-out set: NukeViet scope, ACMS lead, tuyengiaodanvan shapes."""

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
