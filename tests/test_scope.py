"""Scope and safety: `danvan crawl` against portals on 127.0.0.1 that link and redirect out of scope.

Each test runs the real command in a subprocess against tiny HTTP servers it starts itself, and
asserts which requests arrived at which server, what the archive recorded and what the log said.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections import Counter
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import sqlite_utils

from crawler.scope import ip_literal, is_public_address
from crawler.settings import DEPTH_LIMIT, MAX_LISTING_PAGES
from tests.fixture_web import START_URLS, FixtureProxy

ROOT = Path(__file__).resolve().parents[1]
FAST = ["--setting", "DOWNLOAD_DELAY=0", "--setting", "AUTOTHROTTLE_ENABLED=False", "--setting", "RETRY_TIMES=1"]
ALLOW_PRIVATE = ["--setting", "ALLOW_PRIVATE_ADDRESSES=True"]
OTHER_HOST = "127.0.0.2"  # another loopback address: another host, not registered
PROXY_VARIABLES = ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "no_proxy", "NO_PROXY", "all_proxy")
ROBOTS = "User-agent: *\nAllow: /\n"
PARAGRAPHS = (
    "Sáng nay, Ban Dân vận Huyện ủy tổ chức hội nghị sơ kết công tác dân vận sáu tháng đầu năm, "
    "đánh giá kết quả thực hiện phong trào thi đua “Dân vận khéo” tại các xã, thị trấn.",
    "Theo báo cáo, các cấp ủy đã chỉ đạo xây dựng nhiều mô hình dân vận khéo trên lĩnh vực kinh tế, "
    "văn hóa, xã hội, góp phần củng cố khối đại đoàn kết toàn dân tộc ở cơ sở.",
    "Phát biểu kết luận, đồng chí Trưởng ban đề nghị các đơn vị tiếp tục lắng nghe ý kiến của Nhân dân, "
    "giải quyết kịp thời những kiến nghị chính đáng ngay từ cơ sở.",
)


def article_html(title: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (f"<html><head><meta charset='utf-8'><title>{title}</title></head><body><article>"
            f"<h1>{title}</h1><div class='ngay'>Ngày đăng: 12/03/2024</div><div class='noi-dung'>{body}</div>"
            "</article></body></html>")


def listing_html(links: list[tuple[str, str]], next_page: str | None = None) -> str:
    items = "".join(f"<div class='tin'><h3><a href='{href}'>{title}</a></h3></div>" for href, title in links)
    pager = f"<div class='phan-trang'><a rel='next' href='{next_page}'>Trang sau</a></div>" if next_page else ""
    return f"<html><head><meta charset='utf-8'></head><body><main>{items}{pager}</main></body></html>"


class Portal:
    """An HTTP server on a loopback address: path -> (status, headers, body); records every request path."""

    def __init__(self, host: str = "127.0.0.1"):
        self.pages: dict[str, tuple[int, dict, str]] = {"/robots.txt": (200, {"Content-Type": "text/plain"}, ROBOTS)}
        self.requested: list[str] = []
        self.server = ThreadingHTTPServer((host, 0), self._handler())
        self.port = self.server.server_address[1]

    def page(self, path: str, body: str, status: int = 200, **headers) -> None:
        self.pages[path] = (status, {"Content-Type": "text/html; charset=utf-8", **headers}, body)

    def redirect(self, path: str, location: str) -> None:
        self.page(path, "", status=302, Location=location)

    def _handler(self):
        portal = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                portal.requested.append(self.path)
                status, headers, body = portal.answer(self.path)
                data = body.encode("utf-8")
                self.send_response(status)
                for name, value in {**headers, "Content-Length": str(len(data))}.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, format, *args):  # noqa: A002 - keep the test output clean
                pass

        return Handler

    def answer(self, path: str) -> tuple[int, dict, str]:
        return self.pages.get(path, (404, {"Content-Type": "text/html"}, "<h1>Không tìm thấy trang</h1>"))

    def pages_requested(self) -> list[str]:
        """Requested paths other than robots.txt."""
        return [path for path in self.requested if path != "/robots.txt"]

    def __enter__(self) -> "Portal":
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()


class FailsFirst(Portal):
    """Answers a path 503 the first time, then as configured (a retry then goes where the page says)."""

    def answer(self, path: str) -> tuple[int, dict, str]:
        if path == "/bai/thu-lai.html" and self.requested.count(path) == 1:
            return 503, {"Content-Type": "text/html"}, "<h1>Dịch vụ tạm thời gián đoạn</h1>"
        return super().answer(path)


def registry(path: Path, *sites: tuple[str, str]) -> Path:
    """A registry file of (id, base URL) sites whose Dân vận section is /dan-van/."""
    entries = [
        f'[[site]]\nid = "{site_id}"\nname = "Cổng thông tin thử nghiệm {site_id}"\nlevel = "central"\n'
        f'platform = "generic"\nbase_url = "{base}"\nstart_urls = ["{base}dan-van/"]\nstatus = "live"\n'
        for site_id, base in sites
    ]
    path.write_text("\n".join(entries), encoding="utf-8")
    return path


def crawl(workdir: Path, sites_file: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """`danvan crawl` in a fresh process, with no proxy unless ``env`` sets one."""
    environment = {k: v for k, v in os.environ.items() if k not in PROXY_VARIABLES}
    environment.update({"PYTHONPATH": str(ROOT), **(env or {})})
    command = [sys.executable, "-m", "crawler", "crawl", "--db", str(workdir / "archive.db"),
               "--sites", str(sites_file), "--log-file", str(workdir / "crawl.log"), *FAST, *args]
    return subprocess.run(command, cwd=workdir, env=environment, capture_output=True, text=True, timeout=300)


def run_sites(db_path: Path) -> dict[str, dict]:
    db = sqlite_utils.Database(db_path)
    rows = {row["site"]: row for row in db.query("select * from crawl_run_sites order by run")}
    db.close()
    return rows


def article_urls(db_path: Path) -> set[str]:
    db = sqlite_utils.Database(db_path)
    urls = {row["url"] for row in db.query("select url from articles")}
    db.close()
    return urls


@contextmanager
def portals(*hosts: str, portal_class=Portal):
    servers = [portal_class(host) for host in hosts]
    for server in servers:
        server.__enter__()
    try:
        yield servers
    finally:
        for server in servers:
            server.__exit__(None, None, None)


# --- addresses --------------------------------------------------------------------------------


@pytest.mark.parametrize("address", [
    "127.0.0.1", "10.1.2.3", "172.16.0.9", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0",
    "::1", "fe80::1", "fc00::5", "::ffff:127.0.0.1", "::ffff:192.168.0.1", "224.0.0.1",
])
def test_private_loopback_and_link_local_addresses_are_not_public(address):
    assert not is_public_address(address)


@pytest.mark.parametrize("address", ["203.113.131.2", "14.225.0.1", "2001:ee0:4141::1"])
def test_public_addresses_are_public(address):
    assert is_public_address(address)


def test_ip_literals_are_recognised_in_url_host_form():
    assert ip_literal("[::1]") == "::1"
    assert ip_literal("10.0.0.1") == "10.0.0.1"
    assert ip_literal("danvan.quangninh.gov.vn") is None


def test_depth_limit_lets_every_listing_page_through():
    # listing page n is at depth n - 1 and its articles at depth n
    assert DEPTH_LIMIT > MAX_LISTING_PAGES


# --- links and redirects out of scope ---------------------------------------------------------


@pytest.fixture(scope="module")
def out_of_scope_crawl(tmp_path_factory):
    """A portal (registered as http://localhost:PORT/) whose listing links and redirects everywhere."""
    workdir = tmp_path_factory.mktemp("scope")
    with portals("127.0.0.1", OTHER_HOST, portal_class=FailsFirst) as (portal, other):
        elsewhere = f"http://{OTHER_HOST}:{other.port}"
        other.page("/bai/dich.html", article_html("Bài viết trên một máy chủ khác không được đăng ký"))
        other.page("/dan-van/trang-2", listing_html([]))
        links = [
            ("/bai/hoi-nghi.html", "Hội nghị sơ kết công tác dân vận sáu tháng đầu năm"),
            (f"{elsewhere}/bai/dich.html", "Liên kết sang một trang thông tin của tỉnh bạn"),
            ("http://169.254.169.254/latest/meta-data/", "Liên kết tới một địa chỉ nội bộ của máy chủ"),
            ("http://10.0.0.7/quan-tri/", "Liên kết tới trang quản trị trong mạng nội bộ"),
            ("file:///etc/passwd", "Liên kết tới một tệp trên máy chủ của cổng thông tin"),
            ("/bai/chuyen-di.html", "Bài viết đã chuyển sang địa chỉ của một máy chủ khác"),
            ("/bai/chuyen-tep.html", "Bài viết chuyển hướng tới một tệp trên máy chủ"),
            ("/bai/thu-lai.html", "Bài viết lỗi tạm thời rồi chuyển sang máy chủ khác"),
        ]
        portal.page("/dan-van/", listing_html(links, next_page=f"{elsewhere}/dan-van/trang-2"))
        portal.page("/bai/hoi-nghi.html", article_html("Hội nghị sơ kết công tác dân vận sáu tháng đầu năm"))
        portal.redirect("/bai/chuyen-di.html", f"{elsewhere}/bai/dich.html")
        portal.redirect("/bai/chuyen-tep.html", "file:///etc/passwd")
        portal.redirect("/bai/thu-lai.html", f"{elsewhere}/bai/dich.html")
        sites = registry(workdir / "sites.toml", ("thu", f"http://localhost:{portal.port}/"))
        result = crawl(workdir, sites, *ALLOW_PRIVATE)
        return {"result": result, "portal": list(portal.requested), "other": list(other.requested),
                "db_path": workdir / "archive.db", "log": (workdir / "crawl.log").read_text(encoding="utf-8"),
                "base": f"http://localhost:{portal.port}"}


def test_no_request_reaches_another_host(out_of_scope_crawl):
    # not the linked article, not the redirect targets, not the retried page's redirect, not the next page
    assert out_of_scope_crawl["other"] == []


def test_the_in_scope_article_is_fetched_and_archived(out_of_scope_crawl):
    # pages that redirect away are not fetched: the run says so (exit 1, fetch_failures)
    assert out_of_scope_crawl["result"].returncode == 1, out_of_scope_crawl["result"].stderr[-3000:]
    requested = Counter(out_of_scope_crawl["portal"])
    assert requested["/bai/hoi-nghi.html"] == 1
    assert requested["/bai/thu-lai.html"] == 2  # a 503, then one retry: bounded
    assert article_urls(out_of_scope_crawl["db_path"]) == {f"{out_of_scope_crawl['base']}/bai/hoi-nghi.html"}


def test_what_was_not_fetched_is_recorded_with_its_reason(out_of_scope_crawl):
    db = sqlite_utils.Database(out_of_scope_crawl["db_path"])
    reasons = {row["url"].rsplit("/", 2)[-2:][-1]: row["reason"] for row in db["fetch_failures"].rows}
    assert reasons == {"chuyen-di.html": "redirected-offsite", "thu-lai.html": "redirected-offsite",
                       "chuyen-tep.html": "redirect-not-followed", "trang-2": "out-of-scope"}


def test_redirects_out_of_scope_are_refused_logged_and_counted(out_of_scope_crawl):
    log = out_of_scope_crawl["log"]
    elsewhere_host = f"host '{OTHER_HOST}' is not a registered site's"
    for path in ("/bai/dich.html", "/dan-van/trang-2"):
        assert any(path in line and elsewhere_host in line for line in log.splitlines()), path
    # the redirect and the retried page's redirect, and the next listing page on another host
    assert run_sites(out_of_scope_crawl["db_path"])["thu"]["errors"] == 3
    assert run_sites(out_of_scope_crawl["db_path"])["thu"]["listing_errors"] == 1  # a full walk next run


def test_a_redirect_to_a_file_url_fetches_nothing(out_of_scope_crawl):
    log = out_of_scope_crawl["log"]
    assert "/etc/passwd" not in "".join(article_urls(out_of_scope_crawl["db_path"]))
    assert "Unsupported URL scheme" not in log and "root:" not in log


# --- private addresses --------------------------------------------------------------------------


def test_registered_hosts_on_private_addresses_are_refused_by_default(tmp_path):
    """A registered name resolving to loopback (DNS rebinding, a misconfigured portal), and an IP literal."""
    with portals("127.0.0.1", "127.0.0.1") as (named, literal):
        for portal in (named, literal):
            portal.page("/dan-van/", listing_html([("/bai/mot.html", "Hội nghị tổng kết công tác dân vận năm")]))
        sites = registry(tmp_path / "sites.toml", ("ten", f"http://localhost:{named.port}/"),
                         ("so", f"http://127.0.0.1:{literal.port}/"))
        result = crawl(tmp_path, sites)
        assert named.requested == [] and literal.requested == []
    assert result.returncode == 1
    summary = result.stdout.splitlines()
    assert any(line.startswith("ten: ") and "resolves to 127.0.0.1" in line for line in summary), result.stdout
    assert any(line.startswith("so: ") and "127.0.0.1 is a private, loopback or link-local address" in line
               for line in summary), result.stdout
    counts = run_sites(tmp_path / "archive.db")
    assert counts["ten"]["errors"] >= 1 and counts["so"]["errors"] >= 1
    assert counts["ten"]["failure"] and counts["so"]["failure"]


def test_a_forward_proxy_on_loopback_named_localhost_still_works(tmp_path):
    """The proxy is the operator's choice: connecting to it is allowed; the proxy resolves the portals."""
    site_id = "danvan"
    with FixtureProxy() as proxy:
        env = {name: value.replace("127.0.0.1", "localhost") for name, value in proxy.env().items()}
        workdir = tmp_path
        command = [sys.executable, "-m", "crawler", "crawl", "--db", str(workdir / "archive.db"),
                   "--site", site_id, *FAST]
        environment = {k: v for k, v in os.environ.items() if k not in PROXY_VARIABLES}
        result = subprocess.run(command, cwd=workdir, env={**environment, "PYTHONPATH": str(ROOT), **env},
                                capture_output=True, text=True, timeout=300)
        requested = list(proxy.requests)
    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
    assert START_URLS[site_id] in requested
    assert run_sites(workdir / "archive.db")[site_id]["articles_new"] > 0


# --- caps -----------------------------------------------------------------------------------------


def test_pages_per_site_cap_cuts_the_run_short_and_the_next_run_goes_on(tmp_path):
    links = [(f"/bai/{n}.html", f"Tin hoạt động dân vận số {n} của huyện trong tháng") for n in range(1, 11)]
    with portals("127.0.0.1") as (portal,):
        portal.page("/dan-van/", listing_html(links))
        for href, title in links:
            portal.page(href, article_html(title))
        sites = registry(tmp_path / "sites.toml", ("thu", f"http://localhost:{portal.port}/"))
        first = crawl(tmp_path, sites, *ALLOW_PRIVATE, "--setting", "MAX_PAGES_PER_SITE=5")
        first_requests = portal.pages_requested()
        second = crawl(tmp_path, sites, *ALLOW_PRIVATE)
        all_requests = portal.pages_requested()
    assert len(first_requests) == 5  # the listing and four articles
    log = (tmp_path / "crawl.log").read_text(encoding="utf-8")
    assert log.count("cap of 5 pages for this run (MAX_PAGES_PER_SITE) is reached; the rest waits") == 1
    assert run_sites(tmp_path / "archive.db")["thu"]["errors"] == 0  # the second run's row
    db = sqlite_utils.Database(tmp_path / "archive.db")
    first_run = db["crawl_run_sites"].get((1, "thu"))
    assert first_run["errors"] == 1 and first_run["articles_new"] == 4
    assert first.returncode == 0 and second.returncode == 0, second.stderr[-3000:]
    # the next run fetches the links the cap held back, each once
    assert sorted(set(all_requests) - {"/dan-van/"}) == sorted(href for href, _ in links)
    assert db["articles"].count == 10


def test_depth_limit_stops_a_pagination_that_never_ends(tmp_path):
    with portals("127.0.0.1") as (portal,):
        for n in range(1, 30):
            link = (f"/bai/{n}.html", f"Tin hoạt động dân vận số {n} của huyện trong tháng")
            portal.page("/dan-van/" if n == 1 else f"/dan-van/trang-{n}", listing_html([link], f"/dan-van/trang-{n + 1}"))
            portal.page(link[0], article_html(link[1]))
        sites = registry(tmp_path / "sites.toml", ("thu", f"http://localhost:{portal.port}/"))
        result = crawl(tmp_path, sites, *ALLOW_PRIVATE, "--setting", "MAX_LISTING_PAGES=100",
                       "--setting", "DEPTH_LIMIT=3")
        requested = portal.pages_requested()
    # listing page n is at depth n - 1, its article at depth n: page 4's article is past the limit
    assert sorted(path for path in requested if path.startswith("/dan-van/")) == [
        "/dan-van/", "/dan-van/trang-2", "/dan-van/trang-3", "/dan-van/trang-4"]
    assert sorted(path for path in requested if path.startswith("/bai/")) == ["/bai/1.html", "/bai/2.html", "/bai/3.html"]
    assert "DEPTH_LIMIT 3 stops listing walks before MAX_LISTING_PAGES 100" in result.stderr
