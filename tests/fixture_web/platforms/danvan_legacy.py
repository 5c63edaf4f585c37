"""danvan.vn, Ban Dân vận Trung ương, old ASP.NET MVC layout ("danvan-legacy"), as seed page 002.

Kept from the seed: ``/Home/<section>/<category>/<Slug-With-Case>/<id>`` URLs, the header's
today widget ``span#lblToday`` "Thứ …, d/m/yyyy" (a 2024 date), NO publication date on article
pages, ``meta name=author`` holding the site's name, ``h1.detail-title``, body ``#divContent``
with photos as ``table.tplCaption`` and the caption in ``td.image-caption`` (``<em>&nbsp;…</em>``),
right-aligned byline ``<strong>`` and source line ``<em>(host)</em>`` paragraphs at the end,
"Các tin khác" with dates, listings ``div.news-item`` with ``h3.news-title a`` and
``span.news-date`` "dd/mm/yyyy", ``ul.pagination`` whose "»" item links the next page.
"""

from __future__ import annotations

from datetime import datetime

from ..model import DeadLink, Story, slugify
from .base import ArticleContext, Link, Platform, esc


class DanvanLegacy(Platform):
    name = "danvan-legacy"
    server = "Microsoft-IIS/8.5"
    redirect_style = "iis"

    @property
    def origin(self) -> str:
        return f"http://{self.s['host']}"

    @property
    def _section(self) -> str:
        return self.s["section_path"]

    def listing_url(self, page: int) -> str:
        base = f"{self.origin}{self._section}"
        return base if page == 1 else f"{base}?page={page}"

    def article_url(self, story: Story) -> str:
        slug = story.slug or slugify(story.title, keep_case=True)
        return f"{self.origin}{self._section}/{slug}/{story.key}"

    def dead_url(self, dead: DeadLink) -> str:
        slug = dead.slug or slugify(dead.title, keep_case=True)
        return f"{self.origin}{self._section}/{slug}/{dead.key}"

    def old_url(self, story: Story) -> str:
        # the title was edited after publication; MVC routes by id and 301s the old slug
        return f"{self.origin}{self._section}/{self.s['old_slug']}/{story.key}"

    def published(self, story: Story) -> str | None:
        return None

    def listing_date(self, moment: datetime) -> str:
        return moment.strftime("%Y-%m-%d")

    # -- page parts --------------------------------------------------------------------
    def _head(self, title: str, description: str) -> str:
        s = self.s
        menu = [
            ("/", "Trang chủ"),
            ("/Home/Gioi-thieu", "Giới thiệu"),
            ("/Home/Tin-hoat-dong", "Tin hoạt động"),
            ("/Home/Dan-van-chinh-quyen", "Dân vận chính quyền"),
            ("/Home/Dan-van-kheo", "Dân vận khéo"),
            ("/Home/Dan-toc-Ton-giao", "Dân tộc - Tôn giáo"),
            ("/Home/Nghien-cuu-Trao-doi", "Nghiên cứu - Trao đổi"),
            ("/Home/Van-ban", "Văn bản"),
        ]
        mobile = "".join(f'            <li><a href="{href}">{text}</a></li>\n' for href, text in menu)
        return f"""<!DOCTYPE html>
<html lang="vi">
<head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1.0" />
    <meta http-equiv="X-UA-Compatible" content="IE=edge" />
    <title>{esc(title)}</title>
    <meta name="description" content="{esc(description)}" />
    <meta name="keywords" content="dân vận, Ban Dân vận Trung ương, dân vận khéo, dân vận chính quyền, dân chủ ở cơ sở" />
    <meta name="author" content="{esc(s['site_name'])}" />
    <link rel="shortcut icon" href="/Content/images/favicon.ico" />
    <link href="/Content/css/bootstrap.min.css" rel="stylesheet" />
    <link href="/Content/css/font-awesome.min.css" rel="stylesheet" />
    <link href="/Content/css/site.css?v=1.0.9" rel="stylesheet" />
    <script src="/Scripts/modernizr-2.6.2.js"></script>
    <script src="/Scripts/jquery-1.10.2.min.js"></script>
    <script src="/Scripts/bootstrap.min.js"></script>
</head>
<body>
    <div class="top-bar">
        <div class="container">
            <div class="today"><i class="fa fa-calendar"></i> <span id="lblToday">{esc(s['today'])}</span></div>
            <div class="top-links">
                <a href="/">Trang chủ</a> | <a href="/Home/Lien-he">Liên hệ</a> | <a href="/Home/So-do-site">Sơ đồ site</a> | <a href="/rss">RSS</a>
            </div>
            <form class="top-search" action="/Home/Tim-kiem" method="get">
                <input type="text" name="keyword" placeholder="Nhập từ khóa..." />
                <button type="submit" class="btn-search"><i class="fa fa-search"></i></button>
            </form>
        </div>
    </div>
    <div class="header">
        <div class="container">
            <a href="/" class="logo"><img src="/Content/images/banner-bdvtw.jpg" alt="" class="img-responsive" /></a>
        </div>
    </div>
    <nav class="navbar main-menu">
        <div class="container">
            <button type="button" class="navbar-toggle" data-toggle="collapse" data-target="#mobileMenu"><span class="icon-bar"></span><span class="icon-bar"></span><span class="icon-bar"></span></button>
            <div class="collapse navbar-collapse">
                <ul class="nav navbar-nav">
                    <li><a href="/">Trang chủ</a></li>
                    <li><a href="/Home/Gioi-thieu">Giới thiệu</a></li>
                    <li class="dropdown active"><a href="/Home/Tin-hoat-dong" class="dropdown-toggle">Tin hoạt động</a>
                        <ul class="dropdown-menu">
                            <li><a href="/Home/Tin-hoat-dong/Hoat-dong-cua-Ban">Hoạt động của Ban</a></li>
                            <li class="active"><a href="{self._section}">{esc(s['section'])}</a></li>
                            <li><a href="/Home/Tin-hoat-dong/Mat-tran-va-cac-doan-the">Mặt trận và các đoàn thể</a></li>
                        </ul>
                    </li>
                    <li><a href="/Home/Dan-van-chinh-quyen">Dân vận chính quyền</a></li>
                    <li><a href="/Home/Dan-van-kheo">Dân vận khéo</a></li>
                    <li><a href="/Home/Dan-toc-Ton-giao">Dân tộc - Tôn giáo</a></li>
                    <li><a href="/Home/Nghien-cuu-Trao-doi">Nghiên cứu - Trao đổi</a></li>
                    <li><a href="/Home/Van-ban">Văn bản</a></li>
                </ul>
            </div>
        </div>
    </nav>
    <div id="mobileMenu" class="mobile-menu" style="display:none">
        <ul>
{mobile}        </ul>
    </div>
    <div class="container main-content">
        <div class="row">
            <div class="col-md-8 col-left">
"""

    def _breadcrumb(self, current_is_link: bool) -> str:
        section = esc(self.s["section"])
        last = f'<li class="active"><a href="{self._section}">{section}</a></li>' if current_is_link else f'<li class="active">{section}</li>'
        return (
            '                <ol class="breadcrumb">\n'
            '                    <li><a href="/">Trang chủ</a></li>\n'
            '                    <li><a href="/Home/Tin-hoat-dong">Tin hoạt động</a></li>\n'
            f"                    {last}\n"
            "                </ol>\n"
        )

    def _tail(self, modal: bool = False) -> str:
        most = "".join(
            f'                    <li><a href="{esc(self.href(link.url))}">{esc(link.title)}</a></li>\n'
            for link in self.newest[:5]
        )
        modal_html = (
            """    <div class="modal fade" id="modalSendFriend" tabindex="-1" role="dialog" style="display:none">
        <div class="modal-dialog"><div class="modal-content">
            <div class="modal-header"><button type="button" class="close" data-dismiss="modal">&times;</button><h4 class="modal-title">Gửi cho bạn bè</h4></div>
            <div class="modal-body">
                <label>Email người gửi</label><input type="text" id="txtEmailGui" class="form-control" />
                <label>Email người nhận</label><input type="text" id="txtEmailNhan" class="form-control" />
            </div>
            <div class="modal-footer"><button type="button" class="btn btn-primary" id="btnGuiBan">Gửi</button></div>
        </div></div>
    </div>
"""
            if modal
            else ""
        )
        return f"""            </div>
            <div class="col-md-4 col-right">
                <div class="box">
                    <div class="box-title"><span>Xem nhiều nhất</span></div>
                    <ul class="list-most-viewed">
{most}                    </ul>
                </div>
                <div class="box box-banner">
                    <a href="/Home/Dan-van-kheo"><img src="/Content/images/banner-dan-van-kheo.jpg" alt="" class="img-responsive" /></a>
                </div>
                <div class="box">
                    <div class="box-title"><span>Thống kê truy cập</span></div>
                    <p class="counter">Đang truy cập: 214</p>
                    <p class="counter">Lượt truy cập: 9.847.310</p>
                </div>
                <div class="box">
                    <div class="box-title"><span>Liên kết website</span></div>
                    <select class="form-control" onchange="if (this.value != '') window.open(this.value);">
                        <option value="">-- Chọn website --</option>
                        <option value="http://dangcongsan.vn">Báo điện tử Đảng Cộng sản Việt Nam</option>
                        <option value="http://mattran.org.vn">Ủy ban Trung ương MTTQ Việt Nam</option>
                        <option value="http://chinhphu.vn">Cổng Thông tin điện tử Chính phủ</option>
                    </select>
                </div>
            </div>
        </div>
    </div>
{modal_html}    <footer class="footer">
        <div class="container">
            <div class="footer-menu">
                <a href="/">Trang chủ</a> | <a href="/Home/Gioi-thieu">Giới thiệu</a> | <a href="/Home/Tin-hoat-dong">Tin hoạt động</a> | <a href="/Home/Van-ban">Văn bản</a> | <a href="/Home/Lien-he">Liên hệ</a>
            </div>
            <div class="footer-info">
                <p><strong>TRANG THÔNG TIN ĐIỆN TỬ {esc(self.s['site_name'].upper())}</strong></p>
                <p>Cơ quan chủ quản: {esc(self.s['site_name'])}</p>
                <p>Chịu trách nhiệm chính: {esc(self.s['editor'])}</p>
                <p>Giấy phép số {esc(self.s['licence'])}</p>
                <p>Bản quyền thuộc về {esc(self.s['site_name'])}. Ghi rõ nguồn "danvan.vn" khi phát hành lại thông tin từ website này.</p>
            </div>
        </div>
    </footer>
    <script>
        (function (i, s, o, g, r, a, m) {{
            i['GoogleAnalyticsObject'] = r; i[r] = i[r] || function () {{
                (i[r].q = i[r].q || []).push(arguments)
            }}, i[r].l = 1 * new Date(); a = s.createElement(o),
            m = s.getElementsByTagName(o)[0]; a.async = 1; a.src = g; m.parentNode.insertBefore(a, m)
        }})(window, document, 'script', '//www.google-analytics.com/analytics.js', 'ga');
        ga('create', 'UA-57338021-1', 'auto');
        ga('send', 'pageview');
    </script>
</body>
</html>
"""

    # -- pages -------------------------------------------------------------------------
    def render_listing(self, page: int, items: list[Link], n_pages: int) -> str:
        s = self.s
        out = [
            self._head(f"{s['section']} - {s['site_name']}", s["section"]),
            self._breadcrumb(False),
            '                <div class="list-news">\n',
            f'                    <h2 class="cat-title">{esc(s["section"])}</h2>\n',
        ]
        for item in items:
            href = esc(self.href(item.url))
            m = item.moment
            out.append(
                '                    <div class="news-item clearfix">\n'
                f'                        <a class="news-thumb" href="{href}"><img src="/Uploads/Images/{m.year}/{m.month}/thumb_{item.key}.jpg" alt="" /></a>\n'
                f'                        <h3 class="news-title"><a href="{href}">{esc(item.title)}</a></h3>\n'
                f'                        <span class="news-date">{m:%d/%m/%Y}</span>\n'
                f'                        <p class="news-sapo">{esc(item.summary)}</p>\n'
                "                    </div>\n"
            )
        out.append('                    <ul class="pagination">\n')
        if page > 1:
            out.append(f'                        <li><a href="{esc(self.href(self.listing_url(page - 1)))}">&laquo;</a></li>\n')
        for number in range(1, n_pages + 1):
            css = ' class="active"' if number == page else ""
            out.append(f'                        <li{css}><a href="{esc(self.href(self.listing_url(number)))}">{number}</a></li>\n')
        if page < n_pages:
            out.append(f'                        <li><a href="{esc(self.href(self.listing_url(page + 1)))}">&raquo;</a></li>\n')
        out.append("                    </ul>\n")
        out.append("                </div>\n")
        out.append(self._tail())
        return "".join(out)

    def render_article(self, story: Story, ctx: ArticleContext) -> str:
        m = story.moment
        body = []
        for block in story.body:
            if isinstance(block, str):
                body.append(f'<p style="text-align: justify;">{esc(block)}</p>\n')
            else:
                caption = (
                    "\t\t<tr>\n"
                    f'\t\t\t<td class="image-caption" style="text-align: center;"><em>&nbsp;{esc(block.caption)}</em></td>\n'
                    "\t\t</tr>\n"
                    if block.caption
                    else ""
                )
                body.append(
                    '<table class="tplCaption" align="center" border="0" cellpadding="0" cellspacing="0" style="width: 500px;">\n'
                    "\t<tbody>\n\t\t<tr>\n"
                    f'\t\t\t<td><img alt="" src="/Uploads/Images/{m.year}/{m.month}/{m.day}/{block.file}" style="width: 500px; height: 334px;" /></td>\n'
                    f"\t\t</tr>\n{caption}\t</tbody>\n</table>\n"
                )
        if story.author:
            body.append(f'<p style="text-align: right;"><strong>{esc(story.author)}</strong></p>\n')
        if story.source:
            body.append(f'<p style="text-align: right;"><em>({esc(story.source)})</em></p>\n')
        related = "".join(
            f'                            <li><a href="{esc(self.href(link.url))}">{esc(link.title)}</a> <span class="date">({link.moment:%d/%m/%Y})</span></li>\n'
            for link in ctx.related
        )
        return "".join(
            [
                self._head(story.title, story.title),
                self._breadcrumb(True),
                '                <div class="detail-news">\n',
                f'                    <h1 class="detail-title">{esc(story.title)}</h1>\n',
                '                    <div class="detail-content" id="divContent">\n',
                *body,
                "                    </div>\n",
                '                    <div class="detail-tools clearfix">\n',
                '                        <a href="javascript:void(0);" class="send-friend" data-toggle="modal" data-target="#modalSendFriend"><i class="fa fa-envelope-o"></i> Gửi cho bạn bè</a>\n',
                '                        <a href="javascript:window.print();" class="print" title="In trang"><i class="fa fa-print"></i></a>\n',
                '                        <a href="javascript:history.back();" class="back" title="Trở về"><i class="fa fa-reply"></i></a>\n',
                f'                        <div class="fb-like" data-href="{esc(ctx.url)}" data-layout="button_count" data-action="like" data-show-faces="false" data-share="true"></div>\n',
                "                    </div>\n",
                '                    <div class="feedback-box">\n',
                '                        <div class="feedback-title">Phản hồi</div>\n',
                '                        <div class="feedback-form">\n',
                '                            <div class="feedback-subtitle">Thông tin người gửi phản hồi</div>\n',
                '                            <div class="form-group"><label for="txtHoTen">Họ và tên <span class="required">*</span></label><input type="text" id="txtHoTen" name="HoTen" class="form-control" /></div>\n',
                '                            <div class="form-group"><label for="txtEmail">Email <span class="required">*</span></label><input type="text" id="txtEmail" name="Email" class="form-control" /></div>\n',
                '                            <div class="form-group"><label for="txtNoiDung">Nội dung phản hồi <span class="required">*</span></label><textarea id="txtNoiDung" name="NoiDung" rows="5" class="form-control"></textarea></div>\n',
                '                            <button type="button" class="btn btn-primary" id="btnGuiPhanHoi">Gửi phản hồi</button>\n',
                "                        </div>\n",
                "                    </div>\n",
                '                    <div class="other-news">\n',
                '                        <div class="other-news-title">Các tin khác</div>\n',
                "                        <ul>\n",
                related,
                "                        </ul>\n",
                "                    </div>\n",
                "                </div>\n",
                self._tail(modal=True),
            ]
        )

    def render_not_found(self, url: str) -> str:
        return "".join(
            [
                self._head(f"Không tìm thấy trang - {self.s['site_name']}", "Không tìm thấy trang"),
                self._breadcrumb(True),
                '                <div class="error-page">\n',
                '                    <h1 class="detail-title">404 - Không tìm thấy trang</h1>\n',
                '                    <p>Trang bạn tìm kiếm không tồn tại hoặc đã được chuyển sang địa chỉ khác.</p>\n',
                '                    <p><a href="/">Quay về trang chủ</a></p>\n',
                "                </div>\n",
                self._tail(),
            ]
        )

    def robots_txt(self) -> str:
        return "User-agent: *\nDisallow: /Admin/\nDisallow: /Account/\nDisallow: /Captcha/\n"
