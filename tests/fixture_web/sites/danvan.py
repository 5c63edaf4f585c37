"""danvan.vn "Dân vận các địa phương", Aug – Oct 2024: provincial reports, most republished from
provincial papers with a "(host)" source line; one is Báo Gia Lai's "người có uy tín" article
(see baogialai.UY_TIN). Article pages show no publication date."""

from ..model import DeadLink, Photo, SiteSpec, Story
from .baogialai import UY_TIN


def republish(original: Story, key: int, title: str, when: str, photo: str, source: str) -> Story:
    """danvan.vn's copy of ``original``: "(GLO)- " dropped, the last sentence trimmed, photo on top."""
    paragraphs = original.paragraphs
    first = paragraphs[0].split(")-", 1)[1].strip()
    last = paragraphs[-1].rsplit(". ", 1)[0] + "."
    return Story(
        key=key,
        title=title,
        when=when,
        body=(Photo(photo, original.captions[0]), first, *paragraphs[1:-1], last),
        source=source,
        about_danvan=original.about_danvan,
        republished_from=("baogialai", original.key),
    )


STORIES = (
    Story(
        key=19402,
        title="Lào Cai: Nâng cao hiệu quả công tác dân vận ở vùng đồng bào Mông",
        when="2024-08-20 10:30:00",
        source="baolaocai.vn",
        body=(
            Photo("dan-van-vung-dong-bao-mong.jpg", "Cán bộ dân vận huyện Bắc Hà thăm hỏi người dân thôn Nậm Khánh"),
            "Những năm gần đây, hệ thống dân vận các cấp tỉnh Lào Cai đã đổi mới cách tiếp cận trong vận động đồng bào Mông, chú trọng phương châm “mưa dầm thấm lâu”, lấy người có uy tín, trưởng dòng họ làm hạt nhân. Nhờ đó, nhiều hủ tục lạc hậu trong việc cưới, việc tang đã được xóa bỏ, tình trạng tảo hôn giảm đáng kể.",
            "Tại huyện Bắc Hà, Ban Dân vận Huyện ủy phối hợp với Hội Liên hiệp Phụ nữ xây dựng mô hình “Dòng họ không có người vi phạm pháp luật”, thu hút hơn 40 dòng họ tham gia. Các trưởng dòng họ ký cam kết vận động con cháu không sinh con thứ ba, không di cư tự do và tích cực tham gia phát triển kinh tế.",
            "Bên cạnh công tác tuyên truyền, các địa phương còn hỗ trợ đồng bào chuyển đổi cây trồng, vật nuôi phù hợp như trồng quế, chè shan tuyết, nuôi lợn đen bản địa. Nhiều hộ đã thoát nghèo, có thu nhập ổn định từ 80 đến 120 triệu đồng mỗi năm.",
        ),
    ),
    Story(
        key=19418,
        title="Hà Tĩnh: Hiệu quả từ các mô hình “Dân vận khéo” trong xây dựng nông thôn mới",
        when="2024-08-27 15:10:00",
        author="Thu Phương",
        source="baohatinh.vn",
        body=(
            "Phong trào thi đua “Dân vận khéo” ở Hà Tĩnh thời gian qua đã gắn chặt với chương trình xây dựng nông thôn mới, trở thành động lực quan trọng để huy động sức dân. Toàn tỉnh hiện có hơn 2.600 mô hình “Dân vận khéo” được công nhận ở các cấp, trong đó gần một nửa thuộc lĩnh vực xây dựng nông thôn mới.",
            "Ở huyện Can Lộc, mô hình “Vườn mẫu, khu dân cư kiểu mẫu” do Mặt trận và các đoàn thể phụ trách đã giúp hàng trăm hộ dân cải tạo vườn tạp, phát triển kinh tế vườn. Tại huyện Hương Sơn, người dân tự nguyện hiến hơn 30.000 m2 đất để mở rộng đường giao thông liên thôn mà không cần đền bù.",
            "Theo Ban Dân vận Tỉnh ủy, bài học rút ra là phải phát huy vai trò nêu gương của cán bộ, đảng viên, thực hiện công khai, dân chủ để người dân thấy rõ lợi ích và tự giác tham gia. Khi dân đã tin, dân đồng lòng thì việc khó mấy cũng làm được.",
        ),
    ),
    Story(
        key=19431,
        title="Cà Mau: Đối thoại giữa người đứng đầu cấp ủy với Nhân dân",
        when="2024-09-05 09:45:00",
        source="baocamau.vn",
        body=(
            "Thực hiện Quy định của Bộ Chính trị về việc tiếp xúc, đối thoại trực tiếp của người đứng đầu cấp ủy với Nhân dân, trong 8 tháng năm 2024, các cấp ủy trong tỉnh Cà Mau đã tổ chức hơn 180 cuộc đối thoại với trên 15.000 lượt người dân tham gia. Nhiều buổi đối thoại được tổ chức ngay tại ấp, khóm để bà con thuận tiện tham dự.",
            "Nội dung đối thoại tập trung vào những vấn đề người dân quan tâm như sạt lở bờ biển, hạ tầng giao thông nông thôn, chuyển đổi cơ cấu sản xuất tôm - lúa, chính sách hỗ trợ ngư dân bám biển. Phần lớn các kiến nghị đã được giải quyết hoặc có lộ trình giải quyết cụ thể.",
            "Lãnh đạo Ban Dân vận Tỉnh ủy Cà Mau cho biết, qua đối thoại, cấp ủy, chính quyền hiểu rõ hơn tâm tư, nguyện vọng của Nhân dân; người dân cũng hiểu và chia sẻ với những khó khăn của địa phương, từ đó tạo sự đồng thuận trong triển khai các chủ trương, dự án.",
        ),
    ),
    republish(
        UY_TIN,
        key=19447,
        title="Gia Lai: Phát huy vai trò người có uy tín trong vùng đồng bào dân tộc thiểu số",
        when="2024-09-13 08:20:00",
        photo="gia-lai-nguoi-co-uy-tin.jpg",
        source="baogialai.com.vn",
    ),
    Story(
        key=19456,
        title="Yên Bái: Khẩn trương khắc phục hậu quả cơn bão số 3",
        when="2024-09-18 16:55:00",
        source="baoyenbai.com.vn",
        about_danvan=False,
        body=(
            Photo("yen-bai-khac-phuc-bao.jpg", "Lực lượng chức năng giúp người dân di dời tài sản khỏi vùng ngập"),
            "Hoàn lưu cơn bão số 3 gây mưa rất to trên diện rộng khiến nhiều khu dân cư ở thành phố Yên Bái và các huyện Lục Yên, Yên Bình, Văn Yên bị ngập sâu, chia cắt. Hàng nghìn ngôi nhà bị hư hỏng, nhiều tuyến giao thông bị sạt lở nghiêm trọng, gây thiệt hại lớn về người và tài sản.",
            "Ngay khi nước rút, tỉnh đã huy động lực lượng quân đội, công an, dân quân cùng hàng nghìn đoàn viên thanh niên giúp người dân dọn bùn đất, vệ sinh môi trường. Các tuyến quốc lộ, tỉnh lộ bị sạt lở được khẩn trương thông tuyến tạm để bảo đảm lưu thông, vận chuyển hàng cứu trợ.",
            "Ngành y tế triển khai các đội cơ động xuống từng thôn, bản khám chữa bệnh, cấp phát thuốc và hóa chất khử khuẩn nguồn nước. Ngành giáo dục cũng khẩn trương sửa chữa trường lớp để học sinh sớm trở lại trường học tập.",
        ),
    ),
    Story(
        key=19470,
        title="Thái Nguyên: Hỗ trợ người dân khôi phục sản xuất sau lũ",
        when="2024-09-26 14:05:00",
        author="Thu Hà",
        source="baothainguyen.vn",
        about_danvan=False,
        body=(
            "Sau đợt lũ lịch sử đầu tháng 9, tỉnh Thái Nguyên đã triển khai nhiều giải pháp hỗ trợ người dân khôi phục sản xuất nông nghiệp. Theo thống kê, toàn tỉnh có hơn 5.000 ha lúa, hoa màu và gần 1.000 ha chè bị ngập úng, hư hại, nhiều ao nuôi cá bị vỡ bờ.",
            "Tỉnh đã cấp miễn phí giống ngô, rau màu vụ đông và phân bón cho các hộ bị thiệt hại nặng; ngành nông nghiệp cử cán bộ xuống từng xóm hướng dẫn kỹ thuật phục hồi nương chè, tiêu độc khử trùng chuồng trại. Các tổ chức tín dụng xem xét khoanh nợ, giãn nợ và cho vay mới với lãi suất ưu đãi.",
            "Nhiều hợp tác xã chè ở thành phố Thái Nguyên và huyện Đại Từ đã chủ động cắt tỉa, bón phân cho những đồi chè bị vùi lấp, phấn đấu có lứa chè mới trước mùa đông. Dự kiến đến cuối năm, sản xuất nông nghiệp của tỉnh sẽ cơ bản được phục hồi.",
        ),
    ),
    Story(
        key=19485,
        title="Ninh Bình: Triển khai Luật Thực hiện dân chủ ở cơ sở đến từng khu dân cư",
        when="2024-10-04 11:25:00",
        author="Minh Đức",
        body=(
            "Sau hơn một năm Luật Thực hiện dân chủ ở cơ sở có hiệu lực, tỉnh Ninh Bình đã cụ thể hóa bằng nhiều văn bản chỉ đạo, hướng dẫn, trong đó có Kế hoạch số 86-KH/TU của Ban Thường vụ Tỉnh ủy. Các xã, phường, thị trấn đều tổ chức hội nghị phổ biến Luật đến trưởng thôn, tổ trưởng tổ dân phố và Ban Thanh tra nhân dân.",
            "Tại huyện Kim Sơn, các thôn đã xây dựng và thông qua hương ước, quy ước mới phù hợp với quy định của Luật số 10/2022/QH15. Những nội dung liên quan trực tiếp đến người dân như thu, chi các khoản đóng góp, danh sách hộ được hỗ trợ, quy hoạch sử dụng đất đều được niêm yết công khai tại nhà văn hóa.",
            "Ban Dân vận Tỉnh ủy đánh giá, việc thực hiện dân chủ ở cơ sở đã góp phần giảm đáng kể đơn thư khiếu nại, tố cáo; người dân tích cực tham gia giám sát các công trình xây dựng cơ bản, góp ý xây dựng chính quyền. Tuy vậy, ở một số nơi, việc tổ chức hội nghị cộng đồng dân cư còn mang tính hình thức.",
        ),
    ),
    Story(
        key=19493,
        title="Kon Tum: Đẩy nhanh giải ngân vốn các chương trình mục tiêu quốc gia",
        when="2024-10-10 17:40:00",
        source="baokontum.com.vn",
        about_danvan=False,
        body=(
            "Đến đầu tháng 10, tỉnh Kon Tum mới giải ngân được khoảng 52% tổng vốn được giao để thực hiện ba chương trình mục tiêu quốc gia năm 2024. Nhiều dự án thuộc chương trình phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi còn chậm do vướng thủ tục và mặt bằng.",
            "UBND tỉnh đã thành lập các tổ công tác trực tiếp xuống địa bàn kiểm tra, đôn đốc, tháo gỡ vướng mắc cho các chủ đầu tư. Các huyện được yêu cầu rà soát, điều chuyển vốn từ những dự án không có khả năng giải ngân sang các dự án có khối lượng thực hiện tốt.",
            "Chủ tịch UBND tỉnh yêu cầu người đứng đầu các sở, ngành, địa phương chịu trách nhiệm về tiến độ giải ngân, phấn đấu đến hết năm 2024 giải ngân trên 95% kế hoạch vốn, bảo đảm các công trình sớm phát huy hiệu quả phục vụ Nhân dân.",
        ),
    ),
    Story(
        key=19508,
        title="Bạc Liêu: Giao ban công tác dân vận 9 tháng năm 2024",
        when="2024-10-16 09:05:00",
        source="baobaclieu.vn",
        body=(
            "Ngày 15/10, Ban Dân vận Tỉnh ủy Bạc Liêu tổ chức hội nghị giao ban công tác dân vận 9 tháng đầu năm, triển khai nhiệm vụ 3 tháng cuối năm 2024. Dự hội nghị có lãnh đạo Ban Dân vận các huyện, thị, thành ủy, Mặt trận Tổ quốc và các tổ chức chính trị - xã hội tỉnh.",
            "Trong 9 tháng, hệ thống dân vận các cấp đã nắm chắc tình hình Nhân dân, kịp thời tham mưu giải quyết nhiều vụ việc phức tạp liên quan đến đất đai, môi trường. Phong trào thi đua “Dân vận khéo” tiếp tục phát triển với hơn 300 mô hình mới, tập trung vào lĩnh vực an sinh xã hội, xây dựng nông thôn mới và chuyển đổi số.",
            "Hội nghị đề ra nhiệm vụ trọng tâm thời gian tới là tham mưu tổ chức tốt đại hội chi bộ nhiệm kỳ 2025 - 2027, nắm tình hình tư tưởng của cán bộ, đảng viên, Nhân dân trước chủ trương tinh gọn bộ máy và chuẩn bị tổng kết công tác dân vận năm 2024.",
        ),
    ),
)

SITE = SiteSpec(
    site_id="danvan",
    platform="danvan-legacy",
    stories=STORIES,
    dead=DeadLink(
        key=19462,
        title="Quảng Trị: Tập huấn nghiệp vụ công tác dân vận cho cán bộ cơ sở",
        when="2024-09-21 10:00:00",
        summary="Hơn 150 học viên là cán bộ làm công tác dân vận cấp xã được bồi dưỡng kỹ năng vận động quần chúng.",
    ),
    moved=19431,
    page_sizes=(5, 5),
    settings={
        "host": "danvan.vn",
        "old_slug": "Ca-Mau-Doi-thoai-voi-Nhan-dan-ve-nhung-van-de-buc-xuc",
        "section_path": "/Home/Tin-hoat-dong/Dan-van-cac-dia-phuong",
        "section": "Dân vận các địa phương",
        "site_name": "Ban Dân vận Trung ương",
        "today": "Thứ Sáu, 8/11/2024",
        "editor": "Phó Trưởng Ban Dân vận Trung ương",
        "licence": "108/GP-TTĐT ngày 12/8/2015 của Cục Quản lý phát thanh, truyền hình và thông tin điện tử",
    },
)
