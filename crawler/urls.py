"""Canonical article URLs: the archive's key, one row per article (pure; no Scrapy)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

from courlan.clean import TRACKERS_RE

DEFAULT_PORTS = {"http": 80, "https": 443}
EXTRA_TRACKERS_RE = re.compile(r"^(?:zarsrc|zalo_|_ga|phpsessid|jsessionid|sid)$|^zarsrc", re.I)
"""What courlan's tracker list misses on these portals: Zalo shares and bare session ids."""
PRINT_RE = re.compile(r"(?:^|_)(?:print|viewmode)$|^in$", re.I)
"""Print versions: ?print=1, Liferay's _101_INSTANCE_…_viewMode=print."""
PATH_SESSION_RE = re.compile(r";(?:jsessionid|phpsessid|sid)=[^/?#]*", re.I)


def canonical_url(url: str, hosts: tuple[str, ...] = (), base_url: str | None = None) -> str:
    """The archive key of an article URL.

    Lower-case scheme and host, no default port, fragment, session id, tracking or print
    parameter, no trailing slash; a host among a site's ``hosts`` takes the scheme and host of
    its ``base_url`` (http/https, www or not). Query order and bare keys are kept: Liferay
    portals need ``?4850217`` to render the article.
    """
    parts = urlsplit(url.strip())
    scheme, host = _scheme_and_host(parts, hosts, base_url)
    path = PATH_SESSION_RE.sub("", parts.path).rstrip("/") or "/"
    query = "&".join(p for p in parts.query.split("&") if p and not _dropped(p))
    return urlunsplit((scheme, host, path, query, ""))


def _scheme_and_host(parts, hosts: tuple[str, ...], base_url: str | None) -> tuple[str, str]:
    scheme, host = parts.scheme.lower(), (parts.hostname or "").lower()
    if base_url and host in hosts:
        base = urlsplit(base_url)
        return base.scheme.lower(), base.netloc.lower()
    if parts.port and parts.port != DEFAULT_PORTS.get(scheme):
        host = f"{host}:{parts.port}"
    return scheme, host


def _dropped(param: str) -> bool:
    """A query parameter that does not choose the article: tracking, session or print."""
    name, _, value = param.partition("=")
    name = name.lower()
    if PRINT_RE.search(name) or value.lower() == "print":
        return True
    return bool(value) and bool(TRACKERS_RE.search(name) or EXTRA_TRACKERS_RE.search(name))
