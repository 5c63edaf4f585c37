"""Canonical URLs keep what the portal needs and drop what it does not."""

import pytest

from crawler.urls import canonical_url


@pytest.mark.parametrize(
    "url, expected",
    [
        ("https://sontinh.quangngai.gov.vn/web/portal-st/xem-chi-tiet/-/asset_publisher/Content/hoi-nghi?4850217",
         "https://sontinh.quangngai.gov.vn/web/portal-st/xem-chi-tiet/-/asset_publisher/Content/hoi-nghi?4850217"),
        ("https://phongdien.thuathienhue.gov.vn/?gd=1&cn=83&tc=21547",
         "https://phongdien.thuathienhue.gov.vn/?gd=1&cn=83&tc=21547"),
        ("HTTPS://WWW.QuangNinh.gov.vn:443/bannganh/BanDanVan/Trang/ChiTietTinTuc.aspx?nid=2137#top",
         "https://www.quangninh.gov.vn/bannganh/BanDanVan/Trang/ChiTietTinTuc.aspx?nid=2137"),
        ("https://baogialai.com.vn/hoi-nghi-post123456.html?utm_source=facebook&fbclid=IwAR0",
         "https://baogialai.com.vn/hoi-nghi-post123456.html"),
        ("http://danvan.vn:8080/Home", "http://danvan.vn:8080/Home"),
        ("https://hagiangtv.vn", "https://hagiangtv.vn/"),
    ],
    ids=["liferay-bare-key", "huecit-order-kept", "host-port-fragment", "tracking", "other-port", "empty-path"],
)
def test_canonical_url(url, expected):
    assert canonical_url(url) == expected
