"""`videomon watch --demo`: the engine against an in-process simulated relay.

A throwaway data dir, one profile per dialect, a handful of tasks, live progress until
every task ends and its video is downloaded — no key, no network.
"""

from __future__ import annotations

import asyncio
import sys
import time
from pathlib import Path

from videomon.cli.render import LiveDisplay, results_table
from videomon.core.domain.task import DownloadState, TrackedTask, Watch
from videomon.core.providers.credentials import CredentialStore
from videomon.core.providers.lookup import LookupResult
from videomon.core.tracking.engine import Engine
from videomon.core.tracking.scheduler import SchedulerConfig
from videomon.simulator.demo import DEMO_SPEED, DEMO_TASKS, make_world

DEMO_LIMIT = 55.0


def _result(task: TrackedTask) -> LookupResult | None:
    if task.snapshot is None:
        return None
    return LookupResult(task.task_id, task.snapshot)


async def run_demo(*, max_wait: float = DEMO_LIMIT, stream=None) -> int:  # type: ignore[no-untyped-def]
    from videomon.simulator.server import SimulatedRelay

    out = stream or sys.stdout
    async with SimulatedRelay(speed=DEMO_SPEED, seed=1) as sim:
        world = make_world(sim.base_url)
        home = world.home
        engine = Engine(world.paths, world.config, CredentialStore(environ={}),
                        scheduler_config=SchedulerConfig(flush_interval=0.2))
        await engine.start()
        labels: dict[int, str] = {}
        for profile, _, task_id in DEMO_TASKS:
            for task in await engine.scheduler.add(profile, [task_id]):
                labels[task.ref] = task_id
        print(f"demo: simulated relay at {sim.base_url}, data in {home}", file=out, flush=True)
        display = LiveDisplay(list(labels.values()), stream=out)
        started = time.monotonic()
        try:
            while time.monotonic() - started < max_wait:
                tasks = {ref: engine.scheduler.tasks[ref] for ref in labels}
                display.update({labels[r]: _result(t) for r, t in tasks.items()},
                               _download_notes(engine, tasks))
                active = any(t.watch == Watch.ACTIVE for t in tasks.values())
                downloading = any(t.download_state is not None and t.download_state.busy
                                  for t in tasks.values())
                if not active and not downloading:
                    break
                await asyncio.sleep(0.25)
            tasks = {ref: engine.scheduler.tasks[ref] for ref in labels}
            display.update({labels[r]: _result(t) for r, t in tasks.items()},
                           _download_notes(engine, tasks))
            results = [r for r in (_result(t) for t in tasks.values()) if r is not None]
            print("", file=out)
            print(results_table(results), file=out)
            for task in tasks.values():
                for path in task.download_paths:
                    if task.download_state is DownloadState.DONE:
                        print(f"downloaded {task.task_id} → {path} "
                              f"({Path(path).stat().st_size:,} bytes)", file=out)
            unfinished = [t for t in tasks.values() if t.watch == Watch.ACTIVE]
        finally:
            await engine.stop()
    if unfinished:
        print(f"demo: {len(unfinished)} task(s) still running after {max_wait:.0f} s",
              file=out)
        return 1
    print(f"demo finished in {time.monotonic() - started:.0f} s", file=out)
    return 0


def _download_notes(engine: Engine, tasks: dict[int, TrackedTask]) -> dict[str, str]:
    notes = {}
    for ref, task in tasks.items():
        progress = engine.downloads.progress(ref)
        if task.download_state is DownloadState.DOWNLOADING and progress and progress.fraction:
            notes[task.task_id] = f" · downloading {100 * progress.fraction:.0f}%"
        elif task.download_state is DownloadState.DONE:
            notes[task.task_id] = " · downloaded"
        elif task.download_state is DownloadState.FAILED:
            notes[task.task_id] = f" · download failed: {task.download_error}"
    return notes
