"""danvan.vn "Dân vận các địa phương", Apr – Oct 2024: provincial reports, most republished from
provincial papers with a "(host)" source line; one is Báo Gia Lai's "người có uy tín" article
(see baogialai.UY_TIN). The April – August stories are the section's back catalogue (its deeper
listing pages). Article pages show no publication date."""

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
        key=19186,
        title="Sóc Trăng: Vận động đồng bào Khmer chung sức xây dựng nông thôn mới",
        when="2024-04-09 08:40:00",
        source="baosoctrang.org.vn",
        body=(
            Photo("soc-trang-dong-bao-khmer.jpg", "Cán bộ dân vận thị xã Vĩnh Châu trao đổi với sư sãi chùa Khmer về xây dựng nông thôn mới"),
            "Với gần một phần ba dân số là đồng bào Khmer, Sóc Trăng xác định công tác dân vận ở vùng đồng bào dân tộc là nhiệm vụ thường xuyên, lâu dài của cả hệ thống chính trị. Thời gian qua, Ban Dân vận Tỉnh ủy đã chỉ đạo các địa phương phát huy vai trò của sư sãi, Ban Quản trị chùa và người có uy tín trong phum, sóc để tuyên truyền, vận động bà con tham gia xây dựng nông thôn mới.",
            "Tại thị xã Vĩnh Châu và huyện Trần Đề, nhiều ngôi chùa Khmer trở thành nơi mở lớp dạy chữ, sinh hoạt câu lạc bộ và họp bàn việc làm đường, bắc cầu nông thôn. Chỉ riêng năm 2023, đồng bào Khmer trong tỉnh đã đóng góp hơn 12 tỷ đồng cùng hàng nghìn ngày công lao động, hiến gần 25.000 m2 đất để bê tông hóa các tuyến đường ấp.",
            "Ban Dân vận Tỉnh ủy cho biết, thời gian tới sẽ tiếp tục phối hợp với Ban Dân tộc tỉnh rà soát, kịp thời tháo gỡ những khó khăn về đất sản xuất, việc làm, nhà ở của hộ nghèo người Khmer; đồng thời nhân rộng các mô hình “Dân vận khéo” gắn với giữ gìn bản sắc văn hóa, lễ hội truyền thống của đồng bào.",
        ),
    ),
    Story(
        key=19197,
        title="Bến Tre: Chủ động ứng phó hạn hán, xâm nhập mặn cao điểm",
        when="2024-04-16 15:20:00",
        source="baodongkhoi.vn",
        about_danvan=False,
        body=(
            Photo("ben-tre-han-man.jpg", "Người dân xã Thạnh Phong trữ nước ngọt phục vụ sinh hoạt trong mùa khô"),
            "Mùa khô năm 2024, nước mặn trên các sông chính ở Bến Tre xuất hiện sớm và lấn sâu vào nội đồng, có nơi độ mặn 4 g/l đã vào sâu hơn 60 km tính từ cửa sông. Nhiều hộ ở các huyện ven biển Ba Tri, Bình Đại, Thạnh Phú thiếu nước ngọt sinh hoạt, hàng nghìn hécta lúa và cây ăn trái có nguy cơ bị ảnh hưởng.",
            "UBND tỉnh đã chỉ đạo vận hành linh hoạt hệ thống cống đầu mối để ngăn mặn, trữ ngọt; ngành nông nghiệp lắp đặt thêm các điểm cấp nước miễn phí, cung cấp bồn chứa cho hộ nghèo, hộ gia đình chính sách. Các nhà máy nước tăng công suất, điều xe bồn chở nước đến những ấp xa đường ống.",
            "Nông dân được khuyến cáo trữ nước vào ao, túi nhựa chuyên dụng, tưới tiết kiệm cho vườn sầu riêng, bưởi da xanh và không lấy nước sông khi chưa đo độ mặn. Nhờ chủ động từ sớm, đến giữa tháng 4, thiệt hại đối với cây trồng trên địa bàn tỉnh được hạn chế ở mức thấp so với đợt hạn mặn lịch sử năm 2020.",
        ),
    ),
    Story(
        key=19214,
        title="Nghệ An: Giao ban công tác dân vận quý I năm 2024",
        when="2024-04-26 10:05:00",
        source="baonghean.vn",
        body=(
            "Ngày 25/4, Ban Dân vận Tỉnh ủy Nghệ An tổ chức hội nghị giao ban công tác dân vận quý I, triển khai nhiệm vụ quý II năm 2024. Hội nghị được kết nối trực tuyến đến 21 điểm cầu huyện, thành, thị ủy với sự tham gia của cán bộ Khối dân vận các cấp.",
            "Báo cáo tại hội nghị cho thấy, trong quý I, các cấp ủy đã tổ chức chu đáo các hoạt động thăm hỏi, chúc Tết, bảo đảm mọi gia đình trong tỉnh đều được đón Tết Giáp Thìn. Công tác vận động đồng bào Thái, Khơ Mú, Mông ở miền Tây Nghệ An được chú trọng; tình hình tôn giáo cơ bản ổn định, các giáo xứ, nhà chùa tổ chức lễ hội đúng quy định. Toàn tỉnh có thêm 187 mô hình “Dân vận khéo” được đăng ký xây dựng.",
            "Một số hạn chế được chỉ ra là việc nắm bắt dư luận xã hội ở vài nơi còn chậm, chưa dự báo sớm những vụ việc phát sinh liên quan đến bồi thường, giải phóng mặt bằng các dự án khu công nghiệp. Trong quý II, Ban Dân vận Tỉnh ủy yêu cầu tập trung tham mưu tổ chức đối thoại ở những địa bàn có dự án lớn, đồng thời chuẩn bị sơ kết giữa kỳ phong trào thi đua “Dân vận khéo”.",
        ),
    ),
    Story(
        key=19238,
        title="Bình Định: Đối thoại tháo gỡ vướng mắc giải phóng mặt bằng dự án cao tốc",
        when="2024-05-14 14:30:00",
        author="Ngọc Tú",
        source="baobinhdinh.vn",
        body=(
            "Để bảo đảm tiến độ bàn giao mặt bằng dự án đường bộ cao tốc Bắc - Nam đoạn qua tỉnh, thời gian qua, cấp ủy, chính quyền thị xã Hoài Nhơn và các huyện Phù Mỹ, Phù Cát đã tổ chức hàng chục buổi tiếp xúc, đối thoại với các hộ có đất bị thu hồi. Ban Dân vận các địa phương cử cán bộ bám địa bàn, đến từng nhà lắng nghe ý kiến của bà con.",
            "Phần lớn kiến nghị của người dân xoay quanh giá bồi thường đất vườn, thời gian bố trí tái định cư và hỗ trợ chuyển đổi nghề. Những kiến nghị đúng, hợp lý được chính quyền tiếp thu, điều chỉnh phương án bồi thường; các trường hợp chưa đủ cơ sở được giải thích rõ ràng, công khai theo quy định của pháp luật.",
            "Nhờ làm tốt công tác dân vận, đến giữa tháng 5, các địa phương đã bàn giao gần 98% diện tích mặt bằng cho nhà thầu. Nhiều gia đình ở thị xã Hoài Nhơn còn tự nguyện tháo dỡ công trình, di dời mồ mả trước thời hạn, tạo điều kiện để dự án sớm thi công trên toàn tuyến.",
        ),
    ),
    Story(
        key=19255,
        title="Bắc Giang: Thực hiện dân chủ ở cơ sở tại doanh nghiệp có đông công nhân",
        when="2024-05-28 09:15:00",
        author="Minh Hằng",
        body=(
            "Với hơn 200.000 công nhân lao động làm việc tại các khu, cụm công nghiệp, Bắc Giang coi việc thực hiện dân chủ tại nơi làm việc là một trong những nội dung trọng tâm của công tác dân vận. Ban Dân vận Tỉnh ủy đã phối hợp với Liên đoàn Lao động tỉnh khảo sát tại 45 doanh nghiệp, tập trung vào việc công khai thông tin về tiền lương, thưởng và cách thức người lao động được góp ý với chủ sử dụng lao động.",
            "Kết quả khảo sát cho thấy, phần lớn doanh nghiệp đã xây dựng quy chế dân chủ theo Nghị định số 145/2020/NĐ-CP của Chính phủ, công khai định mức lao động, thang bảng lương và chế độ ăn ca. Tại một số doanh nghiệp điện tử vốn đầu tư nước ngoài, hộp thư góp ý, đường dây nóng và nhóm trao đổi trực tuyến giúp công nhân phản ánh kịp thời những bất cập trong sản xuất, sinh hoạt.",
            "Tuy vậy, vẫn còn doanh nghiệp tổ chức đối thoại mang tính hình thức, công đoàn cơ sở chưa thực sự là chỗ dựa của người lao động. Ban Dân vận Tỉnh ủy đề nghị các cấp công đoàn tăng cường giám sát, kịp thời phát hiện mâu thuẫn, không để xảy ra ngừng việc tập thể; đồng thời biểu dương những doanh nghiệp làm tốt việc chăm lo nhà ở, nhà trẻ cho con em công nhân.",
        ),
    ),
    Story(
        key=19273,
        title="Thanh Hóa: Hàng nghìn hộ tự nguyện hiến đất mở rộng đường giao thông nông thôn",
        when="2024-06-11 16:45:00",
        source="baothanhhoa.vn",
        body=(
            Photo("thanh-hoa-hien-dat-mo-duong.jpg", "Người dân huyện Thọ Xuân tự tháo dỡ tường rào, hiến đất mở rộng đường làng"),
            "Từ đầu năm 2024 đến nay, hưởng ứng phong trào xây dựng nông thôn mới nâng cao, kiểu mẫu, hơn 3.200 hộ gia đình ở các huyện Thọ Xuân, Yên Định, Hoằng Hóa, Nga Sơn đã tự nguyện hiến trên 150.000 m2 đất, tháo dỡ hàng chục km tường rào, cổng ngõ để mở rộng đường giao thông. Đây là kết quả của quá trình vận động bền bỉ của cấp ủy, chính quyền và các đoàn thể.",
            "Kinh nghiệm ở huyện Yên Định cho thấy, trước khi triển khai, thôn tổ chức họp để bà con bàn bạc phương án, công khai bản đồ tuyến đường, mức đóng góp và cách hỗ trợ những hộ khó khăn. Cán bộ, đảng viên, người có uy tín trong dòng họ gương mẫu hiến đất trước, sau đó tổ công tác của thôn đến từng gia đình thuyết phục những hộ còn băn khoăn.",
            "Theo Ban Dân vận Tỉnh ủy Thanh Hóa, nhiều tuyến đường sau khi mở rộng đã có nền rộng từ 6 đến 9 m, có rãnh thoát nước và điện chiếu sáng, làm thay đổi diện mạo làng quê. Phong trào hiến đất làm đường cũng là một trong những mô hình “Dân vận khéo” tiêu biểu của tỉnh đang được nhân rộng trong năm nay.",
        ),
    ),
    Story(
        key=19292,
        title="Sơn La: Đẩy mạnh tiêu thụ xoài, nhãn vụ năm 2024",
        when="2024-06-25 11:00:00",
        source="baosonla.vn",
        about_danvan=False,
        body=(
            "Năm 2024, tổng sản lượng quả của tỉnh Sơn La ước đạt khoảng 560.000 tấn, trong đó xoài và nhãn chiếm tỷ trọng lớn, tập trung tại các huyện Mai Sơn, Yên Châu, Sông Mã và thành phố Sơn La. Vụ thu hoạch rộ kéo dài từ tháng 6 đến tháng 9, đặt ra yêu cầu phải có giải pháp tiêu thụ đồng bộ, tránh tình trạng được mùa mất giá.",
            "Tỉnh đã tổ chức hội nghị xúc tiến tiêu thụ nông sản, kết nối với các doanh nghiệp xuất khẩu sang thị trường Trung Quốc, Úc, Hàn Quốc. Hiện Sơn La có hàng trăm mã số vùng trồng được cấp cho xoài, nhãn; nhiều hợp tác xã đầu tư kho lạnh, dây chuyền sấy để kéo dài thời gian bảo quản và chế biến sâu.",
            "Bên cạnh kênh xuất khẩu, các sàn thương mại điện tử và phiên livestream bán hàng cũng giúp đưa quả tươi của Sơn La đến tay người tiêu dùng trong nước nhanh hơn. Ngành nông nghiệp khuyến cáo nhà vườn tuân thủ quy trình sản xuất an toàn, ghi chép nhật ký canh tác để bảo đảm truy xuất nguồn gốc.",
        ),
    ),
    Story(
        key=19311,
        title="Đắk Lắk: Phát huy vai trò chức sắc, chức việc tôn giáo trong khối đại đoàn kết",
        when="2024-07-09 08:30:00",
        source="baodaklak.vn",
        body=(
            Photo("dak-lak-chuc-sac-ton-giao.jpg", "Lãnh đạo Ban Dân vận Tỉnh ủy gặp mặt chức sắc, chức việc các tôn giáo trên địa bàn"),
            "Đắk Lắk hiện có hơn 800.000 tín đồ thuộc 8 tôn giáo được Nhà nước công nhận, trong đó nhiều tín đồ là đồng bào dân tộc thiểu số tại chỗ. Xác định công tác tôn giáo gắn chặt với công tác dân vận, thời gian qua Ban Dân vận Tỉnh ủy đã chủ trì, phối hợp với Sở Nội vụ, Mặt trận và các đoàn thể thường xuyên gặp gỡ, nắm bắt tâm tư của chức sắc, chức việc.",
            "Nhiều chức sắc đã trở thành cầu nối tin cậy giữa chính quyền với giáo dân, phật tử. Các chi hội Tin Lành ở huyện Krông Búk, Ea Súp vận động tín đồ không nghe theo kẻ xấu, không tham gia hoạt động truyền đạo trái phép; nhiều giáo xứ Công giáo ở thành phố Buôn Ma Thuột quyên góp xây nhà tình thương, trao học bổng cho học sinh nghèo.",
            "Ban Dân vận Tỉnh ủy đề nghị các cấp ủy tiếp tục quan tâm giải quyết kịp thời nhu cầu chính đáng về sinh hoạt tôn giáo, đất đai cơ sở thờ tự theo quy định; kiên quyết đấu tranh với các hành vi lợi dụng tôn giáo để chia rẽ khối đại đoàn kết toàn dân tộc, gây mất ổn định an ninh, trật tự ở cơ sở.",
        ),
    ),
    Story(
        key=19336,
        title="Hòa Bình: Chung tay xóa nhà tạm, nhà dột nát cho hộ nghèo",
        when="2024-07-24 15:35:00",
        author="Bích Ngọc",
        source="baohoabinh.com.vn",
        about_danvan=False,
        body=(
            "Thực hiện phong trào thi đua chung tay xóa nhà tạm, nhà dột nát trên phạm vi cả nước, tỉnh Hòa Bình đặt mục tiêu hỗ trợ gần 1.900 hộ nghèo, hộ cận nghèo xây mới và sửa chữa nhà ở trong năm 2024 và 2025. Mức hỗ trợ là 50 triệu đồng cho mỗi căn nhà xây mới và 30 triệu đồng cho mỗi căn sửa chữa.",
            "Ủy ban Mặt trận Tổ quốc tỉnh đã kêu gọi các doanh nghiệp, nhà hảo tâm ủng hộ Quỹ “Vì người nghèo” được hơn 20 tỷ đồng. Ở các huyện Đà Bắc, Mai Châu, Lạc Sơn, đoàn viên thanh niên, lực lượng dân quân và bà con làng xóm góp ngày công chuyển vật liệu, san nền, giúp các hộ khó khăn sớm khởi công.",
            "Nhiều gia đình người Mường, người Dao sau bao năm sống trong những căn nhà vách nứa, mái lá đã có nơi ở kiên cố trước mùa mưa bão. Tỉnh yêu cầu các địa phương rà soát đúng đối tượng, công khai danh sách hộ được hỗ trợ và giám sát chặt chẽ việc sử dụng kinh phí, bảo đảm chất lượng công trình.",
        ),
    ),
    Story(
        key=19364,
        title="Hậu Giang: Phụ nữ với phong trào thi đua “Dân vận khéo”",
        when="2024-08-08 10:50:00",
        source="baohaugiang.com.vn",
        body=(
            "Các cấp Hội Liên hiệp Phụ nữ tỉnh Hậu Giang hiện đang duy trì hơn 350 mô hình “Dân vận khéo”, tập trung vào hỗ trợ hội viên phát triển kinh tế, bảo vệ môi trường và chăm lo trẻ em có hoàn cảnh khó khăn. Nhiều mô hình đã được Ban Dân vận Tỉnh ủy công nhận và nhân rộng ra toàn tỉnh.",
            "Tiêu biểu là mô hình “Tổ tiết kiệm phụ nữ khởi nghiệp” ở huyện Phụng Hiệp, giúp hàng trăm chị em có vốn mở tiệm tạp hóa, nuôi lươn không bùn, làm bánh truyền thống. Tại thành phố Ngã Bảy, mô hình “Mẹ đỡ đầu” đã kết nối các mạnh thường quân nhận đỡ đầu 120 trẻ mồ côi, hỗ trợ chi phí học tập đến khi các em tròn 18 tuổi.",
            "Theo Chủ tịch Hội Liên hiệp Phụ nữ tỉnh, thành công của các mô hình là nhờ cán bộ hội gần gũi, hiểu hoàn cảnh từng hội viên và biết khơi dậy tinh thần tương trợ trong cộng đồng. Thời gian tới, Hội tiếp tục gắn phong trào “Dân vận khéo” với Cuộc vận động “Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh”, góp phần hoàn thành các chỉ tiêu an sinh xã hội của tỉnh.",
        ),
    ),
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
    page_sizes=(5, 5, 5, 5),
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
