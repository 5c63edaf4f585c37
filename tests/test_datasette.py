"""A real Datasette 0.65 over a small archive: the search box, facets and hidden tables."""

import asyncio
import json
import shutil
from pathlib import Path

import pytest
from datasette.app import Datasette
from datasette.utils import escape_fts as datasette_escape_fts

from crawler import archive
from crawler.items import Article
from crawler.registry import Site
from tests.bulk import add_copies

METADATA = json.loads((Path(__file__).resolve().parents[1] / "datasette_metadata.json").read_text(encoding="utf-8"))
SITES = [
    Site(id="camle", name="Quận Cẩm Lệ", level="district", platform="generic",
         base_url="https://camle.example.vn", start_urls=("https://camle.example.vn/dan-van",),
         status="gone", province_before="Đà Nẵng", province_after="Đà Nẵng", district="Cẩm Lệ"),
    Site(id="dai", name="Đài Phát thanh - Truyền hình tỉnh", level="broadcaster", platform="generic",
         base_url="https://dai.example.vn", start_urls=("https://dai.example.vn/thoi-su",),
         status="live", province_before="Quảng Nam", province_after="Đà Nẵng"),
]
# Written for these tests; only PARTY has a word that folds to "dang", "kheo" or "huyen".
PARTY = Article(
    url="https://camle.example.vn/dan-van/hoc-tap-nghi-quyet",
    platform="generic", site_id="camle", published="2022-08-15T14:00:00+07:00",
    title="Đảng ủy phường Hòa Thọ Tây nhân rộng điển hình “Dân vận khéo”",
    text="Huyện uỷ và Đảng ủy phường biểu dương 15 mô hình dân vận khéo trong xây dựng đô thị văn minh.",
)
FLOOD = Article(
    url="https://dai.example.vn/thoi-su/ho-tro-vung-lu",
    platform="generic", site_id="dai", published="2020-10-30",
    title="Mặt trận tỉnh hỗ trợ bà con vùng lũ",
    text="Các tổ chức đoàn thể vận động quyên góp gạo, nước uống cho bà con vùng lũ miền núi.",
)
SEARCHES = {
    "dang": [PARTY],
    "Đảng": [PARTY],
    "dan van kheo": [PARTY],
    "Dân vận khéo": [PARTY],
    "huyen uy": [PARTY],
    "Huyện ủy": [PARTY],
    "Huyện uỷ": [PARTY],
    "vung lu": [FLOOD],
    "vùng lũ": [FLOOD],
    "Mặt trận": [FLOOD],
    "ba con": [FLOOD],
    "hoa tho tay": [PARTY],
    "quyên góp khéo": [],
}


@pytest.fixture(scope="module")
def archive_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("datasette") / "archive.db"  # database name "archive"
    db = archive.open_archive(path)
    archive.save_sites(db, SITES)
    run = archive.start_run(db, "danvan crawl", "2025-06-01T02:00:00+00:00")
    for article in (PARTY, FLOOD):
        archive.save_article(db, article, run, "2025-06-01T02:00:00+00:00")
    db.close()
    return path


def get_json(path: Path, url: str, **params) -> dict | list:
    """GET ``url`` from a fresh Datasette over ``path`` with the project's metadata."""

    async def fetch():
        datasette = Datasette([str(path)], metadata=METADATA)
        await datasette.invoke_startup()
        response = await datasette.client.get(url, params=params)
        assert response.status_code == 200, response.text[:500]
        return response.json()

    return asyncio.run(fetch())


@pytest.mark.parametrize("query", list(SEARCHES))
def test_search_box_finds_with_or_without_diacritics(archive_path, query):
    rows = get_json(archive_path, "/archive/articles.json", _search=query, _shape="array")
    assert {row["url"] for row in rows} == {article.url for article in SEARCHES[query]}


@pytest.mark.parametrize("query", list(SEARCHES))
def test_search_articles_agrees_with_datasette(archive_path, query):
    rows = get_json(archive_path, "/archive/articles.json", _search=query, _shape="array")
    db = archive.open_archive(archive_path)
    assert {r["url"] for r in archive.search_articles(db, query)} == {r["url"] for r in rows}
    db.close()


@pytest.mark.parametrize("query", ["dang", "Dân vận khéo", '"dân vận" khéo', 'ab"c', '"', "  a  b ", "x OR y"])
def test_query_escaping_is_datasettes(query):
    assert archive.escape_fts(query) == datasette_escape_fts(query)


def test_raw_search_mode_allows_prefixes(archive_path):
    rows = get_json(archive_path, "/archive/articles.json", _search="qu*", _searchmode="raw", _shape="array")
    assert {row["url"] for row in rows} == {FLOOD.url}


def test_articles_have_the_configured_facets(archive_path):
    page = get_json(archive_path, "/archive/articles.json", _search="dan van")
    facets = page["facet_results"]
    assert set(facets) == {"province_before", "province_after", "level", "year", "report_type"}
    years = {item["value"]: item["count"] for item in facets["year"]["results"]}
    assert years == {2022: 1}
    assert {item["value"] for item in facets["level"]["results"]} == {"district"}


def test_other_columns_are_faceted_on_demand(archive_path):
    page = get_json(archive_path, "/archive/articles.json", _facet=["site", "month", "platform"], _facet_array="documents")
    assert {"site", "month", "platform", "documents"} <= set(page["facet_results"])
    assert page["facet_results"]["month"]["results"]


@pytest.fixture(scope="module")
def crowded_path(archive_path, tmp_path_factory):
    """The archive with 50,000 more copies of PARTY: searching its words sorts 50,001 matches (~0.1 s)."""
    path = tmp_path_factory.mktemp("crowded") / "archive.db"
    shutil.copy(archive_path, path)
    db = archive.open_archive(path)
    add_copies(db, PARTY.url, 50_000)
    db.close()
    return path


def test_a_search_too_broad_to_sort_in_time_says_what_works_instead(crowded_path):
    async def fetch(url):
        # A limit the sort cannot meet, but hundreds of times what every other query of the page takes.
        datasette = Datasette([str(crowded_path)], metadata=METADATA, settings={"sql_time_limit_ms": 25})
        await datasette.invoke_startup()
        return await datasette.client.get(url)

    page = asyncio.run(fetch("/archive/articles?_search=dân+vận"))
    assert page.status_code == 400
    assert "Too many matches to sort in time" in page.text
    assert 'href="/archive/search?q=d%C3%A2n+v%E1%BA%ADn"' in page.text and "danvan export --query" in page.text
    hostile = asyncio.run(fetch("/archive/articles?_search=dân+%3C%2F%3E%26"))  # </>&: no words to the tokenizer
    assert "Too many matches" in hostile.text and "“dân &lt;/&gt;&amp;”" in hostile.text
    as_json = asyncio.run(fetch("/archive/articles.json?_search=dân+vận"))
    assert as_json.status_code == 400 and as_json.json()["title"] == "SQL Interrupted"


def test_site_is_labelled_by_name(archive_path):
    rows = get_json(archive_path, "/archive/articles.json", _labels="on", _shape="array", _search="lũ")
    assert rows[0]["site"] == {"value": "dai", "label": "Đài Phát thanh - Truyền hình tỉnh"}


def test_search_index_and_migrations_are_hidden(archive_path):
    tables = {t["name"]: t["hidden"] for t in get_json(archive_path, "/archive.json")["tables"]}
    assert {name for name, hidden in tables.items() if not hidden} == {
        "articles", "clusters", "documents", "sites", "crawl_runs", "crawl_run_sites", "skipped_pages",
        "fetch_failures", "captures", "article_versions", "redirects",
    }


def test_search_page_renders(archive_path):
    async def fetch():
        datasette = Datasette([str(archive_path)], metadata=METADATA)
        await datasette.invoke_startup()
        return await datasette.client.get("/archive/articles", params={"_search": "dan van kheo"})

    response = asyncio.run(fetch())
    assert response.status_code == 200
    assert 'name="_search"' in response.text
    assert "Dân vận khéo" in response.text and "vùng lũ" not in response.text
