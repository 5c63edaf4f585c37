"""The items that flow from the spiders through the pipelines into the archive."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the keys module imports dedup (numpy): items stay light
    from crawler.text_keys import TextKeys


@dataclass
class FetchedPage:
    """An article response as the spider received it; extraction happens in the pipeline."""

    url: str
    """The URL the response came from, after redirects."""
    site_id: str
    """Registry id of the site whose section linked to this page."""
    body: bytes
    """The response body as received (already decoded from gzip by the downloader)."""
    fetched_at: str
    """Fetch time, ISO 8601 UTC; the only clock reading extraction ever sees."""
    status: int = 200
    content_type: str | None = None
    """The Content-Type header, whose charset may be missing or wrong."""
    listing_date: str | None = None
    """The date the listing page showed beside the link, in the archive's date format."""
    listing_title: str | None = None
    """The link text on the listing page."""
    capture: dict | None = None
    """Where the raw response was written (crawler.webarchive.Capture fields), if captured."""
    linked_url: str | None = None
    """The URL as the listing linked it, when a redirect led elsewhere."""


@dataclass
class ListingPage:
    """A listing page as fetched: its links and validators, kept for the next run's conditional request."""

    url: str
    site_id: str
    entries: list[dict]
    """The site's article links: {"url", "title", "date"} as the listing showed them."""
    next_page: str | None
    etag: str | None
    last_modified: str | None
    fetched_at: str


@dataclass
class GonePage:
    """A linked or archived page that answered 404/410 or redirected to the portal's home page."""

    url: str
    """The URL as linked (the archive's key is its canonical form)."""
    site_id: str
    reason: str
    """not-found (404), removed (410) or redirected-home."""
    status: int
    fetched_at: str


@dataclass
class NotModifiedPage:
    """An archived article that answered 304 Not Modified to a conditional refetch."""

    url: str
    site_id: str
    fetched_at: str


@dataclass
class Article:
    """One extracted article, in the archive's conventions (see DESIGN.md)."""

    url: str
    """Canonical URL; the archive's key."""
    platform: str
    """Page-object family that read the page (e.g. ``huecit``), or ``generic``."""
    title: str | None = None
    published: str | None = None
    """ISO 8601 with +07:00, a bare YYYY-MM-DD, or None when the page shows no date."""
    published_source: str | None = None
    """Where ``published`` came from: selector, meta, json-ld, byline, url or listing."""
    author: str | None = None
    """Person part of the byline, as written."""
    author_org: str | None = None
    """Unit part of the byline, e.g. "Ban Dân vận Tỉnh ủy"."""
    source: str | None = None
    """Original publisher of a republished article, e.g. "baogialai.com.vn"."""
    text: str = ""
    """Main text: paragraphs separated by one blank line; captions excluded."""
    captions: list[str] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    """Party and State document numbers cited in the text, in order of first appearance."""
    date_candidates: list[dict] = field(default_factory=list)
    """Every publication-date candidate seen: {"value", "source", "raw"}; the rules pick one."""
    lede_mark: str | None = None
    """Outlet tag opening the text, e.g. "GLO" for "(GLO)- "; never part of the title."""
    shell: str | None = None
    """Why the page is not an article (javascript-only, login-wall, error-page), else None."""
    capture: dict | None = None
    """The WARC record the article was read from (set by the pipeline)."""
    redirected_from: str | None = None
    """Canonical URL of the link that redirected to this article (set by the pipeline)."""
    site_id: str | None = None
    fetched_at: str | None = None
    minhash: list[int] | None = None
    """The text's dedup signature when the extraction worker computed it already (not stored as such)."""
    text_keys: TextKeys | None = None
    """Folded title and text, content hash and cited documents, when the extraction worker computed them."""


@dataclass
class SkippedPage:
    """A page linked as an article that is not one (a shell, an error page, no main text)."""

    url: str
    site_id: str
    reason: str
    """javascript-only, login-wall, error-page, no-text or undecodable."""
    status: int
    fetched_at: str


@dataclass
class FetchFailure:
    """A link or listing page that could not be fetched: the next run tries it again (it is not a known link)."""

    url: str
    """Canonical URL of the link as the listing showed it (a listing page's own URL for a listing)."""
    site_id: str
    kind: str
    """article or listing."""
    reason: str
    """timeout, connection-lost, unreachable, http-error, too-large, redirect-loop, redirected-offsite,
    robots-disallowed or download-error."""
    status: int | None
    """The HTTP status of the last answer, when there was one."""
    detail: str
    """The error as the downloader reported it."""
    attempts: int
    """Downloads tried in this run, retries included."""
    failed_at: str
