"""Write the byte fixtures of tests/data/encodings: `python tests/data/encodings/make_fixtures.py`.

Every page is our own text. TCVN3 and VNI bytes come from the code charts written out in
tests/test_legacy_encodings.py, not from crawler.legacy_encodings, so the fixtures check the module.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
CHARTS = HERE.parents[1] / "test_legacy_encodings.py"
sys.path.insert(0, str(HERE.parents[2]))  # the test module imports crawler

TITLE = "Uỷ ban nhân dân huyện Yên Thịnh sơ kết công tác dân vận"
PARAGRAPHS = [
    "Sáng ngày 12/7, Ban Dân vận Huyện ủy tổ chức hội nghị sơ kết công tác dân vận sáu tháng đầu năm.",
    "Đồng chí Trưởng ban đề nghị các đoàn thể tiếp tục vận động nhân dân hiến đất làm đường giao thông nông thôn.",
    "Toàn huyện có 27 mô hình dân vận khéo, nhiều hộ dân được hỗ trợ xây nhà đại đoàn kết.",
]
FRENCH = [
    "Le conseil municipal s'est réuni à l'hôtel de ville où les élus ont débattu du budget.",
    "Les habitants, déçus par le retard de la crèche, attendent une réponse précise.",
]


def load_charts():
    """The test module that holds the independent TCVN3 and VNI charts."""
    spec = importlib.util.spec_from_file_location("charts", CHARTS)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


def cp1258(text: str) -> bytes:
    """Windows-1258 bytes as Windows writes them: precomposed where the code page has it."""
    out = b""
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:  # ệ -> ê + combining dot below
            base, *marks = unicodedata.normalize("NFD", ch)
            letter = unicodedata.normalize("NFC", base + "".join(m for m in marks if m not in TONE_MARKS))
            out += (letter + "".join(m for m in marks if m in TONE_MARKS)).encode("cp1258")
    return out


def page(title: str, paragraphs: list[str], head: str = "", font: str = "", home: str = "Trang chủ") -> str:
    """An old-style district portal article page."""
    face = f' face="{font}"' if font else ""
    body = "\n".join(f'<p class="MsoNormal"><font{face} size="3">{p}</font></p>' for p in paragraphs)
    return (
        "<html>\n<head>\n" + head + f"<title>{title}</title>\n</head>\n<body>\n"
        f'<table width="760"><tr><td class="menu"><a href="/">{home}</a></td></tr></table>\n'
        f'<div class="content">\n<h1><font{face}>{title}</font></h1>\n{body}\n</div>\n'
        "</body>\n</html>\n"
    )


META_LATIN1 = '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">\n'
META_1252 = '<meta content="text/html; charset=windows-1252" http-equiv="Content-Type">\n'
META_UTF8 = '<meta charset="utf-8">\n'


def fixtures(charts) -> dict[str, bytes]:
    """File name -> bytes."""
    tcvn3, vni = charts.encode_tcvn3, charts.encode_vni
    utf8_page = page(TITLE, PARAGRAPHS, META_UTF8)
    return {
        "tcvn3_vntime.html": tcvn3(page(TITLE, PARAGRAPHS, META_LATIN1, ".VnTime")).encode("cp1252"),
        "tcvn3_undeclared.html": tcvn3(page(TITLE, PARAGRAPHS, "", ".VnTime")).encode("cp1252"),
        # a migrated portal: Unicode template, old article bodies still in TCVN3 code points
        "utf8_template_tcvn3_body.html": page(TITLE, [tcvn3(p) for p in PARAGRAPHS], META_UTF8).encode("utf-8"),
        "vni_times.html": vni(page(TITLE, PARAGRAPHS, META_1252, "VNI-Times")).encode("cp1252"),
        "cp1258_no_meta.html": cp1258(page(TITLE, PARAGRAPHS)),
        "cp1258_latin1_meta.html": cp1258(page(TITLE, PARAGRAPHS, META_LATIN1)),
        "utf8_latin1_meta.html": page(TITLE, PARAGRAPHS, META_LATIN1).encode("utf-8"),
        "utf8_gzip_no_header.html.bin": gzip.compress(utf8_page.encode("utf-8"), mtime=0),
        "utf16_bom.html": utf8_page.encode("utf-16"),
        "utf8_stray_byte.html": utf8_page.replace("</body>", "<p>Copyright (c) 2010</p></body>")
        .encode("utf-8")
        .replace(b"(c)", b"\xa9"),
        "french_undeclared.html": page("Conseil municipal", FRENCH, home="Accueil").encode("cp1252"),
        "fckeditor_entities.html": page(
            "Tin ho&#7841;t &#273;&#7897;ng",
            [
                "Ng&agrave;y 12/7, &#272;&#7891;ng ch&iacute; Tr&#432;&#7903;ng ban ph&aacute;t bi&#7875;u",
                "D&amp;acirc;n v&#7853;n kh&eacute;o",
            ],
            META_UTF8,
            home="Trang ch&#7911;",
        ).encode("ascii"),
    }


def main() -> None:
    charts = load_charts()
    for name, data in fixtures(charts).items():
        (HERE / name).write_bytes(data)
    (HERE / "expected.json").write_text(
        json.dumps({"title": TITLE, "paragraphs": PARAGRAPHS, "french": FRENCH}, ensure_ascii=False, indent=2) + "\n",
        encoding="utf-8",
    )


if __name__ == "__main__":
    main()
