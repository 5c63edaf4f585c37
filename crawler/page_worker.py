"""Article extraction of fetched pages, in worker processes beside the crawl (no Scrapy, no SQL).

Extraction is CPU work (lxml, regular expressions, text folding); on the crawl's reactor thread it
stalls every download. ``ExtractorPool`` runs ``extract_page`` in child processes, so the reactor
keeps fetching and writing while pages are read; with ``processes=0`` it runs in the caller. The
worker also derives what the archive's save needs from the text (dedup signature, folded keys,
content hash, cited documents), so the reactor mostly writes. The archive is written only by the
crawl process: a killed crawl loses at most pages still being read or not yet committed, and the
next run fetches those again.
"""

from __future__ import annotations

import os
import threading
import time
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from multiprocessing import get_context

from crawler import dedup
from crawler.extraction import extract_article
from crawler.items import Article
from crawler.text import GzipBodyError, decode_html, gunzip_body
from crawler.text_keys import text_keys

BINARY_SIGNATURES = (
    (b"%PDF-", "PDF document"), (b"\xff\xd8\xff", "JPEG image"), (b"\x89PNG\r\n", "PNG image"),
    (b"GIF8", "GIF image"), (b"PK\x03\x04", "ZIP or Office document"), (b"\xd0\xcf\x11\xe0", "Office 97 document"),
    (b"RIFF", "RIFF media"), (b"Rar!", "RAR archive"), (b"7z\xbc\xaf", "7-Zip archive"),
)
"""Magic numbers of what portals serve as text/html by mistake: attachments and images."""
SNIFF_BYTES = 1024
"""How much of the body is checked for NUL bytes: an HTML page has none, a binary file has many."""
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
"""A UTF-16 page is full of NUL bytes and still HTML."""
START_METHOD = "spawn"
"""A fresh interpreter: forking the crawl process would copy its reactor threads' locks."""


@dataclass(frozen=True)
class PageJob:
    """What extraction needs from a fetched page (picklable, small)."""

    url: str
    body: bytes
    content_type: str | None
    fetched_at: str
    platform: str | None
    listing_date: str | None
    stored_hash: str | None = None
    """The content hash of the text archived before (reprocess): the same text needs no new signature."""


@dataclass(frozen=True)
class PageResult:
    """The extracted article, or why the page is not one ("undecodable: ...", a shell, "no-text")."""

    article: Article | None
    skipped: str | None = None
    detail: str | None = None


def extract_page(job: PageJob) -> PageResult:
    """Decode and read one article page through its platform's page object."""
    try:
        body = gunzip_body(job.body)
    except GzipBodyError as error:
        return PageResult(None, "undecodable", str(error))
    refused = refuse_body(body)
    if refused:
        return PageResult(None, *refused)
    html = decode_html(body, job.content_type)
    article = extract_article(job.url, html, datetime.fromisoformat(job.fetched_at), job.platform,
                              listing_date=job.listing_date)
    reason = article.shell or (None if article.text.strip() else "no-text")
    if reason:
        return PageResult(None, reason)
    # what the archive's save would otherwise derive on the crawl's reactor thread
    article.text_keys = text_keys(article.title, article.text)
    if article.text_keys.content_hash != job.stored_hash:  # the archive's dedup step will need it
        article.minhash = dedup.signature(article.text)
    return PageResult(article)


def refuse_body(body: bytes) -> tuple[str, str] | None:
    """("empty", ...) or ("binary", what it is) for a body that is no HTML page, whatever its Content-Type."""
    if not body.strip():
        return "empty", f"{len(body)} bytes of whitespace" if body else "no body"
    head = body.lstrip()[:SNIFF_BYTES]
    for magic, what in BINARY_SIGNATURES:
        if head.startswith(magic):
            return "binary", what
    if b"\x00" in head and not head.startswith(UTF16_BOMS):
        return "binary", "NUL bytes in the body"
    return None


def default_processes() -> int:
    """One worker per CPU core beyond the one the crawl's reactor uses, at least one."""
    return max(1, (os.cpu_count() or 1) - 1)


PARENT_CHECK_S = 1.0
"""How often a worker checks that the crawl is still alive (a SIGKILLed crawl cannot stop its workers)."""


def _ready() -> None:
    """Nothing to do: importing this module loaded the page objects (submitted once to start the workers)."""


def _watch_parent(parent: int) -> None:
    """Worker initializer: exit as soon as the crawl process ``parent`` is gone, instead of idling as an
    orphan (the pid is passed in: a crawl killed while the worker starts is no longer its parent here)."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_S)
        os._exit(0)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


class ExtractorPool:
    """``extract_page`` in ``processes`` worker processes (0: in the calling process)."""

    def __init__(self, processes: int):
        self.processes = processes
        self._executor = None
        if processes:
            self._executor = ProcessPoolExecutor(processes, mp_context=get_context(START_METHOD),
                                                 initializer=_watch_parent, initargs=(os.getpid(),))
            # start the workers now: their imports overlap the crawl's first requests
            self._executor.submit(_ready)

    def submit(self, job: PageJob) -> Future:
        if self._executor is not None:
            return self._executor.submit(extract_page, job)
        future: Future = Future()
        try:
            future.set_result(extract_page(job))
        except Exception as error:  # noqa: BLE001 - handed to the caller like a worker's error
            future.set_exception(error)
        return future

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None
