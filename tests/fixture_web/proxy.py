"""A threaded HTTP forward proxy on 127.0.0.1 that answers with the fixture web.

Clients reach the real host names through it: plain ``GET http://host/path`` (absolute form) for
http, ``CONNECT host:443`` for https (answered 200, then TLS with a self-signed certificate made
at start-up; the requests inside the tunnel are served by their Host header). Unknown URLs on a
fixture host answer 404, unknown hosts 502. Every answered request is logged.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import os
import socket
import ssl
import tempfile
import threading
import time
from email.utils import parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from .model import FixtureResponse

_CERT_LOCK = threading.Lock()
_CERT_FILES: dict[tuple[str, ...], tuple[str, str]] = {}


def _certificate(hosts: tuple[str, ...]) -> tuple[str, str]:
    """(cert path, key path) of a self-signed certificate for ``hosts``, made once per process."""
    with _CERT_LOCK:
        if hosts in _CERT_FILES:
            return _CERT_FILES[hosts]
        from cryptography import x509
        from cryptography.hazmat.primitives import hashes, serialization
        from cryptography.hazmat.primitives.asymmetric import ec
        from cryptography.x509.oid import NameOID

        key = ec.generate_private_key(ec.SECP256R1())
        name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "danvan-archive fixture web")])
        san = [x509.DNSName(h) for h in hosts] + [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
        cert = (
            x509.CertificateBuilder()
            .subject_name(name)
            .issuer_name(name)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc))
            .not_valid_after(dt.datetime(2049, 12, 31, tzinfo=dt.timezone.utc))
            .add_extension(x509.SubjectAlternativeName(san), critical=False)
            .sign(key, hashes.SHA256())
        )
        folder = tempfile.mkdtemp(prefix="fixture-web-tls-")
        cert_path, key_path = os.path.join(folder, "cert.pem"), os.path.join(folder, "key.pem")
        with open(cert_path, "wb") as out:
            out.write(cert.public_bytes(serialization.Encoding.PEM))
        with open(key_path, "wb") as out:
            out.write(
                key.private_bytes(
                    serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
                )
            )
        _CERT_FILES[hosts] = (cert_path, key_path)
        return cert_path, key_path


def _small(status: int, text: str) -> FixtureResponse:
    body = f"<html><head><title>{status} {text}</title></head><body><h1>{status} {text}</h1></body></html>\n".encode()
    return FixtureResponse(status, [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body)))], body)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    proxy: "FixtureProxy"

    def handle_error(self, request, client_address) -> None:  # quiet about dropped connections
        pass


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "FixtureProxy/1.0"
    timeout = 30

    def setup(self) -> None:
        super().setup()
        self.tunnel_host: str | None = None
        self.server.proxy._track(self.connection, add=True)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            self.server.proxy._track(self.connection, add=False)
            if self.tunnel_host is not None:
                try:
                    self.connection.close()
                except OSError:
                    pass

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - keep the test output clean
        pass

    # -- CONNECT tunnels ---------------------------------------------------------------
    def do_CONNECT(self) -> None:
        proxy = self.server.proxy
        host = self.path.rsplit(":", 1)[0].strip("[]").lower()
        if host not in proxy.hosts:
            proxy._record("CONNECT", self.path, 502)
            self._send(_small(502, "Bad Gateway"), body=True)
            self.close_connection = True
            return
        proxy._record("CONNECT", self.path, 200)
        self.send_response_only(200, "Connection Established")
        self.end_headers()
        try:
            tls = proxy._ssl_context().wrap_socket(self.connection, server_side=True)
        except (ssl.SSLError, OSError):
            self.close_connection = True
            return
        proxy._track(self.connection, add=False)
        proxy._track(tls, add=True)
        self.connection = tls
        self.rfile = tls.makefile("rb")
        self.wfile = tls.makefile("wb")
        self.tunnel_host = host
        self.close_connection = False  # BaseHTTPRequestHandler.handle() goes on reading inside TLS

    # -- requests ----------------------------------------------------------------------
    def do_GET(self) -> None:
        self._serve(body=True)

    def do_HEAD(self) -> None:
        self._serve(body=False)

    def _serve(self, body: bool) -> None:
        proxy = self.server.proxy
        if self.path.startswith(("http://", "https://")):
            url = self.path
        else:
            host = self.headers.get("Host") or self.tunnel_host or ""
            scheme = "https" if self.tunnel_host is not None else "http"
            url = f"{scheme}://{host}{self.path}"
        url = _strip_default_port(url)
        response = proxy.lookup(url)
        if _not_modified(response, self.headers):
            response = FixtureResponse(304, [(k, v) for k, v in response.headers if k.lower() in _KEPT_ON_304], b"")
        proxy._record(self.command, url, response.status)
        self._send(response, body)

    def _send(self, response: FixtureResponse, body: bool) -> None:
        self.send_response_only(response.status)
        names = set()
        for name, value in response.headers:
            names.add(name.lower())
            self.send_header(name, value)
        if "content-length" not in names:
            self.send_header("Content-Length", str(len(response.body)))
        self.end_headers()
        if body:
            self.wfile.write(response.body)


_KEPT_ON_304 = {"etag", "last-modified", "server"}


def _not_modified(response: FixtureResponse, request_headers) -> bool:
    """Whether a conditional request's validators still match the page (RFC 9110 section 13)."""
    if response.status != 200:
        return False
    etag, if_none_match = response.header("ETag"), request_headers.get("If-None-Match")
    if if_none_match is not None:
        return bool(etag) and (if_none_match.strip() == "*" or etag in [t.strip() for t in if_none_match.split(",")])
    last_modified, since = response.header("Last-Modified"), request_headers.get("If-Modified-Since")
    if last_modified and since:
        try:
            return parsedate_to_datetime(last_modified) <= parsedate_to_datetime(since)
        except (TypeError, ValueError):
            return False
    return False


def _strip_default_port(url: str) -> str:
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    if parts.port and (parts.scheme, parts.port) not in (("http", 80), ("https", 443)):
        host = f"{host}:{parts.port}"
    return parts._replace(netloc=host).geturl()


class FixtureProxy:
    """Context manager: a forward proxy serving ``web`` (default: the whole fixture web).

    >>> with FixtureProxy() as proxy:           # doctest: +SKIP
    ...     os.environ.update(proxy.env())      # http_proxy / https_proxy for Scrapy
    ...     run_crawl()
    ...     proxy.requests.count(START_URLS["danvan"])

    ``web`` is kept by reference: tests may add or replace entries (fault injection) while the
    proxy runs. ``requests`` lists the absolute URLs asked for (GET/HEAD, robots.txt included),
    ``log`` holds (method, url-or-authority, status) including CONNECTs.
    """

    def __init__(self, web: dict[str, FixtureResponse] | None = None, host: str = "127.0.0.1", port: int = 0):
        if web is None:
            from .web import build_fixture_web

            web = build_fixture_web()
        self.web = web
        self.hosts = frozenset((urlsplit(url).hostname or "").lower() for url in web)
        self.requests: list[str] = []
        self.log: list[tuple[str, str, int]] = []
        self._bind = (host, port)
        self._lock = threading.Lock()
        self._connections: set[socket.socket] = set()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._context: ssl.SSLContext | None = None

    # -- lifecycle ---------------------------------------------------------------------
    def start(self) -> "FixtureProxy":
        if self._server is not None:
            return self
        server = _Server(self._bind, _Handler)
        server.proxy = self
        self._server = server
        self._thread = threading.Thread(target=server.serve_forever, name="fixture-proxy", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        server, self._server = self._server, None
        if server is None:
            return
        server.shutdown()
        server.server_close()
        with self._lock:
            connections = list(self._connections)
            self._connections.clear()
        for conn in connections:
            try:
                conn.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            try:
                conn.close()
            except OSError:
                pass
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> "FixtureProxy":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    # -- addresses ---------------------------------------------------------------------
    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError("the proxy is not running")
        return self._server.server_address[1]

    @property
    def url(self) -> str:
        """The proxy's URL, e.g. http://127.0.0.1:40123 (for http_proxy / https_proxy)."""
        return f"http://127.0.0.1:{self.port}"

    def serve_by_hand(self, start_urls: dict[str, str]) -> None:
        """Print how to crawl through this proxy and its sites' start URLs, then serve until Ctrl-C."""
        print(self.url, flush=True)
        print(f"export http_proxy={self.url} https_proxy={self.url}", flush=True)
        for site_id, url in start_urls.items():
            print(f"  {site_id:14} {url}", flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass

    def env(self) -> dict[str, str]:
        """Environment variables that route http and https through this proxy."""
        return {
            "http_proxy": self.url,
            "https_proxy": self.url,
            "HTTP_PROXY": self.url,
            "HTTPS_PROXY": self.url,
            "no_proxy": "",
            "NO_PROXY": "",
        }

    # -- serving -----------------------------------------------------------------------
    def lookup(self, url: str) -> FixtureResponse:
        host = (urlsplit(url).hostname or "").lower()
        if host not in self.hosts:
            return _small(502, "Bad Gateway")
        response = self.web.get(url)
        return response if response is not None else _small(404, "Not Found")

    def count(self, url: str) -> int:
        """How many times ``url`` was requested."""
        with self._lock:
            return self.requests.count(url)

    def clear(self) -> None:
        """Forget the request log (e.g. between two crawl runs)."""
        with self._lock:
            self.requests.clear()
            self.log.clear()

    def _record(self, method: str, target: str, status: int) -> None:
        with self._lock:
            if method != "CONNECT":
                self.requests.append(target)
            self.log.append((method, target, status))

    def _track(self, conn: socket.socket, add: bool) -> None:
        with self._lock:
            if add:
                self._connections.add(conn)
            else:
                self._connections.discard(conn)

    def _ssl_context(self) -> ssl.SSLContext:
        with self._lock:
            if self._context is None:
                cert, key = _certificate(tuple(sorted(self.hosts)))
                context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
                context.load_cert_chain(cert, key)
                self._context = context
            return self._context
