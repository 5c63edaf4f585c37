"""Peak memory of a long crawl with Scrapy's request queue on disk: ``danvan crawl`` of ~100k pages.

    python -m bench.crawl_memory [--pages 100000] [--json]

The six fixture portals are grown (``bench.portal``) until a full crawl asks for about ``--pages``
pages (articles plus listing pages, PAGE_SIZE articles to a listing page) and served by the fixture
web's forward proxy on 127.0.0.1, rendering pages on demand (an LRU cache, not the whole web in
memory). ``danvan crawl`` runs once into a fresh archive with the crawl bench's settings
(politeness off, every listing page walked, WARC capture on) plus ``JOBDIR``: Scrapy then keeps
its pending requests in a disk queue under the job folder (pickled; a request that cannot be
pickled would fall back to memory and be counted as ``scheduler/unserializable``).

Measured: the crawl process's own peak RSS (``wait4``), each extraction worker's peak (VmHWM,
sampled every second from /proc with the whole process tree's RSS), pages (responses the proxy
answered), engine and wall seconds, how many requests went through the disk queue, and the disk
queue's largest size on disk.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

from bench.common import WORKDIR, machine, peak_mb, proc_kb, process_tree, report
from bench.crawl import BENCH_SETTINGS, STATS_EXTENSION, _archive_counts, _child_env, _fresh, _setting_args, _speed
from bench.portal import PAGE_SIZE, GrownWeb, serve

CASE_DIR = WORKDIR / "crawl-memory"
DEFAULT_PAGES = 100_000
SITES = 6
LIMIT_MB = 1024
SAMPLE_S = 1.0
CHILD_TIMEOUT_S = 4 * 3600


def per_site_for(pages: int, sites: int = SITES, page_size: int = PAGE_SIZE) -> int:
    """Generated stories per portal for a crawl of about ``pages`` responses (each article plus its share
    of a listing page)."""
    return math.ceil(pages / (sites * (1 + 1 / page_size)))


def label(pages: int) -> str:
    """The keys' size tag: 100000 -> '100k'."""
    return f"{pages // 1000}k" if pages >= 1000 else str(pages)


def _dir_mb(folder: Path) -> float:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) / 2**20 if folder.exists() else 0.0


class TreeSampler(threading.Thread):
    """Samples a process tree every SAMPLE_S: peak summed RSS, each process's VmHWM, the disk queue's size."""

    def __init__(self, pid: int, queue_dir: Path):
        super().__init__(daemon=True)
        self.pid, self.queue_dir = pid, queue_dir
        self.tree_peak_kb, self.hwm_kb, self.queue_peak_mb = 0, {}, 0.0
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.wait(SAMPLE_S):
            self.sample()

    def sample(self) -> None:
        pids = process_tree(self.pid)
        self.tree_peak_kb = max(self.tree_peak_kb, sum(proc_kb(f"/proc/{pid}/status", "VmRSS:") for pid in pids))
        for pid in pids:
            self.hwm_kb[pid] = max(self.hwm_kb.get(pid, 0), proc_kb(f"/proc/{pid}/status", "VmHWM:"))
        self.queue_peak_mb = max(self.queue_peak_mb, _dir_mb(self.queue_dir))


def scope_settings(web: GrownWeb) -> dict[str, str]:
    """The run's caps lifted to this web's size: every listing page deep, every page of a site."""
    deepest = max(site.n_pages for site in web.sites)
    return {"DEPTH_LIMIT": str(deepest + 10), "MAX_PAGES_PER_SITE": "0"}


def crawl_with_disk_queue(proxy, folder: Path, site_ids: list[str], scope: dict[str, str]) -> dict:
    """One ``danvan crawl`` with JOBDIR: its stats and memory."""
    stats_file, job_dir = folder / "stats.json", folder / "job"
    settings = {**BENCH_SETTINGS, **scope, "JOBDIR": str(job_dir), "EXTENSIONS": json.dumps(STATS_EXTENSION),
                "BENCH_STATS_FILE": str(stats_file)}
    command = [sys.executable, "-m", "crawler", "crawl", "--db", str(folder / "archive.db"),
               "--log-file", str(folder / "crawl.log"),
               *[arg for site in site_ids for arg in ("--site", site)], *_setting_args(settings)]
    proxy.clear()
    started = time.perf_counter()
    with (folder / "crawl.out").open("w", encoding="utf-8") as out:
        process = subprocess.Popen(command, cwd=folder, env=_child_env(proxy), stdout=out, stderr=subprocess.STDOUT)
        sampler = TreeSampler(process.pid, job_dir / "requests.queue")
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)  # this child's own rusage
        sampler.stopped.set()
    wall_s = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"danvan crawl exited {os.waitstatus_to_exitcode(status)}; see {folder / 'crawl.out'}")
    stats = json.loads(stats_file.read_text(encoding="utf-8"))
    workers = {pid: kb for pid, kb in sampler.hwm_kb.items() if pid != process.pid}
    return {**_speed(stats, len(proxy.requests)), "wall_s": round(wall_s, 1),
            "crawl_peak_mb": round(usage.ru_maxrss / 1024, 1),
            "workers_peak_mb": sorted(round(kb / 1024, 1) for kb in workers.values()),
            "tree_peak_mb": round(sampler.tree_peak_kb / 1024, 1),
            "disk_queue_peak_mb": round(sampler.queue_peak_mb, 1),
            "enqueued_disk": int(stats.get("scheduler/enqueued/disk", 0)),
            "enqueued_memory": int(stats.get("scheduler/enqueued/memory", 0)),
            "unserializable": int(stats.get("scheduler/unserializable", 0)),
            "scrapy_memusage_max_mb": round(int(stats.get("memusage/max", 0)) / 2**20, 1)}


def run(pages: int = DEFAULT_PAGES, case_dir: Path = CASE_DIR) -> dict:
    per_site = per_site_for(pages)
    web = GrownWeb(per_site)  # pages rendered on demand, an LRU cache: the portal's memory stays small too
    folder = case_dir / label(pages)
    _fresh(folder)
    print(f"crawl memory: {len(web):,} URLs, {web.article_count():,} articles, {web.listing_pages():,} listing pages",
          file=sys.stderr, flush=True)
    with serve(web) as proxy:
        crawl = crawl_with_disk_queue(proxy, folder, sorted(web.start_urls()), scope_settings(web))
    archived = _archive_counts(folder / "archive.db")
    tag = label(pages)
    peak = max(crawl["crawl_peak_mb"], crawl["tree_peak_mb"])
    return {
        f"crawl_{tag}_peak_mb": peak, f"crawl_{tag}_pages": crawl["pages"], f"crawl_{tag}_s": crawl["engine_s"],
        f"crawl_{tag}_details": {
            **crawl, **archived, "per_site": per_site, "articles_served": web.article_count(),
            "listing_pages": web.listing_pages(), "limit_mb": LIMIT_MB, "under_limit": peak < LIMIT_MB,
            "portal_process_peak_mb": peak_mb(),
            "settings": {**BENCH_SETTINGS, **scope_settings(web), "JOBDIR": "<fresh folder>"},
            "measured": "peak = the larger of the crawl process's own peak RSS (wait4) and the summed RSS of the "
                        f"crawl and its extraction workers sampled every {SAMPLE_S} s; pages = responses the proxy "
                        "answered; engine s = Scrapy elapsed_time_seconds",
            **machine(),
        },
    }


def _print_table(result: dict) -> None:
    key = next(k for k in result if k.endswith("_details"))
    d = result[key]
    tag = key.removeprefix("crawl_").removesuffix("_details")
    peak = result[f"crawl_{tag}_peak_mb"]
    print(f"crawl of {d['pages']:,} pages ({d['articles']:,}/{d['articles_served']:,} articles archived) in "
          f"{d['engine_s']:.0f} s ({d['pages_per_s']}/s; wall {d['wall_s']:.0f} s), request queue on disk")
    print(f"peak memory {peak} MB (limit {LIMIT_MB}): crawl process {d['crawl_peak_mb']} MB, workers "
          f"{d['workers_peak_mb']} MB, whole tree {d['tree_peak_mb']} MB; Scrapy memusage/max "
          f"{d['scrapy_memusage_max_mb']} MB")
    print(f"disk queue: {d['enqueued_disk']:,} requests through it (memory {d['enqueued_memory']:,}, "
          f"unserializable {d['unserializable']}), largest {d['disk_queue_peak_mb']} MB on disk; "
          f"WARC {d['warc_mb']} MB; portal process {d['portal_process_peak_mb']} MB")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.crawl_memory", description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=DEFAULT_PAGES, help="about this many responses in the crawl")
    parser.add_argument("--json", action="store_true", help="print the keys as one JSON line; write nothing")
    parser.add_argument("--repeat", type=int, default=1, help=argparse.SUPPRESS)  # the runner passes it
    parser.add_argument("--large", action="store_true", help=argparse.SUPPRESS)  # the runner passes it
    args = parser.parse_args(argv)
    return report(run(args.pages), args.json, _print_table)


if __name__ == "__main__":
    raise SystemExit(main())
