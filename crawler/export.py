"""Exports for report writers: the archive's articles, filtered, as CSV, JSON Lines or a SQL script.

Rows are read from ``archive.iter_articles`` one at a time and written as they come, so an export
of the whole archive needs no more memory than one article. The SQL that selects them lives in the
archive module; this module only writes file formats.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

import sqlite_utils

from crawler import archive

FORMATS = ("csv", "jsonl", "sql")
JSON_COLUMNS = ("captions", "documents", "date_candidates")
"""Columns stored as JSON text: real arrays in JSON Lines, JSON text in CSV and SQL."""
CSV_ENCODING = "utf-8-sig"
"""UTF-8 with a byte-order mark: without it Excel reads a double-clicked CSV in the ANSI code page."""
EXPORT_TABLE = "articles"


@dataclass(frozen=True)
class Filters:
    """Which articles to export; every filter given must hold (README "Exporting")."""

    query: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    provinces: tuple[str, ...] = ()
    sites: tuple[str, ...] = ()
    unique_reports: bool = False

    def rows(self, db: sqlite_utils.Database) -> Iterator[dict]:
        return iter(archive.iter_articles(
            db, query=self.query, date_from=self.date_from, date_to=self.date_to,
            provinces=self.provinces, sites=self.sites, unique_reports=self.unique_reports,
        ))


Progress = Callable[[Iterator[dict]], Iterable[dict]]
"""Wraps the row iterator, e.g. in a progress bar; it must yield every row it is given."""


def export_articles(db: sqlite_utils.Database, filters: Filters, fmt: str, out: BinaryIO,
                    progress: Progress | None = None) -> int:
    """Write the articles matching ``filters`` to the binary stream ``out`` as ``fmt``; return the row count."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; known: {', '.join(FORMATS)}")
    columns = _columns(db)
    rows = filters.rows(db)
    rows = progress(rows) if progress else rows
    text = io.TextIOWrapper(out, encoding=CSV_ENCODING if fmt == "csv" else "utf-8", newline="")
    try:
        return {"csv": _write_csv, "jsonl": _write_jsonl, "sql": _write_sql}[fmt](rows, columns, text)
    finally:
        text.flush()
        text.detach()  # the caller owns ``out``: leave it open


def _columns(db: sqlite_utils.Database) -> dict[str, str]:
    """Column names and declared types of the archive's articles table, in table order."""
    # Read from the schema so exports follow the archive's migrations without a column list here.
    return {column.name: column.type for column in db[EXPORT_TABLE].columns}


def _write_csv(rows: Iterable[dict], columns: dict[str, str], out: io.TextIOBase) -> int:
    writer = csv.writer(out)  # RFC 4180: CRLF rows, quoted fields keep the texts' own newlines
    writer.writerow(columns)
    count = 0
    for count, row in enumerate(rows, start=1):
        writer.writerow(row[column] for column in columns)
    return count


def _write_jsonl(rows: Iterable[dict], columns: dict[str, str], out: io.TextIOBase) -> int:
    count = 0
    for count, row in enumerate(rows, start=1):
        record = {column: _json_value(column, row[column]) for column in columns}
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return count


def _json_value(column: str, value):
    if column in JSON_COLUMNS and value is not None:
        return json.loads(value)
    return value


def _write_sql(rows: Iterable[dict], columns: dict[str, str], out: io.TextIOBase) -> int:
    """A script that ``sqlite3 new.db < dump.sql`` loads: one table, one transaction."""
    out.write(f"-- danvan export: the archive's {EXPORT_TABLE} table, filtered\n")
    out.write("BEGIN TRANSACTION;\n")
    out.write(create_table_sql(columns) + "\n")
    count = 0
    for count, row in enumerate(rows, start=1):
        values = ", ".join(sql_literal(row[column]) for column in columns)
        out.write(f"INSERT INTO {EXPORT_TABLE} VALUES ({values});\n")
    out.write("COMMIT;\n")
    return count


def create_table_sql(columns: dict[str, str]) -> str:
    """The dump's table: the archive's columns and types, keyed by url, without links to tables it leaves out."""
    definitions = [f"{_identifier(name)} {kind or ''}".rstrip() + (" PRIMARY KEY" if name == "url" else "")
                   for name, kind in columns.items()]
    return f"CREATE TABLE {EXPORT_TABLE} (\n  " + ",\n  ".join(definitions) + "\n);"


def sql_literal(value) -> str:
    """A SQLite literal for a stored value (text, integer, real, blob or NULL)."""
    if value is None:
        return "NULL"
    if isinstance(value, bool | int | float):
        return repr(int(value) if isinstance(value, bool) else value)
    if isinstance(value, bytes):
        return f"X'{value.hex()}'"
    # A NUL would end the statement early in the sqlite3 shell: spell it as char(0).
    return "'" + str(value).replace("'", "''").replace("\x00", "' || char(0) || '") + "'"


def _identifier(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'
