"""The reprocess benchmark case runs end to end on a tiny crawled archive and reports its keys."""

from __future__ import annotations

from bench import reprocess as case

TINY = 6
"""Generated stories: one per fixture portal, on top of the fixture's own 114 articles."""


def test_reprocess_case_reports_its_keys(tmp_path, monkeypatch):
    monkeypatch.setattr(case, "WORKDIR", tmp_path)
    results = case.run(repeat=1, articles=TINY, serial=False)
    details = results["reprocess_details"]
    pages = details["build"]["articles"]
    assert pages == TINY + 114
    assert results["reprocess_pages_per_s"] == details["as_crawled"]["pages_per_s"] > 0
    assert details["as_crawled"]["pages"] == details["every_article_changed"]["pages"] == pages
    assert details["as_crawled"]["changes"] == "nothing changed"
    assert details["every_article_changed"]["changes"] == f"{pages} text changed"
    assert details["peak_mb"] > 0
    assert (tmp_path / f"reprocess-{TINY}-v{case.BUILD_VERSION}" / "warc").is_dir()


def test_generated_stories_are_new_and_distinct():
    from tests.fixture_web.sites import SITES

    site = SITES[0]
    stories = case.generated_stories(site, 30, case._sentences(SITES), seed=1)
    assert len({story.title for story in stories} | {story.title for story in site.stories}) == 30 + len(site.stories)
    assert len({story.paragraphs[0] for story in stories}) == 30
