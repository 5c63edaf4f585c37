"""The 2025 crosswalk against the vietnamadminunits data: registry pairs, counts, variants, errors."""

import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from crawler import admin_units
from crawler.admin_units import (
    PROVINCES_AFTER,
    PROVINCES_BEFORE,
    AdminUnitError,
    AmbiguousUnit,
    Crosswalk,
    UnknownUnit,
    crosswalk,
    district_before,
    districts_before,
    province_after,
    province_before,
    provinces_merged_into,
)

REGISTRY = Path(admin_units.__file__).with_name("sites.toml")
# Resolution 202/2025/QH15 (research/vn_domain.md §1): the 23 merged provinces, new name first
MERGED = {
    "Tuyên Quang": {"Hà Giang"},
    "Lào Cai": {"Yên Bái"},
    "Thái Nguyên": {"Bắc Kạn"},
    "Phú Thọ": {"Vĩnh Phúc", "Hòa Bình"},
    "Bắc Ninh": {"Bắc Giang"},
    "Hưng Yên": {"Thái Bình"},
    "Hải Phòng": {"Hải Dương"},
    "Ninh Bình": {"Hà Nam", "Nam Định"},
    "Quảng Trị": {"Quảng Bình"},
    "Đà Nẵng": {"Quảng Nam"},
    "Quảng Ngãi": {"Kon Tum"},
    "Gia Lai": {"Bình Định"},
    "Khánh Hòa": {"Ninh Thuận"},
    "Lâm Đồng": {"Đắk Nông", "Bình Thuận"},
    "Đắk Lắk": {"Phú Yên"},
    "Hồ Chí Minh": {"Bình Dương", "Bà Rịa - Vũng Tàu"},
    "Đồng Nai": {"Bình Phước"},
    "Tây Ninh": {"Long An"},
    "Cần Thơ": {"Sóc Trăng", "Hậu Giang"},
    "Vĩnh Long": {"Bến Tre", "Trà Vinh"},
    "Đồng Tháp": {"Tiền Giang"},
    "Cà Mau": {"Bạc Liêu"},
    "An Giang": {"Kiên Giang"},
}
UNCHANGED = {
    "Hà Nội", "Huế", "Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn", "Quảng Ninh", "Thanh Hóa", "Nghệ An",
    "Hà Tĩnh", "Cao Bằng",
}


def registry_sites() -> list[dict]:
    """The sites.toml entries, read as data so this test does not depend on the registry module."""
    return tomllib.loads(REGISTRY.read_text(encoding="utf-8"))["site"]


@pytest.mark.parametrize(
    "before, after",
    [
        ("Thừa Thiên Huế", "Huế"),
        ("Hà Giang", "Tuyên Quang"),
        ("Quảng Ninh", "Quảng Ninh"),
        ("Quảng Ngãi", "Quảng Ngãi"),
        ("Kon Tum", "Quảng Ngãi"),
        ("Gia Lai", "Gia Lai"),
        ("Bình Định", "Gia Lai"),
        ("Bà Rịa - Vũng Tàu", "Hồ Chí Minh"),
        ("Hải Dương", "Hải Phòng"),
    ],
)
def test_province_after(before, after):
    assert province_after(before) == after


def test_the_registry_takes_its_provinces_after_2025_from_the_package():
    from crawler.registry import load_registry

    expected = {"phongdien": "Huế", "sontinh": "Quảng Ngãi", "quangninh-bdv": "Quảng Ninh",
                "hagiangtv": "Tuyên Quang", "baogialai": "Gia Lai", "danvan": None}
    assert {site.id: site.province_after for site in load_registry()} == expected
    assert all(province_after(site["province_before"]) in PROVINCES_AFTER
               for site in registry_sites() if "province_before" in site)


def test_every_registry_district_is_a_district_of_its_province():
    sites = [site for site in registry_sites() if "district" in site]
    assert {site["id"] for site in sites} >= {"phongdien", "sontinh"}
    for site in sites:
        assert district_before(site["province_before"], site["district"]) == site["district"], site["id"]


def test_63_provinces_become_34():
    assert len(PROVINCES_BEFORE) == len(set(PROVINCES_BEFORE)) == 63
    assert len(PROVINCES_AFTER) == len(set(PROVINCES_AFTER)) == 34
    assert {province_after(name) for name in PROVINCES_BEFORE} == set(PROVINCES_AFTER)
    assert sorted(old for new in PROVINCES_AFTER for old in provinces_merged_into(new)) == sorted(PROVINCES_BEFORE)


def test_the_merged_and_unchanged_provinces_match_resolution_202():
    for new in PROVINCES_AFTER:
        merged = set(provinces_merged_into(new)) - {new}
        assert merged == MERGED.get(new, set()), new
        assert (new in UNCHANGED) == (not merged), new
    assert len(MERGED) == 23 and len(UNCHANGED) == 11


def test_provinces_keep_the_official_code_order():
    assert PROVINCES_BEFORE[:3] == ("Hà Nội", "Hà Giang", "Cao Bằng")
    assert PROVINCES_BEFORE[-1] == PROVINCES_AFTER[-1] == "Cà Mau"


def test_merged_into_lists_every_source_province():
    assert provinces_merged_into("Quảng Ngãi") == ("Quảng Ngãi", "Kon Tum")
    assert set(provinces_merged_into("Thành phố Hồ Chí Minh")) == {"Hồ Chí Minh", "Bình Dương", "Bà Rịa - Vũng Tàu"}


def test_a_merged_away_province_is_not_a_province_after():
    with pytest.raises(UnknownUnit, match="'Hà Giang' is not one of the 34 .* merged into Tuyên Quang"):
        provinces_merged_into("Hà Giang")


@pytest.mark.parametrize(
    "written, canonical",
    [
        ("Thừa Thiên Huế", "Huế"),
        ("Thừa Thiên - Huế", "Huế"),
        ("Tỉnh Thừa Thiên Huế", "Huế"),
        ("thua thien hue", "Huế"),
        ("Thành phố Huế", "Huế"),
        ("Hoà Bình", "Hòa Bình"),
        ("Hòa Bình", "Hòa Bình"),
        ("Tỉnh Hòa Bình", "Hòa Bình"),
        ("Khánh Hoà", "Khánh Hòa"),
        ("Thanh Hoá", "Thanh Hóa"),
        ("TP. Hồ Chí Minh", "Hồ Chí Minh"),
        ("TP HCM", "Hồ Chí Minh"),
        ("Bà Rịa–Vũng Tàu", "Bà Rịa - Vũng Tàu"),
        ("Ba Ria Vung Tau", "Bà Rịa - Vũng Tàu"),
        ("ĐẮK LẮK", "Đắk Lắk"),
        ("Dak Lak", "Đắk Lắk"),
        ("Kontum", "Kon Tum"),
        ("TP Cần Thơ", "Cần Thơ"),
        ("  Hà   Giang ", "Hà Giang"),
        ("Ho\u0300a Bi\u0300nh", "Hòa Bình"),  # NFD, as some portals send it
    ],
)
def test_spelling_variants_of_provinces(written, canonical):
    assert province_before(written) == canonical


@pytest.mark.parametrize(
    "province, written, canonical",
    [
        ("Thừa Thiên Huế", "Phong Điền", "Phong Điền"),
        ("Huế", "huyện Phong Điền", "Phong Điền"),  # a huyện until 2025, a thị xã on the package's date
        ("Thừa Thiên - Huế", "Thị xã Phong Điền", "Phong Điền"),
        ("Quảng Ngãi", "Sơn Tịnh", "Sơn Tịnh"),
        ("Quảng Ngãi", "Huyện Sơn Tịnh", "Sơn Tịnh"),
        ("Quảng Ngãi", "H. Sơn Tịnh", "Sơn Tịnh"),
        ("Quảng Ngãi", "son tinh", "Sơn Tịnh"),
        ("Huế", "Nam Đông", "Phú Lộc"),  # merged into Phú Lộc on 1 Jan 2025
        ("Quảng Ngãi", "Tây Trà", "Trà Bồng"),
        ("Hà Tĩnh", "Thị xã Kỳ Anh", "Kỳ Anh (Thị xã)"),
        ("Hà Tĩnh", "Huyện Kỳ Anh", "Kỳ Anh (Huyện)"),
        ("Hồ Chí Minh", "Quận 1", "Quận 1"),
        ("Hồ Chí Minh", "Q.1", "Quận 1"),
        ("Hồ Chí Minh", "Quận 2", "Thủ Đức"),
        ("Hà Nội", "Ba Vỳ", "Ba Vì"),
    ],
)
def test_districts_are_recognized(province, written, canonical):
    assert district_before(province, written) == canonical


def test_districts_of_a_province_on_the_eve_of_the_reform():
    hue = districts_before("Thừa Thiên Huế")
    assert {"Phong Điền", "Phú Xuân", "Thuận Hóa", "A Lưới", "Phú Lộc"} <= set(hue)
    assert "Nam Đông" not in hue
    assert "Sơn Tịnh" in districts_before("Quảng Ngãi")


def test_crosswalk_gives_the_three_canonical_names():
    assert crosswalk("Tỉnh Thừa Thiên Huế", "huyện Phong Điền") == Crosswalk("Huế", "Phong Điền", "Huế")
    assert crosswalk("Hà Giang") == Crosswalk("Hà Giang", None, "Tuyên Quang")
    assert crosswalk("Kon Tum", "Đắk Tô").province_after == "Quảng Ngãi"


@pytest.mark.parametrize("name", ["Atlantis", "", "Hà Giangg Giang", "Thừa Thiên"])
def test_unknown_province_is_a_clear_error(name):
    with pytest.raises(UnknownUnit, match="unknown province"):
        province_after(name)


def test_unknown_province_names_the_closest():
    with pytest.raises(UnknownUnit, match=r"'Quang Nan'.*closest: .*Quảng Nam"):
        province_before("Quang Nan")


def test_unknown_district_names_the_closest_districts():
    with pytest.raises(UnknownUnit, match=r"'Phong Dien X' is not a district of Huế.*closest: Phong Điền"):
        district_before("Thừa Thiên Huế", "Phong Dien X")


def test_district_of_another_province_says_where_it_is():
    with pytest.raises(UnknownUnit, match=r"not a district of Quảng Ngãi.*of that name is in Huế"):
        district_before("Quảng Ngãi", "Phong Điền")


@pytest.mark.parametrize(
    "province, district, candidates",
    [
        ("Hà Tĩnh", "Kỳ Anh", "Kỳ Anh (Huyện), Kỳ Anh (Thị xã)"),
        ("Đồng Tháp", "Cao Lãnh", "Cao Lãnh (Thành phố), Cao Lãnh (Huyện)"),
        ("Tiền Giang", "Cai Lậy", "Cai Lậy (Thị xã), Cai Lậy (Huyện)"),
        ("Huế", "Thành phố Huế", "Thuận Hóa, Phú Xuân"),  # divided on 1 Jan 2025
    ],
)
def test_a_name_of_several_districts_is_ambiguous(province, district, candidates):
    with pytest.raises(AmbiguousUnit, match=f"districts of {province}: {re.escape(candidates)}$"):
        district_before(province, district)


def test_errors_are_value_errors():
    assert issubclass(UnknownUnit, AdminUnitError) and issubclass(AmbiguousUnit, AdminUnitError)
    assert issubclass(AdminUnitError, ValueError)


def test_agrees_with_the_package_public_api():
    """The JSON files this module reads are internal to the package: check them against its API."""
    from vietnamadminunits import ParseMode, convert_address, parse_address
    from vietnamadminunits.database import get_data

    for name in PROVINCES_BEFORE:
        assert convert_address(name).short_province == province_after(name), name
    assert sorted(row["provinceShort"] for row in get_data("provinceShort", "admin_units")) == sorted(PROVINCES_AFTER)
    for row in get_data(["provinceShort", "district", "districtShort"], "admin_units_legacy"):
        assert district_before(row["provinceShort"], row["district"]) == row["districtShort"], row
    # the package's own parser reads the former name Thừa Thiên Huế as Huế too
    assert parse_address("Phong Điền, Thừa Thiên Huế", mode=ParseMode.LEGACY, level=2).short_province == "Huế"


def test_lookups_import_neither_the_package_modules_nor_scrapy_nor_sqlite_utils():
    code = (
        "import sys, crawler.admin_units as a; a.district_before('Huế', 'Phong Điền'); "
        "heavy = {'vietnamadminunits', 'shapely', 'geopy', 'scrapy', 'sqlite_utils'} & set(sys.modules); "
        "print(sorted(heavy))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            cwd=Path(admin_units.__file__).parent.parent)
    assert result.stdout.strip() == "[]"
