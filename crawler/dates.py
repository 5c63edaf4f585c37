"""Pure date helpers: Vietnamese day-first date strings to the archive's date format.

The archive format is ``YYYY-MM-DDTHH:MM:SS+07:00`` when the page shows a time and a bare
``YYYY-MM-DD`` when it does not. Our own patterns run first; dateparser is only a fallback.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, timezone

import dateparser

VN_TZ = timezone(timedelta(hours=7), "+07:00")
"""Asia/Ho_Chi_Minh: UTC+07:00, no daylight saving since 1975."""
MIN_YEAR = 1990
"""Older dates are body text (anniversaries), not publication dates of web pages."""

ISO_RE = re.compile(
    r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
    r"(?:[T ](?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:\.\d+)?)?"
    r"\s*(?P<tz>Z|[+-]\d{2}:?\d{2})?)?"
)
DMY_RE = re.compile(
    r"(?<![\d/.-])(?P<d>\d{1,2})\s*(?P<sep>[/.-])\s*(?P<m>\d{1,2})\s*(?P=sep)\s*(?P<y>\d{4})(?!\d)"
)
"""dd/mm/yyyy, dd-mm-yyyy, dd.mm.yyyy, and "17 - 05 - 2024"."""
WORDS_RE = re.compile(
    r"(?<!\d)(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s*(?:,|\s)\s*(?:năm\s+)?(?P<y>\d{4})(?!\d)",
    re.I,
)
"""[ngày] 21 tháng 09 năm 2025 (dateparser mis-reads the zero-padded month)."""
TIME_RE = re.compile(
    r"(?<![\d:])(?P<H>\d{1,2})\s*(?::|h)\s*(?P<M>[0-5]\d)(?::(?P<S>[0-5]\d))?"
    r"(?:\s*(?P<ampm>[AaPp]\.?[Mm]\.?|SA|CH|sa|ch)(?![^\W\d_]))?"
)
"""hh:mm[:ss] [AM|PM|SA|CH]; no right boundary, so a glued view count ("22:584120") is ignored."""
TIME_AFTER_RE = re.compile(r"\s*(?:[,|–—-]\s*)?(?:lúc\s*)?$", re.I)
"""What may sit between a date and the time that follows it ("21/04/2023 - 16:36")."""
TIME_BEFORE_RE = re.compile(r"^\s*(?:[,|–—-]\s*)?(?:ngày\s*)?", re.I)
"""What may sit between a time and the date that follows it ("17:53, ngày 13/01/2022")."""
PM_MARKS = ("p", "ch")

DATEPARSER_SETTINGS = {
    "DATE_ORDER": "DMY",
    "PREFER_DAY_OF_MONTH": "first",
    "REQUIRE_PARTS": ["day", "month", "year"],
    "RETURN_AS_TIMEZONE_AWARE": False,
    "PARSERS": ["custom-formats", "absolute-time"],
}
"""No relative or timestamp parsers: "hôm qua" would need the clock, "1681112645" is not a date."""


def format_archive(value: date | datetime) -> str:
    """The archive format: a bare date, or local time with +07:00."""
    if isinstance(value, datetime):
        return value.astimezone(VN_TZ).replace(microsecond=0).isoformat()
    return value.isoformat()


def local_now(fetched_at: datetime) -> datetime:
    """The fetch time in Vietnamese local time (naive fetch times are taken as UTC)."""
    if fetched_at.tzinfo is None:
        fetched_at = fetched_at.replace(tzinfo=timezone.utc)
    return fetched_at.astimezone(VN_TZ)


def is_future(value: date | datetime, fetched_at: datetime | None) -> bool:
    """True when ``value`` lies after the fetch time (so it cannot be a publication date)."""
    if fetched_at is None:
        return False
    now = local_now(fetched_at)
    if isinstance(value, datetime):
        return value > now
    return value > now.date()


def _make_date(y: str, m: str, d: str) -> date | None:
    """A valid date from strings, or None (31/02, year 0200, ...)."""
    try:
        value = date(int(y), int(m), int(d))
    except ValueError:
        return None
    return value if value.year >= MIN_YEAR else None


def _hour24(hour: int, ampm: str | None) -> int:
    """Hour on the 24-hour clock for AM/PM and Vietnamese SA (sáng) / CH (chiều)."""
    if not ampm:
        return hour
    is_pm = ampm.lower().startswith(PM_MARKS)
    return hour % 12 + (12 if is_pm else 0)


def _make_time(match: re.Match | None) -> time | None:
    """A time from a TIME_RE match; None for no match, an invalid time, or a fake midnight."""
    if match is None:
        return None
    hour = _hour24(int(match["H"]), match["ampm"])
    try:
        value = time(hour, int(match["M"]), int(match["S"] or 0))
    except ValueError:
        return None
    # CMSs print a missing time as "12:00 AM" or "00:00": that is a date only.
    return None if value == time(0, 0) else value


def _time_after(text: str, end: int) -> re.Match | None:
    """The time written right after a date ending at ``end``."""
    match = TIME_RE.search(text, end)
    if match and TIME_AFTER_RE.match(text[end:match.start()]):
        return match
    return None


def _time_before(text: str, start: int) -> re.Match | None:
    """The time written right before a date starting at ``start``."""
    matches = list(TIME_RE.finditer(text, 0, start))
    if matches and TIME_BEFORE_RE.fullmatch(text[matches[-1].end():start]):
        return matches[-1]
    return None


def _combine(day: date, clock: time | None) -> date | datetime:
    """A local datetime when a time is shown, else the bare date."""
    return datetime.combine(day, clock, VN_TZ) if clock else day


def _parse_iso(text: str) -> date | datetime | None:
    """An ISO 8601 date or date-time; "+0700", "+07:00" and "Z" offsets are converted to +07:00."""
    match = ISO_RE.search(text)
    if not match:
        return None
    day = _make_date(match["y"], match["m"], match["d"])
    if day is None or match["H"] is None:
        return day
    try:
        value = datetime.combine(day, time(int(match["H"]), int(match["M"]), int(match["S"] or 0)))
    except ValueError:
        return day
    tz = match["tz"]
    value = value.replace(tzinfo=_offset(tz)) if tz else value.replace(tzinfo=VN_TZ)
    local = value.astimezone(VN_TZ)
    return local.date() if local.time() == time(0, 0) else local


def _offset(tz: str) -> timezone:
    """A timezone from "Z", "+0700" or "+07:00"."""
    if tz == "Z":
        return timezone.utc
    sign = -1 if tz[0] == "-" else 1
    digits = tz[1:].replace(":", "")
    return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))


def _parse_day_first(text: str) -> date | datetime | None:
    """The first day-first date in ``text`` with the time written next to it, if any."""
    for pattern in (DMY_RE, WORDS_RE):
        for match in pattern.finditer(text):
            day = _make_date(match["y"], match["m"], match["d"])
            if day is None:
                continue
            clock_match = _time_after(text, match.end()) or _time_before(text, match.start())
            return _combine(day, _make_time(clock_match))
    return None


def _parse_fallback(text: str) -> date | datetime | None:
    """dateparser (Vietnamese, day-first) for the formats our patterns do not know."""
    parsed = dateparser.parse(text, languages=["vi"], settings=DATEPARSER_SETTINGS)
    if parsed is None or parsed.year < MIN_YEAR:
        return None
    clock = _make_time(TIME_RE.search(text))
    return _combine(parsed.date(), clock and parsed.time().replace(microsecond=0))


def parse_date(text: str | None, fetched_at: datetime | None = None) -> str | None:
    """A date string as shown on a page, in the archive format; None if none or in the future."""
    if not text or not text.strip():
        return None
    text = " ".join(text.split())
    value = _parse_iso(text) or _parse_day_first(text) or _parse_fallback(text)
    if value is None or is_future(value, fetched_at):
        return None
    return format_archive(value)


def parse_iso_date(text: str | None, fetched_at: datetime | None = None) -> str | None:
    """A machine-readable date (meta, JSON-LD, ``time[datetime]``) in the archive format."""
    value = _parse_iso(text.strip()) if text else None
    if value is None or is_future(value, fetched_at):
        return None
    return format_archive(value)


def date_part(value: str | None) -> str | None:
    """The YYYY-MM-DD part of an archive date."""
    return value[:10] if value else None
