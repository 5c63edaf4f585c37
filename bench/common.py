"""What every benchmark case shares: timing statistics, peak memory, the machine, bench/results.json."""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import resource
import sqlite3
import statistics
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results.json"
WORKDIR = ROOT / "bench" / ".work"
"""Cached synthetic archives and scratch files (git ignores it)."""


def ms_stats(seconds: list[float]) -> dict:
    """Median, p50, p95 and the range of ``seconds`` samples, in milliseconds."""
    ms = sorted(s * 1000 for s in seconds)
    return {
        "median": round(statistics.median(ms), 3),
        "p95": round(percentile(ms, 95), 3),
        "min": round(ms[0], 3),
        "max": round(ms[-1], 3),
        "samples": len(ms),
    }


def percentile(sorted_values: list[float], pct: float) -> float:
    """Nearest-rank percentile of already sorted values."""
    return sorted_values[min(len(sorted_values) - 1, int(pct / 100 * (len(sorted_values) - 1) + 0.5))]


def spread(run_values: list[float]) -> list[float]:
    """[lowest, highest] of one figure over repeated runs: how far a rerun may land."""
    return [round(min(run_values), 3), round(max(run_values), 3)]


def peak_mb(who: int = resource.RUSAGE_SELF) -> float:
    """Peak resident memory of this process (or RUSAGE_CHILDREN: its largest waited-for child), in MB."""
    if who == resource.RUSAGE_SELF and PROC_STATUS.exists():
        # VmHWM is this program's own peak; ru_maxrss keeps the peak of the process that started it
        # (Linux carries it over fork and exec), e.g. 1 GB after a synthetic archive build
        for line in PROC_STATUS.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)  # kB
    return round(resource.getrusage(who).ru_maxrss / 1024, 1)  # KiB on Linux


PROC_STATUS = Path("/proc/self/status")


def machine() -> dict:
    """The machine and software the figures come from."""
    return {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, {platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "date": dt.date.today().isoformat(),
    }


def run_case(module: str, *args: str) -> dict:
    """Run ``python -m bench.<module> --json ARGS`` in a fresh process (its peak memory its own); its JSON."""
    out = subprocess.run([sys.executable, "-m", f"bench.{module}", "--json", *args], check=True,
                         stdout=subprocess.PIPE, text=True, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


def report(results: dict, as_json: bool, print_table: Callable[[dict], None], write: bool = True) -> int:
    """A case's ending: its keys as one JSON line for the runner, else its table and bench/results.json."""
    if as_json:
        print(json.dumps(results, ensure_ascii=False))
        return 0
    print_table(results)
    if write:
        merge_results(results)
    return 0


def merge_results(results: dict, path: Path = RESULTS) -> None:
    """Update bench/results.json with ``results`` and the machine, keeping the other cases' figures."""
    existing = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    existing.update(results)
    existing.update(machine())
    path.write_text(json.dumps(existing, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def process_tree(pid: int) -> list[int]:
    """``pid`` and every process below it (from /proc's children lists)."""
    found, queue = [], [pid]
    while queue:
        current = queue.pop()
        found.append(current)
        for task in Path(f"/proc/{current}/task").glob("*/children"):
            try:
                queue += [int(child) for child in task.read_text().split()]
            except OSError:  # the task ended between listing and reading
                continue
    return found


def proc_kb(path: str, field: str) -> int:
    """One "Field:  123 kB" line of a /proc file, in kB (0 when the process has ended)."""
    try:
        text = Path(path).read_text()
    except OSError:
        return 0
    return next((int(line.split()[1]) for line in text.splitlines() if line.startswith(field)), 0)
