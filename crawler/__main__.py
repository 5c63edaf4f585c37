"""`python -m crawler` runs the `danvan` command."""

from crawler.cli import cli

cli()
