"""Pack the fixture web (tests/fixture_web) as the WARC snapshot that `danvan crawl --demo` replays.

Every URL of build_fixture_web() -- listing pages, articles, 301s, 404s, robots.txt -- becomes a
WARC/1.1 ``response`` record followed by its ``request`` record, in the order the fixture web
lists them, after one ``warcinfo`` record. The output is deterministic: a fixed WARC-Date and
record ids derived from the URL (uuid5), so rebuilding gives identical bytes.

    .venv/bin/python scripts/build_demo_snapshot.py            # writes crawler/demo/fixture_portals.warc.gz
    .venv/bin/python scripts/build_demo_snapshot.py --check    # exit 1 if the committed file is stale
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import uuid
from http import HTTPStatus
from io import BytesIO
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from warcio.statusandheaders import StatusAndHeaders  # noqa: E402
from warcio.warcwriter import WARCWriter  # noqa: E402

from tests.fixture_web import FixtureResponse, build_fixture_web  # noqa: E402

OUTPUT = ROOT / "crawler" / "demo" / "fixture_portals.warc.gz"
WARC_DATE = "2025-11-01T00:00:00Z"
USER_AGENT = "danvan-archive fixture snapshot (+https://github.com/danvan-archive)"


def record_id(kind: str, url: str) -> str:
    return f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'{kind} {url}')}>"


def _warcinfo(writer: WARCWriter, filename: str):
    fields = (
        "software: danvan-archive scripts/build_demo_snapshot.py (warcio)\r\n"
        "format: WARC File Format 1.1\r\n"
        "conformsTo: https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/\r\n"
        "description: Fixture web of six Vietnamese portals (tests/fixture_web), for the offline demo\r\n"
    ).encode("utf-8")
    return writer.create_warc_record(
        "",
        "warcinfo",
        payload=BytesIO(fields),
        length=len(fields),
        warc_content_type="application/warc-fields",
        warc_headers_dict={
            "WARC-Record-ID": record_id("warcinfo", filename),
            "WARC-Date": WARC_DATE,
            "WARC-Filename": filename,
        },
    )


def _pair(writer: WARCWriter, url: str, response: FixtureResponse):
    status_line = f"{response.status} {HTTPStatus(response.status).phrase}"
    http_headers = StatusAndHeaders(status_line, list(response.headers), protocol="HTTP/1.1")
    resp = writer.create_warc_record(
        url,
        "response",
        payload=BytesIO(response.body),
        length=len(response.body),
        http_headers=http_headers,
        warc_headers_dict={"WARC-Record-ID": record_id("response", url), "WARC-Date": WARC_DATE},
    )
    parts = urlsplit(url)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    req_headers = StatusAndHeaders(
        f"GET {target} HTTP/1.1",
        [("Host", parts.netloc), ("User-Agent", USER_AGENT), ("Accept", "text/html,*/*;q=0.8"), ("Accept-Language", "vi")],
        is_http_request=True,
    )
    req = writer.create_warc_record(
        url,
        "request",
        payload=BytesIO(b""),
        length=0,
        http_headers=req_headers,
        warc_headers_dict={"WARC-Record-ID": record_id("request", url), "WARC-Date": WARC_DATE},
    )
    return req, resp


def write_snapshot(path: Path, web: dict[str, FixtureResponse] | None = None) -> int:
    """Write the WARC file; returns the number of response records."""
    web = build_fixture_web() if web is None else web
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=True, warc_version="1.1")
        writer.write_record(_warcinfo(writer, path.name))
        for url, response in web.items():
            req, resp = _pair(writer, url, response)
            writer.write_request_response_pair(req, resp)
    return len(web)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--check", action="store_true", help="only compare a fresh build with --output")
    args = parser.parse_args(argv)
    if args.check:
        with tempfile.TemporaryDirectory() as tmp:
            fresh = Path(tmp) / args.output.name
            write_snapshot(fresh)
            same = args.output.exists() and fresh.read_bytes() == args.output.read_bytes()
        print(f"{args.output}: {'up to date' if same else 'STALE (run scripts/build_demo_snapshot.py)'}")
        return 0 if same else 1
    count = write_snapshot(args.output)
    print(f"wrote {count} responses to {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
