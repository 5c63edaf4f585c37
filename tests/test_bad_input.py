"""Bad input to `danvan` itself: one clear line, a non-zero exit, and the archive left byte for byte as it was.

Complements tests/test_cli.py (unknown site id, bad --setting, unparsable registry): more kinds of
bad registry, dates it cannot parse, archive files that are not archives or are damaged,
read-only media and a full disk (a small tmpfs; skipped when mounting is not permitted).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.fixture_web import ARTICLES, FixtureProxy
from tests.test_crawl import FAST, SITE_ARGS

ROOT = Path(__file__).resolve().parents[1]
CLICK_USAGE_LINES = ("Usage: ", "Try '")
"""Lines click prints around a usage error's one "Error: ..." line."""


def danvan(*args: str, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    environment = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    return subprocess.run([sys.executable, "-m", "crawler", *args], cwd=cwd, env=environment,
                          capture_output=True, text=True, timeout=300)


def error_line(result: subprocess.CompletedProcess) -> str:
    """The one line the command printed about the error (click's usage boilerplate aside); no traceback."""
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    lines = [line for line in result.stderr.splitlines() if line and not line.startswith(CLICK_USAGE_LINES)]
    assert len(lines) == 1, result.stderr[-3000:]
    return lines[0]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def demo_archive(tmp_path_factory) -> Path:
    """A real archive: the demo crawl, closed (no -wal left)."""
    db_path = tmp_path_factory.mktemp("demo") / "archive.db"
    result = danvan("crawl", "--demo", "--db", str(db_path), cwd=db_path.parent)
    assert result.returncode == 0, result.stderr[-3000:]
    return db_path


def article_urls(db_path: Path, flags: str = "mode=ro") -> dict[str, str]:
    with sqlite3.connect(f"file:{db_path}?{flags}", uri=True) as conn:
        return dict(conn.execute("select url, text from articles"))


# -- a bad registry, site id or date option ------------------------------------------------------

BAD_REGISTRIES = {
    "missing-keys": ('[[site]]\nid = "x"\nname = "Ban Dân vận huyện X"\n', "missing level"),
    "not-utf8": ("[[site]]\nname = 'Ban D\xe2n v\xe2n'\n".encode("cp1258"), "not valid TOML"),
    "unknown-level": (
        '[[site]]\nid = "x"\nname = "Ban Dân vận"\nlevel = "xã"\nplatform = "generic"\n'
        'base_url = "https://x.gov.vn/"\nstart_urls = ["https://x.gov.vn/dan-van/"]\nstatus = "live"\n',
        "level 'xã' is not one of"),
    "file-scheme": (
        '[[site]]\nid = "x"\nname = "Ban Dân vận"\nlevel = "district"\nplatform = "generic"\n'
        'base_url = "https://x.gov.vn/"\nstart_urls = ["file:///etc/passwd"]\nstatus = "live"\n',
        "start_urls must be a list of http(s) URLs"),
    "no-sites": ('title = "Danh sách cổng"\n', "has no [[site]] entries"),
}


@pytest.mark.parametrize("name", BAD_REGISTRIES)
def test_bad_registry_is_one_line_exit_2_and_the_archive_is_untouched(tmp_path, demo_archive, name):
    text, message = BAD_REGISTRIES[name]
    registry = tmp_path / "sites.toml"
    registry.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    db_path = tmp_path / "archive.db"
    shutil.copy(demo_archive, db_path)
    before = digest(db_path)
    result = danvan("crawl", "--sites", str(registry), "--db", str(db_path), cwd=tmp_path)
    assert result.returncode == 2 and message in error_line(result)
    assert digest(db_path) == before


@pytest.mark.parametrize("command", ["crawl", "export"])
@pytest.mark.parametrize("day", ["2024-13-40", "yesterday", "2024-02-30", "31/12/2024"])
def test_a_date_it_cannot_parse_is_one_line_exit_2(tmp_path, demo_archive, command, day):
    db_path = tmp_path / "archive.db"
    shutil.copy(demo_archive, db_path)
    before = digest(db_path)
    option = "--since" if command == "crawl" else "--from"
    result = danvan(command, "--demo", "--db", str(db_path), option, day, cwd=tmp_path) if command == "crawl" \
        else danvan(command, "--db", str(db_path), option, day, cwd=tmp_path)
    line = error_line(result)
    assert result.returncode == 2 and option in line and repr(day) in line and "YYYY-MM-DD" in line
    assert digest(db_path) == before


def test_an_unknown_site_id_leaves_an_existing_archive_as_it_was(tmp_path, demo_archive):
    db_path = tmp_path / "archive.db"
    shutil.copy(demo_archive, db_path)
    before = digest(db_path)
    result = danvan("crawl", "--demo", "--site", "khong-co", "--db", str(db_path), cwd=tmp_path)
    assert result.returncode == 2 and "unknown site id: khong-co" in error_line(result)
    assert digest(db_path) == before


# -- archive files that are not archives, or damaged ---------------------------------------------

def random_bytes(db_path: Path, demo: Path) -> str:
    db_path.write_bytes(os.urandom(64 * 1024))
    return "not a SQLite database"


def truncated_archive(db_path: Path, demo: Path) -> str:
    db_path.write_bytes(demo.read_bytes()[: demo.stat().st_size // 2])
    return "is damaged: truncated"


def other_sqlite_file(db_path: Path, demo: Path) -> str:
    with sqlite3.connect(db_path) as conn:
        conn.execute("create table so_lieu (tinh text, dan_so integer)")
        conn.execute("insert into so_lieu values ('Quảng Ngãi', 1245648)")
    conn.close()
    return "not a danvan archive (tables: so_lieu)"


def a_folder(db_path: Path, demo: Path) -> str:
    db_path.mkdir()
    (db_path / "ghi-chu.txt").write_text("thư mục, không phải kho lưu trữ", encoding="utf-8")
    return "is a directory"


NOT_ARCHIVES = [random_bytes, truncated_archive, other_sqlite_file]
COMMANDS = {
    "crawl": ["crawl", "--demo"],
    "export": ["export", "-o", "out.csv"],
    "reprocess": ["reprocess"],
    "serve": ["serve", "--port", "0"],
}


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("make", NOT_ARCHIVES, ids=lambda make: make.__name__)
def test_a_file_that_is_not_an_archive_is_refused_and_left_as_it_was(tmp_path, demo_archive, command, make):
    db_path = tmp_path / "archive.db"
    message = make(db_path, demo_archive)
    before = digest(db_path)
    result = danvan(*COMMANDS[command], "--db", str(db_path), cwd=tmp_path)
    line = error_line(result)
    assert result.returncode == 2 and line.startswith(f"danvan {command}: ") and message in line
    assert digest(db_path) == before
    assert not (tmp_path / "out.csv").exists()


def test_a_folder_given_as_the_archive_is_refused(tmp_path):
    db_path = tmp_path / "archive.db"
    message = a_folder(db_path, db_path)
    result = danvan("crawl", "--demo", "--db", str(db_path), cwd=tmp_path)
    assert result.returncode == 2 and message in error_line(result)
    assert [p.name for p in db_path.iterdir()] == ["ghi-chu.txt"]


# -- read-only media and a full disk (tmpfs mounts; root only) ----------------------------------

@contextmanager
def tmpfs(where: Path, size: str):
    """A small tmpfs at ``where``, unmounted afterwards; skips the test when mounting is not permitted."""
    where.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
                             capture_output=True, text=True)
    if mounted.returncode:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def remount_read_only(where: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(where)], check=True)


@contextmanager
def archive_on_tmpfs(tmp_path: Path, demo_archive: Path, size: str):
    """The demo archive copied onto a fresh tmpfs of ``size``: (its path, its sha256 before the test)."""
    with tmpfs(tmp_path / "fs", size) as folder:
        db_path = folder / "archive.db"
        shutil.copy(demo_archive, db_path)
        yield db_path, digest(db_path)


@pytest.mark.parametrize("command", ["crawl", "reprocess"])
def test_a_read_only_archive_is_one_line_exit_1_for_the_writers(tmp_path, demo_archive, command):
    with archive_on_tmpfs(tmp_path, demo_archive, "8m") as (db_path, before):
        remount_read_only(db_path.parent)
        result = danvan(*COMMANDS[command], "--db", str(db_path), cwd=tmp_path)
        line = error_line(result)
        assert result.returncode == 1 and line.startswith(f"danvan {command}: ")
        assert "lock file" in line and "Read-only file system" in line
        assert digest(db_path) == before


def test_a_read_only_archive_can_still_be_exported(tmp_path, demo_archive):
    with archive_on_tmpfs(tmp_path, demo_archive, "8m") as (db_path, before):
        remount_read_only(db_path.parent)
        result = danvan("export", "--db", str(db_path), "--format", "jsonl", cwd=tmp_path)
        assert result.returncode == 0, result.stderr[-2000:]
        assert len(result.stdout.splitlines()) == len(article_urls(db_path, "immutable=1"))
        assert digest(db_path) == before


def test_a_read_only_archive_file_in_a_writable_folder_is_refused_by_the_crawl(tmp_path, demo_archive):
    """The file alone read-only: a bind mount of it, remounted read-only (root ignores file modes)."""
    db_path = tmp_path / "archive.db"
    shutil.copy(demo_archive, db_path)
    before = digest(db_path)
    bound = subprocess.run(["mount", "--bind", str(db_path), str(db_path)], capture_output=True, text=True)
    if bound.returncode:
        pytest.skip(f"cannot bind-mount here: {bound.stderr.strip()}")
    try:
        subprocess.run(["mount", "-o", "remount,bind,ro", str(db_path)], check=True)
        result = danvan("crawl", "--demo", "--db", str(db_path), cwd=tmp_path)
        line = error_line(result)
        assert result.returncode == 1 and line.startswith("danvan crawl: cannot open the archive")
        assert "readonly" in line
    finally:
        subprocess.run(["umount", "-l", str(db_path)], check=False)
    assert digest(db_path) == before


def test_a_full_disk_before_the_crawl_is_one_line_exit_1(tmp_path, demo_archive):
    with archive_on_tmpfs(tmp_path, demo_archive, "2m") as (db_path, before):
        fill(db_path.parent)
        result = danvan("crawl", "--demo", "--db", str(db_path), cwd=tmp_path)
        line = error_line(result)
        assert result.returncode == 1 and line.startswith("danvan crawl: ") and "No space left" in line
        assert digest(db_path) == before


def fill(folder: Path) -> None:
    """Write a ballast file until the file system is full."""
    ballast = open(folder / "ballast", "wb", buffering=0)
    try:
        while True:
            ballast.write(b"\0" * 4096)
    except OSError:
        pass
    finally:
        ballast.close()


def archived_now(db_path: Path) -> dict[str, str]:
    try:
        return article_urls(db_path)
    except sqlite3.OperationalError:  # not migrated yet, or busy
        return {}


def test_a_disk_that_fills_during_a_crawl_stops_it_and_keeps_every_commit(tmp_path):
    with tmpfs(tmp_path / "full", "64m") as folder, FixtureProxy() as proxy:
        db_path = folder / "archive.db"
        command = [sys.executable, "-m", "crawler", "crawl", "--db", str(db_path), *SITE_ARGS, *FAST]
        process = subprocess.Popen(command, cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(ROOT), **proxy.env()},
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        committed = wait_for_articles(db_path, 10)
        fill(db_path.parent)
        stdout, stderr = process.communicate(timeout=300)
        assert process.returncode == 1
        assert stderr.splitlines()[-1].startswith("danvan crawl: stopped: the archive could not be written")
        assert "Traceback" not in stderr.splitlines()[-1]
        with sqlite3.connect(db_path) as conn:
            assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
        after = article_urls(db_path)
    assert len(after) < len(ARTICLES), "the crawl went on to the end"
    assert {url: after.get(url) for url in committed} == committed


def wait_for_articles(db_path: Path, count: int, timeout: float = 120) -> dict[str, str]:
    deadline = time.monotonic() + timeout
    while len(rows := archived_now(db_path)) < count:
        assert time.monotonic() < deadline, "the crawl never got there"
        time.sleep(0.05)
    return rows

