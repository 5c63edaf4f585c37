"""The "-a<id>.html" newspaper CMS (baocantho, baodongthap, baotayninh, baobinhduong, dongkhoi)."""

from __future__ import annotations

from lxml.html import HtmlElement

from crawler.extraction import dom
from crawler.extraction.base import PortalPage
from crawler.extraction.bylines import Byline, source_of, split_byline
from crawler.text import clean_text


class AcmsPage(PortalPage):
    """Article: span.pubdate "08/01/2026 - 18:21", #newscontents .content-fck; undated lists."""

    platform = "acms"
    MARKERS = (
        r'id="newscontents"',
        r'class="content-fck"',
        r'class="pubdate"',
        r'id="contentNews"',
        r'href="[^"]*-a\d{3,}\.html"',
        r'href="[^"]*\?p=\d+"',
    )
    """Markup only: the family spans many provincial papers, each on its own host."""
    URL_MARKER = r"-a\d+\.html(?:$|[?#])"
    TITLE = ("#newsdetail h1", ".news-detail h1", ".detail-news h1.title", "h1.title-detail")
    DATE = ("#newsdetail span.pubdate", ".news-detail span.pubdate", "span.pubdate")
    """ "08/01/2026 - 18:21"; an "updated" span and the header's today widget are not it."""
    LEAD = ("#newsdetail .sapo", ".news-detail .sapo", "h2.sapo")
    BODY = ("#newscontents .content-fck", "#contentNews", "#newscontents", ".content-fck")
    """baocantho and dongkhoi wrap the editor output in .content-fck; baobinhduong: #contentNews."""
    JUNK = (".tinlienquan", ".news-tools", ".tags", ".adv", "div[id^='audio']")
    CAPTIONS = (
        "figcaption", "td.image_desc", "td.caption", "p.image-note",
        "p[style*='center'] > em:only-child",
    )
    """Older FCKeditor pages set captions as a centred paragraph in italics under the photo."""
    BYLINE = ("#newscontents p[style*='right'] strong", "#contentNews p[style*='right'] strong")
    """ "Tin, ảnh: P.Y" in bold in a right-aligned last paragraph."""
    LIST_ITEM = (
        ".cate-content .news-top, .cate-content ul.list-news > li",
        ".list-news-cate .item",
        "ul.list-news > li",
    )
    """The featured story and the list below it are one listing (one selector keeps their order)."""
    LIST_LINK = ("h2 a[href]", "h3 a[href]", "a.title[href]", "a[href]")
    LIST_DATE = ()
    """Category pages of this CMS show no dates."""
    PAGER = ("div.paging", ".pagination", ".pager")

    def dedicated_byline(self, body: HtmlElement) -> Byline:
        """The last bold right-aligned credit that names a person, removed from the body."""
        for el in reversed(dom.select(self.root, self.BYLINE)):
            text = clean_text(el.text_content())
            # "Theo TTXVN" is set in the same bold: it stays in the body for the source rule
            if text and source_of(text) is None:
                el.drop_tree()
                return split_byline(text)
        return Byline()
