"""Data types of the fixture web: served responses, story content, site specs, ground truth."""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import asdict, dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class FixtureResponse:
    """One served answer: HTTP status, header list (in order) and body bytes."""

    status: int
    headers: list[tuple[str, str]]
    body: bytes

    def header(self, name: str) -> str | None:
        """The first header called ``name`` (case-insensitive), else None."""
        wanted = name.lower()
        for key, value in self.headers:
            if key.lower() == wanted:
                return value
        return None


@dataclass(frozen=True)
class Photo:
    """An image inside an article body; ``caption`` None means the photo has no caption."""

    file: str
    caption: str | None = None


@dataclass(frozen=True)
class Story:
    """The content of one article, independent of any platform's markup.

    ``body`` holds paragraphs (str) and photos in reading order. ``when`` is local time
    (Asia/Ho_Chi_Minh) as "YYYY-MM-DD HH:MM:SS"; platforms show as much of it as they show.
    """

    key: int
    title: str
    when: str
    body: tuple
    author: str | None = None
    author_org: str | None = None
    source: str | None = None
    about_danvan: bool = True
    tags: tuple[str, ...] = ()
    slug: str | None = None
    republished_from: tuple[str, int] | None = None  # (site id, story key) of the original

    @property
    def moment(self) -> datetime:
        return datetime.strptime(self.when, "%Y-%m-%d %H:%M:%S")

    @property
    def paragraphs(self) -> list[str]:
        return [block for block in self.body if isinstance(block, str)]

    @property
    def photos(self) -> list[Photo]:
        return [block for block in self.body if isinstance(block, Photo)]

    @property
    def captions(self) -> list[str]:
        return [photo.caption for photo in self.photos if photo.caption]

    @property
    def summary(self) -> str:
        """A listing summary: the lead's first sentence, without a "(GLO)- " style prefix."""
        lead = self.paragraphs[0]
        if lead.startswith("(") and ")-" in lead[:12]:
            lead = lead.split(")-", 1)[1].strip()
        sentence = lead.split(". ")[0].rstrip(".")
        words = sentence.split()
        if len(words) > 32:
            return " ".join(words[:30]) + "..."
        return sentence + "."


@dataclass(frozen=True)
class DeadLink:
    """A listing item whose article is gone: the link answers 404."""

    key: int
    title: str
    when: str
    summary: str = ""
    slug: str | None = None

    @property
    def moment(self) -> datetime:
        return datetime.strptime(self.when, "%Y-%m-%d %H:%M:%S")


@dataclass(frozen=True)
class SiteSpec:
    """One portal of the fixture web: its content plus what differs between its pages.

    ``moved`` is the key of the story whose listing link is an old URL answering 301;
    ``page_sizes`` is how many listing items each listing page shows (dead link included).
    ``settings`` holds platform parameters (names, category ids, ...).
    """

    site_id: str
    platform: str
    stories: tuple[Story, ...]
    dead: DeadLink
    moved: int
    page_sizes: tuple[int, ...]
    settings: dict = field(default_factory=dict)


@dataclass
class ArticleTruth:
    """What a correct extractor returns for one fixture article (see the package docstring)."""

    url: str
    site_id: str
    platform: str
    title: str
    published: str | None
    listing_date: str
    author: str | None
    author_org: str | None
    source: str | None
    paragraphs: list[str]
    captions: list[str]
    documents: list[str]
    about_danvan: bool
    redirected_from: str | None = None
    republished_from: str | None = None

    def as_dict(self) -> dict:
        return asdict(self)


def slugify(text: str, keep_case: bool = False) -> str:
    """ASCII slug of a Vietnamese title: marks removed, đ→d, words joined by hyphens."""
    text = text.replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFD", text)
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
    words, current = [], []
    for ch in text:
        if ch.isascii() and ch.isalnum():
            current.append(ch)
        elif current:
            words.append("".join(current))
            current = []
    if current:
        words.append("".join(current))
    slug = "-".join(words)
    return slug if keep_case else slug.lower()


def hex7(text: str) -> str:
    """A stable 7-hex key, as VNPT-Media appends to article slugs."""
    return hashlib.md5(text.encode("utf-8")).hexdigest()[:7]


def filler(seed: str, length: int) -> str:
    """Deterministic base64-looking filler (viewstates, digests) of ``length`` characters."""
    import base64

    out = b""
    block = seed.encode("utf-8")
    while len(out) < length:
        block = hashlib.sha256(block).digest()
        out += block
    return base64.b64encode(out).decode("ascii")[:length]
