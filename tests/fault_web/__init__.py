"""The fault portal: one district portal on 127.0.0.1 whose Dân vận section links a page per fault.

``FaultPortal()`` is a context manager running a threaded HTTP server on an ephemeral port;
``portal.base_url``, ``portal.registry()`` (a registry file's text for the site ``thunghiem``),
``portal.hits(path)`` (requests the server answered for a path, any host), ``portal.times(path)``,
``portal.hosts_seen``. Each fault is an article link on ``SECTION`` (see ``FAULT_PATHS``); state
per URL (first N requests fail) lives in the server, so a second crawl sees the recovery.
"""

from __future__ import annotations

import gzip
import socket
import struct
import threading
import time
import zlib
from collections import defaultdict
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from .pages import (
    CP1258, DISALLOWED_SECTION, ENDLESS_SECTION, GZIP_NO_HEADER, HEALTHY, RECOVERING, SECTION, TRUNCATED,
    Story, article_html, bulletin, cp1258_bytes, listing_html, soft_404_html, truncated_html,
)

SITE_ID = "thunghiem"
SLOW_S = 3.5
"""The slow page answers after this long: past the tests' DOWNLOAD_TIMEOUT of 2 s."""
RETRY_AFTER_S = 1
HUGE_BYTES = 20 * 1024 * 1024
BOMB_BYTES = 200 * 1024 * 1024
"""What the gzip bomb inflates to (it is ~200 KB on the wire)."""
FAILURES_FIRST = {
    RECOVERING[0].path: (503,),
    RECOVERING[1].path: (429,),
    RECOVERING[2].path: (500, 502, 503),
}
"""Paths whose first requests fail with these statuses, in order; later requests get the page."""
FAULT_PATHS = {
    "slow": f"{SECTION}cham-qua-han.html",
    "reset": f"{SECTION}dut-ket-noi.html",
    "always-500": f"{SECTION}loi-may-chu.html",
    "redirect-loop": f"{SECTION}vong-lap-a.html",
    "redirect-offsite": f"{SECTION}chuyen-sang-trang-khac.html",
    "huge": f"{SECTION}trang-khong-lo.html",
    "huge-streamed": f"{SECTION}trang-khong-lo-2.html",
    "gzip-bomb": f"{SECTION}bom-nen.html",
    "pdf": f"{SECTION}van-ban-dinh-kem.html",
    "jpeg": f"{SECTION}anh-hoat-dong.html",
    "empty": f"{SECTION}trang-trong.html",
    "soft-404": f"{SECTION}bai-da-xoa.html",
    "disallowed": f"{DISALLOWED_SECTION}ho-so-can-bo.html",
}
LOOP_OTHER = f"{SECTION}vong-lap-b.html"
OFFSITE_PATH = "/tin-ngoai.html"
PRIVATE_LINKS = (
    "http://10.0.0.5/dan-van/bai-noi-bo.html",
    "http://169.254.169.254/latest/meta-data/",
    "http://[::1]/dan-van/bai-viet.html",
    "http://192.168.1.10/dan-van/tin-moi.html",
    "https://baochinhphu.vn/dan-van-kheo-102240101.htm",
)
TRACKED_COPIES = ("?utm_source=zalo&utm_medium=social", "?fbclid=IwAR0xTmQk7aB2", "#binh-luan")
"""The first healthy article is linked again with these: one row, one fetch."""
PDF_BODY = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + bytes(range(256)) * 40
JPEG_BODY = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + bytes(range(256)) * 60
HTML = "text/html; charset=utf-8"


def _bomb() -> bytes:
    """BOMB_BYTES of spaces inside an HTML comment, gzipped in slices (never held whole)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    slice_ = b" " * (1024 * 1024)
    parts = [packer.compress(b"<html><body><!--")]
    parts += [packer.compress(slice_) for _ in range(BOMB_BYTES // len(slice_))]
    return b"".join(parts) + packer.compress(b"--></body></html>") + packer.flush()


class FaultPortal:
    """Serve the fault portal on 127.0.0.1 until the ``with`` block ends."""

    def __init__(self):
        self._lock = threading.Lock()
        self._requests: list[tuple[str, str, float]] = []
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.bomb = _bomb()
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> "FaultPortal":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()

    def record(self, host: str, path: str) -> int:
        """Log a request; how many times this path was asked for before it."""
        with self._lock:
            before = sum(1 for _, seen, _ in self._requests if seen == path)
            self._requests.append((host, path, time.monotonic()))
        return before

    def hits(self, path: str) -> int:
        with self._lock:
            return sum(1 for _, seen, _ in self._requests if seen == path)

    def times(self, path: str) -> list[float]:
        with self._lock:
            return [at for _, seen, at in self._requests if seen == path]

    @property
    def hosts_seen(self) -> set[str]:
        with self._lock:
            return {host for host, _, _ in self._requests}

    @property
    def request_count(self) -> int:
        with self._lock:
            return len(self._requests)

    def url(self, path: str) -> str:
        return f"{self.base_url}{path}"

    def registry(self) -> str:
        return f"""[[site]]
id = "{SITE_ID}"
name = "Cổng thông tin điện tử huyện Thử Nghiệm (cổng thử lỗi)"
level = "district"
platform = "generic"
base_url = "{self.base_url}/"
start_urls = ["{self.base_url}{SECTION}", "{self.base_url}{ENDLESS_SECTION}?trang=1"]
status = "live"
"""

    def section_links(self) -> list[tuple[str, str]]:
        """The section's listing: healthy and fault articles, copies with tracking parameters, stray links."""
        stories = [*HEALTHY, *RECOVERING, GZIP_NO_HEADER, CP1258, TRUNCATED]
        links = [(story.path, story.title) for story in stories]
        links += [(path, f"Tin hoạt động của khối dân vận huyện ({name})") for name, path in FAULT_PATHS.items()]
        links += [(HEALTHY[0].path + extra, HEALTHY[0].title) for extra in TRACKED_COPIES]
        links += [(href, "Liên kết ngoài cổng thông tin của huyện") for href in PRIVATE_LINKS]
        links.append((f"http://localhost:{self.port}{OFFSITE_PATH}", "Tin đăng lại trên một cổng khác của tỉnh"))
        return links


STORIES = {story.path: story for story in (*HEALTHY, *RECOVERING)}


def _handler_for(portal: FaultPortal):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.0"  # one request per connection: a reset or a cut body ends it

        def log_message(self, *args) -> None:  # quiet: pytest shows failures, not access logs
            pass

        def do_GET(self) -> None:
            parts = urlsplit(self.path)
            path = parts.path + (f"?{parts.query}" if parts.path == ENDLESS_SECTION else "")
            before = portal.record(self.headers.get("Host", ""), path)
            try:
                self.route(path, before)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the crawler hung up on a page it refused (the size cap): as it should

        def route(self, path: str, before: int) -> None:
            statuses = FAILURES_FIRST.get(path, ())
            if before < len(statuses):
                return self.fail(statuses[before])
            if path in STORIES:
                return self.send(200, article_html(STORIES[path]).encode())
            handler = self.routes.get(path)
            if handler is not None:
                return handler(self)
            if path == SECTION:
                return self.send(200, listing_html("Dân vận", portal.section_links()).encode())
            if path.startswith(ENDLESS_SECTION + "?trang="):
                return self.endless(int(path.rsplit("=", 1)[1]))
            if path.startswith(ENDLESS_SECTION):
                return self.send(200, article_html(bulletin(int(path.rsplit("-", 1)[1].split(".")[0]))).encode())
            if path == "/robots.txt":
                return self.send(200, f"User-agent: *\nDisallow: {DISALLOWED_SECTION}\n".encode(), "text/plain")
            self.send(404, soft_404_html().encode())

        def send(self, status: int, body: bytes, content_type: str = HTML, headers: dict | None = None) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(body)

        def fail(self, status: int) -> None:
            headers = {"Retry-After": str(RETRY_AFTER_S)} if status == 429 else {}
            self.send(status, f"<html><body><h1>Lỗi {status}</h1></body></html>".encode(), headers=headers)

        def endless(self, page: int) -> None:
            story = bulletin(page)
            links = [(f"{ENDLESS_SECTION}{story.slug}.html", story.title)]
            body = listing_html("Bản tin dân vận", links, f"{ENDLESS_SECTION}?trang={page + 1}")
            self.send(200, body.encode())

        def slow(self) -> None:
            time.sleep(SLOW_S)
            self.send(200, article_html(HEALTHY[0]).encode())

        def reset(self) -> None:
            body = article_html(HEALTHY[1]).encode()
            self.send_response(200)
            self.send_header("Content-Type", HTML)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body[: len(body) // 3])
            self.wfile.flush()
            # SO_LINGER 0: close() sends a TCP RST instead of a FIN
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()

        def redirect(self, location: str, status: int = 302) -> None:
            self.send_response(status)
            self.send_header("Location", location)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def huge(self, announce: bool) -> None:
            self.send_response(200)
            self.send_header("Content-Type", HTML)
            if announce:
                self.send_header("Content-Length", str(HUGE_BYTES))
            self.end_headers()
            self.wfile.write(b"<html><body><p>")
            chunk = "Dân vận khéo. ".encode() * 4096
            for _ in range(HUGE_BYTES // len(chunk)):
                self.wfile.write(chunk)

        def gzip_bomb(self) -> None:
            self.send(200, portal.bomb, headers={"Content-Encoding": "gzip"})

    Handler.routes = {
        FAULT_PATHS["slow"]: Handler.slow,
        FAULT_PATHS["reset"]: Handler.reset,
        FAULT_PATHS["always-500"]: lambda h: h.fail(500),
        FAULT_PATHS["redirect-loop"]: lambda h: h.redirect(LOOP_OTHER),
        LOOP_OTHER: lambda h: h.redirect(FAULT_PATHS["redirect-loop"], 301),
        FAULT_PATHS["redirect-offsite"]: lambda h: h.redirect(f"http://localhost:{portal.port}{OFFSITE_PATH}"),
        FAULT_PATHS["huge"]: lambda h: h.huge(announce=True),
        FAULT_PATHS["huge-streamed"]: lambda h: h.huge(announce=False),
        FAULT_PATHS["gzip-bomb"]: Handler.gzip_bomb,
        FAULT_PATHS["pdf"]: lambda h: h.send(200, PDF_BODY),
        FAULT_PATHS["jpeg"]: lambda h: h.send(200, JPEG_BODY),
        FAULT_PATHS["empty"]: lambda h: h.send(200, b""),
        FAULT_PATHS["soft-404"]: lambda h: h.send(200, soft_404_html().encode()),
        FAULT_PATHS["disallowed"]: lambda h: h.send(200, article_html(HEALTHY[2]).encode()),
        GZIP_NO_HEADER.path: lambda h: h.send(200, gzip.compress(article_html(GZIP_NO_HEADER).encode())),
        CP1258.path: lambda h: h.send(200, cp1258_bytes(article_html(CP1258, charset="utf-8"))),
        TRUNCATED.path: lambda h: h.send(200, truncated_html(TRUNCATED).encode()),
        OFFSITE_PATH: lambda h: h.send(200, article_html(HEALTHY[1]).encode()),
    }
    return Handler

__all__ = [
    "CP1258", "FAULT_PATHS", "FaultPortal", "GZIP_NO_HEADER", "HEALTHY", "PRIVATE_LINKS", "RECOVERING",
    "SITE_ID", "Story", "TRUNCATED", "bulletin",
]
