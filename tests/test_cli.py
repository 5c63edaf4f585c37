"""The `danvan` command as an operator uses it: extract, replay, registry options and errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import sqlite_utils

from crawler.cli import EXTRACT_KEYS
from crawler.runner import DEMO_SNAPSHOT
from tests.fixture_web import ARTICLES, build_fixture_web

ROOT = Path(__file__).resolve().parents[1]


def danvan(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "crawler", *args], cwd=cwd, env=environment,
                          capture_output=True, text=True, timeout=300)


def sites_in(db_path: Path) -> set[str]:
    return {row["site"] for row in sqlite_utils.Database(db_path).query("select distinct site from articles")}


@pytest.mark.parametrize("truth", [ARTICLES[0], ARTICLES[-1]], ids=lambda t: t.site_id)
def test_extract_prints_one_json_object_with_the_documented_keys(tmp_path, truth):
    page = tmp_path / "page.html"
    page.write_bytes(build_fixture_web()[truth.url].body)
    result = danvan("extract", str(page), "--url", truth.url, "--fetched-at", "2025-11-01T00:00:00+00:00",
                    cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert tuple(record) == EXTRACT_KEYS
    assert (record["site"], record["title"], record["author"]) == (truth.site_id, truth.title, truth.author)
    assert record["text"].split("\n\n")[0] == truth.paragraphs[0]


def test_extract_rejects_a_bad_fetch_time(tmp_path):
    page = tmp_path / "page.html"
    page.write_text("<html><body><h1>Tiêu đề</h1></body></html>", encoding="utf-8")
    result = danvan("extract", str(page), "--url", "https://example.vn/a", "--fetched-at", "hôm qua", cwd=tmp_path)
    assert result.returncode == 2 and "not an ISO 8601 date-time" in result.stderr


def test_replay_limited_to_one_site(tmp_path):
    db_path = tmp_path / "archive.db"
    result = danvan("crawl", "--replay", str(DEMO_SNAPSHOT), "--site", "hagiangtv", "--db", str(db_path),
                    cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    assert sites_in(db_path) == {"hagiangtv"}
    assert result.stdout.startswith("hagiangtv: ")


def test_another_registry_file_with_platform_detection(tmp_path):
    registry = tmp_path / "one-site.toml"
    registry.write_text(
        '[[site]]\nid = "baogialai"\nname = "Báo Gia Lai"\nlevel = "newspaper"\nprovince_before = "Gia Lai"\n'
        'province_after = "Gia Lai"\nplatform = "generic"\nbase_url = "https://baogialai.com.vn/"\n'
        'start_urls = ["https://baogialai.com.vn/chinh-tri/"]\nstatus = "live"\n',
        encoding="utf-8",
    )
    db_path = tmp_path / "archive.db"
    result = danvan("crawl", "--demo", "--sites", str(registry), "--db", str(db_path), cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    assert sites_in(db_path) == {"baogialai"}
    platforms = {row["platform"] for row in sqlite_utils.Database(db_path).query("select platform from articles")}
    assert platforms == {"mcms"}  # "generic" in the registry: each page's family detected from markup


@pytest.mark.parametrize(
    "args, message",
    [
        (["crawl", "--demo", "--site", "nowhere"], "unknown site id: nowhere"),
        (["crawl", "--demo", "--setting", "DOWNLOAD_DELAY"], "expected NAME=VALUE"),
    ],
    ids=["unknown-site", "bad-setting"],
)
def test_usage_errors_exit_2_and_touch_no_archive(tmp_path, args, message):
    result = danvan(*args, "--db", str(tmp_path / "archive.db"), cwd=tmp_path)
    assert result.returncode == 2 and message in result.stderr
    assert not (tmp_path / "archive.db").exists()


def test_malformed_registry_exits_2(tmp_path):
    registry = tmp_path / "broken.toml"
    registry.write_text("[[site]\n", encoding="utf-8")
    result = danvan("crawl", "--sites", str(registry), "--db", str(tmp_path / "archive.db"), cwd=tmp_path)
    assert result.returncode == 2 and "not valid TOML" in result.stderr
