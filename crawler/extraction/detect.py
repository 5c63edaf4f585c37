"""Which platform family a page belongs to, from its markup and URL."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

MIN_SCORE = 2
"""Two independent markers (or a known host) before a platform is trusted."""
KNOWN_HOSTS = {
    "thuathienhue.gov.vn": "huecit",
    "quangngai.gov.vn": "quangngai-portal",
    "danvan.vn": "danvan-legacy",
    "quangninh.gov.vn": "sharepoint-qn",
    "hagiangtv.vn": "vnpt-media",
    "baogialai.com.vn": "mcms",
}
"""Hosts seen on these platforms (a host and its sub-domains)."""
HTML_MARKERS: dict[str, tuple[str, ...]] = {
    "mcms": (
        r"zce-content-body", r'class="[^"]*\barticle__body\b', r"common\.mcms\.one",
        r'class="[^"]*\bstory__heading\b', r'class="[^"]*\barticle__sapo\b',
    ),
    "huecit": (
        r"ctl00_ContentPlaceHolder1", r"\?gd=\d+&(?:amp;)?cn=\d+", r"HueCIT",
        r'class="news-item-title"', r'class="news-author"',
    ),
    "quangngai-portal": (
        r"\bvar Liferay\b", r"/asset_publisher/", r"journal-content-article", r'class="box-news-xx"',
        r"p_p_id",
    ),
    "danvan-legacy": (
        r'id="divContent"', r'class="detail-title"', r'href="/Home/[A-Z][\w-]+', r'class="news-date"',
        r'class="tplCaption"',
    ),
    "sharepoint-qn": (
        r'content="Microsoft SharePoint"', r"noidung-chitiet", r"ChiTietTinTuc\.aspx",
        r'class="item-tintuc', r"tieude-chitiet",
    ),
    "vnpt-media": (
        r"/file/[0-9a-f]{32}/", r"scUnitMapId", r'class="article_content"', r'class="title2"',
        r'class="item-news\b',
    ),
}
URL_MARKERS = {
    "mcms": r"-post\d+\.html$",
    "huecit": r"[?&]gd=\d+",
    "quangngai-portal": r"/asset_publisher/|/web/portal-",
    "danvan-legacy": r"/Home/[A-Z][\w-]+/",
    "sharepoint-qn": r"/(?:Trang|Pages)/[\w-]+\.aspx",
    "vnpt-media": r"/\d{6}/[\w-]+-[0-9a-f]{7}/?$",
}
COMPILED_HTML = {p: [re.compile(m) for m in ms] for p, ms in HTML_MARKERS.items()}
COMPILED_URL = {p: re.compile(m) for p, m in URL_MARKERS.items()}


def host_platform(url: str) -> str | None:
    """The platform of a known host (or one of its sub-domains)."""
    host = (urlsplit(url).hostname or "").lower()
    for known, platform in KNOWN_HOSTS.items():
        if host == known or host.endswith("." + known):
            return platform
    return None


def score(platform: str, url: str, html: str) -> int:
    """How many of a platform's markers the page shows (the host counts double)."""
    points = sum(1 for pattern in COMPILED_HTML[platform] if pattern.search(html))
    points += 1 if COMPILED_URL[platform].search(url) else 0
    return points + (MIN_SCORE if host_platform(url) == platform else 0)


def detect_platform(url: str, html: str) -> str:
    """The platform family of a page, or "generic" when no family fits."""
    scores = {platform: score(platform, url, html or "") for platform in HTML_MARKERS}
    best = max(scores, key=scores.get)
    return best if scores[best] >= MIN_SCORE else "generic"
