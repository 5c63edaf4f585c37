"""Extraction in worker processes: the same article as in the crawl process, and no orphans left behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from crawler import dedup
from crawler.documents import find_documents
from crawler.page_worker import ExtractorPool, PageJob, extract_page
from crawler.text import fold
from tests.fixture_web import ARTICLES, build_fixture_web

ROOT = Path(__file__).resolve().parents[1]
TRUTH = ARTICLES[0]


def _job() -> PageJob:
    response = build_fixture_web()[TRUTH.url]
    return PageJob(TRUTH.url, response.body, response.header("Content-Type"), "2025-06-01T00:00:00+00:00",
                   None, TRUTH.listing_date)


def test_a_worker_reads_the_page_as_the_crawl_process_does():
    inline = extract_page(_job())
    pool = ExtractorPool(1)
    try:
        in_worker = pool.submit(_job()).result(timeout=120)
    finally:
        pool.close()
    assert in_worker == inline
    assert in_worker.article.title == TRUTH.title
    assert in_worker.article.minhash == dedup.signature(in_worker.article.text)


def test_the_worker_derives_the_keys_the_archive_saves_from_the_text():
    article = extract_page(_job()).article
    keys = article.text_keys
    assert keys.fits(article.title, article.text)
    assert keys.folded_text == fold(article.text) and keys.folded_title == fold(article.title)
    assert keys.content_hash == dedup.content_hash(article.text)
    assert [c.number for c in keys.citations] == article.documents == find_documents(article.text)


def test_a_not_an_article_page_is_skipped_with_its_reason():
    job = PageJob("https://example.vn/x", b"<html><body></body></html>", "text/html; charset=utf-8",
                  "2025-06-01T00:00:00+00:00", "generic", None)
    result = extract_page(job)
    assert result.article is None and result.skipped


PARENT = """
import sys, time
from crawler.page_worker import ExtractorPool
pool = ExtractorPool(1)
if sys.argv[1] == "started":
    pool._executor.submit(int).result(timeout=120)
print(*[p.pid for p in pool._executor._processes.values()], flush=True)
time.sleep(600)
"""


# Killed once the worker runs, and while it is still starting (importing the page objects).
@pytest.mark.parametrize("when", ["started", "starting"])
def test_workers_exit_when_the_crawl_is_killed(when):
    parent = subprocess.Popen([sys.executable, "-c", PARENT, when], stdout=subprocess.PIPE, text=True,
                              env={**os.environ, "PYTHONPATH": str(ROOT)})
    workers = [int(pid) for pid in parent.stdout.readline().split()]
    assert workers
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 30
    while any(_alive(pid) for pid in workers):
        assert time.monotonic() < deadline, "an extraction worker outlived the killed crawl"
        time.sleep(0.1)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # a zombie already exited; only its parent (gone: init) has to reap it
    with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
        return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
