"""The fault portal's pages: a district portal's Dân vận section, written for these tests (generic markup)."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

PORTAL_NAME = "Cổng thông tin điện tử huyện Thử Nghiệm"
SECTION = "/dan-van/"
ENDLESS_SECTION = "/dan-van/ban-tin/"
DISALLOWED_SECTION = "/noi-bo/"
CP1258_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
"""The five tone marks windows-1258 writes as combining bytes after the letter."""


@dataclass(frozen=True)
class Story:
    slug: str
    title: str
    published: str
    """As the page's <time datetime> gives it, and as the archive must store it."""
    paragraphs: tuple[str, ...]

    @property
    def path(self) -> str:
        return f"{SECTION}{self.slug}.html"


HEALTHY = (
    Story("giao-ban-quy-ii", "Ban Dân vận Huyện ủy giao ban công tác dân vận quý II năm 2024",
          "2024-06-28T15:20:00+07:00", (
              "Chiều 28/6, Ban Dân vận Huyện ủy tổ chức hội nghị giao ban công tác dân vận quý II, triển khai "
              "nhiệm vụ sáu tháng cuối năm 2024. Dự hội nghị có lãnh đạo Mặt trận Tổ quốc và các đoàn thể huyện.",
              "Trong quý, khối dân vận đã phối hợp tổ chức 42 buổi đối thoại với nhân dân, tiếp nhận và giải quyết "
              "dứt điểm 17 kiến nghị về đất đai, môi trường và chính sách an sinh xã hội tại cơ sở.",
              "Hội nghị thống nhất tiếp tục đẩy mạnh phong trào thi đua “Dân vận khéo”, gắn với xây dựng nông thôn "
              "mới nâng cao và chuẩn bị đại hội đảng bộ các cấp.",
          )),
    Story("mo-hinh-tan-lap", "Xã Tân Lập ra mắt mô hình “Dân vận khéo” trong xây dựng nông thôn mới",
          "2024-05-10T09:05:00+07:00", (
              "Sáng 10/5, Đảng ủy xã Tân Lập ra mắt mô hình “Dân vận khéo vận động nhân dân hiến đất làm đường giao "
              "thông nông thôn” tại thôn Đồng Chằm.",
              "Sau ba tháng vận động, 64 hộ dân đã tự nguyện hiến hơn 5.200 mét vuông đất, tháo dỡ tường rào để mở "
              "rộng tuyến đường liên thôn dài 2,3 km mà không phát sinh khiếu nại nào.",
          )),
    Story("bieu-duong-dien-hinh", "Huyện Thử Nghiệm biểu dương 35 điển hình “Dân vận khéo” giai đoạn 2021 - 2024",
          "2024-04-02T14:00:00+07:00", (
              "Ngày 2/4, Huyện ủy tổ chức hội nghị biểu dương các tập thể, cá nhân điển hình trong phong trào thi đua "
              "“Dân vận khéo” giai đoạn 2021 - 2024.",
              "Các mô hình được biểu dương tập trung vào phát triển kinh tế hộ gia đình, giữ gìn an ninh trật tự thôn "
              "xóm và chăm lo cho người có công, hộ nghèo trên địa bàn.",
          )),
)
RECOVERING = (
    Story("qua-tai-503", "Hội Nông dân huyện tập huấn chuyển giao kỹ thuật trồng lúa hữu cơ cho hội viên",
          "2024-03-15T08:00:00+07:00", (
              "Hội Nông dân huyện phối hợp Trạm Khuyến nông mở lớp tập huấn kỹ thuật trồng lúa hữu cơ cho 60 hội "
              "viên các xã vùng trũng, gắn với vận động bà con giảm dùng phân bón hóa học.",
          )),
    Story("gioi-han-429", "Mặt trận Tổ quốc huyện vận động ủng hộ Quỹ “Vì người nghèo” năm 2024",
          "2024-03-01T10:30:00+07:00", (
              "Ủy ban Mặt trận Tổ quốc huyện phát động đợt cao điểm vận động ủng hộ Quỹ “Vì người nghèo”, phấn đấu "
              "hỗ trợ xây mới 20 nhà đại đoàn kết cho hộ nghèo trong năm.",
          )),
    Story("loi-keo-dai", "Đoàn Thanh niên huyện ra quân Tháng Thanh niên với nhiều công trình ý nghĩa",
          "2024-02-26T07:45:00+07:00", (
              "Huyện Đoàn tổ chức lễ ra quân Tháng Thanh niên năm 2024, khởi công 12 công trình thanh niên tự quản "
              "và thắp sáng 8 km đường quê tại các xã khó khăn.",
          )),
)
"""Pages that fail first and then answer: 503 once; 429 with Retry-After once; 500, 502, 503, then 200."""
GZIP_NO_HEADER = Story(
    "nen-khong-khai-bao", "Hội Liên hiệp Phụ nữ huyện ra mắt câu lạc bộ phụ nữ khởi nghiệp",
    "2024-01-19T16:10:00+07:00", (
        "Hội Liên hiệp Phụ nữ huyện ra mắt câu lạc bộ phụ nữ khởi nghiệp với 25 thành viên, hỗ trợ chị em vay vốn "
        "và tiêu thụ sản phẩm nông sản sạch qua kênh thương mại điện tử.",
    ))
CP1258 = Story(
    "ma-windows-1258", "Cựu chiến binh xã Đồng Tâm giúp nhau phát triển kinh tế",
    "2024-01-05T09:00:00+07:00", (
        "Hội Cựu chiến binh xã Đồng Tâm duy trì tổ hợp tác chăn nuôi bò sinh sản, giúp 14 hội viên thoát nghèo bền "
        "vững và đóng góp ngày công làm đường, nạo vét kênh mương nội đồng.",
    ))
TRUNCATED = Story(
    "bi-cat-cut", "Khối dân vận huyện đối thoại với nhân dân về bồi thường giải phóng mặt bằng",
    "2023-12-20T14:30:00+07:00", (
        "Chiều 20/12, Thường trực Huyện ủy chủ trì buổi đối thoại với 120 hộ dân có đất bị thu hồi để xây dựng cụm "
        "công nghiệp phía Bắc, lắng nghe ý kiến về giá bồi thường và phương án tái định cư.",
        "Lãnh đạo huyện giải đáp trực tiếp 23 ý kiến, giao các phòng chuyên môn rà soát lại",
    ))
"""Served cut off inside its second paragraph: the page ends there, without closing tags."""


def article_html(story: Story, charset: str = "utf-8") -> str:
    paragraphs = "\n".join(f"<p>{text}</p>" for text in story.paragraphs)
    day, time = story.published[8:10] + "/" + story.published[5:7] + "/" + story.published[:4], story.published[11:16]
    return f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="{charset}"><title>{story.title} - {PORTAL_NAME}</title></head>
<body><header class="banner"><a href="/">{PORTAL_NAME}</a></header>
<nav class="menu"><a href="/">Trang chủ</a> <a href="{SECTION}">Dân vận</a> <a href="/lien-he.html">Liên hệ</a></nav>
<main><article class="news-detail">
<h1 class="title">{story.title}</h1>
<div class="post-meta">Ngày đăng: <time datetime="{story.published}">{time} {day}</time></div>
{paragraphs}
<p class="author">Ban Dân vận Huyện ủy</p>
</article></main>
<footer>Bản quyền thuộc {PORTAL_NAME}. Địa chỉ: số 1 đường Trung tâm, thị trấn Thử Nghiệm.</footer>
</body></html>"""


def truncated_html(story: Story) -> str:
    """The page as a server that crashed mid-write leaves it: no closing paragraph, article or body."""
    whole = article_html(story)
    return whole[:whole.index(story.paragraphs[-1]) + len(story.paragraphs[-1])]


def soft_404_html() -> str:
    return f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>Không tìm thấy trang - {PORTAL_NAME}</title></head>
<body><header class="banner"><a href="/">{PORTAL_NAME}</a></header>
<nav class="menu"><a href="/">Trang chủ</a> <a href="{SECTION}">Dân vận</a></nav>
<main><h1>Không tìm thấy trang</h1>
<p>Trang bạn yêu cầu không tồn tại hoặc đã được chuyển đi. Vui lòng quay lại <a href="/">trang chủ</a>.</p></main>
<footer>Bản quyền thuộc {PORTAL_NAME}.</footer></body></html>"""


def listing_html(title: str, links: list[tuple[str, str]], next_page: str | None = None) -> str:
    items = "\n".join(f'<li><h3><a href="{href}">{text}</a></h3></li>' for href, text in links)
    pager = f'<div class="pagination"><a href="{next_page}" rel="next">Trang sau »</a></div>' if next_page else ""
    return f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>{title} - {PORTAL_NAME}</title></head>
<body><header class="banner"><a href="/">{PORTAL_NAME}</a></header>
<main><h1>{title}</h1><ul class="news-list">
{items}
</ul>{pager}</main>
<footer>Bản quyền thuộc {PORTAL_NAME}.</footer></body></html>"""


def bulletin(number: int) -> Story:
    """The never-ending section's article on listing page ``number`` (each page links one)."""
    return Story(f"ban-tin-so-{number}", f"Bản tin công tác dân vận tuần thứ {number} của huyện Thử Nghiệm",
                 f"2024-07-{min(number, 28):02d}T08:00:00+07:00", (
                     f"Bản tin số {number} điểm lại các hoạt động dân vận chính quyền và dân vận của lực lượng vũ "
                     "trang trên địa bàn huyện trong tuần, cùng lịch tiếp công dân tuần tới.",
                 ))


def cp1258_bytes(text: str) -> bytes:
    """``text`` in windows-1258: letters with â ă ê ô ơ ư đ as one byte, tone marks as combining bytes."""
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", char)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in CP1258_TONES))
            out += (base + "".join(c for c in parts if c in CP1258_TONES)).encode("cp1258")
    return bytes(out)
