"""Scoring extraction against gold annotations (pure; used by `make eval` and the gold tests)."""

from __future__ import annotations

import html
import re
import unicodedata
from collections import Counter


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
