"""Pages that are not articles: JavaScript app shells, login walls and error pages served with 200.

``classify_shell(html, text, title)`` reads the page markup, the main text a page object
extracted and its title, in this order (sizes count characters other than spaces):

1. error-page: the title, a part of the <title>, or an <h1> *is* an error message
   ("404 - Không tìm thấy trang", "Server Error in '/' Application"), however long the text;
2. an article: main text of 400 characters or more;
3. javascript-only: under 80 characters of text, scripts, an app root (#root, #__next, <app-root>,
   a Next.js fallback) or a <noscript> JavaScript plea, and under 200 characters outside menus;
4. error-page: a short title such as "Lỗi", or an error message leading a short text (or making up
   the short visible body of a page with no main text);
5. login-wall: under 80 characters of text and a request to log in ("Đăng nhập để xem"), or a
   password field under a "Đăng nhập" title.

Precision first: "404", "lỗi" or "đăng nhập" inside an article's text never make it a shell.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from crawler.extraction import dom
from crawler.text import clean_text, tone_key

JAVASCRIPT_ONLY = "javascript-only"
LOGIN_WALL = "login-wall"
ERROR_PAGE = "error-page"

TINY_TEXT = 80
"""Characters (spaces aside) below which a page has, for a reader, no text at all."""
SHORT_TEXT = 400
"""Characters (spaces aside) below which the main text may be a message, not an article."""
SHELL_MAX_MAIN_TEXT = 200
"""Characters (spaces aside) a JavaScript shell shows outside its menus, header and footer."""
MESSAGE_LEAD = 150
"""Characters of a short main text in which an error message must start (not a passing mention)."""

HEADING_RE = re.compile(r"<(title|h1)\b[^>]*>(.*?)</\1\s*>", re.I | re.S)
TAG_RE = re.compile(r"<[^>]+>")
TITLE_SEPARATOR_RE = re.compile(r"\s+[-|–—:»]\s+|\s*\|\s*")
"""Between a message and the site name in a <title>: "Không tìm thấy trang - Cổng TTĐT …"."""
EDGE_PUNCTUATION = " \t.!?:;|-–—»«\"'()[]"

STATUS = r"(?:40[0134]|410|50[0234])"
STATUS_WORDS = (
    r"not found|page not found|file or directory not found|forbidden|gone|bad request"
    r"|internal server error|service unavailable|bad gateway|không tìm thấy(?: trang)?(?: (?:bạn )?yêu cầu)?"
    r"|trang không tồn tại|lỗi(?: máy chủ| hệ thống)?"
)
NOT_FOUND_SUBJECT = r"(?:trang|nội dung|bài viết|tin|tin bài|tài nguyên|đường dẫn|liên kết|dữ liệu)"
REQUESTED = r"(?: (?:bạn|được))? ?(?:yêu cầu|cần tìm|tìm kiếm|tìm|truy cập)"
STRONG_ERROR_TITLES = [
    rf"(?:(?:lỗi|error|http(?: error| status)?|mã lỗi)\s*[-:]?\s*)?{STATUS}"
    rf"(?:\s*[-–:|.]?\s*(?:{STATUS_WORDS}))?",
    rf"không tìm thấy {NOT_FOUND_SUBJECT}(?:{REQUESTED})?(?: này)?",
    rf"{NOT_FOUND_SUBJECT}(?:{REQUESTED})? (?:không tồn tại|không còn tồn tại|đã bị xóa|đã bị gỡ)"
    r"(?: hoặc .*)?",
    r"(?:the )?page (?:was )?not found|page cannot be found|not found",
    r"the requested resource could not be found",
    r"the resource cannot be found|file or directory not found|server error in '.*' application",
    r"runtime error|internal server error|service unavailable|http status \d{3}.*",
]
"""A title or first heading that is one of these is an error page, however long the text."""
WEAK_ERROR_TITLES = [
    r"lỗi|error|có lỗi|đã có lỗi xảy ra|có lỗi xảy ra|đã xảy ra lỗi",
    r"(?:lỗi|error)\s*[-:]?\s*(?:hệ thống|máy chủ|truy cập|ứng dụng|\d{3})",
    r"không tìm thấy|access denied|truy cập bị từ chối",
]
"""Titles that mark an error page only when the main text is short ("Lỗi", "Không tìm thấy")."""
ERROR_PHRASES = re.compile(
    "|".join(
        [
            # "không tìm thấy trang bạn yêu cầu", not "không tìm thấy trang phục"
            rf"không tìm thấy {NOT_FOUND_SUBJECT}"
            r"(?=\s*(?:$|[.!,:;()\-–]|bạn\b|yêu cầu|được yêu cầu|này\b|web\b|mà\b|cần tìm))",
            rf"\b{NOT_FOUND_SUBJECT}(?:{REQUESTED})? (?:không tồn tại|không còn tồn tại)",
            r"không tồn tại hoặc (?:đã )?(?:bị xóa|bị gỡ|đã bị xóa|được di chuyển)",
            r"server error in '[^']*' application|object reference not set to an instance of an object",
            r"the requested resource could not be found|the requested url .{0,80} was not found",
            r"the resource you are looking for (?:has been removed|might have been removed)",
            r"the resource cannot be found|\bpage not found\b|\bhttp status 404\b",
            r"\b(?:lỗi|error|mã lỗi) 404\b|\b404 (?:not found|error)\b|\b404\s*[-–:]\s*không tìm thấy",
            r"^(?:rất tiếc,?\s*)?(?:đã có lỗi xảy ra|đã xảy ra lỗi|có lỗi xảy ra)",
        ]
    )
)
"""Error messages in a short main text (after tone_key: lower case, "xóa" for "xoá")."""
LOGIN_PHRASES = re.compile(
    r"đăng nhập để (?:xem|đọc|tiếp tục|truy cập|tải|sử dụng)|(?:vui lòng|xin mời|mời bạn|hãy) đăng nhập"
    r"|bạn (?:cần|phải|chưa) đăng nhập|chỉ (?:dành cho )?thành viên"
    r"|please (?:log ?in|sign ?in)|(?:log ?in|sign ?in) to (?:view|continue|read|access)"
    r"|you (?:must|need to) (?:be logged in|log ?in|sign ?in)|authentication required"
)
"""A page asking the reader to log in (after tone_key)."""
LOGIN_TITLES = re.compile(r"đăng nhập(?: hệ thống| tài khoản)?|login|log in|sign in|member login")
NOSCRIPT_JS_RE = re.compile(r"javascript", re.I)
"""<noscript>"Vui lòng bật JavaScript…" / "You need to enable JavaScript to run this app."."""
APP_ROOT_XPATH = (
    "//body//*[@id='root' or @id='app' or @id='__next' or @id='__nuxt' or @id='q-app' "
    "or @id='___gatsby' or @ng-version or @data-reactroot or @data-server-rendered "
    "or local-name()='app-root']"
)
NEXT_FALLBACK_RE = re.compile(r'"isFallback"\s*:\s*true')
"""A Next.js page rendered before its data: the browser fetches the article later."""
HIDDEN_TAGS = frozenset({"script", "style", "noscript", "template", "head"})
CHROME_TAGS = frozenset({"header", "nav", "footer", "aside"})
CHROME_CLASS_RE = re.compile(r"menu|header|footer|navbar|breadcrumb", re.I)
"""Site furniture every page shows: not a sign that an article was rendered."""
LETTERS_WINDOW = 10 * SHORT_TEXT
"""Characters counted: enough to tell an article from a message without reading all of it."""

_STRONG_RE = re.compile("|".join(f"(?:{p})" for p in STRONG_ERROR_TITLES))
_WEAK_RE = re.compile("|".join(f"(?:{p})" for p in WEAK_ERROR_TITLES))


def classify_shell(
    html: str, text: str | None, title: str | None, root: HtmlElement | None = None
) -> str | None:
    """"javascript-only", "login-wall" or "error-page" when the page is not an article, else None."""
    size = _letters(text)
    headings = _headings(html, title)
    if any(_STRONG_RE.fullmatch(h) for h in headings):
        return ERROR_PAGE
    if size >= SHORT_TEXT:  # the common case: an article, decided without parsing the page
        return None
    root = dom.parse_html(html) if root is None else root
    if size < TINY_TEXT and _is_javascript_only(root, html):
        return JAVASCRIPT_ONLY
    message = _message(root, text, size)
    if any(_WEAK_RE.fullmatch(h) for h in headings) or ERROR_PHRASES.search(message):
        return ERROR_PAGE
    if size < TINY_TEXT and _asks_to_log_in(root, headings, message):
        return LOGIN_WALL
    return None


def _letters(text: str | None) -> int:
    """Characters other than spaces at the start of a text: the size of what a reader gets."""
    return len("".join((text or "")[:LETTERS_WINDOW].split()))  # str.split runs in C: 20x a regex


def _key(text: str) -> str:
    """A heading or message as compared: tags gone, clean, tone_key, no edge punctuation."""
    return tone_key(clean_text(TAG_RE.sub(" ", text))).strip(EDGE_PUNCTUATION)


def _headings(html: str, title: str | None) -> list[str]:
    """The extracted title, the <title> and its parts, and the <h1> texts, as keys."""
    raw = [title or ""] + [m.group(2) for m in HEADING_RE.finditer(html or "")]
    keys = []
    for heading in raw:
        key = _key(heading)
        keys += [key] + [_key(part) for part in TITLE_SEPARATOR_RE.split(key)]
    return [k for k in keys if k]


def _visible_text(root: HtmlElement) -> str:
    """Body text a reader sees, without scripts, styles and site furniture (menus, footer)."""
    parts: list[str] = []
    body = root.find("body")
    _collect_text(body if body is not None else root, parts)
    return clean_text(" ".join(parts))


def _collect_text(element: HtmlElement, parts: list[str]) -> None:
    """Append the text inside ``element``, leaving hidden elements and furniture out."""
    parts.append(element.text or "")
    for child in element:
        if isinstance(child.tag, str) and not _skipped(child):  # comments have a non-str tag
            _collect_text(child, parts)
        parts.append(child.tail or "")


def _skipped(element: HtmlElement) -> bool:
    """True for elements whose text a reader does not see, or that are site furniture."""
    if element.tag in HIDDEN_TAGS or element.tag in CHROME_TAGS:
        return True
    return bool(CHROME_CLASS_RE.search(element.get("class") or ""))


def _message(root: HtmlElement, text: str | None, size: int) -> str:
    """What a shell would say: the lead of a short main text, else a short visible page body."""
    if size >= TINY_TEXT:
        return _key(text or "")[:MESSAGE_LEAD]
    visible = _visible_text(root)
    # a long body the extractor missed is a page with content, whatever words it contains
    return _key(visible) if _letters(visible) < SHORT_TEXT else ""


def _is_javascript_only(root: HtmlElement, html: str) -> bool:
    """An app root or a noscript plea, scripts, and next to no text outside the site furniture."""
    if not root.xpath("//script"):
        return False
    pleads = any(NOSCRIPT_JS_RE.search(el.text_content() or "") for el in root.iter("noscript"))
    app = bool(root.xpath(APP_ROOT_XPATH)) or NEXT_FALLBACK_RE.search(html) is not None
    if not (pleads or app):
        return False
    return _letters(_visible_text(root)) < SHELL_MAX_MAIN_TEXT


def _asks_to_log_in(root: HtmlElement, headings: list[str], message: str) -> bool:
    """A page with no text of its own that asks to log in, or is a login form."""
    if LOGIN_PHRASES.search(message) or any(LOGIN_PHRASES.search(h) for h in headings):
        return True
    password = root.xpath("//input[translate(@type, 'PASSWORD', 'password')='password']")
    return bool(password) and any(LOGIN_TITLES.fullmatch(h) for h in headings)
