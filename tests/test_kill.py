"""A crawl killed with SIGKILL leaves a consistent archive, and the next run finishes the work."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.fixture_web import ARTICLES, FixtureProxy
from tests.test_crawl import FAST, SITE_ARGS

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


# -- a live crawl through the loopback proxy, writing WARC files ---------------------------------

def live_crawl(db_path: Path, proxy: FixtureProxy) -> subprocess.Popen:
    command = [sys.executable, "-m", "crawler", "crawl", "--db", str(db_path), *SITE_ARGS, *FAST]
    return subprocess.Popen(command, cwd=db_path.parent, env={**os.environ, "PYTHONPATH": str(ROOT), **proxy.env()},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def archived(db_path: Path) -> int:
    if not db_path.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("select count(*) from articles").fetchone()[0]
    except sqlite3.OperationalError:  # not migrated yet
        return 0


def wait_until(condition, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "the crawl never got there"
        time.sleep(0.02)


# Killed once the proxy has answered a few requests (robots.txt, first listings), then once the
# archive holds some, many and nearly all of the articles.
@pytest.mark.parametrize("kill_at", ["requests:4", "articles:10", "articles:50", "articles:100"])
def test_sigkill_during_a_live_crawl_then_an_incremental_rerun_finishes_the_work(tmp_path, kill_at):
    what, count = kill_at.split(":")
    db_path = tmp_path / "archive.db"
    with FixtureProxy() as proxy:
        process = live_crawl(db_path, proxy)
        if what == "requests":
            wait_until(lambda: len(proxy.requests) >= int(count))
        else:
            wait_until(lambda: archived(db_path) >= int(count))
        process.send_signal(signal.SIGKILL)
        process.wait()
        if db_path.exists():
            with sqlite3.connect(db_path) as conn:
                assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
        rerun = live_crawl(db_path, proxy)
        assert rerun.wait(timeout=300) == 0
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
        urls = [row[0] for row in conn.execute("select url from articles")]
        assert len(urls) == len(set(urls)) == len(ARTICLES)
        assert conn.execute("select count(*) from articles where cluster is null or capture is null").fetchone()[0] == 0
    warc_files = sorted(str(path) for path in (tmp_path / "warc").glob("*.warc.gz"))
    check = subprocess.run([sys.executable, "-c", "from warcio.cli import main; main()", "check", *warc_files],
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stdout[-2000:] + check.stderr[-2000:]


# -- seeded random kill moments over the demo crawl ----------------------------------------------

KILL_SEEDS = (1, 2, 3, 4, 5)
DEMO_CRAWL_SECONDS = (0.8, 3.6)
"""From start-up to the end of the demo crawl here; a draw past its end kills nothing, which is fine too."""


@pytest.fixture(scope="module")
def uninterrupted(tmp_path_factory) -> dict[str, str]:
    """The demo archive's articles (url -> text) from one crawl that nobody killed."""
    db_path = tmp_path_factory.mktemp("whole") / "archive.db"
    assert crawl(db_path).wait(timeout=120) == 0
    return articles(db_path)


def articles(db_path: Path) -> dict[str, str]:
    if not db_path.exists():
        return {}
    with sqlite3.connect(db_path) as conn:
        try:
            return dict(conn.execute("select url, text from articles"))
        except sqlite3.OperationalError:  # killed before the migrations
            return {}


@pytest.mark.parametrize("seed", KILL_SEEDS, ids=lambda seed: f"seed{seed}")
def test_sigkill_at_a_seeded_random_moment_loses_nothing(tmp_path, uninterrupted, seed):
    kill_after = random.Random(seed).uniform(*DEMO_CRAWL_SECONDS)
    db_path = tmp_path / "archive.db"
    process = crawl(db_path)
    time.sleep(kill_after)
    process.send_signal(signal.SIGKILL)
    process.wait()
    before_rerun = articles(db_path)
    assert crawl(db_path).wait(timeout=120) == 0
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
        assert conn.execute("select count(*) - count(distinct url) from articles").fetchone()[0] == 0
        assert conn.execute("select count(capture) - count(distinct capture) from articles").fetchone()[0] == 0
    after = articles(db_path)
    assert {url: after.get(url) for url in before_rerun} == before_rerun, f"killed after {kill_after:.2f} s"
    assert after == uninterrupted
