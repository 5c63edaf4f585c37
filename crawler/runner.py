"""Run a crawl of registry sites into an archive: the Python API behind `danvan crawl`."""

from __future__ import annotations

import errno
import logging
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from crawler.archive import ArchiveError, NotAnArchive
from crawler.pipelines import exit_status, failed_sites, site_counts_from_stats
from crawler.registry import Site
from spiders.portal import PortalSpider

DEMO_SNAPSHOT = Path(__file__).with_name("demo") / "fixture_portals.warc.gz"
LOG_FORMAT = "%(asctime)s [%(name)s] %(levelname)s: %(message)s"

# Replaying a web archive asks no server, so politeness delays only waste time.
REPLAY_SETTINGS = {
    "AUTOTHROTTLE_ENABLED": False,
    "DOWNLOAD_DELAY": 0,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 16,
}


@dataclass
class CrawlOutcome:
    """What a crawl did: its exit status and per-site counters."""

    exit_status: int
    site_counts: dict[str, dict[str, int]]
    failures: dict[str, str]
    """Site id -> why the site failed (no page fetched)."""
    stats: dict
    storage_error: str | None = None
    """Why the archive or its WARC files could not be written (disk full, read-only), if that stopped the crawl."""


def crawl_settings(db_path: str | Path, replay_files=(), overrides: dict | None = None,
                   command: str | None = None) -> Settings:
    """Project settings plus this run's archive path, replay files and explicit overrides."""
    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    settings.set("ARCHIVE_PATH", str(db_path), priority="cmdline")
    if command:
        settings.set("CRAWL_COMMAND", command, priority="cmdline")
    if replay_files:
        settings.set("REPLAY_FILES", [str(f) for f in replay_files], priority="cmdline")
        settings.setdict(REPLAY_SETTINGS, priority="cmdline")
    settings.setdict(overrides or {}, priority="cmdline")
    return settings


def run_crawl(sites: list[Site], settings: Settings, log_file: str | Path | None = None) -> CrawlOutcome:
    """Crawl ``sites`` with ``settings`` in this process (once: Twisted cannot restart)."""
    process = CrawlerProcess(settings)
    if log_file:
        _log_to_file(Path(log_file), settings.get("LOG_LEVEL"))
    crawler = process.create_crawler(PortalSpider)
    watch = StorageErrorWatch(crawler)
    logging.getLogger().addHandler(watch)
    process.crawl(crawler, sites=sites)
    try:
        process.start()
    finally:
        logging.getLogger().removeHandler(watch)
    stats = crawler.stats.get_stats()
    site_counts = site_counts_from_stats(stats, [s.id for s in sites])
    failures = failed_sites(stats, site_counts)
    return CrawlOutcome(
        exit_status=exit_status(stats.get("finish_reason"), failures, site_counts) or int(bool(watch.error)),
        site_counts=site_counts,
        failures=failures,
        stats=stats,
        storage_error=watch.error,
    )


STORAGE_ERRNOS = {errno.ENOSPC, errno.EFBIG, errno.EDQUOT, errno.EROFS, errno.EACCES}


class StorageErrorWatch(logging.Handler):
    """Stops the crawl at the first logged failure to write the archive or WARC files (disk full, read-only).

    Such errors surface in the pipeline's commit loop or in a middleware, where Scrapy only logs
    them; fetching on would only lose what it fetched.
    """

    def __init__(self, crawler):
        super().__init__(level=logging.ERROR)
        self.crawler = crawler
        self.error: str | None = None

    def emit(self, record: logging.LogRecord) -> None:
        error = record.exc_info[1] if record.exc_info else None
        if self.error or not is_storage_error(error):
            return
        self.error = str(error)
        from twisted.internet import reactor  # the one Scrapy runs on
        reactor.callLater(0, self.crawler.stop)


def is_storage_error(error: BaseException | None) -> bool:
    """A failure to write to disk: SQLite's (full, read-only, I/O) or the file system's."""
    if isinstance(error, ArchiveError) and not isinstance(error, NotAnArchive):
        return True
    if isinstance(error, sqlite3.OperationalError):
        return any(word in str(error) for word in ("disk is full", "readonly", "disk I/O error"))
    return isinstance(error, OSError) and error.errno in STORAGE_ERRNOS


def _log_to_file(path: Path, level: str) -> None:
    """Send the crawl log to ``path`` as well as stderr."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    handler.setLevel(level)
    logging.getLogger().addHandler(handler)
