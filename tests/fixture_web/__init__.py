"""The fixture web: six Vietnamese portals written for danvan-archive's tests and offline demo.

Each portal reproduces its platform's markup (seed pages ../../shared/seed_pages 000–004 and the
mCMS brief) with original text. Content lives in ``sites/`` (data), markup in ``platforms/``.

API
---
``build_fixture_web(added=None) -> dict[str, FixtureResponse]``
    Every URL served, keyed by the absolute URL exactly as linked: listing pages, articles, one
    301 and one 404 per site, and robots.txt for each scheme+host. ``added`` ({site id: stories})
    publishes more stories, for tests of incremental crawling. The vnpt, mcms and liferay
    platforms send ETag and/or Last-Modified, and the proxy answers conditional requests with 304.
``FixtureResponse(status, headers, body)``
    headers is a list of (name, value) including Content-Type and Content-Length.
``ARTICLES: list[ArticleTruth]``
    Ground truth per article: url, site_id, platform, title, published (archive format or None),
    listing_date, author, author_org, source, paragraphs, captions, documents, about_danvan,
    redirected_from (the old URL a listing links), republished_from (URL of the original).
``START_URLS`` (site id -> listing page 1), ``LISTING_URLS`` (site id -> all listing pages),
``NOT_FOUND_URLS`` (the linked 404s), ``REDIRECTS`` (old URL -> current URL).
``FixtureProxy``
    Context manager running a forward proxy on 127.0.0.1 that serves the fixture web by host
    (http absolute-form and https CONNECT); ``proxy.url``, ``proxy.env()``, ``proxy.requests``.

Run ``python -m tests.fixture_web --port 8899`` to serve it by hand.
"""

from .model import ArticleTruth, FixtureResponse, Photo, Story
from .proxy import FixtureProxy
from .web import ARTICLES, LISTING_URLS, NOT_FOUND_URLS, REDIRECTS, START_URLS, build_fixture_web, find_documents

__all__ = [
    "ARTICLES",
    "LISTING_URLS",
    "NOT_FOUND_URLS",
    "REDIRECTS",
    "START_URLS",
    "ArticleTruth",
    "FixtureProxy",
    "FixtureResponse",
    "Photo",
    "Story",
    "build_fixture_web",
    "find_documents",
]
