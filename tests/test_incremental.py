"""Incremental runs over the fixture portals on 127.0.0.1: what a daily cron run fetches and records.

One history of crawls into one archive: a first crawl; a second with nothing new; a third after
two articles appeared on one site (one on top of the listing, one inserted below the top); a
``--full`` walk; a ``--refresh`` after one article was edited, one removed (404) and one
redirected to the home page. The walk rule itself is unit-tested at the end.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from email.utils import format_datetime
from datetime import datetime, timezone

import pytest
import sqlite_utils

from crawler.incremental import WalkPolicy
from tests.fixture_web import ARTICLES, LISTING_URLS, REDIRECTS, START_URLS, FixtureProxy, FixtureResponse, Story
from tests.fixture_web import build_fixture_web
from tests.test_crawl import FAST, SITE_ARGS, danvan, key

SITE = "sontinh"
NEW_STORIES = (
    Story(
        key=5342211,
        title="Lực lượng vũ trang huyện Sơn Tịnh giúp dân thu hoạch lúa đông xuân",
        when="2024-05-23 15:40:00",
        author="Quốc Việt",
        body=(
            "Những ngày cuối tháng 5, Ban Chỉ huy Quân sự huyện Sơn Tịnh phối hợp với Công an huyện cử hơn 60 cán bộ, chiến sĩ về các xã Tịnh Hiệp, Tịnh Trà giúp người dân gặt lúa đông xuân, vận chuyển lúa về nhà và phơi sấy trước khi mùa mưa đến. Đây là hoạt động thường niên gắn với công tác dân vận của lực lượng vũ trang huyện.",
            "Ưu tiên hỗ trợ các gia đình chính sách, hộ nghèo, hộ neo người và những gia đình có người đi làm ăn xa, các tổ công tác chia thành nhiều nhóm nhỏ, bám sát từng thửa ruộng. Chỉ trong một tuần, lực lượng đã giúp dân thu hoạch gọn gần 12 ha lúa, nạo vét hơn 2 km kênh mương nội đồng chuẩn bị cho vụ hè thu.",
            "Bà Nguyễn Thị Lài ở thôn Trường Khánh, xã Tịnh Hiệp, có chồng mất sớm, con đi làm ở Bình Dương, xúc động cho biết nhờ các anh bộ đội, công an mà ruộng lúa nhà bà được gặt kịp trước cơn mưa trái mùa. Qua hoạt động, hình ảnh người chiến sĩ gần dân, vì dân tiếp tục được củng cố trong lòng Nhân dân.",
        ),
    ),
    Story(
        key=5331870,
        title="Xã Tịnh Phong đối thoại với các hộ dân trong vùng dự án mở rộng cụm công nghiệp",
        when="2024-04-30 09:05:00",
        author="Minh Thư",
        body=(
            "Sáng ngày 29/4, Đảng ủy, UBND xã Tịnh Phong tổ chức hội nghị đối thoại với 46 hộ dân có đất bị thu hồi để mở rộng cụm công nghiệp phía tây quốc lộ 1. Tham dự có đại diện Trung tâm Phát triển quỹ đất huyện, Ủy ban MTTQ Việt Nam xã và trưởng các thôn có dự án đi qua.",
            "Tại hội nghị, bà con nêu nhiều ý kiến về giá bồi thường cây trồng, vị trí khu tái định cư, việc bố trí đất sản xuất mới và chuyển đổi nghề cho lao động lớn tuổi. Một số hộ đề nghị công khai bảng tính chi tiết từng thửa đất để người dân tự đối chiếu trước khi ký nhận tiền.",
            "Lãnh đạo xã và các cơ quan chuyên môn đã trả lời trực tiếp 14 ý kiến, tiếp thu và hứa chuyển lên cấp trên 5 kiến nghị vượt thẩm quyền. Bí thư Đảng ủy xã yêu cầu cán bộ được phân công bám sát từng hộ, kiên trì thuyết phục, giải quyết dứt điểm thắc mắc, không để người dân phải đi lại nhiều lần.",
        ),
    ),
)


@dataclass
class Run:
    """One crawl of the history: its process result and every URL it asked the proxy for."""

    result: object
    requested: list[str]


def _crawl(proxy: FixtureProxy, workdir, *extra: str, expected_status: int = 0) -> Run:
    proxy.clear()
    result = danvan("crawl", "--db", str(workdir / "archive.db"), *extra, *FAST, cwd=workdir, env=proxy.env())
    assert result.returncode == expected_status, result.stderr[-3000:]
    return Run(result, list(proxy.requests))


def _edited(response: FixtureResponse, old: str, new: str) -> FixtureResponse:
    """The page after its editor changed ``old`` to ``new``: new body, length and validators."""
    body = response.body.decode("utf-8")
    assert old in body
    data = body.replace(old, new).encode("utf-8")
    headers = [(k, v) for k, v in response.headers if k.lower() not in ("content-length", "etag", "last-modified")]
    headers += [("Content-Length", str(len(data))), ("ETag", '"edited-1"'),
                ("Last-Modified", format_datetime(datetime(2024, 6, 3, 2, 0, tzinfo=timezone.utc), usegmt=True))]
    return FixtureResponse(200, headers, data)


def _rows(db_path) -> dict[str, dict]:
    db = sqlite_utils.Database(db_path)
    rows = {row["url"]: row for row in db["articles"].rows}
    db.close()
    return rows


SITE_TRUTHS = [t for t in ARTICLES if t.site_id == SITE and t.redirected_from is None]
EDITED, REMOVED, SENT_HOME = SITE_TRUTHS[0], SITE_TRUTHS[1], SITE_TRUTHS[2]


@pytest.fixture(scope="module")
def history(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("incremental")
    db_path = workdir / "archive.db"
    runs: dict[str, Run] = {}
    rows: dict[str, dict] = {}
    with FixtureProxy() as proxy:
        runs["first"] = _crawl(proxy, workdir, *SITE_ARGS)
        rows["first"] = _rows(db_path)
        runs["nothing new"] = _crawl(proxy, workdir, *SITE_ARGS)
        rows["nothing new"] = _rows(db_path)

        before = set(proxy.web)
        proxy.web.clear()
        proxy.web.update(build_fixture_web({SITE: NEW_STORIES}))
        new_urls = {url for url, answer in proxy.web.items() if url not in before and answer.status == 200}
        runs["two new"] = _crawl(proxy, workdir, *SITE_ARGS)
        rows["two new"] = _rows(db_path)

        runs["full"] = _crawl(proxy, workdir, *SITE_ARGS, "--full")

        edited_text = EDITED.paragraphs[-1]
        proxy.web[EDITED.url] = _edited(proxy.web[EDITED.url], edited_text, edited_text + " (Cập nhật thêm ý kiến)")
        proxy.web[REMOVED.url] = FixtureResponse(404, [("Content-Type", "text/html; charset=utf-8")], b"<h1>404</h1>")
        home = START_URLS[SITE].split("/web/")[0] + "/"
        proxy.web[SENT_HOME.url] = FixtureResponse(302, [("Location", home)], b"")
        proxy.web[home] = FixtureResponse(200, [("Content-Type", "text/html; charset=utf-8")], b"<h1>Trang chu</h1>")
        runs["refresh"] = _crawl(proxy, workdir, "--site", SITE, "--refresh", "--full")
        runs["refresh again"] = _crawl(proxy, workdir, "--site", SITE, "--refresh", "--full")
    return {"runs": runs, "rows": rows, "new_urls": new_urls, "db_path": db_path}


def test_a_run_with_nothing_new_makes_a_tenth_of_the_requests_and_adds_no_rows(history):
    first, second = history["runs"]["first"], history["runs"]["nothing new"]
    assert len(second.requested) <= 0.10 * len(first.requested), (len(second.requested), len(first.requested))
    assert history["rows"]["nothing new"].keys() == history["rows"]["first"].keys()
    # Only robots.txt and each section's first listing page were asked for.
    assert {url for url in second.requested if not url.endswith("/robots.txt")} == set(START_URLS.values())


def test_unchanged_listing_pages_are_answered_not_modified(history):
    db = sqlite_utils.Database(history["db_path"])
    not_modified = {row["site"]: row["not_modified"] for row in db.query(
        "select site, not_modified from crawl_run_sites where run = 2")}
    # The portals whose servers send validators (vnpt, mcms, liferay) answered 304.
    assert not_modified == {"baogialai": 1, "hagiangtv": 1, "sontinh": 1,
                            "danvan": 0, "phongdien": 0, "quangninh-bdv": 0}


def test_two_new_articles_are_fetched_and_nothing_else(history):
    run = history["runs"]["two new"]
    new_urls = history["new_urls"]
    assert len(new_urls) == 2
    added = history["rows"]["two new"].keys() - history["rows"]["nothing new"].keys()
    assert added == {key(url) for url in new_urls}
    listing_pages = {url for urls in LISTING_URLS.values() for url in urls}
    fetched = [url for url in run.requested if not url.endswith("/robots.txt")]
    assert sorted(url for url in fetched if url not in listing_pages) == sorted(new_urls)
    # The new item below the top pushed items onto page 2, so the walk read page 2 and stopped there.
    assert [url for url in fetched if url in LISTING_URLS[SITE]] == LISTING_URLS[SITE][:2]


def test_full_walk_reads_every_listing_page_but_fetches_no_archived_article(history):
    fetched = {url for url in history["runs"]["full"].requested if not url.endswith("/robots.txt")}
    assert fetched == {url for urls in LISTING_URLS.values() for url in urls}


def test_refresh_keeps_the_earlier_version_of_an_edited_article(history):
    db = sqlite_utils.Database(history["db_path"])
    row = db["articles"].get(key(EDITED.url))
    assert row["text"].endswith("(Cập nhật thêm ý kiến)")
    versions = list(db["article_versions"].rows_where("url = ?", [key(EDITED.url)]))
    assert len(versions) == 1 and versions[0]["text"].endswith(EDITED.paragraphs[-1])
    assert versions[0]["crawl_run"] == 5 and versions[0]["capture"] != row["capture"]
    assert db["article_versions"].count == 1  # unchanged articles keep no version


def test_refresh_asks_conditionally_and_unchanged_articles_answer_304(history):
    db = sqlite_utils.Database(history["db_path"])
    archived = [url for url, row in history["rows"]["two new"].items() if row["site"] == SITE]
    first, again = db["crawl_run_sites"].get((5, SITE)), db["crawl_run_sites"].get((6, SITE))
    # The new stories changed every page's sidebar, so most pages answered 200 with the same article.
    assert (first["articles_updated"], first["pages_gone"]) == (1, 3)  # the dead link is checked again too
    assert first["articles_unchanged"] == len(archived) - 3
    # Asked again with the validators just stored, every live article answers 304 Not Modified.
    assert (again["not_modified"], again["articles_unchanged"]) == (len(archived) - 2, len(archived) - 2)
    assert (again["articles_updated"], again["pages_gone"]) == (0, 3)


def test_removed_and_redirected_home_articles_are_marked_gone_and_kept(history):
    db = sqlite_utils.Database(history["db_path"])
    for truth, reason in ((REMOVED, "not-found"), (SENT_HOME, "redirected-home")):
        row = db["articles"].get(key(truth.url))
        assert row["gone_reason"] == reason
        # First seen gone in run 5; run 6 saw it gone again and kept that date.
        assert db["crawl_runs"].get(5)["started"] <= row["gone_since"] <= db["crawl_runs"].get(6)["started"]
        assert row["last_seen"] > row["gone_since"]
        assert row["title"] == truth.title and row["text"]  # the archived copy stays
    still_there = db["articles"].get(key(EDITED.url))
    assert still_there["gone_since"] is None


def test_redirected_links_are_not_fetched_again(history):
    second = history["runs"]["nothing new"].requested
    assert not set(REDIRECTS) & set(second)


def test_since_limits_a_backfill(tmp_path):
    cutoff = "2024-04-01"
    with FixtureProxy() as proxy:
        run = _crawl(proxy, tmp_path, "--site", SITE, "--since", cutoff)
    rows = _rows(tmp_path / "archive.db")
    expected = {key(t.url) for t in ARTICLES if t.site_id == SITE and t.listing_date[:10] >= cutoff}
    assert set(rows) == expected
    # The walk stopped at the first listing page dated entirely before the cut-off.
    assert LISTING_URLS[SITE][-1] not in run.requested


def test_links_and_listing_pages_that_failed_are_tried_again_next_run(tmp_path):
    deep_article = next(t for t in reversed(ARTICLES) if t.site_id == SITE and t.redirected_from is None)
    other = "phongdien"
    broken = {deep_article.url, LISTING_URLS[other][2]}
    with FixtureProxy() as proxy:
        saved = {url: proxy.web[url] for url in broken}
        for url in broken:
            proxy.web[url] = FixtureResponse(503, [("Content-Type", "text/html")], b"<h1>503</h1>")
        _crawl(proxy, tmp_path, "--site", SITE, "--site", other, expected_status=1)  # pages not fetched
        first = _rows(tmp_path / "archive.db")
        proxy.web.update(saved)
        second_run = _crawl(proxy, tmp_path, "--site", SITE, "--site", other)
    assert key(deep_article.url) not in first
    rows = _rows(tmp_path / "archive.db")
    assert set(rows) == {key(t.url) for t in ARTICLES if t.site_id in (SITE, other)}
    # The failed article was fetched straight away; the site whose listing failed was walked in full.
    assert deep_article.url in second_run.requested
    assert set(LISTING_URLS[other]) <= set(second_run.requested)
    assert not set(LISTING_URLS[SITE][1:]) & set(second_run.requested)
    db = sqlite_utils.Database(tmp_path / "archive.db")
    assert db["crawl_run_sites"].get((1, other))["listing_errors"] == 1
    assert db["sites"].get(other)["last_complete_walk"] == 2


# -- the walk rule, without a crawl ---------------------------------------------------------------

@dataclass
class Link:
    url: str
    date: str | None = None


PAGE = [Link("a", "2024-05-20"), Link("b", "2024-05-10"), Link("c", "2024-04-28")]


def test_incremental_walk_fetches_unknown_links_anywhere_on_the_page_and_goes_on():
    policy = WalkPolicy()
    assert [link.url for link in policy.links_to_fetch(PAGE, known={"a", "c"})] == ["b"]
    assert policy.walk_on(PAGE, known={"a", "c"})
    assert not policy.walk_on(PAGE, known={"a", "b", "c"})
    assert policy.conditional


def test_full_walk_goes_on_and_refresh_fetches_known_links():
    assert WalkPolicy(full=True).walk_on(PAGE, known={"a", "b", "c"})
    assert not WalkPolicy(full=True).conditional
    assert len(WalkPolicy(refresh=True).links_to_fetch(PAGE, known={"a", "b", "c"})) == 3


def test_since_skips_older_links_and_stops_past_the_day():
    policy = WalkPolicy(since=date(2024, 5, 1))
    assert [link.url for link in policy.links_to_fetch(PAGE, known=set())] == ["a", "b"]
    assert policy.walk_on(PAGE, known={"a", "b", "c"})  # a backfill walks past known pages
    assert not policy.walk_on([Link("d", "2024-04-02"), Link("e", None)], known=set())
    assert policy.walk_on([Link("f", None)], known=set())  # undated: cannot tell, go on
