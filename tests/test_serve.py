"""`danvan serve` on 127.0.0.1: immutable, time-limited, complete CSV exports, escaped HTML."""

from __future__ import annotations

import asyncio
import contextlib
import csv
import io
import json
import shutil
import sqlite3
import time
import urllib.parse
from pathlib import Path

import pytest
from click.testing import CliRunner
from datasette.app import Datasette
from datasette.utils import tilde_encode

from crawler import archive, serve
from crawler.cli import cli
from crawler.lock import EXIT_LOCKED, CrawlLock
from tests.serving import HOSTILE, IMAGE, ROOT, SCRIPT, get, running

SLOW_SQL = ("with recursive c(x) as (select 1 union all select x + 1 from c where x < 1000000000) "
            "select count(*) from c")


@pytest.fixture(scope="module")
def tuned_server(served):
    """A short time limit, 20-row pages (so a streamed CSV spans pages) and a canned write query."""
    metadata = json.loads((ROOT / "datasette_metadata.json").read_text(encoding="utf-8"))
    metadata["databases"]["archive"].setdefault("queries", {})["wipe"] = {"sql": "delete from articles", "write": True}
    path = served["workdir"] / "metadata-with-write.json"
    path.write_text(json.dumps(metadata, ensure_ascii=False), encoding="utf-8")
    with running(served["db_path"], "--sql-time-limit-ms", "500", "--setting", "max_returned_rows=50",
                 "--setting", "default_page_size=20", "--metadata", str(path)) as base:
        yield base


def test_serves_immutable_with_the_project_metadata_and_limits(served_url):
    (database,) = json.loads(get(f"{served_url}/-/databases.json")[1])
    assert (database["name"], database["is_mutable"]) == ("archive", False)
    settings = json.loads(get(f"{served_url}/-/settings.json")[1])
    chosen = ("sql_time_limit_ms", *serve.EXPORT_SETTINGS, *serve.PAGE_SETTINGS)
    assert {name: settings[name] for name in chosen} == {
        "sql_time_limit_ms": 2000, "max_returned_rows": 10000, "allow_csv_stream": True, "max_csv_mb": 0,
        "truncate_cells_html": 400, "suggest_facets": False,
    }
    metadata = json.loads((ROOT / "datasette_metadata.json").read_text(encoding="utf-8"))
    assert metadata["title"] in get(served_url)[1]


@pytest.mark.parametrize("sql, refusal", [
    ("delete from articles", "Statement must be a SELECT"),  # Datasette's own check, immutable or not
    ("with x as (select 1) delete from articles", "attempt to write a readonly database"),  # passes it: immutable
])
def test_sql_writes_are_refused(served_url, served, sql, refusal):
    status, body = get(f"{served_url}/archive.json?" + urllib.parse.urlencode({"sql": sql}))
    assert refusal in body and (status >= 400 or not json.loads(body)["ok"])
    with contextlib.closing(sqlite3.connect(served["db_path"])) as connection:
        assert connection.execute("select count(*) from articles").fetchone()[0] == served["count"]


def test_canned_write_query_is_refused(tuned_server, served):
    status, body = get(f"{tuned_server}/archive/wipe", data=b"")
    assert status == 403 and "Database is immutable" in body
    with contextlib.closing(sqlite3.connect(served["db_path"])) as connection:
        assert connection.execute("select count(*) from articles").fetchone()[0] == served["count"]


@pytest.mark.parametrize("limit_ms, server", [(2000, "served_url"), (500, "tuned_server")])
def test_slow_query_stops_at_the_time_limit(request, limit_ms, server):
    base = request.getfixturevalue(server)
    started = time.monotonic()
    status, body = get(f"{base}/archive.json?" + urllib.parse.urlencode({"sql": SLOW_SQL}))
    elapsed = time.monotonic() - started
    assert status == 400 and "SQL query took too long" in body
    assert limit_ms / 1000 * 0.9 <= elapsed < limit_ms / 1000 + 3


def test_streamed_csv_has_every_row(tuned_server, served):
    status, body = get(f"{tuned_server}/archive/articles.csv?_stream=on")
    assert status == 200
    rows = list(csv.DictReader(io.StringIO(body, newline="")))
    with contextlib.closing(sqlite3.connect(served["db_path"])) as connection:
        urls = {url for (url,) in connection.execute("select url from articles")}
    assert len(urls) > 5 * 20  # more than five pages
    assert len(rows) == len(urls) and {row["url"] for row in rows} == urls
    assert next(row for row in rows if row["url"] == HOSTILE.url)["text"] == HOSTILE.text


def test_streamed_csv_of_a_search_has_every_match(tuned_server, served):
    query = {"_stream": "on", "_search": "dan van", "_size": "max"}
    status, body = get(f"{tuned_server}/archive/articles.csv?" + urllib.parse.urlencode(query))
    assert status == 200
    db = archive.open_archive(served["db_path"])
    expected = {row["url"] for row in archive.iter_articles(db, query="dan van")}
    db.close()
    assert len(expected) > 50 and {row["url"] for row in csv.DictReader(io.StringIO(body, newline=""))} == expected


def test_markup_in_an_article_is_shown_as_text(served_url):
    status, page = get(f"{served_url}/archive/articles/{tilde_encode(HOSTILE.url)}")
    assert status == 200
    assert SCRIPT not in page and "<b>thẻ</b>" not in page and IMAGE not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "&lt;img src=" in page


def test_datasette_arguments():
    args = serve.datasette_args("a.db", "m.json", port=9000, sql_time_limit_ms=1500,
                                settings={"max_returned_rows": "500"})
    assert args[:8] == ["-i", "a.db", "--metadata", "m.json", "--host", "127.0.0.1", "--port", "9000"]
    settings = {args[i + 1]: args[i + 2] for i, arg in enumerate(args) if arg == "--setting"}
    assert settings == {"sql_time_limit_ms": "1500", "max_returned_rows": "500", "allow_csv_stream": "on",
                        "max_csv_mb": "0", "truncate_cells_html": "400", "suggest_facets": "off"}


def test_pages_longer_than_max_returned_rows_are_refused():
    """Datasette cuts such a page to max_returned_rows without a next link: a streamed CSV would stop there."""
    with pytest.raises(serve.ServeError, match="default_page_size"):
        serve.datasette_args("a.db", "m.json", settings={"max_returned_rows": "50"})
    serve.datasette_args("a.db", "m.json", settings={"max_returned_rows": "50", "default_page_size": "50"})


def stream_with_shared_days(served, tmp_path: Path, query: str) -> list[str]:
    """The URLs of a streamed articles CSV, a third of the articles sharing one day, first page 20 rows."""
    db_path = tmp_path / "archive.db"
    shutil.copy(served["db_path"], db_path)
    with contextlib.closing(sqlite3.connect(db_path)) as connection:  # closed: nothing left in the WAL
        connection.execute("update articles set published = '2030-01-01' where rowid % 3 = 0")
        connection.commit()
    metadata = json.loads((ROOT / "datasette_metadata.json").read_text(encoding="utf-8"))
    datasette = Datasette(immutables=[str(db_path)], metadata=metadata,
                          settings={**serve.EXPORT_SETTINGS, "default_page_size": 20})

    async def stream():
        await datasette.invoke_startup()
        return (await datasette.client.get(f"/archive/articles.csv?_stream=on{query}")).text

    return [row["url"] for row in csv.DictReader(io.StringIO(asyncio.run(stream()), newline=""))]


@pytest.mark.xfail(strict=True, reason="Datasette 0.65 sorts a table's first page without the primary-key "
                   "tie-breaker its later pages use (README, Serving)")
def test_streamed_csv_sorted_on_a_shared_value_is_exact(served, tmp_path):
    urls = stream_with_shared_days(served, tmp_path, "")
    assert len(urls) == len(set(urls)) == served["count"]


def test_streamed_csv_with_size_max_is_exact_up_to_max_returned_rows(served, tmp_path):
    urls = stream_with_shared_days(served, tmp_path, "&_size=max")  # the README's advice
    assert len(urls) == len(set(urls)) == served["count"]


def test_streamed_csv_sorted_by_url_is_exact_beyond_max_returned_rows(served, tmp_path):
    urls = stream_with_shared_days(served, tmp_path, "&_sort=url")  # the README's advice for big exports
    assert len(urls) == len(set(urls)) == served["count"] and urls == sorted(urls)


def test_missing_metadata_is_a_clear_error(served, tmp_path, monkeypatch):
    monkeypatch.setattr(serve, "PACKAGE_METADATA", tmp_path / "gone" / serve.METADATA_FILE)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["serve", "--db", str(served["db_path"])])
    assert result.exit_code == 1
    assert "Datasette metadata not found" in result.output and "--metadata" in result.output


def test_an_archive_being_crawled_is_not_served(served):
    with CrawlLock(served["db_path"]):
        result = CliRunner().invoke(cli, ["serve", "--db", str(served["db_path"])])
    assert result.exit_code == EXIT_LOCKED and "another crawl is running" in result.output


def test_commits_left_in_the_wal_are_not_hidden(served, tmp_path):
    db_path = tmp_path / "archive.db"
    shutil.copy(served["db_path"], db_path)
    writer = sqlite3.connect(db_path)
    try:
        writer.execute("pragma wal_autocheckpoint = 0")  # as a crawl killed before closing the archive
        writer.execute("update articles set title = title || '.'")
        writer.commit()
        result = CliRunner().invoke(cli, ["serve", "--db", str(db_path)])
    finally:
        writer.close()
    assert result.exit_code == 1 and "wal_checkpoint" in result.output
