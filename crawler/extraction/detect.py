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
    """The platform id of the best-scoring page class, or "generic" when none scores enough.

    On a tie the more general class wins: a page class that specialises another (a subclass) must
    show more evidence than its family to take the page.
    """
    scored = [(score(page, url, html or ""), -specialisation(page), page) for page in pages if page.MARKERS]
    best_score, _, best = max(scored, key=lambda entry: entry[:2])
    return best.platform if best_score >= MIN_SCORE else "generic"


def specialisation(page) -> int:
    """How many platform classes this class specialises (0 for a family of its own)."""
    return sum(1 for base in page.__mro__[1:] if "platform" in vars(base) and getattr(base, "MARKERS", ()))
