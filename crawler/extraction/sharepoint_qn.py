"""SharePoint 2013 portals of Quảng Ninh (quangninh.gov.vn and its /bannganh/ sub-sites)."""

from __future__ import annotations

from crawler.extraction.base import PortalPage


class SharePointQnPage(PortalPage):
    """Article: h1.tieude-chitiet, lblNgayDang, .noidung-chitiet; list div.item-tintuc."""

    platform = "sharepoint-qn"
    HOSTS = ("quangninh.gov.vn",)
    MARKERS = (
        r'content="Microsoft SharePoint"',
        r"noidung-chitiet",
        r"ChiTietTinTuc\.aspx",
        r'class="item-tintuc',
        r"tieude-chitiet",
    )
    URL_MARKER = r"/(?:Trang|Pages)/[\w-]+\.aspx"
    TITLE = (".chitiet-tintuc h1.tieude-chitiet", "h1.tieude-chitiet", "span[id$='_lblTieuDe']")
    """The <title> is only "Chi tiết tin tức"."""
    DATE = (".chitiet-tintuc .ngay-chitiet", "span[id$='_lblNgayDang']", ".ngay-chitiet")
    BODY = (".chitiet-tintuc .noidung-chitiet", ".noidung-chitiet", "div[id$='_divNoiDung']")
    JUNK = (".tool-chitiet", ".tinkhac")
    LIST_ITEM = (".danhsach-tintuc div.item-tintuc", "div.item-tintuc")
    LIST_LINK = ("h3.tieude a[href]", ".tieude a[href]", "h3 a[href]", "a[href]")
    LIST_DATE = ("span.ngay", ".ngay", ".date")
    PAGER = ("div.paging", ".paging", ".pagination")
