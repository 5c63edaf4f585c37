"""Synthetic archives of 10k-1M articles for the dedup and search benchmarks.

    python -m bench.synthetic SIZE [--workers N]     # build (or find) WORKDIR/archive-SIZE-vN.db

The archive has the real schema (``archive.open_archive``), rows written by bulk SQL and
signatures and band keys computed with the real ``crawler.dedup`` functions in a process pool.
Rows look like what researchers query:

- sites: district, provincial, central, broadcaster and newspaper portals, with the real 63
  provinces before 1 July 2025 and their province after (``crawler.admin_units``);
- articles at the fixture web's level shares, published over 2015-2025 (month and year set),
  titles in the portals' style that name the recurring report types at the fixture rates
  (``crawler.report_types`` decides), document numbers such as 23-QĐ/TW cited in about one text
  in six (``documents`` column and table, read by ``crawler.documents``);
- texts chained from the project's labelled dedup texts (tests/dedup_pairs), so word frequencies
  follow Vietnamese report prose: "dân vận" or "Đảng" match a large share of rows;
- 15 % of rows are republished copies (lede mark, credit line, old tone placement) clustered
  with their original, as the crawler would.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import hashlib
import importlib.util
import json
import random
import sys
import time
from multiprocessing import Pool
from pathlib import Path

import numpy as np

from bench.common import ROOT, WORKDIR, peak_mb
from crawler import admin_units, archive, dedup
from crawler.documents import cite_documents
from crawler.report_types import report_type
from crawler.text import fold

BUILD_VERSION = 2
"""Bump when the synthetic archive changes: cached files of another version are rebuilt."""
COPY_RATE = 0.15
"""Share of archived articles that are edited copies of an earlier archived text."""
JUMP_RATE = 0.3
"""Probability that the text generator leaves the syllable chain for a random syllable."""
PARAGRAPHS = (5, 8)
SYLLABLES = (18, 30)
"""Per text and per paragraph: about 155 syllables (the fixture web's texts: 158-328)."""
NEW_SEED = 10**9
"""Text ids from here on are never archived: the "new report" half of the measured articles."""
FIRST_DAY, DAYS = dt.date(2015, 1, 1), 3800
"""Publication dates span 2015-01 to 2025-05 (about 10.4 years)."""
CHUNK = 20_000
LEVEL_SHARES = {"district": 0.34, "provincial": 0.17, "central": 0.16, "broadcaster": 0.17, "newspaper": 0.16}
"""Share of articles per portal level, as in the fixture web (38, 19, 19, 19, 19 of 114)."""
SITES_PER_LEVEL = {"district": 240, "provincial": 63, "central": 6, "broadcaster": 40, "newspaper": 40}
REPORT_TITLES = (
    (0.105, "{unit} ra mắt mô hình “Dân vận khéo” {topic}"),
    (0.079, "{unit} giao ban công tác dân vận quý {quarter} năm {year}"),
    (0.015, "{unit} sơ kết công tác dân vận 6 tháng đầu năm {year}"),
    (0.009, "{unit} tổng kết công tác dân vận năm {year}"),
)
"""(share, title) of the recurring reports; fixture web: 12, 9, 0 and 1 of 114 (a six-month review added)."""
UNITS = ("Ban Dân vận Tỉnh ủy", "Ban Dân vận Huyện ủy", "Khối Dân vận huyện", "Ủy ban MTTQ Việt Nam tỉnh",
         "Đảng ủy xã", "Ban Tuyên giáo và Dân vận Tỉnh ủy")
TOPICS = ("vận động hiến đất làm đường", "xây dựng nông thôn mới", "giảm nghèo bền vững",
          "bảo vệ rừng đầu nguồn", "giữ gìn an ninh trật tự", "chuyển đổi số ở cơ sở")
DOCUMENT_RATE = 0.17
"""Share of texts citing Party or State documents (fixture web: 19 of 114)."""
DOCUMENTS = ("23-QĐ/TW", "290-QĐ/TW", "99-QĐ/TW", "25-NQ/TW", "114-KL/TW", "217-QĐ/TW", "218-QĐ/TW",
             "16-CT/TW", "120-KH/TU", "86-KH/TU", "135-KH/HU", "10/2022/QH15", "149/2018/NĐ-CP")
DOCUMENT_WEIGHTS = (8, 5, 4, 4, 3, 3, 3, 2, 1, 1, 1, 3, 1)
"""A few documents (the 1991 and 2016 Quy định on Dân vận work) are cited far more than others."""
CITATIONS = ("Thực hiện Quy định số {number} về công tác dân vận", "Theo tinh thần {number}",
             "Quán triệt {number} của cấp ủy")


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
    """A deterministic report-like text: paragraphs of syllables from the corpus chain.

    Syllables follow the corpus' own successions (so stock phrases recur between texts, as in real
    reports, and words keep their corpus frequency) with a random jump now and then (so two texts
    share few 3-syllable shingles). About one text in six cites a document number.
    """
    rng = random.Random(text_id)
    paragraphs = []
    for _ in range(rng.randint(*PARAGRAPHS)):
        word = rng.choice(_WORDS)  # start where the corpus would: frequent words more often
        words = [word]
        for _ in range(rng.randint(*SYLLABLES) - 1):
            successors = _NEXT.get(word)
            word = rng.choice(successors) if successors and rng.random() > JUMP_RATE else rng.choice(VOCABULARY)
            words.append(word)
        sentence = " ".join(words)
        paragraphs.append(sentence[:1].upper() + sentence[1:] + ".")
    if rng.random() < DOCUMENT_RATE:
        numbers = rng.choices(DOCUMENTS, DOCUMENT_WEIGHTS, k=rng.randint(1, 2))
        for number in dict.fromkeys(numbers):
            spot = rng.randrange(len(paragraphs))
            paragraphs[spot] = f"{rng.choice(CITATIONS).format(number=number)}. {paragraphs[spot]}"
    return "\n\n".join(paragraphs)


def synthetic_title(text_id: int, text: str, year: int) -> str:
    """A title in the portals' style: a recurring report type at its fixture rate, else the lede."""
    rng = random.Random(-text_id)
    draw = rng.random()
    for share, template in REPORT_TITLES:
        if draw < share:
            return template.format(unit=rng.choice(UNITS), topic=rng.choice(TOPICS),
                                   quarter=rng.choice(("I", "II", "III", "IV")), year=year)
        draw -= share
    return " ".join(text.split()[:9]).rstrip(".")


def republished(text: str, copy_id: int) -> str:
    """The text as another portal republishes it: lede mark, credit line, old tone placement."""
    rng = random.Random(-copy_id - 1)
    text = PAIRS.lede(text, rng.choice(PAIRS.MARKS))
    if rng.random() < 0.5:
        text = PAIRS.old_tones(text)
    return PAIRS.credit(text, rng.choice(PAIRS.CREDITS))


def published_on(rowid: int, size: int) -> str:
    """Rows are archived roughly in publication order, spread over ``DAYS``, with a time of day."""
    day = FIRST_DAY + dt.timedelta(days=rowid * DAYS // (size + 1))
    return f"{day.isoformat()}T{7 + rowid % 11:02d}:{rowid * 7 % 60:02d}:00+07:00"


# --- Sites ---------------------------------------------------------------------------------------

@functools.lru_cache(maxsize=1)
def sites() -> list[dict]:
    """The synthetic registry: id, level, provinces before/after 2025, grouped by level in LEVEL_SHARES order."""
    rows = []
    for level, count in SITES_PER_LEVEL.items():
        for k in range(count):
            before = admin_units.PROVINCES_BEFORE[k % len(admin_units.PROVINCES_BEFORE)]
            has_province = level != "central"  # central portals belong to no province
            rows.append({
                "id": f"{level[:4]}{k:03d}", "name": f"Cổng {level} {k}", "level": level,
                "province_before": before if has_province else None,
                "province_after": admin_units.province_after(before) if has_province else None,
                "base_url": f"https://{level[:4]}{k:03d}.example.vn/",
            })
    return rows


def site_plan(size: int, seed: int = 11) -> np.ndarray:
    """site_index[rowid] for rowids 1..size: a level drawn at the fixture shares, then a site within it."""
    rng = np.random.default_rng(seed)
    levels = rng.choice(len(LEVEL_SHARES), size=size + 1, p=list(LEVEL_SHARES.values()))
    counts = np.array(list(SITES_PER_LEVEL.values()))
    first = np.concatenate(([0], np.cumsum(counts)[:-1]))
    return first[levels] + (rng.random(size + 1) * counts[levels]).astype(np.int64)


def url_of(site: dict, rowid: int) -> str:
    return f"{site['base_url']}dan-van/bai-{rowid:08d}.html"


# --- Build ---------------------------------------------------------------------------------------

def plan(size: int, seed: int = 7) -> np.ndarray:
    """base[i]: the row (0-based) whose text row i copies; i itself for an original text."""
    rng = np.random.default_rng(seed)
    base = np.arange(size)
    copies = np.flatnonzero(rng.random(size) < COPY_RATE)
    copies = copies[copies > 0]
    base[copies] = (rng.random(copies.size) * copies).astype(np.int64)  # an earlier row
    for _ in range(64):  # a copy of a copy is a copy of its original
        nxt = base[base]
        if np.array_equal(nxt, base):
            break
        base = nxt
    return base


def _row_material(args: tuple[int, int, int]) -> tuple:
    """Worker: everything of one row that costs CPU (texts, folds, hashes, signature, documents)."""
    rowid, base_rowid, size = args
    published = published_on(rowid, size)
    text = synthetic_text(base_rowid)
    title = synthetic_title(base_rowid, text, int(published_on(base_rowid, size)[:4]))
    sig_bytes = digests = None
    if rowid == base_rowid:
        sig = dedup.signature(text)
        sig_bytes = dedup.signature_bytes(sig)
        digests = [int(key.split(":", 1)[1], 16) for key in dedup.band_keys(sig)]
    else:
        text = republished(text, rowid)
    folded = fold(text)
    citations = [(c.number, c.kind, c.serial, c.doc_type, c.type_name, c.issuer, c.issuer_name, c.year, c.date)
                 for c in cite_documents(text)] if "/" in text else []
    return (published, title, text, fold(title), folded, int(archive.is_about_danvan(title, text)),
            hashlib.sha256(folded.encode("utf-8")).hexdigest(), report_type(title), citations, sig_bytes, digests)


def _band_order() -> list[int]:
    """Bands in the order of their key prefix "i:", so each band's rows append to the B-tree."""
    return sorted(range(dedup.BANDS), key=lambda band: f"{band}:")


ARTICLE_SQL = (
    "insert into articles (rowid, url, site, platform, title, published, published_source, year, month, text, "
    "word_count, content_hash, captions, documents, level, province_before, province_after, about_danvan, "
    "report_type, fetched_at, first_seen, last_seen, crawl_run, cluster) values "
    "(?, ?, ?, 'generic', ?, ?, 'selector', ?, ?, ?, ?, ?, '[]', ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)"
)
FTS_SQL = f"insert into articles_fts (rowid, {', '.join(archive.FTS_COLUMNS)}) values (?, ?, ?, ?, ?)"
DOCUMENT_SQL = ("insert into documents (article, number, position, kind, serial, doc_type, type_name, issuer, "
                "issuer_name, year, date) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")


def _write_sites(conn) -> None:
    conn.executemany(
        "insert into sites (id, name, level, province_before, province_after, district, platform, base_url, "
        "aliases, start_urls, status) values (:id, :name, :level, :province_before, :province_after, null, "
        "'generic', :base_url, '[]', '[]', 'live')", sites(),
    )


def build(path: Path, size: int, workers: int = 2) -> dict:
    """Write a synthetic archive of ``size`` articles to ``path``; returns build timings."""
    started = time.perf_counter()
    tmp = path.with_suffix(".building")
    for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        leftover.unlink(missing_ok=True)
    db = archive.open_archive(tmp)
    for pragma in ("journal_mode = OFF", "synchronous = OFF", "foreign_keys = OFF", "cache_size = -262144"):
        db.execute(f"PRAGMA {pragma}")  # one bulk transaction; WAL again before use
    conn = db.conn
    base = plan(size) + 1  # rowids are 1-based
    rowids = np.arange(1, size + 1)
    copies = np.bincount(base, minlength=size + 1)
    digests = np.zeros((size + 1, dedup.BANDS), dtype=np.uint64)
    conn.execute("begin")
    conn.execute("insert into crawl_runs (id, started, command, exit_status) values (1, '2024-01-01T00:00:00Z', 'bench', 0)")
    _write_sites(conn)
    site_index, registry = site_plan(size), sites()
    originals = np.flatnonzero(base == rowids) + 1
    conn.executemany("insert into clusters (id, original, copies) values (?, ?, ?)",
                     ((int(r), url_of(registry[site_index[r]], int(r)), int(copies[r])) for r in originals))
    jobs = ((int(r), int(b), size) for r, b in zip(rowids, base))
    articles, fts, sigs, docs = [], [], [], []

    def flush() -> None:
        conn.executemany(ARTICLE_SQL, articles)
        conn.executemany(FTS_SQL, fts)
        conn.executemany("insert into dedup_signatures (article, minhash) values (?, ?)", sigs)
        conn.executemany(DOCUMENT_SQL, docs)
        for batch in (articles, fts, sigs, docs):
            batch.clear()

    with Pool(workers) as pool:
        for rowid, material in enumerate(pool.imap(_row_material, jobs, chunksize=500), start=1):
            published, title, text, title_folded, folded, about, chash, kind, cites, sig_bytes, band_digests = material
            site = registry[site_index[rowid]]
            url = url_of(site, rowid)
            stamp = published[:10] + "T00:00:00Z"
            numbers = [c[0] for c in cites]
            articles.append((rowid, url, site["id"], title, published, int(published[:4]), published[:7], text,
                             len(text.split()), chash, json.dumps(numbers, ensure_ascii=False), site["level"],
                             site["province_before"], site["province_after"], about, kind, stamp, stamp, stamp,
                             int(base[rowid - 1])))
            fts.append((rowid, title, text, title_folded, folded))
            docs += [(url, c[0], position, *c[1:]) for position, c in enumerate(cites, start=1)]
            if sig_bytes is not None:
                sigs.append((rowid, sig_bytes))
                digests[rowid] = band_digests
            if len(articles) >= CHUNK:
                flush()
        flush()
    rows_done = time.perf_counter()
    _copy_signatures(conn, base, rowids, digests)
    _write_bands(conn, digests, size)
    conn.execute("commit")
    bands_done = time.perf_counter()
    db.execute("PRAGMA foreign_keys = ON")
    problems = list(db.query("PRAGMA foreign_key_check"))
    if problems:
        raise RuntimeError(f"synthetic archive breaks foreign keys: {problems[:3]}")
    db.execute("PRAGMA journal_mode = WAL")
    db.conn.close()
    tmp.rename(path)
    return {
        "rows_s": round(rows_done - started, 1),
        "bands_s": round(bands_done - rows_done, 1),
        "total_s": round(time.perf_counter() - started, 1),
        "file_mb": round(path.stat().st_size / 2**20),
        "build_peak_mb": peak_mb(),
    }


def _copy_signatures(conn, base: np.ndarray, rowids: np.ndarray, digests: np.ndarray) -> None:
    """Copies share their original's signature (lede mark, credit line and tone placement are
    normalized away; checked in check_copies)."""
    copy_rows = np.flatnonzero(base != rowids) + 1
    digests[copy_rows] = digests[base[copy_rows - 1]]
    conn.execute("create temp table copy_of (article integer primary key, base integer)")
    conn.executemany("insert into copy_of values (?, ?)", ((int(r), int(base[r - 1])) for r in copy_rows))
    conn.execute("insert into dedup_signatures (article, minhash) select copy_of.article, dedup_signatures.minhash "
                 "from copy_of join dedup_signatures on dedup_signatures.article = copy_of.base")


def _write_bands(conn, digests: np.ndarray, size: int) -> None:
    conn.execute("drop index dedup_bands_article")
    ids = np.arange(1, size + 1)
    for band in _band_order():
        column = digests[1:, band]
        order = np.lexsort((ids, column))
        conn.executemany("insert into dedup_bands (band_key, article) values (?, ?)",
                         zip((f"{band}:{int(d):016x}" for d in column[order]), ids[order].tolist()))
    conn.execute("create index dedup_bands_article on dedup_bands (article)")


def check_copies(samples: int = 20) -> None:
    """The copies' edits do not change the signature (so the build may reuse the original's)."""
    for text_id in range(1, samples + 1):
        text = synthetic_text(text_id)
        if dedup.signature(republished(text, text_id + 7)) != dedup.signature(text):
            raise AssertionError(f"republished text {text_id} has another signature")


def archive_path(size: int, workdir: Path = WORKDIR) -> Path:
    return workdir / f"archive-{size}-v{BUILD_VERSION}.db"


def _like_a_crawled_archive(path: Path) -> None:
    """Bring a cached archive to the current schema, without the planner statistics no crawl makes.

    Builds before this change ran ANALYZE; with its statistics SQLite answered a filtered facet
    by walking the facet column's index and reading every row (2.5 s at 1M articles).
    """
    db = archive.open_archive(path)
    db.execute("DROP TABLE IF EXISTS sqlite_stat1")
    db.close()


def ensure(size: int, workdir: Path = WORKDIR, workers: int = 2) -> tuple[Path, dict]:
    """The cached archive of ``size`` articles, built first if missing; (path, build timings or {"cached": True})."""
    path = archive_path(size, workdir)
    if path.exists():
        _like_a_crawled_archive(path)
        return path, {"cached": True}
    workdir.mkdir(parents=True, exist_ok=True)
    check_copies()
    print(f"building {size:,} articles -> {path}", file=sys.stderr, flush=True)
    timings = build(path, size, workers)
    print(f"  built in {timings['total_s']} s {timings}", file=sys.stderr, flush=True)
    return path, timings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.synthetic", description=__doc__.split("\n\n")[0])
    parser.add_argument("size", type=int)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--workdir", type=Path, default=WORKDIR)
    args = parser.parse_args(argv)
    path, timings = ensure(args.size, args.workdir, args.workers)
    print(json.dumps({"path": str(path), **timings}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
