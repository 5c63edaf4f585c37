"""Scoring extraction against gold annotations (pure; used by `make eval` and the gold tests).

An *answer* is a dict holding only the fields an engine gives (``title``, ``published``,
``author``, ``source``, ``text``); a field the engine does not give is not scored. Dates are
compared at two granularities: ``exact`` (the archive string, time and offset included) and
``day`` (YYYY-MM-DD). A null answer is right where the gold is null.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from statistics import fmean

EXACT = "exact"
DAY = "day"
GRANULARITIES = (EXACT, DAY)
DAY_CHARS = len("YYYY-MM-DD")
EXACT_FIELDS = ("title", "author", "source")
"""Fields scored by string equality (a null answer is right for a null gold)."""
LIST_FIELDS = ("captions", "documents")
"""Fields scored as whole lists, item by item after ``normalize`` (only where the gold has them)."""
RATE_METRICS = ("platform", "title", "date_exact", "date_day", "author", "source", *LIST_FIELDS)
"""Right/wrong metrics, reported as the share of pages answered right."""
F1_METRIC = "f1"
F1_DIGITS = 3
LEAK_METRIC = "leaks"
PARAGRAPH_SEPARATOR = "\n\n"


def normalize(text: str) -> str:
    """The gold's comparison form: entities unescaped, NFC, whitespace runs to one space."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", html.unescape(text or ""))).strip()


def token_f1(predicted: str, gold: str) -> float:
    """Bag-of-tokens F1 between two texts, after ``normalize``."""
    pred, ref = Counter(normalize(predicted).split()), Counter(normalize(gold).split())
    overlap = sum((pred & ref).values())
    if not overlap:
        return 1.0 if not pred and not ref else 0.0
    precision, recall = overlap / sum(pred.values()), overlap / sum(ref.values())
    return 2 * precision * recall / (precision + recall)


def leaks(text: str, not_in_text: list[str]) -> list[str]:
    """The boilerplate strings that appear in the extracted text."""
    haystack = normalize(text)
    return [s for s in not_in_text if normalize(s) and normalize(s) in haystack]


# --- dates --------------------------------------------------------------------------------


def date_at(value: str | None, granularity: str) -> str | None:
    """A date cut to a granularity: ``exact`` keeps the string, ``day`` keeps YYYY-MM-DD."""
    if granularity not in GRANULARITIES:
        raise ValueError(f"unknown granularity {granularity!r}; known: {', '.join(GRANULARITIES)}")
    if not value:
        return None
    value = value.strip()
    return value if granularity == EXACT else value[:DAY_CHARS]


def same_date(predicted: str | None, gold: str | None, granularity: str) -> bool:
    """Whether an answer's date agrees with the gold at a granularity (null = null is right)."""
    return date_at(predicted, granularity) == date_at(gold, granularity)


def same_list(predicted: list[str] | None, gold: list[str] | tuple[str, ...]) -> bool:
    """Whether two lists of strings agree item by item after ``normalize``."""
    return [normalize(x) for x in predicted or ()] == [normalize(x) for x in gold]


# --- one page -----------------------------------------------------------------------------


@dataclass(frozen=True)
class GoldPage:
    """One annotated article: which corpus and platform it belongs to, and the right answers."""

    corpus: str
    name: str
    platform: str
    url: str
    title: str | None
    published: str | None
    author: str | None
    source: str | None
    body: tuple[str, ...]
    not_in_text: tuple[str, ...] = ()
    captions: tuple[str, ...] | None = None
    documents: tuple[str, ...] | None = None

    @property
    def text(self) -> str:
        """The gold main text, paragraphs joined as the extractor joins them."""
        return PARAGRAPH_SEPARATOR.join(self.body)


def score_page(gold: GoldPage, answer: dict) -> dict:
    """Per-metric results of one engine's answer: bools for rates, the F1, the leak count."""
    scores: dict = {}
    if "platform" in answer:
        scores["platform"] = answer["platform"] == gold.platform
    for name in EXACT_FIELDS:
        if name in answer:
            scores[name] = answer[name] == getattr(gold, name)
    for name in LIST_FIELDS:
        if name in answer and getattr(gold, name) is not None:
            scores[name] = same_list(answer[name], getattr(gold, name))
    if "published" in answer:
        for granularity in GRANULARITIES:
            scores[f"date_{granularity}"] = same_date(answer["published"], gold.published, granularity)
    if "text" in answer:
        scores[F1_METRIC] = token_f1(answer["text"] or "", gold.text)
        scores[LEAK_METRIC] = len(leaks(answer["text"] or "", list(gold.not_in_text)))
    return scores


def misses(gold: GoldPage, answer: dict, min_f1: float) -> list[dict]:
    """The fields an answer got wrong on a page: field, expected, got (text: F1 below min_f1)."""
    scores = score_page(gold, answer)
    found = [
        {"field": name, "expected": getattr(gold, name), "got": answer[name]}
        for name in ("platform", *EXACT_FIELDS, *LIST_FIELDS) if scores.get(name) is False
    ]
    if scores.get("date_exact") is False:
        found.append({"field": "published", "expected": gold.published, "got": answer["published"]})
    if F1_METRIC in scores and scores[F1_METRIC] < min_f1:
        f1 = round(scores[F1_METRIC], F1_DIGITS)
        found.append({"field": "text F1", "expected": f">= {min_f1}", "got": f1})
    if scores.get(LEAK_METRIC):
        found.append({"field": "leaks", "expected": [], "got": leaks(answer["text"], list(gold.not_in_text))})
    return found


# --- many pages ---------------------------------------------------------------------------


@dataclass
class Summary:
    """Aggregated scores of one engine over a group of pages."""

    pages: int = 0
    right: dict[str, int] = field(default_factory=dict)
    """Metric -> pages answered right (only metrics the engine answers)."""
    scored: dict[str, int] = field(default_factory=dict)
    """Metric -> pages the metric was scored on."""
    f1_mean: float | None = None
    f1_min: float | None = None
    leaks: int | None = None

    def rate(self, metric: str) -> float | None:
        """Share of pages answered right on a metric, or None when the engine does not answer it."""
        if not self.scored.get(metric):
            return None
        return self.right[metric] / self.scored[metric]

    def as_dict(self) -> dict:
        """JSON-ready figures: counts, rates, F1 and leaks."""
        rates = {metric: self.rate(metric) for metric in self.right}
        return {
            "pages": self.pages, "right": dict(self.right), "scored": dict(self.scored), "rates": rates,
            "f1_mean": self.f1_mean, "f1_min": self.f1_min, "leaks": self.leaks,
        }


def summarize(page_scores: list[dict]) -> Summary:
    """Aggregate per-page scores (all from one engine) into rates, mean/min F1 and leaks."""
    summary = Summary(pages=len(page_scores))
    for metric in RATE_METRICS:
        answered = [s[metric] for s in page_scores if metric in s]
        if answered:
            summary.right[metric], summary.scored[metric] = sum(answered), len(answered)
    f1s = [s[F1_METRIC] for s in page_scores if F1_METRIC in s]
    if f1s:
        summary.f1_mean, summary.f1_min = fmean(f1s), min(f1s)
        summary.leaks = sum(s[LEAK_METRIC] for s in page_scores if LEAK_METRIC in s)
    return summary


# --- targets ------------------------------------------------------------------------------

TARGETS = {"title": 0.97, "date_exact": 0.95, "author": 0.90}
"""The issue's minimum rates for our extractor over all pages."""
F1_TARGET = 0.95


@dataclass(frozen=True)
class Target:
    """One target of the issue: what is measured, the figure, the bar, whether it is met."""

    name: str
    value: float | None
    bar: float | None
    met: bool


def _at_least(name: str, value: float | None, bar: float | None) -> Target:
    """A target met when both figures exist and value >= bar."""
    met = value is not None and bar is not None and value >= bar
    return Target(name, value, bar, met)


def check_targets(ours: Summary, trafilatura: Summary, htmldate: Summary) -> list[Target]:
    """The issue's targets on the overall summaries: absolute bars, then versus the baselines."""
    targets = [_at_least(f"{metric} rate", ours.rate(metric), bar) for metric, bar in TARGETS.items()]
    targets.append(_at_least("text F1 mean", ours.f1_mean, F1_TARGET))
    targets.append(_at_least("text F1 mean >= trafilatura", ours.f1_mean, trafilatura.f1_mean))
    for granularity in GRANULARITIES:
        metric = f"date_{granularity}"
        targets.append(_at_least(f"{metric} rate >= htmldate", ours.rate(metric), htmldate.rate(metric)))
    return targets
