"""Writing responses to WARC files and reading them back out."""

import io
import subprocess
import sys

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from crawler.webarchive import RotatingWarcWriter, WarcIndex, read_record, response_record


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


def test_records_built_apart_and_appended_are_valid_and_found_at_their_offsets(tmp_path):
    writer = RotatingWarcWriter(tmp_path / "warc")
    page = "<html><body><p>Ban Dân vận Tỉnh ủy</p></body></html>".encode()
    built = response_record("https://danvan.vn/tin/1", 200, "OK", [("Content-Type", "text/html"), ("ETag", '"v1"')],
                            page, "2025-06-01T02:00:00Z")
    first = writer.append(built)
    second = writer.write_response("https://danvan.vn/cu", 404, "Not Found", [("Transfer-Encoding", "chunked")], b"",
                                   "2025-06-01T02:00:01Z")
    writer.close()
    path = tmp_path / "warc" / first.warc_file
    assert (first.offset, second.offset) == (0, first.length)
    assert first.etag == '"v1"' and first.digest.startswith("sha1:") and second.status == 404
    read_back = read_record(path, first.offset)
    assert read_back.body == page and read_back.header("ETag") == '"v1"'
    assert read_record(path, second.offset).status == 404
    check = subprocess.run([sys.executable, "-c", "from warcio.cli import main; main()", "check", str(path)],
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
