"""Labelled article pairs for cross-portal dedup: copies of one report vs different reports.

Written for this project in the portals' style. Labelling rule: only copies of one text are the
same report. Two reports written independently about the same meeting (clusters below hold such
pairs, e.g. MEETING_A_GL and MEETING_A_DVTW) are NOT duplicates, nor are two issues of a recurring
report (quý I vs quý II, 6 tháng đầu năm 2023 vs 2024).

Duplicates are built from a base text with the variations portals introduce (lede mark, "Nguồn:"
or "Theo …" line, closing sentence added or dropped, old tone placement, NFD), several combined.
"""

from __future__ import annotations

import re
import unicodedata

# --- Cluster 1: "Dân vận khéo" reviews, spring season; two portals on one Gia Lai meeting ------

MEETING_A_GL = """Ngày 14/3, Ban Dân vận Tỉnh ủy Gia Lai tổ chức hội nghị sơ kết phong trào thi đua "Dân vận khéo" giai đoạn 2021-2023. Đồng chí Rơ Chăm Long, Phó Bí thư Tỉnh ủy, dự và chỉ đạo hội nghị.

Theo báo cáo, sau ba năm triển khai, toàn tỉnh đã xây dựng được 2.140 mô hình "Dân vận khéo", trong đó nhiều mô hình về phát triển kinh tế, giảm nghèo bền vững và giữ gìn an ninh trật tự ở vùng đồng bào dân tộc thiểu số. Các cấp ủy đã quan tâm chỉ đạo, gắn phong trào với việc thực hiện các nhiệm vụ chính trị của địa phương.

Phát biểu chỉ đạo, đồng chí Phó Bí thư Tỉnh ủy đề nghị các cấp ủy, chính quyền tiếp tục đổi mới nội dung, phương thức công tác dân vận, chú trọng nhân rộng các mô hình hiệu quả, tránh hình thức.

Dịp này, Ban Dân vận Tỉnh ủy tặng Giấy khen cho 25 tập thể và 30 cá nhân có thành tích xuất sắc trong phong trào."""

MEETING_A_DVTW = """Sáng 14/3, tại thành phố Pleiku, Ban Dân vận Tỉnh ủy Gia Lai sơ kết 3 năm thực hiện phong trào thi đua "Dân vận khéo". Tham dự có đồng chí Rơ Chăm Long, Phó Bí thư Tỉnh ủy cùng đại diện lãnh đạo Ban Dân vận các huyện, thị xã, thành phố.

Những năm qua, phong trào đã lan tỏa sâu rộng trong hệ thống chính trị. Nhiều cách làm hay như vận động người dân hiến đất làm đường, chuyển đổi cây trồng, xây dựng làng văn hóa đã góp phần thay đổi diện mạo nông thôn. Tuy nhiên, ở một số nơi việc đăng ký mô hình còn dàn trải, chưa có sức lan tỏa.

Tại hội nghị, các đại biểu tập trung thảo luận giải pháp nâng cao chất lượng phong trào thời gian tới, nhất là việc lựa chọn, đánh giá và biểu dương các điển hình tiên tiến ở cơ sở."""

REVIEW_QN = """Chiều 16/3, Ban Dân vận Tỉnh ủy Quảng Nam tổ chức hội nghị sơ kết phong trào thi đua "Dân vận khéo" năm 2023 và triển khai nhiệm vụ năm 2024.

Năm qua, các cấp ủy, chính quyền, Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội trong tỉnh đã đăng ký thực hiện 1.265 mô hình, điển hình "Dân vận khéo" trên các lĩnh vực. Nổi bật là các mô hình hỗ trợ người dân vùng cao phát triển sinh kế, bảo vệ rừng đầu nguồn và giữ gìn văn hóa truyền thống của đồng bào Cơ Tu.

Hội nghị chỉ ra một số hạn chế như việc sơ kết, nhân rộng mô hình ở một số địa phương chưa kịp thời, công tác tuyên truyền chưa đa dạng.

Năm 2024, Ban Dân vận Tỉnh ủy đề ra mục tiêu mỗi cơ quan, đơn vị xây dựng ít nhất một mô hình gắn với nhiệm vụ chuyên môn."""

REVIEW_BD = """Ngày 15/3, Ban Dân vận Huyện ủy Tuy Phước (Bình Định) tổ chức hội nghị biểu dương các điển hình "Dân vận khéo" giai đoạn 2021-2023.

Trong ba năm, toàn huyện có 186 mô hình "Dân vận khéo" được công nhận, tập trung vào xây dựng nông thôn mới nâng cao, bảo vệ môi trường và chuyển đổi số. Nhiều hộ dân đã tự nguyện hiến hơn 9.000 mét vuông đất để mở rộng đường giao thông nông thôn, góp công lao động xây dựng nhà văn hóa thôn.

Đồng chí Bí thư Huyện ủy yêu cầu các tổ chức cơ sở đảng tiếp tục phát huy vai trò nêu gương của cán bộ, đảng viên, thực hiện tốt phương châm "dân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát, dân thụ hưởng".

Hội nghị đã khen thưởng 12 tập thể và 18 cá nhân tiêu biểu."""

# --- Cluster 2: grassroots democracy (Quy chế dân chủ ở cơ sở), mid-year season ----------------

DEMOCRACY_HD = """Ngày 20/6, Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở tỉnh Hải Dương tổ chức hội nghị sơ kết 6 tháng đầu năm 2024.

Theo đánh giá, việc triển khai Luật Thực hiện dân chủ ở cơ sở đã đi vào nền nếp. Các xã, phường, thị trấn công khai đầy đủ các khoản thu, chi, kế hoạch sử dụng đất và danh sách hộ nghèo để nhân dân biết, bàn và giám sát. Ban Thanh tra nhân dân, Ban Giám sát đầu tư của cộng đồng hoạt động hiệu quả hơn, phát hiện và kiến nghị xử lý nhiều vụ việc.

Tuy vậy, ở một số cơ sở, việc tổ chức hội nghị lấy ý kiến nhân dân còn hình thức, tỷ lệ người dân tham gia thấp.

Hội nghị đề ra nhiệm vụ trọng tâm 6 tháng cuối năm, trong đó chú trọng đối thoại trực tiếp giữa người đứng đầu cấp ủy, chính quyền với nhân dân."""

DEMOCRACY_CT = """Sáng 21/6, Ban Dân vận Thành ủy Cần Thơ tổ chức hội nghị tập huấn Luật Thực hiện dân chủ ở cơ sở cho hơn 300 cán bộ làm công tác dân vận, Mặt trận và các đoàn thể chính trị - xã hội.

Tại lớp tập huấn, các học viên được giới thiệu những nội dung cơ bản của Luật, nhất là các quy định về những nội dung công khai, những nội dung nhân dân bàn và quyết định, những nội dung nhân dân tham gia ý kiến trước khi cơ quan có thẩm quyền quyết định.

Báo cáo viên nhấn mạnh, thực hiện dân chủ ở cơ sở phải gắn với trách nhiệm của người đứng đầu, bảo đảm quyền làm chủ thực chất của nhân dân, tránh tình trạng dân chủ hình thức hoặc lợi dụng dân chủ để gây mất ổn định."""

DEMOCRACY_NA = """Ngày 19/6, xã Nghi Phong, huyện Nghi Lộc (Nghệ An) tổ chức hội nghị đối thoại giữa Chủ tịch UBND xã với nhân dân về công tác giải phóng mặt bằng dự án đường ven biển.

Tại buổi đối thoại, nhiều hộ dân bày tỏ băn khoăn về đơn giá bồi thường, vị trí khu tái định cư và thời gian bàn giao đất. Lãnh đạo xã cùng đại diện chủ đầu tư đã giải đáp cụ thể từng ý kiến, cam kết công khai phương án bồi thường tại nhà văn hóa các thôn.

Chủ tịch UBND xã đề nghị các chi bộ, Mặt trận và các đoàn thể tiếp tục tuyên truyền, vận động nhân dân đồng thuận, phát huy dân chủ ở cơ sở, tạo điều kiện để dự án sớm được triển khai."""

DEMOCRACY_HD_DISTRICT = """Ngày 20/6, Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở huyện Kim Thành (Hải Dương) tổ chức hội nghị sơ kết công tác 6 tháng đầu năm.

Các cấp ủy, chính quyền trong huyện đã thực hiện nghiêm việc công khai các nội dung theo quy định, tổ chức tốt việc tiếp công dân định kỳ. Các xã đã tổ chức 41 buổi đối thoại giữa người đứng đầu với nhân dân, giải quyết dứt điểm nhiều kiến nghị về đất đai và môi trường.

Hội nghị cũng chỉ rõ hạn chế: một số Ban Thanh tra nhân dân hoạt động chưa đều, kinh phí hoạt động còn khó khăn. Thời gian tới, huyện tiếp tục kiện toàn Ban Chỉ đạo các cấp và nâng cao chất lượng hội nghị lấy ý kiến nhân dân."""

# --- Cluster 3: ethnic minority and religion work, autumn season ------------------------------

ETHNIC_DL = """Ngày 12/9, Ban Dân vận Tỉnh ủy Đắk Lắk phối hợp với Ban Dân tộc tỉnh tổ chức hội nghị gặp mặt già làng, trưởng buôn, người có uy tín trong đồng bào dân tộc thiểu số năm 2023.

Hơn 200 đại biểu là người có uy tín đến từ các huyện, thị xã, thành phố đã phản ánh nhiều kiến nghị liên quan đến đất sản xuất, nước sinh hoạt và việc học tập của con em đồng bào.

Đồng chí Trưởng Ban Dân vận Tỉnh ủy ghi nhận vai trò của người có uy tín trong việc vận động đồng bào chấp hành chủ trương của Đảng, chính sách, pháp luật của Nhà nước, không nghe theo kẻ xấu, giữ vững an ninh trật tự ở buôn làng.

Tỉnh cam kết tiếp thu, giải quyết các kiến nghị trong thời gian sớm nhất."""

ETHNIC_KT = """Ngày 13/9, Ban Dân vận Tỉnh ủy Kon Tum tổ chức hội nghị tổng kết 10 năm thực hiện Kết luận 62 về công tác dân vận vùng đồng bào dân tộc thiểu số.

Báo cáo cho thấy, đời sống vật chất và tinh thần của đồng bào được nâng lên rõ rệt, tỷ lệ hộ nghèo giảm bình quân 3,5% mỗi năm. Đội ngũ cán bộ người dân tộc thiểu số ngày càng trưởng thành, nhiều người được bầu giữ vị trí chủ chốt ở cơ sở.

Các đại biểu cho rằng cần tiếp tục chú trọng đào tạo cán bộ biết tiếng đồng bào, phát huy vai trò người có uy tín, đồng thời đấu tranh với các luận điệu xuyên tạc chính sách dân tộc của Đảng và Nhà nước."""

RELIGION_AG = """Ngày 11/9, Ban Dân vận Tỉnh ủy An Giang tổ chức hội nghị sơ kết công tác vận động chức sắc, chức việc và tín đồ các tôn giáo.

Theo báo cáo, các tổ chức tôn giáo trên địa bàn tỉnh hoạt động đúng pháp luật, tích cực tham gia các phong trào thi đua yêu nước và công tác an sinh xã hội. Trong năm, chức sắc và tín đồ các tôn giáo đã đóng góp hàng chục tỷ đồng xây cầu giao thông nông thôn, tặng quà cho hộ nghèo, hỗ trợ học bổng cho học sinh.

Hội nghị đề nghị các cấp ủy tiếp tục quan tâm giải quyết kịp thời nhu cầu sinh hoạt tôn giáo chính đáng của đồng bào, đồng thời chủ động nắm tình hình, không để phát sinh điểm nóng."""

ETHNIC_DL_DISTRICT = """Ngày 12/9, Huyện ủy Krông Bông (Đắk Lắk) tổ chức gặp mặt người có uy tín trong đồng bào dân tộc thiểu số nhân dịp kỷ niệm Ngày truyền thống công tác dân vận.

Tại buổi gặp mặt, các già làng, trưởng buôn đã thông tin về tình hình sản xuất, đời sống của bà con; kiến nghị đầu tư sửa chữa đập thủy lợi và làm đường vào khu sản xuất. Lãnh đạo huyện đã trả lời, làm rõ từng kiến nghị thuộc thẩm quyền.

Bí thư Huyện ủy mong muốn người có uy tín tiếp tục là cầu nối giữa cấp ủy, chính quyền với nhân dân, vận động bà con đoàn kết, giữ gìn bản sắc văn hóa và cảnh giác trước âm mưu chia rẽ khối đại đoàn kết toàn dân tộc."""

# --- Cluster 4: government mass mobilisation (dân vận chính quyền), year-end season ------------

GOV_TH = """Ngày 5/12, Ủy ban nhân dân tỉnh Thanh Hóa tổ chức hội nghị đánh giá kết quả công tác dân vận chính quyền năm 2023.

Năm qua, các sở, ngành và địa phương đã tập trung cải cách thủ tục hành chính, đẩy mạnh dịch vụ công trực tuyến, nâng cao tinh thần trách nhiệm và thái độ phục vụ nhân dân của cán bộ, công chức. Tỷ lệ hồ sơ giải quyết đúng hạn đạt trên 98%. Việc tiếp công dân, giải quyết khiếu nại, tố cáo được thực hiện nghiêm túc.

Phó Chủ tịch UBND tỉnh yêu cầu người đứng đầu các cơ quan hành chính phải thực sự gần dân, trọng dân, lắng nghe dân, kiên quyết xử lý cán bộ có biểu hiện nhũng nhiễu, gây phiền hà cho người dân và doanh nghiệp."""

GOV_BN = """Sáng 6/12, Ban Dân vận Tỉnh ủy Bắc Ninh phối hợp với Ban cán sự đảng UBND tỉnh tổ chức hội nghị tổng kết Quy chế phối hợp công tác dân vận năm 2023.

Hai bên đã phối hợp chặt chẽ trong việc nắm bắt tâm tư, nguyện vọng của nhân dân, tham mưu giải quyết nhiều vụ việc phức tạp về đất đai, môi trường tại các khu công nghiệp. Công tác đối thoại với công nhân lao động được quan tâm, góp phần ổn định quan hệ lao động.

Hội nghị thống nhất năm 2024 tập trung nâng cao hiệu quả công tác dân vận của cơ quan nhà nước, gắn với phong trào thi đua "Dân vận khéo" và cải thiện chỉ số hài lòng của người dân."""

GOV_TH_DISTRICT = """Ngày 5/12, UBND huyện Thọ Xuân (Thanh Hóa) tổ chức hội nghị tổng kết công tác dân vận chính quyền năm 2023.

Trong năm, huyện đã giải quyết đúng hạn 100% hồ sơ thủ tục hành chính, không để xảy ra tình trạng khiếu kiện đông người, vượt cấp. Bộ phận một cửa các xã được đầu tư trang thiết bị, cán bộ công chức có thái độ niềm nở, tận tình hướng dẫn người dân. Các cuộc tiếp xúc cử tri, đối thoại với nhân dân được tổ chức định kỳ, nhiều kiến nghị được giải quyết ngay tại cơ sở.

Chủ tịch UBND huyện đề nghị các xã, thị trấn tiếp tục thực hiện tốt phương châm "trọng dân, gần dân, hiểu dân, học dân và có trách nhiệm với dân", gắn công tác dân vận với xây dựng nông thôn mới kiểu mẫu."""

GOV_LA = """Ngày 7/12, Sở Tài nguyên và Môi trường tỉnh Long An tổ chức đối thoại với các hộ dân bị ảnh hưởng bởi dự án khu công nghiệp Phước Vĩnh Đông.

Tại buổi đối thoại, người dân kiến nghị xem xét lại giá đất bồi thường, sớm bố trí tái định cư và hỗ trợ chuyển đổi nghề nghiệp cho lao động lớn tuổi. Đại diện Sở đã giải thích các căn cứ pháp lý, đồng thời tiếp thu những ý kiến hợp lý để tham mưu UBND tỉnh điều chỉnh.

Lãnh đạo Sở yêu cầu các phòng chuyên môn thực hiện tốt công tác dân vận trong giải phóng mặt bằng, công khai minh bạch, không để người dân chịu thiệt thòi."""

CLUSTERS = [
    [MEETING_A_GL, MEETING_A_DVTW, REVIEW_QN, REVIEW_BD],
    [DEMOCRACY_HD, DEMOCRACY_CT, DEMOCRACY_NA, DEMOCRACY_HD_DISTRICT],
    [ETHNIC_DL, ETHNIC_KT, RELIGION_AG, ETHNIC_DL_DISTRICT],
    [GOV_TH, GOV_BN, GOV_TH_DISTRICT, GOV_LA],
]
BASES = [text for cluster in CLUSTERS for text in cluster]

# --- A recurring quarterly report: each issue repeats the template, numbers change ------------

QUARTERLY = """Ngày {day}, Ban Dân vận Huyện ủy Krông Pa tổ chức hội nghị giao ban công tác dân vận {period}.

Trong {short}, Ban Dân vận Huyện ủy đã tham mưu Ban Thường vụ Huyện ủy ban hành {docs} văn bản chỉ đạo về công tác dân vận; phối hợp tổ chức {visits} đợt nắm tình hình nhân dân ở các xã vùng sâu, vùng xa. Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội huyện đã vận động nhân dân đóng góp {money} triệu đồng xây dựng nhà đại đoàn kết, hỗ trợ hộ nghèo.

Phong trào thi đua "Dân vận khéo" tiếp tục được duy trì, có {models} mô hình mới được đăng ký. Tình hình an ninh chính trị, trật tự an toàn xã hội ở cơ sở ổn định.

Hội nghị thống nhất nhiệm vụ trọng tâm thời gian tới, trong đó tập trung nắm bắt tâm tư, nguyện vọng của nhân dân, kịp thời giải quyết những vấn đề bức xúc ngay từ cơ sở."""

ISSUES = {
    "q1_2024": dict(day="28/3", period="quý I năm 2024", short="quý I", docs=6, visits=9, money=420, models=14),
    "q2_2024": dict(day="27/6", period="quý II năm 2024", short="quý II", docs=5, visits=11, money=515, models=17),
    "q2_2024_same_numbers": dict(day="28/3", period="quý II năm 2024", short="quý II", docs=6, visits=9, money=420,
                                 models=14),
    "q1_2023_same_numbers": dict(day="28/3", period="quý I năm 2023", short="quý I", docs=6, visits=9, money=420,
                                 models=14),
    "h1_2023": dict(day="30/6", period="6 tháng đầu năm 2023", short="6 tháng đầu năm", docs=11, visits=20,
                    money=880, models=31),
    "h1_2024": dict(day="30/6", period="6 tháng đầu năm 2024", short="6 tháng đầu năm", docs=11, visits=20,
                    money=880, models=31),
    "h2_2024": dict(day="30/6", period="6 tháng cuối năm 2024", short="6 tháng cuối năm", docs=11, visits=20,
                    money=880, models=31),
    "q3_2024": dict(day="27/9", period="quý III năm 2024", short="quý III", docs=7, visits=8, money=390, models=12),
    "q4_2024": dict(day="26/12", period="quý IV năm 2024", short="quý IV", docs=9, visits=10, money=610, models=15),
}


def issue(name: str) -> str:
    """One issue of the recurring quarterly report."""
    return QUARTERLY.format(**ISSUES[name])


# --- The variations portals introduce when they republish a text ------------------------------

OLD_TONES = {"hòa": "hoà", "hóa": "hoá", "ủy": "uỷ", "thủy": "thuỷ", "khỏe": "khoẻ", "tòa": "toà",
             "thỏa": "thoả", "xóa": "xoá", "lũy": "luỹ", "hỏa": "hoả", "Ủy": "Uỷ", "Hòa": "Hoà",
             "Hóa": "Hoá", "tỏa": "toả", "lòa": "loà", "họa": "hoạ"}
OLD_TONE_RE = re.compile(r"(?<!\w)(" + "|".join(OLD_TONES) + r")(?!\w)")
CLOSINGS = [
    "Dịp này, nhiều tập thể, cá nhân có thành tích xuất sắc đã được biểu dương, khen thưởng.",
    "Hội nghị cũng đã quán triệt các văn bản mới của Trung ương và của tỉnh về công tác dân vận.",
]


def old_tones(text: str) -> str:
    """The text with tones placed the old way: hoà, hoá, uỷ, thuỷ."""
    return OLD_TONE_RE.sub(lambda m: OLD_TONES[m.group()], text)


def nfd(text: str) -> str:
    """The text decomposed, as some CMSs store it."""
    return unicodedata.normalize("NFD", text)


def lede(text: str, mark: str) -> str:
    """The text with a portal's lede mark before the first word."""
    return f"{mark} {text}"


def credit(text: str, line: str) -> str:
    """The text with a source line after it."""
    return f"{text}\n\n{line}"


def drop_last(text: str) -> str:
    """The text without its closing paragraph."""
    return text.rsplit("\n\n", 1)[0]


def add_closing(text: str, sentence: str) -> str:
    """The text with one more closing paragraph."""
    return f"{text}\n\n{sentence}"


MARKS = ["(GLO)-", "(Baohaiduong.vn) –", "ĐCSVN -", "(QNO) -", "DVTW -", "TTXVN/VNA -", "(BĐT) -", "(NLĐO) -"]
CREDITS = ["Nguồn: Báo Gia Lai", "Theo baoquangnam.vn", "(Theo TTXVN)", "Nguồn: dangcongsan.vn"]


def _duplicates() -> list[tuple[str, str, str]]:
    """Two copies per base text, combining the variations."""
    pairs = []
    for i, base in enumerate(BASES):
        mark, line, closing = MARKS[i % len(MARKS)], CREDITS[i % len(CREDITS)], CLOSINGS[i % len(CLOSINGS)]
        pairs.append((f"dup-{i}-lede-credit-oldtones", base, old_tones(lede(credit(base, line), mark))))
        other = MARKS[(i + 3) % len(MARKS)]
        pairs.append((f"dup-{i}-dropped-vs-added-nfd", lede(drop_last(base), other), nfd(add_closing(base, closing))))
        # A third portal: old tone marks and no last paragraph, against a credited copy with a closing line.
        pairs.append((f"dup-{i}-oldtones-dropped-vs-credited", old_tones(drop_last(base)),
                      credit(add_closing(lede(base, mark), closing), line)))
    return pairs


def _same_topic() -> list[tuple[str, str, str]]:
    """Different reports of one cluster (same topic and season, stock phrases), some as copies."""
    pairs = []
    for c, cluster in enumerate(CLUSTERS):
        for a in range(len(cluster)):
            for b in range(a + 1, len(cluster)):
                left = cluster[a] if (a + b) % 2 else lede(cluster[a], MARKS[c])
                pairs.append((f"hard-topic-{c}-{a}-{b}", left, old_tones(cluster[b])))
    return pairs


RECURRING = [
    ("q1_2024", "q2_2024"), ("q1_2024", "q2_2024_same_numbers"), ("q1_2024", "q1_2023_same_numbers"),
    ("h1_2023", "h1_2024"), ("h1_2024", "h2_2024"), ("q2_2024", "q3_2024"), ("q3_2024", "q4_2024"),
    ("q1_2024", "q4_2024"),
]


def _recurring() -> list[tuple[str, str, str]]:
    """Two issues of the recurring report, one republished with a lede mark and old tones."""
    return [(f"hard-recurring-{a}-{b}", issue(a), old_tones(lede(issue(b), "(GLO)-"))) for a, b in RECURRING]


def _unrelated() -> list[tuple[str, str, str]]:
    """Reports from different clusters."""
    return [(f"easy-{c}-{i}", CLUSTERS[c][i], CLUSTERS[(c + 1) % 4][(i + 1) % 4]) for c in range(4) for i in (0, 2)]


def _same_issue() -> list[tuple[str, str, str]]:
    """One issue of the recurring report republished: numbers equal, a closing sentence added."""
    return [(f"dup-issue-{name}", issue(name), nfd(credit(add_closing(issue(name), CLOSINGS[0]), CREDITS[0])))
            for name in ("q1_2024", "h1_2024")]


DUPLICATES = _duplicates() + _same_issue()
HARD_NEGATIVES = _same_topic() + _recurring()
EASY_NEGATIVES = _unrelated()
PAIRS = [(name, a, b, True) for name, a, b in DUPLICATES] + [
    (name, a, b, False) for name, a, b in HARD_NEGATIVES + EASY_NEGATIVES
]
"""(name, text_a, text_b, same_report)."""
