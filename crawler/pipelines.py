"""Item pipelines: thin adapters from Scrapy to the pure extraction modules and the archive."""

from __future__ import annotations

import asyncio
import gc
import logging
import shlex
import sys
from datetime import datetime, timezone

from scrapy import signals
from scrapy.utils.reactor import is_asyncio_reactor_installed
from twisted.internet.task import LoopingCall

from crawler import archive
from crawler.items import Article, FetchedPage, FetchFailure, GonePage, ListingPage, NotModifiedPage, SkippedPage
from crawler.page_worker import ExtractorPool, PageJob, default_processes

logger = logging.getLogger(__name__)

COMMIT_EVERY_S = 1.0
"""How long saved items wait for their commit: a killed crawl loses at most this much, fetched again next run."""
GC_YOUNG_THRESHOLD = 10_000
"""Net allocations between young collections while crawling: Python's 700 meant ~3 collections per page, each
walking every young request, response and Deferred (~0.4 ms per page in all, more through the cache misses)."""


class ExtractPipeline:
    """FetchedPage -> Article through the site's platform page object (SkippedPage if not one).

    Pages are read in worker processes (EXTRACT_PROCESSES; crawler.page_worker) so the reactor
    keeps downloading meanwhile; 0 reads them in the crawl process.
    """

    def __init__(self, crawler, processes: int):
        self.crawler = crawler
        self.processes = processes
        self.pool: ExtractorPool | None = None

    @classmethod
    def from_crawler(cls, crawler):
        processes = crawler.settings.get("EXTRACT_PROCESSES")
        processes = default_processes() if processes in (None, "") else int(processes)
        if not is_asyncio_reactor_installed():  # awaiting a worker needs the asyncio reactor
            processes = 0
        return cls(crawler, processes)

    def open_spider(self):
        self.pool = ExtractorPool(self.processes)

    def close_spider(self):
        self.pool.close()

    async def process_item(self, item):
        if not isinstance(item, FetchedPage):
            return item
        site = self.crawler.spider.sites[item.site_id]
        url = site.canonical_url(item.url)
        job = PageJob(item.url, item.body, item.content_type, item.fetched_at, site.platform_hint, item.listing_date)
        result = await asyncio.wrap_future(self.pool.submit(job))
        if result.skipped:
            if result.skipped == "undecodable":
                logger.warning("Undecodable body (%s): %s", result.detail, item.url)
            else:
                detail = f": {result.detail}" if result.detail else ""
                logger.warning("Not an article (%s%s): %s", result.skipped, detail, item.url)
            return SkippedPage(url, item.site_id, result.skipped, item.status, item.fetched_at)
        article = result.article
        article.url = url
        article.site_id = item.site_id
        article.fetched_at = item.fetched_at
        article.capture = item.capture
        article.redirected_from = site.canonical_url(item.linked_url) if item.linked_url else None
        return article


class ArchivePipeline:
    """Writes articles into the SQLite archive and records the crawl run with per-site counts.

    Each item is saved atomically; the items of about a second share one commit (``COMMIT_EVERY_S``):
    a commit per article, with its search-index flush, cost as much as the rest of the save.
    """

    def __init__(self, crawler, path: str, command: str, keep_versions: bool = True):
        self.crawler = crawler
        self.path = path
        self.command = command
        self.keep_versions = keep_versions
        """Off when replaying: a replayed page is not a new version of what the portal shows."""
        self.db = None
        self.run_id: int | None = None
        self._committer: LoopingCall | None = None
        self._gc_thresholds = gc.get_threshold()

    @classmethod
    def from_crawler(cls, crawler):
        command = crawler.settings.get("CRAWL_COMMAND") or shlex.join(sys.argv)
        replaying = bool(crawler.settings.getlist("REPLAY_FILES"))
        pipeline = cls(crawler, crawler.settings.get("ARCHIVE_PATH"), command, keep_versions=not replaying)
        # The run is closed on spider_closed, the first moment the finish reason is known.
        crawler.signals.connect(pipeline.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(pipeline.request_dropped, signal=signals.request_dropped)
        return pipeline

    def request_dropped(self, request, spider):
        """A redirect that led back to a URL already asked for is a loop: recorded like a failed fetch."""
        failure = spider.redirect_loop_failure(request)
        if failure is not None:
            self.process_item(failure)

    def open_spider(self):
        self._gc_thresholds = tune_gc(GC_YOUNG_THRESHOLD)
        try:
            # commits without an fsync each: the crawl's pace is not the disk's
            self.db = archive.open_archive(self.path, sync_every_commit=False)
            archive.save_sites(self.db, self.crawler.spider.sites.values())
            self.run_id = archive.start_run(self.db, self.command, _now())
        except Exception:
            logger.exception("The archive %s could not be opened for this run", self.path)  # the runner stops on it
            raise
        self._committer = LoopingCall(archive.commit_batch, self.db)
        self._committer.start(COMMIT_EVERY_S, now=False).addErrback(self._commit_failed)

    def _commit_failed(self, failure) -> None:
        """A commit that failed (disk full, read-only) is logged with its cause: the runner stops the crawl on it."""
        logger.error("The archive could not be written", exc_info=(failure.type, failure.value, failure.tb))

    def process_item(self, item):
        site = self.crawler.spider.sites[item.site_id]
        archive.begin_batch(self.db)  # the items of the next COMMIT_EVERY_S share one commit
        if isinstance(item, FetchFailure):
            archive.save_fetch_failure(self.db, item, self.run_id)
            return item
        archive.clear_fetch_failure(self.db, _fetched_key(item, site), getattr(item, "redirected_from", None))
        if isinstance(item, Article):
            outcome = archive.save_article(self.db, item, self.run_id, item.fetched_at, self.keep_versions)
            self._count(item.site_id, *archive.COUNTS_BY_OUTCOME[outcome])
        elif isinstance(item, SkippedPage):
            archive.save_skipped(self.db, item.url, item.site_id, item.reason, item.status, item.fetched_at,
                                 self.run_id, item.fetched_at)
            self._count(item.site_id, "pages_skipped")
        elif isinstance(item, GonePage):
            logger.info("Gone (%s): %s", item.reason, item.url)
            archive.mark_gone(self.db, site.canonical_url(item.url), item.site_id, item.reason, item.status,
                              item.fetched_at, self.run_id, item.fetched_at)
            self._count(item.site_id, "pages_gone")
        elif isinstance(item, NotModifiedPage):
            archive.mark_seen(self.db, site.canonical_url(item.url), item.fetched_at)
            self._count(item.site_id, "articles_unchanged")
        elif isinstance(item, ListingPage):
            archive.save_listing(self.db, item.url, item.site_id, item.entries, item.next_page, item.etag,
                                 item.last_modified, item.fetched_at, self.run_id)
        return item

    def _count(self, site_id: str, *counters: str) -> None:
        for counter in counters:
            self.crawler.stats.inc_value(f"site/{site_id}/{counter}")

    def spider_closed(self, spider, reason):
        if self.db is None:  # the archive never opened: nothing to close or record
            restore_gc(self._gc_thresholds)
            return
        stats = self.crawler.stats.get_stats()
        site_counts = site_counts_from_stats(stats, spider.sites)
        failures = failed_sites(stats, site_counts)
        for site_id, why in failures.items():
            logger.error("Site %s failed: %s", site_id, why)
        for site_id, counts in site_counts.items():
            if counts["pages_failed"]:
                logger.error("Site %s: %d pages could not be fetched (see fetch_failures; tried again next run)",
                             site_id, counts["pages_failed"])
        if self._committer is not None and self._committer.running:  # a failed commit stops the loop; this one then raises
            self._committer.stop()
        archive.commit_batch(self.db)
        archive.finish_run(self.db, self.run_id, _now(), exit_status(reason, failures, site_counts), site_counts,
                           failures)
        self.db.close()
        restore_gc(self._gc_thresholds)


def site_counts_from_stats(stats: dict, site_ids) -> dict[str, dict[str, int]]:
    """Per-site counters ``site/<id>/<counter>`` gathered from the crawl stats."""
    return {s: {c: int(stats.get(f"site/{s}/{c}", 0)) for c in archive.RUN_COUNTS} for s in site_ids}


def failed_sites(stats: dict, site_counts: dict[str, dict[str, int]]) -> dict[str, str]:
    """Sites that were asked for pages and answered none (dead host, timeouts, only errors), and why."""
    return {
        site: stats.get(f"site/{site}/last_error") or "no page could be fetched"
        for site, counts in site_counts.items()
        if counts["requests"] and not counts["pages_ok"]
    }


def exit_status(finish_reason: str | None, failures: dict[str, str] | None = None,
                site_counts: dict[str, dict[str, int]] | None = None) -> int:
    """0 when the crawl finished normally, no site failed and every page was fetched, 1 otherwise (README)."""
    pages_failed = sum(counts.get("pages_failed", 0) for counts in (site_counts or {}).values())
    return 0 if finish_reason == "finished" and not failures and not pages_failed else 1


def _fetched_key(item, site) -> str | None:
    """The archive key of the page an item says was fetched (a listing page is kept under its own URL)."""
    if isinstance(item, ListingPage):
        return item.url
    return site.canonical_url(item.url) if isinstance(item, (GonePage, NotModifiedPage)) else item.url


def tune_gc(young_threshold: int) -> tuple[int, int, int]:
    """Collect garbage less often, and never walk what start-up built; the thresholds to restore after."""
    previous = gc.get_threshold()
    gc.collect()
    gc.freeze()  # modules, Scrapy's components, the registry: live to the end, no use walking them
    gc.set_threshold(young_threshold, *previous[1:])
    return previous


def restore_gc(previous: tuple[int, int, int]) -> None:
    gc.unfreeze()
    gc.set_threshold(*previous)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
