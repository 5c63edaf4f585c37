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
# Size caps, on the body as sent and as inflated (Scrapy >= 2.11.1 applies both to decompression too):
# no article page is 10 MB; a 20 MB page or a gzip bomb is refused and recorded as too-large.
DOWNLOAD_MAXSIZE = 10 * 1024 * 1024
DOWNLOAD_WARNSIZE = 2 * 1024 * 1024
# A 429/503 retry waits what the portal's Retry-After asks, up to this (crawler.middlewares.RetryAfterMiddleware).
RETRY_AFTER_MAX_S = 120

# Items are processed one by one (the pipelines are synchronous apart from extraction's await);
# Scrapy's default of 100 starts 100 asyncio tasks for every response's output.
CONCURRENT_ITEMS = 8

# Many portals are slow and half-dead; one bad site must not stall the run for long.
DNS_TIMEOUT = 30
# Scope and safety (crawler/scope.py): host names resolving to private, loopback or link-local addresses are refused.
TWISTED_DNS_RESOLVER = "crawler.scope.PublicAddressResolver"
# Only http(s) is ever fetched: no file:, data:, s3: or ftp: whatever a page links or redirects to.
DOWNLOAD_HANDLERS = {"file": None, "data": None, "s3": None, "ftp": None}
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False

DOWNLOADER_MIDDLEWARES = {
    # Registered hosts only, http(s) only, no private addresses, a page cap per site; checks redirects
    # and retries too (Scrapy's OffsiteMiddleware lets dont_filter requests through), so it replaces it.
    "scrapy.downloadermiddlewares.offsite.OffsiteMiddleware": None,
    "crawler.scope.ScopeMiddleware": 50,
    # Counts requests and errors per registry site (also robots.txt and redirects).
    "crawler.middlewares.SiteStatsMiddleware": 60,
    # Scrapy's robots.txt check, fixed for requests queued while robots.txt is fetched (see the class).
    "scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware": None,
    "crawler.middlewares.RobotsTxtMiddleware": 100,
    # Waits out a 429/503's Retry-After before RetryMiddleware (550) retries it (Scrapy does not).
    "crawler.middlewares.RetryAfterMiddleware": 560,
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
# Listing page n has depth n - 1 and its articles depth n: past this something loops (raise with MAX_LISTING_PAGES).
DEPTH_LIMIT = MAX_LISTING_PAGES + 10
MAX_PAGES_PER_SITE = 2000  # requests per site and run (0: no cap); a capped site's walk resumes in full next run
ALLOW_PRIVATE_ADDRESSES = False  # True only for test portals on loopback: lifts the private-address refusals
# Incremental runs (crawler/incremental.py): `danvan crawl --full / --since / --refresh` set these.
FULL_WALK = False  # walk every listing page, without conditional requests
SINCE_DATE = None  # YYYY-MM-DD: walk back to this day, skip links dated before it
REFRESH_ARTICLES = False  # fetch archived articles again (conditionally); changes become versions
CRAWL_COMMAND = "danvan crawl"  # recorded in crawl_runs

FEED_EXPORT_ENCODING = "utf-8"
LOG_LEVEL = "INFO"
