"""Scrapy settings for danvan-archive: polite by default; `danvan crawl --setting` overrides."""

from crawler import __version__

BOT_NAME = "danvan"
SPIDER_MODULES = ["spiders"]
NEWSPIDER_MODULE = "spiders"

# Identify ourselves: portals' admins should know who crawls and why.
USER_AGENT = (
    f"danvan-archive/{__version__} (research archive of Vietnamese Dân vận reports; "
    "+https://github.com/danvan-archive/danvan-archive)"
)
ROBOTSTXT_OBEY = True

# Politeness: government portals are small servers; stay gentle and adapt to their latency.
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 1.0
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 5.0
AUTOTHROTTLE_MAX_DELAY = 60.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
DOWNLOAD_TIMEOUT = 60
RETRY_TIMES = 2

# Items are processed one by one (the pipelines are synchronous apart from extraction's await);
# Scrapy's default of 100 starts 100 asyncio tasks for every response's output.
CONCURRENT_ITEMS = 8

# Many portals are slow and half-dead; one bad site must not stall the run for long.
DNS_TIMEOUT = 30
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False

DOWNLOADER_MIDDLEWARES = {
    # Counts requests and errors per registry site (also robots.txt and redirects).
    "crawler.middlewares.SiteStatsMiddleware": 60,
    # Keeps every raw response in WARC files; above redirects (600) and decompression (590), so it
    # sees 3xx answers and bodies as the server sent them.
    "crawler.middlewares.WarcCaptureMiddleware": 610,
    # Serves responses from WARC files instead of the network; after robots (100), so
    # replayed crawls obey the archived robots.txt; inactive unless REPLAY_FILES is set.
    "crawler.middlewares.WarcReplayMiddleware": 950,
}

ITEM_PIPELINES = {
    # FetchedPage -> Article (page objects, dates, text) in worker processes; pure modules do the work.
    "crawler.pipelines.ExtractPipeline": 100,
    # Article -> archive.db (sqlite-utils); each item atomic, one commit a second.
    "crawler.pipelines.ArchivePipeline": 800,
}

# danvan-archive's own settings
ARCHIVE_PATH = "archive.db"
REPLAY_FILES: list[str] = []
WARC_ENABLED = True
WARC_DIR = None  # default: a "warc" folder beside the archive file
WARC_MAX_BYTES = 1_000_000_000  # a new WARC file past this size
EXTRACT_PROCESSES = None  # processes reading article pages; None: one per CPU core beyond the first; 0: none
MAX_LISTING_PAGES = 50  # per start URL and run: a listing whose pagination never ends stops here
# Incremental runs (crawler/incremental.py): `danvan crawl --full / --since / --refresh` set these.
FULL_WALK = False  # walk every listing page, without conditional requests
SINCE_DATE = None  # YYYY-MM-DD: walk back to this day, skip links dated before it
REFRESH_ARTICLES = False  # fetch archived articles again (conditionally); changes become versions
CRAWL_COMMAND = "danvan crawl"  # recorded in crawl_runs

FEED_EXPORT_ENCODING = "utf-8"
LOG_LEVEL = "INFO"
