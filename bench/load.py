"""Datasette under concurrent clients: wrk against a real ``danvan serve`` over the 1M-article archive.

    python -m bench.load [--duration 60] [--connections 8 32] [--size N] [--json]

``danvan serve`` (immutable, the project's metadata and serve settings, Datasette's defaults:
3 SQL threads, the 2 s SQL time limit) runs in a subprocess on 127.0.0.1 over the cached synthetic
archive of ``bench.synthetic`` (1M articles; never rebuilt or migrated here: build it with
``python -m bench.search --large`` first). wrk (Debian's; ``make bench-load`` installs it) keeps
N connections busy for ``--duration`` seconds per N, each connection asking for the next URL of a
researcher's mix (``url_mix``): the ranked search with every query of bench.search, the faceted
table pages, article row pages, and JSON API pages. A Lua script counts every answer whose status
is not 2xx and every page whose facets timed out; wrk counts socket errors and its own timeouts.

Every URL is asked for once before the runs (page cache warm, Datasette's statement caches).
Errors = non-2xx answers + connect/read/write errors + wrk timeouts; they are reported, not hidden.
The search box (``articles?_search=``: every match sorted, counted and faceted) is not in the mix:
at 1M it takes 2-3 s alone and some queries pass the 2 s limit (bench.search reports it).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

from bench import synthetic
from bench.common import WORKDIR, machine, report
from bench.search import DATABASE, FACET_PAGES, QUERIES, TIMED_OUT_MARK, Server, _served_file

LARGE_SIZE = 1_000_000
DEFAULT_DURATION_S = 60
DEFAULT_CONNECTIONS = (8, 32)
WRK_TIMEOUT_S = 30
"""wrk's own timeout (its default, 2 s, is shorter than a queued page's wait at 32 clients)."""
ROW_PAGES = 20
"""Article row pages in the mix, spread evenly over the archive's rowids."""
MIX_WEIGHTS = {"ranked": 4, "facet": 2, "row": 3, "json": 1}
"""Share of each kind of page in the mix: searching and reading articles dominate a researcher's visit."""
MIX_LENGTH = 200
MIX_SEED = 8
JSON_PAGES = (
    {"province_before": "Gia Lai", "_size": "50"},
    {"level": "district", "year": "2023", "_shape": "objects"},
)
"""Table JSON API pages (filtered, with the default facets, as a script pulling a subset asks)."""
LUA_SCRIPT = r"""
-- bench.load: a URL list read per thread, non-2xx and "facets timed out" pages counted,
-- the summary printed as one JSON line.
local threads = {}
local counter = 0

function setup(thread)
  thread:set("offset", counter * 37)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  paths = {}
  for line in io.lines(args[1]) do
    if #line > 0 then table.insert(paths, line) end
  end
  index = offset
  non2xx = 0
  timed_out_facets = 0
  statuses = {}
end

function request()
  index = index + 1
  return wrk.format("GET", paths[(index % #paths) + 1])
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
    statuses[status] = (statuses[status] or 0) + 1
  end
  if body and string.find(body, "%MARK%", 1, true) then
    timed_out_facets = timed_out_facets + 1
  end
end

function done(summary, latency, requests)
  local non2xx_total, facets_total, by_status = 0, 0, {}
  for _, thread in ipairs(threads) do
    non2xx_total = non2xx_total + thread:get("non2xx")
    facets_total = facets_total + thread:get("timed_out_facets")
    for status, n in pairs(thread:get("statuses")) do
      by_status[status] = (by_status[status] or 0) + n
    end
  end
  local parts = {}
  for status, n in pairs(by_status) do table.insert(parts, string.format('"%d": %d', status, n)) end
  local e = summary.errors
  io.write(string.format(
    'WRK_JSON {"duration_us": %d, "requests": %d, "bytes": %d, "connect": %d, "read": %d, "write": %d, ' ..
    '"status_errors": %d, "timeout": %d, "non2xx": %d, "non2xx_by_status": {%s}, "facets_timed_out": %d, ' ..
    '"p50_us": %d, "p95_us": %d, "p99_us": %d, "mean_us": %.1f, "max_us": %d}\n',
    summary.duration, summary.requests, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    non2xx_total, table.concat(parts, ", "), facets_total,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.mean, latency.max))
end
""".replace("%MARK%", TIMED_OUT_MARK.decode())
WRK_LINE = re.compile(r"^WRK_JSON (\{.*\})\s*$", re.MULTILINE)


def row_urls(path: Path, count: int = ROW_PAGES) -> list[str]:
    """Row pages of ``count`` articles spread over the archive (read without locks or writes)."""
    from datasette.utils import tilde_encode

    with sqlite3.connect(f"file:{path}?immutable=1", uri=True) as conn:
        last = conn.execute("select max(rowid) from articles").fetchone()[0]
        rowids = [1 + i * (last - 1) // max(1, count - 1) for i in range(count)]
        urls = [conn.execute("select url from articles where rowid >= ? order by rowid limit 1", (rowid,)).fetchone()[0]
                for rowid in rowids]
    return [f"/{DATABASE}/articles/{tilde_encode(url)}" for url in urls]


def pages_by_kind(rows: list[str]) -> dict[str, list[str]]:
    """Every distinct page of the mix, by kind."""
    table = f"/{DATABASE}/articles"
    return {
        "ranked": [f"/{DATABASE}/search?{urlencode({'q': q})}" for queries in QUERIES.values() for q in queries],
        "facet": [table + (f"?{urlencode(args)}" if args else "") for args in FACET_PAGES.values()],
        "row": rows,
        "json": [f"{table}.json?{urlencode(args)}" for args in JSON_PAGES],
    }


def url_mix(pages: dict[str, list[str]], length: int = MIX_LENGTH, seed: int = MIX_SEED) -> list[str]:
    """``length`` paths, each kind's share as MIX_WEIGHTS says, its pages in turn, in a seeded order."""
    total = sum(MIX_WEIGHTS.values())
    mix = []
    for kind, weight in MIX_WEIGHTS.items():
        mix += [pages[kind][i % len(pages[kind])] for i in range(round(length * weight / total))]
    random.Random(seed).shuffle(mix)
    return mix


def parse_wrk(output: str) -> dict:
    """The Lua summary line of a wrk run, as figures: requests/s, latency percentiles in ms, errors."""
    match = WRK_LINE.search(output)
    if not match:
        raise ValueError(f"no WRK_JSON line in wrk's output: {output[-2000:]}")
    raw = json.loads(match.group(1))
    seconds = raw["duration_us"] / 1e6
    socket_errors = raw["connect"] + raw["read"] + raw["write"] + raw["timeout"]
    return {
        "requests": raw["requests"], "seconds": round(seconds, 2),
        "rps": round(raw["requests"] / seconds, 1), "mb_per_s": round(raw["bytes"] / seconds / 2**20, 2),
        "p50_ms": round(raw["p50_us"] / 1000, 1), "p95_ms": round(raw["p95_us"] / 1000, 1),
        "p99_ms": round(raw["p99_us"] / 1000, 1), "mean_ms": round(raw["mean_us"] / 1000, 1),
        "max_ms": round(raw["max_us"] / 1000, 1),
        "errors": raw["non2xx"] + socket_errors, "non2xx": raw["non2xx"],
        "non2xx_by_status": raw["non2xx_by_status"], "socket_errors": socket_errors,
        "socket_errors_by_kind": {k: raw[k] for k in ("connect", "read", "write", "timeout")},
        "facets_timed_out": raw["facets_timed_out"],
    }


def wrk_command(base_url: str, connections: int, duration_s: int, script: Path, urls: Path) -> list[str]:
    threads = min(2, connections)  # the machine's 2 cores; wrk's threads share them with the server
    return ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration_s}s", f"--timeout={WRK_TIMEOUT_S}s",
            "--latency", "-s", str(script), base_url, "--", str(urls)]


def run_wrk(server: Server, connections: int, duration_s: int, workdir: Path) -> dict:
    script, urls = workdir / "load.lua", workdir / "load-urls.txt"
    command = wrk_command(f"http://127.0.0.1:{server.port}", connections, duration_s, script, urls)
    out = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                         timeout=duration_s + WRK_TIMEOUT_S + 60)
    if out.returncode != 0:
        raise RuntimeError(f"wrk exited {out.returncode}: {out.stdout[-2000:]}")
    return {**parse_wrk(out.stdout), "connections": connections, "wrk_threads": min(2, connections)}


def warm_up(server: Server, paths: list[str]) -> dict[str, int]:
    """Each distinct page once, sequentially: the statuses that are not 200 (none expected)."""
    bad = {}
    for path in dict.fromkeys(paths):
        status, _ = server.get(path)
        if status != 200:
            bad[path] = status
    return bad


def _cpu_s(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime, in clock ticks


def measure(path: Path, connections: list[int], duration_s: int, workdir: Path) -> dict:
    if not shutil.which("wrk"):
        raise SystemExit("bench.load needs wrk: `make bench-load` installs it (apt-get install wrk)")
    folder = workdir / "load"
    folder.mkdir(parents=True, exist_ok=True)
    pages = pages_by_kind(row_urls(path))
    mix = url_mix(pages)
    (folder / "load.lua").write_text(LUA_SCRIPT, encoding="utf-8")
    (folder / "load-urls.txt").write_text("\n".join(mix) + "\n", encoding="utf-8")
    server = Server(_served_file(path, workdir))
    try:
        startup_s = server.wait()
        warm_started = time.perf_counter()
        warm_errors = warm_up(server, mix)
        warm_s = time.perf_counter() - warm_started
        runs = {}
        for n in connections:
            cpu_before = _cpu_s(server.process.pid)
            print(f"load: wrk with {n} connections for {duration_s} s", file=sys.stderr, flush=True)
            runs[str(n)] = {**run_wrk(server, n, duration_s, folder),
                            "server_cpu_s": round(_cpu_s(server.process.pid) - cpu_before, 1)}
            print(f"  {_describe(runs[str(n)])}", file=sys.stderr, flush=True)
        peak = server.peak_mb()
    finally:
        server.stop()
    return {"runs": runs, "startup_s": round(startup_s, 1), "warm_up_s": round(warm_s, 1),
            "warm_up_errors": warm_errors, "server_peak_mb": peak, "pages": pages,
            "mix": {kind: sum(path in paths for path in mix) for kind, paths in pages.items()}}


def run(duration_s: int = DEFAULT_DURATION_S, connections: list[int] | None = None, size: int = LARGE_SIZE,
        workdir: Path = WORKDIR) -> dict:
    """Requests per second, p50/p95 and errors at each connection count: the issue's keys."""
    path = synthetic.archive_path(size, workdir)
    if not path.exists():  # never built here: building 1M articles takes an hour and is bench.search's job
        raise SystemExit(f"{path} is missing: build it with `python -m bench.search --large` (or bench.synthetic)")
    result = measure(path, list(connections or DEFAULT_CONNECTIONS), duration_s, workdir)
    runs = result["runs"]
    return {
        "load_rps": {n: r["rps"] for n, r in runs.items()},
        "load_p50_ms": {n: r["p50_ms"] for n, r in runs.items()},
        "load_p95_ms": {n: r["p95_ms"] for n, r in runs.items()},
        "load_errors": sum(r["errors"] for r in runs.values()) + len(result["warm_up_errors"]),
        "load_details": {
            "articles": size, "duration_s": duration_s, "wrk_timeout_s": WRK_TIMEOUT_S,
            "measured": "wrk (Debian) with a Lua URL list against danvan serve on 127.0.0.1, same machine; "
                        "latency = whole HTTP request, wrk's own percentiles; errors = non-2xx + socket errors "
                        "+ wrk timeouts",
            "mix": result["mix"], "mix_weights": MIX_WEIGHTS, "pages": result["pages"],
            "runs": runs, "server_peak_mb": result["server_peak_mb"], "server_startup_s": result["startup_s"],
            "warm_up_s": result["warm_up_s"], "warm_up_errors": result["warm_up_errors"],
            "archive_mb": round(path.stat().st_size / 2**20), **machine(),
        },
    }


def _describe(run: dict) -> str:
    return (f"{run['requests']} requests, {run['rps']}/s, p50 {run['p50_ms']} ms, p95 {run['p95_ms']} ms, "
            f"p99 {run['p99_ms']} ms, max {run['max_ms']} ms; errors {run['errors']} "
            f"(non-2xx {run['non2xx_by_status'] or 0}, socket {run['socket_errors_by_kind']}); "
            f"facets timed out on {run['facets_timed_out']} pages; server CPU {run['server_cpu_s']} s")


def _print_table(result: dict) -> None:
    details = result["load_details"]
    print(f"load at {details['articles']:,} articles, {details['duration_s']} s per run ({details['measured']})")
    print(f"mix: {details['mix']}")
    print(f"{'connections':>11} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'max ms':>8} {'errors':>7}")
    for n, run in details["runs"].items():
        print(f"{n:>11} {run['rps']:>8} {run['p50_ms']:>8} {run['p95_ms']:>8} {run['p99_ms']:>8} "
              f"{run['max_ms']:>8} {run['errors']:>7}")
    print(f"server peak {details['server_peak_mb']} MB, startup {details['server_startup_s']} s")
    for n, run in details["runs"].items():
        if run["errors"] or run["facets_timed_out"]:
            print(f"{n} connections: {_describe(run)}", file=sys.stderr)
    for url, status in details["warm_up_errors"].items():
        print(f"warm-up ERROR {status}: {url}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.load", description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=DEFAULT_DURATION_S, help="seconds per connection count")
    parser.add_argument("--connections", type=int, nargs="+", default=list(DEFAULT_CONNECTIONS))
    parser.add_argument("--size", type=int, default=LARGE_SIZE, help="archived articles (a cached synthetic archive)")
    parser.add_argument("--json", action="store_true", help="print the keys as one JSON line; write nothing")
    parser.add_argument("--repeat", type=int, default=1, help=argparse.SUPPRESS)  # the runner passes it
    parser.add_argument("--large", action="store_true", help=argparse.SUPPRESS)  # the runner passes it
    args = parser.parse_args(argv)
    result = run(args.duration, args.connections, args.size)
    return report(result, args.json, _print_table)


if __name__ == "__main__":
    raise SystemExit(main())
