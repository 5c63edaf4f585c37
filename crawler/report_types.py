"""Recurring report types recognised from an article's title (pure; folded text, no Scrapy).

Researchers facet by the kind of recurring report: a quarterly briefing (giao ban), a six-month
review (sơ kết 6 tháng), an annual review (tổng kết … năm) and the "Dân vận khéo" skilful-mobilisation
models. The title names the kind; the body mentions all of them in passing, so it is not read.
"""

from __future__ import annotations

import re

from crawler.text import fold

REPORT_TYPES: tuple[tuple[str, re.Pattern], ...] = (
    ("dan-van-kheo", re.compile(r"\bdan van kheo\b")),
    ("so-ket-6-thang", re.compile(r"\bso ket(?: \S+){0,6}? (?:6|sau) thang\b")),
    ("tong-ket", re.compile(r"\btong ket\b")),
    ("giao-ban", re.compile(r"\bgiao ban\b")),
)
"""Folded title patterns in order of precedence: a "Dân vận khéo" review is filed as the model."""


def report_type(title: str | None) -> str | None:
    """The recurring report type a title names (see ``REPORT_TYPES``), or None."""
    folded = " ".join(fold(title or "").replace("-", " ").split())
    return next((name for name, pattern in REPORT_TYPES if pattern.search(folded)), None)
