"""The dedup benchmark runs end to end on a tiny synthetic archive (no timings asserted)."""

import sqlite3

from bench import dedup, synthetic

SIZE = 300


def test_dedup_bench_reports_its_keys_and_leaves_the_archive_as_it_was(tmp_path):
    path, _ = synthetic.ensure(SIZE, tmp_path, workers=1)
    before = sqlite3.connect(path).execute("select count(*) from articles").fetchone()[0]
    result = dedup.run(repeat=1, sizes=(SIZE,), new=20, workdir=tmp_path)
    details = result["dedup_details"][str(SIZE)]
    assert set(result["dedup_ms_per_article"]) == {str(SIZE)}
    assert details["misclustered"] == 0 and details["articles"] == before
    assert 0 < details["dedup_cpu_ms_median"] and 0 < details["dedup_ms_median"] < details["save_ms_median"]
    db = sqlite3.connect(path)
    assert db.execute("select count(*) from articles where url like 'https://bench.example.vn/%'").fetchone() == (0,)
    assert db.execute("select count(*) from articles").fetchone()[0] == before
