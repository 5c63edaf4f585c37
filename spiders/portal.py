"""One spider for every registered portal: listing pages -> pagination -> article pages."""

from __future__ import annotations

from datetime import datetime, timezone
from urllib.parse import urlsplit

import scrapy

from crawler.extraction import parse_listing
from crawler.items import FetchedPage
from crawler.registry import Site
from crawler.text import decode_html


class PortalSpider(scrapy.Spider):
    """Walks each site's Dân vận sections and hands every article response to the pipelines."""

    name = "portal"

    def __init__(self, sites: list[Site], *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.sites = {site.id: site for site in sites}
        self._site_by_host = {host: site.id for site in sites for host in site.hosts}
        self.allowed_domains = list(self._site_by_host)

    def site_id_for(self, url: str) -> str | None:
        """Registry id of the site a URL belongs to (by host), if any."""
        return self._site_by_host.get((urlsplit(url).hostname or "").lower())

    async def start(self):
        for site in self.sites.values():
            for url in site.start_urls:
                yield self._listing_request(url, site.id, page=1)

    def parse_listing(self, response, site_id: str, page: int):
        """Follow every article link of a listing page, then its next page (bounded)."""
        site = self.sites[site_id]
        html = decode_html(response.body, response.headers.get("Content-Type", b"").decode("latin-1"))
        listing = parse_listing(response.url, html, _fetched_at(response), site.platform_hint)
        self.logger.debug("%s page %d: %d links", response.url, page, len(listing.entries))
        for entry in listing.entries:
            if self.site_id_for(entry.url) == site_id:
                yield scrapy.Request(
                    entry.url, callback=self.parse_article, errback=self.on_error,
                    cb_kwargs={"site_id": site_id, "listing_date": entry.date, "listing_title": entry.title},
                    meta={"site_id": site_id},
                )
        if listing.next_page and page < self.settings.getint("MAX_LISTING_PAGES"):
            yield self._listing_request(listing.next_page, site_id, page + 1)

    def parse_article(self, response, site_id: str, listing_date: str | None, listing_title: str | None):
        """Hand the raw article response on; the pipelines extract it."""
        yield FetchedPage(
            url=response.url,
            site_id=site_id,
            body=response.body,
            fetched_at=_fetched_at(response).isoformat(),
            status=response.status,
            content_type=response.headers.get("Content-Type", b"").decode("latin-1") or None,
            listing_date=listing_date,
            listing_title=listing_title,
            capture=response.meta.get("capture"),
        )

    def on_error(self, failure):
        """A dead link or a failed download is logged and counted; the crawl goes on."""
        response = getattr(failure.value, "response", None)
        reason = f"HTTP {response.status}" if response is not None else failure.getErrorMessage()
        self.logger.warning("Failed %s: %s", failure.request.url, reason)

    def _listing_request(self, url: str, site_id: str, page: int) -> scrapy.Request:
        return scrapy.Request(
            url, callback=self.parse_listing, errback=self.on_error,
            cb_kwargs={"site_id": site_id, "page": page}, meta={"site_id": site_id},
        )


def _fetched_at(response) -> datetime:
    """Capture time: the WARC date when replaying, else now (the only clock reading)."""
    captured = response.meta.get("fetched_at")
    if captured:
        return datetime.fromisoformat(captured.replace("Z", "+00:00"))
    return datetime.now(timezone.utc)
