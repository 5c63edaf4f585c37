"""Canonical URLs keep what the portal needs and drop what it does not."""

import pytest

from crawler.registry import load_registry
from crawler.urls import canonical_url

LIFERAY = "https://sontinh.quangngai.gov.vn/web/portal-st/xem-chi-tiet/-/asset_publisher/Content/hoi-nghi?4850217"


@pytest.mark.parametrize(
    "url, expected",
    [
        (LIFERAY, LIFERAY),
        (LIFERAY + "&_101_INSTANCE_r7LmX2cQkZ9d_viewMode=print", LIFERAY),
        ("https://phongdien.thuathienhue.gov.vn/?gd=1&cn=83&tc=21547",
         "https://phongdien.thuathienhue.gov.vn/?gd=1&cn=83&tc=21547"),
        ("HTTPS://WWW.QuangNinh.gov.vn:443/bannganh/BanDanVan/Trang/ChiTietTinTuc.aspx?nid=2137#top",
         "https://www.quangninh.gov.vn/bannganh/BanDanVan/Trang/ChiTietTinTuc.aspx?nid=2137"),
        ("https://baogialai.com.vn/hoi-nghi-post123456.html?utm_source=facebook&fbclid=IwAR0&zarsrc=30",
         "https://baogialai.com.vn/hoi-nghi-post123456.html"),
        ("https://baocantho.com.vn/giao-ban-a178812.html?print=1", "https://baocantho.com.vn/giao-ban-a178812.html"),
        ("https://dongnai.gov.vn/Pages/newsdetail.aspx;jsessionid=8F2A?NewsId=1234&PHPSESSID=ab12",
         "https://dongnai.gov.vn/Pages/newsdetail.aspx?NewsId=1234"),
        ("https://hagiangtv.vn/thoi-su/202201/hoi-nghi-faa0ba1/", "https://hagiangtv.vn/thoi-su/202201/hoi-nghi-faa0ba1"),
        ("http://danvan.vn:8080/Home", "http://danvan.vn:8080/Home"),
        ("https://hagiangtv.vn", "https://hagiangtv.vn/"),
    ],
    ids=["liferay-bare-key", "liferay-print", "huecit-order-kept", "host-port-fragment", "tracking", "print",
         "session-ids", "trailing-slash", "other-port", "empty-path"],
)
def test_canonical_url(url, expected):
    assert canonical_url(url) == expected


def test_a_site_alias_takes_the_sites_scheme_and_host():
    site = next(s for s in load_registry() if s.id == "quangninh-bdv")
    variant = "http://quangninh.gov.vn/bannganh/BanDanVan/Trang/ChiTietTinTuc.aspx?nid=2290"
    assert canonical_url(variant, site.hosts, site.base_url) == (
        "https://www.quangninh.gov.vn/bannganh/BanDanVan/Trang/ChiTietTinTuc.aspx?nid=2290"
    )
