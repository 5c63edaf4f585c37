"""Pure date helpers: Vietnamese day-first date strings to the archive's date format.

The archive format is ``YYYY-MM-DDTHH:MM:SS+07:00`` when the page shows a time and a bare
``YYYY-MM-DD`` when it does not. Our own patterns run first; dateparser is only a fallback.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from urllib.parse import urlsplit

import dateparser

VN_TZ = timezone(timedelta(hours=7), "+07:00")
"""Asia/Ho_Chi_Minh: UTC+07:00, no daylight saving since 1975."""
MIN_YEAR = 1990
"""Older dates are body text (anniversaries), not publication dates of web pages."""

ISO_RE = re.compile(
    r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
    r"(?:(?:[T ]|(?P<abbr>[A-Z]{2,5}|[+-]\d{2}))"
    r"(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:\.\d+)?)?"
    r"\s*(?P<tz>Z|[+-]\d{2}:?\d{2})?)?"
)
"""ISO 8601, and PHP's date("Y-m-dTH:i:s"), whose unescaped T prints the zone ("2024-04-08ICT10:15")."""
ZONE_ABBREVIATIONS = {"ICT": 7, "+07": 7, "UTC": 0, "GMT": 0, "Z": 0}
"""Hours east of UTC of the zone names PHP prints for T; an unknown name is read as local time."""
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

PUBLISHED = "published"
UPDATED = "updated"
UPDATE_LABEL_RE = re.compile(
    r"(?<![^\W\d_])(?:cập\s*nhật|sửa\s*đổi|sửa\s+lần\s+cuối|chỉnh\s*sửa|updated?|modified)"
    r"(?![^\W\d_])",
    re.I,
)
"""Labels of an update date: "Cập nhật", "Ngày cập nhật", "Sửa đổi", "được sửa lần cuối"."""
PUBLISH_LABEL_RE = re.compile(
    r"(?<![^\W\d_])(?:ngày\s*đăng|đăng\s*(?:ngày|lúc|tải)|xuất\s*bản|phát\s*hành|published|posted)"
    r"(?![^\W\d_])",
    re.I,
)
"""Labels of a publication date: "Ngày đăng", "Đăng ngày", "Xuất bản", "Ngày phát hành"."""
YEARLESS_RE = re.compile(
    r"(?<![\d/.:-])(?P<d>[0-3]?\d)\s*(?P<sep>[/.-])\s*(?P<m>[01]?\d)(?![\d:]|\s*(?P=sep)\s*\d)"
)
"""Sáng 8/7, (01.8), Ngày 9-4: day and month only; never a part of a full date or a time."""
YEARLESS_WORDS_RE = re.compile(
    r"(?<!\d)(?P<d>[0-3]?\d)\s+tháng\s+(?P<m>[01]?\d)(?!\d|\s*(?:,|\s)\s*(?:năm\s+)?\d)", re.I
)
"""ngày 9 tháng 4 without "năm 2024"."""
YEARLESS_LOOKBACK = 9
"""Years to go back for a year-less date (29/2 may need eight)."""
FALLBACK_MAX_CHARS = 100
"""dateparser only reads short date lines."""
RAW_STRIP = " |,;–—-()"

URL_DATE_RE = re.compile(r"/(?P<y>(?:19|20)\d{2})([/-])(?P<m>[01]?\d)\2(?P<d>[0-3]?\d)(?=/|$)")
"""/2024/03/12/ or /2024-03-12/ as whole path segments (never a file-name stamp)."""
URL_MONTH_RE = re.compile(r"/(?P<y>(?:19|20)\d{2})/?(?P<m>0[1-9]|1[0-2])(?=/)")
"""/202401/ or /2024/01/: a month only, so a year for year-less dates, never a candidate."""

DATE_RULES: tuple[tuple[tuple[str, ...], str], ...] = (
    (("selector", "meta", "json-ld", "byline"), PUBLISHED),
    (("selector", "byline"), UPDATED),
    (("listing",), PUBLISHED),
    (("url",), PUBLISHED),
)
"""In order (reasons in docs/dates.md): publication dates the page gives, a visible update date
when the page gives no other, the listing's date, the URL's. Machine modification times
(meta article:modified_time, JSON-LD dateModified) are recorded but never chosen."""
TIME_SOURCES = ("meta", "json-ld")
"""Machine publication times that may add the time to a date-only choice of the same day."""

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


def _time_before(text: str, start: int, floor: int = 0) -> re.Match | None:
    """The time written right before a date starting at ``start`` (not before ``floor``)."""
    matches = list(TIME_RE.finditer(text, floor, start))
    if matches and TIME_BEFORE_RE.fullmatch(text[matches[-1].end():start]):
        return matches[-1]
    return None


def _combine(day: date, clock: time | None) -> date | datetime:
    """A local datetime when a time is shown, else the bare date."""
    return datetime.combine(day, clock, VN_TZ) if clock else day


def _parse_iso(text: str) -> date | datetime | None:
    """The first ISO 8601 date or date-time; "+0700", "+07:00" and "Z" offsets become +07:00."""
    match = ISO_RE.search(text)
    return _iso_value(match) if match else None


def _iso_value(match: re.Match) -> date | datetime | None:
    """The date or local date-time of an ISO_RE match (a local midnight is a date only)."""
    day = _make_date(match["y"], match["m"], match["d"])
    if day is None or match["H"] is None:
        return day
    try:
        value = datetime.combine(day, time(int(match["H"]), int(match["M"]), int(match["S"] or 0)))
    except ValueError:
        return day
    value = value.replace(tzinfo=_match_zone(match))
    local = value.astimezone(VN_TZ)
    return local.date() if local.time() == time(0, 0) else local


def _match_zone(match: re.Match) -> timezone:
    """The zone of an ISO_RE match: its offset, else the zone name PHP printed, else local time."""
    if match["tz"]:
        return _offset(match["tz"])
    hours = ZONE_ABBREVIATIONS.get(match["abbr"] or "")
    return timezone(timedelta(hours=hours)) if hours is not None else VN_TZ


def _offset(tz: str) -> timezone:
    """A timezone from "Z", "+0700" or "+07:00"."""
    if tz == "Z":
        return timezone.utc
    sign = -1 if tz[0] == "-" else 1
    digits = tz[1:].replace(":", "")
    return timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))


@dataclass(frozen=True)
class ShownDate:
    """One date written in a piece of text: its archive value, its kind and the words around it."""

    value: str
    kind: str
    """PUBLISHED, or UPDATED when a label such as "Cập nhật" or "Sửa đổi" stands before it."""
    raw: str


def label_kind(prefix: str) -> str:
    """UPDATED when the label closest before a date names an update, else PUBLISHED."""
    labels = [(m.end(), UPDATED) for m in UPDATE_LABEL_RE.finditer(prefix)]
    labels += [(m.end(), PUBLISHED) for m in PUBLISH_LABEL_RE.finditer(prefix)]
    return max(labels)[1] if labels else PUBLISHED


def _full_matches(text: str) -> list[re.Match]:
    """Matches of the dates with a year, in text order."""
    matches = [m for pattern in (ISO_RE, DMY_RE, WORDS_RE) for m in pattern.finditer(text)]
    return sorted(matches, key=lambda m: m.start())


def _yearless_matches(text: str) -> list[re.Match]:
    """Matches of day-month dates without a year ("8/7", "(01.8)", "ngày 9 tháng 4"), in order."""
    matches = [m for pattern in (YEARLESS_RE, YEARLESS_WORDS_RE) for m in pattern.finditer(text)]
    return sorted(matches, key=lambda m: m.start())


def resolve_year(day: int, month: int, reference: date) -> date | None:
    """The date with that day and month closest to ``reference`` and not after it."""
    for year in range(reference.year, reference.year - YEARLESS_LOOKBACK, -1):
        try:
            value = date(year, month, day)
        except ValueError:
            continue  # 29/2 outside a leap year, 31/4
        if value <= reference:
            return value
    return None


def _match_day(match: re.Match, reference: date | None) -> date | None:
    """The calendar day of a date match; year-less matches need a reference."""
    if "y" in match.re.groupindex:
        return _make_date(match["y"], match["m"], match["d"])
    return resolve_year(int(match["d"]), int(match["m"]), reference) if reference else None


def _shown_dates(
    text: str, matches: list[re.Match], fetched_at: datetime | None, reference: date | None,
) -> list[ShownDate]:
    """The dates of the matches with their adjacent time, label kind and raw words."""
    found, consumed = [], 0
    for match in matches:
        if match.start() < consumed:
            continue  # inside a date or time already read
        if match.re is ISO_RE:
            value, start, end = _iso_value(match), match.start(), match.end()
        else:
            value, start, end = _with_time(text, match, _match_day(match, reference), consumed)
        if value is None or is_future(value, fetched_at):
            continue
        raw = text[consumed:end].strip(RAW_STRIP)
        found.append(ShownDate(format_archive(value), label_kind(text[consumed:start]), raw))
        consumed = end
    return found


def _with_time(
    text: str, match: re.Match, day: date | None, floor: int,
) -> tuple[date | datetime | None, int, int]:
    """The day combined with the time written right after or before it, and the span of both."""
    if day is None:
        return None, match.start(), match.end()
    after = _time_after(text, match.end())
    before = None if after else _time_before(text, match.start(), floor)
    clock = after or before
    start = before.start() if before else match.start()
    end = after.end() if after else match.end()
    return _combine(day, _make_time(clock)), start, end


def _parse_fallback(text: str) -> date | datetime | None:
    """dateparser (Vietnamese, day-first) for the formats our patterns do not know."""
    if len(text) > FALLBACK_MAX_CHARS or not any(c.isdigit() for c in text):
        return None  # a long text is body, not a date line; dateparser is slow on it
    parsed = dateparser.parse(text, languages=["vi"], settings=DATEPARSER_SETTINGS)
    if parsed is None or parsed.year < MIN_YEAR:
        return None
    clock = _make_time(TIME_RE.search(text))
    return _combine(parsed.date(), clock and parsed.time().replace(microsecond=0))


def find_dates(
    text: str | None, fetched_at: datetime | None = None, reference: date | None = None,
) -> list[ShownDate]:
    """Every date written in ``text``; dates without a year only when a reference day is given."""
    if not text or not text.strip():
        return []
    text = " ".join(text.split())
    found = _shown_dates(text, _full_matches(text), fetched_at, reference)
    if not found and reference is not None:
        found = _shown_dates(text, _yearless_matches(text), fetched_at, reference)
    if not found:
        value = _parse_fallback(text)
        if value is not None and not is_future(value, fetched_at):
            found = [ShownDate(format_archive(value), label_kind(text), text)]
    return found


def first_published(found: list[ShownDate]) -> ShownDate | None:
    """The first publication date of a text; an update date only when it is the only kind."""
    for kind in (PUBLISHED, UPDATED):
        for shown in found:
            if shown.kind == kind:
                return shown
    return None


def parse_date(
    text: str | None, fetched_at: datetime | None = None, reference: date | None = None,
) -> str | None:
    """A date as shown on a page, in the archive format; None if none or in the future."""
    shown = first_published(find_dates(text, fetched_at, reference))
    return shown.value if shown else None


def parse_iso_date(text: str | None, fetched_at: datetime | None = None) -> str | None:
    """A machine-readable date (meta, JSON-LD, ``time[datetime]``) in the archive format."""
    value = _parse_iso(text.strip()) if text else None
    if value is None or is_future(value, fetched_at):
        return None
    return format_archive(value)


def date_part(value: str | None) -> str | None:
    """The YYYY-MM-DD part of an archive date."""
    return value[:10] if value else None


# --- dates in the page URL ------------------------------------------------------------------


def url_date(url: str | None) -> ShownDate | None:
    """A full date written as path segments ("/2024/03/12/", "/2024-03-12/"), else None."""
    match = URL_DATE_RE.search(urlsplit(url or "").path)
    day = _make_date(match["y"], match["m"], match["d"]) if match else None
    return ShownDate(format_archive(day), PUBLISHED, match[0]) if day else None


def url_reference(url: str | None) -> date | None:
    """The day a URL path names ("/2024/03/12/"), or the last day of its month ("/202401/")."""
    path = urlsplit(url or "").path
    match = URL_DATE_RE.search(path)
    if match:
        return _make_date(match["y"], match["m"], match["d"])
    match = URL_MONTH_RE.search(path)
    first = _make_date(match["y"], match["m"], "1") if match else None
    return (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1) if first else None


def year_reference(
    listing_date: str | None, url: str | None, fetched_at: datetime | None,
) -> date | None:
    """The day a year-less date is read against: the listing date, the URL, else the fetch day."""
    listing = _parse_iso(listing_date) if listing_date else None
    if listing is not None:
        return listing.date() if isinstance(listing, datetime) else listing
    today = local_now(fetched_at).date() if fetched_at else None
    from_url = url_reference(url)
    if from_url is not None:
        return min(from_url, today) if today else from_url
    return today


# --- choosing the publication date among the candidates -------------------------------------


@dataclass(frozen=True)
class DateCandidate:
    """A publication-date candidate: the value, where it was found, and the words it came from."""

    value: str
    source: str
    """selector, meta, json-ld, byline, listing or url (the ``published_source`` names)."""
    raw: str
    kind: str = PUBLISHED

    def as_dict(self) -> dict:
        """The ``Article.date_candidates`` form."""
        return {"value": self.value, "source": self.source, "raw": self.raw}


def choose_date(candidates: list[DateCandidate]) -> DateCandidate | None:
    """The publication date by the rules of docs/dates.md; None when no rule finds one."""
    for allowed, kind in DATE_RULES:
        pool = [c for c in candidates if c.source in allowed and c.kind == kind]
        if pool:
            best = min(pool, key=lambda c: allowed.index(c.source))  # stable: first seen wins ties
            return with_time(best, candidates)
    return None


def with_time(best: DateCandidate, candidates: list[DateCandidate]) -> DateCandidate:
    """A date-only choice replaced by a machine publication time of the same day, if any."""
    if len(best.value) > len("YYYY-MM-DD"):
        return best
    for candidate in candidates:
        same_day = candidate.value.startswith(best.value + "T")
        if same_day and candidate.source in TIME_SOURCES and candidate.kind == PUBLISHED:
            return candidate
    return best
