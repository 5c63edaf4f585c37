"""The site registry: a TOML data file of the portals to crawl (no Scrapy, no SQL)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from crawler import admin_units

from crawler.text import fold
from crawler.urls import canonical_url

DEFAULT_REGISTRY = Path(__file__).with_name("sites.toml")
LEVELS = ("district", "provincial", "central", "broadcaster", "newspaper")
STATUSES = ("live", "frozen", "gone")
CRAWLED_STATUSES = ("live", "frozen")
REQUIRED = ("id", "name", "level", "platform", "base_url", "start_urls", "status")


class RegistryError(ValueError):
    """The registry file cannot be used; the message says which entry and why."""


@dataclass(frozen=True)
class Site:
    """One portal of the registry."""

    id: str
    name: str
    level: str
    platform: str
    base_url: str
    start_urls: tuple[str, ...]
    status: str
    province_before: str | None = None
    province_after: str | None = None
    district: str | None = None
    aliases: tuple[str, ...] = field(default=())

    def canonical_url(self, url: str) -> str:
        """The archive key of one of this site's URLs (aliases and http/https folded into base_url's)."""
        return canonical_url(url, self.hosts, self.base_url)

    def is_home_page(self, url: str) -> bool:
        """Whether ``url`` is the portal's home page (where portals redirect removed articles)."""
        home = self.canonical_url(url)
        return home == self.canonical_url(self.base_url) or urlsplit(home).path == "/" and not urlsplit(home).query

    @property
    def platform_hint(self) -> str | None:
        """The platform to read pages with; None ("generic" in the registry) means detect per page."""
        return None if self.platform == "generic" else self.platform

    @property
    def hosts(self) -> tuple[str, ...]:
        """Host names in this site's crawl scope: the base URL's host, its start hosts, aliases."""
        hosts = [urlsplit(self.base_url).hostname or ""]
        hosts += [urlsplit(u).hostname or "" for u in self.start_urls]
        hosts += list(self.aliases)
        return tuple(dict.fromkeys(h.lower() for h in hosts if h))


def load_registry(path: str | Path | None = None, platforms: tuple[str, ...] = ()) -> list[Site]:
    """Read and validate a registry file; ``platforms`` lists the known platform ids."""
    path = Path(path) if path else DEFAULT_REGISTRY
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise RegistryError(f"registry file not found: {path}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise RegistryError(f"registry file {path} is not valid TOML: {error}") from None
    entries = data.get("site")
    if not isinstance(entries, list) or not entries:
        raise RegistryError(f"registry file {path} has no [[site]] entries")
    sites = [_site_from_entry(entry, index, platforms) for index, entry in enumerate(entries)]
    _check_unique_ids(sites)
    return sites


def select_sites(sites: list[Site], ids: tuple[str, ...] = (), include_gone: bool = False) -> list[Site]:
    """The sites a run crawls: those named (any status), else all with a crawled status."""
    if ids:
        by_id = {site.id: site for site in sites}
        unknown = [i for i in ids if i not in by_id]
        if unknown:
            raise RegistryError(f"unknown site id: {', '.join(unknown)} (known: {', '.join(by_id)})")
        return [by_id[i] for i in dict.fromkeys(ids)]
    return [s for s in sites if include_gone or s.status in CRAWLED_STATUSES]


def _site_from_entry(entry: object, index: int, platforms: tuple[str, ...]) -> Site:
    if not isinstance(entry, dict):
        raise RegistryError(f"site #{index + 1} is not a table")
    where = f"site #{index + 1} ({entry.get('id', 'no id')})"
    missing = [key for key in REQUIRED if not entry.get(key)]
    if missing:
        raise RegistryError(f"{where}: missing {', '.join(missing)}")
    known = {f for f in Site.__dataclass_fields__}
    extra = sorted(set(entry) - known)
    if extra:
        raise RegistryError(f"{where}: unknown keys {', '.join(extra)}")
    _check_choice(where, "level", entry["level"], LEVELS)
    _check_choice(where, "status", entry["status"], STATUSES)
    if platforms:
        _check_choice(where, "platform", entry["platform"], platforms)
    start_urls = entry["start_urls"]
    if isinstance(start_urls, str) or not all(_is_http_url(u) for u in start_urls):
        raise RegistryError(f"{where}: start_urls must be a list of http(s) URLs")
    if not _is_http_url(entry["base_url"]):
        raise RegistryError(f"{where}: base_url must be an http(s) URL")
    units = _admin_units(where, entry)
    return Site(**{**entry, **units, "start_urls": tuple(start_urls), "aliases": tuple(entry.get("aliases", ()))})


def _admin_units(where: str, entry: dict) -> dict:
    """The province after 2025 from the crosswalk package; a typed one or a district must agree with it."""
    if not entry.get("province_before"):
        if entry.get("district") or entry.get("province_after"):
            raise RegistryError(f"{where}: a district or province_after needs province_before")
        return {}
    try:
        crosswalk = admin_units.crosswalk(entry["province_before"], entry.get("district"))
    except admin_units.AdminUnitError as error:
        raise RegistryError(f"{where}: {error}") from None
    typed = entry.get("province_after")
    if typed and fold(typed) != fold(crosswalk.province_after):
        raise RegistryError(f"{where}: province_after {typed!r}, but {entry['province_before']} became "
                            f"{crosswalk.province_after} on 1 July 2025")
    return {"province_after": crosswalk.province_after}


def _check_choice(where: str, key: str, value: object, choices: tuple[str, ...]) -> None:
    if value not in choices:
        raise RegistryError(f"{where}: {key} {value!r} is not one of {', '.join(choices)}")


def _check_unique_ids(sites: list[Site]) -> None:
    seen: set[str] = set()
    for site in sites:
        if site.id in seen:
            raise RegistryError(f"duplicate site id: {site.id}")
        seen.add(site.id)


def _is_http_url(value: object) -> bool:
    return isinstance(value, str) and urlsplit(value).scheme in ("http", "https") and bool(urlsplit(value).hostname)
