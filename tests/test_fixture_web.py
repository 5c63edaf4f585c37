"""The fixture web is well formed, its ground truth matches its pages, and the proxy and the demo
snapshot serve exactly it. No network beyond 127.0.0.1."""

from __future__ import annotations

import re
import ssl
import unicodedata
import urllib.error
import urllib.request
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

import lxml.html
import pytest
from warcio.archiveiterator import ArchiveIterator

from tests.fixture_web import (
    ARTICLES,
    LISTING_URLS,
    NOT_FOUND_URLS,
    REDIRECTS,
    START_URLS,
    FixtureProxy,
    build_fixture_web,
    find_documents,
)

ROOT = Path(__file__).resolve().parents[1]
SNAPSHOT = ROOT / "crawler" / "demo" / "fixture_portals.warc.gz"
SITES = sorted(START_URLS)

# What the seed pages teach about each platform: where the listing's "next" link, the title, the
# date, the body and the captions are. The fixture pages must read the same way.
NEXT = {
    "huecit": '//div[@class="pager"]/a[@class="next"]/@href',
    "quangngai-portal": '//ul[contains(@class, "lfr-pagination-buttons")]/li[not(contains(@class, "disabled"))]/a[normalize-space()="Tiếp"]/@href',
    "danvan-legacy": '//ul[@class="pagination"]/li/a[normalize-space()="»"]/@href',
    "sharepoint-qn": '//div[@class="paging"]/a[starts-with(normalize-space(), "Sau")]/@href',
    "vnpt-media": '//div[@class="paging"]/a[@class="next"]/@href',
    "mcms": '//a[@class="next"][@rel="next"]/@href',
}
LIST_ITEM = {  # item, link, date
    "huecit": ('//div[@class="news-item"]', './/div[@class="news-item-title"]/a', './/span[@class="date"]'),
    "quangngai-portal": ('//div[@class="box-news-xx"]', './/h2[@class="h2-title-xx"]/a', './/p[@class="date_post"]'),
    "danvan-legacy": ('//div[@class="list-news"]/div[contains(@class, "news-item")]', './/h3[@class="news-title"]/a', './/span[@class="news-date"]'),
    "sharepoint-qn": ('//div[contains(@class, "item-tintuc")]', './/h3[@class="tieude"]/a', './/span[@class="ngay"]'),
    "vnpt-media": ('//div[contains(@class, "item-news")]', './/a[@class="title2"]', './/div[@class="time"]'),
    "mcms": ('//article[@class="story"]', './/h2[@class="story__heading"]/a', ".//time"),
}
TITLE = {
    "huecit": '//span[@id="ctl00_ContentPlaceHolder1_ctl00_lblTitle"]',
    "quangngai-portal": '//h3[@class="header-title"]/span',
    "danvan-legacy": '//h1[@class="detail-title"]',
    "sharepoint-qn": '//h1[@class="tieude-chitiet"]',
    "vnpt-media": '//h1[@class="article-title"]',
    "mcms": '//h1[@class="article__title"]',
}
DATE = {
    "huecit": '//span[@id="ctl00_ContentPlaceHolder1_ctl00_lblDate"]',
    "quangngai-portal": '//div[@class="news-info-date"]/span[@class="date-post"]',
    "sharepoint-qn": '//div[@class="ngay-chitiet"]',
    "vnpt-media": '//div[@class="article-meta clearfix"]/div[@class="date"]',
    "mcms": '//div[@class="article__meta"]/time',
}
BODY = {
    "huecit": '//div[@id="ctl00_ContentPlaceHolder1_ctl00_divContent"]',
    "quangngai-portal": '//div[contains(@class, "asset-full-content")]//div[@class="journal-content-article"]',
    "danvan-legacy": '//div[@id="divContent"]',
    "sharepoint-qn": '//div[contains(@class, "noidung-chitiet")]',
    "vnpt-media": '//div[@id="content"]',
    "mcms": '//div[contains(@class, "article__body")]',
}
CAPTION = {
    "huecit": ".//figcaption",
    "quangngai-portal": ".//figure/figcaption",
    "danvan-legacy": './/table[@class="tplCaption"]//td[@class="image-caption"]',
    "sharepoint-qn": ".//figure/figcaption",
    "vnpt-media": './/table[contains(@class, "image")]//td[@class="image_desc"]',
    "mcms": ".//figure/figcaption",
}
ARTICLE_URL = {  # the URL forms of articles and listing pages, per site
    "phongdien": r"https://phongdien\.thuathienhue\.gov\.vn/\?gd=1&cn=(83(&pg=\d+)?|(83|29)&tc=\d+)",
    "sontinh": r"https://sontinh\.quangngai\.gov\.vn/web/portal-st/(xem-chi-tiet/-/asset_publisher/Content/[a-z0-9-]+\?\d+|tin-hoat-dong(\?.*)?)",
    "danvan": r"http://danvan\.vn/Home/Tin-hoat-dong/Dan-van-cac-dia-phuong(/[A-Za-z0-9-]+/\d+|\?page=\d+)?",
    "quangninh-bdv": r"https?://www\.quangninh\.gov\.vn/bannganh/BanDanVan/Trang/(ChiTietTinTuc\.aspx\?nid=\d+|tin-tuc-su-kien\.aspx\?Cat=3(&Page=\d+)?)",
    "hagiangtv": r"https://hagiangtv\.vn/thoi-su/(\d{6}/[a-z0-9-]+-[0-9a-f]{7}/?|\?page=\d+)?",
    "baogialai": r"https://baogialai\.com\.vn/([a-z0-9-]+-post\d{6}\.html|chinh-tri/(\?page=\d+)?)",
}
DATE_FORMS = [  # (pattern, has time) for the visible dates of listings and articles
    (re.compile(r"^\((\d{2})/(\d{2})/(\d{4})\)$"), False),  # (dd/mm/yyyy)
    (re.compile(r"^(\d{2})/(\d{2})/(\d{4})$"), False),
    (re.compile(r"^(\d{2})/(\d{2})/(\d{4}) (\d{2}):(\d{2})$"), True),
]


def norm(text: str) -> str:
    """Compare text as the seed gold does: NFC, all whitespace (NBSP too) as one space."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def archive_date(shown: str) -> str:
    """The archive form of a date as a page shows it (day first; time first on some platforms)."""
    shown = norm(shown)
    match = re.match(r"^(\d{2}):(\d{2}),? (\d{2})/(\d{2})/(\d{4})$", shown)
    if match:
        hh, mm, d, m, y = match.groups()
        return f"{y}-{m}-{d}T{hh}:{mm}:00+07:00"
    for pattern, has_time in DATE_FORMS:
        match = pattern.match(shown)
        if match:
            d, m, y = match.groups()[:3]
            return f"{y}-{m}-{d}T{match[4]}:{match[5]}:00+07:00" if has_time else f"{y}-{m}-{d}"
    raise AssertionError(f"unknown date form {shown!r}")


@pytest.fixture(scope="module")
def web():
    return build_fixture_web()


@pytest.fixture(scope="module")
def trees(web):
    return {
        url: lxml.html.document_fromstring(response.body.decode("utf-8"))
        for url, response in web.items()
        if response.header("Content-Type").startswith("text/html") and response.body
    }


def platform_of(site_id: str) -> str:
    return next(truth.platform for truth in ARTICLES if truth.site_id == site_id)


# -- shape ---------------------------------------------------------------------------------


@pytest.mark.parametrize("site_id", SITES)
def test_each_site_has_listings_articles_a_404_and_a_redirect(site_id, web):
    host = urlsplit(START_URLS[site_id]).hostname
    articles = [truth for truth in ARTICLES if truth.site_id == site_id]
    assert LISTING_URLS[site_id][0] == START_URLS[site_id]
    # A section's recent items and its back catalogue: deep enough that a daily run reads a tenth of it.
    assert 4 <= len(LISTING_URLS[site_id]) <= 6
    assert len(articles) == 19
    assert 4 <= sum(not truth.about_danvan for truth in articles) <= 7  # about a third is other news
    assert len([url for url in NOT_FOUND_URLS if urlsplit(url).hostname == host]) == 1
    assert len([url for url in REDIRECTS if urlsplit(url).hostname == host]) == 1
    for url in LISTING_URLS[site_id] + [truth.url for truth in articles]:
        assert web[url].status == 200, url


def test_statuses_headers_and_robots(web):
    for url in NOT_FOUND_URLS:  # a real error page in the portal's own template
        assert web[url].status == 404
        page = web[url].body.decode("utf-8")
        assert "Không tìm thấy" in page or "không tồn tại" in page, url
        assert len(page) > 5000, url
    for old, new in REDIRECTS.items():
        assert web[old].status == 301
        assert urljoin(old, web[old].header("Location")) == new
        assert web[new].status == 200
    origins = {f"{urlsplit(url).scheme}://{urlsplit(url).netloc}" for url in web}
    for origin in origins:
        robots = web[f"{origin}/robots.txt"]
        assert robots.status == 200 and robots.header("Content-Type") == "text/plain"
        assert robots.body.startswith(b"User-agent: *")
    for url, response in web.items():
        assert response.header("Content-Length") == str(len(response.body)), url
        if url.endswith("/robots.txt"):
            continue
        content_type = response.header("Content-Type").lower().replace(" ", "")
        assert content_type == "text/html;charset=utf-8", url


def test_robots_allow_every_served_page(web):
    for url in web:
        if url.endswith("/robots.txt"):
            continue
        parts = urlsplit(url)
        rules = web[f"{parts.scheme}://{parts.netloc}/robots.txt"].body.decode().splitlines()
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        disallowed = [line.split(":", 1)[1].strip() for line in rules if line.startswith("Disallow:")]
        assert not any(rule and path.startswith(rule) for rule in disallowed), url


class TagBalance(HTMLParser):
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        pass

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else None}>")
        else:
            self.stack.pop()


def test_pages_are_balanced_utf8_nfc_html(web):
    for url, response in web.items():
        text = response.body.decode("utf-8")
        assert unicodedata.is_normalized("NFC", text), url
        if not response.body or url.endswith("/robots.txt"):
            continue
        checker = TagBalance()
        checker.feed(text)
        checker.close()
        assert not checker.errors and not checker.stack, (url, checker.errors[:3], checker.stack[-3:])


# -- links ---------------------------------------------------------------------------------


def test_every_article_or_listing_link_resolves(web, trees):
    """Links in the portals' own URL forms (items, pagination, related lists) all answer."""
    forms = {site_id: re.compile(pattern) for site_id, pattern in ARTICLE_URL.items()}
    checked = 0
    for page_url, tree in trees.items():
        for href in tree.xpath("//a/@href"):
            url = urldefrag(urljoin(page_url, href.strip()))[0]
            if any(form.fullmatch(url) for form in forms.values()):
                checked += 1
                assert url in web, (page_url, href)
                assert web[url].status in (200, 301) or url in NOT_FOUND_URLS, url
    assert checked > 500


@pytest.mark.parametrize("site_id", SITES)
def test_pagination_chain_in_the_platforms_own_form(site_id, trees):
    platform = platform_of(site_id)
    chain = LISTING_URLS[site_id]
    for index, url in enumerate(chain):
        hrefs = trees[url].xpath(NEXT[platform])
        if index + 1 < len(chain):
            assert [urljoin(url, href) for href in hrefs] == [chain[index + 1]], url
        else:
            assert hrefs == [], f"the last page {url} has a next link"


@pytest.mark.parametrize("site_id", SITES)
def test_listing_items_dates_and_targets(site_id, trees):
    platform = platform_of(site_id)
    item_xpath, link_xpath, date_xpath = LIST_ITEM[platform]
    truth = {t.url: t for t in ARTICLES if t.site_id == site_id}
    linked = {}
    for url in LISTING_URLS[site_id]:
        for item in trees[url].xpath(item_xpath):
            link = item.xpath(link_xpath)[0]
            date = item.xpath(date_xpath)[0]
            shown = date.get("datetime") or date.text_content()
            linked[urljoin(url, link.get("href"))] = (norm(link.text_content()), shown)
    targets = {REDIRECTS.get(url, url) for url in linked}
    dead = [url for url in NOT_FOUND_URLS if url in linked]
    assert len(dead) == 1 and targets - set(dead) == set(truth)
    for url, (title, shown) in linked.items():
        if url in dead:
            continue
        article = truth[REDIRECTS.get(url, url)]
        assert title == article.title
        if platform == "mcms":
            assert shown.replace("+0700", "+07:00") == article.listing_date
        else:
            assert archive_date(shown) == article.listing_date, url
        if article.published is not None:
            assert article.published.startswith(article.listing_date[:10])


# -- ground truth --------------------------------------------------------------------------


@pytest.mark.parametrize("truth", ARTICLES, ids=lambda t: f"{t.site_id}-{t.url.rsplit('/', 1)[-1][-24:]}")
def test_truth_reads_off_the_page_with_seed_selectors(truth, trees):
    tree = trees[truth.url]
    platform = truth.platform
    assert norm(tree.xpath(TITLE[platform])[0].text_content()) == truth.title
    if platform == "danvan-legacy":
        assert truth.published is None
        assert tree.xpath('//meta[@name="author"]/@content') == ["Ban Dân vận Trung ương"]
        assert re.fullmatch(r"Thứ \w+, \d{1,2}/\d{1,2}/2024", tree.xpath('//span[@id="lblToday"]')[0].text)
    elif platform == "mcms":
        assert tree.xpath('//meta[@property="article:published_time"]/@content') == [truth.published]
        assert tree.xpath(DATE[platform])[0].get("datetime") == truth.published.replace("+07:00", "+0700")
    else:
        assert archive_date(tree.xpath(DATE[platform])[0].text_content()) == truth.published
    body = tree.xpath(BODY[platform])[0]
    body_text = norm(body.text_content())
    if platform == "mcms":
        body_text = norm(tree.xpath('//div[@class="article__sapo"]')[0].text_content()) + " " + body_text
    position = 0
    for paragraph in truth.paragraphs:  # every paragraph, in order, inside the body container
        found = body_text.find(norm(paragraph), position)
        assert found >= 0, paragraph[:60]
        position = found + len(norm(paragraph))
    assert [norm(c.text_content()) for c in body.xpath(CAPTION[platform])] == [norm(c) for c in truth.captions]
    assert truth.documents == find_documents(truth.paragraphs)
    page_text = norm(tree.text_content())
    if truth.author:
        byline = truth.author + (f" ({truth.author_org})" if platform == "huecit" and truth.author_org else "")
        byline += f", {truth.author_org}" if platform == "sharepoint-qn" and truth.author_org else ""
        assert norm(byline) in page_text
    if truth.source:
        assert f"({truth.source})" in body_text


def test_truth_is_nfc_and_within_the_agreed_sizes():
    for truth in ARTICLES:
        for text in [truth.title, *truth.paragraphs, *truth.captions, truth.author or ""]:
            assert unicodedata.is_normalized("NFC", text)
            assert text == text.strip()
        assert 3 <= len(truth.paragraphs) <= 7, truth.url
        for paragraph in truth.paragraphs:
            assert 40 <= len(paragraph.split()) <= 120, paragraph[:60]
    years = sorted({truth.listing_date[:4] for truth in ARTICLES})
    assert years[0] == "2019" and years[-1] == "2025"
    assert sum(bool(truth.captions) for truth in ARTICLES) >= 25
    cited = {number for truth in ARTICLES for number in truth.documents}
    assert {"23-QĐ/TW", "120-KH/HU", "90/KH-UBND", "17/2018/QĐ-UBND", "10/2022/QH15"} <= cited


def test_published_follows_each_platforms_date_display():
    forms = {
        "huecit": r"\d{4}-\d{2}-\d{2}",
        "danvan-legacy": None,
        "mcms": r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00",
    }
    for truth in ARTICLES:
        form = forms.get(truth.platform, r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\+07:00")
        if form is None:
            assert truth.published is None
        else:
            assert re.fullmatch(form, truth.published), truth.url


def test_republished_copy_matches_its_original():
    copy = next(truth for truth in ARTICLES if truth.republished_from)
    original = next(truth for truth in ARTICLES if truth.url == copy.republished_from)
    assert (copy.site_id, original.site_id) == ("danvan", "baogialai")
    assert copy.source == "baogialai.com.vn" and original.source is None
    assert original.paragraphs[0] == "(GLO)- " + copy.paragraphs[0]
    assert copy.paragraphs[1:-1] == original.paragraphs[1:-1]
    assert original.paragraphs[-1].startswith(copy.paragraphs[-1]) and copy.paragraphs[-1] != original.paragraphs[-1]
    assert copy.captions == original.captions
    assert copy.title == "Gia Lai: " + original.title


def test_platform_traps_are_kept(web):
    by_platform = {}
    for truth in ARTICLES:
        by_platform.setdefault(truth.platform, web[truth.url].body.decode("utf-8"))
    assert '<span class="lbl-date">Ngày cập nhật</span>&nbsp;<span id="ctl00_ContentPlaceHolder1_ctl00_lblDate">' in by_platform["huecit"]
    assert 'name="__VIEWSTATE"' in by_platform["huecit"] and 'class="news-author"' in by_platform["huecit"]
    assert re.search(r'date-post"><i class="icon-calendar"></i> \d\d/\d\d/\d{4} \d\d:\d\d</span> &nbsp;&nbsp; <span class="view-count"', by_platform["quangngai-portal"])
    assert '<meta content="text/html; charset=UTF-8" http-equiv="content-type" />' in by_platform["quangngai-portal"]
    assert "&nbsp;</div>" in by_platform["quangngai-portal"] and "<h1" not in by_platform["quangngai-portal"]
    assert "clientServerTimeDelta: new Date(\"2024-" in by_platform["sharepoint-qn"]
    assert "<title>\n\tChi tiết tin tức\n</title>" in by_platform["sharepoint-qn"]
    assert "&agrave;" in by_platform["vnpt-media"] and "&acirc;" in by_platform["vnpt-media"]
    assert "<p>&nbsp;</p>\n<p>&nbsp;</p>" in by_platform["vnpt-media"]
    assert '<div class="sda_middle">' in by_platform["mcms"] and '<div class="t1"><span class="t2">' in by_platform["mcms"]
    sontinh_listing = web[LISTING_URLS["sontinh"][0]].body.decode("utf-8")
    assert re.search(r'date_post"><i class="fa fa-clock-o"></i> \d\d:\d\d \d\d/\d\d/\d{4}</p>', sontinh_listing)
    assert "_cur=2" in sontinh_listing and "p_p_id=" in sontinh_listing


# -- the proxy -----------------------------------------------------------------------------


def opener(proxy: FixtureProxy):
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return urllib.request.build_opener(
        urllib.request.ProxyHandler({"http": proxy.url, "https": proxy.url}),
        urllib.request.HTTPSHandler(context=context),
    )


def test_proxy_serves_http_and_https_by_host(web):
    http_url, https_url = START_URLS["danvan"], START_URLS["baogialai"]
    assert http_url.startswith("http://") and https_url.startswith("https://")
    with FixtureProxy() as proxy:
        assert proxy.url.startswith("http://127.0.0.1:")
        client = opener(proxy)
        for url in (http_url, https_url, https_url):
            with client.open(url, timeout=10) as answer:
                assert answer.status == 200
                assert answer.read() == web[url].body
                assert answer.headers["Content-Type"] == web[url].header("Content-Type")
        old, new = next((o, n) for o, n in REDIRECTS.items() if o.startswith("https://"))
        with client.open(old, timeout=10) as answer:  # urllib follows the 301 inside the tunnel
            assert answer.url == new and answer.read() == web[new].body
        with pytest.raises(urllib.error.HTTPError) as gone:
            client.open(NOT_FOUND_URLS[0], timeout=10)
        assert gone.value.code == 404 and gone.value.read() == web[NOT_FOUND_URLS[0]].body
        with pytest.raises(urllib.error.HTTPError) as unknown:
            client.open(START_URLS["hagiangtv"] + "khong-co-trang-nay/", timeout=10)
        assert unknown.value.code == 404
        with pytest.raises(urllib.error.HTTPError) as stranger:
            client.open("http://example.org/", timeout=10)
        assert stranger.value.code == 502
        with pytest.raises(urllib.error.URLError):
            client.open("https://example.org/", timeout=10)  # CONNECT to an unknown host: 502
        assert proxy.count(https_url) == 2 and proxy.count(http_url) == 1
        assert Counter(proxy.requests)[old] == 1 and new in proxy.requests
        assert ("CONNECT", "baogialai.com.vn:443", 200) in proxy.log
        proxy.clear()
        assert proxy.requests == []


def test_proxy_answers_faults_injected_into_its_web():
    web = build_fixture_web()
    url = START_URLS["hagiangtv"]
    with FixtureProxy(web) as proxy:
        web[url] = type(web[url])(503, [("Retry-After", "1")], b"busy")
        with pytest.raises(urllib.error.HTTPError) as busy:
            opener(proxy).open(url, timeout=10)
        assert busy.value.code == 503 and busy.value.headers["Content-Length"] == "4"


# -- the demo snapshot ---------------------------------------------------------------------


def test_snapshot_holds_exactly_the_fixture_web(web):
    responses, requests = {}, set()
    with open(SNAPSHOT, "rb") as stream:
        for record in ArchiveIterator(stream):
            if record.rec_type == "response":
                url = record.rec_headers.get_header("WARC-Target-URI")
                assert url not in responses, url
                responses[url] = (record.http_headers, record.content_stream().read(), record.rec_headers)
            elif record.rec_type == "request":
                requests.add(record.rec_headers.get_header("WARC-Target-URI"))
    assert set(responses) == set(web) == requests
    for url, (http_headers, body, warc_headers) in responses.items():
        expected = web[url]
        assert int(http_headers.get_statuscode()) == expected.status, url
        assert body == expected.body, f"{url}: the snapshot is stale, run scripts/build_demo_snapshot.py"
        for name in ("Content-Type", "Location"):
            assert http_headers.get_header(name) == expected.header(name), (url, name)
        assert warc_headers.get_header("WARC-Date") == "2025-11-01T00:00:00Z"
