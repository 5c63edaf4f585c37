# danvan-archive: `make run` for the demo archive in Datasette, `make test` for the test suite
# (`make browser` first, for the tests in headless Chromium).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
PORT ?= 8001
CHROMIUM := /usr/bin/chromium
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)

.PHONY: install run demo test browser eval snapshot bench bench-large bench-load wrk clean

$(INSTALLED): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(INSTALLED)

install: $(INSTALLED)

## Crawl the bundled offline snapshot into ./archive.db and serve it on http://127.0.0.1:8001
run: demo
	$(BIN)/danvan serve --db archive.db --port $(PORT)

demo: $(INSTALLED)
	$(BIN)/danvan crawl --demo --db archive.db

## Install the test dependencies and run the whole test suite
test: $(INSTALLED)
	$(BIN)/python -m pytest

## Install Debian's Chromium for the browser tests (tests/test_browser.py skips them without it)
browser:
	test -x $(CHROMIUM) || { $(SUDO) apt-get update -qq && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }
	$(CHROMIUM) --version

## Score extraction on every gold page beside trafilatura and htmldate; writes docs/quality.md
eval: $(INSTALLED)
	$(BIN)/python scripts/evaluate.py --write docs/quality.md

## Rebuild the demo snapshot from the fixture web (review the diff before committing)
snapshot: $(INSTALLED)
	$(BIN)/python scripts/build_demo_snapshot.py

clean:
	rm -rf $(VENV) archive.db logs .pytest_cache

## Benchmarks: every case against its anchor, a table, bench/results.json (docs/benchmarks.md)
bench: $(INSTALLED)
	$(BIN)/python -m bench

## The benchmarks plus the 1M-article cases (dedup, search, load under wrk) and a 100k-page crawl;
## builds the 1M archive once (minutes)
bench-large: $(INSTALLED) wrk
	$(BIN)/python -m bench --large

## Datasette under wrk over the 1M archive (installs Debian's wrk; build the archive with bench-large first)
bench-load: $(INSTALLED) wrk
	$(BIN)/python -m bench.load

## Install Debian's wrk, the HTTP load tool of bench.load
wrk:
	command -v wrk || { $(SUDO) apt-get update -qq && \
		$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; }
