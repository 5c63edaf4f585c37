"""crawler.text: charset decoding, cleaning, paragraphs and folded keys."""

import unicodedata

import pytest

from crawler.text import (
    clean_paragraph,
    clean_text,
    decode_html,
    fold,
    header_charset,
    is_blank,
    join_paragraphs,
    meta_charset,
    nfc,
    split_paragraphs,
)

VIETNAMESE = "Ban Dân vận Huyện ủy Hòa Bình, Thủy Nguyên: Đảng, Nhân dân"


def cp1258(text: str) -> bytes:
    """Windows-1258 bytes of a text: base letters like â, ơ precomposed, tone marks combining."""
    return b"".join(_cp1258_char(ch) for ch in text)


def _cp1258_char(ch: str) -> bytes:
    """One character in windows-1258, decomposed just as far as the code page needs."""
    base, *marks = unicodedata.normalize("NFD", ch)
    for i, mark in enumerate([""] + marks):
        rest = marks[:i - 1] + marks[i:] if i else marks
        try:
            return (unicodedata.normalize("NFC", base + mark) + "".join(rest)).encode("cp1258")
        except UnicodeEncodeError:
            continue
    raise UnicodeEncodeError("cp1258", ch, 0, 1, "no windows-1258 form")


def page(charset_tag: str, body: str) -> str:
    """A minimal HTML page with a charset declaration in its head."""
    return f"<html><head>{charset_tag}<title>t</title></head><body><p>{body}</p></body></html>"


def test_nfc_and_fold_keep_their_behaviour():
    assert nfc(unicodedata.normalize("NFD", "Hòa")) == "Hòa"
    assert fold("Đảng ủy Hoà Bình") == "dang uy hoa binh"
    assert fold("hoà") == fold("hòa")


def test_utf8_with_content_first_meta_is_utf8():
    # Liferay writes content= before http-equiv=, which naive sniffers miss (seed 001 trap)
    html = page('<meta content="text/html; charset=UTF-8" http-equiv="content-type" />', VIETNAMESE)
    assert VIETNAMESE in decode_html(html.encode("utf-8"))


def test_windows_1258_declared_in_meta_is_decoded_to_nfc():
    html = page('<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">', VIETNAMESE)
    text = decode_html(cp1258(html))
    assert VIETNAMESE in text
    assert text == unicodedata.normalize("NFC", text)


def test_windows_1258_declared_only_in_the_header():
    html = page("", VIETNAMESE)
    assert VIETNAMESE in decode_html(cp1258(html), "text/html; charset=windows-1258")


def test_mislabelled_latin1_header_on_utf8_bytes_is_utf8():
    html = page('<meta charset="iso-8859-1">', VIETNAMESE)
    assert VIETNAMESE in decode_html(html.encode("utf-8"), "text/html; charset=ISO-8859-1")


def test_meta_first_content_later():
    filler = "<!-- " + "x" * 2000 + " -->"
    html = f'<html><head><meta charset="windows-1258">{filler}</head><body>{VIETNAMESE}</body></html>'
    assert VIETNAMESE in decode_html(cp1258(html))


def test_header_wins_over_meta_for_non_utf8_bytes():
    html = page('<meta charset="iso-8859-1">', VIETNAMESE)
    assert VIETNAMESE in decode_html(cp1258(html), "text/html; charset=windows-1258")


def test_undeclared_legacy_bytes_still_decode():
    text = decode_html(b"<html><body><p>Caf\xe9 cr\xe8me br\xfbl\xe9e, d\xe9j\xe0 vu</p></body></html>")
    assert "<p>" in text and "\ufffd" not in text


def test_utf8_bom_is_dropped():
    assert decode_html("<p>Dân vận</p>".encode("utf-8-sig")) == "<p>Dân vận</p>"


def test_charset_sniffers():
    assert header_charset("text/html; charset=UTF-8") == "utf-8"
    assert header_charset("text/html") is None
    assert header_charset("text/html; charset=x-unknown") is None
    assert meta_charset(b'<meta content="text/html; charset=windows-1258" http-equiv="Content-Type">') == "cp1258"
    assert meta_charset(b"<meta charset='latin-1'>") == "cp1252"


def test_clean_text_unescapes_normalizes_and_collapses():
    raw = "  Ng&agrave;y\u00a0 21.3,\n\tBan D&acirc;n vận " + unicodedata.normalize("NFD", "Hòa") + " "
    assert clean_text(raw) == "Ngày 21.3, Ban Dân vận Hòa"
    assert clean_text(None) == ""


def test_clean_paragraph_keeps_internal_nbsp_only():
    assert clean_paragraph("\u00a0Đồng chí Nguyễn\u00a0Văn Hưởng,\n  Trưởng Ban&nbsp;") == (
        "Đồng chí Nguyễn\u00a0Văn Hưởng, Trưởng Ban"
    )


@pytest.mark.parametrize("text", ["", " ", "\u00a0", ".", " . ", "…", "***"])
def test_blank_paragraphs(text):
    assert is_blank(text)


def test_paragraphs_round_trip():
    paragraphs = ["Đoạn một.", "Đoạn hai có\u00a0khoảng trắng.", "Ba"]
    text = join_paragraphs(paragraphs + [""])
    assert text == "Đoạn một.\n\nĐoạn hai có\u00a0khoảng trắng.\n\nBa"
    assert split_paragraphs(text) == paragraphs
