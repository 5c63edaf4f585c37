"""`make bench`: every benchmark case in one run, each in its own process; a table and bench/results.json.

    python -m bench [--large] [--repeat N] [--only CASE ...]

Without --large the archive-size cases stop at 100k articles (minutes); --large adds the 1M
cases (`make bench-large`; the 1M archive is built once and cached under bench/.work/), the load
case (wrk against Datasette over the 1M archive) and a ~100k-page crawl with its queue on disk.
The figures, their machine and how to read them: docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import operator
import sys
import time
from dataclasses import dataclass
from typing import Callable

from bench.common import merge_results, run_case

CASES = ["extract", "crawl", "dedup", "search", "reprocess", "load", "crawl_memory"]
"""Run in this order, each ``python -m bench.<case> --json --repeat N [--large]`` in its own process."""
ARCHIVE_SIZE_CASES = {"dedup", "search"}
"""The cases whose --large means 1M archived articles (bench.crawl's --large grows the web instead)."""
LARGE_ONLY_CASES = {"load", "crawl_memory"}
"""Run with --large only (or named in --only): wrk over the 1M archive, a ~100k-page crawl (~15 min)."""


@dataclass(frozen=True)
class Target:
    key: str
    text: str
    met: Callable[[dict], bool | None]
    """results -> met or not; None when the figure is missing."""


def _figure(key: str, compare, bound: float) -> Callable[[dict], bool | None]:
    return lambda results: None if results.get(key) is None else compare(results[key], bound)


def _crawl_vs_bare(results: dict) -> bool | None:
    crawl, bare = results.get("crawl_pages_per_s"), results.get("bare_scrapy_pages_per_s")
    return None if crawl is None or not bare else crawl >= 0.5 * bare


def _dedup(check: Callable[[dict], bool], needs_1m: bool = False) -> Callable[[dict], bool | None]:
    def met(results: dict) -> bool | None:
        sizes = results.get("dedup_ms_per_article") or {}
        measured = {"10000", "1000000"} <= sizes.keys() if needs_1m else bool(sizes)
        return check(results) if measured else None
    return met


TARGETS = [
    Target("extract_vs_trafilatura", "≤ 1.5", _figure("extract_vs_trafilatura", operator.le, 1.5)),
    Target("crawl_pages_per_s", "≥ 100", _figure("crawl_pages_per_s", operator.ge, 100)),
    Target("crawl_pages_per_s", "≥ 0.5 × bare_scrapy_pages_per_s", _crawl_vs_bare),
    Target("dedup_ms_per_article", "< 2 ms at every size measured",
           _dedup(lambda r: all(ms < 2 for ms in r["dedup_ms_per_article"].values()))),
    Target("dedup_ms_per_article", "1M ≤ 1.5 × 10k",
           _dedup(lambda r: r["dedup_ms_per_article"]["1000000"] <= 1.5 * r["dedup_ms_per_article"]["10000"], True)),
    Target("dedup_peak_mb", "< 1024 MB", _dedup(lambda r: max(r["dedup_peak_mb"].values()) < 1024)),
    Target("fts_p95_ms", "≤ 100 at 1M", lambda r: r["fts_p95_ms"] <= 100 if r.get("search_size") == 1_000_000 else None),
    Target("facet_p95_ms", "≤ 1000 at 1M",
           lambda r: r["facet_p95_ms"] <= 1000 if r.get("search_size") == 1_000_000 else None),
    Target("load_errors", "= 0 at 8 and 32 clients", _figure("load_errors", operator.eq, 0)),
    Target("crawl_100k_peak_mb", "< 1024 MB", _figure("crawl_100k_peak_mb", operator.lt, 1024)),
    Target("reprocess_pages_per_s", "≥ 150", _figure("reprocess_pages_per_s", operator.ge, 150)),
    Target("incremental_request_ratio", "≤ 0.10", _figure("incremental_request_ratio", operator.le, 0.10)),
]


def verdicts(results: dict) -> list[tuple[Target, bool | None]]:
    return [(target, target.met(results)) for target in TARGETS]


def format_table(results: dict) -> str:
    lines = [f"{'figure':<28} {'value':>28}  {'target':<32} verdict"]
    for target, met in verdicts(results):
        verdict = {True: "met", False: "MISSED", None: "not measured in this run"}[met]
        lines.append(f"{target.key:<28} {_shown(results.get(target.key)):>28}  {target.text:<32} {verdict}")
    return "\n".join(lines)


def _shown(value) -> str:
    if isinstance(value, dict):
        return " ".join(f"{int(size) // 1000}k:{ms}" for size, ms in value.items())
    return "-" if value is None else str(value)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--large", action="store_true", help="add the 1M-article cases")
    parser.add_argument("--repeat", type=int, default=3, help="repeated runs per case (median and spread)")
    parser.add_argument("--only", nargs="+", choices=CASES, help="run these cases only")
    args = parser.parse_args(argv)
    results: dict = {}
    for case in args.only or [case for case in CASES if args.large or case not in LARGE_ONLY_CASES]:
        started = time.monotonic()
        print(f"== {case}", file=sys.stderr, flush=True)
        large = args.large and case in ARCHIVE_SIZE_CASES
        results.update(run_case(case, "--repeat", str(args.repeat), *(["--large"] if large else [])))
        print(f"== {case}: {time.monotonic() - started:.0f} s", file=sys.stderr, flush=True)
    merge_results(results)
    print(format_table(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
