"""One crawl per archive at a time: an advisory lock file beside the archive (no Scrapy, no SQL).

The lock is an ``flock`` on ``<archive>.lock``: the kernel drops it when the holder exits, however
it exits (SIGKILL included), so a lock left by a killed run never blocks the next one; the file
itself only says who held it last.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from datetime import datetime, timezone
from pathlib import Path

EXIT_LOCKED = 3
"""Exit status of `danvan crawl` when another crawl holds the archive (documented in the README)."""


class ArchiveLocked(RuntimeError):
    """Another process is crawling into the same archive."""


class LockFileError(OSError):
    """The lock file cannot be made beside the archive (read-only folder or medium)."""


class CrawlLock:
    """Held for the duration of a crawl: ``with CrawlLock(db_path): ...``."""

    def __init__(self, archive_path: str | Path):
        self.path = Path(f"{archive_path}.lock")
        self._file = None

    def __enter__(self) -> CrawlLock:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle = open(self.path, "a+", encoding="utf-8")
        except OSError as error:
            raise LockFileError(f"cannot create the lock file {self.path}: {error.strerror}") from None
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "unknown process"
            handle.close()
            raise ArchiveLocked(f"another crawl is running on {self.path.with_suffix('')} ({holder})") from None
        try:
            handle.seek(0)
            handle.truncate()
            handle.write(f"pid {os.getpid()} since {datetime.now(timezone.utc).isoformat(timespec='seconds')}\n")
            handle.flush()
        except OSError as error:  # a full disk: nothing could be written to the archive either
            with contextlib.suppress(OSError):  # closing flushes the unwritten note again
                handle.close()
            raise LockFileError(f"cannot write the lock file {self.path}: {error.strerror}") from None
        self._file = handle
        return self

    def __exit__(self, *exc) -> None:
        fcntl.flock(self._file, fcntl.LOCK_UN)
        self._file.close()
