"""How far a run walks a section's listing pages, and which of their links it fetches (pure).

The rule (README "Incremental runs"): a section is walked from its first listing page. On each
page every link the archive does not know yet is fetched, wherever it sits on the page, so an
item inserted below the top is caught as well as one at the top. The walk goes on to the next
page while the page showed at least one unknown link (new items push older ones onto the next
page), and stops after the first page whose links are all known. ``full`` walks every page;
``since`` walks until a page whose dated links are all older than that day and skips links dated
before it; ``refresh`` fetches known links again too. A link is known when the archive holds it as
an article, a skipped page, a gone page or a redirect to one of those.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol


class Link(Protocol):
    url: str
    date: str | None


@dataclass(frozen=True)
class WalkPolicy:
    """What one run asks for: a full walk, a backfill limit, refetching of known articles."""

    full: bool = False
    since: date | None = None
    refresh: bool = False

    @property
    def conditional(self) -> bool:
        """Whether listing pages are asked for with the validators of their last fetch."""
        return not (self.full or self.since)

    def links_to_fetch(self, links: Sequence[Link], known: Collection[str]) -> list[Link]:
        """The links of one listing page to fetch: unknown ones (all with ``refresh``), none too old."""
        return [
            link for link in links
            if (self.refresh or link.url not in known) and not self._too_old(link)
        ]

    def walk_on(self, links: Sequence[Link], known: Collection[str]) -> bool:
        """Whether to go on to the next listing page after this one."""
        if self.since and _all_dated_before(links, self.since):
            return False
        if self.full or self.since:
            return True
        return any(link.url not in known for link in links)

    def _too_old(self, link: Link) -> bool:
        return bool(self.since and link.date and link.date[:10] < self.since.isoformat())


def _all_dated_before(links: Sequence[Link], day: date) -> bool:
    dated = [link.date[:10] for link in links if link.date]
    return bool(dated) and all(value < day.isoformat() for value in dated)
