"""crawler.legacy_encodings: TCVN3 and VNI font text detected and converted, other text left alone.

The charts below are written out here in the layout the standards print them, independently of
the module's tables (which are laid out per vowel and tone), so a one-code slip in either shows.
"""

from __future__ import annotations

import pytest

from crawler.legacy_encodings import (
    TCVN3_TABLE,
    VNI_TABLE,
    convert_legacy,
    detect_legacy_encoding,
    is_syllable,
    repair_legacy_text,
)

TCVN3_CHART = {
    # TCVN 5712:1993 VN3, upper half, one row of 16 codes per line ("-" = unassigned)
    0xA0: "-ĂÂÊÔƠƯĐăâêôơưđ-",
    0xB0: "-----àảãáạ-ằẳẵắ-",
    0xC0: "------ặầẩẫấậè-ẻẽ",
    0xD0: "éẹềểễếệìỉ---ĩíịò",
    0xE0: "-ỏõóọồổỗốộờởỡớợù",
    0xF0: "-ủũúụừửữứựỳỷỹýỵ-",
}
VNI_CHART = """
a a   á aù  à aø  ả aû  ã aõ  ạ aï
ă aê  ắ aé  ằ aè  ẳ aú  ẵ aü  ặ aë
â aâ  ấ aá  ầ aà  ẩ aå  ẫ aã  ậ aä
e e   é eù  è eø  ẻ eû  ẽ eõ  ẹ eï
ê eâ  ế eá  ề eà  ể eå  ễ eã  ệ eä
i i   í í   ì ì   ỉ æ   ĩ ó   ị ò
o o   ó où  ò oø  ỏ oû  õ oõ  ọ oï
ô oâ  ố oá  ồ oà  ổ oå  ỗ oã  ộ oä
ơ ô   ớ ôù  ờ ôø  ở ôû  ỡ ôõ  ợ ôï
u u   ú uù  ù uø  ủ uû  ũ uõ  ụ uï
ư ö   ứ öù  ừ öø  ử öû  ữ öõ  ự öï
y y   ý yù  ỳ yø  ỷ yû  ỹ yõ  ỵ î
đ ñ
"""
"""VNI-Windows lower case: letter, then its bytes as windows-1252 characters; capitals are the
same bytes upper-cased (Ấ = "AÁ", Ư = "Ö", Đ = "Ñ")."""


def tcvn3_chart() -> dict[str, str]:
    """TCVN3 code (as a Latin-1 character) -> letter, read off the chart rows."""
    return {
        chr(row + i): letter
        for row, line in TCVN3_CHART.items()
        for i, letter in enumerate(line)
        if letter != "-"
    }


def vni_chart() -> dict[str, str]:
    """Lower-case letter -> its VNI code, read off the chart."""
    tokens = VNI_CHART.split()
    return dict(zip(tokens[::2], tokens[1::2]))


def encode_tcvn3(text: str) -> str:
    """Unicode -> TCVN3 codes; capitals with tones lose their case, as with a capitals font."""
    codes = {letter: code for code, letter in tcvn3_chart().items()}
    return "".join(codes.get(ch, codes.get(ch.lower(), ch)) for ch in text)


def encode_vni(text: str) -> str:
    """Unicode -> VNI codes, capitals as upper-cased codes."""
    codes = vni_chart()
    return "".join(
        codes[ch] if ch in codes else codes[ch.lower()].upper() if ch.lower() in codes else ch
        for ch in text
    )


# Our own report-style sentences, the kind of text an old district portal carried.
VIETNAMESE = [
    "Ban Dân vận Huyện ủy tổ chức hội nghị sơ kết công tác dân vận sáu tháng đầu năm, "
    "triển khai nhiệm vụ trọng tâm những tháng cuối năm.",
    "Đồng chí Trưởng ban nhấn mạnh: cần tiếp tục phát huy vai trò của Mặt trận Tổ quốc và các "
    "đoàn thể trong việc vận động nhân dân tham gia xây dựng nông thôn mới.",
    "UBND xã phối hợp với MTTQ và các hội đoàn thể vận động được 120 hộ hiến đất làm đường "
    "giao thông nông thôn, tổng chiều dài 3,5 km.",
    "Năm 2004, toàn huyện có 27 mô hình dân vận khéo, tiêu biểu là mô hình tổ tự quản đường "
    "làng ngõ xóm xanh, sạch, đẹp của thôn Yên Thịnh.",
]
SHORT_VIETNAMESE = ["Hoàng Minh Đức", "Uỷ ban nhân dân", "Tin hoạt động", "Nguyễn Thị Thuỷ"]
NOT_LEGACY = [
    # French, German, Spanish, English: Latin-1 letters that are also TCVN3/VNI codes
    "Le conseil municipal s'est réuni à l'hôtel de ville où les élus ont débattu du budget. "
    "Où en est le projet de la crèche? Les habitants, déçus, attendent une réponse.",
    "Où? Là où tu vas.",
    "Die Gemeindeverwaltung hat über die Straßenbeleuchtung beraten. Schöne Grüße aus München.",
    "El señor alcalde inauguró el año pasado una nueva línea de autobús; los niños están contentos.",
    "© 2024 Provincial Portal. All rights reserved. Designed by Company® · Privacy",
    "Temperature 25°C ± 2°, humidity 80%, 5 µm particles × 3 «indoor» readings ¼ higher.",
    # ø å æ ö ä ñ are VNI marks, Þ ó ð TCVN3 codes: Nordic and Iberian text must stay as it is
    "Mødet blev holdt på rådhuset, hvor borgerne kunne være med. Søren og Åse så på bøgerne.",
    "Þórr og Óðinn fóru í ferð til Ásgarðs; þeir hittu jötna á leiðinni.",
    "Där går vägen över älven, och på våren blommar ängarna.",
    "A prefeitura anunciou ações para a população: saúde, educação e habitação.",
    # Unicode Vietnamese, including old-style tone placement spelt only with Latin-1 letters
    "Ban Dân vận Huyện ủy Hòa Bình",
    "Hoà Bình",
    "Chào các cô, tôi là Hoà.",
    "Bản quyền © 2024 Ban Dân vận Tỉnh ủy",
]


def utf8_read_as_windows_1252(text: str) -> str:
    """Mojibake: UTF-8 bytes shown as windows-1252 (undefined bytes as C1 controls, as browsers do)."""
    return "".join(
        bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in text.encode("utf-8")
    )


def test_tcvn3_table_matches_the_chart():
    assert TCVN3_TABLE == tcvn3_chart()
    assert len(TCVN3_TABLE) == 74  # 60 toned vowels, 7 base letters twice


def test_vni_table_matches_the_chart():
    expected = {}
    for letter, code in vni_chart().items():
        if code != letter:
            expected[code] = letter
        if code.upper() != letter.upper():
            expected[code.upper()] = letter.upper()
    assert {code: letter for code, letter in VNI_TABLE.items() if code != letter} == expected


def test_tcvn3_bytes_seen_on_the_web():
    # "Uû ban nh©n d©n" is how a TCVN3 "Uỷ ban nhân dân" reads as Latin-1
    raw = b"U\xfb ban nh\xa9n d\xa9n".decode("latin-1")
    assert raw == "Uû ban nh©n d©n"
    assert detect_legacy_encoding(raw) == "tcvn3"
    assert convert_legacy(raw, "tcvn3") == "Uỷ ban nhân dân"


def test_tcvn3_real_bytes_of_a_sentence():
    raw = b"Ban D\xa9n v\xcbn Huy\xd6n \xf1y t\xe6 ch\xf8c h\xe9i ngh\xde \xae\xd3 ng\xad\xeai d\xa9n"
    raw = raw.decode("cp1252")
    assert convert_legacy(raw, "tcvn3") == "Ban Dân vận Huyện ủy tổ chức hội nghị để người dân"
    assert repair_legacy_text(raw) == "Ban Dân vận Huyện ủy tổ chức hội nghị để người dân"


def test_vni_real_bytes_of_a_sentence():
    raw = b"\xd1a\xfbng bo\xe4 huye\xe4n va\xf8 \xd1oa\xf8n thanh nie\xe2n Vie\xe4t Nam".decode("cp1252")
    assert raw == "Ñaûng boä huyeän vaø Ñoaøn thanh nieân Vieät Nam"
    assert detect_legacy_encoding(raw) == "vni"
    assert convert_legacy(raw, "vni") == "Đảng bộ huyện và Đoàn thanh niên Việt Nam"


def test_vni_capitals():
    assert convert_legacy("UÛY BAN NHAÂN DAÂN HUYEÄN", "vni") == "ỦY BAN NHÂN DÂN HUYỆN"
    assert convert_legacy("Ngöôøi Ñöùc", "vni") == "Người Đức"


@pytest.mark.parametrize("text", VIETNAMESE + SHORT_VIETNAMESE)
def test_tcvn3_text_is_detected_and_restored(text):
    encoded = encode_tcvn3(text)
    assert encoded != text
    assert detect_legacy_encoding(encoded) == "tcvn3"
    # case of toned capitals is lost in TCVN3 bytes, the letters are not
    assert repair_legacy_text(encoded).lower() == text.lower()


@pytest.mark.parametrize("text", VIETNAMESE + SHORT_VIETNAMESE)
def test_vni_text_is_detected_and_restored(text):
    encoded = encode_vni(text)
    assert detect_legacy_encoding(encoded) == "vni"
    assert repair_legacy_text(encoded) == text


@pytest.mark.parametrize("text", NOT_LEGACY)
def test_other_text_is_left_alone(text):
    assert detect_legacy_encoding(text) is None
    assert repair_legacy_text(text) == text


@pytest.mark.parametrize("text", VIETNAMESE)
def test_utf8_mojibake_is_not_a_font_encoding(text):
    mojibake = utf8_read_as_windows_1252(text)
    assert detect_legacy_encoding(mojibake) is None


def test_windows_1258_read_as_windows_1252_is_not_a_font_encoding():
    # "vận" in windows-1258 is v, â, n and a combining dot byte that windows-1252 shows as ò
    assert detect_legacy_encoding("Ban Dân vâòn Huyêòn uÒy Hòa Bình") is None


@pytest.mark.parametrize("text", VIETNAMESE)
def test_unicode_vietnamese_is_never_touched(text):
    assert detect_legacy_encoding(text) is None


def test_every_letter_round_trips():
    letters = "".join(sorted(set(vni_chart()) | set(tcvn3_chart().values())))
    assert convert_legacy(encode_vni(letters), "vni") == letters
    assert convert_legacy(encode_vni(letters.upper()), "vni") == letters.upper()
    assert convert_legacy(encode_tcvn3(letters), "tcvn3") == letters


@pytest.mark.parametrize("word", ["nghiêng", "khuya", "quý", "giữa", "người", "Đắk", "uỷ", "oà", "xoong"])
def test_syllables(word):
    assert is_syllable(word)


@pytest.mark.parametrize("word", ["UBND", "hôtel", "schön", "aù", "nh©n", "ñaûng", "où", "hoàà"])
def test_not_syllables(word):
    assert not is_syllable(word)


def test_unknown_encoding_is_an_error():
    with pytest.raises(ValueError):
        convert_legacy("abc", "viqr")
