"""Read captured HTTP responses back out of WARC files (warcio; no Scrapy, no SQL)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from w3lib.url import safe_url_string
from warcio.archiveiterator import ArchiveIterator

# Hop-by-hop and encoding headers describe the stored bytes, not the decoded payload we hand on.
_PAYLOAD_HEADERS = {"content-encoding", "transfer-encoding", "content-length"}


@dataclass(frozen=True)
class ArchivedResponse:
    """One HTTP response as captured: status, headers, decoded body and capture time."""

    url: str
    status: int
    headers: list[tuple[str, str]]
    body: bytes
    captured_at: str
    """WARC-Date of the capture (ISO 8601 UTC)."""


class WarcIndex:
    """URL -> latest response record across WARC files, read lazily by file offset."""

    def __init__(self, paths: list[str | Path]):
        self._where: dict[str, tuple[Path, int, str]] = {}
        for path in paths:
            self._index_file(Path(path))

    def __len__(self) -> int:
        return len(self._where)

    def __contains__(self, url: str) -> bool:
        return url_key(url) in self._where

    def urls(self) -> list[str]:
        """Every captured URL (as safe URL strings)."""
        return list(self._where)

    def get(self, url: str) -> ArchivedResponse | None:
        """The latest captured response for ``url``, or None if it was never captured."""
        where = self._where.get(url_key(url))
        if where is None:
            return None
        path, offset, _ = where
        with path.open("rb") as stream:
            stream.seek(offset)
            record = next(iter(ArchiveIterator(stream)))
            return _archived_response(record)

    def _index_file(self, path: Path) -> None:
        with path.open("rb") as stream:
            records = ArchiveIterator(stream)
            for record in records:
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                key = url_key(record.rec_headers.get_header("WARC-Target-URI"))
                date = record.rec_headers.get_header("WARC-Date") or ""
                offset = records.get_record_offset()
                if key not in self._where or self._where[key][2] <= date:
                    self._where[key] = (path, offset, date)


def url_key(url: str) -> str:
    """Lookup key for a URL: percent-escaped as Scrapy requests carry it, fragment dropped."""
    return safe_url_string(url.split("#", 1)[0])


def _archived_response(record) -> ArchivedResponse:
    http = record.http_headers
    headers = [(k, v) for k, v in http.headers if k.lower() not in _PAYLOAD_HEADERS]
    return ArchivedResponse(
        url=record.rec_headers.get_header("WARC-Target-URI"),
        status=int(http.get_statuscode()),
        headers=headers,
        body=record.content_stream().read(),
        captured_at=record.rec_headers.get_header("WARC-Date"),
    )
