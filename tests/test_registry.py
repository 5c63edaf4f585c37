"""The site registry: the bundled file, validation errors and site selection."""

import pytest

from crawler.registry import LEVELS, STATUSES, RegistryError, load_registry, select_sites

SEED_HOSTS = {
    "phongdien.thuathienhue.gov.vn",
    "sontinh.quangngai.gov.vn",
    "danvan.vn",
    "www.quangninh.gov.vn",
    "hagiangtv.vn",
    "baogialai.com.vn",
}


@pytest.fixture
def bundled_sites():
    return load_registry()


def test_bundled_registry_has_the_six_seed_portals(bundled_sites):
    hosts = {host for site in bundled_sites for host in site.hosts}
    assert SEED_HOSTS <= hosts
    assert len(bundled_sites) == 6


def test_every_site_is_complete(bundled_sites):
    for site in bundled_sites:
        assert site.level in LEVELS and site.status in STATUSES
        assert site.start_urls and all(url.startswith("http") for url in site.start_urls)
        if site.level != "central":
            assert site.province_before and site.province_after


def test_merged_provinces_are_recorded(bundled_sites):
    by_id = {site.id: site for site in bundled_sites}
    assert (by_id["hagiangtv"].province_before, by_id["hagiangtv"].province_after) == ("Hà Giang", "Tuyên Quang")
    assert by_id["phongdien"].province_after == "Huế"


def test_default_selection_skips_gone_sites(bundled_sites):
    selected = {site.id for site in select_sites(bundled_sites)}
    assert "danvan" not in selected
    assert {site.id for site in select_sites(bundled_sites, include_gone=True)} == {s.id for s in bundled_sites}


def test_named_sites_are_crawled_whatever_their_status(bundled_sites):
    assert [site.id for site in select_sites(bundled_sites, ("danvan",))] == ["danvan"]


def test_unknown_site_id_is_a_clear_error(bundled_sites):
    with pytest.raises(RegistryError, match="unknown site id: nowhere"):
        select_sites(bundled_sites, ("nowhere",))


@pytest.mark.parametrize(
    "content, message",
    [
        ("[[site]\nid=", "not valid TOML"),
        ("title = 'no sites'", "no \\[\\[site\\]\\] entries"),
        ("[[site]]\nid = 'x'\nname = 'X'", "missing level"),
        (
            "[[site]]\nid='x'\nname='X'\nlevel='county'\nplatform='huecit'\nbase_url='https://x.vn/'\n"
            "start_urls=['https://x.vn/a']\nstatus='live'",
            "level 'county' is not one of",
        ),
        (
            "[[site]]\nid='x'\nname='X'\nlevel='district'\nplatform='huecit'\nbase_url='https://x.vn/'\n"
            "start_urls=['file:///etc/passwd']\nstatus='live'",
            "start_urls must be a list of http",
        ),
    ],
    ids=["bad-toml", "no-sites", "missing-keys", "bad-level", "bad-scheme"],
)
def test_malformed_registry_is_a_clear_error(tmp_path, content, message):
    path = tmp_path / "sites.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(RegistryError, match=message):
        load_registry(path)


def test_unknown_platform_is_rejected(tmp_path):
    path = tmp_path / "sites.toml"
    path.write_text(
        "[[site]]\nid='x'\nname='X'\nlevel='district'\nplatform='joomla'\nbase_url='https://x.vn/'\n"
        "start_urls=['https://x.vn/a']\nstatus='live'",
        encoding="utf-8",
    )
    with pytest.raises(RegistryError, match="platform 'joomla'"):
        load_registry(path, platforms=("huecit",))


def test_generic_platform_means_detect_per_page(tmp_path):
    path = tmp_path / "sites.toml"
    path.write_text(
        "[[site]]\nid='x'\nname='X'\nlevel='district'\nplatform='generic'\nbase_url='https://x.vn/'\n"
        "start_urls=['https://x.vn/a']\nstatus='live'",
        encoding="utf-8",
    )
    (site,) = load_registry(path)
    assert site.platform_hint is None
    assert load_registry()[0].platform_hint == "huecit"
