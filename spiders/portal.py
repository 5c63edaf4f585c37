"""One spider for every registered portal: listing pages -> pagination -> article pages.

How far each section is walked and which links are fetched is ``crawler.incremental``'s rule;
the spider asks the archive which links it already holds and sends conditional requests.
"""

from __future__ import annotations

from dataclasses import asdict, replace
from datetime import date, datetime, timezone
from urllib.parse import urlsplit

import scrapy
from scrapy.exceptions import (
    CannotResolveHostError, DownloadCancelledError, DownloadConnectionRefusedError, DownloadFailedError,
    DownloadTimeoutError, IgnoreRequest, ResponseDataLossError,
)
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet.error import ConnectError, ConnectionDone, ConnectionLost, TimeoutError as TwistedTimeout
from twisted.web._newclient import ResponseFailed, ResponseNeverReceived

from crawler import archive
from crawler.extraction import parse_listing
from crawler.extraction.base import Listing, ListingEntry
from crawler.incremental import WalkPolicy
from crawler.items import FetchedPage, FetchFailure, GonePage, ListingPage, NotModifiedPage
from crawler.registry import Site
from crawler.scope import OutOfScope, PageCapReached
from crawler.text import decode_html

GONE_STATUSES = {404: "not-found", 410: "removed"}
NOT_MODIFIED = 304
FAILURE_REASONS = (
    (DownloadTimeoutError, "timeout"), (TwistedTimeout, "timeout"),
    (DownloadConnectionRefusedError, "unreachable"), (CannotResolveHostError, "unreachable"),
    (ConnectError, "unreachable"),
    (ResponseDataLossError, "connection-lost"), (DownloadFailedError, "connection-lost"),
    (ResponseFailed, "connection-lost"), (ResponseNeverReceived, "connection-lost"),
    (ConnectionLost, "connection-lost"), (ConnectionDone, "connection-lost"),
    (DownloadCancelledError, "too-large"),  # the downloader cancels a body past DOWNLOAD_MAXSIZE
    (HttpError, "http-error"),
)
"""Why a download failed, by the exception the downloader (or HttpErrorMiddleware) raised."""
ROBOTS_MESSAGE = "robots.txt"  # RobotsTxtMiddleware's IgnoreRequest: "Forbidden by robots.txt"
MAXSIZE_MESSAGE = "DOWNLOAD_MAXSIZE"  # HttpCompressionMiddleware's IgnoreRequest for a body that inflates past it
NOT_FAILURES = frozenset({"robots-disallowed", "ignored", "page-cap"})
"""Reasons recorded but not counted as failed pages: the portal or our own limits said not to fetch."""


class PortalSpider(scrapy.Spider):
    """Walks each site's Dân vận sections and hands every article response to the pipelines."""

    name = "portal"

    def __init__(self, sites: list[Site], *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.sites = {site.id: site for site in sites}
        self._site_by_host = {host: site.id for site in sites for host in site.hosts}
        self.allowed_domains = list(self._site_by_host)
        self.policies: dict[str, WalkPolicy] = {}
        """Each site's walk rule for this run: the run's, or a full walk when its last one was cut short."""
        self.archive_db = None
        """A read connection to the archive: which links it holds, the last listing fetches."""

    def site_id_for(self, url: str) -> str | None:
        """Registry id of the site a URL belongs to (by host), if any."""
        return self._site_by_host.get((urlsplit(url).hostname or "").lower())

    async def start(self):
        self.archive_db = archive.open_archive(self.settings.get("ARCHIVE_PATH"))
        run_policy = walk_policy(self.settings)
        for site in self.sites.values():
            self.policies[site.id] = run_policy
            if archive.walk_cut_short(self.archive_db, site.id):
                self.logger.info("%s: the last walk was cut short; walking every listing page", site.id)
                self.policies[site.id] = replace(run_policy, full=True)
            for link in self._pending_links(site):
                yield self._article_request(link, site.id, archived_as=None)
            for url in site.start_urls:
                yield self._listing_request(url, site.id, page=1)

    def closed(self, reason):
        if self.archive_db is not None:
            self.archive_db.close()

    def parse_listing(self, response, site_id: str, page: int, listing_url: str):
        """Follow the listing's links the walk rule picks, then its next page while the rule says so."""
        site = self.sites[site_id]
        listing = self._read_listing(response, site, listing_url)
        links = _unique_by_key([entry for entry in listing.entries if self.site_id_for(entry.url) == site_id], site)
        if response.status != NOT_MODIFIED:
            yield ListingPage(listing_url, site_id, [asdict(link) for link in links], listing.next_page,
                              _header(response, "ETag"), _header(response, "Last-Modified"),
                              _fetched_at(response).isoformat())
        canonical = {link.url: site.canonical_url(link.url) for link in links}
        archived = archive.known_urls(self.archive_db, canonical.values())
        known = {url for url, key in canonical.items() if key in archived}
        policy = self.policies[site_id]
        to_fetch = policy.links_to_fetch(links, known)
        self.logger.debug("%s page %d: %d links, %d to fetch", listing_url, page, len(links), len(to_fetch))
        for link in to_fetch:
            yield self._article_request(link, site_id, canonical[link.url] if link.url in known else None)
        if listing.next_page and policy.walk_on(links, known):
            if page < self.settings.getint("MAX_LISTING_PAGES"):
                yield self._listing_request(listing.next_page, site_id, page + 1)
            else:
                self.logger.warning("%s: pagination stopped at MAX_LISTING_PAGES (%d): %s", site_id, page, listing_url)

    def parse_article(self, response, site_id: str, listing_date: str | None, listing_title: str | None):
        """Hand the raw article response on (the pipelines extract it), or say it is gone or unchanged."""
        fetched_at = _fetched_at(response).isoformat()
        linked_url = response.meta.get("redirect_urls", [response.url])[0]
        if response.status in GONE_STATUSES:
            yield GonePage(linked_url, site_id, GONE_STATUSES[response.status], response.status, fetched_at)
        elif response.status == NOT_MODIFIED:
            yield NotModifiedPage(response.url, site_id, fetched_at)
        elif linked_url != response.url and self.sites[site_id].is_home_page(response.url):
            yield GonePage(linked_url, site_id, "redirected-home", response.status, fetched_at)
        else:
            yield FetchedPage(
                url=response.url,
                site_id=site_id,
                body=response.body,
                fetched_at=fetched_at,
                status=response.status,
                content_type=_header(response, "Content-Type"),
                listing_date=listing_date,
                listing_title=listing_title,
                capture=response.meta.get("capture"),
                linked_url=linked_url if linked_url != response.url else None,
            )

    def on_error(self, failure):
        """A failed download is logged, counted and recorded; the crawl goes on, and the next run retries it."""
        response = getattr(failure.value, "response", None)
        status = response.status if response is not None else _last_redirect_status(failure.request)
        detail = failure.getErrorMessage() or failure.type.__name__  # a lost connection says nothing
        yield self.fetch_failure(failure.request, self.failure_reason(failure), status, detail)

    def redirect_loop_failure(self, request) -> FetchFailure | None:
        """The failure of a request the scheduler dropped as a duplicate because a redirect led back to it."""
        if "site_id" not in request.meta or request.url not in request.meta.get("redirect_urls", ())[:-1]:
            return None
        detail = " -> ".join([*request.meta["redirect_urls"], request.url])
        return self.fetch_failure(request, "redirect-loop", _last_redirect_status(request), detail)

    def fetch_failure(self, request, reason: str, status: int | None, detail: str) -> FetchFailure:
        """Log and count a request that got no page, and the item that records it."""
        site_id = request.meta["site_id"]
        linked_url = request.meta.get("redirect_urls", [request.url])[0]
        listing = request.callback == self.parse_listing
        self.logger.warning("Failed %s (%s): %s", linked_url, reason, detail)
        if listing:  # the walk is cut short: walk in full next run
            self.crawler.stats.inc_value(f"site/{site_id}/listing_errors")
        if reason not in NOT_FAILURES:
            self.crawler.stats.inc_value(f"site/{site_id}/pages_failed")
        return FetchFailure(
            url=linked_url if listing else self.sites[site_id].canonical_url(linked_url), site_id=site_id,
            kind="listing" if listing else "article", reason=reason, status=status, detail=detail[:500],
            attempts=request.meta.get("retry_times", 0) + 1, failed_at=datetime.now(timezone.utc).isoformat(),
        )

    def failure_reason(self, failure) -> str:
        """A short reason for a failed request (see FetchFailure.reason)."""
        request, error = failure.request, failure.value
        if isinstance(error, HttpError):  # an IgnoreRequest too
            return "redirect-not-followed" if 300 <= error.response.status < 400 else "http-error"
        if isinstance(error, PageCapReached):
            return "page-cap"
        if isinstance(error, OutOfScope):
            return "redirected-offsite" if request.meta.get("redirect_urls") else "out-of-scope"
        if isinstance(error, IgnoreRequest):
            if self.site_id_for(request.url) is None:
                return "redirected-offsite"
            if request.meta.get("redirect_times", 0) >= self.settings.getint("REDIRECT_MAX_TIMES"):
                return "redirect-loop"
            message = str(error)
            if ROBOTS_MESSAGE in message:
                return "robots-disallowed"
            return "too-large" if MAXSIZE_MESSAGE in message else "ignored"
        return next((reason for kind, reason in FAILURE_REASONS if isinstance(error, kind)), "download-error")

    def _pending_links(self, site: Site) -> list[ListingEntry]:
        """Links earlier runs saw on the site's listings but never archived (a killed run, a timeout)."""
        links = [ListingEntry(**entry) for entry in archive.stored_links(self.archive_db, site.id)]
        known = archive.known_urls(self.archive_db, {site.canonical_url(link.url) for link in links})
        pending = {link.url: link for link in links if site.canonical_url(link.url) not in known}
        if pending:
            self.logger.info("%s: %d links seen before but not archived yet", site.id, len(pending))
        return list(pending.values())

    def _read_listing(self, response, site: Site, listing_url: str) -> Listing:
        """The listing as fetched, or as stored by the last run when the portal says "not modified"."""
        if response.status == NOT_MODIFIED:
            stored = archive.stored_listing(self.archive_db, listing_url) or {"entries": [], "next_page": None}
            return Listing([ListingEntry(**entry) for entry in stored["entries"]], stored["next_page"])
        html = decode_html(response.body, _header(response, "Content-Type"))
        return parse_listing(response.url, html, _fetched_at(response), site.platform_hint)

    def _listing_request(self, url: str, site_id: str, page: int) -> scrapy.Request:
        stored = archive.stored_listing(self.archive_db, url) if self.policies[site_id].conditional else None
        return scrapy.Request(
            url, callback=self.parse_listing, errback=self.on_error, headers=_conditional_headers(stored),
            cb_kwargs={"site_id": site_id, "page": page, "listing_url": url},
            meta={"site_id": site_id, "handle_httpstatus_list": [NOT_MODIFIED]},
        )

    def _article_request(self, link: ListingEntry, site_id: str, archived_as: str | None) -> scrapy.Request:
        """A request for an article link; a refetch of an archived one is conditional."""
        validators = None
        if archived_as:
            etag, last_modified = archive.article_validators(self.archive_db, archived_as)
            validators = {"etag": etag, "last_modified": last_modified}
        return scrapy.Request(
            link.url, callback=self.parse_article, errback=self.on_error, headers=_conditional_headers(validators),
            cb_kwargs={"site_id": site_id, "listing_date": link.date, "listing_title": link.title},
            meta={"site_id": site_id, "handle_httpstatus_list": [NOT_MODIFIED, *GONE_STATUSES]},
        )


def walk_policy(settings) -> WalkPolicy:
    """The run's walk rule from FULL_WALK, SINCE_DATE (YYYY-MM-DD) and REFRESH_ARTICLES."""
    since = settings.get("SINCE_DATE")
    return WalkPolicy(
        full=settings.getbool("FULL_WALK"),
        since=date.fromisoformat(since) if since else None,
        refresh=settings.getbool("REFRESH_ARTICLES"),
    )


def _conditional_headers(validators: dict | None) -> dict[str, str]:
    """If-None-Match / If-Modified-Since from a page's last validators (none when unknown)."""
    if not validators:
        return {}
    headers = {"If-None-Match": validators.get("etag"), "If-Modified-Since": validators.get("last_modified")}
    return {name: value for name, value in headers.items() if value}


def _last_redirect_status(request) -> int | None:
    """The status of the last redirect a request followed (a loop's, an offsite one's), if any."""
    reasons = [reason for reason in request.meta.get("redirect_reasons", ()) if isinstance(reason, int)]
    return reasons[-1] if reasons else None


def _unique_by_key(links: list[ListingEntry], site: Site) -> list[ListingEntry]:
    """One link per archive key: a listing may link one article twice, with tracking parameters."""
    unique: dict[str, ListingEntry] = {}
    for link in links:
        unique.setdefault(site.canonical_url(link.url), link)
    return list(unique.values())


def _header(response, name: str) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None


def _fetched_at(response) -> datetime:
    """Capture time: the WARC date when replaying, else now (the only clock reading)."""
    captured = response.meta.get("fetched_at")
    if captured:
        return datetime.fromisoformat(captured.replace("Z", "+00:00"))
    return datetime.now(timezone.utc)
