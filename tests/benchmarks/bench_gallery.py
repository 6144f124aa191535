"""The gallery flung through (run on demand; not part of the test run).

    .venv/bin/python -m tests.benchmarks.bench_gallery [--videos 1000] [--json]

The real window (offscreen, 1280x800) on a data folder of `--videos` finished tasks whose
pictures are in the cache folder (as after a first run), the gallery shown. A 10 ms
timer on the GUI thread measures how late it runs (p50/p99/max) while:
  idle  — the gallery at rest (the baseline);
  cold  — flung from top to bottom and back at 60 steps a second, the pictures read
          from the cache folder and decoded off the GUI thread as tiles come into view;
  warm  — flung again, the pictures held in memory.
Goal: flinging stays within a frame (p99 under 16 ms) and adds little to idle.
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

from tests.benchmarks.common import Heartbeat, make_home, report, rss_mb

DEAD = "http://127.0.0.1:9"  # (no provider: every picture comes from the cache)
STEPS_PER_SECOND = 60


def fill_cache(home: Path) -> None:
    """A picture per finished task in the cache folder, as the gallery leaves it."""
    from videomon.core.config.paths import AppPaths
    from videomon.core.tracking.store import TaskStore
    from videomon.core.transfers.thumbnails import picture_key
    from videomon.resources import sample_picture

    paths = AppPaths.under(home)
    folder = paths.cache_dir / "thumbnails"
    folder.mkdir(parents=True, exist_ok=True)
    store = TaskStore(paths.data_dir / "tasks.db")
    try:
        for task in store.all():
            shutil.copyfile(sample_picture(task.ref),
                            folder / f"{picture_key(task.profile, task.task_id)}.jpg")
    finally:
        store.close()


async def fling(bar: Any, seconds: float) -> int:
    """Scroll from top to bottom and back in `seconds`; the steps taken."""
    steps = int(seconds * STEPS_PER_SECOND / 2)
    top = bar.maximum()
    for path in (range(steps + 1), range(steps, -1, -1)):
        for step in path:
            bar.setValue(round(top * step / steps))
            await asyncio.sleep(1 / STEPS_PER_SECOND)
    return 2 * steps


async def measure(home: Path, seconds: float) -> dict[str, Any]:
    from videomon.app import VideomonApp
    from videomon.core.config.paths import AppPaths
    from videomon.core.providers.credentials import CredentialStore

    app = VideomonApp(AppPaths.under(home), credentials=CredentialStore(environ={}))
    await app.start(check_keyring=False)
    window = app.window
    window.resize(1280, 800)
    window.show()
    views = window.library.views
    views.show(True)
    out: dict[str, Any] = {"videos": window.model.rowCount()}
    beat = Heartbeat()
    try:
        await asyncio.sleep(2.0)  # the first screen's pictures
        beat.start()
        await asyncio.sleep(seconds)
        beat.stop()
        out.update({f"idle_{k}": v for k, v in beat.figures().items()})
        bar = views.gallery.verticalScrollBar()
        out["scroll_range_px"] = bar.maximum()
        for phase in ("cold", "warm"):
            loaded = views.pictures.loaded
            beat.start()
            started = time.perf_counter()
            out[f"{phase}_steps"] = await fling(bar, seconds)
            out[f"{phase}_seconds"] = round(time.perf_counter() - started, 2)
            beat.stop()
            await asyncio.sleep(1.0)  # (what was asked for arrives)
            out.update({f"{phase}_{k}": v for k, v in beat.figures().items()})
            out[f"{phase}_pictures_decoded"] = views.pictures.loaded - loaded
        out["rss_mb"] = round(rss_mb(), 1)
    finally:
        await app.shutdown()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--videos", type=int, default=1000)
    parser.add_argument("--seconds", type=float, default=6.0, help="per fling and idle")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import qasync
    from PySide6.QtWidgets import QApplication

    with tempfile.TemporaryDirectory(prefix="videomon-bench-gallery-") as tmp:
        home = make_home(Path(tmp), DEAD, polling=0, rows=args.videos)
        fill_cache(home)
        qapp = QApplication.instance() or QApplication([])
        loop = qasync.QEventLoop(qapp)
        asyncio.set_event_loop(loop)
        try:
            figures = loop.run_until_complete(measure(home, args.seconds))
        finally:
            loop.close()
    rows = [(k, str(v), "") for k, v in figures.items()]
    rows = [(k, v, "p99 < 16 ms" if k.endswith("heartbeat_p99_ms") else g) for k, v, g in rows]
    report({"bench": "gallery", **figures}, rows, args.json)


if __name__ == "__main__":
    main()
