"""HueCIT .NET WebForms portal (Thừa Thiên Huế district sites), as seed page 000.

Markup kept from the seed: ``./?gd=1&cn=<cat>&tc=<id>`` links, ``div.news-item`` listing items
with ``span.date`` "(dd/mm/yyyy)", ``div.pager`` with ``a.next``, the article's
``span#..._lblTitle`` in ``div.news-title h1``, the date line
``<span class="lbl-date">Ngày cập nhật</span>&nbsp;<span id="..._lblDate">dd/mm/yyyy</span>``
(date only), body ``#ctl00_ContentPlaceHolder1_ctl00_divContent``, the byline
``div.news-author`` "Name (Unit)" *outside* the body, "Tin Khác" with later dates,
a big ``__VIEWSTATE``. Photos carry no caption on this platform.
"""

from __future__ import annotations

from datetime import datetime

from ..model import DeadLink, Story, filler
from .base import ArticleContext, Link, Platform, esc


class HueCIT(Platform):
    name = "huecit"
    server = "Microsoft-IIS/8.5"
    redirect_style = "iis"

    # -- URLs --------------------------------------------------------------------------
    @property
    def origin(self) -> str:
        return f"https://{self.s['host']}"

    def _query_url(self, query: str) -> str:
        return f"{self.origin}/?{query}"

    def listing_url(self, page: int) -> str:
        base = f"gd=1&cn={self.s['cn']}"
        return self._query_url(base if page == 1 else f"{base}&pg={page}")

    def article_url(self, story: Story) -> str:
        return self._query_url(f"gd=1&cn={self.s['cn']}&tc={story.key}")

    def dead_url(self, dead: DeadLink) -> str:
        return self._query_url(f"gd=1&cn={self.s['cn']}&tc={dead.key}")

    def old_url(self, story: Story) -> str:
        # the story was first filed under another category; the portal redirects
        return self._query_url(f"gd=1&cn={self.s['old_cn']}&tc={story.key}")

    def href(self, url: str) -> str:
        if url.startswith(self.origin + "/?"):
            return "./" + url[len(self.origin) + 1 :]
        return url

    # -- dates -------------------------------------------------------------------------
    def published(self, story: Story) -> str | None:
        return story.moment.strftime("%Y-%m-%d")

    def listing_date(self, moment: datetime) -> str:
        return moment.strftime("%Y-%m-%d")

    # -- page parts --------------------------------------------------------------------
    def _head(self, title: str, description: str, action: str, og: str = "") -> str:
        return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head id="ctl00_Head1"><title>
	{esc(title)}
</title><meta http-equiv="Content-Type" content="text/html; charset=utf-8" /><meta http-equiv="X-UA-Compatible" content="IE=EmulateIE8" />
<meta name="keywords" content="{esc(self.s['keywords'])}" />
<meta name="description" content="{esc(description)}" />
{og}<link rel="shortcut icon" href="/App_Themes/{self.s['theme']}/images/favicon.ico" type="image/x-icon" />
<link href="/App_Themes/{self.s['theme']}/css/style.css?v=3.2" rel="stylesheet" type="text/css" />
<link href="/App_Themes/{self.s['theme']}/css/menu.css" rel="stylesheet" type="text/css" />
<link href="/Scripts/jquery-ui-1.8.16.custom.css" rel="stylesheet" type="text/css" />
<script type="text/javascript" src="/Scripts/jquery-1.8.3.min.js"></script>
<script type="text/javascript" src="/Scripts/jquery-ui-1.8.16.custom.min.js"></script>
<script type="text/javascript" src="/Scripts/ddsmoothmenu.js"></script>
<script type="text/javascript" src="/Scripts/jquery.marquee.min.js"></script>
<script type="text/javascript" src="/Scripts/portal.common.js?v=20190412"></script>
<script async src="https://www.googletagmanager.com/gtag/js?id=UA-141957203-3"></script>
<script>
  window.dataLayer = window.dataLayer || [];
  function gtag(){{dataLayer.push(arguments);}}
  gtag('js', new Date());
  gtag('config', 'UA-141957203-3');
</script>
<style type="text/css">
	.ctl00_ucMenu_Menu1_0 {{ background-color:white;visibility:hidden;display:none;position:absolute;left:0px;top:0px; }}
	.ctl00_ucMenu_Menu1_1 {{ text-decoration:none; }}
</style></head>
<body>
    <form name="aspnetForm" method="post" action="{esc(action)}" id="aspnetForm">
<div>
<input type="hidden" name="__EVENTTARGET" id="__EVENTTARGET" value="" />
<input type="hidden" name="__EVENTARGUMENT" id="__EVENTARGUMENT" value="" />
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKMTM2NjM4NzE4Mw{filler(action, 3200)}" />
</div>

<script type="text/javascript">
//<![CDATA[
var theForm = document.forms['aspnetForm'];
if (!theForm) {{
    theForm = document.aspnetForm;
}}
function __doPostBack(eventTarget, eventArgument) {{
    if (!theForm.onsubmit || (theForm.onsubmit() != false)) {{
        theForm.__EVENTTARGET.value = eventTarget;
        theForm.__EVENTARGUMENT.value = eventArgument;
        theForm.submit();
    }}
}}
//]]>
</script>

<script src="/WebResource.axd?d=pynGkmcFUV13He1Qd6_TZAjMvYlA6Dc5YpXQvT6zFRPuhV6RyEdFuBeyNdcGhs3x0&amp;t=637454179603183385" type="text/javascript"></script>
<script src="/ScriptResource.axd?d=x6wALODbMJK5e0eRC_p1LXnX2pKIudqGNyqwMJzYSgd1nlXmnBVu4iFUtJoSUqWw0&amp;t=ffffffffecf19baa" type="text/javascript"></script>
<div>
	<input type="hidden" name="__VIEWSTATEGENERATOR" id="__VIEWSTATEGENERATOR" value="CA0B0334" />
	<input type="hidden" name="__EVENTVALIDATION" id="__EVENTVALIDATION" value="/wEdAAVD0VWV{filler('ev' + action, 160)}" />
</div>
"""

    def _top(self, newest: list[Link]) -> str:
        s = self.s
        marquee = " &nbsp;|&nbsp; ".join(
            f'<a href="{esc(self.href(link.url))}">{esc(link.title)}</a>' for link in newest[:5]
        )
        return f"""<div id="wrapper">
  <div id="divPrintHeader" style="display:none">
    <div class="print-logo">{esc(s['print_header'])}</div>
  </div>
  <div id="top-bar">
    <div class="top-links">
      <a href="/">Trang chủ</a> | <a href="/?gd=21">Sơ đồ cổng</a> | <a href="/?gd=22">Liên hệ</a> | <a href="/?gd=23">English</a>
    </div>
    <div class="search-box">
      <input name="ctl00$ucHeader$txtSearch" type="text" id="ctl00_ucHeader_txtSearch" class="txtSearch" onkeypress="return clickButton(event,'ctl00_ucHeader_lbtSearch')" />
      <a id="ctl00_ucHeader_lbtSearch" class="btnSearch" href="javascript:__doPostBack('ctl00$ucHeader$lbtSearch','')">Tìm kiếm</a>
    </div>
    <div class="tinnhiemmang">
      <a href="https://tinnhiemmang.vn/danh-ba-tin-nhiem/{s['host'].replace('.', '')}-1631500745" title="Chung nhan Tin Nhiem Mang" target="_blank"><img src="https://tinnhiemmang.vn/handle_cert?id={s['host']}" width="150px" height="auto" alt="Chung nhan Tin Nhiem Mang"></a>
    </div>
  </div>
  <div id="banner">
    <a href="/" title="{esc(s['portal_name'])}"><img src="/App_Themes/{s['theme']}/images/banner_2020.jpg" alt="" width="1000" height="170" border="0" /></a>
  </div>
  <div id="menu-top" class="ddsmoothmenu">
          <ul>
            <li><a href="/">Trang chủ</a></li>
            <li><a href="/?gd=3&amp;cn=1">Giới thiệu</a>
              <ul>
                <li><a href="/?gd=3&amp;cn=2">Tổng quan</a></li>
                <li><a href="/?gd=3&amp;cn=3">Lịch sử hình thành</a></li>
                <li><a href="/?gd=3&amp;cn=4">Điều kiện tự nhiên</a></li>
                <li><a href="/?gd=3&amp;cn=5">Đơn vị hành chính</a></li>
              </ul>
            </li>
            <li><a href="/?gd=1&amp;cn=28">Tin tức - Sự kiện</a>
              <ul>
                <li><a href="/?gd=1&amp;cn=29">Tin trong huyện</a></li>
                <li><a href="/?gd=1&amp;cn={s['cn']}">{esc(s['section'])}</a></li>
                <li><a href="/?gd=1&amp;cn=31">Kinh tế</a></li>
                <li><a href="/?gd=1&amp;cn=32">Văn hóa - Xã hội</a></li>
                <li><a href="/?gd=1&amp;cn=33">Quốc phòng - An ninh</a></li>
                <li><a href="/?gd=1&amp;cn=97">Phòng, chống dịch COVID-19</a></li>
              </ul>
            </li>
            <li><a href="/?gd=4&amp;cn=40">Chính quyền</a>
              <ul>
                <li><a href="/?gd=4&amp;cn=41">HĐND huyện</a></li>
                <li><a href="/?gd=4&amp;cn=42">UBND huyện</a></li>
                <li><a href="/?gd=4&amp;cn=44">UBND xã, thị trấn</a></li>
              </ul>
            </li>
            <li><a href="/?gd=6&amp;cn=50">Văn bản</a></li>
            <li><a href="https://dichvucong.thuathienhue.gov.vn/">Thủ tục hành chính</a></li>
            <li><a href="/?gd=22">Liên hệ</a></li>
          </ul>
          <br style="clear: left" />
  </div>
  <div id="tin-moi">
    <span class="tin-moi-label"><img src="/App_Themes/{s['theme']}/images/icon_new.gif" alt="" /></span>
    <div class="marquee" id="marqueeTinMoi">{marquee}</div>
  </div>
  <div id="content">
    <div id="left-col">
      <div class="box-left">
        <div class="box-left-title"><img src="/App_Themes/{s['theme']}/images/title_chuyenmuc.png" alt="" /></div>
      <ul class="left-menu">
        <li><a href="/?gd=1&amp;cn=70">Chỉ đạo điều hành</a></li>
        <li><a href="/?gd=1&amp;cn=29">Tin trong huyện</a></li>
        <li><a href="/?gd=1&amp;cn={s['cn']}">{esc(s['section'])}</a></li>
        <li><a href="/?gd=1&amp;cn=72">Cải cách hành chính</a></li>
        <li><a href="/?gd=1&amp;cn=73">Xây dựng nông thôn mới</a></li>
        <li><a href="/?gd=1&amp;cn=75">Phổ biến giáo dục pháp luật</a></li>
        <li><a href="/?gd=12">Hỏi đáp trực tuyến</a></li>
      </ul>
      </div>
      <div class="box-left banner-left">
        <a href="https://dichvucong.thuathienhue.gov.vn" target="_blank"><img src="/UploadFiles/QuangCao/dichvucong.jpg" alt="" width="200" /></a>
        <a href="https://hues.thuathienhue.gov.vn" target="_blank"><img src="/UploadFiles/QuangCao/hue-s.jpg" alt="" width="200" /></a>
      </div>
    </div>
    <div id="center-col">
"""

    def _bottom(self) -> str:
        s = self.s
        return f"""    </div>
    <div id="right-col">
      <div class="box-right">
        <div class="box-right-title"><img src="/App_Themes/{s['theme']}/images/title_vanbanmoi.png" alt="" /></div>
        <ul class="list-vanban">
          <li><a href="/?gd=6&amp;cn=51&amp;vb=2917">Kế hoạch ứng phó mưa lũ, sạt lở đất mùa mưa bão năm 2020</a></li>
          <li><a href="/?gd=6&amp;cn=51&amp;vb=2912">Thông báo lịch tiếp công dân của lãnh đạo UBND huyện quý IV năm 2020</a></li>
          <li><a href="/?gd=6&amp;cn=51&amp;vb=2905">Quyết định kiện toàn Ban Chỉ đạo xây dựng nông thôn mới huyện</a></li>
        </ul>
      </div>
      <div class="box-right">
        <a href="/?gd=8"><img src="/App_Themes/{s['theme']}/images/lichcongtac.jpg" alt="" width="220" /></a>
        <a href="/?gd=12"><img src="/App_Themes/{s['theme']}/images/hoidap.jpg" alt="" width="220" /></a>
      </div>
      <div class="box-right thongke">
        <div class="box-right-title">Thống kê truy cập</div>
        <div class="thongke-content">
          <div class="tk-row"><img src="/App_Themes/{s['theme']}/images/icon_tk1.png" alt="" /> Tổng truy cập 3.186.402</div>
          <div class="tk-row"><img src="/App_Themes/{s['theme']}/images/icon_tk2.png" alt="" /> Đang truy cập 158</div>
        </div>
      </div>
    </div>
  </div>
  <div class="clear"></div>
  <div id="footer">
    <div class="footer-menu">
      <a href="/">Trang chủ</a> | <a href="/?gd=3&amp;cn=1">Giới thiệu</a> | <a href="/?gd=1&amp;cn=28">Tin tức - Sự kiện</a> | <a href="/?gd=6&amp;cn=50">Văn bản</a> | <a href="/?gd=22">Liên hệ</a>
    </div>
    <div class="footer-info">
      <p><strong>{esc(s['portal_name'].upper())}</strong></p>
      <p>Cơ quan chủ quản: {esc(s['owner'])}</p>
      <p>Chịu trách nhiệm chính: {esc(s['editor'])}</p>
      <p>Giấy phép số {esc(s['licence'])}</p>
      <p>Địa chỉ: {esc(s['address'])}</p>
      <p class="copyright">Thiết kế và phát triển: Trung tâm Công nghệ thông tin tỉnh Thừa Thiên Huế (HueCIT)</p>
    </div>
  </div>
</div>

<script type="text/javascript">
//<![CDATA[
$(document).ready(function () {{
    ddsmoothmenu.init({{ mainmenuid: "menu-top", orientation: 'h', classname: 'ddsmoothmenu', contentsource: "markup" }});
    $('#marqueeTinMoi').marquee({{ duration: 15000, pauseOnHover: true }});
}});
function ChangeFontSize(step) {{
    var el = document.getElementById('ctl00_ContentPlaceHolder1_ctl00_divContent');
    var size = parseInt(window.getComputedStyle(el, null).getPropertyValue('font-size'), 10);
    el.style.fontSize = (size + step) + 'px';
}}
//]]>
</script>
</form>
</body>
</html>
"""

    def _breadcrumb(self, current_is_link: bool) -> str:
        section = esc(self.s["section"])
        last = (
            f'<a href="/?gd=1&amp;cn={self.s["cn"]}">{section}</a>' if current_is_link else f"<span>{section}</span>"
        )
        return (
            '      <div class="breadcrumb">\n'
            f'        <a href="/">Trang chủ</a> &raquo; <a href="/?gd=1&amp;cn=28">Tin tức - Sự kiện</a> &raquo; {last}\n'
            "      </div>\n"
        )

    # -- pages -------------------------------------------------------------------------
    def render_listing(self, page: int, items: list[Link], n_pages: int) -> str:
        url = self.listing_url(page)
        out = [
            self._head(f"{self.s['section']} - {self.s['portal_name']}", self.s["portal_name"], self.href(url)),
            self._top(self.newest),
            self._breadcrumb(False),
            '      <div class="list-news">\n',
            f'        <div class="list-news-title"><h2>{esc(self.s["section"])}</h2></div>\n',
        ]
        for item in items:
            m = item.moment
            href = esc(self.href(item.url))
            out.append(
                '        <div class="news-item">\n'
                f'          <a class="news-item-img" href="{href}"><img src="/UploadFiles/TinTuc/{m.year}/{m.month}/{m.day}/thumb_{item.key}.jpg" alt="" width="140" height="95" /></a>\n'
                f'          <div class="news-item-title"><a href="{href}">{esc(item.title)}</a> <span class="date">({m:%d/%m/%Y})</span></div>\n'
                f'          <div class="news-item-sapo">{esc(item.summary)}</div>\n'
                '          <div class="clear"></div>\n'
                "        </div>\n"
            )
        pager = ['        <div class="pager">\n']
        if page > 1:
            pager.append(f'          <a href="{esc(self.href(self.listing_url(1)))}" class="first">Trang đầu</a>\n')
            pager.append(f'          <a href="{esc(self.href(self.listing_url(page - 1)))}" class="prev">&laquo; Trang trước</a>\n')
        for number in range(1, n_pages + 1):
            if number == page:
                pager.append(f'          <span class="current">{number}</span>\n')
            else:
                pager.append(f'          <a href="{esc(self.href(self.listing_url(number)))}">{number}</a>\n')
        if page < n_pages:
            pager.append(f'          <a href="{esc(self.href(self.listing_url(page + 1)))}" class="next">Trang sau &raquo;</a>\n')
            pager.append(f'          <a href="{esc(self.href(self.listing_url(n_pages)))}" class="last">Trang cuối</a>\n')
        pager.append("        </div>\n")
        out += pager
        out.append("      </div>\n")
        out.append(self._bottom())
        return "".join(out)

    def render_article(self, story: Story, ctx: ArticleContext) -> str:
        m = story.moment
        href = self.href(ctx.url)
        og = (
            '<meta property="og:type" content="article" />\n'
            f'<meta property="og:title" content="{esc(story.title)}" />\n'
            f'<meta property="og:description" content="{esc(story.summary)}" />\n'
        )
        body = []
        for block in story.body:
            if isinstance(block, str):
                body.append(f'<p style="text-align: justify;">{esc(block)}</p>\n')
            else:
                if block.caption:
                    raise ValueError("HueCIT pages carry no photo captions")
                body.append(
                    f'<p style="text-align: center;"><img alt="" src="/UploadFiles/TinTuc/{m.year}/{m.month}/{m.day}/{block.file}" style="width: 600px; height: 400px;" />&nbsp;</p>\n'
                )
        byline = story.author + (f" ({story.author_org})" if story.author_org else "")
        related = "".join(
            f'            <li><a href="{esc(self.href(link.url))}">{esc(link.title)}</a> <span class="date">({link.moment:%d/%m/%Y})</span></li>\n'
            for link in ctx.related
        )
        abs_url = esc(ctx.url)
        return "".join(
            [
                self._head(f"{story.title} - {self.s['portal_name']}", story.summary, href, og),
                self._top(ctx.newest),
                self._breadcrumb(True),
                '      <div class="news-detail">\n',
                f'        <div class="news-title"><h1><span id="ctl00_ContentPlaceHolder1_ctl00_lblTitle">{esc(story.title)}</span></h1></div>\n',
                f'        <div class="news-date"><span class="lbl-date">Ngày cập nhật</span>&nbsp;<span id="ctl00_ContentPlaceHolder1_ctl00_lblDate">{m:%d/%m/%Y}</span></div>\n',
                '        <div class="news-tools">\n',
                f'          <a href="javascript:window.print();" class="print"><img src="/App_Themes/{self.s["theme"]}/images/icon_print.gif" alt="" /> In bài viết</a>\n',
                f'          <a href="mailto:?subject={esc(story.title)}&amp;body={abs_url}" class="email"><img src="/App_Themes/{self.s["theme"]}/images/icon_email.gif" alt="" /> Gửi email</a>\n',
                '          <a href="javascript:ChangeFontSize(1);" class="font-up">A+</a> <a href="javascript:ChangeFontSize(-1);" class="font-down">A-</a>\n',
                f'          <div class="fb-share-button" data-href="{abs_url}" data-layout="button_count" data-size="small"></div>\n',
                "        </div>\n",
                '        <div class="news-content" id="ctl00_ContentPlaceHolder1_ctl00_divContent">\n',
                *body,
                "        </div>\n",
                f'        <div class="news-author" style="text-align: right;"><b>{esc(byline)}</b></div>\n',
                '        <div class="news-share">\n',
                f'          <div class="zalo-share-button" data-href="{abs_url}" data-oaid="579745863508352884" data-layout="1" data-color="blue" data-customize="false"></div>\n',
                "        </div>\n",
                '        <div class="other-news">\n',
                '          <div class="other-news-title">Tin Khác</div>\n',
                "          <ul>\n",
                related,
                "          </ul>\n",
                "        </div>\n",
                '        <div class="view-by-date">\n',
                '          <span class="lbl">Xem tin theo ngày&nbsp;&nbsp;</span><input name="ctl00$ContentPlaceHolder1$ctl00$txtNgayXem" type="text" id="ctl00_ContentPlaceHolder1_ctl00_txtNgayXem" class="datepicker" style="width:80px;" />\n',
                '          <input type="submit" name="ctl00$ContentPlaceHolder1$ctl00$btnXem" value="Xem" id="ctl00_ContentPlaceHolder1_ctl00_btnXem" class="btnXem" />\n',
                "        </div>\n",
                "      </div>\n",
                self._bottom(),
            ]
        )

    def render_not_found(self, url: str) -> str:
        return "".join(
            [
                self._head(f"Không tìm thấy trang - {self.s['portal_name']}", self.s["portal_name"], self.href(url)),
                self._top(self.newest),
                self._breadcrumb(True),
                '      <div class="news-detail error-page">\n',
                '        <div class="news-title"><h1>Không tìm thấy trang yêu cầu</h1></div>\n',
                '        <p class="error-msg">Tin bài bạn tìm không tồn tại hoặc đã bị gỡ bỏ. '
                'Vui lòng quay lại <a href="/">Trang chủ</a>.</p>\n',
                "      </div>\n",
                self._bottom(),
            ]
        )

    def robots_txt(self) -> str:
        return "User-agent: *\nDisallow: /Admin/\nDisallow: /Login.aspx\nDisallow: /UploadFiles/Temp/\n"
