"""`danvan export` over the demo archive: every matching row, in every format, and files that parse back."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import sqlite_utils
from click.testing import CliRunner

from crawler import archive
from crawler.cli import cli
from crawler.export import JSON_COLUMNS, Filters, export_articles, sql_literal
from crawler.text import fold

ROOT = Path(__file__).resolve().parents[1]
FORMATS = ("csv", "jsonl", "sql")


def danvan(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """Run the `danvan` command as a report writer would, in a fresh process."""
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "crawler", *args], cwd=cwd, env=environment,
                          capture_output=True, timeout=300)


def export(*args: str) -> subprocess.CompletedProcess:
    """`danvan export` in this process (click's runner): the same command, without a second's start-up."""
    result = CliRunner().invoke(cli, ["export", *args])
    return subprocess.CompletedProcess(args, result.exit_code, result.stdout_bytes, result.stderr_bytes)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The demo archive (`danvan crawl --demo`) and all its article rows, read independently."""
    workdir = tmp_path_factory.mktemp("export")
    db_path = workdir / "demo.db"
    crawl = danvan("crawl", "--demo", "--db", str(db_path), cwd=workdir)
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    db = sqlite_utils.Database(db_path)
    rows = {row["url"]: row for row in db["articles"].rows}
    originals = {row["original"] for row in db["clusters"].rows}
    db.close()
    return {"db_path": db_path, "workdir": workdir, "rows": rows, "originals": originals}


def words(text: str) -> set[str]:
    """The folded words of a text, split as FTS5's unicode61 tokenizer splits them."""
    return set(re.findall(r"[^\W_]+", fold(text)))


def matching(rows: dict[str, dict], query: str = "", provinces=(), sites=(), date_from=None, date_to=None,
             unique_from=None) -> set[str]:
    """The URLs an export must hold, computed by plain filtering in Python."""
    wanted = {fold(p) for p in provinces}
    found = set()
    for url, row in rows.items():
        day = (row["published"] or "")[:10]
        if words(query) - words(f"{row['title']} {row['text']}"):
            continue
        if wanted and not {fold(row["province_before"] or ""), fold(row["province_after"] or "")} & wanted:
            continue
        if (sites and row["site"] not in sites) or (unique_from is not None and url not in unique_from):
            continue
        if (date_from and not (day and day >= date_from)) or (date_to and not (day and day <= date_to)):
            continue
        found.add(url)
    return found


def parse(fmt: str, data: bytes, tmp_path: Path) -> list[dict]:
    """Read an export back with the standard tools: csv, json, sqlite3."""
    if fmt == "csv":
        return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    if fmt == "jsonl":
        return [json.loads(line) for line in data.decode("utf-8").splitlines()]
    loaded = tmp_path / "loaded.db"
    connection = sqlite3.connect(loaded)
    connection.executescript(data.decode("utf-8"))
    connection.close()
    return list(sqlite_utils.Database(loaded)["articles"].rows)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("query, province", [("dân vận khéo", "Quảng Ninh"), ("dan van kheo", "quang ninh")],
                         ids=["diacritics", "folded"])
def test_export_has_every_matching_row(demo, tmp_path, fmt, query, province):
    out = tmp_path / f"export.{fmt}"
    result = danvan("export", "--db", str(demo["db_path"]), "--format", fmt, "--query", query,
                    "--province", province, "--output", str(out), cwd=tmp_path)
    assert result.returncode == 0, result.stderr.decode()[-2000:]
    expected = matching(demo["rows"], "dân vận khéo", provinces=["Quảng Ninh"])
    assert len(expected) >= 3  # the demo has several such reports
    rows = parse(fmt, out.read_bytes(), tmp_path)
    assert [row["url"] for row in rows] == sorted(expected, key=lambda url: (demo["rows"][url]["published"], url))
    assert f"{len(expected)} articles exported".encode() in result.stderr


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_keeps_every_value(demo, tmp_path, fmt):
    """All columns, all rows: CSV as text (JSON columns as JSON text), JSON Lines typed, SQL identical."""
    result = export("--db", str(demo["db_path"]), "--format", fmt, "-o", str(tmp_path / "all"))
    assert result.returncode == 0, result.stderr.decode()[-2000:]
    rows = parse(fmt, (tmp_path / "all").read_bytes(), tmp_path)
    assert len(rows) == len(demo["rows"])
    for row in rows:
        stored = demo["rows"][row["url"]]
        assert list(row) == list(stored)
        if fmt == "csv":
            assert row == {k: "" if v is None else str(v) for k, v in stored.items()}
        elif fmt == "jsonl":
            assert row == {k: json.loads(v) if k in JSON_COLUMNS else v for k, v in stored.items()}
            assert all(isinstance(row[column], list) for column in JSON_COLUMNS)
        else:
            assert row == stored


def test_sql_dump_loads_with_the_sqlite3_shell(demo, tmp_path):
    if not shutil.which("sqlite3"):
        pytest.skip("no sqlite3 shell")
    dump = tmp_path / "dump.sql"
    result = danvan("export", "--db", str(demo["db_path"]), "--format", "sql", "--site", "hagiangtv",
                    "-o", str(dump), cwd=tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    with dump.open("rb") as script:
        subprocess.run(["sqlite3", str(tmp_path / "new.db")], stdin=script, check=True, timeout=60)
    loaded = sqlite_utils.Database(tmp_path / "new.db")
    assert {row["url"] for row in loaded["articles"].rows} == matching(demo["rows"], sites=["hagiangtv"])
    assert loaded["articles"].pks == ["url"]


def test_csv_to_stdout_opens_in_excel_and_progress_stays_on_stderr(demo, tmp_path):
    result = danvan("export", "--db", str(demo["db_path"]), "--site", "danvan", cwd=tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout.startswith(b"\xef\xbb\xbfurl,")  # UTF-8 byte-order mark: Excel reads it as UTF-8
    rows = parse("csv", result.stdout, tmp_path)
    assert {row["url"] for row in rows} == matching(demo["rows"], sites=["danvan"])
    assert json.loads(rows[0]["date_candidates"]) == json.loads(demo["rows"][rows[0]["url"]]["date_candidates"])
    assert b"exporting" in result.stderr and b"exported to stdout" in result.stderr


@pytest.mark.parametrize(
    "args, filters",
    [
        (["--from", "2019-07-16", "--to", "2019-10-25"], {"date_from": "2019-07-16", "date_to": "2019-10-25"}),
        (["--to", "2020-05-28", "--site", "phongdien", "--site", "quangninh-bdv"],
         {"date_to": "2020-05-28", "sites": ["phongdien", "quangninh-bdv"]}),
        (["--province", "Huế", "--province", "Gia Lai", "--query", "dang"],
         {"provinces": ["Huế", "Gia Lai"], "query": "dang"}),
        (["--province", "Tuyên Quang"], {"provinces": ["Tuyên Quang"]}),  # Hà Giang before 2025
    ],
    ids=["dates", "sites-and-end", "provinces-and-query", "province-after"],
)
def test_filters_combine(demo, tmp_path, args, filters):
    result = export("--db", str(demo["db_path"]), "--format", "jsonl", *args)
    assert result.returncode == 0, result.stderr.decode()
    expected = matching(demo["rows"], **filters)
    assert expected and len(expected) < len(demo["rows"])
    assert {row["url"] for row in parse("jsonl", result.stdout, tmp_path)} == expected


def test_unique_reports_keeps_only_originals(demo, tmp_path):
    result = export("--db", str(demo["db_path"]), "--format", "jsonl", "--unique-reports")
    assert result.returncode == 0, result.stderr.decode()
    urls = {row["url"] for row in parse("jsonl", result.stdout, tmp_path)}
    assert urls == matching(demo["rows"], unique_from=demo["originals"])
    assert len(urls) == len(demo["rows"]) - 1  # the demo's one republished copy is left out


@pytest.mark.parametrize("fmt", FORMATS)
def test_nothing_matches_gives_a_valid_empty_file(demo, tmp_path, fmt):
    result = export("--db", str(demo["db_path"]), "--format", fmt, "--query", "xyzzy")
    assert result.returncode == 0 and b"0 articles exported" in result.stderr
    assert parse(fmt, result.stdout, tmp_path) == []
    if fmt == "csv":
        assert result.stdout.decode("utf-8-sig").startswith("url,site,")


@pytest.mark.parametrize(
    "args, message",
    [(["--from", "2024-02-01", "--to", "2024-01-01"], "--from is later than --to"),
     (["--format", "xlsx"], "'xlsx' is not one of"), (["--from", "1/2/2024"], "does not match the format")],
    ids=["reversed-dates", "format", "day-first-date"],
)
def test_usage_errors_exit_2(demo, tmp_path, args, message):
    result = export("--db", str(demo["db_path"]), *args, "-o", str(tmp_path / "x"))
    assert result.returncode == 2 and message.encode() in result.stderr
    assert not (tmp_path / "x").exists()


def test_rows_are_written_while_they_are_read(demo):
    """Streaming: bytes reach the output before the last row is fetched, and the rows come from a generator."""
    written_before_row = []
    sink = io.BytesIO()

    def watch(rows):
        for row in rows:
            written_before_row.append(sink.tell())
            yield row

    db = archive.open_archive(demo["db_path"])
    assert not isinstance(archive.iter_articles(db), list | tuple)
    count = export_articles(db, Filters(), "jsonl", sink, progress=watch)
    db.close()
    assert count == len(demo["rows"]) and written_before_row[-1] > 0
    assert not sink.closed  # the caller's stream stays open


@pytest.mark.parametrize("value", ["it's", "dòng 1\ndòng 2", "nul\x00byte", "", 42, -7, 1.5, None, b"\x00\xff"])
def test_sql_literals_round_trip(value):
    assert sqlite3.connect(":memory:").execute(f"select {sql_literal(value)}").fetchone()[0] == value


def test_undated_articles_come_last_and_drop_out_of_date_ranges(demo, tmp_path):
    db_path = tmp_path / "undated.db"
    shutil.copy(demo["db_path"], db_path)
    with contextlib.closing(sqlite3.connect(db_path)) as connection:
        connection.execute("update articles set published = null where site = 'sontinh'")
        connection.commit()
    db = archive.open_archive(db_path)
    dates = [row["published"] for row in archive.iter_articles(db)]
    in_range = list(archive.iter_articles(db, date_from="2000-01-01"))
    db.close()
    undated = matching(demo["rows"], sites=["sontinh"])
    assert dates[-len(undated):] == [None] * len(undated) and None not in dates[:-len(undated)]
    assert len(in_range) == len(demo["rows"]) - len(undated)
