"""Per-new-article dedup cost against synthetic archives of 10k, 100k and 1M articles.

    python -m bench.dedup --sizes 10000 100000 1000000 [--repeat 5] [--new 200] [--workdir DIR]

For each size an archive file is built once (real schema through ``archive.open_archive``, rows
written by bulk SQL, MinHash signatures and band keys computed with the real ``crawler.dedup``
functions in a process pool) and cached as ``WORKDIR/archive-SIZE.db``. Then a fresh process
saves ``--new`` new articles per repeat through ``archive.save_article``, one transaction each as
the crawler does, half of them edited copies of archived texts and half new texts, and times the
whole save and its clustering step (``archive._cluster``: signature, exact-hash lookup, LSH band
lookup, candidate verification, band/signature writes, cluster refresh). The saved articles are
removed again afterwards so the cached archive stays at its size. Results are printed and merged
into ``bench/results.json``; see docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import importlib.util
import json
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import time
from multiprocessing import Pool
from pathlib import Path

import numpy as np

from crawler import archive, dedup
from crawler.items import Article
from crawler.text import fold

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results.json"
DEFAULT_WORKDIR = ROOT / "bench" / ".work"
BUILD_VERSION = 1
"""Bump when the synthetic archive changes: cached files of another version are rebuilt."""
COPY_RATE = 0.15
"""Share of archived articles that are edited copies of an earlier archived text."""
JUMP_RATE = 0.3
"""Probability that the text generator leaves the syllable chain for a random syllable."""
SITES = 120
NEW_SEED = 10**9
"""Text ids from here on are never archived: the "new report" half of the measured articles."""


def _load_pairs():
    spec = importlib.util.spec_from_file_location("dedup_pairs", ROOT / "tests" / "dedup_pairs" / "pairs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


PAIRS = _load_pairs()


def _corpus() -> list[str]:
    texts = list(PAIRS.BASES) + [PAIRS.issue(name) for name in PAIRS.ISSUES]
    return [word.strip('".,;:()') for text in texts for word in text.split()]


_WORDS = [w for w in _corpus() if w]
VOCABULARY = sorted(set(_WORDS))
"""Vietnamese syllables (with diacritics, as written) of the labelled dedup texts."""
_NEXT: dict[str, list[str]] = {}
for _a, _b in zip(_WORDS, _WORDS[1:]):
    _NEXT.setdefault(_a, []).append(_b)


def synthetic_text(text_id: int) -> str:
    """A deterministic report-like text: 3-4 paragraphs of 12-20 syllables from the corpus chain.

    Syllables follow the corpus' own successions (so stock phrases recur between texts, as in real
    reports) with a random jump now and then (so two texts share few 3-syllable shingles).
    """
    rng = random.Random(text_id)
    paragraphs = []
    for _ in range(rng.randint(3, 4)):
        word = rng.choice(VOCABULARY)
        words = [word]
        for _ in range(rng.randint(11, 19)):
            successors = _NEXT.get(word)
            word = rng.choice(successors) if successors and rng.random() > JUMP_RATE else rng.choice(VOCABULARY)
            words.append(word)
        sentence = " ".join(words)
        paragraphs.append(sentence[:1].upper() + sentence[1:] + ".")
    return "\n\n".join(paragraphs)


def republished(text: str, copy_id: int) -> str:
    """The text as another portal republishes it: lede mark, credit line, old tone placement."""
    rng = random.Random(-copy_id - 1)
    text = PAIRS.lede(text, rng.choice(PAIRS.MARKS))
    if rng.random() < 0.5:
        text = PAIRS.old_tones(text)
    return PAIRS.credit(text, rng.choice(PAIRS.CREDITS))


def _title(text: str) -> str:
    return " ".join(text.split()[:9])


def _url(site: int, rowid: int) -> str:
    return f"https://site{site:03d}.example.vn/dan-van/bai-{rowid:08d}.html"


# --- Build ---------------------------------------------------------------------------------------

def _plan(size: int, seed: int = 7) -> np.ndarray:
    """base[i]: the row (0-based) whose text row i copies; i itself for an original text."""
    rng = np.random.default_rng(seed)
    base = np.arange(size)
    copies = np.flatnonzero(rng.random(size) < COPY_RATE)
    copies = copies[copies > 0]
    base[copies] = (rng.random(copies.size) * copies).astype(np.int64)  # an earlier row
    # a copy of a copy is a copy of its original
    for _ in range(64):
        nxt = base[base]
        if np.array_equal(nxt, base):
            break
        base = nxt
    return base


def _row_material(args: tuple[int, int]) -> tuple:
    """Worker: text, folded title, folded text, about_danvan, content hash and (originals) signature."""
    rowid, base_rowid = args
    text = synthetic_text(base_rowid)
    sig_bytes = digests = None
    if rowid == base_rowid:
        sig = dedup.signature(text)
        sig_bytes = dedup.signature_bytes(sig)
        digests = [int(key.split(":", 1)[1], 16) for key in dedup.band_keys(sig)]
    else:
        text = republished(text, rowid)
    title = _title(text)
    folded = fold(text)
    content_hash = hashlib.sha256(folded.encode("utf-8")).hexdigest()
    about = int(archive.is_about_danvan(title, text))
    return text, fold(title), folded, about, content_hash, sig_bytes, digests


def _band_order() -> list[int]:
    """Bands in the order of their key prefix "i:", so each band's rows append to the B-tree."""
    return sorted(range(dedup.BANDS), key=lambda band: f"{band}:")


def build(path: Path, size: int, workers: int = 2) -> dict:
    """Write a synthetic archive of ``size`` articles to ``path``; returns build timings."""
    started = time.perf_counter()
    tmp = path.with_suffix(".building")
    for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        leftover.unlink(missing_ok=True)
    db = archive.open_archive(tmp)
    db.execute("PRAGMA journal_mode = OFF")  # one bulk transaction; WAL again before use
    db.execute("PRAGMA synchronous = OFF")
    db.execute("PRAGMA foreign_keys = OFF")
    db.execute("PRAGMA cache_size = -262144")
    conn = db.conn
    base = _plan(size) + 1  # rowids are 1-based
    rowids = np.arange(1, size + 1)
    sites = (rowids * 7919) % SITES
    copies = np.bincount(base, minlength=size + 1)
    digests = np.zeros((size + 1, dedup.BANDS), dtype=np.uint64)
    conn.execute("begin")
    conn.execute("insert into crawl_runs (id, started, command, exit_status) values (1, '2024-01-01T00:00:00Z', 'bench', 0)")
    conn.executemany(
        "insert into sites (id, name, level, province_before, province_after, district, platform, base_url, "
        "aliases, start_urls, status) values (?, ?, 'tinh', ?, ?, null, 'generic', ?, '[]', '[]', 'active')",
        [(f"site{s:03d}", f"Site {s}", f"Tỉnh {s % 63}", f"Tỉnh {s % 34}", f"https://site{s:03d}.example.vn/")
         for s in range(SITES)],
    )
    originals = np.flatnonzero(base == rowids) + 1
    conn.executemany(
        "insert into clusters (id, original, copies) values (?, ?, ?)",
        ((int(r), _url(int(sites[r - 1]), int(r)), int(copies[r])) for r in originals),
    )
    article_sql = (
        "insert into articles (rowid, url, site, platform, title, published, published_source, year, text, "
        "word_count, content_hash, captions, documents, level, province_before, province_after, about_danvan, "
        "fetched_at, first_seen, last_seen, crawl_run, cluster) values "
        "(?, ?, ?, 'generic', ?, ?, 'selector', ?, ?, ?, ?, '[]', '[]', 'tinh', ?, ?, ?, ?, ?, ?, 1, ?)"
    )
    fts_sql = "insert into articles_fts (rowid, title, text, title_folded, text_folded) values (?, ?, ?, ?, ?)"
    sig_sql = "insert into dedup_signatures (article, minhash) values (?, ?)"
    day0 = dt.date(2015, 1, 1)
    jobs = ((int(r), int(b)) for r, b in zip(rowids, base))
    chunk: list = []

    def flush() -> None:
        conn.executemany(article_sql, [c[0] for c in chunk])
        conn.executemany(fts_sql, [c[1] for c in chunk])
        conn.executemany(sig_sql, [c[2] for c in chunk if c[2] is not None])
        chunk.clear()

    with Pool(workers) as pool:
        for rowid, material in enumerate(pool.imap(_row_material, jobs, chunksize=500), start=1):
            text, title_folded, folded, about, chash, sig_bytes, band_digests = material
            site = int(sites[rowid - 1])
            published = (day0 + dt.timedelta(days=rowid * 3650 // size)).isoformat()
            stamp = published + "T00:00:00Z"
            title = _title(text)
            chunk.append((
                (rowid, _url(site, rowid), f"site{site:03d}", title, published, int(published[:4]), text,
                 len(text.split()), chash, f"Tỉnh {site % 63}", f"Tỉnh {site % 34}", about, stamp, stamp, stamp,
                 int(base[rowid - 1])),
                (rowid, title, text, title_folded, folded),
                (rowid, sig_bytes) if sig_bytes is not None else None,
            ))
            if band_digests is not None:
                digests[rowid] = band_digests
            if len(chunk) >= 20000:
                flush()
        flush()
    rows_done = time.perf_counter()
    # copies share their original's signature (lede mark, credit line and tone placement are
    # normalized away; checked in check_copies)
    copy_rows = np.flatnonzero(base != rowids) + 1
    digests[copy_rows] = digests[base[copy_rows - 1]]
    conn.execute("create temp table copy_of (article integer primary key, base integer)")
    conn.executemany("insert into copy_of values (?, ?)",
                     ((int(r), int(base[r - 1])) for r in copy_rows))
    conn.execute("insert into dedup_signatures (article, minhash) select copy_of.article, dedup_signatures.minhash "
                 "from copy_of join dedup_signatures on dedup_signatures.article = copy_of.base")
    conn.execute("drop index dedup_bands_article")
    band_sql = "insert into dedup_bands (band_key, article) values (?, ?)"
    ids = np.arange(1, size + 1)
    for band in _band_order():
        column = digests[1:, band]
        order = np.lexsort((ids, column))
        conn.executemany(band_sql, zip((f"{band}:{int(d):016x}" for d in column[order]), ids[order].tolist()))
    conn.execute("create index dedup_bands_article on dedup_bands (article)")
    conn.execute("commit")
    bands_done = time.perf_counter()
    db.execute("PRAGMA foreign_keys = ON")
    problems = list(db.query("PRAGMA foreign_key_check"))
    if problems:
        raise RuntimeError(f"synthetic archive breaks foreign keys: {problems[:3]}")
    db.execute("ANALYZE")
    db.execute("PRAGMA journal_mode = WAL")
    db.conn.close()
    tmp.rename(path)
    return {
        "rows_s": round(rows_done - started, 1),
        "bands_s": round(bands_done - rows_done, 1),
        "total_s": round(time.perf_counter() - started, 1),
        "file_mb": round(path.stat().st_size / 2**20),
        "build_peak_mb": round(_peak_mb()),
    }


def check_copies(samples: int = 20) -> None:
    """The copies' edits do not change the signature (so the build may reuse the original's)."""
    for text_id in range(1, samples + 1):
        text = synthetic_text(text_id)
        if dedup.signature(republished(text, text_id + 7)) != dedup.signature(text):
            raise AssertionError(f"republished text {text_id} has another signature")


# --- Measure -------------------------------------------------------------------------------------

def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


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
    base = _plan(size) + 1
    originals = np.flatnonzero(base == np.arange(1, size + 1)) + 1
    rng = random.Random(1000 + repeat)
    articles = []
    for k in range(count):
        if k % 2 == 0:
            original = int(originals[rng.randrange(len(originals))])
            text, copy = republished(synthetic_text(original), NEW_SEED + repeat * count + k), original
        else:
            text, copy = synthetic_text(NEW_SEED + repeat * count + k), None
        site = rng.randrange(SITES)
        articles.append((Article(
            url=f"https://bench.example.vn/r{repeat}/bai-{k:04d}.html", platform="generic", title=_title(text),
            published="2025-06-01", published_source="selector", text=text, site_id=f"site{site:03d}",
            fetched_at="2025-06-01T00:00:00Z",
        ), copy))
    return articles


def measure(path: Path, size: int, count: int, repeats: int, profile: Path | None = None) -> dict:
    """Time save_article and its clustering step for ``count`` new articles, ``repeats`` times."""
    db = archive.open_archive(path)
    forget(db, _bench_urls(db))
    db.conn.commit()
    cluster_times: list[float] = []
    timer = {"cluster": 0.0}
    real_cluster = archive._cluster

    def timed_cluster(db_, article):
        t0 = time.perf_counter()
        try:
            return real_cluster(db_, article)
        finally:
            timer["cluster"] = time.perf_counter() - t0

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
            saves, clusters = [], []
            if profiler:
                profiler.enable()
            for article, _ in articles:
                t0 = time.perf_counter()
                status = archive.save_article(db, article, 1, "2025-06-01T00:00:00Z")
                saves.append(time.perf_counter() - t0)
                clusters.append(timer["cluster"])
                assert status == "new", status
            if profiler:
                profiler.disable()
            for article, copy in articles:  # the copies must land in their original's cluster
                got = db.execute("select cluster from articles where url = ?", [article.url]).fetchone()[0]
                expected = db.execute("select cluster from articles where rowid = ?", [copy]).fetchone()[0] if copy else None
                if copy and got != expected:
                    wrong += 1
                if not copy and db.execute("select copies from clusters where id = ?", [got]).fetchone()[0] != 1:
                    wrong += 1
            runs.append({"save_ms": _ms_stats(saves), "cluster_ms": _ms_stats(clusters)})
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
        "dedup_ms_spread": [min(medians), max(medians)],
        "save_ms_median": statistics.median(run["save_ms"]["median"] for run in runs),
        "save_ms_p95": statistics.median(run["save_ms"]["p95"] for run in runs),
        "runs": runs,
        "misclustered": wrong,
        "lsh_candidates": candidates,
        "peak_mb": round(_peak_mb(), 1),
    }


def _ms_stats(seconds: list[float]) -> dict:
    ms = sorted(s * 1000 for s in seconds)
    return {"median": round(statistics.median(ms), 3), "p95": round(ms[int(0.95 * (len(ms) - 1))], 3)}


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

def _archive_path(workdir: Path, size: int) -> Path:
    return workdir / f"archive-{size}-v{BUILD_VERSION}.db"


def _child(args: list[str]) -> dict:
    """Run one build or measurement in a fresh process: its peak memory is its own."""
    out = subprocess.run([sys.executable, "-m", "bench.dedup", *args], check=True, capture_output=True,
                         text=True, cwd=ROOT)
    sys.stderr.write(out.stderr)
    return json.loads(out.stdout.strip().splitlines()[-1])


def merge_results(results: dict, path: Path = RESULTS) -> None:
    existing = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    existing.update(results)
    path.write_text(json.dumps(existing, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.dedup", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--new", type=int, default=200, help="new articles saved per repeat")
    parser.add_argument("--workdir", type=Path, default=DEFAULT_WORKDIR)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--profile", type=int, metavar="SIZE", help="also cProfile the saves at this size")
    parser.add_argument("--no-write", action="store_true", help="do not update bench/results.json")
    parser.add_argument("--build-only", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--measure-only", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    args.workdir.mkdir(parents=True, exist_ok=True)

    if args.build_only:
        print(json.dumps(build(_archive_path(args.workdir, args.build_only), args.build_only, args.workers)))
        return 0
    if args.measure_only:
        size = args.measure_only
        profile = args.workdir / f"profile-{size}.pstats" if args.profile == size else None
        print(json.dumps(measure(_archive_path(args.workdir, size), size, args.new, args.repeat, profile)))
        return 0

    check_copies()
    results, builds = {}, {}
    for size in args.sizes:
        path = _archive_path(args.workdir, size)
        if path.exists():
            builds[size] = {"cached": True}
        else:
            print(f"building {size:,} articles -> {path}", file=sys.stderr, flush=True)
            builds[size] = _child(["--build-only", str(size), "--workdir", str(args.workdir),
                                   "--workers", str(args.workers)])
            print(f"  built in {builds[size]['total_s']} s {builds[size]}", file=sys.stderr, flush=True)
        extra = ["--profile", str(args.profile)] if args.profile else []
        results[size] = _child(["--measure-only", str(size), "--workdir", str(args.workdir), "--repeat",
                                str(args.repeat), "--new", str(args.new), *extra])
        results[size]["build"] = builds[size]

    header = (f"{'archived':>10} {'dedup median':>13} {'dedup p95':>10} {'spread':>15} {'save median':>12} "
              f"{'save p95':>9} {'candidates':>10} {'peak MB':>8} {'build s':>8}")
    print(header)
    for size, r in results.items():
        spread = f"{r['dedup_ms_spread'][0]:.2f}-{r['dedup_ms_spread'][1]:.2f}"
        build_s = r["build"].get("total_s", "cached")
        print(f"{size:>10,} {r['dedup_ms_median']:>10.3f} ms {r['dedup_ms_p95']:>7.3f} ms {spread:>12} ms "
              f"{r['save_ms_median']:>9.3f} ms {r['save_ms_p95']:>6.3f} ms {r['lsh_candidates']['mean']:>10} "
              f"{r['peak_mb']:>8.0f} {build_s:>8}")
    smallest, largest = min(results), max(results)
    ratio = results[largest]["dedup_ms_median"] / results[smallest]["dedup_ms_median"]
    print(f"dedup cost ratio {largest:,}/{smallest:,}: {ratio:.2f}x")
    if any(r["misclustered"] for r in results.values()):
        print("WARNING: some measured articles were not clustered as expected", file=sys.stderr)

    if not args.no_write:
        merge_results({
            "dedup_ms_per_article": {str(s): r["dedup_ms_median"] for s, r in results.items()},
            "dedup_p95_ms_per_article": {str(s): r["dedup_ms_p95"] for s, r in results.items()},
            "save_ms_per_article": {str(s): r["save_ms_median"] for s, r in results.items()},
            "dedup_peak_mb": {str(s): r["peak_mb"] for s, r in results.items()},
            "dedup_ratio_largest_smallest": round(ratio, 3),
            "dedup_details": {str(s): r for s, r in results.items()},
            "machine": f"{platform.machine()}, {os.cpu_count()} cores, {platform.system()} {platform.release()}",
            "python": platform.python_version(),
            "sqlite": __import__("sqlite3").sqlite_version,
            "date": dt.date.today().isoformat(),
        })
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
