"""The researchers' Datasette in a real browser: Debian's headless Chromium driven by Playwright.

`danvan serve` runs on 127.0.0.1 over the demo archive (plus one article whose title and text
carry markup); each test works the page as a researcher would and checks what it shows against
the archive itself. Every page ends as a screenshot in ``test-artifacts/browser/`` (or under
``$DANVAN_TEST_ARTIFACTS``). Chromium comes from Debian (`make browser`); without it these tests
skip and say so.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest
from datasette.utils import tilde_encode

from crawler import archive
from tests.serving import HOSTILE, IMAGE, ROOT, SCRIPT

sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed: make install")

CHROMIUM = Path(os.environ.get("DANVAN_CHROMIUM", "/usr/bin/chromium"))
INSTALL_HINT = "install Debian's Chromium with `make browser` (sudo apt-get install chromium)"
CHROMIUM_FLAGS = [
    "--no-sandbox",  # CI runs as root, where Chromium's sandbox refuses to start
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    # Chromium's own calls home would be refused by an offline machine, many at a time.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(os.environ.get("DANVAN_TEST_ARTIFACTS", ROOT / "test-artifacts")) / "browser"
WAIT_MS = 20_000
SCREENSHOT_MAX_HEIGHT = 4000

pytestmark = pytest.mark.skipif(not CHROMIUM.is_file(), reason=f"no Chromium at {CHROMIUM}: {INSTALL_HINT}")


@pytest.fixture(scope="module")
def chromium():
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium, request):
    """A fresh page that records script errors and dialogs, and is saved as a screenshot at the end."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    tab = context.new_page()
    tab.script_errors, tab.dialogs = [], []
    tab.on("pageerror", lambda error: tab.script_errors.append(str(error)))
    tab.on("dialog", lambda dialog: (tab.dialogs.append(dialog.message), dialog.dismiss()))
    yield tab
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(sync_api.Error):
        height = min(tab.evaluate("document.documentElement.scrollHeight"), SCREENSHOT_MAX_HEIGHT)
        tab.screenshot(path=ARTIFACTS / f"{request.node.name}.png", full_page=True,
                       clip={"x": 0, "y": 0, "width": 1280, "height": height})
    context.close()


def query(served, sql: str, *params) -> list[tuple]:
    with contextlib.closing(sqlite3.connect(served["db_path"])) as connection:
        return connection.execute(sql, params).fetchall()


def cells(page, column: str) -> list[str]:
    return page.locator(f"table.rows-and-columns tbody td.col-{column}").all_inner_texts()


def test_home_page_introduces_the_archive(page, served_url):
    page.goto(f"{served_url}/")
    assert "Dân vận" in page.locator("h1").inner_text()
    assert page.locator('a[href="/-/dashboards/danvan"]').first.is_visible()
    page.get_by_role("link", name="archive", exact=True).first.click()
    page.wait_for_url(f"{served_url}/archive")
    for name in ("articles", "reports", "documents", "Articles citing a document", "Reports per province per month"):
        assert page.get_by_role("link", name=name, exact=True).first.is_visible(), name
    assert page.script_errors == []


def test_search_without_diacritics_lists_every_matching_article(page, served_url, served):
    page.goto(f"{served_url}/archive/articles")
    page.fill("input[name=_search]", "dan van kheo")
    page.press("input[name=_search]", "Enter")
    page.wait_for_url(re.compile(r"_search=dan\+van\+kheo"))
    db = archive.open_archive(served["db_path"])
    expected = {row["url"] for row in archive.iter_articles(db, query="dan van kheo")}
    db.close()
    assert 0 < len(expected) <= 100  # one page of results
    assert page.locator("h3").first.inner_text().startswith(f"{len(expected)} rows where search matches")
    assert set(cells(page, "url")) == expected


def test_province_facet_shows_the_province_before_and_after_2025(page, served_url, served):
    page.goto(f"{served_url}/archive/articles")
    before = page.locator(".facet-info", has=page.locator("strong", has_text="province_before"))
    before.get_by_role("link", name="Hà Giang", exact=True).click()
    page.wait_for_url(re.compile(r"province_before=H%C3%A0\+Giang|province_before=Hà\+Giang"))
    ((count,),) = query(served, "select count(*) from articles where province_before = 'Hà Giang'")
    after = page.locator(".facet-info", has=page.locator("strong", has_text="province_after"))
    assert after.locator("li").all_inner_texts() == [f"Tuyên Quang {count}"]
    assert set(cells(page, "province_before")) == {"Hà Giang"}
    assert set(cells(page, "province_after")) == {"Tuyên Quang"}
    assert len(cells(page, "url")) == count


def test_canned_query_finds_the_articles_citing_a_document(page, served_url, served):
    page.goto(f"{served_url}/archive/articles_citing_document")
    page.fill("input[name=number]", "23-QĐ/TW")
    page.get_by_role("button", name="Run SQL").click()
    page.wait_for_url(re.compile(r"number=23"))
    expected = {url for (url,) in query(served, "select article from documents where number = '23-QĐ/TW'")}
    assert expected
    assert set(cells(page, "url")) == expected
    assert set(cells(page, "number")) == {"23-QĐ/TW"}


def test_reports_per_month_chart_draws_every_month(page, served_url, served):
    page.goto(f"{served_url}/-/dashboards/danvan")
    bars = page.locator("#chart-reports-per-month svg .mark-rect path")
    bars.first.wait_for(timeout=WAIT_MS)
    drawn = {}
    for label in bars.evaluate_all("paths => paths.map(path => path.getAttribute('aria-label'))"):
        month, reports = re.fullmatch(r".*Month: (\w+ \d{4}); .*Reports: (\d+)", label).groups()
        drawn[datetime.strptime(month, "%b %Y").strftime("%Y-%m")] = int(reports)
    expected = dict(query(served, "select substr(published, 1, 7), count(*) from reports "
                                  "where published glob '[0-9][0-9][0-9][0-9]-[0-9][0-9]*' group by 1"))
    assert len(expected) > 12 and drawn == expected
    assert page.script_errors == []


def test_markup_stored_in_an_article_is_shown_not_run(page, served_url):
    page.goto(f"{served_url}/archive/articles/{tilde_encode(HOSTILE.url)}")
    text = page.locator("td.col-text, td.type-str", has_text="Đoạn văn có mã").first.inner_text()
    assert SCRIPT in text and IMAGE in text and "<b>thẻ</b>" in text
    page.goto(f"{served_url}/archive/articles?_search=alert")  # a word of the markup, found in no other article
    assert cells(page, "title") == [HOSTILE.title]
    assert page.dialogs == [] and page.script_errors == []
    assert page.locator("b", has_text="thẻ").count() == 0 and page.locator('img[src="x"]').count() == 0
