"""VNPT-Media CMS of provincial broadcasters ("vnpt-media"), as seed page 004 (hagiangtv.vn).

Kept from the seed: article URLs ``/<cat>/<YYYYMM>/<slug>-<7hex>/``, ``h1.article-title``,
``div.date`` "HH:MM, dd/mm/yyyy" (time first), an audio player whose file name embeds a
timestamp, body ``div.article_content div.content#content`` written with CKEditor's Latin-1 named
entities (``&agrave;``, ``&acirc;``, ``&iacute;`` …) in paragraphs and captions, photos as
``table.image`` with ``td.image_desc`` captions, the byline as the last right-aligned ``<strong>``
paragraph followed by two ``<p>&nbsp;</p>``, tags, a comment box, "Tin cùng chuyên mục" with
``span.time`` later the same day, the logo alt "Đài Phát thanh và Truyền hình Hà giang";
listings ``div.item-news`` with ``a.title2``, ``div.time`` and ``div.desc``, paging ``a.next``.
"""

from __future__ import annotations

from datetime import timedelta
from html.entities import codepoint2name
from urllib.parse import quote_plus

from ..model import DeadLink, Story, hex7, slugify
from .base import ArticleContext, Link, Platform, esc


def ckeditor(text: str) -> str:
    """Escape as CKEditor does: markup characters, NBSP, and Latin-1 letters as named entities."""
    out = []
    for ch in text:
        code = ord(ch)
        if ch == "&":
            out.append("&amp;")
        elif ch == "<":
            out.append("&lt;")
        elif ch == ">":
            out.append("&gt;")
        elif ch == "\u00a0":
            out.append("&nbsp;")
        elif 0xC0 <= code <= 0xFF and code in codepoint2name:
            out.append(f"&{codepoint2name[code]};")
        else:
            out.append(ch)
    return "".join(out)


class VnptMedia(Platform):
    name = "vnpt-media"
    server = "nginx"
    validators = ("etag", "last-modified")  # behind a caching nginx

    @property
    def origin(self) -> str:
        return f"https://{self.s['host']}"

    def listing_url(self, page: int) -> str:
        base = f"{self.origin}/{self.s['cat']}/"
        return base if page == 1 else f"{base}?page={page}"

    def _path(self, title: str, moment, slug: str | None) -> str:
        slug = slug or slugify(title)
        return f"/{self.s['cat']}/{moment:%Y%m}/{slug}-{hex7(title)}/"

    def article_url(self, story: Story) -> str:
        return self.origin + self._path(story.title, story.moment, story.slug)

    def dead_url(self, dead: DeadLink) -> str:
        return self.origin + self._path(dead.title, dead.moment, dead.slug)

    def old_url(self, story: Story) -> str:
        # linked without the trailing slash; nginx answers 301 to the slash form
        return self.article_url(story).rstrip("/")

    def redirect_location(self, new_url: str) -> str:
        return new_url[len(self.origin) :]  # nginx sends a path-absolute Location

    def _file(self, name: str, moment) -> str:
        return f"/file/{self.s['unit']}/{moment:%m%Y}/{name}_{moment:%Y%m%d%H%M%S}.jpg"

    # -- page parts --------------------------------------------------------------------
    def _head(self, title: str, description: str, canonical: str, og_type: str, image: str = "") -> str:
        s = self.s
        active = ' class="active"'
        menu = "".join(
            f'                <li{active if href == "/" + s["cat"] + "/" else ""}><a href="{href}">{text}</a></li>\n'
            for href, text in s["menu"]
        )
        og_image = f'    <meta property="og:image" content="{esc(image)}" />\n' if image else ""
        return f"""<!DOCTYPE html>
<html lang="vi">
<head>
    <meta charset="utf-8" />
    <meta http-equiv="X-UA-Compatible" content="IE=edge" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>{esc(title)}</title>
    <meta name="description" content="{esc(description)}" />
    <meta name="keywords" content="{esc(s['keywords'])}" />
    <link rel="canonical" href="{esc(canonical)}" />
    <meta property="og:site_name" content="{esc(s['site_name'])}" />
    <meta property="og:type" content="{og_type}" />
    <meta property="og:title" content="{esc(title)}" />
    <meta property="og:description" content="{esc(description)}" />
    <meta property="og:url" content="{esc(canonical)}" />
{og_image}    <link rel="shortcut icon" href="/common/v1/images/favicon.ico" />
    <link rel="stylesheet" href="/common/v1/css/bootstrap.min.css" />
    <link rel="stylesheet" href="/common/v1/css/style.css?v=20230310" />
    <script src="/common/v1/js/jquery-3.4.1.min.js"></script>
    <script src="/common/v1/js/bootstrap.min.js"></script>
    <script>
        var scUnitMapId = '{s['unit']}';
        var scSiteUrl = '{self.origin}';
    </script>
</head>
<body>
<div id="fb-root"></div>
<header class="header">
    <div class="container">
        <div class="top-bar clearfix">
            <div class="logo"><a href="/"><img src="/common/v1/images/logo.png" alt="{esc(s['logo_alt'])}" /></a></div>
            <ul class="weather" id="weatherBox">
                <li><span class="w-city">{esc(s['city'])}</span><div class="w-temp"><img class="w-icon" src="/common/v1/images/weather/03d.png" alt="" /><span id="weatherTemp"></span><sup>o</sup>C</div></li>
            </ul>
            <div class="live">
                <a href="/truyen-hinh-truc-tiep/" class="btn-live"><i class="fa fa-play-circle"></i> HGTV</a>
                <a href="/phat-thanh-truc-tiep/" class="btn-live"><i class="fa fa-headphones"></i> Phát thanh</a>
            </div>
            <form class="search" action="/tim-kiem/" method="get">
                <input type="text" name="q" placeholder="Tìm kiếm..." />
                <button type="submit"><i class="fa fa-search"></i></button>
            </form>
        </div>
    </div>
    <nav class="main-nav">
        <div class="container">
            <ul class="menu">
{menu}            </ul>
        </div>
    </nav>
</header>
<div class="container main">
"""

    def _tail(self) -> str:
        s = self.s
        most = "".join(
            f'                <li><a href="{esc(self.href(link.url))}">{esc(link.title)}</a></li>\n' for link in self.newest[:4]
        )
        return f"""        <div class="col-md-4 sidebar">
            <div class="box-side">
                <h3 class="box-title">Tin đọc nhiều</h3>
                <ul class="list-most-read">
{most}                </ul>
            </div>
            <div class="box-side counter">
                <h3 class="box-title">Thống kê truy cập</h3>
                <p>Đang truy cập: 96</p>
                <p>Tổng lượt truy cập: 12.458.071</p>
            </div>
            <div class="box-side banner">
                <a href="https://dichvucong.hagiang.gov.vn" target="_blank"><img src="/file/{s['unit']}/banner/dvc.png" alt="" /></a>
            </div>
        </div>
    </div>
</div>
<footer class="footer">
    <div class="container">
        <div class="footer-logo"><img src="/common/v1/images/logo-footer.png" alt="" /></div>
        <div class="footer-info">
            <p><strong>{esc(s['site_name'].upper())}</strong></p>
            <p>Cơ quan chủ quản: {esc(s['owner'])}</p>
            <p>Giấy phép số {esc(s['licence'])}</p>
            <p>Chịu trách nhiệm chính: {esc(s['editor'])}</p>
            <p>Bản quyền thuộc về {esc(s['site_name'])}. Ghi rõ nguồn "{s['host']}" khi phát hành lại thông tin từ website này.</p>
        </div>
    </div>
</footer>
<script>
    $(function () {{
        $.getJSON('/sc_service/api/weather?scUnitMapId=' + scUnitMapId + '&city=hagiang', function (d) {{
            if (d && d.temp) {{ $('#weatherTemp').text(Math.round(d.temp)); }}
        }});
    }});
</script>
<script src="https://sp.zalo.me/plugins/sdk.js"></script>
</body>
</html>
"""

    def _breadcrumb(self, current_is_link: bool) -> str:
        name = esc(self.s["cat_name"])
        last = f'<li class="active"><a href="/{self.s["cat"]}/">{name}</a></li>' if current_is_link else f'<li class="active">{name}</li>'
        return f'    <ol class="breadcrumb">\n        <li><a href="/">Trang chủ</a></li>\n        {last}\n    </ol>\n    <div class="row">\n        <div class="col-md-8">\n'

    # -- pages -------------------------------------------------------------------------
    def render_listing(self, page: int, items: list[Link], n_pages: int) -> str:
        s = self.s
        out = [
            self._head(f"{s['cat_name']} - {s['site_name']}", s["cat_description"], self.listing_url(1), "website"),
            self._breadcrumb(False),
            f'            <h2 class="cat-title">{esc(s["cat_name"])}</h2>\n',
            '            <div class="list-news">\n',
        ]
        for item in items:
            href = esc(self.href(item.url))
            out.append(
                '            <div class="item-news clearfix">\n'
                f'                <a class="thumb" href="{href}"><img src="/file/{s["unit"]}/{item.moment:%m%Y}/thumb_{hex7(item.title)}.jpg" alt="" /></a>\n'
                f'                <a class="title2" href="{href}">{esc(item.title)}</a>\n'
                f'                <div class="time">{item.moment:%H:%M, %d/%m/%Y}</div>\n'
                f'                <div class="desc">{esc(item.summary)}</div>\n'
                "            </div>\n"
            )
        out.append("            </div>\n")
        out.append('            <div class="paging">\n')
        if page > 1:
            out.append(f'                <a class="prev" href="{esc(self.href(self.listing_url(page - 1)))}">&lsaquo;</a>\n')
        for number in range(1, n_pages + 1):
            css = ' class="active"' if number == page else ""
            out.append(f'                <a{css} href="{esc(self.href(self.listing_url(number)))}">{number}</a>\n')
        if page < n_pages:
            out.append(f'                <a class="next" href="{esc(self.href(self.listing_url(page + 1)))}">&rsaquo;</a>\n')
            out.append(f'                <a class="last" href="{esc(self.href(self.listing_url(n_pages)))}">&raquo;</a>\n')
        out.append("            </div>\n        </div>\n")
        out.append(self._tail())
        return "".join(out)

    def render_article(self, story: Story, ctx: ArticleContext) -> str:
        s = self.s
        m = story.moment
        body = []
        first_image = ""
        for index, block in enumerate(story.body):
            if isinstance(block, str):
                body.append(f'<p style="text-align: justify;">{ckeditor(block)}</p>\n')
                continue
            src = self._file(block.file, m - timedelta(minutes=12, seconds=41 - index))
            first_image = first_image or self.origin + src
            caption = f'<tr>\n<td class="image_desc">{ckeditor(block.caption)}</td>\n</tr>\n' if block.caption else ""
            body.append(f'<table class="image center" align="center">\n<tbody>\n<tr>\n<td><img src="{src}" alt="" /></td>\n</tr>\n{caption}</tbody>\n</table>\n')
        body.append(f'<p style="text-align: right;"><strong>{ckeditor(story.author)}</strong></p>\n')
        body.append("<p>&nbsp;</p>\n<p>&nbsp;</p>\n")
        related = "".join(
            "                    <li>\n"
            f'                        <a class="thumb" href="{esc(self.href(link.url))}"><img src="/file/{s["unit"]}/{link.moment:%m%Y}/thumb_{hex7(link.title)}.jpg" alt="" /></a>\n'
            f'                        <a class="title5" href="{esc(self.href(link.url))}">{esc(link.title)}</a>\n'
            f'                        <span class="time">{link.moment:%H:%M, %d/%m/%Y}</span>\n'
            "                    </li>\n"
            for link in ctx.related
        )
        tags = "".join(f'                    <a href="/tim-kiem/?q={quote_plus(tag)}">{esc(tag)}</a>\n' for tag in story.tags)
        quoted = quote_plus(ctx.url)
        audio = f"/file/{s['unit']}/audio/{m:%m%Y}/{slugify(story.title)[:40]}_{(m + timedelta(minutes=4)):%Y%m%d%H%M%S}.mp3"
        return "".join(
            [
                self._head(story.title, story.summary, ctx.url, "article", first_image),
                self._breadcrumb(True),
                '            <div class="article-detail">\n',
                f'                <h1 class="article-title">{esc(story.title)}</h1>\n',
                '                <div class="article-meta clearfix">\n',
                f'                    <div class="date">{m:%H:%M, %d/%m/%Y}</div>\n',
                '                    <div class="share-top">\n',
                f'                        <div class="fb-like" data-href="{esc(ctx.url)}" data-layout="button_count" data-action="like" data-size="small" data-share="true"></div>\n',
                "                    </div>\n",
                "                </div>\n",
                '                <div id="audio_news" class="audio-player">\n',
                f'                    <audio controls preload="none"><source src="{audio}" type="audio/mpeg" /></audio>\n',
                "                </div>\n",
                '                <div class="article_content">\n',
                '                    <div class="content" id="content">\n',
                *body,
                "                    </div>\n",
                "                </div>\n",
                '                <div class="article-tags">\n',
                '                    <span class="tags-label"><i class="fa fa-tags"></i> Từ khóa:</span>\n',
                tags,
                "                </div>\n",
                '                <div class="share-bottom">\n',
                "                    <span>Chia sẻ:</span>\n",
                f'                    <a href="https://www.facebook.com/sharer/sharer.php?u={quoted}" target="_blank" class="fb"><i class="fa fa-facebook"></i></a>\n',
                '                    <a href="javascript:window.print();" class="print"><i class="fa fa-print"></i> In bài</a>\n',
                "                </div>\n",
                '                <div class="comment-box" id="commentBox">\n',
                '                    <h3 class="comment-title">Ý kiến bạn đọc</h3>\n',
                '                    <div class="comment-form">\n',
                '                        <textarea id="txtComment" rows="4" placeholder="Nhập nội dung ý kiến (tối thiểu 10 ký tự)"></textarea>\n',
                '                        <button type="button" id="btnSendComment" class="btn btn-primary">Gửi ý kiến</button>\n',
                '                        <p class="comment-note">Ý kiến của bạn sẽ được biên tập trước khi đăng.</p>\n',
                "                    </div>\n",
                "                </div>\n",
                '                <div class="related-news">\n',
                '                    <h3 class="related-title">Tin cùng chuyên mục</h3>\n',
                "                    <ul>\n",
                related,
                "                    </ul>\n",
                "                </div>\n",
                "            </div>\n",
                "        </div>\n",
                self._tail(),
            ]
        )

    def render_not_found(self, url: str) -> str:
        return "".join(
            [
                self._head(f"404 - Trang không tồn tại - {self.s['site_name']}", "Trang không tồn tại", url, "website"),
                self._breadcrumb(True),
                '            <div class="page-404">\n',
                '                <h1 class="article-title">404 - Trang không tồn tại</h1>\n',
                '                <p>Nội dung bạn tìm không tồn tại hoặc đã bị gỡ bỏ. <a href="/">Về trang chủ</a></p>\n',
                "            </div>\n",
                "        </div>\n",
                self._tail(),
            ]
        )

    def robots_txt(self) -> str:
        return "User-agent: *\nDisallow: /sc_service/\nDisallow: /tim-kiem/\nDisallow: /admin/\n"
