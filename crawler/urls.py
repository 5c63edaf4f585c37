"""Canonical article URLs: the archive's key (pure; no Scrapy)."""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

DEFAULT_PORTS = {"http": 80, "https": 443}
TRACKING_PREFIXES = ("utm_", "fbclid", "gclid", "zarsrc", "_ga")


def canonical_url(url: str) -> str:
    """Lower-case scheme and host, no default port, no fragment, no tracking parameters.

    Query order and bare keys are kept: Liferay portals need ``?4850217`` to render the article.
    """
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    if parts.port and parts.port != DEFAULT_PORTS.get(scheme):
        host = f"{host}:{parts.port}"
    query = "&".join(p for p in parts.query.split("&") if p and not p.lower().startswith(TRACKING_PREFIXES))
    return urlunsplit((scheme, host, parts.path or "/", query, ""))
