"""Re-extract archived articles from their stored raw responses: no network, no Scrapy.

Extraction improves; the portals disappear. This reads each article's latest capture back out of
the WARC files, runs the page objects, dates, text and dedup again, saves through the archive and
counts what changed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import sqlite_utils

from crawler import archive
from crawler.extraction import extract_article
from crawler.text import GzipBodyError, decode_html
from crawler.webarchive import read_record

COMPARED_FIELDS = ("title", "published", "author", "source", "text")
"""The fields whose changes reprocessing reports."""


@dataclass
class Job:
    """One archived article to re-extract from its capture."""

    url: str
    site: str
    platform: str
    published: str | None
    published_source: str | None
    warc_path: Path
    offset: int
    captured_at: str


def jobs(db: sqlite_utils.Database, warc_dir: Path) -> list[Job]:
    """Every archived article that has a capture, with what re-extraction needs."""
    sql = (
        "select articles.url, articles.site, sites.platform, articles.published, articles.published_source, "
        "captures.warc_file, captures.offset, captures.captured_at from articles "
        "join captures on captures.id = articles.capture join sites on sites.id = articles.site order by articles.rowid"
    )
    return [
        Job(r["url"], r["site"], r["platform"], r["published"], r["published_source"],
            warc_dir / r["warc_file"], r["offset"], r["captured_at"])
        for r in db.query(sql)
    ]


def reprocess(db: sqlite_utils.Database, warc_dir: Path, run_id: int, seen_at: str,
              progress: Callable[[Iterator[Job]], Iterator[Job]] = iter) -> Counter:
    """Re-extract every captured article; counts of what changed (e.g. "published changed": 3)."""
    changes: Counter = Counter()
    todo = jobs(db, warc_dir)
    for job in progress(todo):
        changes.update(_reprocess_one(db, job, run_id, seen_at))
    changes["articles"] = len(todo)
    return changes


def _reprocess_one(db: sqlite_utils.Database, job: Job, run_id: int, seen_at: str) -> list[str]:
    old = db["articles"].get(job.url)
    response = read_record(job.warc_path, job.offset)
    try:
        html = decode_html(response.body, response.header("Content-Type"))
    except GzipBodyError:
        return ["undecodable"]
    # A date the page never showed came from the listing; the capture cannot give it back.
    listing_date = job.published if job.published_source == "listing" else None
    fetched_at = datetime.fromisoformat(job.captured_at.replace("Z", "+00:00"))
    platform = None if job.platform == "generic" else job.platform
    article = extract_article(job.url, html, fetched_at, platform, listing_date=listing_date)
    if article.shell or not article.text.strip():
        return [f"now {article.shell or 'no-text'}"]
    article.site_id, article.fetched_at = job.site, old["fetched_at"]
    article.capture = None
    archive.save_article(db, article, run_id, seen_at, keep_versions=False)
    return [f"{field} changed" for field in COMPARED_FIELDS if getattr(article, field) != old[field]]
