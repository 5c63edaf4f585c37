"""Datasette plugin: every danvan archive is searchable and described, whatever its file name.

Datasette 0.65 reads table options (the FTS table behind the search box, facets, descriptions)
from ``databases.<name>`` of its metadata, and the name comes from the file: ``demo.db`` is
``demo``. This plugin gives each attached database the options ``datasette_metadata.json`` gives
the database ``archive``, and the search-box options even when no metadata file is passed.
It also registers the SQL functions of the ranked search (``danvan_fts``, ``danvan_exact``), and
points the dashboard's charts (datasette-dashboards, which names the database ``archive``) at the
archive actually served.
"""

from __future__ import annotations

import copy
from html import escape
from urllib.parse import urlencode

from datasette import hookimpl
from datasette.utils.asgi import Response
from markupsafe import Markup

from crawler.archive import SEARCH_ROWS, register_search_functions

ARCHIVE_DATABASE = "archive"
DASHBOARDS_PLUGIN = "datasette-dashboards"
SEARCH_OPTIONS = {
    "articles": {"fts_table": "articles_fts", "fts_pk": "rowid"},
    "reports": {"fts_table": "articles_fts", "fts_pk": "article_rowid"},
}
"""The contentless FTS5 index is not linked to articles by content=, so Datasette cannot detect it."""
INTERRUPTED_TITLE = "SQL Interrupted"
"""The title Datasette 0.65 gives a page whose query ran past sql_time_limit_ms."""


@hookimpl
def prepare_connection(conn):
    # The ranked "search" canned query ranks exact-diacritic matches first with these functions.
    register_search_functions(conn)


@hookimpl
def startup(datasette):
    served = _served_databases(datasette)
    local = datasette._metadata_local or {}
    dashboards = (local.get("plugins") or {}).get(DASHBOARDS_PLUGIN)
    if not dashboards or ARCHIVE_DATABASE in served or len(served) != 1:
        return
    dashboards = copy.deepcopy(dashboards)  # the caller's metadata stays as it was given
    for dashboard in dashboards.values():
        for part in [*(dashboard.get("charts") or {}).values(), *(dashboard.get("filters") or {}).values()]:
            if part.get("db") == ARCHIVE_DATABASE:
                part["db"] = served[0]
    # Local metadata overrides get_metadata's, so the plugin's own settings are replaced in place.
    datasette._metadata_local = {**local, "plugins": {**local["plugins"], DASHBOARDS_PLUGIN: dashboards}}


@hookimpl
def get_metadata(datasette, key, database, table):
    described = ((datasette._metadata_local or {}).get("databases") or {}).get(ARCHIVE_DATABASE) or {}
    names = [name for name in _served_databases(datasette) if name != ARCHIVE_DATABASE or not _searchable(described)]
    if not names:
        return {}
    tables = {name: dict(options) for name, options in SEARCH_OPTIONS.items()}
    for name, options in (described.get("tables") or {}).items():
        tables[name] = {**tables.get(name, {}), **options}
    return {"databases": {name: {**described, "tables": tables} for name in names}}


def _searchable(described: dict) -> bool:
    """Whether the metadata file already gives the search-box options of ``SEARCH_OPTIONS``.

    Datasette merges this hook's answer into the metadata on every lookup, and renderers look it
    up once per table cell: re-adding the archive's own description cost seconds per page.
    """
    tables = described.get("tables") or {}
    return all(option in (tables.get(table) or {}) for table, options in SEARCH_OPTIONS.items() for option in options)


def _served_databases(datasette) -> list[str]:
    """The attached databases, without Datasette's own (_internal, _memory)."""
    return [name for name in datasette.databases if not name.startswith("_")]


@hookimpl
def handle_exception(datasette, request, exception):
    """A search box whose words match too much to sort in time says what works instead."""
    words = request.args.get("_search") if request is not None else None
    if not words or getattr(exception, "title", None) != INTERRUPTED_TITLE or request.path.endswith(".json"):
        return None
    database = request.path.strip("/").split("/")[0]
    ranked = f"{datasette.urls.database(database)}/search?{urlencode({'q': words})}"

    async def explain():
        html = await datasette.render_template("error.html", {
            "title": "Too many matches to sort in time", "status": 400, "error": _too_many_matches(words, ranked),
        }, request=request)
        return Response.html(html, status=400)

    return explain


def _too_many_matches(words: str, ranked: str) -> Markup:
    quoted = escape(words)
    return Markup(
        f"<p>“{quoted}” matches so many articles that sorting them all took longer than this server allows.</p>"
        f'<ul><li><a href="{escape(ranked)}">The ranked search</a> shows {SEARCH_ROWS} of them at once, the words exactly '
        "as typed first.</li><li>Narrower words match fewer articles: a “phrase in quotes”, a place or a "
        f"document number.</li><li>The complete list, without a time limit: <code>danvan export --query "
        f"&quot;{quoted}&quot; -o matches.csv</code> on the archive file.</li></ul>"
    )
