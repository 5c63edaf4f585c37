"""Every gold page is read with its own platform from markup alone, on any host."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from crawler.extraction import PAGES, detect_platform
from crawler.extraction.detect import MIN_SCORE, score
from crawler.text import decode_html

GOLD_DIR = Path(__file__).resolve().parent / "gold"
UNKNOWN_HOST = "https://mirror.example.org/tin-tuc/bai-viet-1"


def gold_pages() -> list:
    """(platform, url, html) of every gold page, articles and listings."""
    pages = []
    for path in sorted(GOLD_DIR.glob("*/*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        html = decode_html(path.with_suffix(".html").read_bytes())
        pages.append(pytest.param(gold["platform"], gold["url"], html, id=f"{path.parent.name}/{path.stem}"))
    return pages


GOLD_PAGES = gold_pages()


@pytest.mark.parametrize("platform, url, html", GOLD_PAGES)
def test_gold_page_is_detected_on_its_host_and_on_an_unknown_one(platform, url, html):
    assert detect_platform(url, html) == platform
    assert detect_platform(UNKNOWN_HOST, html) == platform


@pytest.mark.parametrize("platform, url, html", [p for p in GOLD_PAGES if p.values[0] != "generic"])
def test_markup_alone_reaches_the_threshold(platform, url, html):
    assert score(PAGES[platform], UNKNOWN_HOST, html) >= MIN_SCORE
