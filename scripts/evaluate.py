"""Score every gold page with our extractor beside trafilatura's and htmldate's defaults (make eval).

Corpora: ``tests/gold/*/*.json`` articles ("gold"), the fixture web's 114 articles ("fixture") and
``../shared/seed_pages/NNN.json`` ("seed", skipped when absent). Each page is decoded with
``crawler.text.decode_html`` and read by four engines:

- ours: ``extract_article(url, html, fetched_at, listing_date=...)``, platform by detection;
- trafilatura: ``trafilatura.extract(html, url=url)`` for the text and
  ``trafilatura.extract_metadata(html, default_url=url)`` for title, author and date;
- htmldate: ``htmldate.find_date(html, url=url)`` (its defaults: extensive search);
- htmldate-fast: the same with ``extensive_search=False``.

The report is informational: the exit status is 0 unless the run crashes.

Example:
    python scripts/evaluate.py
    python scripts/evaluate.py --write docs/quality.md --json /tmp/quality.json
"""

from __future__ import annotations

import argparse
import json
import platform as host_platform
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import htmldate  # noqa: E402
import trafilatura  # noqa: E402

from crawler.evaluation import (  # noqa: E402
    LIST_FIELDS, GoldPage, Summary, check_targets, misses, score_page, summarize,
)
from crawler.extraction import detect_platform, extract_article  # noqa: E402
from crawler.text import decode_html  # noqa: E402

GOLD_DIR = ROOT / "tests" / "gold"
SEED_DIR = ROOT.parent / "shared" / "seed_pages"
CORPORA = ("gold", "fixture", "seed")
ALL_GROUP = "all"
FIXTURE_FETCHED_AT = "2025-11-01T00:00:00+00:00"
"""The fixture web's capture time (the demo snapshot's WARC-Date)."""
SEED_FETCHED_AT = "2024-06-22T10:00:00+07:00"
"""The day the seed pages' header widgets show, as in tests/test_seed_pages.py."""
FIXTURE_NAME_CHARS = 40
MISS_F1 = 0.97
"""The gold tests' text F1 bar: below it a page's text is listed as a miss."""
VERSIONED_PACKAGES = ("trafilatura", "htmldate", "lxml", "dateparser", "charset-normalizer")
NOT_ANSWERED = "–"
SHORT_CHARS = 90
"""Longest expected/got value shown in the misses list (the JSON has them whole)."""
COLUMNS = (
    ("group", None), ("engine", None), ("pages", None), ("platform", "platform"), ("title", "title"),
    ("date exact", "date_exact"), ("date day", "date_day"), ("author", "author"), ("source", "source"),
    ("captions", "captions"), ("documents", "documents"), ("F1 mean", "f1_mean"), ("F1 min", "f1_min"),
    ("leaks", "leaks"),
)
"""Table header and the Summary figure behind each column (rates in percent)."""


@dataclass(frozen=True)
class Case:
    """One page to score: its gold, decoded HTML, fetch time and the listing's date."""

    gold: GoldPage
    html: str
    fetched_at: datetime
    listing_date: str | None = None


# --- corpora ------------------------------------------------------------------------------


def gold_page(corpus: str, name: str, data: dict) -> GoldPage:
    """A GoldPage from a gold JSON object (tests/gold or seed schema)."""
    return GoldPage(
        corpus=corpus, name=name, platform=data["platform"], url=data["url"],
        title=data["title"], published=data["published"], author=data["author"],
        source=data["source"], body=tuple(data["body"]),
        not_in_text=tuple(data.get("not_in_text") or ()),
        captions=tuple(data["captions"]) if "captions" in data else None,
        documents=tuple(data["documents"]) if "documents" in data else None,
    )


def gold_cases(gold_dir: Path) -> tuple[list[Case], int]:
    """Article pages under gold_dir/<platform>/<name>.json, and how many shells were skipped."""
    cases, shells = [], 0
    for path in sorted(gold_dir.glob("*/*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("kind") != "article":
            continue
        if data.get("shell"):
            shells += 1
            continue
        html = decode_html(path.with_suffix(".html").read_bytes())
        page = gold_page("gold", f"{path.parent.name}/{path.stem}", data)
        fetched_at = datetime.fromisoformat(data["fetched_at"])
        cases.append(Case(page, html, fetched_at, data.get("listing_date")))
    return cases, shells


def fixture_cases() -> list[Case]:
    """The fixture web's articles with their ground truth (no boilerplate list: leaks not scored)."""
    from tests.fixture_web import ARTICLES, build_fixture_web

    web = build_fixture_web()
    fetched_at = datetime.fromisoformat(FIXTURE_FETCHED_AT)
    cases = []
    for truth in ARTICLES:
        response = web[truth.url]
        page = GoldPage(
            corpus="fixture", name=fixture_name(truth.site_id, truth.url),
            platform=truth.platform, url=truth.url, title=truth.title, published=truth.published,
            author=truth.author, source=truth.source, body=tuple(truth.paragraphs),
            captions=tuple(truth.captions), documents=tuple(truth.documents),
        )
        html = decode_html(response.body, response.header("Content-Type"))
        cases.append(Case(page, html, fetched_at, truth.listing_date))
    return cases


def fixture_name(site_id: str, url: str) -> str:
    """A short page name for a fixture article: site id and the URL's last segment (cut)."""
    tail = url.rstrip("/").rsplit("/", 1)[-1]
    return f"{site_id}/{tail[-FIXTURE_NAME_CHARS:]}"


def seed_cases(seed_dir: Path) -> list[Case]:
    """The shared seed pages NNN.json/NNN.html, or nothing when the folder is absent."""
    fetched_at = datetime.fromisoformat(SEED_FETCHED_AT)
    cases = []
    for path in sorted(seed_dir.glob("[0-9][0-9][0-9].json")) if seed_dir.is_dir() else ():
        data = json.loads(path.read_text(encoding="utf-8"))
        html = decode_html(path.with_suffix(".html").read_bytes())
        cases.append(Case(gold_page("seed", f"seed/{path.stem}", data), html, fetched_at))
    return cases


# --- engines ------------------------------------------------------------------------------


def answer_ours(case: Case) -> dict:
    """Our reading: detected platform, fields, text; a date taken from the listing counts as none."""
    url = case.gold.url
    detected = detect_platform(url, case.html)
    article = extract_article(url, case.html, case.fetched_at, platform=detected,
                              listing_date=case.listing_date)
    published = None if article.published_source == "listing" else article.published
    return {
        "platform": detected, "title": article.title, "published": published,
        "author": article.author, "source": article.source, "text": article.text,
        "captions": article.captions, "documents": article.documents,
    }


TRAFILATURA_METADATA = {"title": "title", "published": "date", "author": "author"}
"""Our field name -> trafilatura Document attribute."""


def answer_trafilatura(case: Case) -> dict:
    """trafilatura's defaults: extract() for the text, extract_metadata() for title, author, date."""
    url = case.gold.url
    text = trafilatura.extract(case.html, url=url)
    meta = trafilatura.extract_metadata(case.html, default_url=url)
    fields = {name: getattr(meta, attr, None) for name, attr in TRAFILATURA_METADATA.items()}
    return {**fields, "text": text or ""}


def answer_htmldate(case: Case) -> dict:
    """htmldate.find_date with its defaults (extensive search, YYYY-MM-DD)."""
    return {"published": htmldate.find_date(case.html, url=case.gold.url)}


def answer_htmldate_fast(case: Case) -> dict:
    """htmldate.find_date in fast mode (extensive_search=False)."""
    return {"published": htmldate.find_date(case.html, url=case.gold.url, extensive_search=False)}


ENGINES: dict[str, Callable[[Case], dict]] = {
    "ours": answer_ours,
    "trafilatura": answer_trafilatura,
    "htmldate": answer_htmldate,
    "htmldate-fast": answer_htmldate_fast,
}


ENGINE_FIELDS = {
    "ours": ("platform", "title", "published", "author", "source", "text", "captions", "documents"),
    "trafilatura": ("title", "published", "author", "text"),
    "htmldate": ("published",),
    "htmldate-fast": ("published",),
}
"""What each engine answers: an engine that fails on a page answers nothing right on it."""


@dataclass
class EngineRun:
    """One engine's answers on every case, in case order, the time it took and its failures."""

    answers: list[dict]
    seconds: float
    errors: list[str]


def answer_or_failure(name: str, case: Case, errors: list[str]) -> dict:
    """An engine's answer on one case; a crash becomes an empty answer and an error line."""
    try:
        return ENGINES[name](case)
    except Exception as error:  # noqa: BLE001 - one page must not stop the report
        errors.append(f"{name} failed on {case.gold.name}: {type(error).__name__}: {error}")
        return {field: [] if field in LIST_FIELDS else None for field in ENGINE_FIELDS[name]}


def run_engines(cases: list[Case]) -> dict[str, EngineRun]:
    """Every engine on every case."""
    runs = {}
    for name in ENGINES:
        start, errors = time.perf_counter(), []
        answers = [answer_or_failure(name, case, errors) for case in cases]
        runs[name] = EngineRun(answers, time.perf_counter() - start, errors)
    return runs


# --- aggregation --------------------------------------------------------------------------


def group_names(cases: list[Case]) -> list[str]:
    """Row groups: each corpus present, all pages, then each platform."""
    corpora = [c for c in CORPORA if any(case.gold.corpus == c for case in cases)]
    platforms = sorted({case.gold.platform for case in cases})
    return corpora + [ALL_GROUP] + [f"platform {p}" for p in platforms]


def in_group(case: Case, group: str) -> bool:
    """Whether a case belongs to a row group."""
    if group == ALL_GROUP:
        return True
    if group.startswith("platform "):
        return case.gold.platform == group.removeprefix("platform ")
    return case.gold.corpus == group


def summary_rows(cases: list[Case], runs: dict[str, EngineRun]) -> list[tuple[str, str, Summary]]:
    """(group, engine, summary) for every group and engine."""
    rows = []
    for group in group_names(cases):
        picked = [i for i, case in enumerate(cases) if in_group(case, group)]
        for engine, run in runs.items():
            scores = [score_page(cases[i].gold, run.answers[i]) for i in picked]
            rows.append((group, engine, summarize(scores)))
    return rows


def our_misses(cases: list[Case], runs: dict[str, EngineRun]) -> list[dict]:
    """Every field our extractor got wrong, page by page."""
    found = []
    for case, answer in zip(cases, runs["ours"].answers):
        for miss in misses(case.gold, answer, MISS_F1):
            found.append({"page": case.gold.name, "corpus": case.gold.corpus, **miss})
    return found


# --- rendering ----------------------------------------------------------------------------


def cell(summary: Summary, figure: str | None) -> str:
    """One table cell: a rate in percent, an F1, a count, or a dash for unanswered fields."""
    if figure in ("f1_mean", "f1_min"):
        value = getattr(summary, figure)
        return NOT_ANSWERED if value is None else f"{value:.3f}"
    if figure == "leaks":
        return NOT_ANSWERED if summary.leaks is None else str(summary.leaks)
    rate = summary.rate(figure)
    return NOT_ANSWERED if rate is None else f"{100 * rate:.1f}"


def table_cells(rows: list[tuple[str, str, Summary]]) -> list[list[str]]:
    """Header plus one line of cells per (group, engine)."""
    lines = [[header for header, _ in COLUMNS]]
    for group, engine, summary in rows:
        lines.append([group, engine, str(summary.pages)] + [cell(summary, fig) for _, fig in COLUMNS[3:]])
    return lines


def format_table(rows: list[tuple[str, str, Summary]], markdown: bool = False) -> str:
    """The summary table as aligned plain text, or as a Markdown pipe table."""
    lines = table_cells(rows)
    if markdown:
        rule = ["---"] * 2 + ["--:"] * (len(COLUMNS) - 2)
        return "\n".join("| " + " | ".join(line) + " |" for line in [lines[0], rule, *lines[1:]])
    widths = [max(len(line[i]) for line in lines) for i in range(len(COLUMNS))]
    return "\n".join(
        "  ".join(c.ljust(w) if i < 2 else c.rjust(w) for i, (c, w) in enumerate(zip(line, widths)))
        for line in lines
    )


def format_misses(found: list[dict], markdown: bool = False) -> str:
    """Our misses, one line each: page, field, expected, got."""
    if not found:
        return "none"
    if markdown:
        head = ["| page | field | expected | got |", "|---|---|---|---|"]
        body = [f"| {m['page']} | {m['field']} | {_short(m['expected'])} | {_short(m['got'])} |"
                for m in found]
        return "\n".join(head + body)
    return "\n".join(f"{m['page']}: {m['field']}: expected {_short(m['expected'])}, got {_short(m['got'])}"
                     for m in found)


def _short(value, limit: int = SHORT_CHARS) -> str:
    """A value as one short line for the tables (pipes escaped)."""
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else f'"{value}"'
    text = text.replace("|", "\\|")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def format_targets(rows: list[tuple[str, str, Summary]]) -> list[str]:
    """The issue's targets on all pages, one line each: figure, bar, met or not."""
    targets = check_targets(*overall(rows))
    return [
        f"{t.name}: {_figure(t.value)} vs {_figure(t.bar)}: {'met' if t.met else 'NOT met'}" for t in targets
    ]


def _figure(value: float | None) -> str:
    """A rate or F1 for the target lines."""
    return NOT_ANSWERED if value is None else f"{value:.3f}"


def format_timings(runs: dict[str, EngineRun], pages: int) -> list[str]:
    """Each engine's time: total seconds and milliseconds per page."""
    return [f"{name}: {run.seconds:.1f} s, {1000 * run.seconds / max(pages, 1):.0f} ms/page"
            for name, run in runs.items()]


def environment() -> dict:
    """Machine, Python, package versions, commit and date of this run."""
    versions = {}
    for package in VERSIONED_PACKAGES:
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            versions[package] = None
    return {
        "date": datetime.now(timezone.utc).date().isoformat(),
        "machine": f"{host_platform.platform()}, {cpu_name()}",
        "python": host_platform.python_version(),
        "packages": versions,
        "commit": git_commit(),
    }


def cpu_name() -> str:
    """The CPU model from /proc/cpuinfo, else what the platform module knows."""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        for line in cpuinfo.read_text(errors="replace").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return host_platform.processor() or host_platform.machine()


def git_commit() -> str | None:
    """The checkout's short commit hash (with "+changes" when the tree is dirty), or None."""
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                                text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                               capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None
    return commit + ("+changes" if dirty else "")


METHOD = """\
**Pages.** `tests/gold/*/*.json` articles (shell pages are not scored), the fixture web's
articles (`tests.fixture_web.ARTICLES`, bodies from `build_fixture_web()`, fetched
{fixture_fetched_at}) and `../shared/seed_pages/NNN.json` when present (fetched
{seed_fetched_at}). Every page is decoded with `crawler.text.decode_html` and the same string is
given to every engine. The fixture web is written in the markup our page objects were built for,
so its rows (and its weight in "all") measure consistency more than generality: the gold and seed
rows are the harder test.

**Engines.**
- *ours*: `detect_platform(url, html)` (no hint), then `extract_article(url, html, fetched_at,
  listing_date=...)` with the gold's fetch time and listing date. A date our extractor took from
  the listing (`published_source == "listing"`) counts as no answer: the gold's `published` is
  the page's own date, and the other engines never see listing dates.
- *trafilatura* (defaults): text from `trafilatura.extract(html, url=url)`; title, author and
  date from `trafilatura.extract_metadata(html, default_url=url)` (htmldate inside, with
  `original_date=True`, extensive search, `max_date` today). It gives no source.
- *htmldate* (defaults): `htmldate.find_date(html, url=url)`: extensive search,
  `original_date=False`, output `%Y-%m-%d`.
- *htmldate-fast*: the same with `extensive_search=False`.

**Metrics** (`crawler/evaluation.py`). platform: detection equals the gold's platform (ours
only). title, author (person part), source: exact string equality. date exact: the archive
string (`YYYY-MM-DDTHH:MM:SS+07:00` or `YYYY-MM-DD`) equals the gold's; date day: the
YYYY-MM-DD parts are equal (dates-only engines are scored at both granularities, so their
"exact" is right only where the gold has no time). A null answer is right where the gold is
null, for every field. captions, documents: the whole list equals the gold's, item by item
after `normalize` (ours only; where the gold lists them). F1: bag-of-tokens F1 of the text
against the gold paragraphs, after `normalize` (html.unescape, NFC, whitespace runs to one
space). leaks: boilerplate strings of the gold's `not_in_text` found in the text (the fixture
web's truth has none, so it adds no leaks). A dash means the engine does not answer that field.
"""

REPRODUCE = """\
```
make eval                                   # = .venv/bin/python scripts/evaluate.py --write docs/quality.md
.venv/bin/python scripts/evaluate.py --json /tmp/quality.json   # figures, per page, as JSON
.venv/bin/python scripts/evaluate.py --corpus gold --gold-dir tests/gold   # one corpus
```
The seed corpus is read from `../shared/seed_pages` (`--seed-dir`) and skipped when absent.
Nothing touches the network.
"""


@dataclass
class Evaluation:
    """Everything one run measured: the cases, each engine's answers, the summary rows, our misses."""

    cases: list[Case]
    runs: dict[str, EngineRun]
    rows: list[tuple[str, str, Summary]]
    misses: list[dict]
    corpora: dict[str, int]
    notes: list[str]
    environment: dict


def evaluate(args: argparse.Namespace) -> Evaluation:
    """Load the chosen corpora, run every engine on them and score the answers."""
    cases, notes = load_cases(args)
    runs = run_engines(cases)
    notes += [error for run in runs.values() for error in run.errors]
    corpora = {c: sum(case.gold.corpus == c for case in cases) for c in CORPORA if c in args.corpus}
    return Evaluation(cases, runs, summary_rows(cases, runs), our_misses(cases, runs), corpora, notes,
                      environment())


def print_summary(ev: Evaluation) -> None:
    """The table, targets, misses and timings on stdout."""
    for note in ev.notes:
        print(note)
    print(format_table(ev.rows) + "\n(rates in % of pages; – = the engine does not answer this field)")
    print("\nTargets (all pages, ours):\n" + "\n".join(format_targets(ev.rows)))
    print(f"\nOur misses ({len(ev.misses)}):\n" + format_misses(ev.misses))
    print("\nTimings:\n" + "\n".join(format_timings(ev.runs, len(ev.cases))))


def render_report(ev: Evaluation) -> str:
    """The Markdown quality report: method, table, targets, misses, timings, machine, how to rerun."""
    env = ev.environment
    corpora = ", ".join(f"{name} {count}" for name, count in ev.corpora.items())
    packages = ", ".join(f"{name} {version}" for name, version in env["packages"].items())
    method = METHOD.format(fixture_fetched_at=FIXTURE_FETCHED_AT, seed_fetched_at=SEED_FETCHED_AT)
    notes = "".join(f" {note}." for note in ev.notes)
    parts = [
        "# Extraction quality",
        f"Generated by `scripts/evaluate.py` on {env['date']} at commit `{env['commit']}`; do not edit "
        "by hand, run `make eval`. The report is informational; thresholds are enforced by the tests.",
        "## What is scored", method, f"Pages scored: {len(ev.cases)} ({corpora}).{notes}",
        "## Results", "Rates are the percentage of pages answered right; a dash means the engine "
        "does not answer that field.", format_table(ev.rows, markdown=True),
        "## Targets (all pages, ours)", "\n".join(f"- {line}" for line in format_targets(ev.rows)),
        "## Our misses", f"Every field our extractor got wrong (text: F1 below {MISS_F1}).",
        format_misses(ev.misses, markdown=True),
        "## Timings", "\n".join(f"- {line}" for line in format_timings(ev.runs, len(ev.cases))),
        "## Machine and versions",
        f"- date: {env['date']}\n- machine: {env['machine']}\n- Python {env['python']}\n- {packages}",
        "## Reproduce", REPRODUCE,
    ]
    return "\n\n".join(parts).rstrip() + "\n"


def figures(ev: Evaluation) -> dict:
    """The run as JSON-ready data: environment, rows, targets, misses, per-page answers, timings."""
    return {
        "environment": ev.environment, "corpora": ev.corpora, "notes": ev.notes,
        "rows": [{"group": g, "engine": e, **s.as_dict()} for g, e, s in ev.rows],
        "targets": [asdict(t) for t in check_targets(*overall(ev.rows))],
        "misses": ev.misses, "pages": page_records(ev.cases, ev.runs),
        "seconds": {name: run.seconds for name, run in ev.runs.items()},
    }


def overall(rows: list[tuple[str, str, Summary]]) -> tuple[Summary, Summary, Summary]:
    """The all-pages summaries of ours, trafilatura and htmldate."""
    by_engine = {engine: summary for group, engine, summary in rows if group == ALL_GROUP}
    return by_engine["ours"], by_engine["trafilatura"], by_engine["htmldate"]


def page_records(cases: list[Case], runs: dict[str, EngineRun]) -> list[dict]:
    """Per page: corpus, platform, and each engine's scores and short answers (no text)."""
    records = []
    for i, case in enumerate(cases):
        engines = {}
        for name, run in runs.items():
            answer = {k: v for k, v in run.answers[i].items() if k not in ("text", "captions")}
            engines[name] = {"answer": answer, "scores": score_page(case.gold, run.answers[i])}
        records.append({"page": case.gold.name, "corpus": case.gold.corpus,
                        "platform": case.gold.platform, "engines": engines})
    return records


def load_cases(args: argparse.Namespace) -> tuple[list[Case], list[str]]:
    """The cases of the chosen corpora, and notes on what was skipped."""
    cases, notes = [], []
    if "gold" in args.corpus:
        gold, shells = gold_cases(args.gold_dir)
        cases += gold
        notes += [f"{shells} gold shell pages (not articles) skipped"] if shells else []
    if "fixture" in args.corpus:
        cases += fixture_cases()
    if "seed" in args.corpus:
        cases += seed_cases(args.seed_dir)
        notes += [] if args.seed_dir.is_dir() else [f"seed pages not found at {args.seed_dir}: skipped"]
    return cases, notes


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--write", type=Path, metavar="PATH", help="write the Markdown report here")
    parser.add_argument("--json", type=Path, metavar="PATH", help="write the figures as JSON here")
    parser.add_argument("--gold-dir", type=Path, default=GOLD_DIR, help="gold pages (<platform>/<name>.json)")
    parser.add_argument("--seed-dir", type=Path, default=SEED_DIR, help="seed pages (NNN.json), if present")
    parser.add_argument("--corpus", action="append", choices=CORPORA,
                        help="score only this corpus (repeatable; default: all)")
    args = parser.parse_args(argv)
    args.corpus = args.corpus or list(CORPORA)
    return args


def main(argv: list[str] | None = None) -> int:
    """Score the chosen corpora, print the summary, write the report and JSON if asked; always 0."""
    args = parse_args(argv)
    ev = evaluate(args)
    print_summary(ev)
    if args.write:
        args.write.write_text(render_report(ev), encoding="utf-8")
    if args.json:
        args.json.write_text(json.dumps(figures(ev), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
