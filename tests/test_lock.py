"""One crawl per archive: a second `danvan crawl` exits at once with its own code."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from crawler.lock import EXIT_LOCKED, ArchiveLocked, CrawlLock

ROOT = Path(__file__).resolve().parents[1]
HOLDER = "import sys, time; from crawler.lock import CrawlLock\nwith CrawlLock(sys.argv[1]):\n    print('held', flush=True); time.sleep(60)\n"


@pytest.fixture
def holder(tmp_path):
    """Another process holding the crawl lock of tmp_path/archive.db."""
    process = subprocess.Popen([sys.executable, "-c", HOLDER, str(tmp_path / "archive.db")], stdout=subprocess.PIPE,
                               text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert process.stdout.readline().strip() == "held"
    yield process
    process.kill()
    process.wait()


def test_second_crawl_exits_with_the_documented_code(tmp_path, holder):
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "crawler", "crawl", "--demo", "--db", str(tmp_path / "archive.db")],
                            cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == EXIT_LOCKED
    assert "another crawl is running" in result.stderr and f"pid {holder.pid}" in result.stderr
    assert time.monotonic() - started < 30 and not (tmp_path / "archive.db").exists()


def test_lock_of_a_killed_crawl_is_recovered(tmp_path, holder):
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    assert (tmp_path / "archive.db.lock").exists()
    with CrawlLock(tmp_path / "archive.db"):
        with pytest.raises(ArchiveLocked):
            with CrawlLock(tmp_path / "archive.db"):
                pass
