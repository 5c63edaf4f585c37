"""Faults of the real web, injected by the fault portal (tests/fault_web) on 127.0.0.1: the crawl goes on,
records what happened per URL and site, archives no garbage, retries boundedly, and says what needs attention."""

from __future__ import annotations

import re

import pytest
import sqlite_utils

from tests.fault_web import (
    CP1258, FAULT_PATHS, GZIP_NO_HEADER, HEALTHY, PRIVATE_LINKS, RECOVERING, SITE_ID, TRUNCATED, FaultPortal,
    bulletin,
)
from tests.fault_web.pages import ENDLESS_SECTION
from tests.test_crawl import FAST, danvan

MAX_LISTING_PAGES = 4
RETRY_TIMES = 2
SETTINGS = [*FAST, "--setting", "DOWNLOAD_TIMEOUT=2", "--setting", f"MAX_LISTING_PAGES={MAX_LISTING_PAGES}",
            "--setting", f"RETRY_TIMES={RETRY_TIMES}", "--setting", "ALLOW_PRIVATE_ADDRESSES=True",
            "--setting", "CONCURRENT_REQUESTS_PER_DOMAIN=8", "--setting", "EXTRACT_PROCESSES=0"]
GARBAGE_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffd]|%PDF|JFIF|<[a-z/!]")
"""Control characters, replacement characters, binary signatures or markup in an article's text."""


@pytest.fixture(scope="module")
def crawls(tmp_path_factory):
    """Two crawls of the fault portal: the second is the next cron run (recovery, failed links tried again)."""
    workdir = tmp_path_factory.mktemp("faults")
    db_path = workdir / "archive.db"
    with FaultPortal() as portal:
        registry = workdir / "sites.toml"
        registry.write_text(portal.registry(), encoding="utf-8")
        args = ("crawl", "--sites", str(registry), "--db", str(db_path), *SETTINGS)
        first = danvan(*args, cwd=workdir)
        hits_first = {path: portal.hits(path) for path in _all_paths()}
        requests_first = portal.request_count
        db = sqlite_utils.Database(db_path)
        after_first = _snapshot(db)
        db.close()
        second = danvan(*args, cwd=workdir)
        yield {"first": first, "second": second, "portal": portal, "db": sqlite_utils.Database(db_path),
               "after_first": after_first, "hits_first": hits_first, "requests_first": requests_first}


def _all_paths():
    return [*FAULT_PATHS.values(), *(s.path for s in (*HEALTHY, *RECOVERING, GZIP_NO_HEADER, CP1258, TRUNCATED))]


def _snapshot(db) -> dict:
    return {
        "articles": {row["url"]: row for row in db["articles"].rows},
        "failures": {row["url"]: row for row in db["fetch_failures"].rows},
        "skipped": {row["url"]: row for row in db["skipped_pages"].rows},
        "run": next(db.query("select * from crawl_run_sites where run = 1")),
        "exit_status": db["crawl_runs"].get(1)["exit_status"],
    }


def _url(crawls, path: str) -> str:
    return crawls["portal"].url(path)


def test_the_crawl_goes_on_and_archives_every_healthy_article(crawls):
    articles = crawls["after_first"]["articles"]
    for story in HEALTHY:
        row = articles[_url(crawls, story.path)]
        assert (row["title"], row["published"]) == (story.title, story.published)
        assert all(paragraph in row["text"] for paragraph in story.paragraphs)


def test_no_article_holds_garbage_or_an_invented_date(crawls):
    expected = {_url(crawls, s.path): s.published
                for s in (*HEALTHY, *RECOVERING, GZIP_NO_HEADER, CP1258, TRUNCATED)}
    expected.update({_url(crawls, f"{ENDLESS_SECTION}{bulletin(n).slug}.html"): bulletin(n).published
                     for n in range(1, MAX_LISTING_PAGES + 1)})
    articles = {row["url"]: row for row in crawls["db"]["articles"].rows}
    assert set(articles) == set(expected)  # nothing from a fault page became an article
    for url, row in articles.items():
        assert row["published"] == expected[url], url
        assert not GARBAGE_RE.search(row["text"]) and not GARBAGE_RE.search(row["title"]), url


FAILED = {  # fault -> (reason, status, download attempts in one run)
    "slow": ("timeout", None, RETRY_TIMES + 1),
    "reset": ("connection-lost", None, RETRY_TIMES + 1),
    "always-500": ("http-error", 500, RETRY_TIMES + 1),
    "redirect-loop": ("redirect-loop", 301, 1),
    "redirect-offsite": ("redirected-offsite", 302, 1),
    "huge": ("too-large", None, 1),
    "huge-streamed": ("too-large", None, 1),
    "gzip-bomb": ("too-large", None, 1),
    "disallowed": ("robots-disallowed", None, 1),
}


@pytest.mark.parametrize("fault", sorted(FAILED))
def test_a_page_that_cannot_be_fetched_is_recorded_and_tried_again_next_run(crawls, fault):
    reason, status, attempts = FAILED[fault]
    url = _url(crawls, FAULT_PATHS[fault])
    first = crawls["after_first"]["failures"][url]
    assert (first["site"], first["kind"], first["reason"], first["status"]) == (SITE_ID, "article", reason, status)
    assert first["attempts"] == attempts and first["detail"]
    # not a known link: the next run asked for it again, and counted a second failing run
    again = crawls["db"]["fetch_failures"].get(url)
    assert (again["reason"], again["runs_failed"], again["crawl_run"]) == (reason, 2, 2)
    assert again["first_failed"] == first["first_failed"] < again["last_failed"]
    assert url not in crawls["after_first"]["articles"] and url not in crawls["after_first"]["skipped"]


@pytest.mark.parametrize("fault, server_hits", [
    ("slow", RETRY_TIMES + 1), ("reset", RETRY_TIMES + 1), ("always-500", RETRY_TIMES + 1),
    ("huge", 1), ("huge-streamed", 1), ("gzip-bomb", 1), ("disallowed", 0), ("redirect-offsite", 1),
])
def test_retries_are_bounded(crawls, fault, server_hits):
    assert crawls["hits_first"][FAULT_PATHS[fault]] == server_hits


def test_a_redirect_loop_stops_at_its_first_repeat(crawls):
    from tests.fault_web import LOOP_OTHER

    assert crawls["hits_first"][FAULT_PATHS["redirect-loop"]] == 1
    assert crawls["portal"].hits(LOOP_OTHER) == 2  # once a run


@pytest.mark.parametrize("fault, reason", [
    ("pdf", "binary"), ("jpeg", "binary"), ("empty", "empty"), ("soft-404", "error-page"),
])
def test_a_page_that_is_not_an_article_is_skipped_with_its_reason(crawls, fault, reason):
    url = _url(crawls, FAULT_PATHS[fault])
    row = crawls["after_first"]["skipped"][url]
    assert (row["site"], row["reason"], row["status"]) == (SITE_ID, reason, 200)
    assert crawls["portal"].hits(FAULT_PATHS[fault]) == 1  # a known link: not fetched again


def test_5xx_and_429_bursts_recover(crawls):
    failures, articles = crawls["after_first"]["failures"], crawls["after_first"]["articles"]
    quick_503, limited_429, long_burst = (_url(crawls, story.path) for story in RECOVERING)
    assert quick_503 in articles and limited_429 in articles  # recovered within the run's retries
    assert failures[long_burst]["reason"] == "http-error" and failures[long_burst]["status"] == 503
    final = {row["url"] for row in crawls["db"]["articles"].rows}
    assert long_burst in final  # recovered on the next run ...
    assert not crawls["db"]["fetch_failures"].count_where("url = ?", [long_burst])  # ... and its failure cleared
    assert crawls["portal"].hits(RECOVERING[2].path) == 4  # 500, 502, 503, then 200


def test_429_retry_waits_for_retry_after(crawls):
    from tests.fault_web import RETRY_AFTER_S

    first, second = crawls["portal"].times(RECOVERING[1].path)[:2]
    assert second - first >= RETRY_AFTER_S * 0.95


@pytest.mark.parametrize("story", [GZIP_NO_HEADER, CP1258], ids=["gzip-without-header", "cp1258-declared-utf8"])
def test_a_misdeclared_body_is_read_right(crawls, story):
    row = crawls["after_first"]["articles"][_url(crawls, story.path)]
    assert row["title"] == story.title and story.paragraphs[0] in row["text"]


def test_truncated_html_keeps_what_arrived(crawls):
    row = crawls["after_first"]["articles"][_url(crawls, TRUNCATED.path)]
    assert row["published"] == TRUNCATED.published
    assert TRUNCATED.paragraphs[0] in row["text"]


def test_links_to_other_hosts_and_private_addresses_are_never_fetched(crawls):
    portal, first = crawls["portal"], crawls["first"]
    assert portal.hosts_seen == {f"127.0.0.1:{portal.port}"}  # not localhost, by link or by redirect
    # every request the crawler sent reached this server: none went to 10.x, 169.254.x, [::1] or another host
    stats_requests = int(re.search(r"'downloader/request_count': (\d+)", first.stderr).group(1))
    assert stats_requests == crawls["requests_first"]
    db = crawls["db"]
    for link in PRIVATE_LINKS:
        host = link.split("/")[2]
        for table in ("articles", "skipped_pages", "fetch_failures"):
            assert not db[table].count_where("url like ?", [f"%{host}%"])


def test_tracking_parameter_copies_are_one_row_and_one_fetch(crawls):
    assert crawls["hits_first"][HEALTHY[0].path] == 1
    assert crawls["db"]["articles"].count_where("url like ?", [f"%{HEALTHY[0].slug}%"]) == 1


def test_endless_pagination_stops_at_max_listing_pages(crawls):
    portal = crawls["portal"]
    assert portal.hits(f"{ENDLESS_SECTION}?trang={MAX_LISTING_PAGES}") >= 1
    assert portal.hits(f"{ENDLESS_SECTION}?trang={MAX_LISTING_PAGES + 1}") == 0
    assert "pagination stopped at MAX_LISTING_PAGES" in crawls["first"].stderr


def test_the_run_says_what_needs_attention(crawls):
    first, snapshot = crawls["first"], crawls["after_first"]
    failed = [fault for fault, (reason, _, _) in FAILED.items() if reason != "robots-disallowed"]
    pages_failed = len(failed) + 1  # and the long 5xx burst, which recovers only next run
    assert snapshot["run"]["pages_failed"] == pages_failed
    assert snapshot["run"]["failure"] is None  # the site answered: it did not fail as a whole
    assert snapshot["exit_status"] == 1
    assert f"Site {SITE_ID}: {pages_failed} pages could not be fetched" in first.stderr
    for fault in failed:
        assert f"Failed {_url(crawls, FAULT_PATHS[fault])} ({FAILED[fault][0]})" in first.stderr
    for fault in ("pdf", "jpeg", "empty", "soft-404"):
        assert re.search(rf"Not an article \(.*\): {re.escape(_url(crawls, FAULT_PATHS[fault]))}", first.stderr)
    assert first.returncode == 1, first.stdout
