"""The dashboard of charts (datasette-dashboards) over a demo archive, in Datasette 0.65.

Reports over time, by province before and after the 2025 merger and by level, configured under
``plugins`` in ``datasette_metadata.json`` and linked from the home page. Every chart's SQL is
taken from the dashboard page as the plugin renders it and asked of the JSON API as the page's
JavaScript asks (``/<db>.json?sql=...&<filters>&_shape=objects``); the Vega scripts must come from
the plugin's own static files, since the archive is read on machines without internet.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip(
    "datasette_dashboards",
    reason="datasette-dashboards is not installed (pyproject.toml: datasette-dashboards>=0.8,<0.9)",
)

from datasette.app import Datasette  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
METADATA = json.loads((ROOT / "datasette_metadata.json").read_text(encoding="utf-8"))
SLUG = "danvan"
DASHBOARD = ((METADATA.get("plugins") or {}).get("datasette-dashboards") or {}).get(SLUG)
NOT_CONFIGURED = (f"datasette_metadata.json has no plugins.datasette-dashboards.{SLUG}: "
                  "the dashboard configuration is not merged yet")
CHARTS = sorted(slug for slug, chart in ((DASHBOARD or {}).get("charts") or {}).items() if chart.get("query"))
"""The charts that run SQL (a markdown card runs none)."""
CHART_PARAMS = CHARTS or [pytest.param("-", marks=pytest.mark.skip(reason=NOT_CONFIGURED))]
ASKED_FOR = {"reports-per-month", "reports-by-province-before", "reports-by-province-after", "reports-by-level"}
LEVELS = {"district", "provincial", "central", "broadcaster", "newspaper"}
FILTERED = {"level": "district", "year_from": "2020"}


@pytest.fixture(scope="module")
def archive_path(tmp_path_factory):
    """The demo crawl, saved as archive.db: the database name the charts' ``db`` gives."""
    workdir = tmp_path_factory.mktemp("dashboards")
    path = workdir / "archive.db"
    crawl = subprocess.run(
        [sys.executable, "-m", "crawler", "crawl", "--demo", "--db", str(path), "--setting", "LOG_LEVEL=WARNING"],
        cwd=workdir, env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True, timeout=600,
    )
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    return path


def fetch(path: Path, *requests: tuple[str, dict]) -> list:
    """GET each (url, params) from one fresh Datasette over ``path`` with the project's metadata."""

    async def run():
        datasette = Datasette([str(path)], metadata=METADATA)
        await datasette.invoke_startup()
        return [await datasette.client.get(url, params=params) for url, params in requests]

    return asyncio.run(run())


def rendered_charts(html: str) -> dict[str, dict]:
    """{chart slug: chart} as the dashboard page hands them to renderChart(), filters applied."""
    decoder = json.JSONDecoder()
    charts = {}
    for match in re.finditer(r"renderChart\('([^']+)', ", html):
        charts[match.group(1)], _ = decoder.raw_decode(html, match.end())
    return charts


@pytest.fixture(scope="module")
def pages(request):
    """The home page, the dashboard list, the dashboard unfiltered and filtered."""
    if DASHBOARD is None:
        pytest.fail(NOT_CONFIGURED)
    archive_path = request.getfixturevalue("archive_path")
    home, listing, dashboard, filtered = fetch(
        archive_path, ("/", {}), ("/-/dashboards", {}), (f"/-/dashboards/{SLUG}", {}),
        (f"/-/dashboards/{SLUG}", FILTERED),
    )
    for response in (home, listing, dashboard, filtered):
        assert response.status_code == 200, response.text[:500]
    return {"home": home.text, "list": listing.text, "dashboard": dashboard.text, "filtered": filtered.text}


def chart_data(archive_path, chart: dict, filters: dict) -> dict:
    (response,) = fetch(archive_path, (f"/{chart['db']}.json", {"sql": chart["query"], **filters, "_shape": "objects"}))
    assert response.status_code == 200, response.text[:500]
    return response.json()


def test_dashboard_has_the_charts_asked_for():
    assert DASHBOARD is not None, NOT_CONFIGURED
    assert ASKED_FOR <= set(CHARTS)
    assert {DASHBOARD["charts"][slug]["db"] for slug in CHARTS} == {"archive"}
    for slug in ASKED_FOR:
        assert re.search(r"\bfrom reports\b", DASHBOARD["charts"][slug]["query"]), f"{slug} counts reports"


def test_home_page_links_to_the_dashboard(pages):
    assert f'href="/-/dashboards/{SLUG}"' in pages["home"]  # the description
    assert 'href="/-/dashboards"' in pages["home"]  # the plugin's menu link
    assert f'href="/-/dashboards/{SLUG}"' in pages["list"] and DASHBOARD["title"] in pages["list"]


def test_dashboard_page_renders_every_chart(pages):
    assert DASHBOARD["title"] in pages["dashboard"]
    assert set(rendered_charts(pages["dashboard"])) == set(DASHBOARD["charts"])


def test_level_filter_offers_every_level_of_the_demo(pages):
    if "level" not in DASHBOARD.get("filters", {}):
        pytest.skip("the dashboard has no level filter")
    offered = set(re.findall(r'<option value="([^"]+)"', pages["dashboard"]))
    assert LEVELS <= offered


@pytest.mark.parametrize("slug", CHART_PARAMS)
def test_chart_sql_returns_rows(archive_path, pages, slug):
    chart = rendered_charts(pages["dashboard"])[slug]
    data = chart_data(archive_path, chart, {})
    assert data["rows"], f"{slug}: no rows"
    assert any(isinstance(value, int) and value > 0 for row in data["rows"] for value in row.values()), slug
    assert not data.get("truncated"), f"{slug}: more rows than Datasette returns"


@pytest.mark.parametrize("slug", CHART_PARAMS)
def test_chart_sql_follows_the_filters(archive_path, pages, slug):
    filters = {key: value for key, value in FILTERED.items() if key in DASHBOARD.get("filters", {})}
    if not filters:
        pytest.skip("the dashboard has no level or year filter")
    chart = rendered_charts(pages["filtered"])[slug]
    everything = chart_data(archive_path, rendered_charts(pages["dashboard"])[slug], {})
    data = chart_data(archive_path, chart, filters)
    assert data["rows"], f"{slug}: no rows for {filters}"
    assert data["rows"] != everything["rows"], f"{slug}: the filters changed nothing"
    for row in data["rows"]:
        if "level" in row and "level" in filters:
            assert row["level"] == filters["level"]
        if "year" in row and "year_from" in filters:
            assert row["year"] >= int(filters["year_from"])


def test_charts_follow_an_archive_served_under_another_name(archive_path, tmp_path):
    renamed = tmp_path / "quangninh-2026.db"
    shutil.copy(archive_path, renamed)
    (dashboard,) = fetch(renamed, (f"/-/dashboards/{SLUG}", {}))
    assert dashboard.status_code == 200, dashboard.text[:500]
    charts = rendered_charts(dashboard.text)
    assert {chart["db"] for slug, chart in charts.items() if slug in CHARTS} == {"quangninh-2026"}
    assert chart_data(renamed, charts["reports-per-month"], {})["rows"]
    assert {DASHBOARD["charts"][slug]["db"] for slug in CHARTS} == {"archive"}  # the metadata itself unchanged


@pytest.mark.parametrize("slug", CHART_PARAMS)
def test_chart_page_responds(archive_path, slug):
    (response,) = fetch(archive_path, (f"/-/dashboards/{SLUG}/{slug}", {}))
    assert response.status_code == 200, response.text[:500]
    (chart,) = rendered_charts(response.text).values()  # rendered under the dashboard's slug
    assert chart["title"] == DASHBOARD["charts"][slug]["title"]


def test_scripts_and_styles_are_served_by_datasette(archive_path, pages):
    html = pages["dashboard"]
    assets = sorted(set(re.findall(r'<(?:script|link)\b[^>]*?\b(?:src|href)="([^"]+)"', html)))
    assert not [url for url in assets if url.startswith(("http:", "https:", "//"))], assets
    for name in ("vega.min.js", "vega-lite.min.js", "vega-embed.min.js", "dashboards.js"):
        assert any(url.endswith(name) for url in assets), name
    for url, response in zip(assets, fetch(archive_path, *[(url, {}) for url in assets])):
        assert response.status_code == 200 and response.content, url
