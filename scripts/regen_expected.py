"""Re-run the page objects on the saved pages in tests/pages and show or rewrite the expected JSON.

Each platform folder tests/pages/<platform>/ holds <name>.html, the expected <name>.json and a
meta.json giving each page's kind (article or listing), URL, fetch time and listing date. Without
--overwrite the script only reports which expected files would change (with a diff); review that
diff before writing. tests/test_extraction.py imports ``read_page`` from here.

Example:
    python scripts/regen_expected.py --platform mcms
    python scripts/regen_expected.py --overwrite
"""

from __future__ import annotations

import argparse
import dataclasses
import difflib
import json
import sys
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGES_DIR = ROOT / "tests" / "pages"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from crawler.extraction import extract_article, parse_listing  # noqa: E402
from crawler.text import decode_html  # noqa: E402

ARTICLE_SKIP = ("site_id", "fetched_at", "capture", "redirected_from", "minhash", "text_keys")
"""Fields the page objects leave to the pipeline (and its extraction workers)."""


def load_meta(platform_dir: Path) -> dict[str, dict]:
    """The meta.json of a platform folder: page file name -> kind, url, fetched_at."""
    return json.loads((platform_dir / "meta.json").read_text(encoding="utf-8"))


def read_page(platform: str, name: str, meta: dict) -> dict:
    """What the platform's page object reads from a saved page, as JSON-ready data."""
    html = decode_html((PAGES_DIR / platform / name).read_bytes())
    fetched_at = datetime.fromisoformat(meta["fetched_at"])
    if meta["kind"] == "listing":
        listing = parse_listing(meta["url"], html, fetched_at, platform)
        return dataclasses.asdict(listing)
    article = extract_article(
        meta["url"], html, fetched_at, platform, listing_date=meta.get("listing_date")
    )
    return {k: v for k, v in dataclasses.asdict(article).items() if k not in ARTICLE_SKIP}


def dump(data: dict) -> str:
    """Stable JSON text for review in diffs."""
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def iter_pages(platforms: list[str]):
    """(platform, page name, meta, expected-JSON path) for every saved page."""
    for platform_dir in sorted(PAGES_DIR.iterdir()):
        if not platform_dir.is_dir() or (platforms and platform_dir.name not in platforms):
            continue
        for name, meta in sorted(load_meta(platform_dir).items()):
            yield platform_dir.name, name, meta, platform_dir / (Path(name).stem + ".json")


def regenerate(platforms: list[str], overwrite: bool) -> int:
    """Compare (and with ``overwrite`` rewrite) the expected files; the number that differ."""
    changed = 0
    for platform, name, meta, expected_path in iter_pages(platforms):
        new = dump(read_page(platform, name, meta))
        old = expected_path.read_text(encoding="utf-8") if expected_path.exists() else ""
        if new == old:
            continue
        changed += 1
        rel = expected_path.relative_to(ROOT)
        sys.stdout.writelines(difflib.unified_diff(
            old.splitlines(True), new.splitlines(True), f"a/{rel}", f"b/{rel}"
        ))
        if overwrite:
            expected_path.write_text(new, encoding="utf-8")
    return changed


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--platform", action="append", default=[], help="only this platform (repeatable)")
    parser.add_argument("--overwrite", action="store_true", help="write the new expected JSON")
    args = parser.parse_args(argv)
    changed = regenerate(args.platform, args.overwrite)
    verb = "rewrote" if args.overwrite else "would change"
    print(f"{verb} {changed} expected file(s)", file=sys.stderr)
    return 0 if args.overwrite or not changed else 1


if __name__ == "__main__":
    sys.exit(main())
