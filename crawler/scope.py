"""Crawl scope and safety: which requests may leave the crawler, and which addresses it may connect to.

``ScopeMiddleware`` (a downloader middleware, in place of Scrapy's OffsiteMiddleware) refuses, whatever
made the request (a link, a redirect, a retry's redirect), any URL that is not http(s), not on a
registered host or alias, an IP literal of a private, loopback or link-local network, or past the
site's page cap for the run. ``PublicAddressResolver`` (the reactor's DNS resolver) refuses host names
that resolve to such addresses (DNS rebinding, a misconfigured portal). ``ALLOW_PRIVATE_ADDRESSES``
lifts the address rules, for test portals on loopback. Configured HTTP(S) proxies are the operator's
choice: connecting to one is always allowed, and the names it resolves for us are its to check.
"""

from __future__ import annotations

import ipaddress
import logging
from urllib.parse import urlsplit
from urllib.request import getproxies, proxy_bypass

from scrapy import signals
from scrapy.downloadermiddlewares.offsite import OffsiteMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.resolver import CachingThreadedResolver
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.error import DNSLookupError

logger = logging.getLogger(__name__)

ALLOWED_SCHEMES = ("http", "https")
ROBOTS_PATH = "/robots.txt"


class OutOfScope(IgnoreRequest):
    """A request the crawl scope refuses; the message says which rule and why."""


class PageCapReached(OutOfScope):
    """A request past its site's MAX_PAGES_PER_SITE for this run: held back for the next run."""


class PrivateAddressRefused(DNSLookupError):
    """A host name resolved to a private, loopback or link-local address."""


def is_public_address(address: str) -> bool:
    """Whether an IP address is on the public internet (not private, loopback, link-local, reserved)."""
    ip = ipaddress.ip_address(address)
    mapped = getattr(ip, "ipv4_mapped", None)  # ::ffff:10.0.0.1 is 10.0.0.1
    ip = mapped or ip
    return ip.is_global and not ip.is_multicast


def ip_literal(host: str) -> str | None:
    """The host itself when it is an IP address (``[::1]`` as ``::1``), else None."""
    try:
        return str(ipaddress.ip_address(host.strip("[]")))
    except ValueError:
        return None


def proxy_hosts() -> set[str]:
    """Host names of the HTTP(S) proxies the environment configures (Scrapy's HttpProxyMiddleware uses them)."""
    return {urlsplit(url).hostname or "" for scheme, url in getproxies().items() if scheme in ALLOWED_SCHEMES} - {""}


class ScopeMiddleware(OffsiteMiddleware):
    """Refuses requests outside the crawl scope, counts each refusal for its site, and caps pages per site.

    Unlike Scrapy's OffsiteMiddleware it checks every request in the downloader, ``dont_filter`` ones
    too (a retried request keeps ``dont_filter``, and so would its redirect to another host), and only
    exact registered host names (no subdomains); refused requests reach the spider's errback.
    """

    def __init__(self, stats, allow_private: bool, max_pages: int, depth_limit: int, max_listing_pages: int):
        super().__init__(stats)
        self.allow_private = allow_private
        self.max_pages = max_pages
        self.proxies = {scheme for scheme in getproxies() if scheme in ALLOWED_SCHEMES}
        self.pages: dict[str, int] = {}
        """Requests sent so far per site in this run (robots.txt not counted)."""
        if depth_limit and depth_limit <= max_listing_pages:
            logger.warning("DEPTH_LIMIT %d stops listing walks before MAX_LISTING_PAGES %d; raise it too",
                           depth_limit, max_listing_pages)

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        middleware = cls(crawler.stats, settings.getbool("ALLOW_PRIVATE_ADDRESSES"),
                         settings.getint("MAX_PAGES_PER_SITE"), settings.getint("DEPTH_LIMIT"),
                         settings.getint("MAX_LISTING_PAGES"))
        middleware.crawler = crawler
        crawler.signals.connect(middleware.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(middleware.check_resolver, signal=signals.engine_started)
        return middleware

    def request_scheduled(self, request, spider) -> None:
        """Nothing at scheduling: a request refused there would vanish without reaching its errback."""

    def should_follow(self, request, spider) -> bool:
        """Only the registered host names and aliases themselves."""
        return (urlparse_cached(request).hostname or "") in set(spider.allowed_domains or ())

    async def process_request(self, request) -> None:
        reason = self._refusal(request) or await self._private_name(request)
        if reason:
            self._refuse(request, reason)
        if not _is_robots_request(request):
            site_id = self._site_of(request)
            self.pages[site_id] = self.pages.get(site_id, 0) + 1

    def check_resolver(self) -> None:
        """Say so loudly when the private-address check of host names is not in place."""
        from twisted.internet import reactor

        if not self.allow_private and not isinstance(getattr(reactor, "resolver", None), PublicAddressResolver):
            logger.error("The DNS resolver is not crawler.scope.PublicAddressResolver: host names resolving "
                         "to private addresses are not refused (set TWISTED_DNS_RESOLVER)")

    def _refusal(self, request) -> str | None:
        """Why the request is out of scope, or None when it may go."""
        url = urlparse_cached(request)
        if url.scheme not in ALLOWED_SCHEMES:
            return f"scheme {url.scheme or 'none'!r} is not http(s)"
        if not self.should_follow(request, self.crawler.spider):
            return f"host {url.hostname or ''!r} is not a registered site's"
        literal = ip_literal(url.hostname or "")
        if literal and not self.allow_private and not is_public_address(literal):
            return f"{literal} is a private, loopback or link-local address (ALLOW_PRIVATE_ADDRESSES is off)"
        site_id = self._site_of(request)
        if self.max_pages and not _is_robots_request(request) and self.pages.get(site_id, 0) >= self.max_pages:
            return f"the site's cap of {self.max_pages} pages for this run (MAX_PAGES_PER_SITE) is reached"
        return None

    async def _private_name(self, request) -> str | None:
        """Why a host name resolving to a private address is refused (the resolver enforces it at
        connection time; asking it first gives the site a clear reason and no retries)."""
        host = urlparse_cached(request).hostname or ""
        if self.allow_private or ip_literal(host) or self._proxied(request):
            return None
        from twisted.internet import reactor

        try:
            await maybe_deferred_to_future(reactor.resolve(host))
        except PrivateAddressRefused as refused:
            return str(refused)
        except Exception:  # noqa: BLE001 - any other lookup failure is the download's to report
            return None
        return None

    def _proxied(self, request) -> bool:
        """Whether a proxy fetches this request (HttpProxyMiddleware's rule): the proxy resolves its host."""
        url = urlparse_cached(request)
        return bool(request.meta.get("proxy")) or (url.scheme in self.proxies and not proxy_bypass(url.hostname or ""))

    def _refuse(self, request, reason: str) -> None:
        site_id = self._site_of(request)
        capped = "MAX_PAGES_PER_SITE" in reason
        first_cap = capped and not self.stats.get_value(f"site/{site_id}/page_cap_reached")
        kind = "page_cap" if capped else "out_of_scope"
        self.stats.inc_value(f"scope/{kind}")
        if site_id:
            self.stats.inc_value(f"site/{site_id}/{kind}")
        if site_id and not capped:  # asked for, though never sent: a site with nothing else fails the run
            self.stats.inc_value(f"site/{site_id}/requests")
        if not capped or first_cap:  # the cap is one event for the site, not one per waiting link
            self._record_error(site_id, f"refused {request.url}: {reason}")
            logger.warning("%s: refused %s: %s%s", site_id or "no site", request.url, reason,
                           "; the rest waits for the next run" if capped else "")
        if first_cap:
            self.stats.set_value(f"site/{site_id}/page_cap_reached", 1)
        raise (PageCapReached if capped else OutOfScope)(f"out of scope: {reason}")

    def _record_error(self, site_id: str | None, reason: str) -> None:
        """Counted as a site error (the run's summary line and crawl_run_sites show it)."""
        if site_id:
            self.stats.inc_value(f"site/{site_id}/errors")
            self.stats.set_value(f"site/{site_id}/last_error", reason)

    def _site_of(self, request) -> str | None:
        """The site whose walk made the request (a redirect keeps it), else the site of its host."""
        return request.meta.get("site_id") or self.crawler.spider.site_id_for(request.url)


class PublicAddressResolver(CachingThreadedResolver):
    """Scrapy's caching resolver, refusing names that resolve to non-public addresses.

    The check is on the address the connection will use (the same cached answer), so a name that
    changes its answer between a check and the connection (DNS rebinding) cannot slip through.
    """

    def __init__(self, reactor, cache_size: int, timeout: float, allow_private: bool = False,
                 allowed_names: set[str] = frozenset()):
        super().__init__(reactor, cache_size, timeout)
        self.allow_private = allow_private
        self.allowed_names = allowed_names

    @classmethod
    def from_crawler(cls, crawler, reactor):
        resolver = super().from_crawler(crawler, reactor)
        resolver.allow_private = crawler.settings.getbool("ALLOW_PRIVATE_ADDRESSES")
        resolver.allowed_names = proxy_hosts()
        return resolver

    def getHostByName(self, name: str, timeout=()):
        answer = super().getHostByName(name, timeout)
        if self.allow_private or name.lower() in self.allowed_names:
            return answer
        return answer.addCallback(self._refuse_private, name)

    @staticmethod
    def _refuse_private(address: str, name: str) -> str:
        if not is_public_address(address):
            raise PrivateAddressRefused(f"{name} resolves to {address}, a private, loopback or link-local "
                                        "address (ALLOW_PRIVATE_ADDRESSES is off)")
        return address


def _is_robots_request(request) -> bool:
    """Scrapy's own robots.txt fetch: not a page of the site, and needed to obey it."""
    return bool(request.meta.get("dont_obey_robotstxt")) and urlparse_cached(request).path == ROBOTS_PATH
