"""Reprocess: `danvan reprocess` re-extracting 10k+ archived articles from their WARC captures.

    python -m bench.reprocess [--repeat N] [--articles N] [--workers N ...] [--json]

The archive is built once by the real crawl path and cached under ``bench/.work/``: the six
fixture portals (six CMS platforms, tests/fixture_web) grow by generated stories rendered in their
own templates, ``FixtureProxy`` serves them on 127.0.0.1, and ``danvan crawl`` fetches every page,
writes its WARC records and saves the articles. Each measured run copies that archive (the WARC
files are shared, read-only) and times the real ``danvan reprocess`` command in a subprocess:
wall time, pages per second, and peak memory of the command and its worker processes.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

from bench.common import ROOT, WORKDIR, machine, proc_kb, process_tree, report, spread

BUILD_VERSION = 1
"""Bump when the generated web or its crawl changes: cached archives of another version are rebuilt."""
DEFAULT_ARTICLES = 10_000
"""Generated stories on top of the fixture web's own 114 articles: the issue's "at least 10k pages"."""
DEFAULT_REPEAT = 3
STORY_KEY_BASE = 90_000_000
"""Generated story keys start here, far from every fixture key (some platforms put the key in the URL)."""
FIRST_MOMENT = datetime(2016, 1, 4, 7, 30)
"""Generated stories are older than the fixture's own, one every few hours from here on."""
SENTENCES_PER_PARAGRAPH = (2, 4)
RSS_SAMPLE_S = 0.05
"""How often the process tree's resident memory is sampled while a run goes."""
FAST = ["--setting", "DOWNLOAD_DELAY=0", "--setting", "AUTOTHROTTLE_ENABLED=False",
        "--setting", "CONCURRENT_REQUESTS_PER_DOMAIN=8", "--setting", "LOG_LEVEL=INFO"]
"""Politeness off for the build crawl: the portals are ours, on loopback."""
SUMMARY_RE = re.compile(r"^(\d+) articles reprocessed: (.*)$", re.M)


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --- The generated web ---------------------------------------------------------------------------

def _sentences(sites) -> list[str]:
    """Every sentence of the fixture stories' paragraphs: the material generated stories are made of."""
    found = {part.strip() for site in sites for story in site.stories for paragraph in story.paragraphs
             for part in re.split(r"(?<=[.!?…])\s+", paragraph)}
    return sorted(s for s in found if len(s.split()) >= 6)


def _title(rng: random.Random, sentences: list[str], taken: set[str]) -> str:
    """A headline-like title: the opening words of a fixture sentence, unique on its site."""
    while True:
        words = rng.choice(sentences).rstrip(".!?…").split()
        title = " ".join(words[: rng.randint(8, 14)]).rstrip(",;:")
        if title not in taken:
            taken.add(title)
            return title


def generated_stories(site, count: int, sentences: list[str], seed: int) -> tuple:
    """``count`` new stories for one fixture site, each shaped like one of its own (byline, photos,
    source, tags) with paragraphs recombined from fixture sentences so no two share a text."""
    from tests.fixture_web import Story

    rng = random.Random(seed)
    taken = {story.title for story in site.stories}
    stories = []
    for number in range(count):
        model: Story = site.stories[number % len(site.stories)]
        body = tuple(
            " ".join(rng.sample(sentences, rng.randint(*SENTENCES_PER_PARAGRAPH))) if isinstance(block, str)
            else block
            for block in model.body
        )
        moment = FIRST_MOMENT + timedelta(hours=3 * number, minutes=rng.randint(0, 59))
        stories.append(replace(model, key=STORY_KEY_BASE + number, title=_title(rng, sentences, taken),
                               when=moment.strftime("%Y-%m-%d %H:%M:%S"), body=body, slug=None,
                               republished_from=None))
    return tuple(stories)


def generated_web(articles: int) -> dict:
    """The fixture web with ``articles`` generated stories spread evenly over its six portals."""
    from tests.fixture_web import build_fixture_web
    from tests.fixture_web.sites import SITES

    sentences = _sentences(SITES)
    share, rest = divmod(articles, len(SITES))
    added = {site.site_id: generated_stories(site, share + (index < rest), sentences, seed=index)
             for index, site in enumerate(SITES)}
    return build_fixture_web(added=added)


# --- Build ---------------------------------------------------------------------------------------

def archive_dir(articles: int) -> Path:
    return WORKDIR / f"reprocess-{articles}-v{BUILD_VERSION}"


def build(folder: Path, articles: int) -> dict:
    """Crawl the generated web with the real ``danvan crawl`` into ``folder``/archive.db and warc/."""
    from tests.fixture_web import START_URLS, FixtureProxy

    started = time.perf_counter()
    tmp = folder.with_name(folder.name + ".building")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    web = generated_web(articles)
    log(f"  generated web: {len(web):,} URLs in {time.perf_counter() - started:.0f} s; crawling it")
    site_args = [arg for site_id in sorted(START_URLS) for arg in ("--site", site_id)]
    with FixtureProxy(web) as proxy:
        crawl = subprocess.run(
            [sys.executable, "-m", "crawler", "crawl", "--db", "archive.db", "--log-file", "crawl.log",
             *site_args, *FAST],
            cwd=tmp, env={**os.environ, "PYTHONPATH": str(ROOT), **proxy.env()},
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
    if crawl.returncode != 0:
        raise RuntimeError(f"build crawl failed ({crawl.returncode}); see {tmp / 'crawl.log'}")
    stored = _count_articles(tmp / "archive.db")
    if stored < articles:
        raise RuntimeError(f"build crawl archived {stored} articles, expected at least {articles}")
    shutil.rmtree(folder, ignore_errors=True)
    tmp.rename(folder)
    return {"articles": stored, "build_s": round(time.perf_counter() - started, 1),
            "warc_mb": round(sum(f.stat().st_size for f in (folder / "warc").iterdir()) / 2**20, 1),
            "archive_mb": round((folder / "archive.db").stat().st_size / 2**20, 1)}


def _count_articles(path: Path) -> int:
    import sqlite3

    with sqlite3.connect(path) as conn:
        return conn.execute("select count(*) from articles where capture is not null").fetchone()[0]


def ensure_archive(articles: int) -> tuple[Path, dict]:
    """The cached crawled archive for ``articles`` generated stories, built if missing."""
    folder = archive_dir(articles)
    if (folder / "archive.db").exists():
        return folder, {"cached": True, "articles": _count_articles(folder / "archive.db")}
    log(f"building the reprocess archive ({articles:,} generated stories) -> {folder}")
    info = build(folder, articles)
    log(f"  built in {info['build_s']} s: {info}")
    return folder, info


# --- Measure -------------------------------------------------------------------------------------

def _pss_mb(pids: list[int]) -> float:
    """Proportional set size of the processes, in MB: forked workers' shared pages counted once."""
    return sum(proc_kb(f"/proc/{pid}/smaps_rollup", "Pss:") for pid in pids) / 1024


def _largest_peak_mb(pids: list[int]) -> float:
    """The highest peak resident size (VmHWM) of any one of the processes, in MB."""
    return max((proc_kb(f"/proc/{pid}/status", "VmHWM:") for pid in pids), default=0) / 1024


class TreeMemory:
    """Samples a process and its workers in a thread: ``peak_mb`` the highest summed PSS seen,
    ``largest_mb`` the highest peak RSS of any one of them."""

    def __init__(self, pid: int):
        self.pid, self.peak_mb, self.largest_mb = pid, 0.0, 0.0
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self) -> "TreeMemory":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._done.set()
        self._thread.join()

    def _sample(self) -> None:
        while not self._done.wait(RSS_SAMPLE_S):
            pids = process_tree(self.pid)
            self.peak_mb = max(self.peak_mb, _pss_mb(pids))
            self.largest_mb = max(self.largest_mb, _largest_peak_mb(pids))


def spoil(db_path: Path) -> None:
    """Make every stored text differ from what extraction gives, so every article is rewritten,
    re-indexed for search and clustered again (as after an extractor fix that touches every page)."""
    import sqlite3

    from crawler.dedup import content_hash

    with sqlite3.connect(db_path) as conn:
        rows = conn.execute("select rowid, text || ' Bình luận' from articles").fetchall()
        # the stored hash follows the stored text, as in any archive the crawl wrote
        conn.executemany("update articles set text = ?, content_hash = ? where rowid = ?",
                         [(text, content_hash(text), rowid) for rowid, text in rows])


def run_once(folder: Path, workers: int, changed: bool) -> dict:
    """One timed ``danvan reprocess`` over a fresh copy of the cached archive."""
    scratch = WORKDIR / "reprocess-run"
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir(parents=True)
    shutil.copy(folder / "archive.db", scratch / "archive.db")
    if changed:
        spoil(scratch / "archive.db")
    command = [sys.executable, "-m", "crawler", "reprocess", "--db", "archive.db", "--warc-dir",
               str(folder / "warc"), "--workers", str(workers)]
    cpu_before = _children_cpu_s()
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=scratch, env={**os.environ, "PYTHONPATH": str(ROOT)},
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    with TreeMemory(process.pid) as memory:
        out, _ = process.communicate()
        wall = time.perf_counter() - started
    if process.returncode != 0:
        raise RuntimeError(f"danvan reprocess exited {process.returncode}")
    summary = SUMMARY_RE.search(out)
    pages = int(summary.group(1))
    cpu = _children_cpu_s() - cpu_before
    return {"wall_s": wall, "pages": pages, "pages_per_s": pages / wall, "changes": summary.group(2),
            "cpu_ms_per_page": 1000 * cpu / pages,
            "tree_peak_mb": memory.peak_mb, "largest_process_mb": memory.largest_mb}


def _children_cpu_s() -> float:
    """User + system CPU of this process's waited-for children (with the pool workers they waited for)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measure(folder: Path, workers: int, changed: bool, repeat: int) -> dict:
    """``repeat`` runs of one scenario: median and spread of wall time and pages per second."""
    runs = []
    for number in range(repeat):
        runs.append(run_once(folder, workers, changed))
        log(f"  workers={workers} {'every article changed' if changed else 'as crawled'} run {number + 1}: "
            f"{runs[-1]['pages']:,} pages in {runs[-1]['wall_s']:.1f} s = {runs[-1]['pages_per_s']:.0f} pages/s")
    rates = [r["pages_per_s"] for r in runs]
    walls = [r["wall_s"] for r in runs]
    return {
        "workers": workers, "pages": runs[0]["pages"], "runs": repeat,
        "pages_per_s": round(statistics.median(rates), 1), "pages_per_s_spread": spread(rates),
        "wall_s": round(statistics.median(walls), 2), "wall_s_spread": spread(walls),
        "cpu_ms_per_page": round(statistics.median(r["cpu_ms_per_page"] for r in runs), 2),
        "tree_peak_mb": round(max(r["tree_peak_mb"] for r in runs), 1),
        "largest_process_mb": round(max(r["largest_process_mb"] for r in runs), 1),
        "changes": runs[0]["changes"],
    }


# --- Driver --------------------------------------------------------------------------------------

def run(repeat: int = DEFAULT_REPEAT, large: bool = False, articles: int = DEFAULT_ARTICLES,
        workers: int | None = None, serial: bool = True) -> dict:
    """The case's figures: ``reprocess_pages_per_s`` and ``reprocess_details``.

    Scenarios: the archive as crawled (the key; nothing to change), every article changed (each
    one rewritten, re-indexed, re-clustered), and one single-process run for the speed-up.
    ``large`` changes nothing here: 10k pages already say how fast a re-extraction goes.
    """
    workers = workers or os.cpu_count() or 1
    folder, build_info = ensure_archive(articles)
    as_crawled = measure(folder, workers, changed=False, repeat=repeat)
    changed = measure(folder, workers, changed=True, repeat=repeat)
    details = {
        "what": "danvan reprocess (real command, subprocess) re-extracting every archived article from its "
                "WARC capture; archive crawled from the fixture portals (6 platforms) plus generated stories",
        "as_crawled": as_crawled, "every_article_changed": changed,
        "peak_mb": max(as_crawled["tree_peak_mb"], changed["tree_peak_mb"]),
        "build": build_info, **machine(),
    }
    if serial:
        details["single_process"] = measure(folder, 1, changed=False, repeat=1)
        details["speedup"] = round(as_crawled["pages_per_s"] / details["single_process"]["pages_per_s"], 2)
    return {"reprocess_pages_per_s": as_crawled["pages_per_s"], "reprocess_details": details}


def _table(results: dict) -> str:
    details = results["reprocess_details"]
    rows = [("as crawled", details["as_crawled"]), ("every article changed", details["every_article_changed"])]
    if "single_process" in details:
        rows.append(("as crawled, 1 process", details["single_process"]))
    lines = [f"{'scenario':<24} {'workers':>7} {'pages':>7} {'pages/s':>8} {'spread':>13} {'wall s':>7} "
             f"{'CPU ms/page':>11} {'tree MB':>8} {'largest MB':>10}"]
    for name, r in rows:
        lines.append(f"{name:<24} {r['workers']:>7} {r['pages']:>7,} {r['pages_per_s']:>8.1f} "
                     f"{r['pages_per_s_spread'][0]:>6.1f}-{r['pages_per_s_spread'][1]:<6.1f} {r['wall_s']:>7.1f} "
                     f"{r['cpu_ms_per_page']:>11.1f} {r['tree_peak_mb']:>8.0f} {r['largest_process_mb']:>10.0f}")
    if "speedup" in details:
        lines.append(f"speed-up over one process: {details['speedup']}x")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.reprocess", description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=DEFAULT_REPEAT, help="timed runs per scenario")
    parser.add_argument("--articles", type=int, default=DEFAULT_ARTICLES, help="generated stories in the archive")
    parser.add_argument("--workers", type=int, default=None, help="--workers of danvan reprocess (default: all cores)")
    parser.add_argument("--no-serial", action="store_true", help="skip the single-process run")
    parser.add_argument("--large", action="store_true", help="accepted for the runner; changes nothing here")
    parser.add_argument("--json", action="store_true", help="print one JSON object last; write nothing")
    args = parser.parse_args(argv)
    results = run(args.repeat, args.large, args.articles, args.workers, serial=not args.no_serial)
    # smaller archives are for trying the case out: their figures are not recorded
    return report(results, args.json, lambda r: print(_table(r)), write=args.articles >= DEFAULT_ARTICLES)


if __name__ == "__main__":
    raise SystemExit(main())
