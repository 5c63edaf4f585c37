"""What every platform template offers; the per-platform modules fill in URLs and markup."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from html import escape
from urllib.parse import urlsplit

from ..model import DeadLink, SiteSpec, Story


def esc(text: str) -> str:
    """HTML-escape text for element content and attribute values (keeps the text NFC)."""
    return escape(text, quote=True).replace("\u00a0", "&nbsp;")


@dataclass(frozen=True)
class Link:
    """A dated link as listings and related lists show it."""

    url: str
    title: str
    moment: datetime
    summary: str = ""
    key: int = 0


@dataclass(frozen=True)
class ArticleContext:
    """What an article page shows around the story: related and sidebar lists."""

    url: str
    related: list[Link]
    newest: list[Link]
    listing_url: str


class Platform:
    """Base class: one instance per site. Subclasses define URL forms and page markup."""

    name = "base"
    server = "nginx"
    content_type = "text/html; charset=utf-8"
    redirect_style = "nginx"  # or "iis", "tomcat"
    validators: tuple[str, ...] = ()  # "etag", "last-modified": what the server sends with pages

    def __init__(self, spec: SiteSpec):
        self.spec = spec
        self.s = spec.settings
        self.newest: list[Link] = []  # the site's newest stories, for marquees and sidebars

    # -- URLs --------------------------------------------------------------------------
    @property
    def origin(self) -> str:
        parts = urlsplit(self.listing_url(1))
        return f"{parts.scheme}://{parts.netloc}"

    def listing_url(self, page: int) -> str:
        raise NotImplementedError

    def extra_listing_urls(self, n_pages: int) -> dict[str, int]:
        """Other URLs that answer with a listing page (url -> page number), e.g. Liferay _cur=1."""
        return {}

    def article_url(self, story: Story) -> str:
        raise NotImplementedError

    def dead_url(self, dead: DeadLink) -> str:
        raise NotImplementedError

    def old_url(self, story: Story) -> str:
        raise NotImplementedError

    def redirect_location(self, new_url: str) -> str:
        """The Location header value for the moved story (absolute unless overridden)."""
        return new_url

    def href(self, url: str) -> str:
        """The link form this platform writes for ``url`` (path-absolute on the same origin)."""
        parts = urlsplit(url)
        if f"{parts.scheme}://{parts.netloc}" != self.origin:
            return url
        path = parts.path or "/"
        return path + (f"?{parts.query}" if parts.query else "")

    # -- dates ---------------------------------------------------------------------------
    def published(self, story: Story) -> str | None:
        """The publication date the article page shows, in the archive's format."""
        return story.moment.strftime("%Y-%m-%dT%H:%M:00+07:00")

    def listing_date(self, moment: datetime) -> str:
        """The date the listing shows for an item, in the archive's format."""
        return moment.strftime("%Y-%m-%dT%H:%M:00+07:00")

    # -- pages ---------------------------------------------------------------------------
    def render_listing(self, page: int, items: list[Link], n_pages: int) -> str:
        raise NotImplementedError

    def render_article(self, story: Story, ctx: ArticleContext) -> str:
        raise NotImplementedError

    def render_not_found(self, url: str) -> str:
        raise NotImplementedError

    def render_redirect(self, location: str) -> str:
        if self.redirect_style == "iis":
            return (
                '<html><head><title>Object moved</title></head><body>\r\n'
                f'<h2>Object moved to <a href="{esc(location)}">here</a>.</h2>\r\n'
                "</body></html>\r\n"
            )
        if self.redirect_style == "tomcat":
            return ""
        return (
            "<html>\r\n<head><title>301 Moved Permanently</title></head>\r\n<body>\r\n"
            "<center><h1>301 Moved Permanently</h1></center>\r\n<hr><center>nginx</center>\r\n"
            "</body>\r\n</html>\r\n"
        )

    def robots_txt(self) -> str:
        return "User-agent: *\nDisallow:\n"
