"""Assemble the fixture web: every served URL of the six portals, and the ground truth."""

from __future__ import annotations

import hashlib
import re
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from dataclasses import replace
from functools import lru_cache
from urllib.parse import urlsplit

from .model import ArticleTruth, FixtureResponse, SiteSpec, Story
from .platforms import PLATFORMS, ArticleContext, Link, Platform
from .sites import SITES

# research/vn_domain.md's regex for Party and State document numbers (applied to body text)
DOC_RE = re.compile(
    r"""
(?<![\w/.-])(?P<num>\d{1,5})\s*
(?: -\s*(?P<p_type>[A-ZĐ][A-Za-zĐđ]{0,4})\s*/\s*(?P<p_issuer>[A-ZĐ][A-ZĐ0-9]{0,15}(?:-[A-ZĐ0-9]+)*)
  | /\s*(?:(?P<year>(?:19|20)\d{2})\s*/\s*)?(?P<s_type>[A-ZĐ][A-Za-zĐđ]{0,4})\s*-\s*(?P<s_issuer>[A-ZĐ][A-Za-zĐđ0-9]*(?:-[A-ZĐ][A-Za-zĐđ0-9]*)*)
  | /\s*(?P<l_year>(?:19|20)\d{2})\s*/\s*(?P<l_issuer>(?:UBTV)?QH\d{1,2}) )
(?:\s*,?\s*(?:ban\ hành\s*)?ngày\s*(?P<d>\d{1,2})\s*(?:[/.-]|tháng)\s*(?P<m>\d{1,2})\s*(?:[/.-]|năm)\s*(?P<y>\d{4}))?
""",
    re.X,
)

EXTRA_HEADERS = {
    "Microsoft-IIS/8.5": [("X-AspNet-Version", "4.0.30319"), ("X-Powered-By", "ASP.NET")],
    "Apache-Coyote/1.1": [("Liferay-Portal", "Liferay Portal Community Edition 6.2 CE GA6 (Newton / Build 6205 / January 6, 2016)")],
}


def find_documents(paragraphs: list[str]) -> list[str]:
    """Document numbers in order of first appearance, as written (number through issuer)."""
    found: list[str] = []
    for text in paragraphs:
        for match in DOC_RE.finditer(text):
            issuer = next(g for g in ("p_issuer", "s_issuer", "l_issuer") if match.group(g))
            number = text[match.start("num") : match.end(issuer)]
            if number not in found:
                found.append(number)
    return found


def _response(platform: Platform, status: int, body: str, extra: list[tuple[str, str]] = ()) -> FixtureResponse:
    data = body.encode("utf-8")
    headers = [("Content-Type", platform.content_type), ("Content-Length", str(len(data))), ("Server", platform.server)]
    headers += EXTRA_HEADERS.get(platform.server, [])
    headers += list(extra)
    return FixtureResponse(status, headers, data)


def _validators(platform: Platform, body: str, shown: datetime) -> list[tuple[str, str]]:
    """ETag / Last-Modified as the platform's server sends them, for a page whose newest item is ``shown``."""
    headers = []
    if "etag" in platform.validators:
        headers.append(("ETag", f'"{hashlib.sha1(body.encode("utf-8")).hexdigest()[:16]}"'))
    if "last-modified" in platform.validators:
        utc = (shown - timedelta(hours=7)).replace(tzinfo=timezone.utc)  # stories are in Vietnam's local time
        headers.append(("Last-Modified", format_datetime(utc, usegmt=True)))
    return headers


def _robots(platform: Platform, body: str) -> FixtureResponse:
    data = body.encode("ascii")
    headers = [("Content-Type", "text/plain"), ("Content-Length", str(len(data))), ("Server", platform.server)]
    return FixtureResponse(200, headers, data)


class SiteBuild:
    """The pages, truth, 404s and redirects of one site."""

    def __init__(self, spec: SiteSpec):
        self.spec = spec
        self.platform: Platform = PLATFORMS[spec.platform](spec)
        self.ordered: list[Story] = sorted(spec.stories, key=lambda s: s.moment, reverse=True)
        self.url = {story.key: self.platform.article_url(story) for story in spec.stories}
        moved = next(s for s in spec.stories if s.key == spec.moved)
        self.old_url = self.platform.old_url(moved)
        self.dead_url = self.platform.dead_url(spec.dead)
        self.platform.newest = [self._link(story) for story in self.ordered[:6]]

    def _link(self, story: Story, url: str | None = None) -> Link:
        return Link(url or self.url[story.key], story.title, story.moment, story.summary, story.key)

    def listing_items(self) -> list[Link]:
        items = [
            self._link(story, self.old_url if story.key == self.spec.moved else None) for story in self.spec.stories
        ]
        dead = self.spec.dead
        items.append(Link(self.dead_url, dead.title, dead.moment, dead.summary, dead.key))
        return sorted(items, key=lambda item: item.moment, reverse=True)

    def pages(self) -> list[list[Link]]:
        items = self.listing_items()
        if sum(self.spec.page_sizes) != len(items):
            raise ValueError(f"{self.spec.site_id}: page sizes do not add up to {len(items)} items")
        pages, start = [], 0
        for size in self.spec.page_sizes:
            pages.append(items[start : start + size])
            start += size
        return pages

    def responses(self) -> dict[str, FixtureResponse]:
        p = self.platform
        out: dict[str, FixtureResponse] = {}
        pages = self.pages()
        for number, items in enumerate(pages, 1):
            html = p.render_listing(number, items, len(pages))
            out[p.listing_url(number)] = _response(p, 200, html, _validators(p, html, items[0].moment))
        for url, number in p.extra_listing_urls(len(pages)).items():
            out[url] = _response(p, 200, p.render_listing(number, pages[number - 1], len(pages)))
        for index, story in enumerate(self.ordered):
            later = self.ordered[max(0, index - 2) : index]
            earlier = self.ordered[index + 1 : index + 6]
            ctx = ArticleContext(
                url=self.url[story.key],
                related=[self._link(s) for s in later + earlier],
                newest=p.newest,
                listing_url=p.listing_url(1),
            )
            html = p.render_article(story, ctx)
            out[ctx.url] = _response(p, 200, html, _validators(p, html, story.moment))
        new_url = self.url[self.spec.moved]
        location = p.redirect_location(new_url)
        out[self.old_url] = _response(p, 301, p.render_redirect(location), [("Location", location)])
        out[self.dead_url] = _response(p, 404, p.render_not_found(self.dead_url))
        origins = {f"{urlsplit(u).scheme}://{urlsplit(u).netloc}" for u in out}
        for origin in sorted(origins):
            out[f"{origin}/robots.txt"] = _robots(p, p.robots_txt())
        return out

    def truths(self) -> list[ArticleTruth]:
        p = self.platform
        truths = []
        for story in self.ordered:
            paragraphs = [text.strip(" \u00a0\n\t") for text in story.paragraphs]
            truths.append(
                ArticleTruth(
                    url=self.url[story.key],
                    site_id=self.spec.site_id,
                    platform=p.name,
                    title=story.title,
                    published=p.published(story),
                    listing_date=p.listing_date(story.moment),
                    author=story.author,
                    author_org=story.author_org,
                    source=story.source,
                    paragraphs=paragraphs,
                    captions=list(story.captions),
                    documents=find_documents(paragraphs),
                    about_danvan=story.about_danvan,
                    redirected_from=self.old_url if story.key == self.spec.moved else None,
                )
            )
        return truths


def _with_added(spec: SiteSpec, added: tuple[Story, ...]) -> SiteSpec:
    """A site after ``added`` stories were published: its last listing page grows by as many items."""
    if not added:
        return spec
    sizes = spec.page_sizes[:-1] + (spec.page_sizes[-1] + len(added),)
    return replace(spec, stories=spec.stories + added, page_sizes=sizes)


@lru_cache(maxsize=4)
def _build(added: tuple[tuple[str, tuple[Story, ...]], ...] = ()) -> tuple:
    more = dict(added)
    builds = [SiteBuild(_with_added(spec, more.get(spec.site_id, ()))) for spec in SITES]
    web: dict[str, FixtureResponse] = {}
    truths: list[ArticleTruth] = []
    for build in builds:
        for url, response in build.responses().items():
            if url in web:
                raise ValueError(f"URL served twice: {url}")
            web[url] = response
        truths += build.truths()
    urls = {(b.spec.site_id, key): url for b in builds for key, url in b.url.items()}
    for build in builds:
        for story in build.spec.stories:
            if story.republished_from:
                truth = next(t for t in truths if t.url == build.url[story.key])
                truth.republished_from = urls[story.republished_from]
    start_urls = {b.spec.site_id: b.platform.listing_url(1) for b in builds}
    listing_urls = {
        b.spec.site_id: [b.platform.listing_url(n) for n in range(1, len(b.spec.page_sizes) + 1)] for b in builds
    }
    not_found = [b.dead_url for b in builds]
    redirects = {b.old_url: b.url[b.spec.moved] for b in builds}
    return web, truths, start_urls, listing_urls, not_found, redirects


def build_fixture_web(added: dict[str, tuple[Story, ...]] | None = None) -> dict[str, FixtureResponse]:
    """Every URL the fixture web answers (listings, articles, 301s, 404s, robots.txt).

    ``added`` maps a site id to stories published since (tests of incremental crawling): they take
    their place in the listings by date, pushing older items down.
    """
    return dict(_build(tuple(sorted((added or {}).items())))[0])


ARTICLES: list[ArticleTruth] = _build()[1]
START_URLS: dict[str, str] = _build()[2]
LISTING_URLS: dict[str, list[str]] = _build()[3]
NOT_FOUND_URLS: list[str] = _build()[4]
REDIRECTS: dict[str, str] = _build()[5]
