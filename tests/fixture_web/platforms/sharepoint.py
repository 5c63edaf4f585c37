"""SharePoint 2013 sub-site of the Quảng Ninh portal ("sharepoint-qn"), as seed page 003.

Kept from the seed: ``<title>`` "Chi tiết tin tức" (the title is only in ``h1.tieude-chitiet``),
``div.ngay-chitiet`` "dd/mm/yyyy HH:MM" standing alone under the title, body
``div.noidung-chitiet`` with ``<p>&nbsp;</p>`` spacers and ``figure > figcaption > em`` captions,
the byline "Name, Unit" as the last right-aligned ``<strong>`` paragraph, "Các tin đã đưa" and the
"Tin Nóng" / "Tin tiêu điểm" tabs with dates, the fetch time in ``__REQUESTDIGEST`` and in
``clientServerTimeDelta``, a canonical link with ``:443``; listings ``div.item-tintuc`` with
``h3.tieude a`` and ``span.ngay`` "dd/mm/yyyy HH:MM", relative paging links
``tin-tuc-su-kien.aspx?Cat=3&Page=N`` ("Sau »" is the next page).
"""

from __future__ import annotations

from ..model import DeadLink, Story, filler
from .base import ArticleContext, Link, Platform, esc


class SharePointQN(Platform):
    name = "sharepoint-qn"
    server = "Microsoft-IIS/8.5"
    redirect_style = "iis"

    @property
    def origin(self) -> str:
        return f"https://{self.s['host']}"

    @property
    def _web(self) -> str:
        return self.s["web"]  # e.g. /bannganh/BanDanVan

    def listing_url(self, page: int) -> str:
        base = f"{self.origin}{self._web}/Trang/tin-tuc-su-kien.aspx?Cat={self.s['cat']}"
        return base if page == 1 else f"{base}&Page={page}"

    def article_url(self, story: Story) -> str:
        return f"{self.origin}{self._web}/Trang/ChiTietTinTuc.aspx?nid={story.key}"

    def dead_url(self, dead: DeadLink) -> str:
        return f"{self.origin}{self._web}/Trang/ChiTietTinTuc.aspx?nid={dead.key}"

    def old_url(self, story: Story) -> str:
        # an item imported from the old portal still links over http; IIS answers 301 to https
        return self.article_url(story).replace("https://", "http://", 1)

    def _paging_href(self, page: int) -> str:
        return self.listing_url(page).rsplit("/", 1)[1]

    # -- page parts --------------------------------------------------------------------
    def _head(self, page_title: str, path: str, item_id: int) -> str:
        s = self.s
        fetched = s["fetched"]  # (digest form, ISO form) of the server's clock at fetch time
        web_js = self._web.replace("/", "\\u002f")
        path_js = path.split("?")[0].replace("/", "\\u002f")
        action = path.rsplit("/", 1)[1]
        digest = filler("digest" + path, 128).encode().hex().upper()[:128]
        return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html dir="ltr" lang="vi-VN">
<head><meta name="GENERATOR" content="Microsoft SharePoint" /><meta http-equiv="Content-type" content="text/html; charset=utf-8" /><meta http-equiv="X-UA-Compatible" content="IE=10" /><meta http-equiv="Expires" content="0" /><meta name="viewport" content="width=device-width, initial-scale=1.0" /><title>
	{esc(page_title)}
</title><link rel="stylesheet" type="text/css" href="/_layouts/15/1066/styles/Themable/corev15.css?rev=qznK7I3nv1g7qbXLzjMakw%3D%3DTAG0"/>
<link rel="stylesheet" type="text/css" href="/Style%20Library/QNP/css/bootstrap.min.css"/>
<link rel="stylesheet" type="text/css" href="{self._web}/Style%20Library/QNP/css/style-bannganh.css?v=1.3"/>
<script type="text/javascript" src="/_layouts/15/init.js?rev=XgmxH0ExeJ6nz1gbTtQsQg%3D%3DTAG0"></script>
<script type="text/javascript">RegisterSod("core.js", "\\u002f_layouts\\u002f15\\u002fcore.js?rev=GpU7vxyOqzS0F9OfEX3CCw\\u00253D\\u00253DTAG0");</script>
<link rel="canonical" href="https://{s['host']}:443{esc(path)}" />
<link rel="shortcut icon" href="/Style%20Library/QNP/images/favicon.ico" type="image/vnd.microsoft.icon" id="favicon" />
<script type="text/javascript" src="/Style%20Library/QNP/js/jquery-1.11.3.min.js"></script>
<script type="text/javascript" src="/Style%20Library/QNP/js/bootstrap.min.js"></script>
</head>
<body>
<form method="post" action="./{esc(action)}" onsubmit="javascript:return WebForm_OnSubmit();" id="aspnetForm">
<div class="aspNetHidden">
<input type="hidden" name="MSOWebPartPage_PostbackSource" id="MSOWebPartPage_PostbackSource" value="" />
<input type="hidden" name="MSOTlPn_View" id="MSOTlPn_View" value="0" />
<input type="hidden" name="__EVENTTARGET" id="__EVENTTARGET" value="" />
<input type="hidden" name="__EVENTARGUMENT" id="__EVENTARGUMENT" value="" />
<input type="hidden" name="__REQUESTDIGEST" id="__REQUESTDIGEST" value="0x{digest},{fetched[0]}" />
<input type="hidden" name="MSOSPWebPartManager_DisplayModeName" id="MSOSPWebPartManager_DisplayModeName" value="Browse" />
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUBMA{filler(path, 2400)}" />
</div>

<script type="text/javascript">
//<![CDATA[
var MSOWebPartPageFormName = 'aspnetForm';
var g_wsaLCID = 1066;
var _fV4UI=true;var _spPageContextInfo = {{webServerRelativeUrl: "{web_js}", webAbsoluteUrl: "https:\\u002f\\u002f{s['host']}{web_js}", siteAbsoluteUrl: "https:\\u002f\\u002f{s['host']}", serverRequestPath: "{path_js}", layoutsUrl: "_layouts\\u002f15", webTitle: "{esc(s['site_name'])}", webTemplate: "39", webLanguage: 1066, currentLanguage: 1066, currentUICultureName: "vi-VN", currentCultureName: "vi-VN", clientServerTimeDelta: new Date("{fetched[1]}") - new Date(), siteClientTag: "1161$$15.0.4797.1000", webUIVersion:15, pageListId:"{{5a7bc59e-2f6a-4b1e-9a3c-9e0f8e7d2c41}}",pageItemId:{item_id}, siteServerRelativeUrl: "\\u002f"}};
var L_Menu_BaseUrl="{self._web}";
var L_Menu_LCID="1066";
function WebForm_OnSubmit() {{
UpdateFormDigest('{web_js}', 1440000);return true;
}}
//]]>
</script>

<div id="s4-workspace">
<div id="s4-bodyContainer">
<div class="container-fluid wrapper">
	<div class="header-bannganh">
		<a href="{self._web}/Trang/Default.aspx"><img src="{self._web}/Style%20Library/QNP/images/banner-bdv.png" alt="" class="img-responsive" /></a>
	</div>
	<nav class="navbar navbar-default menu-bannganh">
		<div class="navbar-header"><button type="button" class="navbar-toggle collapsed" data-toggle="collapse" data-target="#navbar"><span class="icon-bar"></span><span class="icon-bar"></span><span class="icon-bar"></span></button></div>
		<div id="navbar" class="navbar-collapse collapse">
			<ul class="nav navbar-nav">
				<li><a href="{self._web}/Trang/Default.aspx">Trang chủ</a></li>
				<li class="dropdown"><a href="#" class="dropdown-toggle" data-toggle="dropdown">Giới thiệu</a>
					<ul class="dropdown-menu">
						<li><a target="_self" href="{self._web}/Trang/ChiTietBVGioiThieu.aspx?bvid=9" title="Chức năng, nhiệm vụ">Chức năng, nhiệm vụ</a></li>
						<li><a target="_self" href="{self._web}/Trang/ChiTietBVGioiThieu.aspx?bvid=10" title="Cơ cấu tổ chức">Cơ cấu tổ chức</a></li>
					</ul>
				</li>
				<li><a href="{self._web}/Trang/tin-tuc-su-kien.aspx?Cat={s['cat']}">{esc(s['section'])}</a></li>
				<li><a href="{self._web}/Trang/tin-tuc-su-kien.aspx?Cat=5">Dân vận chính quyền</a></li>
				<li><a href="{self._web}/Trang/tin-tuc-su-kien.aspx?Cat=6">Dân vận khéo</a></li>
				<li><a href="{self._web}/Trang/tin-tuc-su-kien.aspx?Cat=8">Quy chế dân chủ ở cơ sở</a></li>
				<li><a href="{self._web}/Trang/VanBan.aspx">Văn bản</a></li>
			</ul>
		</div>
	</nav>
"""

    def _breadcrumb(self, current_is_link: bool) -> str:
        section = esc(self.s["section"])
        last = (
            f'<a href="{self._web}/Trang/tin-tuc-su-kien.aspx?Cat={self.s["cat"]}">{section}</a>'
            if current_is_link
            else f"<span>{section}</span>"
        )
        return (
            '\t<div class="breadcrumb-bannganh">\n'
            f'\t\t<a href="{self._web}/Trang/Default.aspx">Trang chủ</a> <span>&gt;</span> {last}\n'
            "\t</div>\n"
            '\t<div class="row main-bannganh">\n'
            '\t\t<div class="col-md-8 col-main">\n'
            '\t\t\t<div class="ms-webpart-zone ms-fullWidth">\n'
            '\t\t\t<div id="MSOZoneCell_WebPartWPQ2" class="s4-wpcell-plain ms-webpartzone-cell ms-webpart-cell-vertical ms-fullWidth">\n'
        )

    def _tail(self) -> str:
        s = self.s
        hot = self.newest[:3]
        focus = self.newest[3:6]

        def tab(links: list[Link]) -> str:
            return "".join(
                f'\t\t\t\t\t\t<li><a href="{esc(self.href(link.url))}">{esc(link.title)}</a> <span class="date">({link.moment:%d/%m/%Y})</span></li>\n'
                for link in links
            )

        return f"""			</div>
			</div>
		</div>
		<div class="col-md-4 col-right">
			<div class="box-timkiem">
				<div class="box-title">Tìm kiếm theo chuyên mục - nội dung - ngày tháng</div>
				<div class="box-content">
					<select name="ctl00$ctl38$g_8f1e3c2a$ddlChuyenMuc" class="form-control"><option value="0">-- Chọn chuyên mục --</option><option value="{s['cat']}">{esc(s['section'])}</option><option value="6">Dân vận khéo</option></select>
					<input name="ctl00$ctl38$g_8f1e3c2a$txtNoiDung" type="text" class="form-control" placeholder="Nội dung tìm kiếm" />
					<input type="submit" name="ctl00$ctl38$g_8f1e3c2a$btnTimKiem" value="Tìm" class="btn btn-primary" />
				</div>
			</div>
			<div class="box-tabs">
				<ul class="nav nav-tabs">
					<li class="active"><a href="#tabTinNong" data-toggle="tab">Tin Nóng</a></li>
					<li><a href="#tabTieuDiem" data-toggle="tab">Tin tiêu điểm</a></li>
				</ul>
				<div class="tab-content">
					<ul class="tab-pane active" id="tabTinNong">
{tab(hot)}					</ul>
					<ul class="tab-pane" id="tabTieuDiem">
{tab(focus)}					</ul>
				</div>
			</div>
			<div class="box-lichcongtac">
				<div class="box-title-img"><img src="{self._web}/Style%20Library/QNP/images/lich-cong-tac.png" alt="" /></div>
				<div class="box-content"><span class="empty">Lịch công tác trống</span></div>
			</div>
			<div class="box-thongke">
				<div class="box-title">Thống kê truy cập</div>
				<div class="box-content">
					<p>Đang truy cập: 23</p>
					<p>Đã truy cập: 51203377.</p>
				</div>
			</div>
		</div>
	</div>
	<div class="footer-bannganh">
		<p><strong>{esc(s['site_name'].upper())} QUẢNG NINH</strong></p>
		<p>Cơ quan chủ quản: {esc(s['owner'])}</p>
		<p>Chịu trách nhiệm chính: {esc(s['editor'])}</p>
		<p>Giấy phép số {esc(s['licence'])}</p>
		<p>Bản quyền thuộc Cổng thông tin điện tử tỉnh Quảng Ninh. Ghi rõ nguồn khi phát hành lại thông tin từ website này.</p>
	</div>
</div>
</div>
</div>

<script type="text/javascript">
//<![CDATA[
var _spFormDigestRefreshInterval = 1440000;
var g_clientIdDeltaPlaceHolderMain = "DeltaPlaceHolderMain";
WebForm_InitCallback();
//]]>
</script>
</form>
<script type="text/javascript">
	(function(i,s,o,g,r,a,m){{i['GoogleAnalyticsObject']=r;i[r]=i[r]||function(){{
	(i[r].q=i[r].q||[]).push(arguments)}},i[r].l=1*new Date();a=s.createElement(o),
	m=s.getElementsByTagName(o)[0];a.async=1;a.src=g;m.parentNode.insertBefore(a,m)
	}})(window,document,'script','https://www.google-analytics.com/analytics.js','ga');
	ga('create', 'UA-46734012-1', 'auto');
	ga('send', 'pageview');
</script>
</body>
</html>
"""

    def _webpart(self, part_id: str) -> str:
        return (
            '\t\t\t<div class="ms-webpart-chrome ms-webpart-chrome-vertical ms-webpart-chrome-fullWidth">\n'
            f'\t\t\t<div WebPartID="{part_id}" HasPers="false" id="WebPartWPQ2" width="100%" class="ms-WPBody" allowDelete="false" style="">\n'
        )

    # -- pages -------------------------------------------------------------------------
    def render_listing(self, page: int, items: list[Link], n_pages: int) -> str:
        s = self.s
        path = self.listing_url(page)[len(self.origin) :]
        out = [
            self._head(s["section"], path, 3),
            self._breadcrumb(False),
            self._webpart("3e8a9b1c-2d4f-4a6b-9c8d-7e6f5a4b3c2d"),
            '\t\t\t\t<div class="danhsach-tintuc">\n',
            f'\t\t\t\t\t<h2 class="title-chuyenmuc">{esc(s["section"])}</h2>\n',
        ]
        for item in items:
            href = esc(self.href(item.url))
            out.append(
                '\t\t\t\t\t<div class="item-tintuc clearfix">\n'
                f'\t\t\t\t\t\t<a class="img" href="{href}"><img src="{self._web}/Lists/TinTuc/Attachments/{item.key}/thumb.jpg" alt="" /></a>\n'
                f'\t\t\t\t\t\t<h3 class="tieude"><a href="{href}">{esc(item.title)}</a></h3>\n'
                f'\t\t\t\t\t\t<span class="ngay">{item.moment:%d/%m/%Y %H:%M}</span>\n'
                f'\t\t\t\t\t\t<p class="tomtat">{esc(item.summary)}</p>\n'
                "\t\t\t\t\t</div>\n"
            )
        out.append('\t\t\t\t\t<div class="paging">\n')
        if page > 1:
            out.append(f'\t\t\t\t\t\t<a href="{esc(self._paging_href(1))}">Đầu</a>\n')
            out.append(f'\t\t\t\t\t\t<a href="{esc(self._paging_href(page - 1))}">&laquo; Trước</a>\n')
        for number in range(1, n_pages + 1):
            if number == page:
                out.append(f'\t\t\t\t\t\t<span class="active">{number}</span>\n')
            else:
                out.append(f'\t\t\t\t\t\t<a href="{esc(self._paging_href(number))}">{number}</a>\n')
        if page < n_pages:
            out.append(f'\t\t\t\t\t\t<a href="{esc(self._paging_href(page + 1))}">Sau &raquo;</a>\n')
            out.append(f'\t\t\t\t\t\t<a href="{esc(self._paging_href(n_pages))}">Cuối</a>\n')
        out += ["\t\t\t\t\t</div>\n", "\t\t\t\t</div>\n", "\t\t\t</div>\n", "\t\t\t</div>\n", self._tail()]
        return "".join(out)

    def render_article(self, story: Story, ctx: ArticleContext) -> str:
        path = ctx.url[len(self.origin) :]
        body = []
        for index, block in enumerate(story.body):
            if isinstance(block, str):
                body.append(f'<p style="text-align: justify;">{esc(block)}</p>\n')
                continue
            src = f"{self._web}/Lists/TinTuc/Attachments/{story.key}/{block.file}"
            body.append("<p>&nbsp;</p>\n")
            if block.caption:
                body.append(
                    f'<figure class="image" style="text-align: center;"><img alt="" src="{src}" style="width: 600px; height: 400px;" />'
                    f"<figcaption><em>{esc(block.caption)}</em></figcaption></figure>\n"
                )
            else:
                body.append(f'<p style="text-align: center;"><img alt="" src="{src}" style="width: 600px; height: 400px;" />&nbsp;</p>\n')
        byline = story.author + (f", {story.author_org}" if story.author_org else "")
        body.append(f'<p style="text-align: right;"><strong>{esc(byline)}</strong></p>\n')
        related = "".join(
            f'\t\t\t\t\t\t\t<li><a href="{esc(self.href(link.url))}">{esc(link.title)}</a> <span class="date">({link.moment:%d/%m/%Y})</span></li>\n'
            for link in ctx.related
        )
        part = "9c4d1f2b_6e1a_4b7c_8d3e_2f5a6b7c8d9e"
        url = esc(ctx.url)
        return "".join(
            [
                self._head("Chi tiết tin tức", path, 14),
                self._breadcrumb(True),
                self._webpart(part.replace("_", "-")),
                '\t\t\t\t<div class="chitiet-tintuc">\n',
                f'\t\t\t\t\t<h1 class="tieude-chitiet"><span id="ctl00_ctl45_g_{part}_ctl00_lblTieuDe">{esc(story.title)}</span></h1>\n',
                f'\t\t\t\t\t<div class="ngay-chitiet"><span id="ctl00_ctl45_g_{part}_ctl00_lblNgayDang">{story.moment:%d/%m/%Y %H:%M}</span></div>\n',
                '\t\t\t\t\t<div class="tool-chitiet">\n',
                '\t\t\t\t\t\t<a href="javascript:window.print();" title="In trang"><img src="/Style%20Library/QNP/images/icon-print.png" alt="" /> In trang</a>\n',
                f'\t\t\t\t\t\t<a href="mailto:?subject={esc(story.title)}&amp;body={url}" title="Gửi email"><img src="/Style%20Library/QNP/images/icon-mail.png" alt="" /> Gửi email</a>\n',
                f'\t\t\t\t\t\t<div class="fb-share-button" data-href="{url}" data-layout="button" data-size="small"></div>\n',
                "\t\t\t\t\t</div>\n",
                f'\t\t\t\t\t<div class="noidung-chitiet ms-rtestate-field" id="ctl00_ctl45_g_{part}_ctl00_divNoiDung">\n',
                *body,
                "\t\t\t\t\t</div>\n",
                '\t\t\t\t\t<div class="tinkhac">\n',
                '\t\t\t\t\t\t<div class="tinkhac-title">Các tin đã đưa</div>\n',
                "\t\t\t\t\t\t<ul>\n",
                related,
                "\t\t\t\t\t\t</ul>\n",
                "\t\t\t\t\t</div>\n",
                "\t\t\t\t</div>\n",
                "\t\t\t</div>\n",
                "\t\t\t</div>\n",
                self._tail(),
            ]
        )

    def render_not_found(self, url: str) -> str:
        path = url[len(self.origin) :] if url.startswith(self.origin) else "/"
        return "".join(
            [
                self._head("Không tìm thấy trang", path, 0),
                self._breadcrumb(True),
                self._webpart("00000000-0000-0000-0000-000000000404"),
                '\t\t\t\t<div class="chitiet-tintuc error-404">\n',
                '\t\t\t\t\t<h1 class="tieude-chitiet">Không tìm thấy trang</h1>\n',
                '\t\t\t\t\t<p>Tin bài không tồn tại hoặc đã bị xóa khỏi hệ thống. Mã lỗi: 404 FILE NOT FOUND.</p>\n',
                "\t\t\t\t</div>\n",
                "\t\t\t</div>\n",
                "\t\t\t</div>\n",
                self._tail(),
            ]
        )

    def robots_txt(self) -> str:
        return (
            "User-agent: *\nDisallow: /_layouts/\nDisallow: /_vti_bin/\nDisallow: /_catalogs/\n"
            "Disallow: /Lists/\nDisallow: /Trang/searchqnp.aspx\n"
        )
