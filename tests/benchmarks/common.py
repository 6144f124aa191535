"""Shared pieces of the benchmarks: the simulated relay in its own process, a data folder
with many stored tasks, a GUI-thread heartbeat, CPU and memory readings, and output as one
JSON line plus a readable table."""

from __future__ import annotations

import json
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
PROFILE = "bench"


@contextmanager
def relay_process(speed: float = 0.02, faults: str | None = None) -> Iterator[str]:
    """`videomon simulate` in another process (its CPU is not the window's); its base URL."""
    videomon = Path(sys.executable).with_name("videomon")
    sim = subprocess.Popen([str(videomon), "simulate", "--speed", str(speed),
                            *(["--faults", faults] if faults else [])],
                           stdout=subprocess.PIPE, text=True)
    try:
        assert sim.stdout is not None
        yield sim.stdout.readline().split()[2]
    finally:
        sim.terminate()
        sim.wait(10)


def polling_ids(count: int) -> list[str]:
    return [f"sora-2:task_bench_ok_{i:05d}" for i in range(count)]


def raw_body(task_id: str) -> dict[str, Any]:
    """A finished OpenAI-style answer of a realistic size (~1 KB)."""
    return {"id": task_id, "object": "video", "model": "sora-2", "status": "completed",
            "progress": 100, "created_at": 1764000000, "completed_at": 1764000300,
            "expires_at": 1764086400, "size": "1280x720", "seconds": "8",
            "prompt": "A calico cat walks along a sunlit windowsill, " * 8,
            "remix_of": None, "error": None,
            "url": f"https://cdn.relay.example/videos/{task_id}.mp4?sig=" + "x" * 64}


def make_home(home: Path, base_url: str, *, polling: int, rows: int,
              paused: bool = False, video_url: str | None = None) -> Path:
    """A data folder: one provider at `base_url`, `rows` tasks of which `polling` are
    followed (paused with `paused`) and the rest finished and saved (with `video_url`:
    finished there, not downloaded yet)."""
    from tests.benchmarks.fixture import write_finished
    from videomon.core.config.paths import AppPaths
    from videomon.core.domain.task import Watch
    from videomon.core.providers.dialects import FormatRegistry
    from videomon.core.providers.profiles import ConfigStore, Profile
    from videomon.core.tracking.store import TaskStore, TaskUpdate

    paths = AppPaths.under(home)
    config = ConfigStore(paths.config_file, FormatRegistry())
    config.put(Profile(PROFILE, "openai", base_url, auth="none", interval=5.0,
                       max_concurrency=64), replace_existing=True)
    config.save({**config.load(), "settings": {"download_dir": str(home / "downloads"),
                                               "auto_download": False}})
    paths.data_dir.mkdir(parents=True, exist_ok=True)
    store = TaskStore(paths.data_dir / "tasks.db")
    try:
        active = store.add_many(PROFILE, polling_ids(polling))
        if paused:
            store.apply([TaskUpdate(t.ref, {"watch": Watch.PAUSED}) for t in active])
    finally:
        store.close()
    # the finished history: one transaction of executemany (a million rows in seconds)
    write_finished(paths.data_dir / "tasks.db", PROFILE, rows - polling, home,
                   video_url=video_url)
    return home


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


class Heartbeat:
    """A 10 ms timer on the GUI thread: how late each tick comes is how long the thread
    was busy with something else."""

    def __init__(self, period_ms: int = 10) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.period = period_ms / 1000
        self.late: list[float] = []
        self._last = 0.0
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(period_ms)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self.late.clear()
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.late.append(max(0.0, now - self._last - self.period) * 1000)
        self._last = now

    def figures(self) -> dict[str, float]:
        late = sorted(self.late) or [0.0]
        return {"heartbeat_p50_ms": round(statistics.median(late), 2),
                "heartbeat_p99_ms": round(late[min(len(late) - 1, int(len(late) * 0.99))], 2),
                "heartbeat_max_ms": round(late[-1], 2),
                "ticks_over_50ms": sum(1 for x in late if x > 50)}


class GcWatch:
    """How long each garbage collection of the oldest generation stops the process."""

    def __init__(self) -> None:
        import gc

        self._gc = gc
        self.pauses: list[float] = []
        self._started = 0.0
        self.watching = False
        gc.callbacks.append(self._callback)

    def _callback(self, phase: str, info: dict[str, int]) -> None:
        if not self.watching or info.get("generation") != 2:
            return
        if phase == "start":
            self._started = time.perf_counter()
        else:
            self.pauses.append((time.perf_counter() - self._started) * 1000)

    def figures(self) -> dict[str, float]:
        return {"full_gc_count": len(self.pauses),
                "full_gc_max_ms": round(max(self.pauses, default=0.0), 1)}


def report(figures: dict[str, Any], rows: list[tuple[str, str, str]], as_json: bool) -> None:
    """The readable table (figure, value, goal), then one JSON line."""
    width = max(len(r[0]) for r in rows) + 2
    for name, value, goal in rows:
        print(f"{name:<{width}}{value:>14}   {goal}")
    if as_json:
        print(json.dumps(figures))


def reuse_home(home: Path, base_url: str, *, polling: int, paused: bool = False) -> Path:
    """A data folder made by `make_home` earlier (a million rows take minutes to write),
    pointed at `base_url`, its first `polling` bench tasks active (or paused) again."""
    import sqlite3

    from videomon.core.config.paths import AppPaths
    from videomon.core.providers.dialects import FormatRegistry
    from videomon.core.providers.profiles import ConfigStore

    paths = AppPaths.under(home)
    config = ConfigStore(paths.config_file, FormatRegistry())
    data = config.load()
    for profile in data.get("profiles", []):
        profile["base_url"] = base_url
    config.save(data)
    db = sqlite3.connect(paths.data_dir / "tasks.db")
    try:
        with db:
            marks = ", ".join("?" * polling)
            db.execute(f"UPDATE tasks SET watch = ?, state = 'queued', progress = NULL, "
                       f"next_poll_at = NULL WHERE task_id IN ({marks})",
                       ["paused" if paused else "active", *polling_ids(polling)])
    finally:
        db.close()
    return home
