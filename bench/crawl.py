"""Crawl speed and incremental cost: ``danvan crawl`` over the grown fixture portals on 127.0.0.1.

    python -m bench.crawl [--repeat 3] [--per-site 300] [--json] [--large]

The six fixture portals, each grown by ``--per-site`` generated stories in its own platform
template (``bench.portal``), are served by the fixture web's forward proxy on 127.0.0.1 (in this
process; the crawls run in child processes). Each repeat, in a fresh folder:

1. ``danvan crawl`` of the six sites into a fresh archive, politeness off (``BENCH_SETTINGS``, passed
   with ``--setting``; the project's defaults stay polite), WARC capture on: the full pipeline.
   Pages per second = responses received (robots.txt, listings, articles, the 301 and the 404) /
   Scrapy's ``elapsed_time_seconds`` (spider opened to spider closed). The whole command's wall
   time (interpreter start-up, imports, archive migrations, summary) is reported beside it.
2. The same command again, nothing changed: its requests / the first's requests (as the proxy
   counted them, robots.txt included) is the incremental request ratio.
3. ``bench.bare_spider``: a bare Scrapy spider fetching the URLs the first crawl asked for (the
   proxy's log, deduplicated), with the same concurrency, keeping nothing; pages per second alike.

Figures are medians over the repeats with their spread; peak memory is each child's own
(``wait4``). Without ``--json`` a table is printed and the keys are merged into bench/results.json.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench.common import ROOT, WORKDIR, machine, report, spread
from bench.portal import GrownWeb, serve
from tests.fixture_web import START_URLS, FixtureProxy

CASE_DIR = WORKDIR / "crawl"
DEFAULT_REPEAT = 3
DEFAULT_PER_SITE = 300
"""Generated stories per portal: 6 x 300 + the fixture's 114 = 1,914 articles, ~2,030 responses."""
LARGE_PER_SITE = 1500
"""``--large``: ~9,100 articles, ~9,600 responses per crawl."""
STATS_EXTENSION = {"bench.bare_spider.StatsFile": 0}
BENCH_SETTINGS = {
    # politeness off, for the bench only: the portals are ours, on loopback
    "DOWNLOAD_DELAY": "0",
    "AUTOTHROTTLE_ENABLED": "False",
    "CONCURRENT_REQUESTS": "32",
    "CONCURRENT_REQUESTS_PER_DOMAIN": "16",
    # walk every listing page of the grown portals
    "MAX_LISTING_PAGES": "100000",
    # and every page of them: no depth limit, no per-site page cap (crawler/scope.py)
    "DEPTH_LIMIT": "0",
    "MAX_PAGES_PER_SITE": "0",
    "LOG_LEVEL": "INFO",
}
CHILD_TIMEOUT_S = 1800


def _setting_args(settings: dict[str, str]) -> list[str]:
    return [arg for name, value in settings.items() for arg in ("--setting", f"{name}={value}")]


def _run_child(command: list[str], env: dict, log: Path) -> tuple[int, float, float]:
    """Run ``command``; (exit status, wall seconds, the child's own peak RSS in MB)."""
    started, server_cpu = time.perf_counter(), _own_cpu_s()
    with log.open("w", encoding="utf-8") as out:
        process = subprocess.Popen(command, cwd=log.parent, env=env, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)  # this child's rusage, not the largest child's
    process.returncode = os.waitstatus_to_exitcode(status)
    _SERVER_CPU.append(_own_cpu_s() - server_cpu)  # this process only serves the portal meanwhile
    return process.returncode, time.perf_counter() - started, round(usage.ru_maxrss / 1024, 1)


_SERVER_CPU: list[float] = []


def _own_cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _child_env(proxy) -> dict:
    return {**os.environ, "PYTHONPATH": str(ROOT), **proxy.env()}


def crawl_once(proxy, folder: Path, site_ids: list[str], tag: str) -> dict:
    """One ``danvan crawl`` of ``site_ids`` into ``folder/archive.db``: its stats and the proxy's count."""
    stats_file = folder / f"{tag}-stats.json"
    settings = {**BENCH_SETTINGS, "EXTENSIONS": json.dumps(STATS_EXTENSION), "BENCH_STATS_FILE": str(stats_file)}
    command = [sys.executable, "-m", "crawler", "crawl", "--db", str(folder / "archive.db"),
               "--log-file", str(folder / f"{tag}.log"),
               *[arg for site in site_ids for arg in ("--site", site)], *_setting_args(settings)]
    proxy.clear()
    status, wall_s, peak = _run_child(command, _child_env(proxy), folder / f"{tag}.out")
    if status != 0:
        raise RuntimeError(f"danvan crawl ({tag}) exited {status}; see {folder / f'{tag}.out'}")
    return {**_speed(json.loads(stats_file.read_text(encoding="utf-8")), len(proxy.requests)),
            "wall_s": round(wall_s, 3), "peak_mb": peak, "server_cpu_s": round(_SERVER_CPU[-1], 3),
            "requested": list(proxy.requests)}


def bare_once(proxy, folder: Path, urls: list[str]) -> dict:
    """The bare Scrapy spider over ``urls`` with the crawl's concurrency."""
    url_file, stats_file = folder / "bare-urls.txt", folder / "bare-stats.json"
    url_file.write_text("\n".join(urls) + "\n", encoding="utf-8")
    command = [sys.executable, "-m", "bench.bare_spider", "--urls", str(url_file), "--stats-out", str(stats_file),
               *_setting_args(BENCH_SETTINGS)]
    proxy.clear()
    status, wall_s, peak = _run_child(command, _child_env(proxy), folder / "bare.out")
    if status != 0:
        raise RuntimeError(f"bare spider exited {status}; see {folder / 'bare.out'}")
    return {**_speed(json.loads(stats_file.read_text(encoding="utf-8")), len(proxy.requests)),
            "wall_s": round(wall_s, 3), "peak_mb": peak, "server_cpu_s": round(_SERVER_CPU[-1], 3)}


def _speed(stats: dict, answered: int) -> dict:
    """Pages (requests the proxy answered), engine seconds, pages per second, CPU from one crawl's stats.

    The proxy's count is the same measure for both spiders: Scrapy's response_received_count leaves
    out the robots.txt answers of the crawl (its robots middleware fetches them aside).
    """
    pages = answered
    engine_s = float(stats["elapsed_time_seconds"])
    cpu_s = float(stats.get("bench/cpu_s", 0))
    return {"pages": pages, "engine_s": round(engine_s, 3), "pages_per_s": round(pages / engine_s, 1),
            "cpu_s": cpu_s, "cpu_ms_per_page": round(cpu_s * 1000 / pages, 2),
            "children_cpu_s": float(stats.get("bench/children_cpu_s", 0)),
            "proxy_requests": answered, "scrapy_requests": int(stats.get("downloader/request_count", 0)),
            "scrapy_responses": int(stats.get("response_received_count", 0)),
            "items": int(stats.get("item_scraped_count", 0)), "finish_reason": stats.get("finish_reason")}


def _archive_counts(db_path: Path) -> dict:
    import sqlite3

    with sqlite3.connect(db_path) as conn:
        count = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
        return {"articles": count("select count(*) from articles"),
                "clusters": count("select count(*) from clusters"),
                "warc_mb": round(sum(f.stat().st_size for f in (db_path.parent / "warc").glob("*")) / 2**20, 1)}


def repeat_once(proxy, web: GrownWeb, folder: Path) -> dict:
    """First crawl, unchanged second crawl, bare spider; in a fresh ``folder``."""
    _fresh(folder)
    site_ids = sorted(web.start_urls())
    first = crawl_once(proxy, folder, site_ids, "first")
    archived = _archive_counts(folder / "archive.db")
    second = crawl_once(proxy, folder, site_ids, "second")
    urls = list(dict.fromkeys(first.pop("requested")))
    second.pop("requested")
    bare = bare_once(proxy, folder, urls)
    return {"first": first, "archive": archived, "second": second, "bare": bare,
            "incremental_ratio": round(second["proxy_requests"] / first["proxy_requests"], 4)}


def fixture_incremental(folder: Path) -> dict:
    """The incremental ratio on the fixture web itself (114 articles): the second crawl's requests are
    the same few whatever the size, so the grown web's ratio is the smaller one."""
    _fresh(folder)
    with FixtureProxy() as proxy:
        site_ids = sorted(START_URLS)
        first = crawl_once(proxy, folder, site_ids, "first")
        second = crawl_once(proxy, folder, site_ids, "second")
    return {"first_requests": first["proxy_requests"], "second_requests": second["proxy_requests"],
            "ratio": round(second["proxy_requests"] / first["proxy_requests"], 4)}


def _fresh(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for old in sorted(folder.glob("**/*"), reverse=True):
        old.unlink() if old.is_file() else old.rmdir()


def run(repeat: int = DEFAULT_REPEAT, large: bool = False, per_site: int | None = None,
        fixture_pair: bool = True) -> dict:
    """Measure ``repeat`` times; the issue's keys and ``crawl_details``."""
    per_site = per_site if per_site is not None else (LARGE_PER_SITE if large else DEFAULT_PER_SITE)
    web = GrownWeb(per_site, cache_pages=10**7)  # every page in memory: the server only looks up and sends
    web.warm()
    runs = []
    with serve(web) as proxy:
        for number in range(repeat):
            print(f"crawl bench: repeat {number + 1}/{repeat}, {web.article_count()} articles", file=sys.stderr,
                  flush=True)
            runs.append(repeat_once(proxy, web, CASE_DIR / f"{per_site}-run{number}"))
            print(f"  {_describe(runs[-1])}", file=sys.stderr, flush=True)
    fixture = fixture_incremental(CASE_DIR / "fixture") if fixture_pair else None
    return _summary(runs, web, fixture)


def _median(runs: list[dict], *path: str) -> float:
    return statistics.median(_pick(r, path) for r in runs)


def _pick(run: dict, path: tuple[str, ...]):
    for key in path:
        run = run[key]
    return run


def _spread(runs: list[dict], *path: str) -> list[float]:
    return spread([_pick(r, path) for r in runs])


def _summary(runs: list[dict], web: GrownWeb, fixture: dict | None) -> dict:
    crawl = _median(runs, "first", "pages_per_s")
    bare = _median(runs, "bare", "pages_per_s")
    ratio = _median(runs, "incremental_ratio")
    figures = {
        "crawl_pages_per_s": crawl, "crawl_pages_per_s_spread": _spread(runs, "first", "pages_per_s"),
        "crawl_engine_s": _median(runs, "first", "engine_s"), "crawl_wall_s": _median(runs, "first", "wall_s"),
        "crawl_wall_s_spread": _spread(runs, "first", "wall_s"),
        "crawl_pages_per_s_wall": round(_median(runs, "first", "pages") / _median(runs, "first", "wall_s"), 1),
        "crawl_peak_mb": _median(runs, "first", "peak_mb"),
        "bare_pages_per_s": bare, "bare_pages_per_s_spread": _spread(runs, "bare", "pages_per_s"),
        "bare_engine_s": _median(runs, "bare", "engine_s"), "bare_wall_s": _median(runs, "bare", "wall_s"),
        "bare_peak_mb": _median(runs, "bare", "peak_mb"),
        "crawl_to_bare": round(crawl / bare, 3),
        "first_requests": _median(runs, "first", "proxy_requests"),
        "second_requests": _median(runs, "second", "proxy_requests"),
        "incremental_ratio_spread": _spread(runs, "incremental_ratio"),
        "second_wall_s": _median(runs, "second", "wall_s"),
        "pages": _median(runs, "first", "pages"),
        "articles_archived": _median(runs, "archive", "articles"),
        "articles_served": web.article_count(), "listing_pages": web.listing_pages(),
        "clusters": _median(runs, "archive", "clusters"), "warc_mb": _median(runs, "archive", "warc_mb"),
        "crawl_cpu_ms_per_page": _median(runs, "first", "cpu_ms_per_page"),
        "crawl_workers_cpu_s": _median(runs, "first", "children_cpu_s"),
        "bare_cpu_ms_per_page": _median(runs, "bare", "cpu_ms_per_page"),
        "server_cpu_ms_per_page": round(_median(runs, "bare", "server_cpu_s") * 1000 / _median(runs, "bare", "pages"), 2),
        "incremental_fixture_web": fixture,
    }
    details = {
        **figures,
        "per_site": web.per_site,
        "repeats": len(runs),
        "settings": BENCH_SETTINGS,
        "measured": ("pages/s = Scrapy response_received_count / elapsed_time_seconds (spider opened to closed) "
                     "of `danvan crawl` (full pipeline, WARC on, fresh archive) and of a bare Scrapy spider over "
                     "the same URLs; wall = the whole command; incremental ratio = requests the proxy answered "
                     "for an unchanged second crawl / for the first"),
        "runs": runs,
        **machine(),
    }
    return {"crawl_pages_per_s": crawl, "bare_scrapy_pages_per_s": bare, "incremental_request_ratio": ratio,
            "crawl_details": details}


def _describe(run: dict) -> str:
    first, bare = run["first"], run["bare"]
    return (f"crawl {first['pages']} pages in {first['engine_s']:.1f} s = {first['pages_per_s']:.0f}/s "
            f"(wall {first['wall_s']:.1f} s, {first['peak_mb']:.0f} MB); bare {bare['pages_per_s']:.0f}/s; "
            f"second crawl {run['second']['proxy_requests']}/{first['proxy_requests']} requests")


def _table(results: dict) -> str:
    d = results["crawl_details"]
    rows = [
        ("danvan crawl (full pipeline)", f"{d['crawl_pages_per_s']:.0f}", f"{d['crawl_pages_per_s_spread']}",
         f"{d['crawl_engine_s']:.1f}", f"{d['crawl_wall_s']:.1f}", f"{d['crawl_peak_mb']:.0f}"),
        ("bare Scrapy spider", f"{d['bare_pages_per_s']:.0f}", f"{d['bare_pages_per_s_spread']}",
         f"{d['bare_engine_s']:.1f}", f"{d['bare_wall_s']:.1f}", f"{d['bare_peak_mb']:.0f}"),
    ]
    lines = [f"{'':30} {'pages/s':>8} {'spread':>16} {'engine s':>9} {'wall s':>7} {'peak MB':>8}"]
    lines += [f"{name:30} {a:>8} {b:>16} {c:>9} {e:>7} {f:>8}" for name, a, b, c, e, f in rows]
    lines.append(f"{d['pages']} responses per crawl, {d['articles_archived']}/{d['articles_served']} articles "
                 f"archived, {d['repeats']} repeats; crawl/bare = {d['crawl_to_bare']:.2f}")
    lines.append(f"incremental: {d['second_requests']}/{d['first_requests']} requests = "
                 f"{results['incremental_request_ratio']:.3f} (spread {d['incremental_ratio_spread']})")
    if d["incremental_fixture_web"]:
        f = d["incremental_fixture_web"]
        lines.append(f"incremental on the fixture web itself: {f['second_requests']}/{f['first_requests']} = "
                     f"{f['ratio']:.3f}")
    lines.append(f"CPU per page in the crawl process: {d['crawl_cpu_ms_per_page']} ms (+ extraction workers "
                 f"{d['crawl_workers_cpu_s']} s in all); bare spider: {d['bare_cpu_ms_per_page']} ms; "
                 f"the loopback portal: {d['server_cpu_ms_per_page']} ms")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.crawl", description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=DEFAULT_REPEAT)
    parser.add_argument("--per-site", type=int, help=f"generated stories per portal (default {DEFAULT_PER_SITE})")
    parser.add_argument("--large", action="store_true", help=f"{LARGE_PER_SITE} generated stories per portal")
    parser.add_argument("--json", action="store_true", help="print one JSON object, write nothing")
    args = parser.parse_args(argv)
    results = run(args.repeat, args.large, args.per_site)
    return report(results, args.json, lambda r: print(_table(r)))


if __name__ == "__main__":
    raise SystemExit(main())
