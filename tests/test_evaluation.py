"""Scoring functions of crawler/evaluation.py, and scripts/evaluate.py end to end on two gold pages."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import lxml.html
import pytest

from crawler.evaluation import (
    DAY, EXACT, GoldPage, Summary, check_targets, date_at, leaks, misses, normalize, same_date,
    same_list, score_page, summarize, token_f1,
)
from crawler.text import decode_html

ROOT = Path(__file__).resolve().parents[1]
NBSP = "\u00a0"
GOLD = GoldPage(
    corpus="gold", name="generic/mau", platform="generic", url="https://xa.example.gov.vn/tin/1",
    title="Hội nghị dân vận", published="2024-03-14T16:05:00+07:00", author="Lê Hoàng", source=None,
    body=("Sáng 13/3, xã tổ chức hội nghị.", "Các đại biểu thảo luận sôi nổi."),
    not_in_text=("Tin liên quan", "Bản quyền thuộc UBND xã"), captions=("Toàn cảnh hội nghị.",),
    documents=("12-NQ/HU",),
)
RIGHT = {
    "platform": "generic", "title": "Hội nghị dân vận", "published": "2024-03-14T16:05:00+07:00",
    "author": "Lê Hoàng", "source": None,
    "text": "Sáng 13/3, xã tổ chức hội nghị.\n\nCác đại biểu thảo luận sôi nổi.",
    "captions": ["Toàn cảnh hội nghị."], "documents": ["12-NQ/HU"],
}


# --- normalize and token_f1 ----------------------------------------------------------------


def test_normalize_unescapes_composes_and_collapses_whitespace():
    decomposed = "Da\u0302n vận"  # â as a + combining circumflex
    assert normalize(f"  D&acirc;n{NBSP}\n vận ") == "Dân vận"
    assert normalize(decomposed) == "Dân vận"
    assert normalize(None) == ""


@pytest.mark.parametrize(
    ("predicted", "gold", "expected"),
    [
        ("dân vận khéo", "dân vận khéo", 1.0),
        ("", "", 1.0),  # nothing expected, nothing given
        ("", "dân vận", 0.0),
        ("dân vận", "", 0.0),
        ("một hai", "ba bốn", 0.0),
        ("khéo vận dân", "dân vận khéo", 1.0),  # a bag: order does not count
        ("a b c", "a b d", 2 / 3),
        ("a a", "a", 2 / 3),  # repeats count: precision 1/2, recall 1
        (f"Dân{NBSP}vận &amp; Mặt trận", "Dân vận & Mặt trận", 1.0),
    ],
)
def test_token_f1(predicted, gold, expected):
    assert token_f1(predicted, gold) == pytest.approx(expected)


def test_token_f1_ignores_paragraph_breaks():
    assert token_f1("Một.\n\nHai.", "Một. Hai.") == 1.0


# --- leaks ---------------------------------------------------------------------------------


def test_leaks_match_across_nbsp_entities_and_composition():
    text = f"Bài viết.\nTin{NBSP}liên quan\nBản quyền &copy; UBND xã"
    found = leaks(text, ["Tin liên quan", "Bản quyền © UBND xã", "Lượt xem"])
    assert found == ["Tin liên quan", "Bản quyền © UBND xã"]


def test_leaks_entity_in_the_gold_string_and_decomposed_text():
    assert leaks("Ca\u0301c tin kha\u0301c", ["Các tin khác"]) == ["Các tin khác"]
    assert leaks("Chia sẻ & In", ["Chia sẻ &amp; In"]) == ["Chia sẻ &amp; In"]


def test_leaks_ignore_empty_strings_and_keep_gold_order():
    assert leaks("b a", ["", "  ", "a", "b"]) == ["a", "b"]
    assert leaks("", ["Tin liên quan"]) == []


# --- dates ---------------------------------------------------------------------------------


def test_date_at_cuts_to_the_day():
    assert date_at("2024-03-14T16:05:00+07:00", DAY) == "2024-03-14"
    assert date_at("2024-03-14T16:05:00+07:00", EXACT) == "2024-03-14T16:05:00+07:00"
    assert date_at("2024-03-14", DAY) == "2024-03-14"
    assert date_at(None, DAY) is None and date_at("", EXACT) is None
    with pytest.raises(ValueError):
        date_at("2024-03-14", "month")


@pytest.mark.parametrize(
    ("predicted", "gold", "exact", "day"),
    [
        ("2024-03-14T16:05:00+07:00", "2024-03-14T16:05:00+07:00", True, True),
        ("2024-03-14", "2024-03-14T16:05:00+07:00", False, True),  # htmldate loses the time
        ("2024-03-14T16:05:00+07:00", "2024-03-14", False, True),  # a time the page does not show
        ("2024-03-14T17:05:00+07:00", "2024-03-14T16:05:00+07:00", False, True),
        ("2024-03-13", "2024-03-14", False, False),
        ("2024-03-14", "2024-03-14", True, True),
        (None, None, True, True),  # no date on the page, none given: right
        ("2019-07-06", None, False, False),  # a related-list date on a page without one
        (None, "2024-03-14", False, False),
    ],
)
def test_same_date_at_both_granularities(predicted, gold, exact, day):
    assert same_date(predicted, gold, EXACT) is exact
    assert same_date(predicted, gold, DAY) is day


# --- pages and summaries ---------------------------------------------------------------------


def test_score_page_all_right():
    scores = score_page(GOLD, RIGHT)
    assert all(scores[m] is True for m in ("platform", "title", "date_exact", "date_day", "author",
                                           "source", "captions", "documents"))
    assert scores["f1"] == 1.0 and scores["leaks"] == 0
    assert misses(GOLD, RIGHT, 0.97) == []


def test_score_page_only_scores_what_the_engine_answers():
    assert score_page(GOLD, {"published": "2024-03-14"}) == {"date_exact": False, "date_day": True}


def test_null_answers_are_right_for_null_gold():
    assert score_page(GOLD, {"source": None})["source"] is True
    assert score_page(GOLD, {"author": None})["author"] is False


def test_list_fields_are_skipped_where_the_gold_has_none():
    gold = replace(GOLD, captions=None)
    assert "captions" not in score_page(gold, RIGHT)
    assert same_list([f"Toàn{NBSP}cảnh hội nghị. "], ["Toàn cảnh hội nghị."])


def test_misses_name_each_wrong_field():
    answer = {**RIGHT, "title": "Cổng thông tin xã", "published": "2024-03-14",
              "text": RIGHT["text"] + "\nTin liên quan"}
    found = {m["field"]: m for m in misses(GOLD, answer, 0.99)}
    assert set(found) == {"title", "published", "text F1", "leaks"}
    assert found["published"]["got"] == "2024-03-14"
    assert found["leaks"]["got"] == ["Tin liên quan"]


def test_summarize_rates_f1_and_leaks():
    wrong = {**RIGHT, "title": "khác", "text": "Các đại biểu thảo luận sôi nổi. Tin liên quan"}
    summary = summarize([score_page(GOLD, RIGHT), score_page(GOLD, wrong)])
    assert summary.pages == 2
    assert summary.rate("title") == 0.5 and summary.rate("author") == 1.0
    assert summary.f1_min < summary.f1_mean < 1.0
    assert summary.leaks == 1
    assert summary.rate("source") == 1.0 and summary.as_dict()["scored"]["title"] == 2


def test_summary_of_a_dates_only_engine():
    summary = summarize([score_page(GOLD, {"published": "2024-03-14"})])
    assert summary.rate("title") is None and summary.f1_mean is None and summary.leaks is None
    assert (summary.rate("date_exact"), summary.rate("date_day")) == (0.0, 1.0)
    assert summarize([]).rate("title") is None


def test_check_targets_against_bars_and_baselines():
    ours = summarize([score_page(GOLD, RIGHT)])
    baseline = summarize([score_page(GOLD, {**RIGHT, "published": "2024-03-14", "text": "Sáng 13/3"})])
    targets = {t.name: t for t in check_targets(ours, baseline, baseline)}
    assert all(t.met for t in targets.values())
    assert targets["date_exact rate >= htmldate"].bar == 0.0
    nothing = check_targets(Summary(), Summary(), Summary())
    assert not any(t.met for t in nothing)


# --- scripts/evaluate.py end to end ----------------------------------------------------------

PAGE = """<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{title} - Xã Mẫu</title>
<meta property="article:published_time" content="{iso}"></head><body>
<div class="menu"><a href="/">Trang chủ</a> <a href="/tin">Tin tức</a></div>
<article><h1>{title}</h1><p>{paragraphs}</p></article>
<aside class="related"><h3>Tin liên quan</h3><ul><li><a href="/tin/9">Tin khác của xã</a> (01/01/2020)</li></ul></aside>
<footer>Bản quyền thuộc UBND xã Mẫu</footer></body></html>"""
WORDS = "Ban Dân vận Huyện ủy phối hợp với Ủy ban Mặt trận Tổ quốc xã tổ chức hội nghị đối thoại với Nhân dân"


def write_gold(folder: Path, name: str, title: str, iso: str) -> None:
    """One generic gold page (HTML and JSON) for the end-to-end run."""
    paragraphs = [f"{WORDS} lần thứ {n}, các đại biểu đã thảo luận nhiều ý kiến tâm huyết." for n in range(1, 5)]
    (folder / f"{name}.html").write_text(
        PAGE.format(title=title, iso=iso, paragraphs="</p><p>".join(paragraphs)), encoding="utf-8")
    gold = {
        "kind": "article", "url": f"https://mau.example.gov.vn/tin/{name}.html", "platform": "generic",
        "fetched_at": "2024-07-01T00:00:00+00:00", "listing_date": None, "traps": [], "title": title,
        "published": iso, "author": None, "author_org": None, "source": None, "body": paragraphs,
        "captions": [], "not_in_text": ["Tin liên quan", "Bản quyền thuộc UBND xã Mẫu"], "documents": [],
        "shell": None,
    }
    (folder / f"{name}.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")


@pytest.fixture(scope="module")
def evaluated(tmp_path_factory):
    """scripts/evaluate.py run on a temp gold folder of two pages: (process, report text, figures)."""
    root = tmp_path_factory.mktemp("eval")
    folder = root / "gold" / "generic"
    folder.mkdir(parents=True)
    write_gold(folder, "hoi_nghi_mot", "Hội nghị đối thoại lần thứ nhất", "2024-03-14T16:05:00+07:00")
    write_gold(folder, "hoi_nghi_hai", "Hội nghị đối thoại lần thứ hai", "2024-04-02T08:30:00+07:00")
    report, figures = root / "quality.md", root / "quality.json"
    process = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "evaluate.py"), "--corpus", "gold", "--gold-dir",
         str(root / "gold"), "--write", str(report), "--json", str(figures)],
        capture_output=True, text=True, timeout=120, cwd=root,
    )
    assert process.returncode == 0, process.stderr[-2000:]
    return process, report.read_text(encoding="utf-8"), json.loads(figures.read_text(encoding="utf-8"))


def test_end_to_end_scores_both_pages_with_every_engine(evaluated):
    _, _, figures = evaluated
    assert figures["corpora"] == {"gold": 2}
    assert [p["page"] for p in figures["pages"]] == ["generic/hoi_nghi_hai", "generic/hoi_nghi_mot"]
    rows = {(r["group"], r["engine"]): r for r in figures["rows"]}
    assert set(rows) == {(g, e) for g in ("gold", "all", "platform generic")
                         for e in ("ours", "trafilatura", "htmldate", "htmldate-fast")}
    assert all(r["pages"] == 2 for r in rows.values())
    assert rows[("all", "htmldate")]["rates"].keys() == {"date_exact", "date_day"}
    assert rows[("all", "ours")]["f1_mean"] is not None and rows[("all", "trafilatura")]["leaks"] is not None


def test_end_to_end_figures_agree_with_the_page_scores(evaluated):
    _, _, figures = evaluated
    for engine in ("ours", "trafilatura", "htmldate"):
        right = sum(p["engines"][engine]["scores"]["date_day"] for p in figures["pages"])
        row = next(r for r in figures["rows"] if r["group"] == "all" and r["engine"] == engine)
        assert row["right"]["date_day"] == right


def test_end_to_end_prints_the_table_and_writes_the_report(evaluated):
    process, report, figures = evaluated
    assert process.stdout.splitlines()[0].split()[:3] == ["group", "engine", "pages"]
    assert "Targets (all pages, ours):" in process.stdout
    for heading in ("## Results", "## Targets", "## Our misses", "## Machine and versions", "## Reproduce"):
        assert heading in report
    assert "| gold | ours | 2 |" in report
    assert f"trafilatura {figures['environment']['packages']['trafilatura']}" in report
    assert "make eval" in report


def test_a_missing_seed_folder_is_skipped_cleanly(tmp_path):
    process = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "evaluate.py"), "--corpus", "seed", "--seed-dir",
         str(tmp_path / "absent")], capture_output=True, text=True, timeout=120,
    )
    assert process.returncode == 0, process.stderr[-2000:]
    assert "seed pages not found" in process.stdout


# --- the generic gold pages agree with their HTML ----------------------------------------------

GENERIC_GOLD = sorted((ROOT / "tests" / "gold" / "generic").glob("*.json"))


def page_text(html: str) -> str:
    """The visible text of a page (scripts and styles dropped, image alt text kept), normalized."""
    root = lxml.html.fromstring(html)
    for element in root.xpath("//script|//style|//noscript"):
        element.drop_tree()
    for image in root.xpath("//img[@alt]"):
        image.tail = f" {image.get('alt')} {image.tail or ''}"
    return normalize(root.text_content())


@pytest.mark.parametrize("path", GENERIC_GOLD, ids=lambda p: p.stem)
def test_generic_gold_is_on_its_page(path):
    gold = json.loads(path.read_text(encoding="utf-8"))
    text = page_text(decode_html(path.with_suffix(".html").read_bytes()))
    article = [normalize(s) for s in [gold["title"], *gold["body"], *gold["captions"]]]
    assert [s for s in article if s not in text] == []
    assert [s for s in gold["not_in_text"] if normalize(s) not in text] == []
    assert [s for s in gold["not_in_text"] if any(normalize(s) in part for part in article)] == []
    body = normalize(" ".join(gold["body"]))
    assert all(number in body for number in gold["documents"])
    assert all(normalize(name) in text for name in (gold["author"], gold["author_org"], gold["source"]) if name)


def load_script():
    """scripts/evaluate.py as a module (scripts/ is not a package)."""
    spec = importlib.util.spec_from_file_location("evaluate_script", ROOT / "scripts" / "evaluate.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def test_an_engine_crash_is_an_empty_answer_not_a_crashed_report(monkeypatch):
    script = load_script()

    def broken(case):
        raise RuntimeError("hỏng")

    monkeypatch.setitem(script.ENGINES, "ours", broken)
    case = script.Case(GOLD, "<html><body><h1>Hội nghị dân vận</h1></body></html>", None)
    errors: list[str] = []
    answer = script.answer_or_failure("ours", case, errors)
    assert answer["title"] is None and answer["documents"] == []
    assert errors == ["ours failed on generic/mau: RuntimeError: hỏng"]
    assert score_page(GOLD, answer)["title"] is False
