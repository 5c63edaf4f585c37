"""`danvan reprocess` rebuilds articles from the crawl's WARC files, offline, and says what changed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import sqlite_utils

from crawler import archive
from crawler.reprocess import reprocess
from tests.fixture_web import FixtureProxy
from tests.test_crawl import SITE_ARGS, article_rows

ROOT = Path(__file__).resolve().parents[1]
FAST = ["--setting", "DOWNLOAD_DELAY=0", "--setting", "AUTOTHROTTLE_ENABLED=False"]
OFFLINE = {"http_proxy": "http://127.0.0.1:9", "https_proxy": "http://127.0.0.1:9", "no_proxy": ""}


def danvan(*args: str, cwd: Path, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "crawler", *args], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT), **env}, timeout=300)


def test_reprocess_restores_what_an_older_extractor_got_wrong(tmp_path):
    with FixtureProxy() as proxy:
        crawl = danvan("crawl", "--site", "hagiangtv", "--db", "archive.db", *FAST, cwd=tmp_path, env=proxy.env())
    assert crawl.returncode == 0, crawl.stderr[-2000:]
    db = sqlite_utils.Database(tmp_path / "archive.db")
    before = {row["url"]: row for row in db["articles"].rows}
    url = next(iter(before))
    db.execute("update articles set published = null, title = 'Tiêu đề sai' where url = ?", [url])
    db.conn.commit()
    result = danvan("reprocess", "--db", "archive.db", cwd=tmp_path, env=OFFLINE)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == f"{len(before)} articles reprocessed: 1 published changed, 1 title changed"
    after = {row["url"]: row for row in sqlite_utils.Database(tmp_path / "archive.db")["articles"].rows}
    assert (after[url]["title"], after[url]["published"]) == (before[url]["title"], before[url]["published"])
    assert {u: r["text"] for u, r in after.items()} == {u: r["text"] for u, r in before.items()}


# --- The parallel path ---------------------------------------------------------------------------

SEEN_AT = "2025-07-01T00:00:00+00:00"
TABLES = ("articles", "clusters", "dedup_bands", "dedup_signatures", "documents", "captures", "redirects")


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    """Every fixture portal crawled once into an archive with its WARC files."""
    workdir = tmp_path_factory.mktemp("crawled")
    with FixtureProxy() as proxy:
        crawl = danvan("crawl", "--db", "archive.db", *SITE_ARGS, *FAST, cwd=workdir, env=proxy.env())
    assert crawl.returncode == 0, crawl.stderr[-2000:]
    return workdir


def _spoiled_copy(crawled: Path, to: Path) -> sqlite_utils.Database:
    """A copy of the crawled archive as an older extractor left it: wrong titles, dates and texts."""
    shutil.copy(crawled / "archive.db", to)
    db = archive.open_archive(to)
    db.execute("update articles set text = text || ' Bình luận' where rowid % 3 = 0")
    db.execute("update articles set title = 'Tiêu đề sai' where rowid % 5 = 0")
    db.execute("update articles set published = null where rowid % 7 = 0")
    db.conn.commit()
    return db


def _contents(db: sqlite_utils.Database) -> dict:
    tables = {name: sorted(map(repr, db.execute(f"select * from {name}").fetchall())) for name in TABLES}
    tables["search"] = [archive.search_articles(db, word) for word in ("dân vận", "dan van", "Đảng", "lũ")]
    return tables


def test_parallel_reprocess_gives_the_serial_archive(crawled, tmp_path):
    results = {}
    for workers in (1, 2):
        db = _spoiled_copy(crawled, tmp_path / f"workers-{workers}.db")
        changes = reprocess(db, crawled / "warc", 1, SEEN_AT, workers=workers)
        results[workers] = (changes, _contents(db))
        db.close()
    changes, contents = results[1]
    assert changes["title changed"] and changes["text changed"] and changes["published changed"]
    assert results[2] == (changes, contents)


def test_reprocess_with_the_same_extractor_changes_no_article(crawled, tmp_path):
    """The listing's date comes back from the stored date candidates, so nothing is lost or rewritten."""
    shutil.copy(crawled / "archive.db", tmp_path / "archive.db")
    before = article_rows(tmp_path / "archive.db")
    result = danvan("reprocess", "--db", "archive.db", "--warc-dir", str(crawled / "warc"), "--workers", "2",
                    cwd=tmp_path, env=OFFLINE)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == f"{len(before)} articles reprocessed: nothing changed"
    after = article_rows(tmp_path / "archive.db")
    unchanged = {url: {**row, "last_seen": None} for url, row in before.items()}
    assert {url: {**row, "last_seen": None} for url, row in after.items()} == unchanged
