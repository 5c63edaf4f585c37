"""A crawl records pages that are not articles in skipped_pages and archives the rest."""

from __future__ import annotations

import dataclasses
import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import sqlite_utils

from crawler.registry import load_registry

from tests.fixture_web import ARTICLES, build_fixture_web

ROOT = Path(__file__).resolve().parents[1]
SHELL_PAGE = """<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Cổng thông tin</title>
<script src="/static/js/main.4f2a.js"></script></head><body><div id="root"></div>
<noscript>Vui lòng bật JavaScript để xem trang này.</noscript></body></html>"""


def load_snapshot_writer():
    spec = importlib.util.spec_from_file_location("build_demo_snapshot", ROOT / "scripts" / "build_demo_snapshot.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.write_snapshot


def test_shell_page_is_skipped_not_archived(tmp_path):
    shell_url = next(truth.url for truth in ARTICLES if truth.site_id == "hagiangtv")
    web = build_fixture_web()
    web[shell_url] = dataclasses.replace(web[shell_url], body=SHELL_PAGE.encode("utf-8"))
    snapshot = tmp_path / "portal.warc.gz"
    load_snapshot_writer()(snapshot, web)
    db_path = tmp_path / "archive.db"
    result = subprocess.run(
        [sys.executable, "-m", "crawler", "crawl", "--replay", str(snapshot), "--site", "hagiangtv",
         "--db", str(db_path)],
        cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    db = sqlite_utils.Database(db_path)
    skipped = {row["url"]: row for row in db["skipped_pages"].rows}
    shell_url = next(site for site in load_registry() if site.id == "hagiangtv").canonical_url(shell_url)
    assert skipped[shell_url]["reason"] == "javascript-only" and skipped[shell_url]["status"] == 200
    archived = {row["url"] for row in db["articles"].rows}
    assert shell_url not in archived
    assert len(archived) == sum(1 for truth in ARTICLES if truth.site_id == "hagiangtv") - 1
    assert "1 not articles" in result.stdout
