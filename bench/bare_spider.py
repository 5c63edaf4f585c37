"""The baseline beside ``danvan crawl``: a bare Scrapy spider that fetches a list of URLs, keeps nothing.

    python -m bench.bare_spider --urls FILE --stats-out FILE [--setting NAME=VALUE ...]

No robots.txt handling (robots.txt URLs are in the list like any page), no redirects followed (the
crawl's redirect targets are in the list too), no parsing, no items, no WARC, no archive: what
Scrapy's engine, scheduler and downloader cost on the same pages and the same loopback proxy.
``StatsFile`` is also what ``bench.crawl`` adds to ``danvan crawl`` (with ``--setting``) to read its
Scrapy stats.
"""

from __future__ import annotations

import argparse
import json
import resource
from datetime import datetime
from pathlib import Path

import scrapy
from scrapy import signals
from scrapy.crawler import CrawlerProcess
from scrapy.exceptions import NotConfigured

STATS_SETTING = "BENCH_STATS_FILE"
BARE_SETTINGS = {
    "ROBOTSTXT_OBEY": False,  # the list holds the robots.txt URLs the crawl fetched
    "REDIRECT_ENABLED": False,  # and the redirect targets
    "RETRY_ENABLED": False,
    "COOKIES_ENABLED": False,
    "TELNETCONSOLE_ENABLED": False,
    "LOG_LEVEL": "INFO",
}


class StatsFile:
    """Extension: writes the crawl's Scrapy stats as JSON to BENCH_STATS_FILE when the engine stops.

    Adds the CPU seconds the crawl process spent between spider opened and engine stopped
    (``bench/cpu_s``) and those of its finished child processes (``bench/children_cpu_s``, e.g.
    extraction workers): unlike wall time, they hardly move when other programs share the cores.
    """

    def __init__(self, path: str, crawler):
        self.path = Path(path)
        self.crawler = crawler
        self.opened_cpu = self.opened_children_cpu = 0.0

    @classmethod
    def from_crawler(cls, crawler):
        path = crawler.settings.get(STATS_SETTING)
        if not path:
            raise NotConfigured(f"no {STATS_SETTING}")
        extension = cls(path, crawler)
        # engine_stopped comes after spider_closed, when CoreStats has set finish_time
        crawler.signals.connect(extension.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(extension.engine_stopped, signal=signals.engine_stopped)
        return extension

    def spider_opened(self):
        self.opened_cpu, self.opened_children_cpu = _cpu_s(resource.RUSAGE_SELF), _cpu_s(resource.RUSAGE_CHILDREN)

    def engine_stopped(self):
        stats = {key: _jsonable(value) for key, value in self.crawler.stats.get_stats().items()}
        stats["bench/cpu_s"] = round(_cpu_s(resource.RUSAGE_SELF) - self.opened_cpu, 3)
        stats["bench/children_cpu_s"] = round(_cpu_s(resource.RUSAGE_CHILDREN) - self.opened_children_cpu, 3)
        self.path.write_text(json.dumps(stats, indent=1, sort_keys=True), encoding="utf-8")


def _cpu_s(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def _jsonable(value):
    return value.isoformat() if isinstance(value, datetime) else value


class BareSpider(scrapy.Spider):
    """Requests every URL once; every answer (any status) is dropped on arrival."""

    name = "bare"

    def __init__(self, urls: list[str], *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.urls = urls

    async def start(self):
        for url in self.urls:
            yield scrapy.Request(url, callback=self.drop, errback=self.failed, dont_filter=True,
                                 meta={"handle_httpstatus_all": True})

    def drop(self, response):
        return None

    def failed(self, failure):
        self.crawler.stats.inc_value("bare/failed")


def run(urls: list[str], stats_out: Path, overrides: dict[str, str]) -> dict:
    """Fetch ``urls`` in this process (once: Twisted cannot restart); the stats, also in ``stats_out``."""
    settings = {**BARE_SETTINGS, **overrides, STATS_SETTING: str(stats_out),
                "EXTENSIONS": {f"{__name__}.StatsFile": 0}}
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(BareSpider)
    process.crawl(crawler, urls=urls)
    process.start()
    return json.loads(stats_out.read_text(encoding="utf-8"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bare_spider", description=__doc__.split("\n\n")[0])
    parser.add_argument("--urls", type=Path, required=True, help="file of URLs, one a line")
    parser.add_argument("--stats-out", type=Path, required=True, help="where to write the Scrapy stats (JSON)")
    parser.add_argument("--setting", action="append", default=[], metavar="NAME=VALUE")
    args = parser.parse_args(argv)
    urls = [line.strip() for line in args.urls.read_text(encoding="utf-8").splitlines() if line.strip()]
    overrides = dict(pair.split("=", 1) for pair in args.setting)
    stats = run(urls, args.stats_out, overrides)
    print(json.dumps({"responses": stats.get("response_received_count", 0),
                      "elapsed_s": stats.get("elapsed_time_seconds")}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
