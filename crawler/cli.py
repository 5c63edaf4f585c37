"""The `danvan` command: a thin click layer over the Python API."""

from __future__ import annotations

import json
import os
import shlex
import sys
from datetime import date, datetime, timezone
from pathlib import Path
from typing import NoReturn
from urllib.parse import urlsplit

import click

from crawler.archive import ArchiveError, ArchiveOutOfDate, NotAnArchive, open_archive
from crawler.extraction import PLATFORM_IDS, extract_article
from crawler.lock import EXIT_LOCKED, ArchiveLocked, CrawlLock, LockFileError
from crawler.registry import RegistryError, load_registry, select_sites
from crawler.serve import (DEFAULT_HOST, DEFAULT_PORT, DEFAULT_SQL_TIME_LIMIT_MS, ServeError, check_servable,
                           datasette_args, find_metadata, run_datasette)
from crawler.text import decode_html

EXIT_FAILED = 1
EXIT_USAGE = 2
DAY_FORMAT = "%Y-%m-%d"
EXTRACT_KEYS = ("url", "site", "platform", "title", "published", "published_source",
                "author", "source", "text", "documents")


class Day(click.ParamType):
    """A calendar day written YYYY-MM-DD (as a datetime at midnight), with a message that says so."""

    name = "YYYY-MM-DD"

    def convert(self, value, param, ctx):
        if isinstance(value, datetime):
            return value
        try:
            return datetime.strptime(value, DAY_FORMAT)
        except ValueError:
            self.fail(f"{value!r} does not match the format YYYY-MM-DD of a calendar day, e.g. 2024-01-31", param, ctx)


@click.group()
@click.version_option(package_name="danvan-archive")
def cli():
    """danvan-archive: crawl Vietnamese Dân vận reports into a SQLite archive."""


@cli.command()
@click.option("--db", "db_path", default="archive.db", show_default=True, type=click.Path(dir_okay=False),
              help="Archive file to create or update.")
@click.option("--sites", "sites_file", type=click.Path(exists=True, dir_okay=False),
              help="Registry file to use instead of the bundled one.")
@click.option("--site", "site_ids", multiple=True, metavar="ID",
              help="Crawl only this site (repeatable); named sites are crawled whatever their status.")
@click.option("--demo", is_flag=True, help="Crawl the bundled offline snapshot of the fixture portals.")
@click.option("--replay", "replay_files", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Crawl from this WARC file instead of the network (repeatable).")
@click.option("--full", is_flag=True,
              help="Walk every listing page (up to MAX_LISTING_PAGES), without conditional requests.")
@click.option("--since", type=Day(), metavar="YYYY-MM-DD",
              help="Backfill: walk listings back to this day and skip links dated before it.")
@click.option("--refresh", is_flag=True,
              help="Fetch archived articles again (conditionally); a changed page is kept as a new version.")
@click.option("--log-file", type=click.Path(dir_okay=False),
              help="Log file (default: logs/danvan-crawl-YYYY-MM-DD.log); the log also goes to stderr.")
@click.option("--setting", "overrides", multiple=True, metavar="NAME=VALUE",
              help="Override a Scrapy setting for this run (repeatable), e.g. DOWNLOAD_DELAY=2.")
def crawl(db_path, sites_file, site_ids, demo, replay_files, full, since, refresh, log_file, overrides):
    """Crawl the registered portals' Dân vận sections into the archive.

    Runs are incremental: each section's listing pages are walked until a
    page whose links are all archived, and only links not yet archived are
    fetched (README "Incremental runs").

    Exit status: 0 when the crawl finished, 1 when a site failed (no page
    fetched), the crawl did not finish normally or the archive could not
    be written (read-only, disk full), 2 for a usage error (bad option,
    registry or site id, a --db file that is not an archive),
    3 when another crawl is running on the same archive.

    \b
    Examples:
        danvan crawl                         # all live and frozen sites
        danvan crawl --site baogialai --db archive.db
        danvan crawl --full --refresh        # walk everything, refetch archived pages
        danvan crawl --since 2023-01-01 --site sontinh   # backfill one site
        danvan crawl --demo --db demo.db     # offline demo snapshot
        danvan crawl --replay gone-portal.warc.gz --site danvan
    """
    from crawler.runner import DEMO_SNAPSHOT, crawl_settings, run_crawl

    replay = list(replay_files) + ([str(DEMO_SNAPSHOT)] if demo else [])
    sites = _selected_sites(sites_file, site_ids, include_gone=bool(replay))
    walk = {"FULL_WALK": full, "SINCE_DATE": since.date().isoformat() if since else None, "REFRESH_ARTICLES": refresh}
    settings = crawl_settings(db_path, replay, {**walk, **_parse_overrides(overrides)},
                              shlex.join(["danvan", *sys.argv[1:]]))
    try:
        with CrawlLock(db_path):
            _check_writable(db_path)
            outcome = run_crawl(sites, settings, log_file or _default_log_file())
    except ArchiveLocked as error:
        click.echo(f"danvan crawl: {error}; not starting a second one", err=True)
        sys.exit(EXIT_LOCKED)
    except (ArchiveError, LockFileError) as error:
        _fail("crawl", error)
    _print_summary(outcome.site_counts, outcome.failures)
    if outcome.storage_error:
        click.echo(f"danvan crawl: stopped: the archive could not be written ({outcome.storage_error}); "
                   "what was committed before is kept", err=True)
    sys.exit(outcome.exit_status)


@cli.command()
@click.option("--db", "db_path", default="archive.db", show_default=True, type=click.Path(exists=True, dir_okay=False),
              help="Archive to reprocess.")
@click.option("--warc-dir", type=click.Path(file_okay=False),
              help="Folder of the crawl's WARC files (default: warc/ beside the archive).")
@click.option("--workers", type=click.IntRange(min=1), default=os.cpu_count() or 1, show_default="all cores",
              help="Processes that read and extract pages (this one writes the archive).")
def reprocess(db_path, warc_dir, workers):
    """Re-extract every archived article from its stored raw response, without the network.

    Runs the page objects, dates, text and dedup again and updates the
    archive; prints what changed. Pages are read and extracted by --workers
    processes in parallel. Exit status 3 when a crawl holds the archive.

    \b
    Example:
        danvan reprocess --db archive.db
    """
    from crawler import archive
    from crawler.reprocess import reprocess as run_reprocess

    warc = Path(warc_dir) if warc_dir else Path(db_path).resolve().parent / "warc"
    try:
        with CrawlLock(db_path):
            db = archive.open_archive(db_path)
            run_id = archive.start_run(db, shlex.join(["danvan", *sys.argv[1:]]), _utc_now())
            with click.progressbar(length=0, label="reprocessing", file=sys.stderr) as bar:
                changes = run_reprocess(db, warc, run_id, _utc_now(), progress=lambda todo: _with_bar(bar, todo),
                                        workers=workers)
            archive.finish_run(db, run_id, _utc_now(), 0, {})
    except ArchiveLocked as error:
        click.echo(f"danvan reprocess: {error}", err=True)
        sys.exit(EXIT_LOCKED)
    except (ArchiveError, LockFileError) as error:
        _fail("reprocess", error)
    click.echo(_describe_changes(changes))


@cli.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--url", required=True, help="The URL the page was fetched from.")
@click.option("--platform", type=click.Choice(PLATFORM_IDS),
              help="Page-object family (default: the registry's for the host, else detected from markup).")
@click.option("--fetched-at", help="Fetch time, ISO 8601 (default: now); dates are never later than it.")
@click.option("--sites", "sites_file", type=click.Path(exists=True, dir_okay=False),
              help="Registry file to use instead of the bundled one.")
def extract(file, url, platform, fetched_at, sites_file):
    """Extract one saved page and print the result as one JSON object.

    \b
    Example:
        danvan extract page.html --url https://hagiangtv.vn/thoi-su/202201/abc-1234567/
    """
    site = _site_for_url(sites_file, url)
    html = decode_html(Path(file).read_bytes())
    article = extract_article(url, html, _parse_fetched_at(fetched_at), platform or (site.platform if site else None))
    record = {**vars(article), "site": site.id if site else urlsplit(url).hostname}
    click.echo(json.dumps({key: record[key] for key in EXTRACT_KEYS}, ensure_ascii=False, indent=2))


@cli.command()
@click.option("--db", "db_path", default="archive.db", show_default=True, type=click.Path(exists=True, dir_okay=False),
              help="Archive to export from.")
@click.option("--format", "fmt", type=click.Choice(["csv", "jsonl", "sql"]), default="csv", show_default=True,
              help="CSV (UTF-8 with BOM, for Excel), JSON Lines, or a SQL script for sqlite3.")
@click.option("--output", "-o", default="-", type=click.Path(dir_okay=False, allow_dash=True),
              help="File to write (default: standard output).")
@click.option("--query", help="Full-text search, with or without diacritics, as in Datasette's search box.")
@click.option("--from", "date_from", type=Day(), metavar="YYYY-MM-DD",
              help="Only articles published on or after this day (undated articles are left out).")
@click.option("--to", "date_to", type=Day(), metavar="YYYY-MM-DD",
              help="Only articles published on or before this day (undated articles are left out).")
@click.option("--province", "provinces", multiple=True, metavar="NAME",
              help="Only this province, before or after the 2025 merger (repeatable; diacritics optional).")
@click.option("--site", "site_ids", multiple=True, metavar="ID", help="Only this site (repeatable).")
@click.option("--unique-reports", is_flag=True, help="Only the original of each report republished on several portals.")
def export(db_path, fmt, output, query, date_from, date_to, provinces, site_ids, unique_reports):
    """Export the archive's articles, filtered, as CSV, JSON Lines or SQL.

    Rows are streamed oldest first (undated last); a progress count goes
    to stderr, so the export can go to stdout.

    \b
    Examples:
        danvan export --query "dân vận khéo" --province "Quảng Ninh" -o qn.csv
        danvan export --format jsonl --from 2024-01-01 --to 2024-12-31 --site baogialai
        danvan export --format sql --unique-reports -o reports.sql && sqlite3 new.db < reports.sql
    """
    from crawler.export import Filters, export_articles

    if date_from and date_to and date_from > date_to:
        raise click.BadParameter("--from is later than --to", param_hint="--from")
    filters = Filters(query=query, date_from=_day(date_from), date_to=_day(date_to),
                      provinces=provinces, sites=site_ids, unique_reports=unique_reports)
    try:
        db = _open_for_reading(db_path)
    except ArchiveError as error:
        _fail("export", error)
    # A file is written under a temporary name and renamed when complete: no half export is left behind.
    with db, click.open_file(output, "wb", atomic=output != "-") as out:
        count = export_articles(db, filters, fmt, out, progress=_export_bar)
    click.echo(f"{count} articles exported to {'stdout' if output == '-' else output}", err=True)


@cli.command()
@click.option("--db", "db_path", default="archive.db", show_default=True, type=click.Path(exists=True, dir_okay=False),
              help="Archive to serve (opened immutable: read-only, never locked).")
@click.option("--host", default=DEFAULT_HOST, show_default=True,
              help="Address to listen on; 0.0.0.0 makes the archive reachable from other machines.")
@click.option("--port", default=DEFAULT_PORT, show_default=True, type=click.IntRange(0, 65535),
              help="Port to listen on.")
@click.option("--sql-time-limit-ms", default=DEFAULT_SQL_TIME_LIMIT_MS, show_default=True, type=click.IntRange(min=1),
              help="Datasette stops any SQL query (custom SQL, canned query, table page) that runs longer.")
@click.option("--metadata", type=click.Path(exists=True, dir_okay=False),
              help="Datasette metadata (default: the repository's datasette_metadata.json).")
@click.option("--setting", "overrides", multiple=True, metavar="NAME=VALUE",
              help="Override a Datasette setting (repeatable), e.g. max_returned_rows=20000.")
def serve(db_path, host, port, sql_time_limit_ms, metadata, overrides):
    """Serve the archive in Datasette, read-only, with the project's metadata and export limits.

    The archive is opened immutable: restart the server after a crawl to
    show what it added. Exit status 3 when a crawl is writing the archive.

    \b
    Examples:
        danvan serve --db archive.db                 # http://127.0.0.1:8001
        danvan serve --port 8080 --sql-time-limit-ms 5000
    """
    try:
        settings = _parse_overrides(overrides)
        args = datasette_args(db_path, find_metadata(metadata), host, port, sql_time_limit_ms, settings)
        check_servable(db_path)
    except ServeError as error:
        raise click.ClickException(str(error)) from None
    except NotAnArchive as error:
        _fail("serve", error)
    except ArchiveLocked as error:
        click.echo(f"danvan serve: {error}; serve the archive when it is done", err=True)
        sys.exit(EXIT_LOCKED)
    run_datasette(args)


def _check_writable(db_path) -> None:
    """Create or migrate the archive before the crawl starts: a file that is not one, or cannot be written, stops it here."""
    open_archive(db_path).close()


def _open_for_reading(db_path):
    """An up-to-date archive opened read-only (an export writes nothing); an older one is migrated first."""
    try:
        return open_archive(db_path, read_only=True)
    except ArchiveOutOfDate:
        return open_archive(db_path)


def _fail(command: str, error: Exception) -> NoReturn:
    """One line for the operator, no traceback; status 2 for a file that is not an archive, else 1."""
    click.echo(f"danvan {command}: {error}", err=True)
    sys.exit(EXIT_USAGE if isinstance(error, NotAnArchive) else EXIT_FAILED)


def _selected_sites(sites_file, site_ids, include_gone: bool):
    try:
        return select_sites(load_registry(sites_file, PLATFORM_IDS), tuple(site_ids), include_gone)
    except RegistryError as error:
        raise click.UsageError(str(error)) from None


def _site_for_url(sites_file, url: str):
    host = (urlsplit(url).hostname or "").lower()
    try:
        sites = load_registry(sites_file, PLATFORM_IDS)
    except RegistryError as error:
        raise click.UsageError(str(error)) from None
    return next((s for s in sites if host in s.hosts), None)


def _parse_overrides(pairs) -> dict[str, str]:
    overrides = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name:
            raise click.BadParameter(f"expected NAME=VALUE, got {pair!r}", param_hint="--setting")
        overrides[name.strip()] = value
    return overrides


def _parse_fetched_at(value: str | None) -> datetime:
    if not value:
        return datetime.now(timezone.utc)
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"not an ISO 8601 date-time: {value!r}", param_hint="--fetched-at") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


def _default_log_file() -> Path:
    return Path("logs") / f"danvan-crawl-{date.today().isoformat()}.log"


def _print_summary(site_counts: dict[str, dict[str, int]], failures: dict[str, str]) -> None:
    """One line per site, for the operator's cron mail; failed sites say why."""
    for site_id, counts in site_counts.items():
        failed = f" FAILED: {failures[site_id]}" if site_id in failures else ""
        click.echo(
            f"{site_id}: {counts['requests']} requests ({counts['not_modified']} not modified), "
            f"{counts['articles_new']} new ({counts['articles_duplicate']} copies of archived reports), "
            f"{counts['articles_updated']} updated, {counts['articles_unchanged']} unchanged, "
            f"{counts['pages_gone']} gone, {counts['pages_skipped']} not articles, {counts['pages_failed']} not fetched, "
            f"{counts['errors']} errors{failed}"
        )


def _with_bar(bar, todo):
    """Advance a click progress bar over the reprocessing jobs."""
    bar.length = len(todo)
    for job in todo:
        yield job
        bar.update(1)


def _export_bar(rows):
    """Count exported rows on stderr (the total is not known before the last row)."""
    with click.progressbar(rows, label="exporting", file=sys.stderr, show_pos=True, update_min_steps=100) as bar:
        yield from bar


def _day(value: datetime | None) -> str | None:
    return value.date().isoformat() if value else None


def _describe_changes(changes) -> str:
    """ "54 articles reprocessed: 3 published changed, 1 now javascript-only" for the operator."""
    total = changes.pop("articles", 0)
    details = ", ".join(f"{count} {what}" for what, count in sorted(changes.items())) or "nothing changed"
    return f"{total} articles reprocessed: {details}"


def _utc_now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
