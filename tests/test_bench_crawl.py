"""The crawl bench case runs at a tiny size and produces its keys (timings are the bench's business)."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from bench import crawl
from bench.portal import KEY_BASE, GrownWeb
from crawler.extraction import extract_article, parse_listing
from crawler.registry import load_registry
from crawler.text import decode_html

FETCHED = datetime(2025, 6, 1, tzinfo=timezone.utc)
SITES = {site.id: site for site in load_registry()}


@pytest.fixture(scope="module")
def web():
    return GrownWeb(per_site=25, page_size=10)


def test_grown_portals_read_through_the_real_page_objects(web):
    for grown in web.sites:
        site = SITES[grown.spec.site_id]
        pages = list(grown.listings)
        html = decode_html(web[pages[1]].body, web[pages[1]].header("Content-Type"))
        listing = parse_listing(pages[1], html, FETCHED, site.platform_hint)
        assert len(listing.entries) == 10 and listing.next_page, grown.spec.site_id
        url = next(iter(grown.generated))
        article = extract_article(url, decode_html(web[url].body, web[url].header("Content-Type")), FETCHED,
                                  site.platform_hint)
        assert article.title == grown.story(0).title and article.text, grown.spec.site_id


def test_grown_web_counts(web):
    assert web.article_count() == 114 + 6 * 25
    generated = [url for grown in web.sites for url in grown.generated]
    assert len(set(generated)) == 6 * 25
    assert web.sites[0].story(3).key == KEY_BASE + 3
    assert web.sites[0].story(3) == web.sites[0]._make_story(3)  # deterministic


def test_bench_case_runs_and_reports_its_keys(monkeypatch, tmp_path):
    monkeypatch.setattr(crawl, "CASE_DIR", tmp_path)
    results = crawl.run(repeat=1, per_site=2, fixture_pair=False)
    assert {"crawl_pages_per_s", "bare_scrapy_pages_per_s", "incremental_request_ratio", "crawl_details"} <= set(results)
    details = results["crawl_details"]
    assert details["articles_archived"] == details["articles_served"] == 114 + 6 * 2
    assert details["pages"] == details["runs"][0]["bare"]["pages"]  # the bare spider fetched the same pages
    assert 0 < results["incremental_request_ratio"] < 1
    assert results["crawl_pages_per_s"] > 0 and results["bare_scrapy_pages_per_s"] > 0
