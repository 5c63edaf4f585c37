"""End to end: `danvan crawl` over the fixture portals on 127.0.0.1 and over the demo snapshot."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import sqlite_utils

from crawler.registry import load_registry
from crawler.text import fold
from tests.fixture_web import ARTICLES, NOT_FOUND_URLS, REDIRECTS, START_URLS, FixtureProxy

ROOT = Path(__file__).resolve().parents[1]
SITE_ARGS = [arg for site_id in sorted(START_URLS) for arg in ("--site", site_id)]
# Politeness delays off: the fixture portals are ours, on loopback.
FAST = ["--setting", "DOWNLOAD_DELAY=0", "--setting", "AUTOTHROTTLE_ENABLED=False"]


SITES_BY_HOST = {host: site for site in load_registry() for host in site.hosts}


def key(url: str) -> str:
    """The archive key of a fixture URL: its site's canonical form."""
    return SITES_BY_HOST[url.split("/")[2]].canonical_url(url)


def danvan(*args: str, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run the `danvan` command as an operator would, in a fresh process."""
    environment = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    return subprocess.run([sys.executable, "-m", "crawler", *args], cwd=cwd, env=environment,
                          capture_output=True, text=True, timeout=600)


def article_rows(db_path: Path) -> dict[str, dict]:
    db = sqlite_utils.Database(db_path)
    rows = {row["url"]: row for row in db["articles"].rows}
    db.close()
    return rows


@pytest.fixture(scope="module")
def live_crawls(tmp_path_factory):
    """Two identical crawls of the fixture web through the loopback proxy."""
    workdir = tmp_path_factory.mktemp("live")
    db_path = workdir / "archive.db"
    with FixtureProxy() as proxy:
        env = {"http_proxy": proxy.url, "https_proxy": proxy.url, "no_proxy": ""}
        first = danvan("crawl", "--db", str(db_path), *SITE_ARGS, *FAST, cwd=workdir, env=env)
        rows_after_first = article_rows(db_path)
        second = danvan("crawl", "--db", str(db_path), *SITE_ARGS, *FAST, cwd=workdir, env=env)
        requested = list(proxy.requests)
    return {"first": first, "second": second, "rows": rows_after_first, "db_path": db_path,
            "workdir": workdir, "requested": requested}


def test_live_crawl_finishes_cleanly(live_crawls):
    first = live_crawls["first"]
    assert first.returncode == 0, first.stderr[-3000:]
    for site_id in START_URLS:
        assert f"{site_id}: " in first.stdout


def test_every_fixture_article_is_archived_with_its_fields(live_crawls):
    rows = live_crawls["rows"]
    for truth in ARTICLES:
        row = rows.get(key(truth.url))
        assert row is not None, f"missing {truth.url}"
        assert row["site"] == truth.site_id
        assert row["title"] == truth.title
        if truth.published is not None:
            assert row["published"] == truth.published, truth.url
        else:
            assert row["published_source"] in (None, "listing"), truth.url
        assert row["author"] == truth.author, truth.url
        assert row["source"] == truth.source, truth.url
        for paragraph in truth.paragraphs:
            assert " ".join(paragraph.split()) in " ".join(row["text"].split())


def test_dead_links_and_redirects(live_crawls):
    rows = live_crawls["rows"]
    assert not {key(url) for url in NOT_FOUND_URLS} & set(rows)
    for new_url in REDIRECTS.values():
        assert key(new_url) in rows
    assert len(rows) == len(ARTICLES)  # a redirected URL and its target are one row
    db = sqlite_utils.Database(live_crawls["db_path"])
    # A dead link is data, not an error: recorded as a page not found, and known to the next run.
    assert {row["url"]: row["reason"] for row in db["skipped_pages"].rows} == {
        key(url): "not-found" for url in NOT_FOUND_URLS
    }
    counts = {row["site"]: row for row in db.query("select * from crawl_run_sites where run = 1")}
    assert {site: (row["pages_gone"], row["errors"]) for site, row in counts.items()} == {
        site_id: (1, 0) for site_id in START_URLS
    }
    # A link whose redirect changes more than the canonical form ignores is remembered.
    assert {row["url"]: row["target"] for row in db["redirects"].rows} == {
        key(old): key(new) for old, new in REDIRECTS.items() if key(old) != key(new)
    }


def test_crawl_stays_on_registered_hosts(live_crawls):
    hosts = {url.split("/")[2] for url in START_URLS.values()}
    assert {url.split("/")[2].split(":")[0] for url in live_crawls["requested"]} <= hosts


def test_crawl_asks_each_portal_for_robots_txt(live_crawls):
    robots = {url.split("/")[2] for url in live_crawls["requested"] if url.endswith("/robots.txt")}
    assert {url.split("/")[2] for url in START_URLS.values()} <= robots


def test_second_identical_crawl_adds_no_rows(live_crawls):
    second = live_crawls["second"]
    assert second.returncode == 0, second.stderr[-3000:]
    db = sqlite_utils.Database(live_crawls["db_path"])
    assert db["articles"].count == len(live_crawls["rows"])
    assert db["crawl_runs"].count == 2
    run2 = {row["site"]: row for row in db.query("select * from crawl_run_sites where run = 2")}
    assert sum(row["articles_new"] for row in run2.values()) == 0
    assert all(row["pages_ok"] and row["failure"] is None for row in run2.values())


def test_log_goes_to_a_file_too(live_crawls):
    logs = list((live_crawls["workdir"] / "logs").glob("danvan-crawl-*.log"))
    assert logs and "Spider closed (finished)" in logs[0].read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def demo_archive(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("demo")
    db_path = workdir / "demo.db"  # as in the README; the Datasette plugin serves any file name
    first = danvan("crawl", "--demo", "--db", str(db_path), cwd=workdir)
    rows = article_rows(db_path)
    second = danvan("crawl", "--demo", "--db", str(db_path), cwd=workdir)
    return {"first": first, "second": second, "rows": rows, "db_path": db_path}


def test_demo_crawl_archives_every_fixture_site_offline(demo_archive):
    assert demo_archive["first"].returncode == 0, demo_archive["first"].stderr[-3000:]
    rows = demo_archive["rows"]
    assert {row["site"] for row in rows.values()} == set(START_URLS)
    assert len(rows) >= 40
    assert {key(truth.url) for truth in ARTICLES} <= set(rows)


def test_demo_crawl_again_adds_no_rows(demo_archive):
    assert demo_archive["second"].returncode == 0
    assert len(article_rows(demo_archive["db_path"])) == len(demo_archive["rows"])


@pytest.mark.parametrize("with_metadata", [True, False], ids=["metadata", "no-metadata"])
@pytest.mark.parametrize("query", ["dan van kheo", "Dân vận khéo", "dang", "huyen uy", "Huyện ủy"])
def test_demo_archive_is_searchable_in_datasette(demo_archive, query, with_metadata):
    from datasette.app import Datasette

    metadata = json.loads((ROOT / "datasette_metadata.json").read_text(encoding="utf-8"))
    datasette = Datasette([str(demo_archive["db_path"])], metadata=metadata if with_metadata else None)

    async def search():
        await datasette.invoke_startup()
        response = await datasette.client.get(
            "/demo/articles.json", params={"_search": query, "_shape": "objects", "_size": "max"}
        )
        return response.json()

    found = asyncio.run(search())
    assert found["rows"] and found["filtered_table_rows_count"] < len(demo_archive["rows"])  # a search, not all rows
    titles = " ".join(row["title"] + " " + row["text"] for row in found["rows"])
    assert fold(query) in fold(titles)


def test_demo_republished_article_is_one_report_with_its_copies(demo_archive):
    (copy,) = [truth for truth in ARTICLES if truth.republished_from]
    db = sqlite_utils.Database(demo_archive["db_path"])
    clusters = {row["url"]: row["cluster"] for row in db.query("select url, cluster from articles")}
    assert clusters[key(copy.url)] == clusters[key(copy.republished_from)]
    (report,) = db.query("select * from reports where cluster = ?", [clusters[key(copy.url)]])
    assert report["original"] == key(copy.republished_from) and report["copies"] == 2
    assert db.execute("select count(*) from reports").fetchone()[0] == len(demo_archive["rows"]) - 1


def test_demo_canned_queries(demo_archive):
    from datasette.app import Datasette

    metadata = json.loads((ROOT / "datasette_metadata.json").read_text(encoding="utf-8"))
    datasette = Datasette([str(demo_archive["db_path"])], metadata=metadata)

    async def query(name, **params):
        await datasette.invoke_startup()
        response = await datasette.client.get(f"/demo/{name}.json", params={**params, "_shape": "array"})
        assert response.status_code == 200, response.text
        return response.json()

    reports = asyncio.run(query("unique_reports", words="dan van kheo"))
    assert reports and len({r["cluster"] for r in reports}) == len(reports)
    (flow,) = asyncio.run(query("republication_flows"))
    assert (flow["original_site"], flow["republished_by"], flow["reports"]) == ("baogialai", "danvan", 1)
    copies = asyncio.run(query("report_copies", cluster=str(reports[0]["cluster"])))
    assert sum(c["is_original"] for c in copies) == 1


DEAD_SITE = """
[[site]]
id = "chet"
name = "Cổng thông tin huyện đã gỡ"
level = "district"
province_before = "Hà Giang"
province_after = "Tuyên Quang"
platform = "vnpt-media"
base_url = "https://huyen-da-go.example.vn/"
start_urls = ["https://huyen-da-go.example.vn/tin-tuc/"]
status = "live"
"""


def test_a_dead_site_fails_alone_and_the_run_says_so(tmp_path):
    registry = tmp_path / "sites.toml"
    live = (ROOT / "crawler" / "sites.toml").read_text(encoding="utf-8")
    hagiangtv = next("[[site]]" + block for block in live.split("[[site]]") if 'id = "hagiangtv"' in block)
    registry.write_text(hagiangtv + DEAD_SITE, encoding="utf-8")
    db_path = tmp_path / "archive.db"
    with FixtureProxy() as proxy:
        env = {"http_proxy": proxy.url, "https_proxy": proxy.url, "no_proxy": ""}
        result = danvan("crawl", "--sites", str(registry), "--db", str(db_path), *FAST, cwd=tmp_path, env=env)
    assert result.returncode == 1
    (line,) = [line for line in result.stdout.splitlines() if line.startswith("chet: ")]
    assert "FAILED: " in line and "502" in line  # the proxy answers 502 for a host it does not know
    assert "Site chet failed: " in result.stderr
    db = sqlite_utils.Database(db_path)
    runs = {row["site"]: row for row in db["crawl_run_sites"].rows}
    assert "502" in runs["chet"]["failure"] and runs["hagiangtv"]["failure"] is None
    assert {row["id"]: row["last_success_run"] for row in db["sites"].rows} == {"hagiangtv": 1, "chet": None}
    assert db["articles"].count == sum(1 for truth in ARTICLES if truth.site_id == "hagiangtv")
    assert db["crawl_runs"].get(1)["exit_status"] == 1


def test_every_response_is_kept_in_valid_warc_files(live_crawls):
    files = sorted((live_crawls["workdir"] / "warc").glob("*.warc.gz"))
    assert files
    check = subprocess.run([sys.executable, "-c", "from warcio.cli import main; main()", "check", "-v", *map(str, files)],
                           capture_output=True, text=True, timeout=120)
    assert check.returncode == 0, check.stdout[-2000:] + check.stderr[-2000:]
    from crawler.webarchive import WarcIndex

    captured = WarcIndex(files)
    requested = {url for url in live_crawls["requested"] if not url.endswith("/robots.txt")}
    assert [url for url in requested if url not in captured] == []
    assert all(url in captured for url in NOT_FOUND_URLS) and all(url in captured for url in REDIRECTS)


def test_each_article_links_to_its_capture(live_crawls):
    db = sqlite_utils.Database(live_crawls["db_path"])
    rows = list(db.query(
        "select articles.url, captures.warc_file, captures.offset, captures.status from articles "
        "join captures on captures.id = articles.capture"
    ))
    assert len(rows) == db["articles"].count and all(row["status"] == 200 for row in rows)
    from crawler.webarchive import WarcIndex

    row = rows[0]
    index = WarcIndex([live_crawls["workdir"] / "warc" / row["warc_file"]])
    assert len(index) >= 1


def test_replaying_the_crawls_warc_rebuilds_the_same_articles(live_crawls, tmp_path):
    files = sorted((live_crawls["workdir"] / "warc").glob("*.warc.gz"))
    replay_args = [arg for f in files for arg in ("--replay", str(f))]
    db_path = tmp_path / "archive.db"
    result = danvan("crawl", *replay_args, *SITE_ARGS, "--db", str(db_path), cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    replayed = article_rows(db_path)
    assert set(replayed) == set(live_crawls["rows"])
    for url, row in live_crawls["rows"].items():
        assert (replayed[url]["title"], replayed[url]["text"], replayed[url]["published"]) == (
            row["title"], row["text"], row["published"])


def test_demo_research_queries(demo_archive):
    from datasette.app import Datasette

    metadata = json.loads((ROOT / "datasette_metadata.json").read_text(encoding="utf-8"))
    datasette = Datasette([str(demo_archive["db_path"])], metadata=metadata)

    async def get(path, **params):
        await datasette.invoke_startup()
        response = await datasette.client.get(path, params={**params, "_shape": "array"})
        assert response.status_code == 200, response.text
        return response.json()

    def query(name, **params):
        return asyncio.run(get(f"/demo/{name}.json", **params))

    # Exact diacritics first: "Đảng" ranks rows with Đảng before rows that only have "đang".
    ranked = query("search", q="Đảng")
    exact = [row["exact_matches"] > 0 for row in ranked]
    assert any(exact) and not all(exact) and exact == sorted(exact, reverse=True)
    assert query("search", q="huyen*") and query("search", q='"dân vận khéo"')
    assert {row["url"] for row in query("search", q="dan van kheo")} >= {
        row["url"] for row in query("search", q='"dân vận khéo"')}
    citing = query("articles_citing_document", number="23-QĐ/TW")
    expected = {key(t.url) for t in ARTICLES if "23-QĐ/TW" in t.documents}
    assert {row["url"] for row in citing} == expected and expected
    kheo = query("dan_van_kheo_by_province")
    assert sum(row["reports"] for row in kheo) == len({key(t.url) for t in ARTICLES if "Dân vận khéo" in t.title})
    per_month = query("reports_per_province_month")
    assert {"Huế", "Tuyên Quang"} <= {row["province_after"] for row in per_month}
    coverage = {row["site"]: row for row in query("portal_coverage")}
    assert coverage["sontinh"]["articles"] == len([t for t in ARTICLES if t.site_id == "sontinh"])
    health = {row["site"]: row for row in query("crawl_health")}
    assert health["baogialai"]["failure"] is None and health["baogialai"]["articles_new"] == 0
    async def facet(column):
        await datasette.invoke_startup()
        response = await datasette.client.get("/demo/articles.json", params={"_facet": column, "_size": "0"})
        return {item["value"]: item["count"] for item in response.json()["facet_results"][column]["results"]}

    assert asyncio.run(facet("report_type"))["dan-van-kheo"] == len(
        [t for t in ARTICLES if "Dân vận khéo" in t.title])
    assert asyncio.run(facet("province_after"))["Huế"] == len([t for t in ARTICLES if t.site_id == "phongdien"])
    searched = asyncio.run(get("/demo/reports.json", _search="dan van kheo"))
    assert {row["report_type"] for row in searched} >= {"dan-van-kheo"}
