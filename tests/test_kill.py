"""A crawl killed with SIGKILL leaves a consistent archive, and the next run finishes the work."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.fixture_web import ARTICLES

ROOT = Path(__file__).resolve().parents[1]


def crawl(db_path: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "crawler", "crawl", "--demo", "--db", str(db_path)],
                            cwd=db_path.parent, env={**os.environ, "PYTHONPATH": str(ROOT)},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


# From before the archive exists to mid-crawl (the demo crawl takes about 3 s here with start-up).
@pytest.mark.parametrize("kill_after", [1.0, 1.8, 2.2, 2.6, 3.0], ids=lambda s: f"{s}s")
def test_sigkill_then_rerun(tmp_path, kill_after):
    db_path = tmp_path / "archive.db"
    process = crawl(db_path)
    time.sleep(kill_after)
    process.send_signal(signal.SIGKILL)
    process.wait()
    if db_path.exists():
        with sqlite3.connect(db_path) as conn:
            assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
    rerun = crawl(db_path)
    assert rerun.wait(timeout=120) == 0
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
        urls = [row[0] for row in conn.execute("select url from articles")]
        assert len(urls) == len(set(urls)) == len(ARTICLES)
        unclustered = conn.execute("select count(*) from articles where cluster is null").fetchone()[0]
        assert unclustered == 0
        clusters = conn.execute("select sum(copies) from clusters").fetchone()[0]
        assert clusters == len(ARTICLES)
