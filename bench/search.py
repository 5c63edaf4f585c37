"""Search and facet latency of a real ``danvan serve`` over a 100k (or, large, 1M) article archive.

    python -m bench.search [--repeat 3] [--requests 5] [--large | --size N] [--json]

``danvan serve`` (immutable, the project's datasette_metadata.json and serve settings) runs in a
subprocess on 127.0.0.1 over the synthetic archive of ``bench.synthetic``. One sequential client
times whole HTTP requests (the HTML page a researcher sees, read to its end):

- the ranked ``search`` canned query (``/archive/search?q=...``: the ``fts_*`` keys) and the
  articles table's search box (``/archive/articles?_search=...``: every match sorted, counted and
  faceted; ``search_box_*``), for single-word, two-word, phrase and diacritic-free queries, each
  kind with a common, a rarer and a rare query;
- faceted table pages: the plain articles table with its default facets, one province before
  2025, one level and year.

Each URL gets one untimed warm-up request, then ``--requests`` timed ones, per repeat. p50/p95 are
over all timed requests of a kind; the spread is the range of the per-repeat p95. Non-200 answers
and pages whose facets timed out are counted and reported, never silently timed as successes.
"""

from __future__ import annotations

import argparse
import http.client
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

from bench import synthetic
from bench.common import ROOT, WORKDIR, report, ms_stats, percentile, spread

SIZE, LARGE_SIZE = 100_000, 1_000_000
HOST = "127.0.0.1"
DATABASE = "archive"
"""The served file is linked as WORKDIR/search/archive.db so Datasette names it as in production."""
QUERIES = {
    "single-word": ("Đảng", "Pleiku", "2025"),
    "two-word": ("dân vận", "Krông Pa", "Pleiku 2025"),
    "phrase": ('"dân vận khéo"', '"nông thôn mới"', '"Krông Pa" 2019'),
    "diacritic-free": ("dang", "huyen uy", "hai duong 2025"),
}
"""Per kind a common query (matches a large share of rows), a rarer one (~10 %) and a rare one
(a few hundred matches at 1M: the ranked search orders those by bm25, not by archive order)."""
FACET_PAGES = {
    "table": {},
    "province_before": {"province_before": "Gia Lai"},
    "level_year": {"level": "district", "year": "2023"},
}
SEARCH_PAGES = {
    "box": lambda q: f"/{DATABASE}/articles?{urlencode({'_search': q})}",
    "ranked": lambda q: f"/{DATABASE}/search?{urlencode({'q': q})}",
}
SEARCH_GROUPS = {"ranked": "fts", "box": "box"}
STARTUP_S = 120
"""Datasette counts the tables of an immutable database at startup: minutes at 1M rows on a busy machine."""
REQUEST_TIMEOUT_S = 120
TIMED_OUT_MARK = b"These facets timed out"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def _served_file(path: Path, workdir: Path) -> Path:
    """A link named archive.db to the cached archive, so URLs are /archive/... as in production."""
    with sqlite3.connect(path) as conn:  # immutable serving ignores the WAL: fold in what bench.dedup left
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    folder = workdir / "search"
    folder.mkdir(parents=True, exist_ok=True)
    link = folder / f"{DATABASE}.db"
    if link.is_symlink() or link.exists():
        link.unlink()
    link.symlink_to(path.resolve())
    return link


class Server:
    """``danvan serve`` in a subprocess; its peak memory is read from /proc before it stops."""

    def __init__(self, db: Path):
        self.port = _free_port()
        danvan = Path(sys.executable).with_name("danvan")
        self.process = subprocess.Popen([str(danvan), "serve", "--db", str(db), "--port", str(self.port)],
                                        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        self.conn = None

    def wait(self) -> float:
        started = time.perf_counter()
        while time.perf_counter() - started < STARTUP_S:
            if self.process.poll() is not None:
                raise RuntimeError(f"danvan serve exited: {self.process.stderr.read().decode()[-2000:]}")
            try:
                status, _ = self.get("/-/versions.json")
                if status == 200:
                    return time.perf_counter() - started
            except OSError:
                time.sleep(0.2)
        raise TimeoutError(f"danvan serve did not answer within {STARTUP_S} s")

    def get(self, path: str) -> tuple[int, bytes]:
        """One GET on a kept-alive connection (a browser's), body read to its end."""
        if self.conn is None:
            self.conn = http.client.HTTPConnection(HOST, self.port, timeout=REQUEST_TIMEOUT_S)
        try:
            self.conn.request("GET", path)
            response = self.conn.getresponse()
            return response.status, response.read()
        except (OSError, http.client.HTTPException):
            self.conn.close()
            self.conn = None
            raise

    def peak_mb(self) -> float:
        status = Path(f"/proc/{self.process.pid}/status").read_text()
        kib = next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:"))
        return round(kib / 1024, 1)

    def stop(self) -> None:
        if self.conn is not None:
            self.conn.close()
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


def _urls() -> list[tuple[str, str, str]]:
    """(group, kind, url): every search page of every query, then the facet pages.

    The ranked search is the ``fts`` group; the search box, which also sorts, counts and facets
    every match, is the ``box`` group.
    """
    urls = [(SEARCH_GROUPS[page], f"{page}:{kind}", make(query))
            for kind, queries in QUERIES.items() for query in queries for page, make in SEARCH_PAGES.items()]
    urls += [("facet", name, f"/{DATABASE}/articles" + (f"?{urlencode(args)}" if args else ""))
             for name, args in FACET_PAGES.items()]
    return urls


def _time_url(server: Server, url: str, requests: int, seen: dict) -> list[float]:
    server.get(url)  # warm-up: page cache, statement cache
    times = []
    for _ in range(requests):
        t0 = time.perf_counter()
        status, body = server.get(url)
        times.append(time.perf_counter() - t0)
        if status != 200:
            seen["errors"][url] = status
        if TIMED_OUT_MARK in body:
            names = body.split(TIMED_OUT_MARK, 1)[1].split(b"</p>", 1)[0]
            seen["facets_timed_out"][url] = names.decode(errors="replace").strip(": ")
        seen["bytes"][url] = len(body)
    return times


def _stats(samples: dict[str, list[float]], runs: list[dict[str, list[float]]]) -> dict:
    """ms_stats over all samples of each key, and the spread of the per-repeat p95."""
    out = {}
    for key, values in samples.items():
        per_run = [percentile(sorted(v * 1000 for v in run[key]), 95) for run in runs]
        out[key] = {**ms_stats(values), "p95_spread": spread(per_run)}
    return out


def measure(path: Path, repeat: int, requests: int, workdir: Path = WORKDIR) -> dict:
    server = Server(_served_file(path, workdir))
    seen = {"errors": {}, "facets_timed_out": {}, "bytes": {}}
    runs = []
    try:
        startup_s = server.wait()
        for _ in range(repeat):
            run: dict[str, list[float]] = {}
            for group, kind, url in _urls():
                times = _time_url(server, url, requests, seen)
                for key in (group, kind):
                    run.setdefault(key, []).extend(times)
            runs.append(run)
        server_peak = server.peak_mb()
    finally:
        server.stop()
    samples = {key: [t for run in runs for t in run[key]] for key in runs[0]}
    return {"stats": _stats(samples, runs), "startup_s": round(startup_s, 1), "server_peak_mb": server_peak,
            "errors": seen["errors"], "facets_timed_out": seen["facets_timed_out"],
            "page_kb": {url: round(n / 1024, 1) for url, n in seen["bytes"].items()}}


def run(repeat: int = 3, large: bool = False, size: int | None = None, requests: int = 5,
        workdir: Path = WORKDIR) -> dict:
    """Search and facet latency at 100k articles (1M with ``large``): the issue's keys."""
    size = size or (LARGE_SIZE if large else SIZE)
    path, build = synthetic.ensure(size, workdir)
    result = measure(path, repeat, requests, workdir)
    stats = result["stats"]
    return {
        "fts_p50_ms": stats["fts"]["median"],
        "fts_p95_ms": stats["fts"]["p95"],
        "facet_p95_ms": stats["facet"]["p95"],
        "search_size": size,
        "search_details": {
            "articles": size,
            "measured": "whole HTTP GET of the HTML page, one sequential client, danvan serve on 127.0.0.1; "
                        f"{requests} timed requests per URL per repeat after one warm-up, {repeat} repeats",
            "queries": QUERIES, "facet_pages": FACET_PAGES,
            "fts_p95_spread": stats["fts"]["p95_spread"], "facet_p95_spread": stats["facet"]["p95_spread"],
            "facet_p50_ms": stats["facet"]["median"],
            "search_box_p50_ms": stats["box"]["median"], "search_box_p95_ms": stats["box"]["p95"],
            "search_box_p95_spread": stats["box"]["p95_spread"],
            "by_kind": {key: value for key, value in stats.items() if key not in ("fts", "box", "facet")},
            "peak_mb": result["server_peak_mb"], "server_startup_s": result["startup_s"],
            "errors": result["errors"], "facets_timed_out": result["facets_timed_out"],
            "page_kb": result["page_kb"], "build": build, "archive_mb": round(path.stat().st_size / 2**20),
        },
    }


def _print_table(result: dict) -> None:
    details = result["search_details"]
    print(f"search at {details['articles']:,} articles ({details['measured']})")
    print(f"{'what':<28} {'p50 ms':>9} {'p95 ms':>9} {'p95 spread':>17}")
    rows = [("fts (ranked search)", result["fts_p50_ms"], result["fts_p95_ms"], details["fts_p95_spread"]),
            ("search box (all matches)", details["search_box_p50_ms"], details["search_box_p95_ms"],
             details["search_box_p95_spread"]),
            ("facet pages", details["facet_p50_ms"], result["facet_p95_ms"], details["facet_p95_spread"])]
    rows += [(key, s["median"], s["p95"], s["p95_spread"]) for key, s in sorted(details["by_kind"].items())]
    for name, p50, p95, (low, high) in rows:
        print(f"{name:<28} {p50:>9.1f} {p95:>9.1f} {low:>8.1f}-{high:<8.1f}")
    print(f"server peak {details['peak_mb']} MB, startup {details['server_startup_s']} s")
    for url, status in details["errors"].items():
        print(f"ERROR {status}: {url}", file=sys.stderr)
    for url, which in details["facets_timed_out"].items():
        print(f"facets timed out on {url}: {which[:80]}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.search", description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--requests", type=int, default=5, help="timed requests per URL per repeat")
    parser.add_argument("--large", action="store_true", help="the 1M-article archive")
    parser.add_argument("--size", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--json", action="store_true", help="print the keys as one JSON line; write nothing")
    args = parser.parse_args(argv)
    result = run(args.repeat, args.large, args.size, args.requests)
    return report(result, args.json, _print_table)


if __name__ == "__main__":
    raise SystemExit(main())
