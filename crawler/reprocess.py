"""Re-extract archived articles from their stored raw responses: no network, no Scrapy.

Extraction improves; the portals disappear. This reads each article's latest capture back out of
the WARC files, runs the page objects, dates, text and dedup again, saves through the archive and
counts what changed.

Reading and extraction are pure and run in worker processes; the parent alone writes the archive,
in the order of the articles' rowids, so the result does not depend on the number of workers.
"""

from __future__ import annotations

import json
import multiprocessing
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

import sqlite_utils

from crawler import archive
from crawler.items import Article
from crawler.page_worker import PageJob, extract_page
from crawler.webarchive import read_record

COMPARED_FIELDS = ("title", "published", "author", "source", "text")
"""The fields whose changes reprocessing reports."""
CHUNK = 8
"""Jobs sent to a worker at a time: few enough to keep the workers evenly loaded to the end."""
IN_FLIGHT_PER_WORKER = 64
"""Extracted articles that may wait for the writer, per worker: bounds memory when writing lags."""
# fork where there is one: workers inherit the imported extraction modules instead of importing them again
START_METHOD = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
COMMIT_EVERY = 200
"""Saves per transaction: one commit (and fsync) per article would cost as much as its extraction."""


@dataclass
class Job:
    """One archived article to re-extract from its capture."""

    url: str
    site: str
    platform: str
    listing_date: str | None
    """The date the listing showed beside the link: the capture holds only the article page."""
    warc_path: Path
    offset: int
    captured_at: str
    content_hash: str | None
    """The stored text's hash: a text that changed is clustered again, and needs its signature."""


def jobs(db: sqlite_utils.Database, warc_dir: Path) -> list[Job]:
    """Every archived article that has a capture, with what re-extraction needs."""
    sql = (
        "select articles.url, articles.site, sites.platform, articles.published, articles.published_source, "
        "articles.date_candidates, articles.content_hash, captures.warc_file, captures.offset, captures.captured_at "
        "from articles "
        "join captures on captures.id = articles.capture join sites on sites.id = articles.site order by articles.rowid"
    )
    return [
        Job(r["url"], r["site"], r["platform"], _listing_date(r), warc_dir / r["warc_file"], r["offset"],
            r["captured_at"], r["content_hash"])
        for r in db.query(sql)
    ]


def reprocess(db: sqlite_utils.Database, warc_dir: Path, run_id: int, seen_at: str,
              progress: Callable[[Iterator[Job]], Iterator[Job]] = iter, workers: int = 1) -> Counter:
    """Re-extract every captured article; counts of what changed (e.g. "published changed": 3).

    ``workers`` processes read and extract (1: all in this process); this process saves.
    """
    changes: Counter = Counter()
    todo = jobs(db, warc_dir)
    with extracted(todo, workers) as results:
        done = zip(progress(todo), results)
        while batch := list(islice(done, COMMIT_EVERY)):
            with db.atomic():
                for job, result in batch:
                    changes.update(_save(db, job, result, run_id, seen_at))
    changes["articles"] = len(todo)
    return changes


def extract_job(job: Job) -> Article | str:
    """Read one capture and extract it: the article, or why it is none ("undecodable", "now no-text")."""
    response = read_record(job.warc_path, job.offset)
    platform = None if job.platform == "generic" else job.platform
    page = PageJob(job.url, response.body, response.header("Content-Type"), job.captured_at.replace("Z", "+00:00"),
                   platform, job.listing_date, stored_hash=job.content_hash)
    result = extract_page(page)
    if result.article is None:
        return "undecodable" if result.skipped == "undecodable" else f"now {result.skipped}"
    return result.article


@contextmanager
def extracted(todo: list[Job], workers: int) -> Iterator[Iterator[Article | str]]:
    """``extract_job`` of every job, in order: in this process, or in a pool of ``workers`` processes."""
    if workers <= 1:
        yield map(extract_job, todo)
        return
    slots = threading.BoundedSemaphore(workers * IN_FLIGHT_PER_WORKER)
    stopping = threading.Event()
    with multiprocessing.get_context(START_METHOD).Pool(workers) as pool:
        results = pool.imap(extract_job, _throttled(todo, slots, stopping), chunksize=CHUNK)
        try:
            yield _releasing(results, slots)
        finally:
            stopping.set()
            _release_all(slots)


def _throttled(todo: Iterable[Job], slots: threading.BoundedSemaphore, stopping: threading.Event) -> Iterator[Job]:
    """The jobs, each handed to the pool only once a slot is free (the pool's feeder thread waits here)."""
    for job in todo:
        slots.acquire()
        if stopping.is_set():
            return
        yield job


def _releasing(results: Iterator[Article | str], slots: threading.BoundedSemaphore) -> Iterator[Article | str]:
    for result in results:
        slots.release()
        yield result


def _release_all(slots: threading.BoundedSemaphore) -> None:
    """Wake the feeder thread if it waits for a slot, so the pool can shut down."""
    try:
        while True:
            slots.release()
    except ValueError:  # all slots free
        pass


def _save(db: sqlite_utils.Database, job: Job, result: Article | str, run_id: int, seen_at: str) -> list[str]:
    if isinstance(result, str):
        return [result]
    old = next(db.query(f"select fetched_at, {', '.join(COMPARED_FIELDS)} from articles where url = ?", [job.url]))
    result.site_id, result.fetched_at = job.site, old["fetched_at"]
    result.capture = None
    archive.save_article(db, result, run_id, seen_at, keep_versions=False)
    return [f"{field} changed" for field in COMPARED_FIELDS if getattr(result, field) != old[field]]


def _listing_date(row: dict) -> str | None:
    """The listing's date for this article, as the crawl passed it to extraction."""
    for candidate in json.loads(row["date_candidates"] or "[]"):
        if candidate.get("source") == "listing":
            return candidate.get("raw")
    # archives from before date candidates were kept: only a date the page never showed is known
    return row["published"] if row["published_source"] == "listing" else None
