"""Downloader middlewares: per-site request accounting, WARC capture and replay, Retry-After, robots.txt."""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from http import HTTPStatus
from pathlib import Path

from scrapy import signals
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware as ScrapyRobotsTxtMiddleware
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import Headers
from scrapy.responsetypes import responsetypes
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from scrapy.utils.reactor import is_asyncio_reactor_installed
from twisted.internet.defer import Deferred

from crawler.webarchive import RotatingWarcWriter, WarcIndex, response_record

logger = logging.getLogger(__name__)


class SiteStatsMiddleware:
    """Counts requests, answers, HTTP errors and download failures per registry site in the crawl stats.

    A status the request said it expects (a 404/410 for an article link: a gone page) is data, not an error.
    """

    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_request(self, request):
        self._inc(request, "requests")

    def process_response(self, request, response):
        expected = response.status in request.meta.get("handle_httpstatus_list", ())
        if response.status >= 400 and not expected:
            self._error(request, f"HTTP {response.status} on {request.url}")
        elif response.status < 400 and not request.url.endswith("/robots.txt"):
            self._inc(request, "pages_ok")
        if response.status == 304:
            self._inc(request, "not_modified")
        return response

    def process_exception(self, request, exception):
        if not isinstance(exception, IgnoreRequest):
            self._error(request, f"{type(exception).__name__}: {exception} on {request.url}")

    def _error(self, request, reason: str) -> None:
        site_id = self._inc(request, "errors")
        if site_id:
            self.crawler.stats.set_value(f"site/{site_id}/last_error", reason)

    def _inc(self, request, counter: str) -> str | None:
        site_id = self.crawler.spider.site_id_for(request.url)
        if site_id:
            self.crawler.stats.inc_value(f"site/{site_id}/{counter}")
        return site_id


class WarcReplayMiddleware:
    """Answers requests from WARC files (REPLAY_FILES) so a crawl runs without the network."""

    def __init__(self, index: WarcIndex, crawler):
        self.index = index
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        files = crawler.settings.getlist("REPLAY_FILES")
        if not files:
            raise NotConfigured("no REPLAY_FILES")
        index = WarcIndex(files)
        logger.info("Replaying %d captured URLs from %s", len(index), ", ".join(files))
        return cls(index, crawler)

    def process_request(self, request):
        archived = self.index.get(request.url)
        if archived is None:
            self.crawler.stats.inc_value("replay/missing")
            raise IgnoreRequest(f"not in the replayed web archive: {request.url}")
        self.crawler.stats.inc_value("replay/served")
        request.meta["fetched_at"] = archived.captured_at
        headers = Headers(archived.headers)
        response_class = responsetypes.from_args(headers=headers, url=request.url, body=archived.body)
        return response_class(
            url=request.url, status=archived.status, headers=headers, body=archived.body,
            request=request, flags=["replay"],
        )


class WarcCaptureMiddleware:
    """Writes every response received (listings, articles, redirects, errors) to rotating WARC files.

    Each record is built and gzipped in a thread (zlib and sha1 free the GIL), so the reactor keeps
    going meanwhile; the reactor appends it, before the response goes on: an article is only ever
    saved with a capture already in the WARC file.
    """

    def __init__(self, writer: RotatingWarcWriter, threaded: bool = True):
        self.writer = writer
        self._builder = ThreadPoolExecutor(1, thread_name_prefix="warc") if threaded else None

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        if settings.getlist("REPLAY_FILES") or not settings.getbool("WARC_ENABLED"):
            raise NotConfigured("replaying, or WARC capture switched off")
        folder = settings.get("WARC_DIR") or Path(settings.get("ARCHIVE_PATH")).resolve().parent / "warc"
        # awaiting the thread needs the asyncio reactor
        middleware = cls(RotatingWarcWriter(folder, max_bytes=settings.getint("WARC_MAX_BYTES")),
                         threaded=is_asyncio_reactor_installed())
        crawler.signals.connect(middleware.close, signal=signals.spider_closed)
        return middleware

    async def process_response(self, request, response):
        headers = [(k.decode("latin-1"), v.decode("latin-1")) for k, vs in response.headers.items() for v in vs]
        captured_at = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        reason = HTTPStatus(response.status).phrase if response.status in HTTPStatus._value2member_map_ else ""
        args = (response.url, response.status, reason, headers, response.body, captured_at)
        if self._builder is None:
            record = response_record(*args)
        else:
            record = await asyncio.wrap_future(self._builder.submit(response_record, *args))
        request.meta["capture"] = asdict(self.writer.append(record))
        return response

    def close(self) -> None:
        if self._builder is not None:
            self._builder.shutdown(wait=True)
        self.writer.close()


class RetryAfterMiddleware:
    """Waits out the Retry-After of a 429 or 503 that RetryMiddleware is about to retry (Scrapy retries at once).

    The wait is capped at RETRY_AFTER_MAX_S; only this request waits, the rest of the crawl goes on.
    """

    def __init__(self, retry_codes: set[int], retry_times: int, max_wait: float):
        self.retry_codes = retry_codes
        self.retry_times = retry_times
        self.max_wait = max_wait

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        if not settings.getbool("RETRY_ENABLED") or not is_asyncio_reactor_installed():
            raise NotConfigured("retries off, or no asyncio reactor to wait on")
        codes = {int(code) for code in settings.getlist("RETRY_HTTP_CODES")} & RETRY_AFTER_STATUSES
        return cls(codes, settings.getint("RETRY_TIMES"), settings.getfloat("RETRY_AFTER_MAX_S"))

    async def process_response(self, request, response):
        will_retry = request.meta.get("retry_times", 0) < request.meta.get("max_retry_times", self.retry_times)
        if response.status in self.retry_codes and will_retry and not request.meta.get("dont_retry"):
            wait = retry_after_seconds(response.headers.get("Retry-After"), datetime.now(timezone.utc))
            if wait:
                logger.info("%s answered %d: retrying after %.0f s", request.url, response.status,
                            min(wait, self.max_wait))
                await asyncio.sleep(min(wait, self.max_wait))
        return response


RETRY_AFTER_STATUSES = {429, 503}


def retry_after_seconds(value: bytes | None, now: datetime) -> float | None:
    """Seconds a Retry-After header asks to wait (delta-seconds or an HTTP date), None if absent or unreadable."""
    text = value.decode("latin-1").strip() if value else ""
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    return max(0.0, (when - now).total_seconds()) if when.tzinfo else None


class RobotsTxtMiddleware(ScrapyRobotsTxtMiddleware):
    """Scrapy's, except that every request waiting for a site's robots.txt gets its rules.

    Scrapy 2.19 awaits the pending robots.txt Deferred through ``asFuture``, which hands the parser
    to the first waiter only: the other requests queued meanwhile (a run's pending links) saw None
    and were fetched whatever robots.txt said.
    """

    async def robot_parser(self, request):
        pending = self._parsers.get(urlparse_cached(request).netloc)
        if not isinstance(pending, Deferred):
            return await super().robot_parser(request)
        waiter: Deferred = Deferred()

        def relay(parser):
            waiter.callback(parser)
            return parser  # for the next waiter

        pending.addCallback(relay)
        return await maybe_deferred_to_future(waiter)
