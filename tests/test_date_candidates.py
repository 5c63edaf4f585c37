"""Date candidates with provenance and the rules that choose one (docs/dates.md), on small pages."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from crawler.dates import PUBLISHED, UPDATED, DateCandidate, choose_date
from crawler.extraction import extract_article
from crawler.extraction.base import PortalPage

FETCHED = datetime(2024, 7, 20, 3, 0, tzinfo=timezone.utc)
"""10:00 local on Saturday 20/7/2024."""
PORTAL = "https://xa.example.gov.vn/tin-tuc/hoi-nghi-dan-van-1234.html"


class Page(PortalPage):
    """A platform with a date element, a body and a byline element, for these tests only."""

    platform = "test-portal"
    TITLE = ("h1.title",)
    DATE = (".detail .date",)
    BODY = (".detail .content",)
    BYLINE = (".detail .author",)


def page_html(date: str = "", head: str = "", body: str = "", author: str = "", furniture: str = "") -> str:
    """An article page; every part can be left out."""
    date_el = f'<div class="date">{date}</div>' if date else ""
    author_el = f'<div class="author">{author}</div>' if author else ""
    paragraphs = body or "<p>Ban Dân vận huyện tổ chức hội nghị triển khai nhiệm vụ quý III.</p>"
    return (
        f"<html><head><title>Hội nghị</title>{head}</head><body>{furniture}"
        f'<div class="detail"><h1 class="title">Hội nghị dân vận</h1>{date_el}'
        f'<div class="content">{paragraphs}</div>{author_el}</div></body></html>'
    )


def read(html: str, url: str = PORTAL, listing_date: str | None = None, page=Page):
    """The article a page object reads."""
    return page(url, html, FETCHED).article(listing_date)


def picked(article) -> tuple[str | None, str | None]:
    """(published, published_source)."""
    return article.published, article.published_source


META_PUBLISHED = '<meta property="article:published_time" content="2024-07-11T07:00:00+07:00">'
META_MODIFIED = '<meta property="article:modified_time" content="2024-07-15T16:00:00+07:00">'
JSON_LD = (
    '<script type="application/ld+json">{"@type": "NewsArticle", '
    '"datePublished": "2024-07-12T08:00:00+07:00", "dateModified": "2024-07-16"}</script>'
)
BYLINE_DATED = "<p>Nội dung chính của bài.</p><p><strong>Tin, ảnh: K.L - 13/7/2024</strong></p>"


# --- the order of sources -------------------------------------------------------------------------


def test_shown_date_beats_meta_beats_json_ld_beats_byline():
    every = page_html("10/07/2024 09:15", META_PUBLISHED + JSON_LD, BYLINE_DATED)
    assert picked(read(every)) == ("2024-07-10T09:15:00+07:00", "selector")
    assert picked(read(page_html("", META_PUBLISHED + JSON_LD, BYLINE_DATED))) == (
        "2024-07-11T07:00:00+07:00", "meta")
    assert picked(read(page_html("", JSON_LD, BYLINE_DATED))) == ("2024-07-12T08:00:00+07:00", "json-ld")
    assert picked(read(page_html("", "", BYLINE_DATED))) == ("2024-07-13", "byline")


def test_every_candidate_is_recorded_with_its_source_and_words():
    article = read(page_html("10/07/2024 09:15", META_PUBLISHED + META_MODIFIED + JSON_LD, BYLINE_DATED),
                   url="https://xa.example.gov.vn/2024/07/10/hoi-nghi.html", listing_date="2024-07-10")
    assert article.date_candidates == [
        {"value": "2024-07-10T09:15:00+07:00", "source": "selector", "raw": "10/07/2024 09:15"},
        {"value": "2024-07-11T07:00:00+07:00", "source": "meta",
         "raw": "article:published_time=2024-07-11T07:00:00+07:00"},
        {"value": "2024-07-15T16:00:00+07:00", "source": "meta",
         "raw": "article:modified_time=2024-07-15T16:00:00+07:00"},
        {"value": "2024-07-12T08:00:00+07:00", "source": "json-ld",
         "raw": "datePublished=2024-07-12T08:00:00+07:00"},
        {"value": "2024-07-16", "source": "json-ld", "raw": "dateModified=2024-07-16"},
        {"value": "2024-07-13", "source": "byline", "raw": "13/7/2024"},
        {"value": "2024-07-10", "source": "listing", "raw": "2024-07-10"},
        {"value": "2024-07-10", "source": "url", "raw": "/2024/07/10"},
    ]
    assert (article.author, article.published_source) == ("K.L", "selector")


def test_a_machine_time_of_the_same_day_completes_a_shown_date():
    same_day = read(page_html("11/07/2024", META_PUBLISHED))
    assert picked(same_day) == ("2024-07-11T07:00:00+07:00", "meta")
    other_day = read(page_html("10/07/2024", META_PUBLISHED))
    assert picked(other_day) == ("2024-07-10", "selector")


# --- update and publication dates -----------------------------------------------------------------


def test_update_date_loses_to_a_publication_date():
    both = read(page_html("Ngày đăng: 09/07/2024 | Cập nhật: 12/07/2024 10:00"))
    assert picked(both) == ("2024-07-09", "selector")
    shown_update_meta_published = read(page_html("Cập nhật: 12/07/2024 10:00", META_PUBLISHED))
    assert picked(shown_update_meta_published) == ("2024-07-11T07:00:00+07:00", "meta")


def test_an_update_date_alone_is_the_publication_date():
    article = read(page_html("Ngày cập nhật\u00a009/07/2024"), listing_date="2024-07-08")
    assert picked(article) == ("2024-07-09", "selector")
    assert article.date_candidates[0] == {
        "value": "2024-07-09", "source": "selector", "raw": "Ngày cập nhật 09/07/2024"}


def test_machine_modification_times_are_recorded_but_never_chosen():
    article = read(page_html("", META_MODIFIED), listing_date="2024-07-08T08:00:00+07:00")
    assert picked(article) == ("2024-07-08T08:00:00+07:00", "listing")
    assert {c["source"] for c in article.date_candidates} == {"meta", "listing"}
    assert picked(read(page_html("", META_MODIFIED))) == (None, None)


# --- listing and URL ------------------------------------------------------------------------------


def test_listing_date_only_when_the_page_shows_none():
    assert picked(read(page_html("10/07/2024"), listing_date="2024-07-09")) == ("2024-07-10", "selector")
    assert picked(read(page_html(), listing_date="2024-07-09")) == ("2024-07-09", "listing")


def test_url_date_is_the_last_resort():
    url = "https://xa.example.gov.vn/2024/07/05/hoi-nghi.html"
    assert picked(read(page_html(), url=url, listing_date="2024-07-06")) == ("2024-07-06", "listing")
    assert picked(read(page_html(), url=url)) == ("2024-07-05", "url")
    assert picked(read(page_html("10/07/2024"), url=url)) == ("2024-07-10", "selector")


def test_month_only_urls_and_file_name_stamps_are_no_candidates():
    for url in ("https://x.example.vn/thoi-su/202407/hoi-nghi-1a2b3c4/",
                "https://x.example.vn/files/hoi-nghi_20240713175012.html"):
        assert read(page_html(), url=url).date_candidates == []


def test_a_page_without_a_date_has_none_never_the_fetch_time():
    article = read(page_html())
    assert (article.published, article.published_source, article.date_candidates) == (None, None, [])


# --- dates without a year -------------------------------------------------------------------------


@pytest.mark.parametrize("url, listing_date, expected", [
    (PORTAL, "2024-07-08T15:00:00+07:00", "2024-07-08"),           # the listing's year
    ("https://x.example.vn/thoi-su/202307/tin-1a2b3c4/", None, "2023-07-08"),  # the URL's month
    (PORTAL, None, "2024-07-08"),                                   # the fetch day (20/7/2024)
])
def test_yearless_shown_date_takes_its_year_from_listing_url_or_fetch_day(url, listing_date, expected):
    article = read(page_html("Thứ Hai, 8/7"), url=url, listing_date=listing_date)
    assert picked(article) == (expected, "selector")


def test_yearless_date_after_the_reference_goes_back_a_year():
    article = read(page_html("(25.7)"))  # fetched on 20/7/2024: 25/7 is still to come
    assert picked(article) == ("2023-07-25", "selector")


# --- traps on generic pages -----------------------------------------------------------------------

GENERIC_BODY = (
    "<p>Sáng 8/7, Ban Dân vận Huyện ủy tổ chức hội nghị sơ kết công tác dân vận sáu tháng đầu năm "
    "và triển khai nhiệm vụ những tháng cuối năm 2024 với sự tham dự của đại diện các xã.</p>"
    "<p>Hội nghị đánh giá các mô hình dân vận khéo đã phát huy hiệu quả ở cơ sở, góp phần giữ vững "
    "an ninh trật tự và phát triển kinh tế - xã hội trên địa bàn huyện trong thời gian qua.</p>"
)


def generic_page(article_extra: str = "", furniture: str = "", head: str = "") -> str:
    """An unknown layout: header, an article, and whatever furniture the test adds."""
    return (
        f"<html><head><title>Hội nghị sơ kết</title>{head}</head><body>"
        '<div id="header"><div class="top-date">Thứ Bảy, 20/7/2024</div></div>'
        f"<div class='main'><h1>Hội nghị sơ kết công tác dân vận</h1>{article_extra}"
        f"<div class='entry'>{GENERIC_BODY}</div></div>{furniture}</body></html>"
    )


def read_generic(html: str, url: str = "https://unknown.example.vn/tin/hoi-nghi-so-ket.html", **kw):
    """The generic reading of a page."""
    return extract_article(url, html, FETCHED, platform="generic", **kw)


def test_generic_page_header_today_widget_is_not_the_date():
    assert picked(read_generic(generic_page())) == (None, None)


def test_generic_related_list_dates_are_not_the_date():
    related = (
        "<div class='tin-lien-quan'><h3>Tin liên quan</h3><ul>"
        "<li><a href='/a'>Hội nghị một</a> <time datetime='2024-07-18'>18/07/2024</time></li>"
        "<li><a href='/b'>Hội nghị hai</a> <span class='date'>(17/07/2024)</span></li></ul></div>"
    )
    assert picked(read_generic(generic_page(furniture=related))) == (None, None)


def test_generic_fetch_time_in_scripts_and_hidden_inputs_is_not_the_date():
    stamps = (
        "<input type='hidden' name='__REQUESTDIGEST' value='0x1A2B,20 Jul 2024 02:59:41 -0000'>"
        "<input type='hidden' id='now' value='20/07/2024 09:59:41'>"
        "<script>var serverTime = new Date('2024-07-20T02:59:41Z');</script>"
    )
    assert picked(read_generic(generic_page(furniture=stamps))) == (None, None)


def test_generic_image_file_name_stamps_are_not_the_date():
    images = (
        "<img src='/uploads/2024/07/hoi-nghi_20240713175012.jpg' alt='Hội nghị'>"
        "<a href='/files/bao-cao-20240714.pdf'>Báo cáo</a>"
    )
    article = read_generic(generic_page(article_extra=images),
                           url="https://unknown.example.vn/thoi-su/202407/hoi-nghi-1a2b3c4/")
    assert picked(article) == (None, None)


def test_generic_page_uses_the_same_rules():
    dated = generic_page(article_extra="<div class='meta'>Cập nhật: 12/07/2024 10:00</div>",
                         head=META_PUBLISHED)
    assert picked(read_generic(dated)) == ("2024-07-11T07:00:00+07:00", "meta")
    shown = generic_page(article_extra="<div class='meta'>Ngày đăng: 10/07/2024 08:30</div>",
                         head=META_PUBLISHED)
    assert picked(read_generic(shown)) == ("2024-07-10T08:30:00+07:00", "selector")
    yearless = generic_page(article_extra="<div class='meta'>Thứ Hai, 8/7</div>")
    assert picked(read_generic(yearless)) == ("2024-07-08", "selector")
    assert picked(read_generic(generic_page(), listing_date="2024-07-08")) == ("2024-07-08", "listing")


# --- lede marks and sources on pages --------------------------------------------------------------

LEDE = "<p>(GLO)- Sáng 8/7, Ban Dân vận Tỉnh ủy Gia Lai tổ chức hội nghị giao ban.</p><p>Nội dung.</p>"


def test_lede_mark_names_the_source_of_a_copy():
    copy = read(page_html(body=LEDE))
    assert (copy.lede_mark, copy.source) == ("GLO", "baogialai.com.vn")
    assert copy.text.startswith("(GLO)- Sáng 8/7")


def test_lede_mark_on_the_outlets_own_site_names_no_source():
    own = read(page_html(body=LEDE), url="https://baogialai.com.vn/hoi-nghi-giao-ban-post1.html")
    assert (own.lede_mark, own.source) == ("GLO", None)


def test_a_source_line_beats_the_lede_mark_and_the_mark_leaves_the_title():
    html = page_html(body=LEDE + "<p>(Theo TTXVN)</p>").replace(
        '<h1 class="title">', '<h1 class="title">(GLO)- ')
    article = read(html)
    assert (article.lede_mark, article.source, article.title) == ("GLO", "TTXVN", "Hội nghị dân vận")


def test_theo_credit_byline_gives_author_and_source():
    article = read(page_html(author="Theo Phương Lan (Báo Nhân Dân)"))
    assert (article.author, article.author_org, article.source) == ("Phương Lan", None, "Báo Nhân Dân")


# --- the rules on bare candidates -----------------------------------------------------------------


def test_choose_date_rules():
    c = DateCandidate
    assert choose_date([]) is None
    assert choose_date([c("2024-07-01", "url", "/2024/07/01"), c("2024-07-02", "listing", "x")]).source == "listing"
    updated = c("2024-07-03", "selector", "Cập nhật 03/07/2024", UPDATED)
    assert choose_date([c("2024-07-02", "listing", "x"), updated]) is updated
    assert choose_date([updated, c("2024-07-01", "byline", "1/7/2024", PUBLISHED)]).source == "byline"
    machine = c("2024-07-04", "meta", "article:modified_time=…", UPDATED)
    assert choose_date([machine]) is None


def test_older_date_finders_still_work():
    class Legacy(Page):
        def date_finders(self):
            return [(lambda: "2024-07-01T06:00:00+07:00", "meta")] + super().date_finders()

    article = read(page_html(), page=Legacy)
    assert picked(article) == ("2024-07-01T06:00:00+07:00", "meta")


# --- machine dates on generic pages ---------------------------------------------------------------


def test_generic_machine_dates_update_first_then_publication():
    meta_line = (
        "<div class='entry-meta'><time class='updated' datetime='2024-07-15T10:00:00+07:00' "
        "itemprop='dateModified'>15/07/2024</time> <time class='entry-date published' "
        "datetime='2024-07-09T08:30:00+07:00' itemprop='datePublished'>09/07/2024</time></div>"
    )
    article = read_generic(generic_page(article_extra=meta_line))
    assert picked(article) == ("2024-07-09T08:30:00+07:00", "selector")
    assert article.date_candidates[0]["raw"] == "2024-07-15T10:00:00+07:00"  # recorded, not chosen


@pytest.mark.parametrize("markup", [
    "<abbr class='published' itemprop='datePublished' title='2024-07-09T08:30:00+07:00'>08:30</abbr>",
    "<span property='dc:date dc:created' content='2024-07-09T08:30:00+07:00'>Thứ Ba, 09/07/2024 - 08:30</span>",
])
def test_generic_reads_blogger_abbr_and_drupal_rdfa(markup):
    footer = f"<div class='post-footer'>{markup}</div>"
    article = read_generic(generic_page(article_extra=footer))
    assert picked(article) == ("2024-07-09T08:30:00+07:00", "selector")


def test_generic_date_line_under_a_bold_title_in_a_table_layout():
    html = (
        "<html><head><title>UBND huyện - Tin tức</title></head><body><table><tr><td>"
        "<a href='/'>Trang chủ</a></td><td>"
        "<p align='center'><b>Hội nghị sơ kết công tác dân vận sáu tháng đầu năm</b></p>"
        "<p align='right'><i>Đăng ngày: 12/07/2024</i></p>"
        f"{GENERIC_BODY}<p align='right'><b>Ban Dân vận Huyện ủy</b></p>"
        "<p>Các tin khác:</p><ul><li><a href='/x'>Tập huấn dân vận</a> (10/07/2024)</li></ul>"
        "</td></tr></table><p>Trang này được sửa lần cuối: 18/07/2024</p></body></html>"
    )
    article = read_generic(html)
    assert picked(article) == ("2024-07-12", "selector")
    assert article.title == "Hội nghị sơ kết công tác dân vận sáu tháng đầu năm"
    assert (article.author, article.author_org) == (None, "Ban Dân vận Huyện ủy")
    assert article.text.startswith("Sáng 8/7") and "Các tin khác" not in article.text
