"""Reading responses back out of WARC files."""

import io

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from crawler.webarchive import WarcIndex


def _write_response(writer, url, status, body, date, headers=()):
    http_headers = StatusAndHeaders(status, [("Content-Type", "text/html; charset=utf-8"), *headers],
                                    protocol="HTTP/1.1")
    record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http_headers,
                                       warc_headers_dict={"WARC-Date": date})
    writer.write_record(record)


def test_latest_capture_of_each_url_is_served(tmp_path):
    path = tmp_path / "portal.warc.gz"
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        _write_response(writer, "https://hagiangtv.vn/thoi-su/", "200 OK", "Bản cũ".encode(), "2024-01-01T00:00:00Z")
        _write_response(writer, "https://hagiangtv.vn/thoi-su/", "200 OK", "Bản mới".encode(), "2025-01-01T00:00:00Z")
        _write_response(writer, "https://hagiangtv.vn/cu/", "301 Moved Permanently", b"",
                        "2025-01-01T00:00:00Z", [("Location", "https://hagiangtv.vn/moi/")])
    index = WarcIndex([path])
    listing = index.get("https://hagiangtv.vn/thoi-su/")
    assert listing.body.decode() == "Bản mới"
    assert listing.captured_at == "2025-01-01T00:00:00Z"
    moved = index.get("https://hagiangtv.vn/cu/#top")
    assert moved.status == 301 and ("Location", "https://hagiangtv.vn/moi/") in moved.headers
    assert index.get("https://hagiangtv.vn/khong-co/") is None
    assert len(index) == 2
