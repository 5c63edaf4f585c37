"""The archive: schema (sqlite-utils migrations), article saves, run records and Vietnamese search.

This is the only module that talks SQL. Full-text search uses a contentless FTS5 table,
``articles_fts``, whose rowid is ``articles.rowid``: it indexes ``title`` and ``text`` as stored
and their ``fold()`` keys, so a query finds Vietnamese text with or without diacritics (FTS5's
``remove_diacritics`` leaves đ alone; the folded copy turns it into d). The index is kept in step
by this module, inside the same transaction as the row it describes.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit
from weakref import WeakKeyDictionary

import sqlite_utils
from sqlite_utils.migrations import Migrations

from crawler import dedup, vi_search
from crawler.items import Article, FetchFailure
from crawler.registry import Site
from crawler.report_types import report_type
from crawler.text import fold
from crawler.text_keys import TextKeys, text_keys

migrations = Migrations("danvan")

RUN_COUNTS = (
    "requests", "articles_new", "articles_updated", "articles_unchanged", "errors", "pages_skipped",
    "pages_ok", "articles_duplicate", "pages_gone", "not_modified", "listing_errors", "pages_failed",
)
COUNTS_BY_OUTCOME = {
    "new": ("articles_new",),
    "duplicate": ("articles_new", "articles_duplicate"),
    "updated": ("articles_updated",),
    "unchanged": ("articles_unchanged",),
}
"""The per-site run counters each ``save_article`` outcome adds to (a duplicate is a new row too)."""
SITE_COPIES = ("level", "province_before", "province_after")
FTS_COLUMNS = ("title", "text", "title_folded", "text_folded")
# Columns a re-crawl may change; the rest record when and by which run a row was seen.
CONTENT_COLUMNS = (
    "site", "platform", "title", "published", "published_source", "year", "author", "author_org",
    "source", "text", "word_count", "content_hash", "captions", "documents", *SITE_COPIES,
    "about_danvan", "date_candidates", "lede_mark", "month", "report_type",
)
VERSION_COLUMNS = (
    "title", "published", "author", "author_org", "source", "text", "content_hash", "fetched_at", "capture",
)
"""What ``article_versions`` keeps of an article's earlier content."""
# "dân vận" folded, as whole words; "nhân dân vận động/dụng" ("the people mobilise/apply") is not it.
_DANVAN = re.compile(r"(?<!\bnhan\s)\bdan\s+van\b")
_YEAR = re.compile(r"^(\d{4})-\d{2}-\d{2}")
_ESCAPE_FTS = re.compile(r'\s+|(".*?")')
KNOWN_URLS_CHUNK = 300  # three lookups of this many URLs stay under SQLite's 999-variable floor
MAX_CANDIDATES = 50
"""LSH candidates verified per new article: bounds the cost when a stock phrase floods a band."""


@migrations()
def create_sites(db: sqlite_utils.Database) -> None:
    """The site registry, as last loaded."""
    db["sites"].create(
        {
            "id": str, "name": str, "level": str, "province_before": str, "province_after": str,
            "district": str, "platform": str, "base_url": str, "aliases": str, "start_urls": str,
            "status": str,
        },
        pk="id",
        not_null={"name", "level", "platform", "base_url", "aliases", "start_urls", "status"},
    )


@migrations()
def create_crawl_runs(db: sqlite_utils.Database) -> None:
    """One row per crawl run, and its per-site counts."""
    db["crawl_runs"].create(
        {"id": int, "started": str, "ended": str, "command": str, "exit_status": int},
        pk="id",
        not_null={"started", "command"},
    )
    # A migration is frozen history: it names its columns, never the growing RUN_COUNTS.
    counts = ("requests", "articles_new", "articles_updated", "articles_unchanged", "errors")
    db["crawl_run_sites"].create(
        {"run": int, "site": str, **{name: int for name in counts}},
        pk=("run", "site"),
        foreign_keys=[("run", "crawl_runs", "id"), ("site", "sites", "id")],
        not_null=set(counts),
        defaults={name: 0 for name in counts},
    )


@migrations()
def create_articles(db: sqlite_utils.Database) -> None:
    """Articles keyed by canonical URL, with indexes for Datasette's facets and sorts."""
    db["articles"].create(
        {
            "url": str, "site": str, "platform": str, "title": str, "published": str,
            "published_source": str, "year": int, "author": str, "author_org": str, "source": str,
            "text": str, "word_count": int, "content_hash": str, "captions": str, "documents": str,
            "level": str, "province_before": str, "province_after": str, "about_danvan": int,
            "fetched_at": str, "first_seen": str, "last_seen": str, "crawl_run": int,
        },
        pk="url",
        foreign_keys=[("site", "sites", "id"), ("crawl_run", "crawl_runs", "id")],
        not_null={"platform", "text", "word_count", "content_hash", "captions", "documents",
                  "about_danvan", "first_seen", "last_seen", "crawl_run"},
    )
    for column in ("site", "crawl_run", "published", "year", "level", "province_before", "about_danvan"):
        db["articles"].create_index([column])
    db["crawl_run_sites"].create_index(["site"])


@migrations()
def create_articles_fts(db: sqlite_utils.Database) -> None:
    """Contentless FTS5 index over stored and folded title/text (sqlite-utils cannot make one)."""
    db.execute(
        "CREATE VIRTUAL TABLE articles_fts USING fts5("
        f"{', '.join(FTS_COLUMNS)}, content='', tokenize='unicode61 remove_diacritics 2')"
    )


@migrations()
def add_date_provenance(db: sqlite_utils.Database) -> None:
    """Every date candidate an article showed, and the outlet mark opening its text."""
    db["articles"].add_column("date_candidates", str, not_null_default="[]")
    db["articles"].add_column("lede_mark", str)


@migrations()
def create_documents(db: sqlite_utils.Database) -> None:
    """The Party and State documents each article cites, one row per article and number."""
    db["documents"].create(
        {
            "article": str, "number": str, "position": int, "kind": str, "serial": int,
            "doc_type": str, "type_name": str, "issuer": str, "issuer_name": str, "year": int,
            "date": str,
        },
        pk=("article", "number"),
        foreign_keys=[("article", "articles", "url")],
        not_null={"position", "kind", "serial", "issuer"},
    )
    for column in ("number", "doc_type", "issuer", "year"):
        db["documents"].create_index([column])


@migrations()
def create_skipped_pages(db: sqlite_utils.Database) -> None:
    """Pages fetched from a Dân vận section that are not articles (shells, error pages)."""
    db["skipped_pages"].create(
        {
            "url": str, "site": str, "reason": str, "status": int, "fetched_at": str,
            "first_seen": str, "last_seen": str, "crawl_run": int,
        },
        pk="url",
        foreign_keys=[("site", "sites", "id"), ("crawl_run", "crawl_runs", "id")],
        not_null={"reason", "first_seen", "last_seen", "crawl_run"},
    )
    db["skipped_pages"].create_index(["reason"])


@migrations()
def add_run_pages_skipped(db: sqlite_utils.Database) -> None:
    """Per-site count of fetched pages that were not articles."""
    db["crawl_run_sites"].add_column("pages_skipped", int, not_null_default=0)


@migrations()
def create_clusters(db: sqlite_utils.Database) -> None:
    """Republished copies of one report linked into a cluster, with MinHash LSH bands to find them."""
    db["clusters"].create(
        {"id": int, "original": str, "copies": int}, pk="id", not_null={"copies"},
    )
    db["articles"].add_column("cluster", int, fk="clusters", fk_col="id")
    db["articles"].create_index(["cluster"])
    db["dedup_signatures"].create({"article": int, "minhash": bytes}, pk="article", not_null={"minhash"})
    db["articles"].create_index(["content_hash"])
    # One row per article and band: a new article's candidates are one indexed lookup per band.
    db.execute(
        "create table dedup_bands (band_key text not null, article integer not null, "
        "primary key (band_key, article)) without rowid"
    )
    db.execute("create index dedup_bands_article on dedup_bands (article)")
    db.execute(REPORTS_VIEW)


REPORTS_VIEW = """
create view reports as
select clusters.id as cluster, articles.title, articles.published, articles.site as original_site,
       clusters.original, clusters.copies, articles.level, articles.province_before,
       articles.province_after, articles.year, articles.about_danvan
from clusters join articles on articles.url = clusters.original
"""


@migrations()
def add_site_failures(db: sqlite_utils.Database) -> None:
    """Whether each site's run failed and why, and each site's last successful run."""
    db["crawl_run_sites"].add_column("pages_ok", int, not_null_default=0)
    db["crawl_run_sites"].add_column("failure", str)
    db["sites"].add_column("last_success_run", int)


@migrations()
def create_captures(db: sqlite_utils.Database) -> None:
    """Where each fetched article's raw response lives in the WARC files."""
    db["captures"].create(
        {"id": int, "url": str, "warc_file": str, "offset": int, "length": int, "digest": str,
         "captured_at": str, "status": int},
        pk="id", not_null={"url", "warc_file", "offset", "length", "captured_at", "status"},
    )
    db["captures"].create_index(["url"])
    db["articles"].add_column("capture", int, fk="captures", fk_col="id")


@migrations()
def add_incremental_state(db: sqlite_utils.Database) -> None:
    """What incremental runs remember: listing pages, redirects, earlier versions and gone pages."""
    db["listing_pages"].create(
        {"url": str, "site": str, "etag": str, "last_modified": str, "entries": str, "next_page": str,
         "fetched_at": str, "crawl_run": int},
        pk="url",
        foreign_keys=[("site", "sites", "id"), ("crawl_run", "crawl_runs", "id")],
        not_null={"site", "entries", "fetched_at", "crawl_run"},
    )
    db["redirects"].create(
        {"url": str, "target": str, "site": str, "first_seen": str, "last_seen": str},
        pk="url",
        foreign_keys=[("site", "sites", "id")],
        not_null={"target", "first_seen", "last_seen"},
    )
    db["article_versions"].create(
        {"id": int, "url": str, "replaced_at": str, "crawl_run": int, "title": str, "published": str,
         "author": str, "author_org": str, "source": str, "text": str, "content_hash": str,
         "fetched_at": str, "capture": int},
        pk="id",
        foreign_keys=[("url", "articles", "url"), ("crawl_run", "crawl_runs", "id"), ("capture", "captures", "id")],
        not_null={"url", "replaced_at", "crawl_run", "text", "content_hash"},
    )
    db["article_versions"].create_index(["url"])
    db["articles"].add_column("gone_since", str)
    db["articles"].add_column("gone_reason", str)
    db["articles"].create_index(["gone_since"])
    db["captures"].add_column("etag", str)
    db["captures"].add_column("last_modified", str)
    for counter in ("articles_duplicate", "pages_gone", "not_modified", "listing_errors"):
        db["crawl_run_sites"].add_column(counter, int, not_null_default=0)
    db["sites"].add_column("last_complete_walk", int)


REPORTS_VIEW_WITH_FACETS = """
create view reports as
select clusters.id as cluster, articles.title, articles.published, articles.month, articles.report_type,
       articles.site as original_site, clusters.original, clusters.copies, articles.level,
       articles.province_before, articles.province_after, articles.year, articles.about_danvan,
       articles.rowid as article_rowid
from clusters join articles on articles.url = clusters.original
"""


@migrations()
def add_research_facets(db: sqlite_utils.Database) -> None:
    """Month and recurring report type on articles and reports; the reports view becomes searchable."""
    db["articles"].add_column("month", str)
    db["articles"].add_column("report_type", str)
    for column in ("month", "report_type", "province_after", "platform"):
        db["articles"].create_index([column])
    rows = db.query("select rowid, published, title from articles")
    db.conn.executemany(
        "update articles set month = ?, report_type = ? where rowid = ?",
        [(_month(row["published"]), report_type(row["title"]), row["rowid"]) for row in rows],
    )
    db.execute("drop view reports")
    db.execute(REPORTS_VIEW_WITH_FACETS)


FACETS_BY_DATE = ("site", "level", "province_before", "province_after", "year", "report_type")
"""The articles' facet columns (Datasette's defaults and ``site``), each indexed with the publication date after it."""


@migrations()
def index_facets_by_date(db: sqlite_utils.Database) -> None:
    """Each facet column's index gains published: a page filtered on it reads its newest rows in order.

    Without it ``?level=district`` sorted every district article by date: 470 ms at 100k articles,
    2 ms with it (docs/benchmarks.md).
    """
    for column in FACETS_BY_DATE:
        db.execute(f"drop index if exists idx_articles_{column}")
        db["articles"].create_index([column, "published"], index_name=f"idx_articles_{column}_published")


@migrations()
def index_facets_together(db: sqlite_utils.Database) -> None:
    """Each facet column also leads an index holding every other facet column.

    A page filtered on facet columns then counts its facets from these narrow entries instead of
    reading each matching article (1.5 KB or more): ``?level=district&year=2023`` at 100k articles,
    169 → 11 ms of facet SQL. The unfiltered page keeps the narrower (column, published) indexes.
    """
    for column in FACETS_BY_DATE:
        others = [other for other in FACETS_BY_DATE if other != column]
        db["articles"].create_index([column, *others], index_name=f"idx_articles_{column}_facets",
                                    if_not_exists=True)


@migrations()
def create_fetch_failures(db: sqlite_utils.Database) -> None:
    """Links a run could not fetch, and why; unlike skipped pages they stay unknown, so the next run tries again."""
    db["fetch_failures"].create(
        {
            "url": str, "site": str, "kind": str, "reason": str, "status": int, "detail": str, "attempts": int,
            "runs_failed": int, "first_failed": str, "last_failed": str, "crawl_run": int,
        },
        pk="url",
        foreign_keys=[("site", "sites", "id"), ("crawl_run", "crawl_runs", "id")],
        not_null={"kind", "reason", "attempts", "runs_failed", "first_failed", "last_failed", "crawl_run"},
    )
    db["fetch_failures"].create_index(["reason"])
    db["crawl_run_sites"].add_column("pages_failed", int, not_null_default=0)


def open_archive(path: str | Path, sync_every_commit: bool = True,
                 read_only: bool = False) -> sqlite_utils.Database:
    """Open (creating or migrating) the archive at ``path``: WAL, foreign keys enforced.

    ``sync_every_commit=False`` (the crawl's writer) skips the fsync per transaction
    (synchronous=NORMAL): a commit still survives a killed process; only a power cut can roll
    back the latest ones, whose pages the next run then fetches again.
    ``read_only=True`` opens an existing, up-to-date archive without writing anything (export).
    Raises ``NotAnArchive`` before touching a file that is not one, ``ArchiveError`` if it cannot be written.
    """
    check_archive_file(path)
    if read_only:
        return _open_read_only(path)
    if Path(path).exists() and not os.access(path, os.W_OK):  # SQLite would open it read-only without a word
        raise ArchiveError(f"cannot open the archive {path} for writing: the file is readonly")
    try:
        db = sqlite_utils.Database(path)
        db.enable_wal()
        if not sync_every_commit:
            db.execute("PRAGMA synchronous = NORMAL")
        db.execute("PRAGMA foreign_keys = ON")
        migrations.apply(db)
    except sqlite3.Error as error:
        raise ArchiveError(f"cannot open the archive {path} for writing: {error}") from None
    return db


class ArchiveError(RuntimeError):
    """The archive cannot be used as asked (not writable, disk full); the message says why, in one line."""


class ArchiveOutOfDate(ArchiveError):
    """The archive was made by an older version: it must be opened for writing once, to migrate it."""


class NotAnArchive(ArchiveError):
    """The file is not a danvan archive, or a damaged one: nothing is written to it."""


SQLITE_MAGIC = b"SQLite format 3\x00"
SQLITE_HEADER_BYTES = 100


def check_archive_file(path: str | Path) -> None:
    """Raise ``NotAnArchive`` unless ``path`` is missing, empty, or a whole SQLite file of danvan's migrations."""
    path = Path(path)
    if not path.exists() or (path.is_file() and path.stat().st_size == 0):
        return  # a new archive
    if not path.is_file():
        raise NotAnArchive(f"{path} is not a file")
    with open(path, "rb") as handle:
        header = handle.read(SQLITE_HEADER_BYTES)
    if not header.startswith(SQLITE_MAGIC) or len(header) < SQLITE_HEADER_BYTES:
        raise NotAnArchive(f"{path} is not an archive: not a SQLite database")
    expected = _header_file_size(header)
    if expected > path.stat().st_size:
        raise NotAnArchive(f"{path} is damaged: truncated to {path.stat().st_size} of its {expected} bytes")
    tables = _table_names(path)
    if tables and migrations.name not in _migration_sets(path, tables):
        raise NotAnArchive(f"{path} is a SQLite database but not a danvan archive (tables: {', '.join(tables[:5])})")


def _header_file_size(header: bytes) -> int:
    """The size the SQLite header says the file has (0 when the header's page count is not trusted)."""
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size  # the header stores 65536 as 1
    change_counter, page_count = header[24:28], int.from_bytes(header[28:32], "big")
    valid_for = header[92:96]  # the page count is valid only when written by the same change
    return page_size * page_count if valid_for == change_counter else 0


def _table_names(path: Path) -> list[str]:
    try:
        with _read_only_connection(path) as conn:
            return [row[0] for row in conn.execute("select name from sqlite_master where type = 'table'")]
    except sqlite3.Error as error:
        raise NotAnArchive(f"{path} is damaged or not an archive: {error}") from None


def _migration_sets(path: Path, tables: list[str]) -> set[str]:
    if migrations.migrations_table not in tables:
        return set()
    try:
        with _read_only_connection(path) as conn:
            rows = conn.execute(f"select distinct migration_set from [{migrations.migrations_table}]")
            return {row[0] for row in rows}
    except sqlite3.Error as error:
        raise NotAnArchive(f"{path} is damaged or not an archive: {error}") from None


@contextmanager
def _read_only_connection(path: Path) -> Iterator[sqlite3.Connection]:
    """A connection that cannot write ``path``."""
    conn = sqlite3.connect(_read_only_uri(path), uri=True)
    try:
        yield conn
    finally:
        conn.close()


def _read_only_uri(path: Path) -> str:
    """SQLite's read-only URI; immutable when the folder is read-only, where no -shm file can be made."""
    flags = "mode=ro" if os.access(path.resolve().parent, os.W_OK) else "immutable=1"
    return f"{path.resolve().as_uri()}?{flags}"


def _open_read_only(path: str | Path) -> sqlite_utils.Database:
    """An up-to-date archive, opened so that nothing can be written to it."""
    path = Path(path)
    db = sqlite_utils.Database(sqlite3.connect(_read_only_uri(path), uri=True))
    try:
        pending = migrations.pending(db)
    except sqlite3.Error as error:
        raise NotAnArchive(f"{path} is damaged or not an archive: {error}") from None
    if pending:
        raise ArchiveOutOfDate(f"{path} is not up to date ({len(pending)} schema changes pending): "
                           "run `danvan crawl` or `danvan reprocess` on it once")
    return db


_HELD_INDEX_WRITES: WeakKeyDictionary = WeakKeyDictionary()
"""The search-index writes of each open batch (``begin_batch``), in order: written at its commit."""


def begin_batch(db: sqlite_utils.Database) -> None:
    """Open a transaction that the saves that follow join (each in its own savepoint) until ``commit_batch``.

    One commit for many saves; a killed crawl loses the uncommitted ones, whose pages the next run
    fetches again. FTS5 writes its pending entries as a new index segment at every savepoint, so
    within a batch the search-index writes wait in memory and go in just before the commit.
    For a writer connection that only saves meanwhile (the crawl's), not ``rebuild_search_index``.
    """
    if db in _HELD_INDEX_WRITES:
        return
    if not db.conn.in_transaction:
        db.execute("BEGIN")
    _HELD_INDEX_WRITES[db] = []


def commit_batch(db: sqlite_utils.Database) -> None:
    """Write the batch's search-index entries and commit it (nothing to do without one)."""
    held = _HELD_INDEX_WRITES.pop(db, None)
    for sql, params in held or ():
        db.execute(sql, params)
    if db.conn.in_transaction:
        db.conn.commit()


def save_sites(db: sqlite_utils.Database, sites: Iterable[Site]) -> None:
    """Upsert the registry into ``sites`` and refresh the site fields copied onto articles."""
    rows = [_site_row(site) for site in sites]
    with db.atomic():
        db["sites"].upsert_all(rows, pk="id")
        for row in rows:
            _sync_site_copies(db, row)


def start_run(db: sqlite_utils.Database, command: str, started_at: str) -> int:
    """Record the start of a crawl run and return its id."""
    table = db["crawl_runs"]
    table.insert({"started": started_at, "command": command})
    return table.last_pk


def finish_run(
    db: sqlite_utils.Database,
    run_id: int,
    ended_at: str,
    exit_status: int,
    site_counts: dict[str, dict[str, int]],
    failures: dict[str, str] | None = None,
) -> None:
    """Record the end of a run, its counts per site (keys from ``RUN_COUNTS``) and failed sites."""
    failures = failures or {}
    rows = [{**_run_site_row(run_id, site, counts), "failure": failures.get(site)}
            for site, counts in site_counts.items()]
    with db.atomic():
        db["crawl_runs"].update(run_id, {"ended": ended_at, "exit_status": exit_status})
        db["crawl_run_sites"].upsert_all(rows, pk=("run", "site"))
        for site in set(site_counts) - set(failures):
            db.execute("update sites set last_success_run = ? where id = ?", [run_id, site])
            if not site_counts[site].get("listing_errors"):
                db.execute("update sites set last_complete_walk = ? where id = ?", [run_id, site])


def save_article(db: sqlite_utils.Database, article: Article, run_id: int, seen_at: str,
                 keep_versions: bool = True) -> str:
    """Insert or update one article and its search entry atomically.

    Returns "new", "duplicate" (new, and a copy of a report already archived), "updated" or
    "unchanged". When the portal changed the page (its raw payload differs from the stored
    capture's) the earlier content goes to ``article_versions``; replays and reprocessing pass
    ``keep_versions=False`` since only our extraction changed. A page seen again is no longer gone.
    """
    keys = _text_keys(article)
    with _atomic_save(db):
        row = {**_article_row(db, article, keys), "gone_since": None, "gone_reason": None}
        capture = _save_capture(db, article)
        if capture is not None:
            row["capture"] = capture
        if article.redirected_from and article.redirected_from != article.url:
            save_redirect(db, article.redirected_from, article.url, article.site_id, seen_at)
        old = _stored_article(db, article.url)
        if old is None:
            _insert_article(db, row, run_id, seen_at, keys)
            _save_documents(db, article, keys)
            return "duplicate" if _cluster(db, article) else "new"
        if all(old[column] == row[column] for column in CONTENT_COLUMNS):
            # Plain SQL: sqlite-utils' update re-reads the table schema every call (half of a reprocess save).
            db.execute("update articles set last_seen = ?, capture = ?, gone_since = null, gone_reason = null "
                       "where url = ?", [seen_at, row.get("capture", old["capture"]), article.url])
            return "unchanged"
        if keep_versions and _page_changed(db, old["capture"], row.get("capture")):
            _save_version(db, old, run_id, seen_at)
        _update_article(db, old, row, run_id, seen_at, keys)
        _save_documents(db, article, keys)
        _cluster(db, article)
        return "updated"


def mark_seen(db: sqlite_utils.Database, url: str, seen_at: str) -> bool:
    """Record that an archived article answered "not modified"; False if ``url`` is not archived."""
    with db.atomic():
        changed = db.execute(
            "update articles set last_seen = ?, gone_since = null, gone_reason = null where url = ?", [seen_at, url]
        ).rowcount
    return bool(changed)


def mark_gone(db: sqlite_utils.Database, url: str, site_id: str | None, reason: str, status: int,
              fetched_at: str, run_id: int, seen_at: str) -> None:
    """Record that ``url`` answered 404/410 or redirected to the home page; an archived copy stays.

    An archived article keeps its content and gets the date it was first seen gone; a link that
    was never archived is recorded in ``skipped_pages`` with ``reason``.
    """
    with db.atomic():
        gone = db.execute(
            "update articles set gone_since = coalesce(gone_since, ?), gone_reason = ?, last_seen = ? where url = ?",
            [seen_at, reason, seen_at, url],
        ).rowcount
    if not gone:
        save_skipped(db, url, site_id, reason, status, fetched_at, run_id, seen_at)


def known_urls(db: sqlite_utils.Database, urls: Iterable[str]) -> set[str]:
    """Which of ``urls`` (canonical) the archive knows: articles, skipped or gone pages, redirects."""
    urls, known = list(urls), set()
    for start in range(0, len(urls), KNOWN_URLS_CHUNK):
        chunk = urls[start:start + KNOWN_URLS_CHUNK]
        marks = ",".join("?" * len(chunk))
        sql = " union ".join(f"select url from {table} where url in ({marks})"
                             for table in ("articles", "skipped_pages", "redirects"))
        known.update(row[0] for row in db.execute(sql, chunk * 3))
    return known


def save_redirect(db: sqlite_utils.Database, url: str, target: str, site_id: str | None, seen_at: str) -> None:
    """Remember that the link ``url`` (canonical) redirects to the archived ``target``."""
    with db.atomic():
        first_seen = next(db["redirects"].rows_where("url = ?", [url], select="first_seen"), {}).get("first_seen")
        db["redirects"].upsert(
            {"url": url, "target": target, "site": site_id, "first_seen": first_seen or seen_at, "last_seen": seen_at},
            pk="url",
        )


def save_listing(db: sqlite_utils.Database, url: str, site_id: str, entries: list[dict], next_page: str | None,
                 etag: str | None, last_modified: str | None, fetched_at: str, run_id: int) -> None:
    """Remember a listing page's links and validators, for a conditional request next run."""
    with db.atomic():
        db["listing_pages"].upsert(
            {"url": url, "site": site_id, "etag": etag, "last_modified": last_modified,
             "entries": _json_objects(entries), "next_page": next_page, "fetched_at": fetched_at,
             "crawl_run": run_id},
            pk="url",
        )


def walk_cut_short(db: sqlite_utils.Database, site_id: str) -> bool:
    """Whether a run read this site's listings after its last complete walk (it was killed, or a listing failed)."""
    row = db.execute(
        "select max(listing_pages.crawl_run) > coalesce(sites.last_complete_walk, 0) from sites "
        "join listing_pages on listing_pages.site = sites.id where sites.id = ?", [site_id],
    ).fetchone()
    return bool(row and row[0])


def stored_links(db: sqlite_utils.Database, site_id: str) -> list[dict]:
    """Every article link the site's stored listing pages showed: {"url", "title", "date"}."""
    return [entry for row in db.query("select entries from listing_pages where site = ?", [site_id])
            for entry in json.loads(row["entries"])]


def stored_listing(db: sqlite_utils.Database, url: str) -> dict | None:
    """The last stored fetch of a listing page: etag, last_modified, entries (list of dicts), next_page."""
    row = next(db["listing_pages"].rows_where("url = ?", [url]), None)
    if row is None:
        return None
    return {**row, "entries": json.loads(row["entries"])}


def article_validators(db: sqlite_utils.Database, url: str) -> tuple[str | None, str | None]:
    """The ETag and Last-Modified of an archived article's latest capture (``url`` may be a redirected link)."""
    row = db.execute(
        "select captures.etag, captures.last_modified from articles join captures on captures.id = articles.capture "
        "where articles.url = coalesce((select target from redirects where url = ?), ?)", [url, url],
    ).fetchone()
    return (row[0], row[1]) if row else (None, None)


def save_skipped(db: sqlite_utils.Database, url: str, site_id: str | None, reason: str, status: int,
                 fetched_at: str | None, run_id: int, seen_at: str) -> None:
    """Record a fetched page that is not an article (e.g. a JavaScript shell), and why."""
    table = db["skipped_pages"]
    with db.atomic():
        first_seen = next(table.rows_where("url = ?", [url], select="first_seen"), {}).get("first_seen")
        table.upsert(
            {"url": url, "site": site_id, "reason": reason, "status": status, "fetched_at": fetched_at,
             "first_seen": first_seen or seen_at, "last_seen": seen_at, "crawl_run": run_id},
            pk="url",
        )


def save_fetch_failure(db: sqlite_utils.Database, failure: FetchFailure, run_id: int) -> None:
    """Record that a link (or listing page) could not be fetched in this run, and why; counts the runs it failed in."""
    with db.atomic():
        old = _row(db.execute("select first_failed, runs_failed, crawl_run from fetch_failures where url = ?",
                              [failure.url]))
        runs_failed = (old["runs_failed"] + (old["crawl_run"] != run_id)) if old else 1
        db["fetch_failures"].upsert(
            {"url": failure.url, "site": failure.site_id, "kind": failure.kind, "reason": failure.reason,
             "status": failure.status, "detail": failure.detail, "attempts": failure.attempts,
             "runs_failed": runs_failed, "first_failed": old["first_failed"] if old else failure.failed_at,
             "last_failed": failure.failed_at, "crawl_run": run_id},
            pk="url",
        )


def clear_fetch_failure(db: sqlite_utils.Database, *urls: str | None) -> None:
    """Forget earlier failures of ``urls``: a run fetched them now."""
    for url in filter(None, urls):
        db.execute("delete from fetch_failures where url = ?", [url])


SEARCH_ROWS = 50
"""The ranked query shows this many matches: exact diacritics are checked per row, in Python, and the
HTML page costs ~0.25 ms per row (100 rows: 43 ms for a common word at 1M articles, 50: 24 ms)."""
RELEVANCE_MAX_MATCHES = 2000
"""Up to this many matches are ranked by bm25, which scores every match: seconds for a common word at 1M articles."""
SEARCH_SQL = f"""with matches as (select count(*) as n from (select 1 from articles_fts
  where articles_fts match danvan_fts(:q) limit {RELEVANCE_MAX_MATCHES + 1}))
select articles.url, articles.title, articles.published, articles.site, articles.level,
  articles.province_before, articles.province_after, articles.report_type, articles.cluster,
  danvan_exact(articles.title, articles.text, :q) as exact_matches, best.ranked_by
from (
  select * from (select rowid, bm25(articles_fts) as score, 'relevance' as ranked_by from articles_fts
    where articles_fts match danvan_fts(:q) order by score
    limit (select case when n <= {RELEVANCE_MAX_MATCHES} then {SEARCH_ROWS} else 0 end from matches))
  union all
  select * from (select rowid, null, 'newest archived of over {RELEVANCE_MAX_MATCHES:,} matches' from articles_fts
    where articles_fts match danvan_fts(:q) order by rowid desc
    limit (select case when n > {RELEVANCE_MAX_MATCHES} then {SEARCH_ROWS} else 0 end from matches))
) as best
join articles on articles.rowid = best.rowid
order by exact_matches desc, best.score, best.rowid desc"""
"""Ranked search (the canned query ``search``): words exactly as typed first, then relevance or newest.

Every part reads a bounded number of matches, whatever the archive's size: at most
RELEVANCE_MAX_MATCHES + 1 to count, then either bm25 over those few or the SEARCH_ROWS most
recently archived matches (FTS5 reads its index backwards; a LIMIT of 0 skips the other branch).
``ranked_by`` says which. The search box of the articles table lists and facets every match.
"""


def register_search_functions(conn) -> None:
    """SQL functions ``danvan_fts(q)`` and ``danvan_exact(title, text, q)`` on a sqlite3 connection."""
    conn.create_function("danvan_fts", 1, vi_search.fts_query, deterministic=True)
    conn.create_function("danvan_exact", 3, vi_search.exact_matches, deterministic=True)


def search_articles(db: sqlite_utils.Database, query: str, limit: int = 20) -> list[dict]:
    """Articles matching ``query`` (with or without diacritics; "phrases", prefix*), exact matches first."""
    if not vi_search.fts_query(query):
        return []
    register_search_functions(db.conn)
    return list(db.query(f"{SEARCH_SQL} limit :limit", {"q": query, "limit": limit}))


def escape_fts(query: str) -> str:
    """Quote each word of a search-box query, exactly as ``datasette.utils.escape_fts`` (0.65) does."""
    if query.count('"') % 2:
        query += '"'
    bits = [bit for bit in _ESCAPE_FTS.split(query) if bit and bit != '""']
    return " ".join(bit if bit.startswith('"') else f'"{bit}"' for bit in bits)


def iter_articles(db: sqlite_utils.Database, query: str | None = None, date_from: str | None = None,
                  date_to: str | None = None, provinces: Iterable[str] = (), sites: Iterable[str] = (),
                  unique_reports: bool = False) -> Iterable[dict]:
    """Every article matching all the filters given, one row at a time, oldest published first (undated last).

    ``query`` matches as Datasette's search box does (``escape_fts`` over ``articles_fts``); ``date_from``
    and ``date_to`` (YYYY-MM-DD, both included) bound the publication day, so undated articles drop out;
    a province matches ``province_before`` or ``province_after``, with or without diacritics; a site by
    id; ``unique_reports`` keeps only each cluster's original. Ties are broken by URL: a stable order.
    """
    where, params = [], []
    match = escape_fts(query) if query and query.strip() else None
    if match == "":
        return  # a query of no words (e.g. '""') finds nothing, as in search_articles
    if match:
        where.append("articles.rowid in (select rowid from articles_fts where articles_fts match ?)")
        params.append(match)
    if date_from:
        where.append("articles.published >= ?")
        params.append(str(date_from))
    if date_to:
        # published is a bare day or a day with a time: everything before the next day is on or before it.
        where.append("articles.published < date(?, '+1 day')")
        params.append(str(date_to))
    wanted = {fold(name) for name in provinces}
    if wanted:
        known = db.execute("select province_before from sites union select province_after from sites")
        names = [name for (name,) in known if name and fold(name) in wanted]
        marks = ", ".join("?" * len(names))
        where.append(f"(articles.province_before in ({marks}) or articles.province_after in ({marks}))")
        params += names * 2
    site_ids = list(sites)
    if site_ids:
        where.append(f"articles.site in ({', '.join('?' * len(site_ids))})")
        params += site_ids
    if unique_reports:
        where.append("articles.url in (select original from clusters)")
    sql = "select articles.* from articles" + (" where " + " and ".join(where) if where else "")
    # NULLS LAST keeps the published index usable: rows stream out without sorting the whole result first.
    yield from db.query(sql + " order by articles.published nulls last, articles.url", params)


def rebuild_search_index(db: sqlite_utils.Database) -> None:
    """Re-index every article; needed only if ``fold()`` changes or rowids were renumbered."""
    with db.atomic():
        db.execute("INSERT INTO articles_fts (articles_fts) VALUES ('delete-all')")
        for row in db.query("select rowid, title, text from articles"):
            _index(db, row["rowid"], row)


def is_about_danvan(title: str | None, text: str) -> bool:
    """Whether the folded title or text says "dân vận" (not "nhân dân vận động/dụng")."""
    return _mentions_danvan(fold(title or ""), fold(text))


def _save_capture(db: sqlite_utils.Database, article: Article) -> int | None:
    """The captures row of the response this article was read from, if it was captured."""
    if not article.capture:
        return None
    fields = ("warc_file", "offset", "length", "digest", "captured_at", "status", "etag", "last_modified")
    return _insert(db, "captures", {"url": article.url, **{f: article.capture.get(f) for f in fields}})


def _page_changed(db: sqlite_utils.Database, old_capture: int | None, new_capture: int | None) -> bool:
    """Whether the portal changed the page: the two captures' payload digests differ (or one is missing)."""
    if old_capture is None or new_capture is None:
        return True
    digests = dict(db.execute("select id, digest from captures where id in (?, ?)", [old_capture, new_capture]))
    return not digests.get(old_capture) or digests.get(old_capture) != digests.get(new_capture)


def _save_version(db: sqlite_utils.Database, old: dict, run_id: int, replaced_at: str) -> None:
    db["article_versions"].insert(
        {"url": old["url"], "replaced_at": replaced_at, "crawl_run": run_id,
         **{column: old[column] for column in VERSION_COLUMNS}}
    )


def _cluster(db: sqlite_utils.Database, article: Article) -> bool:
    """Link the article to the cluster of the report it copies (exact text, then MinHash LSH); True if found."""
    # the crawl's extraction workers compute the signature beside the reactor
    signature = article.minhash if article.minhash is not None else dedup.signature(article.text or "")
    keys = dedup.band_keys(signature)
    # Cursors, not db.query(): its SAVEPOINT makes FTS5 flush the text just indexed here (1-3 ms) instead of at COMMIT.
    row = db.execute("select rowid, cluster, content_hash from articles where url = ?", [article.url]).fetchone()
    me = dict(zip(("rowid", "cluster", "content_hash"), row))
    match = _same_report(db, article, me, signature, keys)
    cluster = match or _own_cluster(db, me)
    alone = cluster is None
    if alone:
        cluster = _new_cluster(db, article.url)
    db.execute("delete from dedup_bands where article = ?", [me["rowid"]])
    db.conn.executemany(
        "insert into dedup_bands (band_key, article) values (?, ?)", [(key, me["rowid"]) for key in keys]
    )
    # Plain SQL on this hot path: sqlite-utils' update/upsert re-read the table schema every call.
    db.execute("update articles set cluster = ? where rowid = ?", [cluster, me["rowid"]])
    db.execute(
        "insert or replace into dedup_signatures (article, minhash) values (?, ?)",
        [me["rowid"], dedup.signature_bytes(signature)],
    )
    # a new cluster already names its only copy; the others gained or lost one
    for touched in {None if alone else cluster, me["cluster"]} - {None}:
        _refresh_cluster(db, touched)
    return match is not None


def _same_report(db, article: Article, me: dict, signature, keys) -> int | None:
    """The cluster of an archived copy of the same report, if any."""
    exact = db.execute(
        "select cluster from articles where content_hash = ? and rowid != ? and cluster is not null limit 1",
        [me["content_hash"], me["rowid"]],
    ).fetchone()
    if exact:
        return exact[0]
    marks = ",".join("?" * len(keys))
    candidates = db.execute(
        f"select articles.cluster, articles.text, dedup_signatures.minhash from articles "
        f"join dedup_signatures on dedup_signatures.article = articles.rowid where articles.rowid in "
        f"(select distinct article from dedup_bands where band_key in ({marks}) and article != ? "
        f"limit {MAX_CANDIDATES})",
        [*keys, me["rowid"]],
    )
    for other_cluster, other_text, other_minhash in candidates:
        other_sig = dedup.signature_from_bytes(other_minhash)
        if dedup.is_same_report(article.text, other_text, signature, other_sig):
            return other_cluster
    return None


def _own_cluster(db: sqlite_utils.Database, me: dict) -> int | None:
    """The article's cluster if no other copy is in it (cluster ids stay stable for researchers)."""
    if me["cluster"] is None:
        return None
    others = db.execute(
        "select count(*) from articles where cluster = ? and rowid != ?", [me["cluster"], me["rowid"]]
    ).fetchone()[0]
    return None if others else me["cluster"]


def _new_cluster(db: sqlite_utils.Database, url: str) -> int:
    """A cluster whose only copy, and so its original, is ``url``."""
    return db.execute("insert into clusters (original, copies) values (?, 1)", [url]).lastrowid


def _refresh_cluster(db: sqlite_utils.Database, cluster: int) -> None:
    """A cluster's original: the copy on the credited source's site, else the earliest published."""
    columns = ("url", "source", "published", "first_seen")
    copies = [dict(zip(columns, row)) for row in db.execute(
        "select url, source, published, first_seen from articles where cluster = ?", [cluster]
    )]
    if not copies:
        db.execute("delete from clusters where id = ?", [cluster])
        return
    db.execute(
        "update clusters set original = ?, copies = ? where id = ?", [_original(copies)["url"], len(copies), cluster]
    )


def _original(copies: list[dict]) -> dict:
    credited = {c["source"].lower().removeprefix("www.") for c in copies if c["source"]}
    on_source = [c for c in copies if _host(c["url"]) in credited]
    if on_source:
        return min(on_source, key=_publication_order)
    return min(copies, key=_publication_order)


def _publication_order(copy: dict) -> tuple:
    # Undated copies come last; ties go to the copy archived first.
    return (copy["published"] is None, (copy["published"] or "")[:10], copy["first_seen"])


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").removeprefix("www.")


def _save_documents(db: sqlite_utils.Database, article: Article, keys: TextKeys) -> None:
    db.execute("delete from documents where article = ?", [article.url])
    for position, c in enumerate(keys.citations, start=1):
        _insert(db, "documents", {
            "article": article.url, "number": c.number, "position": position, "kind": c.kind,
            "serial": c.serial, "doc_type": c.doc_type, "type_name": c.type_name, "issuer": c.issuer,
            "issuer_name": c.issuer_name, "year": c.year, "date": c.date,
        })


def _site_row(site: Site) -> dict:
    return {
        "id": site.id, "name": site.name, "level": site.level,
        "province_before": site.province_before, "province_after": site.province_after,
        "district": site.district, "platform": site.platform, "base_url": site.base_url,
        "aliases": _json(site.aliases), "start_urls": _json(site.start_urls), "status": site.status,
    }


def _sync_site_copies(db: sqlite_utils.Database, site_row: dict) -> None:
    # sqlite-utils updates by primary key only; this is an update by site.
    assignments = ", ".join(f"{column} = :{column}" for column in SITE_COPIES)
    differs = " or ".join(f"{column} is not :{column}" for column in SITE_COPIES)
    db.execute(f"update articles set {assignments} where site = :id and ({differs})", site_row)


def _run_site_row(run_id: int, site: str, counts: dict[str, int]) -> dict:
    unknown = set(counts) - set(RUN_COUNTS)
    if unknown:
        raise ValueError(f"unknown run count {', '.join(sorted(unknown))}; known: {', '.join(RUN_COUNTS)}")
    return {"run": run_id, "site": site, **{name: counts.get(name, 0) for name in RUN_COUNTS}}


def _text_keys(article: Article) -> TextKeys:
    """The extraction worker's keys while they fit the article, else computed here (reprocess, tests)."""
    text, keys = article.text or "", article.text_keys
    return keys if keys is not None and keys.fits(article.title, text) else text_keys(article.title, text)


def _article_row(db: sqlite_utils.Database, article: Article, keys: TextKeys) -> dict:
    text = article.text or ""
    return {
        "url": article.url, "site": article.site_id, "platform": article.platform,
        "title": article.title, "published": article.published,
        "published_source": article.published_source, "year": _year(article.published),
        "author": article.author, "author_org": article.author_org, "source": article.source,
        "text": text, "word_count": len(text.split()), "content_hash": keys.content_hash,
        "captions": _json(article.captions), "documents": _json(article.documents),
        **_site_copies(db, article.site_id),
        "about_danvan": int(_mentions_danvan(keys.folded_title, keys.folded_text)),
        "date_candidates": _json_objects(article.date_candidates), "lede_mark": article.lede_mark,
        "month": _month(article.published), "report_type": report_type(article.title),
        "fetched_at": article.fetched_at,
    }


def _site_copies(db: sqlite_utils.Database, site_id: str | None) -> dict:
    if site_id is None:
        return dict.fromkeys(SITE_COPIES)
    # Plain SQL on the save path: sqlite-utils' rows_where checks the table exists on every call.
    row = _row(db.execute(f"select {', '.join(SITE_COPIES)} from sites where id = ?", [site_id]))
    if row is None:
        raise ValueError(f"unknown site {site_id!r}: save_sites() the registry first")
    return row


def _stored_article(db: sqlite_utils.Database, url: str) -> dict | None:
    return _row(db.execute("select rowid, * from articles where url = ?", [url]))


def _row(cursor) -> dict | None:
    """The cursor's first row as a dict of column names, or None."""
    values = cursor.fetchone()
    return None if values is None else dict(zip((column[0] for column in cursor.description), values))


def _insert_article(db: sqlite_utils.Database, row: dict, run_id: int, seen_at: str, keys: TextKeys) -> None:
    rowid = _insert(db, "articles", {**row, "first_seen": seen_at, "last_seen": seen_at, "crawl_run": run_id})
    _index(db, rowid, row, keys)


def _insert(db: sqlite_utils.Database, table: str, row: dict) -> int:
    """Insert one row of plain values; its rowid. Plain SQL on the save path: sqlite-utils' insert
    re-reads the table's schema on every call."""
    columns = ", ".join(f"[{name}]" for name in row)
    marks = ", ".join("?" * len(row))
    return db.execute(f"insert into [{table}] ({columns}) values ({marks})", list(row.values())).lastrowid


def _update_article(db: sqlite_utils.Database, old: dict, row: dict, run_id: int, seen_at: str,
                    keys: TextKeys) -> None:
    reindex = (old["title"], old["text"]) != (row["title"], row["text"])
    if reindex:
        _unindex(db, old["rowid"], old)
    db["articles"].update(row["url"], {**row, "last_seen": seen_at, "crawl_run": run_id})
    if reindex:
        _index(db, old["rowid"], row, keys)


def _index(db: sqlite_utils.Database, rowid: int, row: dict, keys: TextKeys | None = None) -> None:
    _index_write(
        db, f"insert into articles_fts (rowid, {', '.join(FTS_COLUMNS)}) values (?, ?, ?, ?, ?)",
        [rowid, *_fts_values(row, keys)],
    )


def _unindex(db: sqlite_utils.Database, rowid: int, row: dict) -> None:
    # A contentless FTS5 row is removed by replaying the exact values it was indexed with.
    _index_write(
        db, f"insert into articles_fts (articles_fts, rowid, {', '.join(FTS_COLUMNS)}) "
        "values ('delete', ?, ?, ?, ?, ?)",
        [rowid, *_fts_values(row)],
    )


def _index_write(db: sqlite_utils.Database, sql: str, params: list) -> None:
    """Write to the search index now, or at the batch's commit when one is open (see ``begin_batch``)."""
    held = _HELD_INDEX_WRITES.get(db)
    if held is None:
        db.execute(sql, params)
    else:
        held.append((sql, params))


@contextmanager
def _atomic_save(db: sqlite_utils.Database) -> Iterator[None]:
    """``db.atomic()`` that also drops the search-index writes a failed save held back."""
    held = _HELD_INDEX_WRITES.get(db)
    mark = len(held) if held is not None else 0
    try:
        with _savepoint(db) if db.conn.in_transaction else db.atomic():
            yield
    except BaseException:
        if held is not None:
            del held[mark:]
        raise


SAVE_SAVEPOINT = "danvan_save"
"""One name for every save's savepoint: nested ones stack, and RELEASE or ROLLBACK TO takes the innermost."""


@contextmanager
def _savepoint(db: sqlite_utils.Database) -> Iterator[None]:
    """``db.atomic()`` inside an open transaction (the crawl's batches), without its random savepoint
    name: drawing one reads os.urandom on every save."""
    conn = db.conn
    conn.execute(f"SAVEPOINT {SAVE_SAVEPOINT}")
    try:
        yield
    except BaseException:
        if conn.in_transaction:  # a RAISE(ROLLBACK) may have ended the transaction already
            conn.execute(f"ROLLBACK TO SAVEPOINT {SAVE_SAVEPOINT}")
            conn.execute(f"RELEASE SAVEPOINT {SAVE_SAVEPOINT}")
        raise
    conn.execute(f"RELEASE SAVEPOINT {SAVE_SAVEPOINT}")


def _fts_values(row: dict, keys: TextKeys | None = None) -> tuple[str, str, str, str]:
    """The indexed values of a row; ``keys``, when given, are the row's own (no folding again)."""
    title, text = row["title"] or "", row["text"] or ""
    if keys is None:
        return title, text, fold(title), fold(text)
    return title, text, keys.folded_title, keys.folded_text


def _mentions_danvan(folded_title: str, folded_text: str) -> bool:
    return bool(_DANVAN.search(folded_title) or _DANVAN.search(folded_text))


def _month(published: str | None) -> str | None:
    match = _YEAR.match(published or "")
    return published[:7] if match else None


def _year(published: str | None) -> int | None:
    match = _YEAR.match(published or "")
    return int(match.group(1)) if match else None


def _json(values: Iterable[str]) -> str:
    return json.dumps(list(values), ensure_ascii=False)


def _json_objects(values: Iterable[dict]) -> str:
    return json.dumps(list(values), ensure_ascii=False, sort_keys=True)
