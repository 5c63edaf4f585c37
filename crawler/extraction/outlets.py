"""Outlet marks: the tag a newspaper sets before its lede ("(GLO)- ") and the outlet it names.

A copy of a newspaper article on another portal often keeps the paper's lede mark but drops the
source line; the mark then tells who published it first. On the outlet's own site the mark is its
own, so it names no source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit


@dataclass(frozen=True)
class Outlet:
    """A newspaper or agency known by its lede mark."""

    mark: str
    """The mark as the outlet writes it, e.g. "GLO" for "(GLO)- "."""
    source: str
    """What ``Article.source`` records for a copy: the outlet's host, or the agency's own name."""
    hosts: tuple[str, ...]
    """The outlet's own sites (lower case, no www.), where the mark names no source."""


OUTLETS: tuple[Outlet, ...] = (
    Outlet("GLO", "baogialai.com.vn", ("baogialai.com.vn",)),
    Outlet("BHG", "baohagiang.vn", ("baohagiang.vn",)),
    Outlet("BQN", "baoquangninh.vn", ("baoquangninh.vn", "baoquangninh.com.vn")),
    Outlet("QNO", "baoquangnam.vn", ("baoquangnam.vn",)),
    Outlet("BDO", "baobinhduong.vn", ("baobinhduong.vn",)),
    Outlet("YBĐT", "baoyenbai.com.vn", ("baoyenbai.com.vn",)),
    Outlet("NDO", "nhandan.vn", ("nhandan.vn", "nhandan.org.vn", "nhandan.com.vn")),
    Outlet("PLO", "plo.vn", ("plo.vn",)),
    Outlet("TTO", "tuoitre.vn", ("tuoitre.vn",)),
    Outlet("NLĐO", "nld.com.vn", ("nld.com.vn",)),
    Outlet("QĐND", "qdnd.vn", ("qdnd.vn",)),
    Outlet("ĐCSVN", "dangcongsan.vn", ("dangcongsan.vn", "dangcongsan.org.vn")),
    Outlet("LLCT", "lyluanchinhtri.vn", ("lyluanchinhtri.vn",)),
    Outlet("VOV.VN", "vov.vn", ("vov.vn",)),
    Outlet("VOV", "vov.vn", ("vov.vn",)),
    # the news agency signs with its name on many sites, so its name is the source
    Outlet("TTXVN", "TTXVN", ("vnanet.vn", "baotintuc.vn", "vietnamplus.vn", "ttxvn.org.vn")),
    Outlet("Chinhphu.vn", "baochinhphu.vn", ("baochinhphu.vn", "chinhphu.vn")),
)
"""Known marks. Portal marks such as "CTTĐT" (any Cổng thông tin điện tử) are left out on purpose."""
OUTLETS_BY_MARK = {outlet.mark.upper(): outlet for outlet in OUTLETS}

DOMAIN = r"[A-Za-z][\w-]*(?:\.[A-Za-z][\w-]*)*\.(?i:vn|com|net|org|info|edu|gov)(?:\.(?i:vn))?"
"""A host written as a mark: "Chinhphu.vn", "Baoquangngai.vn", "VOV.VN" (never "TP.HCM")."""
CAPS = r"[A-ZĐ][A-ZĐ&]{1,9}"
PAREN_MARK_RE = re.compile(rf"^\(\s*(?P<mark>{CAPS}|{DOMAIN})\s*\)\s*(?P<sep>[-–—:|]\s*)?(?=\S)")
"""(GLO)- , (BQN) – , (Chinhphu.vn) - , and "(BDO) " with no dash (known marks only)."""
BARE_MARK_RE = re.compile(rf"^(?P<mark>{CAPS}|{DOMAIN})\s*[-–—|]\s*(?=\S)")
"""BHG - , TTXVN - , VOV.VN - : taken only for known marks or hosts (else it may be a dateline)."""
WWW_RE = re.compile(r"^www\d*\.")


def split_lede(text: str | None) -> tuple[str | None, str]:
    """The outlet mark opening a text (or None) and the text after it."""
    text = text or ""
    match = PAREN_MARK_RE.match(text)
    if match and not match["sep"] and not _is_known(match["mark"]):
        match = None  # "(VIDEO) Hội nghị …" is a label, not an outlet mark
    if match is None:
        match = BARE_MARK_RE.match(text)
        match = match if match and _is_known(match["mark"]) else None
    return (match["mark"], text[match.end():]) if match else (None, text)


def outlet_for(mark: str | None) -> Outlet | None:
    """The outlet a mark stands for: the table's, or the host a domain mark names."""
    if not mark:
        return None
    known = OUTLETS_BY_MARK.get(mark.upper())
    if known is not None or not _is_domain(mark):
        return known
    host = normalise_host(mark)
    return Outlet(mark, host, (host,))


def lede_source(mark: str | None, page_url: str | None) -> str | None:
    """The original publisher a lede mark names, unless the page is on that outlet's own site."""
    outlet = outlet_for(mark)
    if outlet is None or is_own_site(outlet, page_url):
        return None
    return outlet.source


def is_own_site(outlet: Outlet, page_url: str | None) -> bool:
    """True when the page is on one of the outlet's hosts or their sub-domains."""
    host = normalise_host(urlsplit(page_url or "").hostname or "")
    return any(host == own or host.endswith("." + own) for own in outlet.hosts)


def normalise_host(host: str) -> str:
    """A host in lower case without "www."."""
    return WWW_RE.sub("", host.strip().lower().rstrip("."))


def _is_known(mark: str) -> bool:
    """True for a mark in the table or written as a host name."""
    return mark.upper() in OUTLETS_BY_MARK or _is_domain(mark)


def _is_domain(mark: str) -> bool:
    """True for a mark written as a host name."""
    return re.fullmatch(DOMAIN, mark) is not None
