"""The "-a<id>.html" newspaper CMS (baocantho, baodongthap, baotayninh, baobinhduong, dongkhoi)."""

from __future__ import annotations

from datetime import date
from functools import cached_property

from lxml.html import HtmlElement

from crawler.dates import PUBLISHED, DateCandidate
from crawler.extraction import dom
from crawler.extraction.base import PortalPage
from crawler.extraction.bylines import Byline, source_of, split_byline
from crawler.extraction.generic import LEAD_SELECTORS, container_heading, head_parts, lead_element
from crawler.text import clean_text

SCOPE_DATE = ("span.pubdate", ".pubdate", "[class*='date']", "[class*='time']", "[class*='ngay']")
"""The date line before the body in the article's container: span.pubdate, else a date-word class."""


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
    LEAD = LEAD_SELECTORS
    """Read in the article scope, before the body: papers of the family name the lead differently."""
    BODY = ("#newscontents .content-fck", "#contentNews", "#newscontents", ".content-fck")
    """baocantho and dongkhoi wrap the editor output in .content-fck; baobinhduong: #contentNews."""
    JUNK = (".tinlienquan", ".news-tools", ".tags", ".adv", "div[id^='audio']")
    CAPTIONS = PortalPage.CAPTIONS + (".note-image", ".image-note")
    """baobinhduong: div.image-news > div.note-image; centred italic lines follow the shared rule."""
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

    @cached_property
    def title_element(self) -> HtmlElement | None:
        """The visible h1 of the article's container (holding title and body), else TITLE."""
        body = dom.first(self.root, self.BODY)
        heading = container_heading(body) if body is not None else None
        return heading if heading is not None else super().title_element

    def selector_candidates(self, reference: date | None) -> list[DateCandidate]:
        """The date line of the article's container; then the head lines; the page-wide DATE last."""
        body = dom.first(self.root, self.BODY)
        found: list[DateCandidate] = []
        for el in head_parts(body, SCOPE_DATE) if body is not None else []:
            found += self.element_candidates(el, reference)
            if any(candidate.kind == PUBLISHED for candidate in found):
                return found  # later selectors are other papers' classes
        found += self.head_line_candidates(reference)  # a date line whose class names no date
        if any(candidate.kind == PUBLISHED for candidate in found):
            return found
        return found + super().selector_candidates(reference)  # page-wide span.pubdate, last

    def lead_blocks(self, body: HtmlElement) -> list[dom.Block]:
        """The first lead of the article's container before the body (unless the body repeats it)."""
        lead = lead_element(body, self.LEAD)
        blocks = dom.iter_blocks(lead) if lead is not None else []
        opening = dom.iter_blocks(body)[:1]
        # some papers print the sapo again as the body's first paragraph
        return [] if opening and [b.text for b in blocks] == [opening[0].text] else blocks

    def dedicated_byline(self, body: HtmlElement) -> Byline:
        """The last bold right-aligned credit that names a person, removed from the body."""
        for el in reversed(dom.select(self.root, self.BYLINE)):
            text = clean_text(el.text_content())
            # "Theo TTXVN" is set in the same bold: it stays in the body for the source rule
            if text and source_of(text) is None:
                el.drop_tree()
                return split_byline(text)
        return Byline()

