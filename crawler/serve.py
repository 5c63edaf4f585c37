"""`danvan serve`: the archive in Datasette 0.65, immutable, with the project's metadata and deliberate limits.

A thin layer: it checks that the archive can be served as immutable, builds the argument list of
Datasette's own ``serve`` command and runs it (uvicorn, as ``datasette serve`` does).
"""

from __future__ import annotations

from pathlib import Path

from crawler.archive import check_archive_file
from crawler.lock import CrawlLock, LockFileError

METADATA_FILE = "datasette_metadata.json"
PACKAGE_METADATA = Path(__file__).resolve().parents[1] / METADATA_FILE
"""The metadata at the repository root, beside the ``crawler`` package (editable and source installs)."""
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8001
DEFAULT_SQL_TIME_LIMIT_MS = 2000
DATASETTE_PAGE_SIZE = 100
"""Datasette's default_page_size: the rows of a table page, and of each page a streamed CSV reads."""
EXPORT_SETTINGS = {
    # A custom SQL or canned query result is cut at this many rows (Datasette flags it truncated);
    # tables and views are paged instead, and with _size=max their first page is this long (README).
    "max_returned_rows": 10000,
    # ?_stream=on: the CSV of a table, a view or a filtered or searched page holds every matching row.
    "allow_csv_stream": True,
    # No size cap: the default 100 MB would end a whole-archive CSV early, with status 200.
    "max_csv_mb": 0,
}
"""Datasette settings chosen so that researchers' exports are complete (README "Serving")."""
PAGE_SETTINGS = {
    # A table page shows the first 400 characters of each text, not 100 whole articles;
    # the row page, CSV and JSON keep the whole text.
    "truncate_cells_html": 400,
    # Suggesting facets tries every other column on each page: 2.4 s of a 2.8 s table page at 100k
    # articles (bench/notes/search.md); the metadata's facets stay, and any column can still be faceted.
    "suggest_facets": False,
}


class ServeError(RuntimeError):
    """The archive cannot be served as asked (no metadata, changes not yet in the file)."""


def find_metadata(explicit: str | Path | None = None, cwd: Path | None = None) -> Path:
    """The metadata file: ``explicit``, else the repository's, else ./datasette_metadata.json."""
    candidates = [Path(explicit)] if explicit else [PACKAGE_METADATA, (cwd or Path.cwd()) / METADATA_FILE]
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    tried = ", ".join(str(c) for c in candidates)
    raise ServeError(f"Datasette metadata not found (looked for {tried}); pass --metadata FILE")


def check_servable(db_path: str | Path) -> None:
    """Refuse an archive a crawl is writing, or one whose last commits are still only in its WAL file.

    Immutable mode reads the main file without locks and ignores ``<archive>-wal``: a crawl
    writing meanwhile could be read half-done, and commits not yet checkpointed would be missing.
    Raises ``ArchiveLocked`` (a crawl holds the archive), ``NotAnArchive`` or ``ServeError``.
    """
    try:
        with CrawlLock(db_path):
            pass
    except LockFileError:
        pass  # no lock file can be made beside it: read-only media, which no crawl writes either
    check_archive_file(db_path)
    wal = Path(f"{db_path}-wal")
    if wal.is_file() and wal.stat().st_size:
        raise ServeError(
            f"{wal} holds {wal.stat().st_size} bytes of commits not yet in {db_path} (a crawl stopped "
            "before closing the archive); immutable Datasette would not see them. Run `danvan crawl` "
            f"again, or fold them in with: sqlite3 {db_path} 'PRAGMA wal_checkpoint(TRUNCATE)'"
        )


def datasette_args(db_path: str | Path, metadata: str | Path, host: str = DEFAULT_HOST,
                   port: int = DEFAULT_PORT, sql_time_limit_ms: int = DEFAULT_SQL_TIME_LIMIT_MS,
                   settings: dict[str, object] | None = None) -> list[str]:
    """The arguments of ``datasette serve`` for this archive: immutable, described, limited."""
    args = ["-i", str(db_path), "--metadata", str(metadata), "--host", host, "--port", str(port)]
    chosen = {**EXPORT_SETTINGS, **PAGE_SETTINGS, "sql_time_limit_ms": sql_time_limit_ms, **(settings or {})}
    _check_paging(chosen)
    for name, value in chosen.items():
        args += ["--setting", name, _setting_text(value)]
    return args


def run_datasette(args: list[str]) -> None:
    """Run Datasette's own ``serve`` command with ``args`` until it is interrupted."""
    from datasette.cli import serve  # late: importing Datasette takes a while

    serve.main(args, prog_name="danvan serve", standalone_mode=False)


def _check_paging(settings: dict[str, object]) -> None:
    """Datasette 0.65 cuts a page to max_returned_rows without a next link, so a streamed CSV would stop there."""
    page, most = str(settings.get("default_page_size", DATASETTE_PAGE_SIZE)), str(settings["max_returned_rows"])
    if page.isdigit() and most.isdigit() and int(most) < int(page):  # Datasette itself rejects non-integers
        raise ServeError(f"max_returned_rows must be at least default_page_size ({page}), "
                         "or tables stop paging and a streamed CSV ends after its first page")


def _setting_text(value: object) -> str:
    if isinstance(value, bool):
        return "on" if value else "off"
    return str(value)
