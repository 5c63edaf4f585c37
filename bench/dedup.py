"""Per-new-article dedup cost against synthetic archives of 10k, 100k and 1M articles.

    python -m bench.dedup [--repeat 5] [--new 200] [--large | --sizes 10000 100000 1000000] [--json]

For each size the synthetic archive of ``bench.synthetic`` (realistic sites, provinces, levels,
months, report types, documents and 15 % republished copies) is built once and cached as
``WORKDIR/archive-SIZE-vN.db``. Then a fresh process
saves ``--new`` new articles per repeat through ``archive.save_article``, one transaction each as
the crawler does, half of them edited copies of archived texts and half new texts, and times the
whole save and its clustering step (``archive._cluster``: signature, exact-hash lookup, LSH band
lookup, candidate verification, band/signature writes, cluster refresh). The saved articles are
removed again afterwards so the cached archive stays at its size. Results are printed and merged
into ``bench/results.json``; see docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

from bench import synthetic
from bench.common import ROOT, WORKDIR, report, ms_stats, peak_mb, spread
from crawler import archive, dedup
from crawler.items import Article
from crawler.text import fold

SIZES = (10_000, 100_000)
LARGE_SIZES = (*SIZES, 1_000_000)
NEW_SEED = synthetic.NEW_SEED


# --- Measure -------------------------------------------------------------------------------------

def _bench_urls(db) -> list[str]:
    return [row["url"] for row in db.query("select url from articles where url like 'https://bench.example.vn/%'")]


def forget(db, urls: list[str]) -> None:
    """Remove measured articles with their search entries, bands, signatures and clusters."""
    if not urls:
        return
    with db.atomic():
        touched = set()
        for url in urls:
            row = next(db.query("select rowid, title, text, cluster from articles where url = ?", [url]))
            title, text = row["title"] or "", row["text"] or ""
            db.execute(
                "insert into articles_fts (articles_fts, rowid, title, text, title_folded, text_folded) "
                "values ('delete', ?, ?, ?, ?, ?)", [row["rowid"], title, text, fold(title), fold(text)],
            )
            db.execute("delete from dedup_bands where article = ?", [row["rowid"]])
            db.execute("delete from dedup_signatures where article = ?", [row["rowid"]])
            db.execute("delete from documents where article = ?", [url])
            db.execute("delete from articles where url = ?", [url])
            touched.add(row["cluster"])
        for cluster in touched - {None}:
            count = db.execute("select count(*) from articles where cluster = ?", [cluster]).fetchone()[0]
            if count:
                db.execute("update clusters set copies = ? where id = ?", [count, cluster])
            else:
                db.execute("delete from clusters where id = ?", [cluster])


def _new_articles(size: int, count: int, repeat: int) -> list[tuple[Article, bool]]:
    """Half edited copies of archived originals, half new texts, interleaved."""
    base = synthetic.plan(size) + 1
    originals = np.flatnonzero(base == np.arange(1, size + 1)) + 1
    rng = random.Random(1000 + repeat)
    articles = []
    for k in range(count):
        if k % 2 == 0:
            original = int(originals[rng.randrange(len(originals))])
            text = synthetic.republished(synthetic.synthetic_text(original), NEW_SEED + repeat * count + k)
            copy = original
        else:
            text, copy = synthetic.synthetic_text(NEW_SEED + repeat * count + k), None
        site = rng.choice(synthetic.sites())["id"]
        articles.append((Article(
            url=f"https://bench.example.vn/r{repeat}/bai-{k:04d}.html", platform="generic",
            title=synthetic.synthetic_title(k, text, 2025), published="2025-06-01", published_source="selector",
            text=text, site_id=site,
            fetched_at="2025-06-01T00:00:00Z",
        ), copy))
    return articles


def measure(path: Path, size: int, count: int, repeats: int, profile: Path | None = None) -> dict:
    """Time save_article and its clustering step for ``count`` new articles, ``repeats`` times."""
    db = archive.open_archive(path)
    forget(db, _bench_urls(db))
    db.conn.commit()
    cluster_times: list[float] = []
    timer = {"cluster": 0.0, "cpu": 0.0}
    real_cluster = archive._cluster

    def timed_cluster(db_, article):
        t0, cpu0 = time.perf_counter(), time.thread_time()
        try:
            return real_cluster(db_, article)
        finally:
            # CPU time beside wall time: on a shared machine it tells waiting for a core from work
            timer["cluster"], timer["cpu"] = time.perf_counter() - t0, time.thread_time() - cpu0

    archive._cluster = timed_cluster
    runs = []
    profiler = None
    if profile is not None:
        import cProfile
        profiler = cProfile.Profile()
    wrong = 0
    try:
        for repeat in range(repeats):
            articles = _new_articles(size, count, repeat)
            saves, clusters, cpus = [], [], []
            if profiler:
                profiler.enable()
            for article, _ in articles:
                t0 = time.perf_counter()
                status = archive.save_article(db, article, 1, "2025-06-01T00:00:00Z")
                saves.append(time.perf_counter() - t0)
                clusters.append(timer["cluster"])
                cpus.append(timer["cpu"])
                assert status in ("new", "duplicate"), status
            if profiler:
                profiler.disable()
            for article, copy in articles:  # the copies must land in their original's cluster
                got = db.execute("select cluster from articles where url = ?", [article.url]).fetchone()[0]
                expected = db.execute("select cluster from articles where rowid = ?", [copy]).fetchone()[0] if copy else None
                if copy and got != expected:
                    wrong += 1
                if not copy and db.execute("select copies from clusters where id = ?", [got]).fetchone()[0] != 1:
                    wrong += 1
            runs.append({"save_ms": ms_stats(saves), "cluster_ms": ms_stats(clusters),
                         "cluster_cpu_ms": ms_stats(cpus)})
            cluster_times += clusters
            forget(db, [article.url for article, _ in articles])
    finally:
        archive._cluster = real_cluster
    if profiler:
        profiler.dump_stats(profile)
    candidates = _candidate_counts(db, size, count)
    medians = [run["cluster_ms"]["median"] for run in runs]
    return {
        "size": size,
        "articles": db.execute("select count(*) from articles").fetchone()[0],
        "dedup_ms_median": statistics.median(medians),
        "dedup_ms_p95": statistics.median(run["cluster_ms"]["p95"] for run in runs),
        "dedup_ms_spread": spread(medians),
        "dedup_cpu_ms_median": statistics.median(run["cluster_cpu_ms"]["median"] for run in runs),
        "save_ms_median": statistics.median(run["save_ms"]["median"] for run in runs),
        "save_ms_p95": statistics.median(run["save_ms"]["p95"] for run in runs),
        "runs": runs,
        "misclustered": wrong,
        "lsh_candidates": candidates,
        "peak_mb": peak_mb(),
    }


def _candidate_counts(db, size: int, count: int) -> dict:
    """LSH candidates per measured article (the rows is_same_report may verify), untimed."""
    found = []
    for article, _ in _new_articles(size, count, 0):
        keys = dedup.band_keys(dedup.signature(article.text))
        marks = ",".join("?" * len(keys))
        found.append(db.execute(
            f"select count(distinct article) from dedup_bands where band_key in ({marks})", keys).fetchone()[0])
    return {"median": statistics.median(found), "max": max(found), "mean": round(statistics.mean(found), 2)}


# --- Driver --------------------------------------------------------------------------------------

def _child(args: list[str]) -> dict:
    """Run one measurement in a fresh process: its peak memory is its own."""
    out = subprocess.run([sys.executable, "-m", "bench.dedup", *args], check=True, stdout=subprocess.PIPE,
                         text=True, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


def run(repeat: int = 5, large: bool = False, sizes: tuple[int, ...] | None = None, new: int = 200,
        workdir: Path = WORKDIR, profile: int | None = None) -> dict:
    """Dedup cost per new article at each size (10k, 100k; 1M with ``large``): the issue's keys."""
    results = {}
    for size in sizes or (LARGE_SIZES if large else SIZES):
        _, build = synthetic.ensure(size, workdir)
        extra = ["--profile", str(profile)] if profile else []
        results[size] = _child(["--measure-only", str(size), "--workdir", str(workdir), "--repeat", str(repeat),
                                "--new", str(new), *extra])
        results[size]["build"] = build
    smallest, largest = min(results), max(results)
    ratio = results[largest]["dedup_ms_median"] / results[smallest]["dedup_ms_median"]
    return {
        "dedup_ms_per_article": {str(s): r["dedup_ms_median"] for s, r in results.items()},
        "dedup_p95_ms_per_article": {str(s): r["dedup_ms_p95"] for s, r in results.items()},
        "save_ms_per_article": {str(s): r["save_ms_median"] for s, r in results.items()},
        "dedup_peak_mb": {str(s): r["peak_mb"] for s, r in results.items()},
        "dedup_ratio_largest_smallest": round(ratio, 3),
        "dedup_details": {
            "measured": "archive._cluster per new article (half copies of archived texts, half new), "
                        "median of per-repeat medians; synthetic archive v%d" % synthetic.BUILD_VERSION,
            **{str(s): r for s, r in results.items()},
        },
    }


def _print_table(result: dict) -> None:
    details = result["dedup_details"]
    print(f"{'archived':>10} {'dedup median':>13} {'dedup p95':>10} {'spread':>15} {'dedup CPU':>10} "
          f"{'save median':>12} {'save p95':>9} {'candidates':>10} {'peak MB':>8} {'build s':>8}")
    for size in result["dedup_ms_per_article"]:
        r = details[size]
        spread_text = f"{r['dedup_ms_spread'][0]:.2f}-{r['dedup_ms_spread'][1]:.2f}"
        build_s = r["build"].get("total_s", "cached")
        print(f"{int(size):>10,} {r['dedup_ms_median']:>10.3f} ms {r['dedup_ms_p95']:>7.3f} ms {spread_text:>12} ms "
              f"{r['dedup_cpu_ms_median']:>7.3f} ms {r['save_ms_median']:>9.3f} ms {r['save_ms_p95']:>6.3f} ms "
              f"{r['lsh_candidates']['mean']:>10} {r['peak_mb']:>8.0f} {build_s:>8}")
    print(f"dedup cost ratio largest/smallest: {result['dedup_ratio_largest_smallest']:.2f}x")
    if any(details[s]["misclustered"] for s in result["dedup_ms_per_article"]):
        print("WARNING: some measured articles were not clustered as expected", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.dedup", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+")
    parser.add_argument("--large", action="store_true", help="add the 1M-article archive")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--new", type=int, default=200, help="new articles saved per repeat")
    parser.add_argument("--workdir", type=Path, default=WORKDIR)
    parser.add_argument("--profile", type=int, metavar="SIZE", help="also cProfile the saves at this size")
    parser.add_argument("--json", action="store_true", help="print the keys as one JSON line; write nothing")
    parser.add_argument("--measure-only", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.measure_only:
        size = args.measure_only
        profile = args.workdir / f"profile-{size}.pstats" if args.profile == size else None
        print(json.dumps(measure(synthetic.archive_path(size, args.workdir), size, args.new, args.repeat, profile)))
        return 0
    result = run(args.repeat, args.large, tuple(args.sizes) if args.sizes else None, args.new, args.workdir,
                 args.profile)
    return report(result, args.json, _print_table)


if __name__ == "__main__":
    raise SystemExit(main())
