"""Serve the fixture web by hand: ``python -m tests.fixture_web --port 8899``."""

from __future__ import annotations

import argparse

from . import START_URLS, FixtureProxy, build_fixture_web


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.fixture_web", description=__doc__)
    parser.add_argument("--port", type=int, default=8899, help="port on 127.0.0.1 (0 = any free port)")
    parser.add_argument("--list", action="store_true", help="print every served URL with its status and exit")
    args = parser.parse_args(argv)
    web = build_fixture_web()
    if args.list:
        for url, response in web.items():
            print(response.status, url)
        return 0
    with FixtureProxy(web, port=args.port) as proxy:
        proxy.serve_by_hand(START_URLS)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
