"""danvan-archive: crawl Vietnamese Dân vận reports into a SQLite archive."""

__version__ = "0.1.0"
