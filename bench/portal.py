"""A synthetic loopback portal: the six fixture portals grown to any size, in their own templates.

    python -m bench.portal --per-site 300 [--port 8899]   # serve it by hand (prints the proxy URL)

Each fixture portal (tests/fixture_web) keeps its own stories, 301, 404 and robots.txt, and gains a
back catalogue of ``per_site`` generated stories older than its own, paginated ``PAGE_SIZE`` to a
listing page, rendered by the portal's real platform template (so a crawl goes through the real
listing readers and page objects). Generated texts are sentences of the fixture stories,
recombined per story with other figures by a seeded generator: deterministic, report-like, and
distinct enough that dedup does not fold them together.

Pages are rendered when asked for (a small LRU cache keeps the recent ones), and only a URL index
is held in memory, so the web can grow to 100k pages. It is served by the fixture web's forward
proxy (``tests.fixture_web.FixtureProxy``) on 127.0.0.1 under the real host names, so
``danvan crawl`` runs with the bundled registry, unchanged, and ``http_proxy``/``https_proxy`` set.
"""

from __future__ import annotations

import argparse
import random
import re
import threading
from collections import OrderedDict
from collections.abc import Iterator, Mapping
from dataclasses import replace
from datetime import timedelta
from functools import lru_cache

from tests.fixture_web import FixtureProxy, FixtureResponse, Photo, Story
from tests.fixture_web.platforms import ArticleContext, Link
from tests.fixture_web.sites import SITES
from tests.fixture_web.web import SiteBuild, _response, _validators

PAGE_SIZE = 20
"""Listing items per page of the grown listings (the fixture portals show 4-5; real ones 10-20)."""
STORY_SPACING = timedelta(hours=7)
"""Time between two generated stories: the back catalogue goes back per_site * 7 hours."""
KEY_BASE = 900_000_000
"""Generated story keys start here, far above every fixture key."""
RENDER_CACHE = 4096
"""Rendered pages kept by default (a listing page and the articles it links are asked for close together)."""
STORY_CACHE = 8192
"""Generated stories kept: a page shows its neighbours' titles too."""
_NUMBER = re.compile(r"\b\d{1,3}\b")
_SENTENCE_END = re.compile(r"(?<=[.!?…”])\s+(?=[A-ZÀ-ỸĐ“])")


def _sentences(text: str) -> list[str]:
    return [part.strip() for part in _SENTENCE_END.split(text) if part.strip()]


def _renumbered(sentence: str, rng: random.Random) -> str:
    """The sentence with other figures (dates, counts, amounts): a reused sentence is not a copied report."""
    return _NUMBER.sub(lambda match: str(rng.randint(2, 99)), sentence)


class GrownSite:
    """One fixture portal plus ``extra`` generated stories: its URL index and lazy page renderer."""

    def __init__(self, spec, extra: int, page_size: int = PAGE_SIZE):
        self.spec = spec
        self.extra = extra
        self.build = SiteBuild(spec)  # the fixture site itself: URLs, 301, 404, robots.txt, own articles
        self.own_items: list[Link] = self.build.listing_items()
        # every portal's sentences: a bigger pool keeps generated texts apart (few dedup candidates)
        self.pool = [s for site in SITES for story in site.stories for p in story.paragraphs for s in _sentences(p)]
        self.photos = [photo for story in spec.stories for photo in story.photos]
        self.oldest = min(item.moment for item in self.own_items)
        total = len(self.own_items) + extra
        self.n_pages = max(1, -(-total // page_size))
        self.page_size = page_size
        sizes = tuple(min(page_size, total - i * page_size) for i in range(self.n_pages))
        # the platform renders with page sizes that add up (Liferay prints "items a-b of n")
        self.platform = type(self.build.platform)(replace(spec, page_sizes=sizes))
        self.platform.newest = self.build.platform.newest
        self.own = {url: r for url, r in self.build.responses().items() if url not in self._fixture_listings()}
        self.listings = {self.platform.listing_url(n): n for n in range(1, self.n_pages + 1)}
        self.listings.update(self.platform.extra_listing_urls(self.n_pages))
        self.generated = {self.platform.article_url(self.story(n)): n for n in range(extra)}

    def _fixture_listings(self) -> set[str]:
        pages = len(self.spec.page_sizes)
        urls = {self.build.platform.listing_url(n) for n in range(1, pages + 1)}
        return urls | set(self.build.platform.extra_listing_urls(pages))

    # -- content ---------------------------------------------------------------------------
    def story(self, n: int) -> Story:
        """Generated story ``n`` (0 = the newest of the back catalogue), the same on every call."""
        return _story(self, n)

    def _make_story(self, n: int) -> Story:
        rng = random.Random(f"{self.spec.site_id}/{n}")
        model = rng.choice(self.spec.stories)
        paragraphs = [" ".join(_renumbered(sentence, rng) for sentence in rng.sample(self.pool, rng.randint(2, 4)))
                      for _ in range(rng.randint(3, 5))]
        body: list = list(paragraphs)
        if self.photos and rng.random() < 0.5:
            photo = rng.choice(self.photos)
            body.insert(1, Photo(f"{n}-{photo.file}", photo.caption))
        when = self.oldest - STORY_SPACING * (n + 1)
        return Story(
            key=KEY_BASE + n,
            title=f"{model.title} (kỳ {n + 1})",  # unique: some platforms build URLs from titles
            when=when.strftime("%Y-%m-%d %H:%M:%S"),
            body=tuple(body),
            author=model.author,
            author_org=model.author_org,
            source=model.source,
            about_danvan=model.about_danvan,
        )

    def item(self, index: int) -> Link:
        """Listing item ``index`` (0 = newest): the site's own items, then the generated ones."""
        if index < len(self.own_items):
            return self.own_items[index]
        n = index - len(self.own_items)
        story = self.story(n)
        return Link(self._url(n), story.title, story.moment, story.summary, story.key)

    def _url(self, n: int) -> str:
        return self.platform.article_url(self.story(n))

    # -- serving ---------------------------------------------------------------------------
    def urls(self) -> Iterator[str]:
        yield from self.own
        yield from self.listings
        yield from self.generated

    def render(self, url: str) -> FixtureResponse | None:
        if url in self.own:
            return self.own[url]
        if url in self.listings:
            return self.render_listing(self.listings[url])
        if url in self.generated:
            return self.render_article(self.generated[url])
        return None

    def render_listing(self, page: int) -> FixtureResponse:
        start = (page - 1) * self.page_size
        total = len(self.own_items) + self.extra
        items = [self.item(i) for i in range(start, min(start + self.page_size, total))]
        html = self.platform.render_listing(page, items, self.n_pages)
        return _response(self.platform, 200, html, _validators(self.platform, html, items[0].moment))

    def render_article(self, n: int) -> FixtureResponse:
        story = self.story(n)
        neighbours = [self.story(m) for m in range(max(0, n - 2), min(self.extra, n + 6)) if m != n]
        ctx = ArticleContext(
            url=self._url(n),
            related=[Link(self._url(m.key - KEY_BASE), m.title, m.moment, m.summary, m.key) for m in neighbours],
            newest=self.platform.newest,
            listing_url=self.platform.listing_url(1),
        )
        html = self.platform.render_article(story, ctx)
        return _response(self.platform, 200, html, _validators(self.platform, html, story.moment))


@lru_cache(maxsize=STORY_CACHE)
def _story(site: GrownSite, n: int) -> Story:
    return site._make_story(n)


class GrownWeb(Mapping):
    """The six fixture portals with ``per_site`` generated stories each, as the URL -> response
    mapping ``FixtureProxy`` serves (rendered on demand)."""

    def __init__(self, per_site: int, page_size: int = PAGE_SIZE, cache_pages: int = RENDER_CACHE):
        self.per_site = per_site
        self.sites = [GrownSite(spec, per_site, page_size) for spec in SITES]
        self._site_of = {url: site for site in self.sites for url in site.urls()}
        self.cache_pages = cache_pages
        self._cache: OrderedDict[str, FixtureResponse] = OrderedDict()
        self._lock = threading.Lock()  # the proxy serves from many threads

    def __getitem__(self, url: str) -> FixtureResponse:
        with self._lock:
            if url in self._cache:
                self._cache.move_to_end(url)
                return self._cache[url]
        site = self._site_of.get(url)
        response = site.render(url) if site else None
        if response is None:
            raise KeyError(url)
        with self._lock:
            self._cache[url] = response
            if len(self._cache) > self.cache_pages:
                self._cache.popitem(last=False)
        return response

    def warm(self) -> None:
        """Render every page once (when they all fit the cache): the server then only looks up and sends."""
        for url in self._site_of:
            self[url]

    def __iter__(self) -> Iterator[str]:
        return iter(self._site_of)

    def __len__(self) -> int:
        return len(self._site_of)

    def start_urls(self) -> dict[str, str]:
        return {site.spec.site_id: site.platform.listing_url(1) for site in self.sites}

    def article_count(self) -> int:
        """Articles a full crawl archives: the fixture's own plus the generated ones."""
        return sum(len(site.spec.stories) + site.extra for site in self.sites)

    def listing_pages(self) -> int:
        return sum(site.n_pages for site in self.sites)


def serve(web: GrownWeb, port: int = 0) -> FixtureProxy:
    """A started forward proxy on 127.0.0.1 serving ``web``."""
    return FixtureProxy(web, port=port).start()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.portal", description=__doc__.split("\n\n")[0])
    parser.add_argument("--per-site", type=int, default=300, help="generated stories per portal")
    parser.add_argument("--port", type=int, default=8899, help="port on 127.0.0.1 (0 = any free port)")
    args = parser.parse_args(argv)
    with serve(GrownWeb(args.per_site), args.port) as proxy:
        web = proxy.web
        print(f"{len(web)} URLs, {web.article_count()} articles, {web.listing_pages()} listing pages", flush=True)
        proxy.serve_by_hand(web.start_urls())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
