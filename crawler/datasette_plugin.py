"""Datasette plugin: every danvan archive is searchable and described, whatever its file name.

Datasette 0.65 reads table options (the FTS table behind the search box, facets, descriptions)
from ``databases.<name>`` of its metadata, and the name comes from the file: ``demo.db`` is
``demo``. This plugin gives each attached database the options ``datasette_metadata.json`` gives
the database ``archive``, and the search-box options even when no metadata file is passed.
It also registers the SQL functions of the ranked search (``danvan_fts``, ``danvan_exact``).
"""

from __future__ import annotations

from datasette import hookimpl

from crawler.archive import register_search_functions

ARCHIVE_DATABASE = "archive"
SEARCH_OPTIONS = {
    "articles": {"fts_table": "articles_fts", "fts_pk": "rowid"},
    "reports": {"fts_table": "articles_fts", "fts_pk": "article_rowid"},
}
"""The contentless FTS5 index is not linked to articles by content=, so Datasette cannot detect it."""


@hookimpl
def prepare_connection(conn):
    # The ranked "search" canned query ranks exact-diacritic matches first with these functions.
    register_search_functions(conn)


@hookimpl
def get_metadata(datasette, key, database, table):
    described = ((datasette._metadata_local or {}).get("databases") or {}).get(ARCHIVE_DATABASE) or {}
    tables = {name: dict(options) for name, options in SEARCH_OPTIONS.items()}
    for name, options in (described.get("tables") or {}).items():
        tables[name] = {**tables.get(name, {}), **options}
    names = [name for name in datasette.databases if not name.startswith("_")]
    return {"databases": {name: {**described, "tables": tables} for name in names}}
