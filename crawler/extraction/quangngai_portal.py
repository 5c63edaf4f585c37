"""Quảng Ngãi's Liferay portals: the quangngai.gov.vn sub-portals (sontinh, nghiahanh, sotp) and the
portal-qni theme; other Liferay sites (kontum, moh, 7.x quangngai.gov.vn) are "liferay"."""

from __future__ import annotations

from crawler.extraction.liferay import LIFERAY_MARKERS, LiferayPage


class QuangNgaiPortalPage(LiferayPage):
    """Article read as any Liferay asset (h3.header-title + .asset-full-content); list div.box-news-xx."""

    # the same CMS as "liferay": one reading, so the two ids never disagree on a page's fields
    platform = "quangngai-portal"
    HOSTS = ("quangngai.gov.vn",)
    MARKERS = LIFERAY_MARKERS + (
        r"portal-?qni(?:-theme|_WAR)|class=\"portal-qni\"",
        r'class="(?:box-news-xx|h2-title-xx|news-info-date)"',
    )
    """Liferay, plus Quảng Ngãi's portal-qni theme (theme id, theme path, body class) and its list and date
    markup; any other Liferay site is "liferay" (a tie goes to the general family)."""
    URL_MARKER = r"/asset_publisher/|/web/portal-"
    LIST_ITEM = ("div.box-news-xx",)
    LIST_LINK = ("h2.h2-title-xx a[href]", "h2 a[href]", "h3 a[href]", "a[href]")
    LIST_DATE = ("p.date_post", ".date_post", ".date-post", ".date")
    """ "16:36 21/04/2023": time first on listings, unlike the article."""
    PAGER = (".lfr-pagination", ".taglib-page-iterator", "ul.pager", ".pagination")
