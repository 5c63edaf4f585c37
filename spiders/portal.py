"""One spider for every registered portal: listing pages -> pagination -> article pages.

How far each section is walked and which links are fetched is ``crawler.incremental``'s rule;
the spider asks the archive which links it already holds and sends conditional requests.
"""

from __future__ import annotations

from dataclasses import asdict, replace
from datetime import date, datetime, timezone
from urllib.parse import urlsplit

import scrapy

from crawler import archive
from crawler.extraction import parse_listing
from crawler.extraction.base import Listing, ListingEntry
from crawler.incremental import WalkPolicy
from crawler.items import FetchedPage, GonePage, ListingPage, NotModifiedPage
from crawler.registry import Site
from crawler.text import decode_html

GONE_STATUSES = {404: "not-found", 410: "removed"}
NOT_MODIFIED = 304


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
        links = [entry for entry in listing.entries if self.site_id_for(entry.url) == site_id]
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
        if listing.next_page and page < self.settings.getint("MAX_LISTING_PAGES") and policy.walk_on(links, known):
            yield self._listing_request(listing.next_page, site_id, page + 1)

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
        """A failed download is logged and counted; the crawl goes on, and the next run retries it."""
        response = getattr(failure.value, "response", None)
        reason = f"HTTP {response.status}" if response is not None else failure.getErrorMessage()
        self.logger.warning("Failed %s: %s", failure.request.url, reason)
        if failure.request.callback == self.parse_listing:  # the walk is cut short: walk in full next run
            self.crawler.stats.inc_value(f"site/{failure.request.meta['site_id']}/listing_errors")

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


def _header(response, name: str) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None


def _fetched_at(response) -> datetime:
    """Capture time: the WARC date when replaying, else now (the only clock reading)."""
    captured = response.meta.get("fetched_at")
    if captured:
        return datetime.fromisoformat(captured.replace("Z", "+00:00"))
    return datetime.now(timezone.utc)
