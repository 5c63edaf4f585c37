"""The extraction benchmark runs at a tiny size and reports its keys (no timing is asserted)."""

from __future__ import annotations

import json

from bench import common, extract

KEYS = ("extract_vs_trafilatura", "extract_ms_per_page", "trafilatura_ms_per_page", "extract_details")


def test_run_reports_the_issue_keys_and_details():
    results = extract.run(repeat=2, limit=3)
    assert set(results) == set(KEYS)
    details = results["extract_details"]
    assert details["pages"] == 3 and details["repeat"] == 2
    assert results["extract_vs_trafilatura"] > 0 and details["ratio_detect"] > 0
    low, high = details["ours_ms_per_page_spread"]
    assert low <= results["extract_ms_per_page"] <= high
    assert set(details["stages_ms_per_page"]["ours"]) == set(extract.STAGES)


def test_pages_keep_the_raw_bytes_the_loaders_decoded():
    pages = extract.load_pages()
    corpora = {page.corpus for page in pages}
    assert {"gold", "fixture"} <= corpora
    assert all(extract.decode_html(page.body, page.content_type) == page.html for page in pages[:20])


def test_registered_hosts_get_the_registry_platform():
    hints = extract.registry_hints()
    assert extract.hint_for("https://hagiangtv.vn/tin/a-1234567", hints) == "vnpt-media"
    assert extract.hint_for("https://unknown.example.vn/", hints) is None


def test_json_mode_prints_one_object_last_and_writes_nothing(monkeypatch, capsys):
    def no_write(results):
        raise AssertionError("--json must not write bench/results.json")

    monkeypatch.setattr(common, "merge_results", no_write)
    assert extract.main(["--json", "--repeat", "1", "--limit", "2"]) == 0
    assert set(json.loads(capsys.readouterr().out.strip().splitlines()[-1])) == set(KEYS)
