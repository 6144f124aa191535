"""Start to first paint (run on demand; not part of the test run).

    .venv/bin/python -m tests.benchmarks.bench_start --tasks 10000 [--runs 3] [--json]

From the moment a fresh process is launched to the window's first paint (Qt offscreen):
  videomon     — `python -m videomon` (the real entry point) on a data folder with
                 `--tasks` stored tasks;
  empty window — a bare PySide6 `QMainWindow`, the floor.
Each is run `--runs` times, one at a time; the figures are the medians (min/max shown).
For videomon also: launch → a filled, scrollable table (every stored row in the view),
and the RSS then (`--rows` is the same as `--tasks`).
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

from tests.benchmarks.common import ROOT, make_home, report

CHILD = r"""
import os, sys, time
launched = float(os.environ["BENCH_LAUNCHED"])
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

def rss_mb():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0

ROWS = int(os.environ.get("BENCH_ROWS", "0"))
MODE = sys.argv[1]  # (videomon's run replaces sys.argv)

def filled():
    # the table holds every stored row and can be scrolled
    for widget in QApplication.topLevelWidgets():
        model = getattr(widget, "model", None)
        if model is not None and model.rowCount() >= ROWS and widget.isVisible():
            return True
    return False

class FirstPaint(QObject):
    painted = None
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and self.painted is None:
            self.painted = {"seconds": time.time() - launched, "rss_mb": rss_mb()}
            if MODE == "empty":
                print(self.painted, flush=True)
                os._exit(0)
            self.timer = QTimer()
            self.timer.timeout.connect(self.check)
            self.timer.start(5)
        return False

    def check(self):
        if filled():
            print({**self.painted, "filled_s": time.time() - launched,
                   "filled_rss_mb": rss_mb()}, flush=True)
            os._exit(0)

watcher = FirstPaint()
if sys.argv[1] == "empty":
    app = QApplication([])
    window = QMainWindow()
    window.installEventFilter(watcher)
    window.show()
    app.exec()
else:
    from PySide6.QtWidgets import QMainWindow as _Main
    original_show = _Main.show
    def show(self):
        self.installEventFilter(watcher)
        original_show(self)
    _Main.show = show
    import runpy
    sys.argv = ["videomon"]
    runpy.run_module("videomon", run_name="__main__")
"""


def launch(mode: str, home: Path | None, rows: int = 0) -> dict:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "BENCH_LAUNCHED": repr(time.time()),
           "BENCH_ROWS": str(rows)}
    if home is not None:
        env["VIDEOMON_HOME"] = str(home)
    done = subprocess.run([sys.executable, "-c", CHILD, mode], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=600, check=False)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if not lines:
        raise SystemExit(f"{mode}: no paint\n{done.stderr[-3000:]}")
    return eval(lines[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tasks", "--rows", dest="tasks", type=int, default=10000,
                        help="stored (finished) tasks in the data folder")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--reuse", type=Path, help="a data folder `make_home` made before "
                        "(its rows: --tasks)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-start-") as tmp:
        home = args.reuse or make_home(Path(tmp) / "home", "http://127.0.0.1:9", polling=0,
                                       rows=args.tasks)
        # An installed videomon has its bytecode compiled (pip, the bundle); with
        # PYTHONDONTWRITEBYTECODE set a checkout would compile ~90 modules on every start.
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "videomon")],
                       check=True, capture_output=True)
        launch("videomon", home, args.tasks)  # a first run warms the disk cache
        app = [launch("videomon", home, args.tasks) for _ in range(args.runs)]
        empty = [launch("empty", None) for _ in range(args.runs)]
    app_s = [r["seconds"] for r in app]
    empty_s = [r["seconds"] for r in empty]
    start, floor = statistics.median(app_s), statistics.median(empty_s)
    figures = {"start_to_paint_s": round(start, 3), "empty_window_s": round(floor, 3),
               "ratio": round(start / floor, 2),
               "rss_mb": round(statistics.median(r["rss_mb"] for r in app), 1),
               "filled_s": round(statistics.median(r["filled_s"] for r in app), 3),
               "filled_rss_mb": round(statistics.median(r["filled_rss_mb"] for r in app), 1),
               "runs": {"videomon": [round(s, 3) for s in app_s],
                        "empty": [round(s, 3) for s in empty_s]}, "tasks": args.tasks}
    report(figures, [
        (f"start to first paint, {args.tasks} tasks (s)",
         f"{start:.3f}", f"≤ 1 s and ≤ 3× the empty window ({min(app_s):.3f}–{max(app_s):.3f})"),
        ("empty QMainWindow (s)", f"{floor:.3f}", f"{min(empty_s):.3f}–{max(empty_s):.3f}"),
        ("ratio", f"{start / floor:.2f}×", "≤ 3×"),
        ("RSS at first paint (MB)", str(figures["rss_mb"]), "≤ 200"),
        ("launch to a filled, scrollable table (s)", f"{figures['filled_s']:.3f}", "≤ 1.0"),
        ("RSS then (MB)", str(figures["filled_rss_mb"]), "≤ 250"),
    ], args.json)


if __name__ == "__main__":
    main()
