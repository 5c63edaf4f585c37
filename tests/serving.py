"""Serving the demo archive in tests: `danvan serve` in a subprocess, and an archive with hostile markup."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from crawler import archive
from crawler.items import Article

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = "<script>alert(1)</script>"
IMAGE = '<img src="x" onerror="alert(2)">'
HOSTILE = Article(
    url="https://www.sontinh.quangngai.gov.vn/tin-tuc/bai-co-ma-doc",
    platform="quangngai-portal", site_id="sontinh", published="2024-05-20T08:00:00+07:00",
    title=f"Tiêu đề {SCRIPT}", text=f"Đoạn văn có mã {SCRIPT} và <b>thẻ</b> & ký tự {IMAGE}.",
    fetched_at="2025-06-01T02:00:00+00:00",
)
ENVIRONMENT = {**os.environ, "PYTHONPATH": str(ROOT)}



def danvan(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """Run the `danvan` command to its end, in a fresh process."""
    return subprocess.run(command(*args), cwd=cwd, env=ENVIRONMENT, capture_output=True, text=True, timeout=300)


def command(*args: str) -> list[str]:
    return [sys.executable, "-m", "crawler", *args]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(url: str, data: bytes | None = None, timeout: float = 30) -> tuple[int, str]:
    """Status and body of a GET (or a POST with ``data``), error statuses included."""
    try:
        with urllib.request.urlopen(url, data=data, timeout=timeout) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


@contextlib.contextmanager
def running(db_path: Path, *args: str):
    """`danvan serve` in a subprocess on a free port; yields its base URL; always stopped."""
    port = free_port()
    log = (db_path.parent / f"serve-{port}.log").open("w+")
    server = subprocess.Popen(command("serve", "--db", str(db_path), "--port", str(port), *args), cwd=db_path.parent,
                              env=ENVIRONMENT, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(server, base, log)
        yield base
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


def _wait_until_up(server: subprocess.Popen, base: str, log) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            log.seek(0)
            pytest.fail(f"danvan serve exited {server.returncode}: {log.read()[-2000:]}")
        with contextlib.suppress(OSError):
            if get(f"{base}/-/versions.json", timeout=2)[0] == 200:
                return
        time.sleep(0.2)
    pytest.fail("danvan serve did not answer within 60 s")


def build_served_archive(workdir: Path) -> dict:
    """A demo crawl copied to ``workdir/archive.db``, plus one article whose title and text carry markup."""
    demo = workdir / "demo.db"
    crawl = danvan("crawl", "--demo", "--db", str(demo), cwd=workdir)
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    db_path = workdir / "archive.db"
    shutil.copy(demo, db_path)
    db = archive.open_archive(db_path)
    archive.save_article(db, HOSTILE, archive.start_run(db, "test", "2025-06-01T02:00:00+00:00"),
                         "2025-06-01T02:00:00+00:00")
    db.close()
    with contextlib.closing(sqlite3.connect(db_path)) as connection:
        count = connection.execute("select count(*) from articles").fetchone()[0]
    return {"db_path": db_path, "workdir": workdir, "count": count}
