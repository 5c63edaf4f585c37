"""Which platform family a page belongs to, from its markup, URL and host."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from urllib.parse import urlsplit

MIN_SCORE = 2
"""Two independent markers (or a known host) before a platform is trusted."""


@lru_cache(maxsize=None)
def _compiled(patterns: tuple[str, ...]) -> tuple[re.Pattern, ...]:
    return tuple(re.compile(p) for p in patterns)


def is_known_host(url: str, hosts: tuple[str, ...]) -> bool:
    """Whether the URL's host is one of ``hosts`` or a sub-domain of one."""
    host = (urlsplit(url).hostname or "").lower()
    return any(host == known or host.endswith("." + known) for known in hosts)


def score(page, url: str, html: str) -> int:
    """How many of a page class's markers the page shows (a known host counts double)."""
    points = sum(1 for pattern in _compiled(page.MARKERS) if pattern.search(html))
    if page.URL_MARKER and re.search(page.URL_MARKER, url):
        points += 1
    return points + (MIN_SCORE if is_known_host(url, page.HOSTS) else 0)


def best_platform(url: str, html: str, pages: Iterable) -> str:
    """The platform id of the best-scoring page class, or "generic" when none scores enough."""
    scores = {page.platform: score(page, url, html or "") for page in pages if page.MARKERS}
    best = max(scores, key=scores.get)
    return best if scores[best] >= MIN_SCORE else "generic"
