"""The 2025 crosswalk: pre-merger provinces and districts, and the 34 provinces of 1 July 2025.

All facts come from the vietnamadminunits package (its LEGACY 63-province data, its FROM_2025
34-province data and its CONVERT_2025 province mapping); nothing here is a hand-typed table except
``FORMER_PROVINCE_NAMES``, one renaming the package's snapshot postdates.

Conventions
- "Before" is the 63-province map in force until 30 June 2025, as the package records it: the
  province and districts of that date (Huế, city since 1 Jan 2025; Thị xã Phong Điền; Nam Đông
  already folded into Phú Lộc). Whole provinces merged on 1 July 2025, so the province after
  depends on the province before only.
- Names returned are the package's short names, without "Tỉnh"/"Thành phố" and with its tone-mark
  placement: "Huế", "Hồ Chí Minh", "Bà Rịa - Vũng Tàu", "Hòa Bình", "Khánh Hòa".
- Where two districts of one province share a name, the package's short name carries the type:
  "Kỳ Anh (Thị xã)", "Cao Lãnh (Huyện)"; the bare name is ambiguous and raises ``AmbiguousUnit``.
- Names are matched on a folded key (case, diacritics, tone-mark placement, spaces and punctuation
  ignored) against the package's keywords, which include its spelling variants ("Ba Vỳ") and the
  former names of districts merged before July 2025 ("Nam Đông" gives "Phú Lộc"). A leading
  "Tỉnh", "Thành phố", "TP", "Huyện", "Thị xã", "Quận" and the like is accepted.

The package's JSON files are read directly, once, on first use: ``import vietnamadminunits`` costs
about 0.8 s (shapely, geopy and its address regexes), this module's first lookup about 0.1 s.
"""

from __future__ import annotations

import difflib
import functools
import importlib.util
import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from crawler.text import fold

PACKAGE = "vietnamadminunits"
LEGACY_DATA = "data/parser_legacy.json"
"""The 63 provinces before 1 July 2025, their districts, keywords and divided districts."""
FROM_2025_DATA = "data/parser_from_2025.json"
"""The 34 provinces from 1 July 2025."""
MERGER_DATA = "data/converter_2025.json"
"""DICT_PROVINCE: each of the 34 provinces -> the keys of the provinces merged into it."""

FORMER_PROVINCE_NAMES = {"Thừa Thiên Huế": "Huế"}
"""Renamed before the package's snapshot: Thừa Thiên Huế became Huế city on 1 Jan 2025 (175/2024/QH15)."""
PROVINCE_TYPE_RE = re.compile(r"^\s*(?:tinh|thanh pho|tp)(?![a-z0-9])")
DISTRICT_TYPE_RE = re.compile(r"^\s*(?:huyen|thi xa|thanh pho|quan|tx|tp|h|q)(?![a-z0-9])")
"""Unit types written before a folded name ("tp. hue", "h. son tinh")."""
NOT_KEY_RE = re.compile(r"[^0-9a-z]+")
CLOSE_MATCHES = 3
CLOSE_MATCH_CUTOFF = 0.6
T = TypeVar("T")

__all__ = [
    "PROVINCES_AFTER", "PROVINCES_BEFORE", "AdminUnitError", "AmbiguousUnit", "Crosswalk", "UnknownUnit",
    "crosswalk", "district_before", "districts_before", "province_after", "province_before",
    "provinces_merged_into",
]


class AdminUnitError(ValueError):
    """A province or district name that cannot be resolved to one unit; the message says why."""


class UnknownUnit(AdminUnitError):
    """A name the package does not know (at that level, or in that province); closest matches named."""


class AmbiguousUnit(AdminUnitError):
    """A name the package gives to more than one district of a province; the candidates are named."""


class Crosswalk(NamedTuple):
    """Where a site or article sits, before and after 1 July 2025, in canonical names."""

    province_before: str
    district_before: str | None
    province_after: str


class _Tables(NamedTuple):
    province_by_key: dict[str, str]
    """Folded name or keyword -> pre-merger province."""
    after_by_before: dict[str, str]
    merged_into: dict[str, tuple[str, ...]]
    """Post-merger province -> the pre-merger provinces it was made of."""
    after_by_key: dict[str, str]
    districts_by_key: dict[str, dict[str, tuple[str, ...]]]
    """Pre-merger province -> folded district name or keyword -> the districts it may mean."""
    districts: dict[str, tuple[str, ...]]


if TYPE_CHECKING:
    PROVINCES_BEFORE: tuple[str, ...]
    PROVINCES_AFTER: tuple[str, ...]


def __getattr__(name: str) -> tuple[str, ...]:
    # the two constants read the package's data, which only the first lookup should pay for
    if name == "PROVINCES_BEFORE":
        return tuple(_tables().after_by_before)
    if name == "PROVINCES_AFTER":
        return tuple(_tables().merged_into)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def province_before(name: str) -> str:
    """The canonical name of a province of the 63 before 1 July 2025 ("Tỉnh Hoà Bình" -> "Hòa Bình").

    Raises UnknownUnit, naming the closest provinces, when ``name`` is none of the 63.
    """
    tables = _tables()
    province = _lookup(name, tables.province_by_key, PROVINCE_TYPE_RE)
    if province is None:
        raise UnknownUnit(f"unknown province (before 1 July 2025) {name!r}{_closest(name, tables.after_by_before)}")
    return province


def province_after(name: str) -> str:
    """The province from 1 July 2025 that a province of the 63 became ("Hà Giang" -> "Tuyên Quang").

    Raises UnknownUnit, naming the closest provinces, when ``name`` is none of the 63.
    """
    return _tables().after_by_before[province_before(name)]


def provinces_merged_into(name: str) -> tuple[str, ...]:
    """The provinces of the 63 that make up one of the 34 ("Gia Lai" -> ("Bình Định", "Gia Lai")).

    Raises UnknownUnit when ``name`` is not one of the 34 (e.g. "Hà Giang", merged away).
    """
    tables = _tables()
    province = _lookup(name, tables.after_by_key, PROVINCE_TYPE_RE)
    if province is None:
        merged_away = _lookup(name, tables.province_by_key, PROVINCE_TYPE_RE)
        hint = f"; it was merged into {tables.after_by_before[merged_away]}" if merged_away else ""
        raise UnknownUnit(
            f"{name!r} is not one of the 34 provinces from 1 July 2025{hint or _closest(name, tables.merged_into)}"
        )
    return tables.merged_into[province]


def districts_before(province: str) -> tuple[str, ...]:
    """The districts of a province of the 63 on 30 June 2025, the day before the level was abolished."""
    return _tables().districts[province_before(province)]


def district_before(province: str, district: str) -> str:
    """The canonical name of a district of ``province`` (one of the 63) on 30 June 2025.

    ("Thừa Thiên Huế", "huyện Phong Điền") -> "Phong Điền". A district merged before then gives the
    one it joined ("Nam Đông" -> "Phú Lộc"). Raises UnknownUnit, naming the province's closest
    districts and any other province with a district of that name, when it is not a district of
    ``province``; AmbiguousUnit when the name fits several ("Kỳ Anh", "Thành phố Huế").
    """
    tables = _tables()
    province = province_before(province)
    candidates = _lookup(district, tables.districts_by_key[province], DISTRICT_TYPE_RE)
    if candidates is None:
        raise UnknownUnit(
            f"{district!r} is not a district of {province} (before 1 July 2025)"
            f"{_closest(district, tables.districts[province])}{_elsewhere(district, tables, province)}"
        )
    if len(candidates) > 1:
        raise AmbiguousUnit(f"{district!r} may be any of these districts of {province}: {', '.join(candidates)}")
    return candidates[0]


def crosswalk(province: str, district: str | None = None) -> Crosswalk:
    """Canonical province and district before 1 July 2025 and the province after, in one call."""
    before = province_before(province)
    return Crosswalk(before, district_before(before, district) if district else None, province_after(before))


def _key(name: str) -> str:
    """Folded match key: "Thừa Thiên - Huế" -> "thuathienhue", as the package's keywords are written."""
    return NOT_KEY_RE.sub("", fold(name))


def _lookup(name: str, by_key: dict[str, T], type_re: re.Pattern[str]) -> T | None:
    """The value for a name, first as written, then without a leading unit type ("TP Huế")."""
    if (found := by_key.get(_key(name))) is not None:
        return found
    untyped = type_re.sub("", fold(name), count=1)
    return by_key.get(_key(untyped)) if untyped != fold(name) else None


def _closest(name: str, names: Iterable[str]) -> str:
    """ " (closest: A, B)" for the names whose folded key is nearest to ``name``'s, or ""."""
    by_key = {_key(n): n for n in names}
    close = difflib.get_close_matches(_key(name), by_key, n=CLOSE_MATCHES, cutoff=CLOSE_MATCH_CUTOFF)
    return f" (closest: {', '.join(by_key[k] for k in close)})" if close else ""


def _elsewhere(district: str, tables: _Tables, province: str) -> str:
    """ "; a district of that name is in A, B" when other provinces have it (a wrong province)."""
    others = [
        other for other, by_key in tables.districts_by_key.items()
        if other != province and _lookup(district, by_key, DISTRICT_TYPE_RE) is not None
    ]
    return f"; a district of that name is in {', '.join(others)}" if others else ""


@functools.cache
def _tables() -> _Tables:
    """The package's data, read once; its JSON files rather than its modules, which import shapely."""
    package_dir = _package_dir()
    legacy = _read_json(package_dir / LEGACY_DATA)
    provinces_after = _read_json(package_dir / FROM_2025_DATA)["DICT_PROVINCE"]
    merged_keys = _read_json(package_dir / MERGER_DATA)["DICT_PROVINCE"]

    before_name = {key: p["provinceShort"] for key, p in _by_code(legacy["DICT_PROVINCE"], "provinceCode")}
    after_name = {key: p["provinceShort"] for key, p in _by_code(provinces_after, "provinceCode")}
    after_key = {old: new for new, olds in merged_keys.items() for old in olds}
    unmapped = [before_name[key] for key in before_name if key not in after_key]
    if unmapped:
        raise RuntimeError(f"{PACKAGE}'s 63->34 mapping leaves out {', '.join(unmapped)}; check its version")

    province_by_key = _keyword_index(legacy["DICT_PROVINCE"], before_name)
    province_by_key.update({_key(former): current for former, current in FORMER_PROVINCE_NAMES.items()})
    divided = legacy["DICT_PROVINCE_DISTRICT_DIVIDED"]
    districts_of = legacy["DICT_PROVINCE_DISTRICT"]
    return _Tables(
        province_by_key=province_by_key,
        after_by_before={before_name[key]: after_name[after_key[key]] for key in before_name},
        merged_into={
            after_name[new]: tuple(before_name[old] for old in before_name if after_key[old] == new)
            for new in after_name
        },
        after_by_key=_keyword_index(provinces_after, after_name),
        districts_by_key={
            before_name[key]: _district_index(districts_of[key], divided.get(key, {})) for key in before_name
        },
        districts={
            before_name[key]: tuple(d["districtShort"] for _, d in _by_code(districts_of[key], "districtCode"))
            for key in before_name
        },
    )


def _package_dir() -> Path:
    """Where the package is installed, found without importing it."""
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise ImportError(f"{PACKAGE} is not installed; it is a dependency: pip install 'vietnamadminunits>=1,<2'")
    return Path(next(iter(spec.submodule_search_locations)))


def _read_json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _by_code(units: dict[str, dict], code_field: str) -> list[tuple[str, dict]]:
    """Units in the order of their official codes (north to south), whatever the file's order."""
    return sorted(units.items(), key=lambda item: item[1][code_field])


def _keyword_index(provinces: dict[str, dict], names: dict[str, str]) -> dict[str, str]:
    """Folded keyword, full name and short name -> short name, for the package's province table."""
    index: dict[str, str] = {}
    for key, province in provinces.items():
        for keyword in (*province["provinceKeywords"], _key(province["province"]), _key(province["provinceShort"])):
            index[keyword] = names[key]
    return index


def _district_index(districts: dict[str, dict], divided: dict[str, dict]) -> dict[str, tuple[str, ...]]:
    """Folded keyword -> the districts it may mean; the package's divided names map to all their parts."""
    index: dict[str, tuple[str, ...]] = {}
    for _, district in _by_code(districts, "districtCode"):
        for keyword in (*district["districtKeywords"], _key(district["district"]), _key(district["districtShort"])):
            index[keyword] = tuple(dict.fromkeys((*index.get(keyword, ()), district["districtShort"])))
    for split in divided.values():
        parts = tuple(d["districtShort"] for key, d in _by_code(districts, "districtCode") if key in split["districts"])
        for keyword in split["dividedDistrictKeywords"]:
            index.setdefault(keyword, parts)
    return index
