"""The "-a<id>.html" newspaper CMS (baocantho, baodongthap, baotayninh, baobinhduong, dongkhoi)."""

from __future__ import annotations

from datetime import date
from functools import cached_property

from lxml.html import HtmlElement

from crawler.dates import PUBLISHED, DateCandidate

from crawler.extraction import dom
from crawler.extraction.base import PortalPage
from crawler.extraction.bylines import Byline, source_of, split_byline
from crawler.extraction.generic import before_body, titled_container
from crawler.text import clean_text

LEAD_CLASS_WORDS = ("sapo", "chapo", "chapeau", "summary", "lead", "tomtat", "tom-tat", "desc", "intro")
"""Class words of the lead: .sapo, h2.summary, .newsdetail__sapo, .lead-news, .news-desc."""
LEAD_SELECTORS = tuple(f"[class*='{word}']" for word in LEAD_CLASS_WORDS)
SCOPE_DATE = ("span.pubdate", ".pubdate", "[class*='date']", "[class*='time']", "[class*='ngay']")
"""The date line in the article scope before the body: span.pubdate, else a date, time or ngày class."""


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
    CAPTIONS = (
        "figcaption", "td.image_desc", "td.caption", "p.image-note", ".note-image", ".image-note",
        ".image-caption", "p[style*='center'] > em:only-child",
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

    @cached_property
    def title_element(self) -> HtmlElement | None:
        """The visible h1 of the article scope (the element holding title and body), else TITLE."""
        body = dom.first(self.root, self.BODY)
        for el in dom.select(titled_container(body), ("h1",)) if body is not None else []:
            if clean_text(el.text_content()) and not dom.is_hidden(el):
                return el
        return super().title_element

    def head_parts(self, selectors: tuple[str, ...]) -> list[HtmlElement]:
        """Elements of the article scope before the body (date line, lead), related lists left out."""
        body = dom.first(self.root, self.BODY)
        if body is None:
            return []
        return [el for el in dom.select(titled_container(body), selectors) if is_head_part(el, body)]

    def selector_candidates(self, reference: date | None) -> list[DateCandidate]:
        """The date line of the article scope; the page-wide DATE selectors when it has none."""
        found: list[DateCandidate] = []
        for el in self.head_parts(SCOPE_DATE):
            found += self.element_candidates(el, reference)
            if any(candidate.kind == PUBLISHED for candidate in found):
                return found  # later selectors are other papers' classes
        found += self.head_line_candidates(reference)  # a date line whose class names no date
        if any(candidate.kind == PUBLISHED for candidate in found):
            return found
        return found + super().selector_candidates(reference)  # page-wide span.pubdate, last

    def lead_blocks(self, body: HtmlElement) -> list[dom.Block]:
        """The first lead of the article scope before the body (unless the body repeats it)."""
        leads = [el for el in self.head_parts(self.LEAD) if el.find(".//h1") is None]  # not a head wrapper
        if not leads:
            return []
        order = dom.document_order(self.root)
        blocks = dom.iter_blocks(min(leads, key=lambda el: order.get(el, 0)))
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


def is_head_part(el: HtmlElement, body: HtmlElement) -> bool:
    """A part of the article's head (date line, lead): before the body, not in a related list."""
    return before_body(el, body) and not el.xpath("ancestor-or-self::li")
