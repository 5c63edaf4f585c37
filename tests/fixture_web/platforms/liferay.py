"""Liferay 6.2 portal of Quảng Ngãi districts ("quangngai-portal"), as seed page 001.

Kept from the seed: article URLs ``/web/<group>/xem-chi-tiet/-/asset_publisher/Content/<slug>?<id>``
(the ``?<id>`` is required), the title only in ``h3.header-title span`` (no h1) after a hidden
"Quay lại", the date line ``span.date-post`` "dd/mm/yyyy HH:MM" then ``&nbsp;&nbsp;`` and the view
count in ``span.view-count``, the body in ``.asset-full-content .journal-content-article`` with
paragraphs as ``div``s ending in ``&nbsp;``, ``figure > figcaption`` captions, a lone "." paragraph
after a leading photo, four ``<div>&nbsp;</div>`` before the byline ``<p style="text-align:
right;"><strong>A – B</strong></p>``; listings ``div.box-news-xx`` with ``h2.h2-title-xx a`` and
``p.date_post`` "HH:MM dd/mm/yyyy" (time first), pagination by a long ``p_p_id`` URL ending in
``_cur=N``. The meta charset tag puts ``content`` first (the charset trap).
"""

from __future__ import annotations

import uuid

from ..model import DeadLink, Story, slugify
from .base import ArticleContext, Link, Platform, esc


class Liferay(Platform):
    name = "quangngai-portal"
    server = "Apache-Coyote/1.1"
    validators = ("etag",)  # Liferay's ETagFilter
    content_type = "text/html;charset=UTF-8"
    redirect_style = "tomcat"

    # -- URLs --------------------------------------------------------------------------
    @property
    def origin(self) -> str:
        return f"https://{self.s['host']}"

    @property
    def _group(self) -> str:
        return f"{self.origin}/web/{self.s['group']}"

    @property
    def _inst(self) -> str:
        return f"101_INSTANCE_{self.s['instance']}"

    def _page_query(self, page: int) -> str:
        i = self._inst
        return (
            f"p_p_id={i}&p_p_lifecycle=0&p_p_state=normal&p_p_mode=view&p_p_col_id=column-2&p_p_col_count=1"
            f"&_{i}_delta={self.s['delta']}&_{i}_keywords=&_{i}_advancedSearch=false&_{i}_andOperator=true"
            f"&p_r_p_564233524_resetCur=false&_{i}_cur={page}"
        )

    def listing_url(self, page: int) -> str:
        base = f"{self._group}/{self.s['section_path']}"
        return base if page == 1 else f"{base}?{self._page_query(page)}"

    def extra_listing_urls(self, n_pages: int) -> dict[str, int]:
        # page 2's "Đầu" / "Trước" links name page 1 by its _cur=1 URL; it answers page 1
        return {f"{self._group}/{self.s['section_path']}?{self._page_query(1)}": 1}

    def _detail(self, slug: str, key: int) -> str:
        return f"{self._group}/xem-chi-tiet/-/asset_publisher/Content/{slug}?{key}"

    def article_url(self, story: Story) -> str:
        return self._detail(story.slug or slugify(story.title), story.key)

    def dead_url(self, dead: DeadLink) -> str:
        return self._detail(dead.slug or slugify(dead.title), dead.key)

    def old_url(self, story: Story) -> str:
        # the title was edited after publication; the old slug redirects to the new one
        return self._detail(self.s["old_slug"], story.key)

    def href(self, url: str) -> str:
        return url  # Liferay writes absolute links

    # -- page parts --------------------------------------------------------------------
    def _head(self, title: str, description: str, canonical: str) -> str:
        s = self.s
        path = canonical[len(self.origin) :]
        current = path.replace("/", "\\x2f")
        return f"""<!DOCTYPE html>

<html class="ltr" dir="ltr" lang="vi-VN">

<head>
	<title>{esc(title)}</title>

	<meta content="initial-scale=1.0, width=device-width" name="viewport" />

	<meta content="text/html; charset=UTF-8" http-equiv="content-type" />
	<meta content="{esc(description)}" lang="vi-VN" name="description" />
	<meta content="{esc(s['keywords'])}" lang="vi-VN" name="keywords" />

	<link href="{self.origin}/portal-qni-theme/images/favicon.ico" rel="Shortcut Icon" />

	<link href="{esc(canonical)}" rel="canonical" />

	<link href="{self.origin}/html/css/main.css?browserId=other&amp;themeId=portalqni_WAR_portalqnitheme&amp;minifierType=css&amp;languageId=vi_VN&amp;b=6210&amp;t=1710312645000" rel="stylesheet" type="text/css" />

	<script type="text/javascript">
	var Liferay = {{
		Browser: {{
			acceptsGzip: function() {{ return true; }},
			getMajorVersion: function() {{ return 0.0; }},
			isIe: function() {{ return false; }},
			isMobile: function() {{ return false; }}
		}},
		Data: {{
			NAV_SELECTOR: '#navigation',
			isCustomizationView: function() {{ return false; }},
			notices: [null]
		}},
		ThemeDisplay: {{
			getLayoutId: function() {{ return "27"; }},
			getLayoutURL: function() {{ return "{self._group}/xem-chi-tiet"; }},
			getBCP47LanguageId: function() {{ return "vi-VN"; }},
			getCDNBaseURL: function() {{ return "{self.origin}"; }},
			getCompanyId: function() {{ return "10155"; }},
			getLanguageId: function() {{ return "vi_VN"; }},
			getPathImage: function() {{ return "/image"; }},
			getPathMain: function() {{ return "/c"; }},
			getPathThemeImages: function() {{ return "{self.origin}/portal-qni-theme/images"; }},
			getPlid: function() {{ return "{s['plid']}"; }},
			getPortalURL: function() {{ return "{self.origin}"; }},
			getScopeGroupId: function() {{ return "{s['group_id']}"; }},
			getSiteGroupId: function() {{ return "{s['group_id']}"; }},
			getURLHome: function() {{ return "{self.origin}/web/guest"; }},
			isSignedIn: function() {{ return false; }}
		}},
		PropsValues: {{
			NTLM_AUTH_ENABLED: false
		}}
	}};

	var themeDisplay = Liferay.ThemeDisplay;

	Liferay.authToken = '{s['auth_token']}';
	Liferay.currentURL = '{current}';
	</script>

	<script src="{self.origin}/html/js/barebone.jsp?browserId=other&amp;themeId=portalqni_WAR_portalqnitheme&amp;colorSchemeId=01&amp;minifierType=js&amp;minifierBundleId=javascript.barebone.files&amp;languageId=vi_VN&amp;b=6210&amp;t=1710312645000" type="text/javascript"></script>
	<script type="text/javascript">
		Liferay.Portlet.list = ['56_INSTANCE_bN3wTq8VfLxa', '{self._inst}', '101_INSTANCE_aH6pQz1RsWc0', '56_INSTANCE_kC9uJe4YtMh2'];
	</script>

	<link class="lfr-css-file" href="{self.origin}/portal-qni-theme/css/main.css?browserId=other&amp;themeId=portalqni_WAR_portalqnitheme&amp;minifierType=css&amp;languageId=vi_VN&amp;b=6210&amp;t=1709451102000" rel="stylesheet" type="text/css" />
</head>

<body class=" yui3-skin-sam controls-visible guest-site signed-out public-page site">

<a href="#main-content" id="skip-to-content">Truy cập nội dung luôn</a>

<div class="container-fluid" id="wrapper">
	<header id="banner" role="banner">
		<div class="top-header">
			<div class="logo-banner">
				<a class="logo custom-logo" href="{self._group}/trang-chu" title="Đi đến {esc(s['portal_name'])}">
					<img alt="" height="150" src="{self.origin}/image/layout_set_logo?img_id={s['logo_id']}&amp;t=1710312646021" width="1170" />
				</a>
			</div>
			<div class="search-top">
				<form action="{self._group}/tim-kiem" method="get" name="_3_fm" onSubmit="_3_search(); return false;">
					<input name="_3_keywords" placeholder="Nhập từ khóa tìm kiếm..." size="30" title="Tìm kiếm" type="text" value="" />
					<button class="btn-search" type="submit"><i class="icon-search"></i></button>
				</form>
			</div>
		</div>
		<nav class="sort-pages modify-pages navbar site-navigation" id="navigation" role="navigation">
			<div class="navbar-inner">
			<ul aria-label="Trang Web" role="menubar">
				<li id="layout_trang-chu" role="presentation"><a aria-labelledby="layout_trang-chu" href="{self._group}/trang-chu" role="menuitem"><span>Trang chủ</span></a></li>
				<li id="layout_gioi-thieu" role="presentation"><a aria-labelledby="layout_gioi-thieu" href="{self._group}/gioi-thieu" role="menuitem"><span>Giới thiệu</span></a></li>
				<li class="selected" id="layout_tin-tuc-su-kien" role="presentation">
					<a aria-labelledby="layout_tin-tuc-su-kien" aria-haspopup="true" href="{self._group}/tin-tuc-su-kien" role="menuitem"><span>Tin tức - Sự kiện</span></a>
					<ul class="child-menu" role="menu">
						<li class="" role="presentation"><a href="{self._group}/{s['section_path']}" role="menuitem">{esc(s['section'])}</a></li>
						<li class="" role="presentation"><a href="{self._group}/tin-chi-dao-dieu-hanh" role="menuitem">Tin chỉ đạo điều hành</a></li>
						<li class="" role="presentation"><a href="{self._group}/kinh-te-xa-hoi" role="menuitem">Kinh tế - Xã hội</a></li>
					</ul>
				</li>
				<li id="layout_chinh-quyen" role="presentation"><a aria-labelledby="layout_chinh-quyen" href="{self._group}/chinh-quyen" role="menuitem"><span>Chính quyền</span></a></li>
				<li id="layout_van-ban" role="presentation"><a aria-labelledby="layout_van-ban" href="{self._group}/van-ban" role="menuitem"><span>Văn bản</span></a></li>
				<li id="layout_dich-vu-cong" role="presentation"><a aria-labelledby="layout_dich-vu-cong" href="https://dichvucong.quangngai.gov.vn" role="menuitem"><span>Dịch vụ công</span></a></li>
				<li id="layout_lien-he" role="presentation"><a aria-labelledby="layout_lien-he" href="{self._group}/lien-he" role="menuitem"><span>Liên hệ</span></a></li>
			</ul>
			</div>
		</nav>
		<div class="hide" id="mobile-menu-toggle"><a href="javascript:;" class="btn-navbar"><span class="icon-bar"></span><span class="icon-bar"></span><span class="icon-bar"></span></a></div>
	</header>
	<div id="content">
		<nav id="breadcrumbs">
			<ul aria-label="Breadcrumb" class="breadcrumb breadcrumb-horizontal">
				<li class="first" ><a href="{self._group}/trang-chu" >{esc(s['district'])}</a><span class="divider">/</span></li>
				<li class="current-parent breadcrumb-truncate" ><a href="{self._group}/tin-tuc-su-kien" >Tin tức - Sự kiện</a><span class="divider">/</span></li>
				<li class="active last breadcrumb-truncate" ><a href="{self._group}/{s['section_path']}" >{esc(s['section'])}</a></li>
			</ul>
		</nav>

		<div class="columns-2-70-30" id="main-content" role="main">
		<div class="portlet-layout row-fluid">
		<div class="portlet-column portlet-column-first span8" id="column-1">
			<div class="portlet-dropzone portlet-column-content portlet-column-content-first" id="layout-column_column-1">
"""

    def _tail(self) -> str:
        s = self.s
        newest = "".join(
            f'\t\t\t\t\t\t\t\t<li><a href="{esc(link.url)}">{esc(link.title)}</a></li>\n' for link in self.newest[:4]
        )
        return f"""			</div>
		</div>
		<div class="portlet-column portlet-column-last span4" id="column-3">
			<div class="portlet-dropzone portlet-column-content portlet-column-content-last" id="layout-column_column-3">
				<div class="portlet-boundary portlet-boundary_56_ portlet-static portlet-static-end portlet-borderless portlet-journal-content" id="p_p_id_56_INSTANCE_kC9uJe4YtMh2_">
					<span id="p_56_INSTANCE_kC9uJe4YtMh2"></span>
					<div class="portlet-borderless-container">
						<div class="portlet-body">
							<div class="journal-content-article">
								<p><a href="https://dichvucong.quangngai.gov.vn" target="_blank"><img alt="" src="/documents/{s['group_id']}/0/banner-dvc.png" style="width: 100%;" /></a></p>
								<p><a href="https://pakn.quangngai.gov.vn" target="_blank"><img alt="" src="/documents/{s['group_id']}/0/banner-pakn.png" style="width: 100%;" /></a></p>
							</div>
						</div>
					</div>
				</div>
				<div class="box-tin-moi">
					<div class="title-box"><span>Tin mới</span></div>
					<ul class="list-tin-moi">
{newest}					</ul>
				</div>
				<div class="box-thong-ke">
					<div class="title-box"><span>Thống kê truy cập</span></div>
					<p>Đang truy cập: <strong>37</strong></p>
					<p>Hôm nay: <strong>1.204</strong></p>
					<p>Tổng lượt truy cập: <strong>2.751.936</strong></p>
				</div>
				<div class="box-lien-ket">
					<select class="form-control" onchange="if(this.value) window.open(this.value);">
						<option value="">--- Liên kết website ---</option>
						<option value="https://www.quangngai.gov.vn">Cổng TTĐT tỉnh Quảng Ngãi</option>
						<option value="https://quangngai.dcs.vn">Trang TTĐT Đảng bộ tỉnh Quảng Ngãi</option>
						<option value="https://baoquangngai.vn">Báo Quảng Ngãi</option>
					</select>
				</div>
			</div>
		</div>
		</div>
		</div>
	</div>
	<footer id="footer" role="contentinfo">
		<div class="footer-content">
			<p class="footer-title">{esc(s['portal_name'].upper())} - TỈNH QUẢNG NGÃI</p>
			<p>Cơ quan chủ quản: {esc(s['owner'])}</p>
			<p>Chịu trách nhiệm chính: {esc(s['editor'])}</p>
			<p>Giấy phép số {esc(s['licence'])}</p>
			<p>Email: {esc(s['email'])}</p>
			<p>Ghi rõ nguồn "{esc(s['portal_name'])}" khi phát hành lại thông tin từ website này.</p>
		</div>
	</footer>
</div>

<script type="text/javascript">
// <![CDATA[
	Liferay.Util.addInputFocus();
	Liferay.Portlet.runtimePortletIds = ['56_INSTANCE_bN3wTq8VfLxa'];
// ]]>
</script>

<script type="text/javascript">
// <![CDATA[
	AUI().use('aui-base', 'liferay-menu', 'liferay-notice', 'liferay-poller', 'liferay-session', function(A) {{
		(function() {{
			new Liferay.Menu();
			Liferay.Session = new Liferay.SessionBase(
				{{
					autoExtend: true,
					sessionLength: 30,
					redirectOnExpire: false,
					redirectUrl: '{self.origin}/web/guest',
					warningLength: 1
				}}
			);
		}})();
	}});
// ]]>
</script>

<script src="{self.origin}/portal-qni-theme/js/main.js?browserId=other&amp;minifierType=js&amp;languageId=vi_VN&amp;b=6210&amp;t=1709451102000" type="text/javascript"></script>

<script type="text/javascript">
	(function(i,s,o,g,r,a,m){{i['GoogleAnalyticsObject']=r;i[r]=i[r]||function(){{
	(i[r].q=i[r].q||[]).push(arguments)}},i[r].l=1*new Date();a=s.createElement(o),
	m=s.getElementsByTagName(o)[0];a.async=1;a.src=g;m.parentNode.insertBefore(a,m)
	}})(window,document,'script','https://www.google-analytics.com/analytics.js','ga');
	ga('create', 'UA-90213358-4', 'auto');
	ga('send', 'pageview');
</script>
</body>

</html>
"""

    def _portlet_open(self) -> str:
        i = self._inst
        return (
            f'\t\t\t\t<div class="portlet-boundary portlet-boundary_101_ portlet-static portlet-static-end portlet-borderless portlet-asset-publisher" id="p_p_id_{i}_">\n'
            f'\t\t\t\t\t<span id="p_{i}"></span>\n'
            '\t\t\t\t\t<div class="portlet-borderless-container" style="">\n'
            '\t\t\t\t\t\t<div class="portlet-body">\n'
        )

    _portlet_close = "\t\t\t\t\t\t</div>\n\t\t\t\t\t</div>\n\t\t\t\t</div>\n"

    # -- pages -------------------------------------------------------------------------
    def render_listing(self, page: int, items: list[Link], n_pages: int) -> str:
        s = self.s
        out = [
            self._head(f"{s['section']} - {s['portal_name']}", s["section"], self.listing_url(1)),
            self._portlet_open(),
            f'\t\t\t\t\t\t\t<div class="title-list-news"><span class="title-t1">{esc(s["section"])}</span></div>\n',
            '\t\t\t\t\t\t\t<div class="list-box-news">\n',
        ]
        for item in items:
            href = esc(item.url)
            out.append(
                '\t\t\t\t\t\t\t\t<div class="box-news-xx">\n'
                f'\t\t\t\t\t\t\t\t\t<a class="image" href="{href}"><span class="rollx"></span><img class="img-news-xx slickHoverPlus" src="/documents/{s["group_id"]}/{item.key}/thumb.jpg" alt="" /></a>\n'
                f'\t\t\t\t\t\t\t\t\t<h2 class="h2-title-xx"><a href="{href}" title="{esc(item.title)}">{esc(item.title)}</a></h2>\n'
                f'\t\t\t\t\t\t\t\t\t<div class="hot-news-tol"><p class="date_post"><i class="fa fa-clock-o"></i> {item.moment:%H:%M %d/%m/%Y}</p></div>\n'
                f'\t\t\t\t\t\t\t\t\t<p class="sapo-news">{esc(item.summary)}</p>\n'
                "\t\t\t\t\t\t\t\t</div>\n"
            )
        total = sum(self.spec.page_sizes)
        first = sum(self.spec.page_sizes[: page - 1]) + 1
        last = first + len(items) - 1
        i = self._inst

        def button(label: str, target: int | None, css: str = "") -> str:
            if target is None:
                classes = f"disabled {css}".strip()
                return f'\t\t\t\t\t\t\t\t\t\t\t<li class="{classes}"><a href="javascript:;"> {label} </a></li>\n'
            cls = f' class="{css}"' if css else ""
            page_url = f"{self._group}/{s['section_path']}?{self._page_query(target)}"
            return f'\t\t\t\t\t\t\t\t\t\t\t<li{cls}><a href="{esc(page_url)}" > {label} </a></li>\n'

        out += [
            f'\t\t\t\t\t\t\t\t<div class="taglib-page-iterator" id="_{i}_ocerSearchContainerPageIterator">\n',
            '\t\t\t\t\t\t\t\t\t<div class="clearfix lfr-pagination">\n',
            '\t\t\t\t\t\t\t\t\t\t<div class="lfr-pagination-config">\n',
            f'\t\t\t\t\t\t\t\t\t\t\t<div class="lfr-pagination-page-selector"><div class="btn-group lfr-icon-menu current-page-menu"><a class="dropdown-toggle direction-down max-display-items-15 btn" href="javascript:;" id="_{i}_pageSelector" title="Trang {page} / {n_pages}"><span class="lfr-icon-menu-text">Trang {page} / {n_pages}</span> <i class="caret"></i></a></div></div>\n',
            f'\t\t\t\t\t\t\t\t\t\t\t<div class="lfr-pagination-delta-selector"><div class="btn-group lfr-icon-menu"><a class="dropdown-toggle direction-down max-display-items-15 btn" href="javascript:;" title="{s["delta"]} Các mục trên mỗi trang"><span class="lfr-icon-menu-text">{s["delta"]} Các mục trên mỗi trang</span> <i class="caret"></i></a></div></div>\n',
            "\t\t\t\t\t\t\t\t\t\t</div>\n",
            f'\t\t\t\t\t\t\t\t\t\t<small class="search-results">Hiển thị {first} - {last} trong số {total} kết quả.</small>\n',
            '\t\t\t\t\t\t\t\t\t\t<ul class="lfr-pagination-buttons pager">\n',
            button("&larr; Đầu", 1 if page > 1 else None, "first"),
            button("Trước", page - 1 if page > 1 else None),
            button("Tiếp", page + 1 if page < n_pages else None),
            button("Cuối &rarr;", n_pages if page < n_pages else None, "last"),
            "\t\t\t\t\t\t\t\t\t\t</ul>\n",
            "\t\t\t\t\t\t\t\t\t</div>\n",
            "\t\t\t\t\t\t\t\t</div>\n",
            "\t\t\t\t\t\t\t</div>\n",
            self._portlet_close,
            self._tail(),
        ]
        return "".join(out)

    def render_article(self, story: Story, ctx: ArticleContext) -> str:
        s = self.s
        i = self._inst
        m = story.moment
        body = []
        for index, block in enumerate(story.body):
            if isinstance(block, str):
                body.append(f'<div style="text-align: justify;">{esc(block)}&nbsp;</div>\n')
            else:
                stamp = int(m.timestamp()) * 1000
                caption = f"<figcaption>{esc(block.caption)}</figcaption>\n" if block.caption else ""
                body.append(
                    f'<figure class="image"><img alt="" src="/documents/{s["group_id"]}/{story.key - 1097}/{block.file}/{uuid.uuid5(uuid.NAMESPACE_URL, f"{story.key}/{block.file}")}?t={stamp}" style="width: 700px; height: 467px;" />\n'
                    f"{caption}</figure>\n"
                )
                if index == 0:
                    body.append('<p style="text-align: center;">.</p>\n')
        body.append("<div>&nbsp;</div>\n" * 4)
        body.append(f'<p style="text-align: right;"><strong>{esc(story.author)}</strong></p>\n')
        related = "".join(
            f'\t\t\t\t\t\t\t\t<li><a href="{esc(link.url)}">{esc(link.title)}</a> <span class="date">({link.moment:%d/%m/%Y})</span></li>\n'
            for link in ctx.related
        )
        url = esc(ctx.url)
        views = 37 + (story.key * 7919) % 611
        return "".join(
            [
                self._head(f"{story.title} - Xem chi tiết - {s['portal_name']}", story.summary, ctx.url),
                self._portlet_open(),
                '\t\t\t\t\t\t\t<div class="taglib-header">\n',
                '\t\t\t\t\t\t\t\t<span class="header-back-to">\n',
                f'\t\t\t\t\t\t\t\t\t<a class="icon-circle-arrow-left previous-level" href="{self._group}/{s["section_path"]}" id="_{i}_TabsBack" title="Quay lại"><span class="helper-hidden-accessible">Quay lại</span></a>\n',
                "\t\t\t\t\t\t\t\t</span>\n",
                f'\t\t\t\t\t\t\t\t<h3 class="header-title"><span>{esc(story.title)}</span></h3>\n',
                "\t\t\t\t\t\t\t</div>\n",
                '\t\t\t\t\t\t\t<div class="asset-full-content default-asset-publisher show-asset-title">\n',
                '\t\t\t\t\t\t\t\t<div class="news-info-date">\n',
                f'\t\t\t\t\t\t\t\t\t<span class="date-post"><i class="icon-calendar"></i> {m:%d/%m/%Y %H:%M}</span> &nbsp;&nbsp; <span class="view-count" title="Lượt xem"><i class="icon-eye-open"></i> {views}</span>\n',
                "\t\t\t\t\t\t\t\t</div>\n",
                f'\t\t\t\t\t\t\t\t<div class="asset-content" id="_{i}_{story.key}">\n',
                '\t\t\t\t\t\t\t\t\t<div class="journal-content-article">\n',
                *body,
                "\t\t\t\t\t\t\t\t\t</div>\n",
                "\t\t\t\t\t\t\t\t</div>\n",
                '\t\t\t\t\t\t\t\t<div class="asset-more-actions">\n',
                f'\t\t\t\t\t\t\t\t\t<span class="print-action"><a href="{url}&amp;_{i}_viewMode=print" title="In"><i class="icon-print"></i> <span class="taglib-text">In</span></a></span>\n',
                f'\t\t\t\t\t\t\t\t\t<div class="taglib-social-bookmarks" id="_{i}_socialBookmarks"><ul class="unstyled">\n',
                f'\t\t\t\t\t\t\t\t\t\t<li class="taglib-social-bookmark-facebook"><a class="social-bookmark-link" href="https://www.facebook.com/sharer.php?u={url}" target="_blank"><i class="icon-facebook-sign"></i></a></li>\n',
                "\t\t\t\t\t\t\t\t\t</ul></div>\n",
                "\t\t\t\t\t\t\t\t</div>\n",
                "\t\t\t\t\t\t\t</div>\n",
                self._portlet_close,
                '\t\t\t\t<div class="portlet-boundary portlet-boundary_101_ portlet-static portlet-static-end portlet-borderless portlet-asset-publisher" id="p_p_id_101_INSTANCE_aH6pQz1RsWc0_">\n',
                '\t\t\t\t\t<div class="portlet-borderless-container">\n',
                '\t\t\t\t\t\t<div class="portlet-body">\n',
                '\t\t\t\t\t\t\t<div class="other-news">\n',
                '\t\t\t\t\t\t\t\t<div class="title-other-news"><span>Tin cùng chuyên mục</span></div>\n',
                '\t\t\t\t\t\t\t\t<ul class="list-other-news">\n',
                related,
                "\t\t\t\t\t\t\t\t</ul>\n",
                "\t\t\t\t\t\t\t</div>\n",
                self._portlet_close,
                self._tail(),
            ]
        )

    def render_not_found(self, url: str) -> str:
        return "".join(
            [
                self._head(f"Không tìm thấy - {self.s['portal_name']}", self.s["section"], url),
                self._portlet_open(),
                '\t\t\t\t\t\t\t<div class="portlet-msg-error alert alert-error">Không tìm thấy tài nguyên được yêu cầu.</div>\n',
                f'\t\t\t\t\t\t\t<div class="lfr-url-error">{esc(url)}</div>\n',
                self._portlet_close,
                self._tail(),
            ]
        )

    def robots_txt(self) -> str:
        return "User-agent: *\nDisallow: /c/\nDisallow: /group/\nDisallow: /api/\nDisallow: /web/guest/tim-kiem\n"
