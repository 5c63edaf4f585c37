"""SharePoint portals: /portal/Pages/<Y-M-D>/<Slug><hash>.aspx family, Đồng Nai, monre, LạcViệt BIO."""

from __future__ import annotations

from crawler.extraction.base import PortalPage


class SharePointPortalPage(PortalPage):
    """Article: #art-content, divNoiDungTinBai, .news-content, LạcViệt's two skins; lists TD-channel, lnew."""

    platform = "sharepoint-portal"
    HOSTS = ()
    MARKERS = (
        r"/portal/Pages/\d{4}-\d{1,2}-\d{1,2}/",
        r'class="[^"]*\b(?:TD-channel-main-td|pub-time)\b|id="art-content"',
        r"/_layouts/(?:1[45]/)?LacVietBIO/",
        r'class="[^"]*\b(?:divNoiDungTinBai|lnew)\b',
        r'class="div(?:TieuDeTinBai|NgayDang\w*|TomTatTinBai|TacGiaTinBai|ChiTietTinBai|TinKhac|ChucNang)"',
        r'class="[^"]*\bnews-content\b[^"]*"[^>]*>\s*<div[^>]*\bms-rtestate-field\b',
        r"/_catalogs/masterpage/",
        r"\bms-rtestate-field\b",
        r"_spPageContextInfo|\bMSOWebPartPage_",
        r"/corev4\.css|\bv4master\b",
    )
    """The family's dated path and layouts, Đồng Nai's div*TinBai boxes, LạcViệt's _layouts folder, then
    SharePoint itself (2010 too)."""
    URL_MARKER = (
        r"/portal/Pages/|/Pages/\d{4}-\d{1,2}-\d{1,2}/|/_layouts/(?:1[45]/)?LacVietBIO/"
        r"|/Pages/newsdetail\.aspx\?NewsId="
    )
    TITLE = (
        ".art-detail h1.art-title", "#art-detail .art-title", "h1.art-title", ".ChiTietTin h1.TieuDe",
        ".ChiTietTin .TieuDe", ".lv-news-detail .lv-news-title", ".divTieuDeTinBai", ".divTinBai .TieuDeTinBai",
        ".TD-channel-main-td h1.TD-title",
        ".news-detail h1.news-title", "h1",
    )
    """The <title> carries only the site name on most of these portals."""
    DATE = (
        ".art-detail .art-info label.pub-time", "h1.art-title + * label.pub-time",
        "h1.TD-title + label.pub-time", ".TD-channel-main-td > label.pub-time",
        "#art-detail > .art-date", ".art-detail > .art-date", "#art-content > .art-date",
        ".ChiTietTin .ThongTin span.NgayDang", ".lv-news-detail .lv-news-info .lv-date",
        ".divNgayDangTinBai .ngay-dang", ".divNgayDang", ".divTinBai > .NgayCapNhat",
        ".news-detail > .news-date",
    )
    """ "15/06/2023 08:12:31 SA", "30/03/2021 12:00 AM", "Thứ Ba, 12/06/2018, 14:40",
    "Ngày đăng: 12/06/2023 15:10 - Cập nhật: …"."""
    # "Tin khác" lists inside the same article block reuse label.pub-time and .news-date
    LEAD = (
        ".art-detail .art-sapo", "#art-detail .art-sapo", ".ChiTietTin .TomTat", ".divTomTatTinBai",
        ".TD-channel-main-td .TD-sapo", ".news-detail .news-sapo",
    )
    BODY = (
        "#art-content", ".ChiTietTin div.NoiDung", ".lv-news-detail .lv-news-content", "div.divNoiDungTinBai",
        ".TD-channel-main-td .TD-content", ".news-content > .ms-rtestate-field", ".ms-rtestate-field",
    )
    JUNK = (
        ".art-tools", ".art-other", ".TD-other", ".divTinKhac", ".divChucNang", ".lv-news-tool",
        ".lv-news-other",
    )
    BYLINE = (
        ".art-detail .art-author", "#art-detail .art-author", ".ChiTietTin p.TacGia", ".divTacGiaTinBai",
    )
    LIST_ITEM = ("li.TD-channel-main-td", "div.lnew")
    LIST_LINK = ("h3 a[href]", "a.lnew-title[href]", "a[href]")
    LIST_DATE = ("label.pub-time", "span.lnew-date", ".pub-time", ".date")
    """ "15/06/2023 08:12:31 SA" on the family's lists; "(dd/mm/yyyy)" on Đồng Nai's."""
    PAGER = (".TD-paging", ".lnew-paging", ".paging", ".pagination")
