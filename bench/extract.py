"""Our whole per-page extraction path against ``trafilatura.extract`` alone, in ms per page.

    python -m bench.extract [--repeat 5] [--json] [--profile FILE] [--limit PAGES]

Pages: every page ``make eval`` scores (tests/gold articles, the fixture web's articles, the shared
seed pages when present), loaded by scripts/evaluate.py's own loaders; the raw bytes each loader
decoded are kept, so the timed path starts from the response body as the crawler's does.

Three engines read every page, interleaved page by page (a burst of load elsewhere hits all three):

- ``ours``: what ExtractPipeline and save_article do per page minus network and database:
  ``decode_html`` on the raw bytes, the registry's platform for the page's host when the host is
  registered (detection otherwise), ``extract_article`` (page object, dates, text normalization,
  documents, shell check), then the dedup keys (MinHash signature and its bytes, LSH band keys, the
  folded content hash);
- ``ours_detect``: the same with platform detection on every page (a registry of unknown hosts);
- ``trafilatura``: ``trafilatura.extract(html)`` with its defaults on the same decoded HTML.

One warm-up pass, then ``--repeat`` timed passes over all pages. Per pass: mean and median ms per
page of each engine and the ratio of the means; reported: the median over passes and their spread.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

import trafilatura

from bench.common import ROOT, report, ms_stats, peak_mb, spread
from crawler import dedup
from crawler.extraction import PLATFORM_IDS, detect_platform, extract_article
from crawler.registry import load_registry
from crawler.text import decode_html

DEFAULT_REPEAT = 5
TARGET_RATIO = 1.5
"""The issue's bar: our whole path at most 1.5 times trafilatura.extract alone."""
ENGINES = ("ours", "ours_detect", "trafilatura")
STAGES = ("decode", "detect", "extract", "dedup")
"""Where our time goes (``detect`` is zero on pages whose host the registry knows)."""


@dataclass(frozen=True)
class Page:
    """One page as the crawler receives it: URL, raw body, Content-Type, fetch and listing dates."""

    name: str
    corpus: str
    url: str
    body: bytes
    content_type: str | None
    fetched_at: datetime
    listing_date: str | None
    html: str
    """The decoded HTML (trafilatura's input; ours decodes ``body`` itself, timed)."""


# --- pages ---------------------------------------------------------------------------------------


def load_pages() -> list[Page]:
    """Every page ``make eval`` scores, with the raw bytes its loader decoded."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    import scripts.evaluate as evaluate

    bodies: dict[int, tuple[bytes, str | None]] = {}
    real_decode = evaluate.decode_html

    def recording_decode(body: bytes, content_type: str | None = None) -> str:
        html = real_decode(body, content_type)
        bodies[id(html)] = (body, content_type)
        return html

    evaluate.decode_html = recording_decode  # the loaders decode once per page: keep what they read
    try:
        cases = evaluate.gold_cases(evaluate.GOLD_DIR)[0] + evaluate.fixture_cases()
        cases += evaluate.seed_cases(evaluate.SEED_DIR)
    finally:
        evaluate.decode_html = real_decode
    return [
        Page(case.gold.name, case.gold.corpus, case.gold.url, *bodies[id(case.html)], case.fetched_at,
             case.listing_date, case.html)
        for case in cases
    ]


def registry_hints() -> dict[str, str | None]:
    """Host -> the registry's platform for it (None: the registry says "generic", detect)."""
    return {host: site.platform_hint for site in load_registry(platforms=PLATFORM_IDS) for host in site.hosts}


def hint_for(url: str, hints: dict[str, str | None]) -> str | None:
    """The registry's platform for a URL's host, or None when unknown (then the page is detected)."""
    return hints.get((urlsplit(url).hostname or "").lower())


# --- the engines ---------------------------------------------------------------------------------


def our_path(page: Page, hint: str | None, stages: dict[str, float]) -> tuple[str, str, list[str]]:
    """The crawler's per-page work from raw bytes to dedup keys; adds each stage's seconds to ``stages``."""
    t0 = time.perf_counter()
    html = decode_html(page.body, page.content_type)
    t1 = time.perf_counter()
    platform = hint or detect_platform(page.url, html)
    t2 = time.perf_counter()
    article = extract_article(page.url, html, page.fetched_at, platform, listing_date=page.listing_date)
    t3 = time.perf_counter()
    text = article.text or ""
    signature = dedup.signature(text)
    keys = dedup.band_keys(signature)
    dedup.signature_bytes(signature)
    content_hash = dedup.content_hash(text)
    t4 = time.perf_counter()
    for stage, seconds in zip(STAGES, (t1 - t0, t2 - t1, t3 - t2, t4 - t3)):
        stages[stage] += seconds
    return platform, content_hash, keys


def trafilatura_path(page: Page) -> str | None:
    """trafilatura.extract alone, its defaults, on the decoded HTML."""
    return trafilatura.extract(page.html)


def _timed(call: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    call()
    return time.perf_counter() - t0


def one_pass(pages: list[Page], hints: list[str | None]) -> dict:
    """Every page through the three engines, interleaved; per-page seconds and stage totals."""
    times: dict[str, list[float]] = {engine: [] for engine in ENGINES}
    stages = {engine: dict.fromkeys(STAGES, 0.0) for engine in ENGINES[:2]}
    gc.collect()  # garbage of the previous pass is not this pass's cost
    for page, hint in zip(pages, hints):
        times["ours"].append(_timed(lambda: our_path(page, hint, stages["ours"])))
        times["ours_detect"].append(_timed(lambda: our_path(page, None, stages["ours_detect"])))
        times["trafilatura"].append(_timed(lambda: trafilatura_path(page)))
    return {"times": times, "stages": stages}


# --- the case ------------------------------------------------------------------------------------


def _pass_figures(result: dict, pages: int) -> dict:
    """Mean and median ms per page of each engine in one pass, the ratios, stage ms per page."""
    figures = {}
    for engine, seconds in result["times"].items():
        figures[f"{engine}_mean"] = sum(seconds) / pages * 1000
        figures[f"{engine}_median"] = statistics.median(seconds) * 1000
    figures["ratio"] = figures["ours_mean"] / figures["trafilatura_mean"]
    figures["ratio_detect"] = figures["ours_detect_mean"] / figures["trafilatura_mean"]
    for engine, totals in result["stages"].items():
        for stage, seconds in totals.items():
            figures[f"{engine}_{stage}"] = seconds / pages * 1000
    return figures


def run(repeat: int = DEFAULT_REPEAT, large: bool = False, limit: int | None = None,
        profile: str | None = None) -> dict:
    """The issue's keys (median over ``repeat`` passes) and ``extract_details``; ``large`` changes nothing.

    ``limit`` keeps the first pages only (tests); ``profile`` writes a cProfile of the timed passes.
    """
    pages = load_pages()[:limit]
    table = registry_hints()
    hints = [hint_for(page.url, table) for page in pages]
    one_pass(pages, hints)  # warm-up: imports, compiled patterns, lxml and trafilatura caches
    profiler = None
    if profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    passes, all_times = [], {engine: [] for engine in ENGINES}
    for number in range(repeat):
        result = one_pass(pages, hints)
        passes.append(_pass_figures(result, len(pages)))
        for engine in ENGINES:
            all_times[engine] += result["times"][engine]
        print(f"pass {number + 1}/{repeat}: ours {passes[-1]['ours_mean']:.2f} ms/page, trafilatura "
              f"{passes[-1]['trafilatura_mean']:.2f} ms/page", file=sys.stderr, flush=True)
    if profiler:
        profiler.disable()
        profiler.dump_stats(profile)

    def median(key: str) -> float:
        return round(statistics.median(p[key] for p in passes), 3)

    def spread_of(key: str) -> list[float]:
        return spread([p[key] for p in passes])

    details = {
        "pages": len(pages),
        "corpora": dict(Counter(page.corpus for page in pages)),
        "registry_pages": sum(hint is not None for hint in hints),
        "html_kb_mean": round(statistics.mean(len(p.body) for p in pages) / 1024, 1),
        "repeat": repeat,
        "measured": "ms per page: mean over all pages per pass, median of passes; spread = [min, max] over passes",
        **{f"{engine}_ms_per_page": median(f"{engine}_mean") for engine in ENGINES},
        **{f"{engine}_ms_per_page_spread": spread_of(f"{engine}_mean") for engine in ENGINES},
        **{f"{engine}_page_median_ms": median(f"{engine}_median") for engine in ENGINES},
        **{f"{engine}_page_ms": ms_stats(all_times[engine]) for engine in ENGINES},
        "ratio_spread": spread_of("ratio"),
        "ratio_detect": median("ratio_detect"),
        "ratio_detect_spread": spread_of("ratio_detect"),
        "stages_ms_per_page": {engine: {stage: median(f"{engine}_{stage}") for stage in STAGES}
                               for engine in ENGINES[:2]},
        "target_ratio": TARGET_RATIO,
        "peak_mb": peak_mb(),
    }
    return {
        "extract_vs_trafilatura": median("ratio"),
        "extract_ms_per_page": median("ours_mean"),
        "trafilatura_ms_per_page": median("trafilatura_mean"),
        "extract_details": details,
    }


def print_table(results: dict) -> None:
    """A readable summary of one run."""
    d = results["extract_details"]
    print(f"{d['pages']} pages {d['corpora']}, {d['registry_pages']} on registry hosts, "
          f"{d['html_kb_mean']} KB mean body, {d['repeat']} passes")
    print(f"{'engine':<28} {'ms/page':>8} {'spread':>14} {'page median':>12} {'page p95':>9}")
    labels = {"ours": "ours (registry platform)", "ours_detect": "ours (detection everywhere)",
              "trafilatura": "trafilatura.extract"}
    for engine, label in labels.items():
        low, high = d[f"{engine}_ms_per_page_spread"]
        print(f"{label:<28} {d[f'{engine}_ms_per_page']:>8.2f} {f'{low:.2f}-{high:.2f}':>14} "
              f"{d[f'{engine}_page_median_ms']:>12.2f} {d[f'{engine}_page_ms']['p95']:>9.2f}")
    for engine in ("ours", "ours_detect"):
        stages = ", ".join(f"{s} {v:.2f}" for s, v in d["stages_ms_per_page"][engine].items())
        print(f"  {labels[engine]} stages ms/page: {stages}")
    met = "met" if results["extract_vs_trafilatura"] <= TARGET_RATIO else "NOT met"
    print(f"extract_vs_trafilatura {results['extract_vs_trafilatura']:.3f} "
          f"(spread {d['ratio_spread'][0]:.3f}-{d['ratio_spread'][1]:.3f}; target <= {TARGET_RATIO}: {met}); "
          f"with detection on every page {d['ratio_detect']:.3f}; peak {d['peak_mb']} MB")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.extract", description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=DEFAULT_REPEAT)
    parser.add_argument("--json", action="store_true", help="print one JSON object last, write nothing")
    parser.add_argument("--large", action="store_true", help="accepted for the runner; changes nothing")
    parser.add_argument("--profile", metavar="FILE", help="cProfile the timed passes into FILE")
    parser.add_argument("--limit", type=int, help="the first LIMIT pages only (a quick check)")
    args = parser.parse_args(argv)
    results = run(args.repeat, args.large, limit=args.limit, profile=args.profile)
    return report(results, args.json, print_table)


if __name__ == "__main__":
    raise SystemExit(main())
