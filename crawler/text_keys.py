"""What the archive derives from an article's title and text (pure: no Scrapy, no SQL).

The folded search keys, the content hash and the cited documents cost the archive's save more than
its SQL does. The crawl's extraction workers compute them beside the signature, off the reactor
thread; the archive computes them itself for any article that comes without them.
"""

from __future__ import annotations

from dataclasses import dataclass

from crawler import dedup
from crawler.documents import DocumentCitation, cite_documents
from crawler.text import fold


@dataclass(frozen=True)
class TextKeys:
    """An article's derived keys, with the title and text they were computed from."""

    title: str | None
    text: str
    folded_title: str
    folded_text: str
    content_hash: str
    citations: tuple[DocumentCitation, ...]

    def fits(self, title: str | None, text: str) -> bool:
        """Whether these keys belong to this title and text (an item may be edited after extraction)."""
        return self.title == title and self.text == text


def text_keys(title: str | None, text: str) -> TextKeys:
    """Fold the title and text once; hash the folded text; parse the cited documents."""
    folded_text = fold(text)
    return TextKeys(title, text, fold(title or ""), folded_text, dedup.folded_hash(folded_text),
                    tuple(cite_documents(text)))
