"""The window under load (run on demand; not part of the test run).

    .venv/bin/python -m tests.benchmarks.bench_ui --tasks 2000 --rows 10000 --seconds 60 \\
        [--sort COLUMN] [--reuse DATA_FOLDER] [--json]

The real window (offscreen) on a data folder of `--rows` stored tasks, `--tasks` of them
polled every 5 s against the simulated relay in another process. Each phase runs in a
fresh process, one after the other:
  baseline — an empty window, idle;
  paused   — the same rows with the polled tasks paused (what the UI alone costs);
  polling  — the tasks polling (400 polls/s for 2,000), then the list's usability:
             filter-as-you-type, sorting each column, select-all + remove + undo.
A 10 ms timer on the GUI thread measures how late it runs (p50/p99/max); the GUI thread's
CPU is its own thread time.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from tests.benchmarks.common import (
    ROOT,
    GcWatch,
    Heartbeat,
    make_home,
    relay_process,
    report,
    reuse_home,
    rss_mb,
)

FILTER_TEXT = "bench_ok_01"


async def _until(predicate: Any, timeout: float) -> float:
    started = time.perf_counter()
    while not predicate():
        if time.perf_counter() - started > timeout:
            raise TimeoutError("the window did not get there in time")
        await asyncio.sleep(0.005)
    return time.perf_counter() - started


def loop_pending() -> int:
    loop = asyncio.get_event_loop()
    return loop.pending_callbacks() if hasattr(loop, "pending_callbacks") else -1


async def measure(home: Path, seconds: float, sort: str | None, usability: bool) -> dict:
    from videomon.app import VideomonApp
    from videomon.core.config.paths import AppPaths
    from videomon.core.providers.credentials import CredentialStore
    from videomon.core.tracking.scheduler import SchedulerConfig
    from videomon.ui.table.model import Column

    # a fixed interval: the cost of 400 polls/s, not of the backoff
    app = VideomonApp(AppPaths.under(home), credentials=CredentialStore(environ={}),
                      scheduler_config=SchedulerConfig(unchanged_before_backoff=10**9,
                                                       global_limit=64))
    await app.start(check_keyring=False)
    window = app.window
    window.resize(1280, 800)
    if sort:
        window.table.sortByColumn(Column[sort.upper()], window.table.horizontalHeader()
                                  .sortIndicatorOrder())
    beat, gcs = Heartbeat(), GcWatch()
    out: dict[str, Any] = {}
    try:
        await asyncio.sleep(5.0)  # one poll interval: every task polled once
        polls0, cpu0, t0 = app.engine.scheduler.polls, time.thread_time(), time.perf_counter()
        beat.start()
        gcs.watching = True
        await asyncio.sleep(seconds)
        gcs.watching = False
        beat.stop()
        polls1, cpu1, t1 = app.engine.scheduler.polls, time.thread_time(), time.perf_counter()
        out = {**beat.figures(), **gcs.figures(),
               "polls_per_s": round((polls1 - polls0) / (t1 - t0), 1),
               "pending_loop_callbacks": loop_pending(),
               "gui_cpu_pct": round(100 * (cpu1 - cpu0) / (t1 - t0), 1),
               "rss_mb": round(rss_mb(), 1), "rows": window.model.rowCount()}
        if usability:
            out.update(await _usability(app))
    finally:
        window.quit()
        await app.shutdown()
    return out


async def _usability(app: Any) -> dict[str, float]:
    """The list of 10,000 while it polls: typing a filter, sorting, remove and undo."""
    from videomon.ui.table.model import Column

    window = app.window
    model = window.model
    keystrokes, settles = [], []  # (the keystroke returns; the rows follow when read)
    for end in range(1, len(FILTER_TEXT) + 1):
        started = time.perf_counter()
        window.actions.filter_edit.setText(FILTER_TEXT[:end])
        keystrokes.append(time.perf_counter() - started)
        await _until(lambda: not model.settling, 60)
        settles.append(time.perf_counter() - started)
        await asyncio.sleep(0.05)
    window.actions.filter_edit.clear()
    await _until(lambda: not model.settling, 60)
    await asyncio.sleep(0.2)
    sorts, sorted_rows = {}, {}
    for column in Column:
        started = time.perf_counter()
        window.table.sortByColumn(column, window.table.horizontalHeader().sortIndicatorOrder())
        sorts[column.name.lower()] = time.perf_counter() - started
        await _until(lambda: not model.settling, 60)
        sorted_rows[column.name.lower()] = time.perf_counter() - started
        await asyncio.sleep(0.05)
    figures = {"filter_keystroke_max_ms": round(1000 * max(keystrokes), 1),
               "filter_rows_max_ms": round(1000 * max(settles), 1),
               "sort_max_ms": round(1000 * max(sorts.values()), 1),
               "sort_slowest": max(sorts, key=lambda k: sorts[k]),
               "sort_rows_max_ms": round(1000 * max(sorted_rows.values()), 1)}
    rows = window.model.rowCount()
    beat = Heartbeat()
    beat.start()
    started = time.perf_counter()
    window.table.selectAll()
    window.remove_selected()
    removed = await _until(lambda: window.model.rowCount() == 0
                           and window.removing.undo_count, 600)
    window.undo_remove()
    await _until(lambda: window.model.rowCount() == rows, 600)
    restored = time.perf_counter() - started - removed
    await asyncio.sleep(0.1)
    beat.stop()
    return {**figures, "remove_all_s": round(removed, 2), "undo_all_s": round(restored, 2),
            "remove_undo_max_stall_ms": beat.figures()["heartbeat_max_ms"]}


def child(args: argparse.Namespace) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication  # noqa: I001 - PySide6 before qasync
    from videomon.ui.runtime.event_loop import EventLoop

    qapp = QApplication.instance() or QApplication([])
    loop = EventLoop(qapp)
    asyncio.set_event_loop(loop)
    with loop:
        out = loop.run_until_complete(measure(Path(args.home), args.seconds, args.sort,
                                              args.phase == "polling"))
    print(json.dumps(out))


def run_phase(phase: str, home: Path, args: argparse.Namespace) -> dict:
    cmd = [sys.executable, "-m", "tests.benchmarks.bench_ui", "--phase", phase,
           "--home", str(home), "--seconds", str(args.seconds)]
    if args.sort:
        cmd += ["--sort", args.sort]
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{phase} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tasks", type=int, default=2000)
    parser.add_argument("--rows", type=int, default=10000)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--sort", help="sort the table by this column first (e.g. checked)")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--phase", help=argparse.SUPPRESS)
    parser.add_argument("--home", help=argparse.SUPPRESS)
    parser.add_argument("--reuse", type=Path, help="a data folder `make_home` made before "
                        "(e.g. a million rows): used as it is, for the paused and polling "
                        "phases (--rows is then what it holds)")
    args = parser.parse_args()
    if args.phase:
        child(args)
        return
    with relay_process() as base, tempfile.TemporaryDirectory(prefix="bench-ui-") as tmp:
        rows = "the reused folder's" if args.reuse else f"{args.rows}"
        print(f"simulated relay {base}; {rows} rows, {args.tasks} polled every 5 s; "
              f"{args.seconds:g} s per phase" + (f"; sorted by {args.sort}" if args.sort
                                                 else ""), flush=True)
        empty = make_home(Path(tmp) / "empty", base, polling=0, rows=0)
        baseline = run_phase("baseline", empty, args)
        if args.reuse:
            paused_home = reuse_home(args.reuse, base, polling=args.tasks, paused=True)
        else:
            paused_home = make_home(Path(tmp) / "paused", base, polling=args.tasks,
                                    rows=args.rows, paused=True)
        paused = run_phase("paused", paused_home, args)
        home = reuse_home(args.reuse, base, polling=args.tasks) if args.reuse else \
            make_home(Path(tmp) / "polling", base, polling=args.tasks, rows=args.rows)
        polling = run_phase("polling", home, args)
    figures = {**polling, "paused": paused, "baseline": baseline}
    rows = [
        ("heartbeat p50 / p99 / max (ms)",
         f"{polling['heartbeat_p50_ms']} / {polling['heartbeat_p99_ms']} / "
         f"{polling['heartbeat_max_ms']}", "p99 ≤ 16, max ≤ 50"),
        ("  idle window (baseline)", f"{baseline['heartbeat_p99_ms']} / "
         f"{baseline['heartbeat_max_ms']}", "p99 / max"),
        ("ticks > 50 ms", str(polling["ticks_over_50ms"]), "0"),
        ("polls/s", str(polling["polls_per_s"]), f"{args.tasks / 5:.0f} wanted"),
        ("GUI thread CPU, polling", f"{polling['gui_cpu_pct']}%", ""),
        ("GUI thread CPU, paused", f"{paused['gui_cpu_pct']}%", "≤ 3%"),
        ("  idle window (baseline)", f"{baseline['gui_cpu_pct']}%", ""),
        ("RSS, polling / paused / empty (MB)",
         f"{polling['rss_mb']} / {paused['rss_mb']} / {baseline['rss_mb']}", "≤ 200"),
        ("filter, slowest keystroke (ms)", str(polling["filter_keystroke_max_ms"]), "< 50"),
        ("  until its rows show (ms)", str(polling["filter_rows_max_ms"]), ""),
        (f"sort, slowest column ({polling['sort_slowest']}, ms)",
         str(polling["sort_max_ms"]), "< 200"),
        ("  until its rows show (ms)", str(polling["sort_rows_max_ms"]), ""),
        ("select all + remove + undo: longest stall (ms)",
         str(polling["remove_undo_max_stall_ms"]), "< 100"),
        ("  remove / undo (s, in SQL off the window's thread)",
         f"{polling['remove_all_s']} / {polling['undo_all_s']}", ""),
    ]
    report(figures, rows, args.json)


if __name__ == "__main__":
    main()
