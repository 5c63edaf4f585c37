"""Pure text helpers: Unicode normalization and folded keys for search and dedup."""

from __future__ import annotations

import unicodedata

_LETTER_FOLDS = str.maketrans({"đ": "d", "Đ": "D", "Ð": "D", "ð": "d"})


def nfc(text: str) -> str:
    """Unicode NFC, the form the archive stores."""
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Search/dedup key: lower case, Vietnamese diacritics and đ folded ("Đảng" -> "dang")."""
    decomposed = unicodedata.normalize("NFD", text.translate(_LETTER_FOLDS))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", stripped).casefold()
