"""The load benchmark (URL mix, wrk output parser, Lua script under a real wrk) and the disk-queue crawl case."""

import shutil
import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from bench import crawl_memory, load
from bench.portal import GrownWeb
from bench.search import TIMED_OUT_MARK

WRK_SAMPLE = """\
Running 1s test @ http://127.0.0.1:18765
  1 threads and 2 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     6.26ms    4.92ms  31.57ms   69.77%
  342 requests in 1.01s, 118.06KB read
  Non-2xx or 3xx responses: 171
Requests/sec:    339.17
WRK_JSON {"duration_us": 1008354, "requests": 342, "bytes": 120897, "connect": 0, "read": 0, "write": 0, \
"status_errors": 171, "timeout": 0, "non2xx": 171, "non2xx_by_status": {"404": 171}, "facets_timed_out": 0, \
"p50_us": 5425, "p95_us": 14850, "p99_us": 25292, "mean_us": 6255.3, "max_us": 31566}
"""
"""A real run of the Lua script against python -m http.server, half the URLs missing."""


def test_parse_wrk_reads_the_lua_summary():
    figures = load.parse_wrk(WRK_SAMPLE)
    assert figures["requests"] == 342 and figures["rps"] == pytest.approx(339.2, abs=0.1)
    assert (figures["p50_ms"], figures["p95_ms"], figures["p99_ms"]) == (5.4, 14.8, 25.3)
    assert figures["errors"] == figures["non2xx"] == 171 and figures["non2xx_by_status"] == {"404": 171}
    assert figures["socket_errors"] == 0


def test_parse_wrk_refuses_output_without_the_summary():
    with pytest.raises(ValueError, match="no WRK_JSON"):
        load.parse_wrk("unable to connect to 127.0.0.1:1 Connection refused\n")


def test_url_mix_follows_the_weights_and_covers_every_page():
    pages = load.pages_by_kind(["/archive/articles/a", "/archive/articles/b", "/archive/articles/c"])
    mix = load.url_mix(pages)
    kinds = Counter(next(kind for kind, paths in pages.items() if path in paths) for path in mix)
    total = sum(load.MIX_WEIGHTS.values())
    assert kinds == {kind: round(load.MIX_LENGTH * weight / total) for kind, weight in load.MIX_WEIGHTS.items()}
    assert set(mix) == {path for paths in pages.values() for path in paths}
    assert len(pages["ranked"]) == 12 and not any("_search=" in path for path in mix)  # no search box
    assert mix == load.url_mix(pages)  # seeded: every run asks the same sequence


class _Handler(BaseHTTPRequestHandler):
    """200 for /ok, a 200 page whose facets timed out for /slow, 404 for anything else."""

    protocol_version = "HTTP/1.1"

    def do_GET(self):
        status, body = {"/ok": (200, b"fine"), "/slow": (200, b"<p>" + TIMED_OUT_MARK + b": level</p>")}.get(
            self.path, (404, b"missing"))
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.mark.skipif(not shutil.which("wrk"), reason="wrk is not installed (make bench-load)")
def test_lua_script_counts_non_2xx_and_timed_out_facets(tmp_path):
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    (tmp_path / "load.lua").write_text(load.LUA_SCRIPT, encoding="utf-8")
    (tmp_path / "load-urls.txt").write_text("/ok\n/slow\n/gone\n/ok\n", encoding="utf-8")

    class Fake:  # run_wrk only needs the port
        port = server.server_address[1]

    try:
        figures = load.run_wrk(Fake, connections=2, duration_s=1, workdir=tmp_path)
    finally:
        server.shutdown()
    assert figures["requests"] > 20
    assert figures["non2xx_by_status"] == {"404": figures["non2xx"]} and figures["errors"] == figures["non2xx"]
    assert figures["non2xx"] == pytest.approx(figures["requests"] / 4, rel=0.3)
    assert figures["facets_timed_out"] == pytest.approx(figures["requests"] / 4, rel=0.3)


def test_crawl_memory_sizes_the_web_for_the_pages_asked():
    assert crawl_memory.label(100_000) == "100k" and crawl_memory.label(10_000) == "10k"
    web = GrownWeb(crawl_memory.per_site_for(600))
    assert 560 <= len(web) <= 760  # the fixture's own pages come on top
    scope = crawl_memory.scope_settings(web)
    assert int(scope["DEPTH_LIMIT"]) > max(site.n_pages for site in web.sites) and scope["MAX_PAGES_PER_SITE"] == "0"


def test_crawl_memory_puts_every_request_through_the_disk_queue(tmp_path):
    """A small real crawl with JOBDIR: a request attribute that cannot be pickled would show up here."""
    result = crawl_memory.run(pages=300, case_dir=tmp_path)
    details = result["crawl_300_details"]
    assert details["finish_reason"] == "finished" and details["articles"] >= 0.9 * details["articles_served"]
    assert details["enqueued_disk"] >= details["pages"] - 10  # robots.txt is fetched beside the scheduler
    assert details["enqueued_memory"] == 0 and details["unserializable"] == 0
    assert 0 < details["crawl_peak_mb"] <= result["crawl_300_peak_mb"] < crawl_memory.LIMIT_MB
