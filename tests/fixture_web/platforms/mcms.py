"""mCMS "zce" newspapers (common.mcms.one): Báo Gia Lai and kin ("mcms"). No seed page; the
markup follows the project brief and research/vn_portals.md §B.

Listing items ``article.story > h2.story__heading > a.cms-link`` + ``time.time[datetime]``
("+0700", no colon) shown "dd/mm/yyyy HH:MM" + ``div.story__summary``; the next page is
``a.next[rel=next]`` (absent on the last page). Article: ``meta[property=article:published_time]``
("+07:00", with seconds), ``meta[itemprop=datePublished]``, JSON-LD with an empty author,
``h1.article__title``, ``div.article__meta time.time``, ``div.article__sapo`` "(GLO)- …",
``div.article__body.zce-content-body.cms-body`` with ``<p>``, ``figure.image > figcaption``, an ad
``div.sda_middle`` inside the body and the author as the last block ``div.t1 > span.t2``.
"""

from __future__ import annotations

import hashlib
import json

from ..model import DeadLink, Story, slugify
from .base import ArticleContext, Link, Platform, esc


def tag_id(tag: str) -> int:
    """A stable numeric tag id, as in /tu-khoa/<slug>-tag<id>.html."""
    return 10000 + int(hashlib.md5(tag.encode("utf-8")).hexdigest(), 16) % 90000


class Mcms(Platform):
    name = "mcms"
    server = "nginx"
    validators = ("last-modified",)

    @property
    def origin(self) -> str:
        return f"https://{self.s['host']}"

    def listing_url(self, page: int) -> str:
        base = f"{self.origin}/{self.s['cat']}/"
        return base if page == 1 else f"{base}?page={page}"

    def article_url(self, story: Story) -> str:
        return f"{self.origin}/{story.slug or slugify(story.title)}-post{story.key}.html"

    def dead_url(self, dead: DeadLink) -> str:
        return f"{self.origin}/{dead.slug or slugify(dead.title)}-post{dead.key}.html"

    def old_url(self, story: Story) -> str:
        # the headline was edited; mCMS answers the old slug with 301 to the new one
        return f"{self.origin}/{self.s['old_slug']}-post{story.key}.html"

    def published(self, story: Story) -> str | None:
        return story.moment.strftime("%Y-%m-%dT%H:%M:%S+07:00")

    def listing_date(self, moment) -> str:
        return moment.strftime("%Y-%m-%dT%H:%M:%S+07:00")

    @staticmethod
    def _iso(moment) -> str:
        return moment.strftime("%Y-%m-%dT%H:%M:%S+0700")

    def _time(self, moment) -> str:
        return f'<time class="time" datetime="{self._iso(moment)}">{moment:%d/%m/%Y %H:%M}</time>'

    # -- page parts --------------------------------------------------------------------
    def _head(self, title: str, description: str, canonical: str, extra: str = "") -> str:
        s = self.s
        menu = "".join(
            f'                <li class="menu__item"><a class="cms-link" href="/{slug}/" title="{esc(name)}">{esc(name)}</a></li>\n'
            for slug, name in s["menu"]
        )
        return f"""<!DOCTYPE html>
<html lang="vi">
<head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>{esc(title)}</title>
    <meta name="description" content="{esc(description)}">
    <link rel="canonical" href="{esc(canonical)}">
    <meta property="og:site_name" content="{esc(s['site_name'])}">
    <meta property="og:url" content="{esc(canonical)}">
    <meta property="og:title" content="{esc(title)}">
{extra}    <link rel="stylesheet" href="https://cdn.{s['host']}/assets/web/styles/css/main.min-1.0.41.css">
    <script src="https://common.mcms.one/assets/js/zce.min.js?v=2.3.7" defer></script>
</head>
<body class="{s['body_class']}">
    <header class="site-header">
        <div class="header__top container">
            <a class="header__logo" href="/" title="{esc(s['site_name'])}"><img src="https://cdn.{s['host']}/assets/web/styles/img/logo.png" alt="{esc(s['site_name'])}"></a>
            <div class="header__date">{esc(s['header_date'])}</div>
            <form class="header__search" action="/tim-kiem/" method="get"><input type="text" name="q" placeholder="Tìm kiếm"><button type="submit" aria-label="Tìm kiếm"></button></form>
        </div>
        <nav class="menu container">
            <ul class="menu__list">
                <li class="menu__item"><a class="cms-link" href="/" title="Trang chủ">Trang chủ</a></li>
{menu}            </ul>
        </nav>
    </header>
    <main class="site-main container">
"""

    def _tail(self) -> str:
        s = self.s
        newest = "".join(
            '                <article class="story story--small">\n'
            f'                    <h3 class="story__heading"><a class="cms-link" href="{esc(self.href(link.url))}" title="{esc(link.title)}">{esc(link.title)}</a></h3>\n'
            "                </article>\n"
            for link in self.newest[:4]
        )
        return f"""        <aside class="site-sidebar">
            <div class="box-most-read">
                <h3 class="box-heading">Đọc nhiều</h3>
{newest}            </div>
            <div class="rennab rennab-right"><a href="https://dichvucong.gialai.gov.vn" rel="nofollow"><img src="https://cdn.{s['host']}/images/banner/dvc.jpg" alt=""></a></div>
        </aside>
    </main>
    <footer class="site-footer">
        <div class="container">
            <div class="footer__info">
                <p class="footer__name"><strong>{esc(s['site_name'].upper())}</strong></p>
                <p>Cơ quan chủ quản: {esc(s['owner'])}</p>
                <p>Giấy phép số {esc(s['licence'])}</p>
                <p>Tổng Biên tập: {esc(s['editor'])}</p>
                <p>Chịu trách nhiệm chính: Tổng Biên tập</p>
                <p>Địa chỉ: {esc(s['address'])}</p>
                <p>Ghi rõ nguồn "{esc(s['site_name'])}" khi phát hành lại thông tin từ website này.</p>
            </div>
            <p class="footer__copyright">Thiết kế và phát triển bởi mCMS</p>
        </div>
    </footer>
</body>
</html>
"""

    # -- pages -------------------------------------------------------------------------
    def render_listing(self, page: int, items: list[Link], n_pages: int) -> str:
        s = self.s
        url = self.listing_url(page)
        out = [
            self._head(f"{s['cat_name']} | {s['site_name']}", s["cat_description"], url),
            '        <div class="breadcrumb"><a class="cms-link" href="/">Trang chủ</a> / '
            f'<h1 class="breadcrumb__title"><a class="cms-link" href="/{s["cat"]}/">{esc(s["cat_name"])}</a></h1></div>\n',
            '        <div class="content-list timeline">\n',
        ]
        for item in items:
            out.append(
                f'<article class="story"><h2 class="story__heading"><a class="cms-link" href="{esc(self.href(item.url))}">{esc(item.title)}</a></h2>'
                f'{self._time(item.moment)}<div class="story__summary">{esc(item.summary)}</div></article>\n'
            )
        out.append("        </div>\n        <div class=\"pagination\">\n")
        if page > 1:
            out.append(f'            <a class="prev" rel="prev" href="{esc(self.href(self.listing_url(page - 1)))}">Trang trước</a>\n')
        for number in range(1, n_pages + 1):
            if number == page:
                out.append(f'            <span class="page active">{number}</span>\n')
            else:
                out.append(f'            <a class="page" href="{esc(self.href(self.listing_url(number)))}">{number}</a>\n')
        if page < n_pages:
            out.append(f'            <a class="next" rel="next" href="{esc(self.href(self.listing_url(page + 1)))}">Trang sau</a>\n')
        out.append("        </div>\n")
        out.append(self._tail())
        return "".join(out)

    def render_article(self, story: Story, ctx: ArticleContext) -> str:
        s = self.s
        m = story.moment
        published = self.published(story)
        sapo, rest = story.body[0], story.body[1:]
        if not isinstance(sapo, str):
            raise ValueError("an mCMS story starts with its sapo")
        body = []
        paragraphs_seen = 0
        for index, block in enumerate(rest):
            if isinstance(block, str):
                body.append(f"<p>{esc(block)}</p>\n")
                paragraphs_seen += 1
                if paragraphs_seen == 2:
                    body.append(
                        '<div class="sda_middle"><div id="sdaWeb_SdaArticleMiddle" class="rennab" data-platform="1" data-position="Web_SdaArticleMiddle">'
                        "<script>window.sdaSlots = window.sdaSlots || []; sdaSlots.push('Web_SdaArticleMiddle');</script></div></div>\n"
                    )
            else:
                digest = hashlib.sha512(f"{story.key}/{block.file}".encode()).hexdigest()
                src = f"https://cdn.{s['host']}/images/{digest}/{m:%Y/%m/%d}/{block.file}"
                caption = f"<figcaption>{esc(block.caption)}</figcaption>" if block.caption else ""
                body.append(f'<figure class="image"><img src="{src}" alt="{esc(block.caption or story.title)}" width="1200" height="800">{caption}</figure>\n')
        body.append(f'<div class="t1"><span class="t2">{esc(story.author)}</span></div>\n')
        ld = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "mainEntityOfPage": ctx.url,
            "headline": story.title,
            "description": story.summary,
            "datePublished": published,
            "dateModified": published,
            "author": {"@type": "Person", "name": ""},
            "publisher": {"@type": "Organization", "name": s["site_name"]},
        }
        extra = (
            '    <meta property="og:type" content="article">\n'
            f'    <meta property="article:published_time" content="{published}">\n'
            f'    <meta property="article:section" content="{esc(s["cat_name"])}">\n'
            f'    <meta itemprop="datePublished" content="{published}">\n'
            f'    <script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>\n'
        )
        related = "".join(
            '                <article class="story">\n'
            f'                    <h3 class="story__heading"><a class="cms-link" href="{esc(self.href(link.url))}" title="{esc(link.title)}">{esc(link.title)}</a></h3>\n'
            f"                    {self._time(link.moment)}\n"
            "                </article>\n"
            for link in ctx.related
        )
        tags = "".join(
            f'                <a class="tag cms-link" href="/tu-khoa/{slugify(tag)}-tag{tag_id(tag)}.html">{esc(tag)}</a>\n'
            for tag in story.tags
        )
        return "".join(
            [
                self._head(f"{story.title} | {s['site_name']}", story.summary, ctx.url, extra),
                '        <div class="breadcrumb"><a class="cms-link" href="/">Trang chủ</a> / '
                f'<a class="cms-link" href="/{s["cat"]}/">{esc(s["cat_name"])}</a></div>\n',
                '        <div class="article">\n',
                f'            <h1 class="article__title">{esc(story.title)}</h1>\n',
                f'            <div class="article__meta">{self._time(m)}</div>\n',
                '            <div class="article__social"><a class="social__item facebook" href="javascript:;" rel="nofollow">Chia sẻ</a>'
                ' <a class="social__item print" href="javascript:window.print();" rel="nofollow">In bài</a></div>\n',
                f'            <div class="article__sapo">{esc(sapo)}</div>\n',
                '            <div class="article__body zce-content-body cms-body" itemprop="articleBody">\n',
                *body,
                "            </div>\n",
                '            <div class="article__tag">\n                <span class="tag-label">Từ khóa:</span>\n',
                tags,
                "            </div>\n",
                '            <div class="article__related">\n                <h3 class="box-heading">Tin liên quan</h3>\n',
                related,
                "            </div>\n",
                "        </div>\n",
                self._tail(),
            ]
        )

    def render_not_found(self, url: str) -> str:
        return "".join(
            [
                self._head(f"Không tìm thấy trang | {self.s['site_name']}", "Không tìm thấy trang", url),
                '        <div class="page-error">\n',
                '            <h1 class="page-error__title">404</h1>\n',
                '            <p class="page-error__text">Không tìm thấy trang bạn yêu cầu. Bài viết có thể đã bị gỡ hoặc đường dẫn không đúng.</p>\n',
                '            <a class="cms-link" href="/">Quay lại trang chủ</a>\n',
                "        </div>\n",
                self._tail(),
            ]
        )

    def robots_txt(self) -> str:
        return (
            "User-agent: *\nDisallow: /tim-kiem/\nDisallow: /api/\nDisallow: /preview/\n"
            f"Sitemap: {self.origin}/sitemaps.xml\n"
        )
