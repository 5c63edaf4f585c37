"""The search benchmark runs end to end on a tiny synthetic archive and reports its keys (no timings asserted)."""

import json
import sqlite3

import pytest

from bench import search, synthetic
from crawler import admin_units

SIZE = 300


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    return tmp_path_factory.mktemp("bench")


def test_synthetic_archive_looks_like_what_researchers_query(workdir):
    path, _ = synthetic.ensure(SIZE, workdir, workers=1)
    db = sqlite3.connect(path)
    levels = {level for (level,) in db.execute("select distinct level from articles")}
    assert levels == set(synthetic.LEVEL_SHARES)
    provinces = {p for (p,) in db.execute("select distinct province_before from articles where province_before is not null")}
    assert provinces <= set(admin_units.PROVINCES_BEFORE) and len(provinces) > 20
    assert db.execute("select count(distinct month) from articles").fetchone()[0] > 50
    assert db.execute("select count(*) from articles where report_type is not null").fetchone()[0] > 0.1 * SIZE
    cited = [json.loads(d) for (d,) in db.execute("select documents from articles where documents != '[]'")]
    assert cited and db.execute("select count(*) from documents").fetchone()[0] == sum(map(len, cited))
    common = db.execute("select count(*) from articles_fts where articles_fts match '\"dân vận\"'").fetchone()[0]
    assert common > SIZE / 2  # the hard case: a common word matches most rows
    assert db.execute("select count(*) from clusters").fetchone()[0] < SIZE  # some rows are copies


def test_search_bench_reports_its_keys(workdir):
    result = search.run(repeat=1, size=SIZE, requests=1, workdir=workdir)
    assert {"fts_p50_ms", "fts_p95_ms", "facet_p95_ms", "search_size", "search_details"} <= set(result)
    details = result["search_details"]
    assert not details["errors"]
    assert {f"ranked:{kind}" for kind in search.QUERIES} <= set(details["by_kind"])
    assert details["search_box_p95_ms"] > 0
    assert details["peak_mb"] > 0
