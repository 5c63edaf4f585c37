"""Ban Dân vận Tỉnh ủy Quảng Ninh (SharePoint sub-site), autumn 2019: giao ban, the 89th/20th
anniversaries, "Dân vận khéo" honours, the ethnic minorities congress, a QCDC inspection, plans
for 2020; plus storm preparation, African swine fever, an OCOP fair."""

from ..model import DeadLink, Photo, SiteSpec, Story

STORIES = (
    Story(
        key=2268,
        title="Quảng Ninh chủ động các phương án phòng, chống thiên tai mùa mưa bão năm 2019",
        when="2019-09-10 09:25:00",
        author="Phạm Hòa",
        author_org="Trung tâm Truyền thông tỉnh",
        about_danvan=False,
        body=(
            "Trước dự báo mùa mưa bão năm 2019 có diễn biến phức tạp, Ban Chỉ huy Phòng, chống thiên tai và Tìm kiếm cứu nạn tỉnh Quảng Ninh đã yêu cầu các địa phương rà soát, cập nhật phương án ứng phó theo phương châm “bốn tại chỗ”. Trọng tâm là bảo đảm an toàn cho người dân ở vùng ven biển, hải đảo và các khu vực có nguy cơ sạt lở.",
            Photo("anh1.jpg"),
            "Các huyện Tiên Yên, Đầm Hà, Hải Hà đã kiểm tra hệ thống đê điều, hồ đập, chuẩn bị sẵn sàng vật tư, phương tiện cứu hộ. Lực lượng biên phòng thường xuyên thông báo tình hình thời tiết, hướng dẫn tàu thuyền neo đậu tránh trú an toàn, không để người ở lại trên lồng bè, chòi canh khi có bão.",
            "Tỉnh cũng chỉ đạo tăng cường tuyên truyền kiến thức phòng, chống thiên tai trên các phương tiện thông tin đại chúng và hệ thống truyền thanh cơ sở, giúp người dân chủ động chằng chống nhà cửa, thu hoạch sớm nuôi trồng thủy sản trước mùa mưa bão.",
        ),
    ),
    Story(
        key=2274,
        title="Quảng Ninh ra quân cao điểm phòng, chống bệnh dịch tả lợn châu Phi",
        when="2019-09-17 14:40:00",
        author="Thu Trang",
        author_org="Báo Quảng Ninh",
        about_danvan=False,
        body=(
            "Từ đầu năm 2019 đến nay, bệnh dịch tả lợn châu Phi đã xuất hiện tại nhiều xã, phường của tỉnh Quảng Ninh, buộc phải tiêu hủy hàng chục nghìn con lợn. Để ngăn chặn dịch lây lan, UBND tỉnh đã phát động đợt ra quân cao điểm vệ sinh, tiêu độc khử trùng môi trường chăn nuôi trên toàn tỉnh.",
            "Các địa phương thành lập chốt kiểm dịch tạm thời tại những tuyến đường chính, kiểm soát chặt chẽ việc vận chuyển lợn và sản phẩm từ lợn. Lực lượng thú y phối hợp với chính quyền cơ sở phun hóa chất khử trùng tại các hộ chăn nuôi, chợ đầu mối và điểm giết mổ.",
            "Ngành nông nghiệp khuyến cáo người chăn nuôi thực hiện nghiêm các biện pháp an toàn sinh học, không giấu dịch, không bán chạy lợn bệnh, không vứt xác lợn chết ra môi trường. Các hộ có lợn bị tiêu hủy sẽ được hỗ trợ kinh phí theo quy định.",
        ),
    ),
    Story(
        key=2281,
        title="Giao ban công tác dân vận 9 tháng đầu năm 2019",
        when="2019-10-03 10:15:00",
        author="Nguyễn Thanh Hải",
        author_org="Ban Dân vận Tỉnh ủy",
        body=(
            "Ngày 2/10/2019, Ban Dân vận Tỉnh ủy Quảng Ninh tổ chức hội nghị giao ban công tác dân vận 9 tháng đầu năm, triển khai nhiệm vụ trọng tâm 3 tháng cuối năm 2019. Hội nghị được tổ chức theo hình thức trực tuyến đến điểm cầu của 14 huyện, thị xã, thành phố.",
            Photo("anh1.jpg", "Hội nghị giao ban trực tuyến tại điểm cầu Ban Dân vận Tỉnh ủy"),
            "Trong 9 tháng, hệ thống dân vận các cấp đã tập trung tham mưu thực hiện “Năm dân vận chính quyền” 2019 theo Kế hoạch số 90/KH-UBND của UBND tỉnh. Nhiều sở, ngành, địa phương đã chấn chỉnh tác phong, lề lối làm việc của cán bộ, công chức; rút ngắn thời gian giải quyết thủ tục hành chính, được người dân và doanh nghiệp đánh giá cao.",
            "Công tác nắm tình hình Nhân dân được duy trì thường xuyên, nhất là ở những địa bàn có dự án lớn phải thu hồi đất. Ban Dân vận các địa phương đã chủ động phối hợp với chính quyền đối thoại, vận động người dân đồng thuận bàn giao mặt bằng cho các công trình giao thông trọng điểm của tỉnh.",
            "Trong quý IV, Ban Dân vận Tỉnh ủy đề nghị các địa phương tổ chức tốt các hoạt động kỷ niệm Ngày truyền thống công tác dân vận của Đảng, chuẩn bị tổng kết “Năm dân vận chính quyền” và đẩy mạnh phong trào thi đua “Dân vận khéo” ở cơ sở.",
        ),
    ),
    Story(
        key=2290,
        title="Kỷ niệm 89 năm Ngày truyền thống công tác dân vận của Đảng và 20 năm Ngày “Dân vận” của cả nước",
        when="2019-10-14 16:30:00",
        author="Trần Minh",
        author_org="Ban Dân vận Tỉnh ủy",
        body=(
            "Ngày 14/10/2019, Tỉnh ủy Quảng Ninh tổ chức gặp mặt kỷ niệm 89 năm Ngày truyền thống công tác dân vận của Đảng (15/10/1930 - 15/10/2019) và 20 năm Ngày “Dân vận” của cả nước (15/10/1999 - 15/10/2019). Tham dự có các đồng chí nguyên lãnh đạo Ban Dân vận Tỉnh ủy qua các thời kỳ cùng đại diện Khối Dân vận các địa phương.",
            Photo("anh1.jpg", "Lãnh đạo tỉnh tặng hoa chúc mừng cán bộ làm công tác dân vận qua các thời kỳ"),
            "Phát biểu tại buổi gặp mặt, đồng chí Phó Bí thư Thường trực Tỉnh ủy ghi nhận những đóng góp to lớn của đội ngũ cán bộ làm công tác dân vận trong sự nghiệp xây dựng và phát triển tỉnh. Nhờ làm tốt công tác dân vận, nhiều chủ trương lớn của tỉnh như giải phóng mặt bằng các dự án giao thông, sắp xếp dân cư vùng ven biển đã nhận được sự đồng thuận cao của Nhân dân.",
            "Đồng chí đề nghị các cấp ủy, chính quyền tiếp tục quán triệt sâu sắc quan điểm “dân là gốc”, thực hiện nghiêm phương châm “dân biết, dân bàn, dân làm, dân kiểm tra”, thường xuyên lắng nghe ý kiến của Nhân dân, giải quyết kịp thời những vấn đề bức xúc ngay từ cơ sở.",
        ),
    ),
    Story(
        key=2297,
        title="Tôn vinh 60 điển hình “Dân vận khéo” tiêu biểu giai đoạn 2017 - 2019",
        when="2019-10-25 08:50:00",
        author="Phạm Thu Hà",
        author_org="Ban Dân vận Tỉnh ủy",
        body=(
            "Sáng ngày 24/10, UBND tỉnh Quảng Ninh phối hợp với Ban Dân vận Tỉnh ủy tổ chức hội nghị tôn vinh các điển hình “Dân vận khéo” tiêu biểu giai đoạn 2017 - 2019. Đây là dịp để nhìn lại kết quả phong trào thi đua và biểu dương những tập thể, cá nhân có cách làm sáng tạo trong vận động Nhân dân.",
            "Thực hiện Quyết định số 17/2018/QĐ-UBND của UBND tỉnh về phong trào thi đua “Dân vận khéo”, các cấp, ngành đã đăng ký xây dựng hơn 1.500 mô hình trên các lĩnh vực. Nhiều mô hình đã mang lại hiệu quả rõ nét như vận động hiến đất làm đường ở huyện Bình Liêu, xây dựng khu dân cư không rác thải nhựa ở thành phố Hạ Long.",
            Photo("anh2.jpg", "Các điển hình “Dân vận khéo” nhận Bằng khen của UBND tỉnh"),
            "Tại hội nghị, 20 tập thể và 40 cá nhân tiêu biểu đã được UBND tỉnh tặng Bằng khen. Trong số các cá nhân được tôn vinh có nhiều trưởng thôn, bí thư chi bộ, người có uy tín trong đồng bào dân tộc thiểu số ở các huyện miền núi, biên giới.",
        ),
    ),
    Story(
        key=2305,
        title="Đại hội đại biểu các dân tộc thiểu số tỉnh Quảng Ninh lần thứ III",
        when="2019-11-08 15:00:00",
        author="Vũ Đức",
        author_org="Ban Dân vận Tỉnh ủy",
        body=(
            "Trong hai ngày 7 và 8/11/2019, tỉnh Quảng Ninh tổ chức Đại hội đại biểu các dân tộc thiểu số lần thứ III với sự tham dự của 300 đại biểu đại diện cho hơn 150.000 đồng bào các dân tộc thiểu số trong tỉnh. Đại hội là ngày hội lớn thể hiện tinh thần đoàn kết các dân tộc anh em trên địa bàn.",
            "Giai đoạn 2014 - 2019, diện mạo vùng đồng bào dân tộc thiểu số của tỉnh có nhiều khởi sắc. Hạ tầng giao thông, điện, trường học, trạm y tế được đầu tư đồng bộ; tỷ lệ hộ nghèo vùng đồng bào giảm nhanh; bản sắc văn hóa các dân tộc Dao, Tày, Sán Chỉ, Sán Dìu được bảo tồn và phát huy.",
            Photo("anh1.jpg", "Đại biểu các dân tộc thiểu số dự Đại hội"),
            "Đại hội đề ra mục tiêu đến năm 2024 không còn hộ nghèo theo chuẩn của tỉnh ở vùng đồng bào dân tộc thiểu số, đồng thời đề nghị các cấp tiếp tục phát huy vai trò của người có uy tín, già làng, trưởng bản trong vận động đồng bào giữ gìn an ninh biên giới.",
        ),
    ),
    Story(
        key=2311,
        title="Giám sát việc thực hiện Quy chế dân chủ ở cơ sở tại huyện Đầm Hà",
        when="2019-11-20 09:35:00",
        author="Lê Văn Hùng",
        author_org="Ban Dân vận Huyện ủy Đầm Hà",
        body=(
            "Thực hiện chương trình kiểm tra, giám sát năm 2019, ngày 19/11, đoàn giám sát của Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở tỉnh đã làm việc với Huyện ủy Đầm Hà về việc thực hiện dân chủ ở xã và dân chủ tại nơi làm việc. Đoàn đã kiểm tra thực tế tại xã Quảng Tân và một số doanh nghiệp trên địa bàn.",
            "Qua giám sát cho thấy, huyện đã thực hiện tốt việc công khai các nội dung Nhân dân được biết, được bàn và quyết định. Các doanh nghiệp cơ bản tổ chức hội nghị người lao động và đối thoại định kỳ theo Nghị định số 149/2018/NĐ-CP của Chính phủ, góp phần xây dựng quan hệ lao động hài hòa, ổn định.",
            "Đoàn giám sát đề nghị huyện khắc phục tình trạng một số thôn chưa thường xuyên tổ chức họp dân, hoạt động của Ban Thanh tra nhân dân ở vài nơi còn mờ nhạt; tăng cường kiểm tra việc thực hiện quy chế dân chủ tại các doanh nghiệp ngoài nhà nước.",
        ),
    ),
    Story(
        key=2318,
        title="Hội chợ OCOP Quảng Ninh 2019 thu hút hàng nghìn lượt khách",
        when="2019-11-29 14:20:00",
        author="Thu Trang",
        author_org="Báo Quảng Ninh",
        about_danvan=False,
        body=(
            "Hội chợ OCOP Quảng Ninh năm 2019 diễn ra tại Cung Quy hoạch, Hội chợ và Triển lãm tỉnh với gần 200 gian hàng của các hợp tác xã, doanh nghiệp trong và ngoài tỉnh. Trong 5 ngày, hội chợ đã đón hàng nghìn lượt khách tham quan, mua sắm.",
            Photo("anh1.jpg", "Khách tham quan gian hàng sản phẩm OCOP của huyện Bình Liêu"),
            "Nhiều sản phẩm đặc trưng của địa phương như chả mực Hạ Long, ba kích Ba Chẽ, miến dong Bình Liêu, trà hoa vàng được người tiêu dùng ưa chuộng. Doanh thu bán hàng và ký kết hợp đồng tiêu thụ tại hội chợ ước đạt hơn 20 tỷ đồng, cao hơn so với năm trước.",
            "Theo Ban tổ chức, hội chợ là dịp để các chủ thể OCOP quảng bá sản phẩm, tìm kiếm đối tác và mở rộng thị trường. Tỉnh sẽ tiếp tục hỗ trợ các hợp tác xã nâng cao chất lượng, thiết kế bao bì, nhãn mác để sản phẩm đủ điều kiện vào hệ thống siêu thị.",
        ),
    ),
    Story(
        key=2326,
        title="Ban Dân vận Tỉnh ủy Quảng Ninh triển khai nhiệm vụ công tác dân vận năm 2020",
        when="2019-12-18 10:40:00",
        author="Nguyễn Thanh Hải",
        author_org="Ban Dân vận Tỉnh ủy",
        body=(
            "Ngày 17/12/2019, Ban Dân vận Tỉnh ủy tổ chức hội nghị tổng kết công tác dân vận năm 2019 và triển khai nhiệm vụ năm 2020. Năm 2019, công tác dân vận của hệ thống chính trị tỉnh tiếp tục có nhiều đổi mới, bám sát nhiệm vụ chính trị và đời sống của Nhân dân.",
            "Việc thực hiện Quyết định số 290-QĐ/TW của Bộ Chính trị ban hành Quy chế công tác dân vận của hệ thống chính trị được các cấp ủy quan tâm chỉ đạo. Công tác dân vận chính quyền có chuyển biến rõ nét; chỉ số hài lòng của người dân đối với sự phục vụ của cơ quan hành chính nhà nước tiếp tục tăng.",
            "Năm 2020, Ban Dân vận Tỉnh ủy xác định tập trung tham mưu cho Tỉnh ủy lãnh đạo công tác dân vận phục vụ đại hội đảng bộ các cấp, tiến tới Đại hội đại biểu toàn quốc lần thứ XIII của Đảng; tiếp tục thực hiện hiệu quả Quy chế dân chủ ở cơ sở và phong trào thi đua “Dân vận khéo”.",
            "Nhân dịp này, Ban Dân vận Tỉnh ủy đã trao Bằng khen của UBND tỉnh cho các tập thể, cá nhân có thành tích xuất sắc trong thực hiện “Năm dân vận chính quyền” 2019 và tặng giấy khen cho các đơn vị hoàn thành tốt nhiệm vụ công tác dân vận năm 2019.",
        ),
    ),
)

SITE = SiteSpec(
    site_id="quangninh-bdv",
    platform="sharepoint-qn",
    stories=STORIES,
    dead=DeadLink(
        key=2285,
        title="Khối Dân vận thành phố Uông Bí ký kết chương trình phối hợp",
        when="2019-10-08 15:30:00",
        summary="Chương trình tập trung vào công tác nắm tình hình Nhân dân và vận động người dân tham gia bảo vệ môi trường.",
    ),
    moved=2290,
    page_sizes=(4, 4, 2),
    settings={
        "host": "www.quangninh.gov.vn",
        "web": "/bannganh/BanDanVan",
        "cat": 3,
        "section": "Tin tức - Sự kiện",
        "site_name": "Ban Dân vận Tỉnh ủy",
        "fetched": ("20 Nov 2024 03:15:42 -0000", "2024-11-20T03:15:42.1234567Z"),
        "owner": "Ban Dân vận Tỉnh ủy Quảng Ninh",
        "editor": "Trưởng Ban Dân vận Tỉnh ủy Quảng Ninh",
        "licence": "28/GP-TTĐT ngày 03/7/2013 của Cục Quản lý phát thanh, truyền hình và thông tin điện tử",
    },
)
