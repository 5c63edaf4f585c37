"""crawler.dates: Vietnamese day-first date strings to the archive format, and their traps."""

from datetime import date, datetime, timezone

import pytest

from crawler.dates import (
    PUBLISHED, UPDATED, find_dates, format_archive, is_future, local_now, parse_date,
    parse_iso_date, resolve_year, url_date, url_reference, year_reference,
)

FETCHED = datetime(2026, 3, 1, 5, 0, tzinfo=timezone.utc)

FORMATS = [
    # formats listed in research/vn_portals.md §2 and vn_domain.md §5
    ("08/01/2026 - 18:21", "2026-01-08T18:21:00+07:00"),
    ("21/04/2023 16:36", "2023-04-21T16:36:00+07:00"),
    ("17:53, 13/01/2022", "2022-01-13T17:53:00+07:00"),
    ("16:36 21/04/2023", "2023-04-21T16:36:00+07:00"),
    ("17:23:45 | 07/08/2018", "2018-08-07T17:23:45+07:00"),
    ("Thứ Hai, 19/01/2026", "2026-01-19"),
    ("Thứ Ba, 12/06/2018, 14:40", "2018-06-12T14:40:00+07:00"),
    ("THỨ SÁU, 28/02/2020 07:02:30", "2020-02-28T07:02:30+07:00"),
    ("(11/09/2021)", "2021-09-11"),
    ("05/03/2024 2:41:19 CH", "2024-03-05T14:41:19+07:00"),
    ("05/03/2024 9:41:19 SA", "2024-03-05T09:41:19+07:00"),
    ("05/03/2024 12:10:00 CH", "2024-03-05T12:10:00+07:00"),
    ("15/10/2020 9:05:42 SA", "2020-10-15T09:05:42+07:00"),
    ("15/10/2020 02:32:15 CH", "2020-10-15T14:32:15+07:00"),
    ("15/11/2024 03:42:10 CH", "2024-11-15T15:42:10+07:00"),
    ("2025-06-17T13:43:02+0700", "2025-06-17T13:43:02+07:00"),
    ("2025-06-17T13:43:02+07:00", "2025-06-17T13:43:02+07:00"),
    ("2025-06-17T06:43:02Z", "2025-06-17T13:43:02+07:00"),
    ("2021-09-11", "2021-09-11"),
    ("08:21, ngày 16-04-2021", "2021-04-16T08:21:00+07:00"),
    ("00:40, 22/01/2023", "2023-01-22T00:40:00+07:00"),
    ("Cập nhật lúc: 18:00 |22/05/2022", "2022-05-22T18:00:00+07:00"),
    ("Cập nhật: 26/03/2024 18:00:00", "2024-03-26T18:00:00+07:00"),
    ("Đăng ngày 17 - 05 - 2024", "2024-05-17"),
    ("ngày 21 tháng 09 năm 2025", "2025-09-21"),
    ("Chủ Nhật, ngày 24 tháng 11 năm 2024", "2024-11-24"),
    ("Thứ tư 26/11/2025 20:14", "2025-11-26T20:14:00+07:00"),
    ("08/01/2026 - 18h21", "2026-01-08T18:21:00+07:00"),
    ("12.12.2022", "2022-12-12"),
]

TRAPS = [
    # the labelled update date of HueCIT pages (dateparser returns None on it)
    ("Ngày cập nhật\u00a011/09/2021", "2021-09-11"),
    # a view count after the time, spaced or glued
    ("21/04/2023 16:36 \u00a0\u00a0 62", "2023-04-21T16:36:00+07:00"),
    ("01/10/2021 15:53 4792", "2021-10-01T15:53:00+07:00"),
    ("09/10/2022 22:584120", "2022-10-09T22:58:00+07:00"),
    ("14/02/2023 07:45 318", "2023-02-14T07:45:00+07:00"),
    # a fake midnight is a date only
    ("30/03/2021 | 12:00 AM", "2021-03-30"),
    ("30/03/2021 12:00:00 SA", "2021-03-30"),
    ("30/03/2021 12:30:00 SA", "2021-03-30T00:30:00+07:00"),
    ("2021-03-30T00:00:00+07:00", "2021-03-30"),
    # an anniversary range before the real date: 1930 is too old to be a web page's date
    ("(15/10/1930 - 15/10/2023)", "2023-10-15"),
    # dates without a year are not dates here
    ("Sáng 8/7", None),
    ("Ngày 21.3, Ban Dân vận T.Ư", None),
    ("(01.8)", None),
    # impossible dates and no dates
    ("31/02/2021", None),
    ("Quay lại", None),
    ("", None),
    (None, None),
    # relative dates would need the clock
    ("hôm qua", None),
]


@pytest.mark.parametrize("text, expected", FORMATS, ids=[t for t, _ in FORMATS])
def test_formats(text, expected):
    assert parse_date(text, FETCHED) == expected


@pytest.mark.parametrize("text, expected", TRAPS, ids=[repr(t) for t, _ in TRAPS])
def test_traps(text, expected):
    assert parse_date(text, FETCHED) == expected


def test_never_after_the_fetch_time():
    assert parse_date("02/03/2026", FETCHED) is None
    assert parse_date("01/03/2026 13:00", FETCHED) is None  # 12:00 local is the fetch time
    assert parse_date("01/03/2026 11:59", FETCHED) == "2026-03-01T11:59:00+07:00"
    assert parse_date("01/03/2026", FETCHED) == "2026-03-01"


def test_day_first_always():
    assert parse_date("03/04/2024", FETCHED) == "2024-04-03"
    assert parse_date("3/4/2024", FETCHED) == "2024-04-03"


def test_dateparser_fallback_reads_vietnamese_month_names():
    assert parse_date("Thứ năm, 3 tháng tư 2025", FETCHED) == "2025-04-03"
    assert parse_date("3 thg 4, 2025", FETCHED) == "2025-04-03"


def test_iso_dates_for_machine_readable_fields():
    assert parse_iso_date("2025-06-17T13:43:02+0700", FETCHED) == "2025-06-17T13:43:02+07:00"
    assert parse_iso_date("2019-07-04", FETCHED) == "2019-07-04"
    assert parse_iso_date("17/06/2025", FETCHED) is None
    assert parse_iso_date("2027-01-01", FETCHED) is None
    assert parse_iso_date(None, FETCHED) is None


PHP_ZONE_DATES = [
    # PHP date("Y-m-dTH:i:s"): the unescaped T prints the zone name between date and time
    ("2024-04-08ICT10:15:00", "2024-04-08T10:15:00+07:00"),
    ("2024-04-08+0710:15:00", "2024-04-08T10:15:00+07:00"),
    ("2024-04-08UTC03:15:00", "2024-04-08T10:15:00+07:00"),
    ("2024-04-08XYZ10:15:00", "2024-04-08T10:15:00+07:00"),  # an unknown name: local time
]


@pytest.mark.parametrize("text, expected", PHP_ZONE_DATES, ids=[t for t, _ in PHP_ZONE_DATES])
def test_php_zone_name_in_place_of_the_t(text, expected):
    assert parse_iso_date(text, FETCHED) == expected


def test_format_and_clock_helpers():
    assert format_archive(date(2021, 9, 11)) == "2021-09-11"
    utc = datetime(2021, 9, 11, 17, 30, tzinfo=timezone.utc)
    assert format_archive(utc) == "2021-09-12T00:30:00+07:00"
    assert local_now(datetime(2021, 9, 11, 17, 30)).isoformat() == "2021-09-12T00:30:00+07:00"
    assert is_future(date(2026, 3, 2), FETCHED) and not is_future(date(2026, 3, 1), FETCHED)
    assert not is_future(date(2099, 1, 1), None)


# --- publication and update labels -------------------------------------------------------------

LABELS = [
    # (text, the date parse_date gives, the kinds find_dates reports in order)
    ("Ngày đăng: 04/05/2023 07:10 | Cập nhật: 06/05/2023 15:00", "2023-05-04T07:10:00+07:00",
     [PUBLISHED, UPDATED]),
    ("Cập nhật: 06/05/2023 15:00 - Ngày đăng 04/05/2023", "2023-05-04", [UPDATED, PUBLISHED]),
    ("Đăng ngày 04-05-2023, sửa đổi lần cuối 09-05-2023", "2023-05-04", [PUBLISHED, UPDATED]),
    ("Xuất bản 04/05/2023 | Ngày cập nhật 05/05/2023", "2023-05-04", [PUBLISHED, UPDATED]),
    # an update date alone is the only date there is
    ("Ngày cập nhật 19/10/2022", "2022-10-19", [UPDATED]),
    ("Cập nhật lúc 20:05 | 19/10/2022", "2022-10-19T20:05:00+07:00", [UPDATED]),
    ("Trang này được sửa lần cuối: 20/10/2022", "2022-10-20", [UPDATED]),
    # no label: a publication date
    ("19/10/2022 08:00", "2022-10-19T08:00:00+07:00", [PUBLISHED]),
]


@pytest.mark.parametrize("text, expected, kinds", LABELS, ids=[t for t, _, _ in LABELS])
def test_publication_label_beats_update_label(text, expected, kinds):
    assert parse_date(text, FETCHED) == expected
    assert [shown.kind for shown in find_dates(text, FETCHED)] == kinds


def test_each_date_keeps_its_own_time_and_words():
    found = find_dates("Ngày đăng: 04/05/2023 07:10 | Cập nhật: 06/05/2023 15:00", FETCHED)
    assert [(f.value, f.raw) for f in found] == [
        ("2023-05-04T07:10:00+07:00", "Ngày đăng: 04/05/2023 07:10"),
        ("2023-05-06T15:00:00+07:00", "Cập nhật: 06/05/2023 15:00"),
    ]
    # a time between two dates belongs to the first one only
    found = find_dates("04/05/2023 07:10 06/05/2023", FETCHED)
    assert [f.value for f in found] == ["2023-05-04T07:10:00+07:00", "2023-05-06"]


# --- dates without a year ----------------------------------------------------------------------

YEARLESS = [
    # (text, reference day, expected): the closest date not after the reference
    ("Sáng 8/7", date(2024, 7, 10), "2024-07-08"),
    ("Sáng 8/7", date(2024, 7, 8), "2024-07-08"),
    ("Sáng 8/7", date(2024, 7, 5), "2023-07-08"),
    ("(01.8)", date(2023, 8, 3), "2023-08-01"),
    ("Ngày 9-4", date(2022, 1, 2), "2021-04-09"),
    ("Thứ Hai, 8/7", date(2024, 7, 8), "2024-07-08"),
    ("Thứ Hai, 8/7, 14:30", date(2024, 7, 8), "2024-07-08T14:30:00+07:00"),
    ("ngày 30 tháng 12", date(2025, 1, 2), "2024-12-30"),
    ("29/2", date(2023, 6, 1), "2020-02-29"),
    ("31/4", date(2023, 6, 1), None),
    ("Lượt xem: 1234", date(2023, 6, 1), None),
]


@pytest.mark.parametrize("text, reference, expected", YEARLESS, ids=[f"{t}@{r}" for t, r, _ in YEARLESS])
def test_yearless_dates_take_the_year_from_the_reference(text, reference, expected):
    assert parse_date(text, FETCHED, reference) == expected


def test_yearless_dates_are_never_in_the_future():
    fetched = datetime(2024, 7, 8, 3, 0, tzinfo=timezone.utc)  # 10:00 local
    assert parse_date("Sáng 9/7", fetched, date(2024, 7, 8)) == "2023-07-09"
    assert parse_date("8/7 14:30", fetched, date(2024, 7, 8)) is None  # later today


def test_a_full_date_is_read_before_any_yearless_one():
    assert parse_date("Sáng 8/7, ngày 09/07/2024", FETCHED, date(2024, 7, 10)) == "2024-07-09"


def test_resolve_year():
    assert resolve_year(31, 12, date(2024, 1, 1)) == date(2023, 12, 31)
    assert resolve_year(1, 1, date(2024, 1, 1)) == date(2024, 1, 1)


# --- dates in URLs and the reference day -------------------------------------------------------

URLS = [
    ("https://x.vn/2024/03/12/hoi-nghi-dan-van.html", "2024-03-12", "/2024/03/12"),
    ("https://x.vn/tin-tuc/2024-03-12/hoi-nghi.html", "2024-03-12", "/2024-03-12"),
    ("https://x.vn/thoi-su/202401/hoi-nghi-1a2b3c4/", None, None),
    ("https://x.vn/2024/03/hoi-nghi.html", None, None),
    ("https://x.vn/uploads/anh_20220113175012.jpg", None, None),
    ("https://x.vn/tin/hoi-nghi-20240312.html", None, None),
    ("https://x.vn/tin?ngay=2024/03/12/", None, None),
    ("https://x.vn/2024/13/45/sai.html", None, None),
]


@pytest.mark.parametrize("url, value, raw", URLS, ids=[u for u, _, _ in URLS])
def test_url_dates_are_whole_path_segments(url, value, raw):
    shown = url_date(url)
    assert (shown and (shown.value, shown.raw)) == ((value, raw) if value else None)


def test_url_reference_is_the_day_or_the_end_of_the_month():
    assert url_reference("https://x.vn/thoi-su/202401/tin-1a2b3c4/") == date(2024, 1, 31)
    assert url_reference("https://x.vn/2024/02/tin.html") == date(2024, 2, 29)
    assert url_reference("https://x.vn/2024/03/12/tin.html") == date(2024, 3, 12)
    assert url_reference("https://x.vn/tin/anh_20220113175012.jpg") is None


def test_year_reference_prefers_the_listing_then_the_url_then_the_fetch_day():
    url = "https://x.vn/thoi-su/202401/tin-1a2b3c4/"
    assert year_reference("2023-12-30T08:00:00+07:00", url, FETCHED) == date(2023, 12, 30)
    assert year_reference(None, url, FETCHED) == date(2024, 1, 31)
    assert year_reference(None, "https://x.vn/tin/1", FETCHED) == date(2026, 3, 1)
    assert year_reference(None, "https://x.vn/2026/12/tin.html", FETCHED) == date(2026, 3, 1)
    assert year_reference(None, None, None) is None
