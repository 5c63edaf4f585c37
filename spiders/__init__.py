"""The spiders of danvan-archive (SPIDER_MODULES = ["spiders"])."""
