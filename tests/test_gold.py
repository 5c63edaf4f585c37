"""Every hand-annotated gold page in tests/gold is read right: platform, fields, text, no leaks."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from crawler.evaluation import leaks, normalize, token_f1
from crawler.extraction import detect_platform, extract_article, parse_listing
from crawler.text import decode_html

GOLD_DIR = Path(__file__).resolve().parent / "gold"
GOLD_FILES = sorted(GOLD_DIR.glob("*/*.json"))
MIN_F1 = 0.97


def load(path: Path) -> tuple[dict, str]:
    gold = json.loads(path.read_text(encoding="utf-8"))
    return gold, decode_html(path.with_suffix(".html").read_bytes())


def gold_ids(kind: str) -> list:
    files = [p for p in GOLD_FILES if json.loads(p.read_text(encoding="utf-8"))["kind"] == kind]
    return [pytest.param(p, id=f"{p.parent.name}/{p.stem}") for p in files]


@pytest.mark.parametrize("path", gold_ids("article"))
def test_gold_article(path):
    gold, html = load(path)
    fetched_at = datetime.fromisoformat(gold["fetched_at"])
    assert detect_platform(gold["url"], html) == gold["platform"]
    article = extract_article(gold["url"], html, fetched_at, listing_date=gold.get("listing_date"))
    assert article.shell == gold.get("shell")
    if gold.get("shell"):
        return
    assert article.title == gold["title"]
    assert article.published == gold["published"]
    assert (article.author, article.author_org) == (gold["author"], gold["author_org"])
    assert article.source == gold["source"]
    assert token_f1(article.text, "\n\n".join(gold["body"])) >= MIN_F1
    assert not leaks(article.text, gold["not_in_text"])
    assert [normalize(c) for c in article.captions] == [normalize(c) for c in gold["captions"]]
    assert article.documents == gold["documents"]


@pytest.mark.parametrize("path", gold_ids("listing"))
def test_gold_listing(path):
    gold, html = load(path)
    assert detect_platform(gold["url"], html) == gold["platform"]
    listing = parse_listing(gold["url"], html, datetime.fromisoformat(gold["fetched_at"]), gold["platform"])
    assert [(e.url, e.title, e.date) for e in listing.entries] == [
        (item["url"], item["title"], item["date"]) for item in gold["items"]
    ]
    assert listing.next_page == gold["next_page"]
