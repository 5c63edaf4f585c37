"""`danvan reprocess` rebuilds articles from the crawl's WARC files, offline, and says what changed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import sqlite_utils

from tests.fixture_web import FixtureProxy

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
