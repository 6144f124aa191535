"""The stored history at scale, in SQL (run on demand; not part of the test run).

    .venv/bin/python -m tests.benchmarks.bench_store --rows 1000000 [--json]

A data folder with `--rows` finished tasks (written by `fixture.write_finished`), then:
  write / open       — the fixture's write, and opening the store (schema check);
  disk               — the database's size per task, and without the raw answers;
  counts             — the status bar's counts by group (one indexed pass);
  sort               — the first page (100 rows) in each order, both directions;
  whole list         — every ref in each order and of one group (the window's row -> ref,
                       `TaskListing.ordered`), and 64 rows decoded from the middle;
  filter keystroke   — typing "video_done_05" a letter at a time: the first page for each
                       prefix (what a keystroke waits for; the worst is the figure), and
                       the count of matches (read off the window's thread);
  list first line    — `videomon list --json` in a fresh process: launch to its first line,
                       the whole run, and its peak RSS (it streams).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.benchmarks.common import PROFILE, ROOT, make_home, report
from tests.benchmarks.fixture import write_finished

TYPED = "video_done_05"
PAGE = 100


def timed(action) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def list_run(home: Path) -> tuple[float, float, float]:
    """Launch → first line, whole run (s) and peak RSS (MB) of `videomon list --json`."""
    env = {**os.environ, "VIDEOMON_HOME": str(home)}
    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c",
                              "import resource, sys\n"
                              "from videomon.cli.main import main\n"
                              "code = main(['list', '--json'])\n"
                              "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,"
                              " file=sys.stderr)\n"
                              "sys.exit(code)"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                             cwd=ROOT)
    assert child.stdout is not None
    child.stdout.readline()
    first = time.perf_counter() - started
    for _ in child.stdout:
        pass
    _, err = child.communicate()
    whole = time.perf_counter() - started
    return first, whole, int(err.decode().strip().splitlines()[-1]) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    from videomon.core.config.paths import AppPaths
    from videomon.core.domain.task import Group
    from videomon.core.tracking.listing import Order, Query, TaskListing
    from videomon.core.tracking.store import TaskStore

    with tempfile.TemporaryDirectory(prefix="videomon-bench-") as tmp:
        home = make_home(Path(tmp) / "home", "http://127.0.0.1:9", polling=0, rows=0)
        db = AppPaths.under(home).data_dir / "tasks.db"
        write = write_finished(db, PROFILE, args.rows, home)
        opening = time.perf_counter()
        store = TaskStore(db)
        opened = time.perf_counter() - opening
        listing = TaskListing(store)
        size = sum(p.stat().st_size for p in db.parent.glob("tasks.db*"))
        raw = store.query("SELECT COALESCE(SUM(LENGTH(raw)), 0) FROM tasks")[0][0]
        counts = min(timed(listing.counts) for _ in range(3))
        sorts = {}
        for order in Order:
            for descending in (False, True):
                query = Query(order=order, descending=descending)
                sorts[f"{order.value}{' desc' if descending else ''}"] = min(
                    timed(lambda q=query: listing.page(q, 0, PAGE)) for _ in range(2))
        wholes = {}  # the window's whole list (row -> ref) in each order, and a group
        for order in Order:
            wholes[order.value] = timed(lambda o=order: listing.ordered(Query(order=o)))
        wholes["finished"] = timed(lambda: listing.ordered(
            Query(groups=frozenset({Group.FINISHED}))))
        middle = listing.ordered(Query())
        block = min(timed(lambda: listing.block(middle[len(middle) // 2:][:64]))
                    for _ in range(3))
        keys, key_counts = [], []
        for end in range(1, len(TYPED) + 1):
            query = Query(TYPED[:end])
            keys.append(timed(lambda q=query: listing.page(q, 0, PAGE)))
            key_counts.append(timed(lambda q=query: listing.count(q)))
        store.close()
        first, whole, list_rss = list_run(home)
    slowest = max(sorts, key=sorts.get)
    widest = max(wholes, key=wholes.get)
    figures = {
        "rows": args.rows, "write_s": round(write, 2), "open_s": round(opened, 3),
        "disk_bytes_per_task": round(size / max(args.rows, 1)),
        "disk_bytes_per_task_without_raw": round((size - raw) / max(args.rows, 1)),
        "counts_ms": round(counts * 1000, 1),
        "sort_first_page_ms_max": round(sorts[slowest] * 1000, 1), "sort_slowest": slowest,
        "sort_first_page_ms_median": round(statistics.median(sorts.values()) * 1000, 1),
        "whole_list_ms_max": round(wholes[widest] * 1000, 1), "whole_list_slowest": widest,
        "block_64_rows_ms": round(block * 1000, 2),
        "filter_keystroke_ms_max": round(max(keys) * 1000, 1),
        "filter_keystroke_ms_median": round(statistics.median(keys) * 1000, 1),
        "filter_count_ms_max": round(max(key_counts) * 1000, 1),
        "list_first_line_s": round(first, 3), "list_whole_s": round(whole, 1),
        "list_peak_rss_mb": round(list_rss, 1),
    }
    report(figures, [
        ("rows", f"{args.rows:,}", ""),
        ("fixture write", f"{write:.1f} s", ""),
        ("open the store", f"{opened * 1000:.0f} ms", ""),
        ("disk per task", f"{size / max(args.rows, 1):.0f} B", ""),
        ("  without raw answers", f"{(size - raw) / max(args.rows, 1):.0f} B", "≤ 1 KB"),
        ("counts by group", f"{counts * 1000:.1f} ms", ""),
        ("sort: first page, slowest", f"{sorts[slowest] * 1000:.1f} ms", f"({slowest}) ≤ 200 ms"),
        ("whole list of refs, slowest", f"{wholes[widest] * 1000:.1f} ms", f"({widest})"),
        ("64 rows from the middle", f"{block * 1000:.2f} ms", ""),
        ("filter keystroke, worst", f"{max(keys) * 1000:.1f} ms", "≤ 50 ms"),
        ("  its count, worst (a worker)", f"{max(key_counts) * 1000:.1f} ms", ""),
        ("list --json: first line", f"{first:.3f} s", "≤ 0.3 s"),
        ("list --json: peak RSS", f"{list_rss:.0f} MB", "constant"),
    ], args.json)


if __name__ == "__main__":
    main()
