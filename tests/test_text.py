"""crawler.text: charset decoding, cleaning, paragraphs and folded keys."""

import gzip
import json
import unicodedata
import zlib
from pathlib import Path

import lxml.html
import pytest

from crawler.text import (
    MAX_INFLATED_BYTES,
    GzipBodyError,
    clean_paragraph,
    clean_text,
    decode_html,
    fold,
    gunzip_body,
    header_charset,
    is_blank,
    join_paragraphs,
    looks_cp1258,
    meta_charset,
    nfc,
    split_paragraphs,
    tone_key,
)

ENCODINGS = Path(__file__).resolve().parent / "data" / "encodings"
EXPECTED = json.loads((ENCODINGS / "expected.json").read_text(encoding="utf-8"))

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


# --- byte fixtures (tests/data/encodings, written by make_fixtures.py) ---------------------------

VIETNAMESE_PAGES = [
    # file, Content-Type header as served
    ("tcvn3_vntime.html", "text/html; charset=iso-8859-1"),
    ("tcvn3_undeclared.html", "text/html"),
    ("vni_times.html", "text/html; charset=windows-1252"),
    ("utf8_template_tcvn3_body.html", "text/html; charset=utf-8"),
    ("cp1258_no_meta.html", "text/html; charset=utf-8"),
    ("cp1258_no_meta.html", None),
    ("cp1258_latin1_meta.html", "text/html; charset=ISO-8859-1"),
    ("utf8_latin1_meta.html", "text/html; charset=iso-8859-1"),
    ("utf8_gzip_no_header.html.bin", "text/html; charset=utf-8"),
    ("utf16_bom.html", "text/html; charset=iso-8859-1"),
]


def page_paragraphs(html: str) -> tuple[str, list[str]]:
    """The <title> and the <p> texts of a decoded fixture page, cleaned as the page objects do."""
    root = lxml.html.document_fromstring(html)
    title = clean_text(root.findtext(".//title"))
    return title, [clean_paragraph(p.text_content()) for p in root.iter("p")]


@pytest.mark.parametrize(("name", "content_type"), VIETNAMESE_PAGES)
def test_vietnamese_fixture_pages_decode_to_their_text(name, content_type):
    html = decode_html((ENCODINGS / name).read_bytes(), content_type)
    assert html == nfc(html)
    title, paragraphs = page_paragraphs(html)
    assert title == EXPECTED["title"]
    assert paragraphs == EXPECTED["paragraphs"]


def test_whole_legacy_pages_are_unicode_before_extraction():
    # trafilatura drops U+00AD, which is TCVN3's ư: the page must not reach it unconverted
    html = decode_html((ENCODINGS / "tcvn3_vntime.html").read_bytes(), "text/html; charset=iso-8859-1")
    assert "\xad" not in html and EXPECTED["paragraphs"][1] in html
    mixed = decode_html((ENCODINGS / "utf8_template_tcvn3_body.html").read_bytes())
    assert "\xad" not in mixed and "Trưởng ban" in mixed


def test_western_page_without_charset_stays_western():
    html = decode_html((ENCODINGS / "french_undeclared.html").read_bytes())
    assert page_paragraphs(html)[1] == EXPECTED["french"]


def test_stray_byte_in_a_utf8_page_does_not_turn_it_into_mojibake():
    html = decode_html((ENCODINGS / "utf8_stray_byte.html").read_bytes(), "text/html; charset=utf-8")
    assert page_paragraphs(html)[1][:3] == EXPECTED["paragraphs"]
    assert html.count("\ufffd") == 1


def test_old_editor_entities_single_and_double_escaped():
    html = decode_html((ENCODINGS / "fckeditor_entities.html").read_bytes())
    title, paragraphs = page_paragraphs(html)
    assert title == "Tin hoạt động"
    assert paragraphs == ["Ngày 12/7, Đồng chí Trưởng ban phát biểu", "Dân vận khéo"]


# --- charset rules -----------------------------------------------------------------------------

def test_utf8_header_on_windows_1258_bytes():
    html = page("", VIETNAMESE)
    assert VIETNAMESE in decode_html(cp1258(html), "text/html; charset=utf-8")


def test_latin1_meta_on_windows_1258_bytes():
    html = page('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">', VIETNAMESE)
    assert VIETNAMESE in decode_html(cp1258(html))


def test_windows_1258_sniffing_is_not_fooled_by_western_text():
    assert looks_cp1258(cp1258(VIETNAMESE * 2))
    assert not looks_cp1258("Però può ciò: Ìsola, così è, òbolo, Þórr".encode("cp1252"))
    assert not looks_cp1258("Café crème brûlée, déjà vu".encode("cp1252"))


def test_utf16_bom_wins_over_a_wrong_label():
    assert VIETNAMESE in decode_html(page("", VIETNAMESE).encode("utf-16"), "text/html; charset=utf-8")


# --- gzip bodies the server did not label ------------------------------------------------------

def test_gzip_without_content_encoding_is_inflated():
    body = page('<meta charset="utf-8">', VIETNAMESE).encode("utf-8")
    assert VIETNAMESE in decode_html(gzip.compress(body))
    assert VIETNAMESE in decode_html(gzip.compress(gzip.compress(body)))  # gzipped twice
    assert gunzip_body(body) is body


def test_multi_member_and_truncated_gzip():
    first, second = "<p>Dân vận</p>".encode(), "<p>khéo</p>".encode()
    assert gunzip_body(gzip.compress(first) + gzip.compress(second)) == first + second
    long = ("<p>" + VIETNAMESE + "</p>").encode() * 50
    truncated = gzip.compress(long)[: 200]
    assert long.startswith(gunzip_body(truncated))


def test_gzip_bomb_is_refused():
    bomb = gzip.compress(b"\0" * 5000)
    with pytest.raises(GzipBodyError, match="cap"):
        gunzip_body(bomb, limit=4096)
    assert len(gunzip_body(bomb, limit=5000)) == 5000


def test_gzip_bomb_beyond_the_default_cap():
    stream = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    chunk = b"\0" * (1024 * 1024)
    bomb = b"".join(stream.compress(chunk) for _ in range(MAX_INFLATED_BYTES // len(chunk) + 1))
    bomb += stream.flush()
    assert len(bomb) < 100_000
    with pytest.raises(GzipBodyError, match="20 MB"):
        decode_html(bomb)


def test_corrupt_gzip_is_a_clear_error():
    with pytest.raises(GzipBodyError, match="does not inflate"):
        decode_html(b"\x1f\x8b\x08\x00not really gzip at all")


# --- legacy font text in the cleaned strings ---------------------------------------------------

def test_clean_text_converts_tcvn3_and_vni():
    assert clean_text("Uû ban nh©n d©n") == "Uỷ ban nhân dân"
    assert clean_paragraph(" Ñaûng boä huyeän  laõnh ñaïo ") == "Đảng bộ huyện lãnh đạo"
    assert clean_text("Café crème, déjà vu à Paris") == "Café crème, déjà vu à Paris"


# --- tone_key ----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("old_style", "new_style"),
    [
        ("Huyện uỷ", "Huyện ủy"),
        ("Nguyễn Hoà Bình", "Nguyễn Hòa Bình"),
        ("thuỷ lợi", "thủy lợi"),
        ("sức khoẻ", "sức khỏe"),
        ("Thanh Hoá", "Thanh Hóa"),
        ("toà án", "tòa án"),
        ("Uỷ ban", "Ủy ban"),
        ("Nguyễn Thị Thuý", "Nguyễn Thị Thúy"),
        ("kế hoạ", "kế họa"),
        ("xoè ô", "xòe ô"),
        ("HOÀ BÌNH", "hòa bình"),
    ],
)
def test_tone_key_unifies_tone_placement(old_style, new_style):
    assert tone_key(old_style) == tone_key(new_style) == tone_key(unicodedata.normalize("NFD", new_style))
    assert tone_key(old_style) == new_style.casefold()


@pytest.mark.parametrize(
    "word", ["hoàng", "quý", "quỳnh", "uyên", "thuyền", "khuỷu", "ngoài", "hoạch", "toàn", "xoáy", "huế"]
)
def test_tone_key_leaves_words_where_conventions_agree(word):
    assert tone_key(word) == word


def test_tone_key_keeps_diacritics_and_case_folds():
    assert tone_key("Đảng") != tone_key("đang")
    assert tone_key("Đảng") == "đảng"
    assert tone_key("Ban Dân vận Huyện uỷ, Hoà Bình.") == "ban dân vận huyện ủy, hòa bình."


def test_fold_is_unchanged_by_tone_key():
    assert fold("Huyện uỷ Hoà Bình") == fold("Huyện ủy Hòa Bình") == "huyen uy hoa binh"
