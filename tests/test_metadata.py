"""datasette_metadata.json and docs/schema.md describe exactly the schema the migrations build."""

import json
import re
from pathlib import Path

import pytest

from crawler import archive

ROOT = Path(__file__).resolve().parents[1]
METADATA = json.loads((ROOT / "datasette_metadata.json").read_text(encoding="utf-8"))
TABLES = METADATA["databases"]["archive"]["tables"]
SCHEMA_DOC = (ROOT / "docs" / "schema.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def schema(tmp_path_factory):
    """{table: [columns]} of a freshly migrated archive, plus the FTS5 shadow table names."""
    db = archive.open_archive(tmp_path_factory.mktemp("schema") / "archive.db")
    virtual = [r[0] for r in db.execute("select name from sqlite_master where sql like 'CREATE VIRTUAL TABLE%'")]
    shadow = {t for t in db.table_names() if any(t.startswith(f"{v}_") for v in virtual)}
    columns = {t: [c.name for c in db[t].columns] for t in db.table_names()}
    columns.update({v: [c.name for c in db.view(v).columns] for v in db.view_names()})
    db.close()
    return columns, shadow


def documented_tables(markdown: str) -> dict[str, dict]:
    """{table: {"description": str, "columns": {column: description}}} read from docs/schema.md."""
    tables = {}
    for block in re.split(r"^### ", markdown, flags=re.M)[1:]:
        heading, _, body = block.partition("\n")
        lines = [line for line in body.splitlines() if line.strip()]
        rows = [re.match(r"\| `(\w+)` \| (.*) \|$", line) for line in lines if line.startswith("| `")]
        tables[heading.strip("` ")] = {
            "description": lines[0],
            "columns": {row.group(1): row.group(2) for row in rows},
        }
    return tables


def test_every_table_is_described_and_exists(schema):
    columns, _ = schema
    assert set(TABLES) == set(columns)


def test_every_column_is_described_and_exists(schema):
    columns, shadow = schema
    for table, described in TABLES.items():
        if table in shadow:
            assert "columns" not in described, f"{table} is FTS5 storage; its columns are not ours"
            continue
        assert list(described["columns"]) == columns[table], table


def test_every_description_is_filled_in():
    for table, described in TABLES.items():
        assert described["description"].strip(), table
        for column, text in described.get("columns", {}).items():
            assert text.strip(), f"{table}.{column}"


def test_only_the_research_tables_are_visible(schema):
    visible = {t for t, described in TABLES.items() if not described.get("hidden")}
    assert visible == {
        "articles", "reports", "clusters", "documents", "sites", "crawl_runs", "crawl_run_sites", "skipped_pages",
        "fetch_failures", "captures", "article_versions", "redirects",
    }
    assert all(TABLES[t].get("hidden") for t in schema[1])


def test_table_options_name_real_columns(schema):
    columns, _ = schema
    for table, described in TABLES.items():
        facets = [f["array"] if isinstance(f, dict) else f for f in described.get("facets", [])]
        named = described.get("sortable_columns", []) + facets
        named += [described[key] for key in ("label_column", "sort", "sort_desc") if key in described]
        assert set(named) <= set(columns[table]), table


def test_articles_search_and_facets():
    articles = TABLES["articles"]
    assert (articles["fts_table"], articles["fts_pk"]) == ("articles_fts", "rowid")
    # Five default facets: each reads the whole table at 1M articles (docs/benchmarks.md); others on demand.
    assert articles["facets"] == ["province_before", "province_after", "level", "year", "report_type"]
    assert set(articles["facets"]) <= set(archive.FACETS_BY_DATE)  # each indexed with the date for its pages
    reports = TABLES["reports"]
    assert (reports["fts_table"], reports["fts_pk"]) == ("articles_fts", "article_rowid")


def test_ranked_search_query_is_the_archives():
    assert METADATA["databases"]["archive"]["queries"]["search"]["sql"] == archive.SEARCH_SQL


def test_license_separates_code_from_texts():
    assert "Apache-2.0" in METADATA["license"]
    assert "publishers" in METADATA["license"]
    assert METADATA["title"] and METADATA["description"] and METADATA["source"]


def test_schema_doc_uses_the_metadata_words():
    documented = documented_tables(SCHEMA_DOC)
    assert list(documented) == list(TABLES)
    for table, described in TABLES.items():
        assert documented[table]["description"] == described["description"], table
        assert documented[table]["columns"] == described.get("columns", {}), table
