"""`videomon watch --demo`: the same watch as `videomon watch`, against an in-process
simulated relay — a throwaway data folder (removed afterwards), one profile per dialect,
a handful of tasks, live progress until every task ends and its video is downloaded.
No key, no network.
"""

from __future__ import annotations

import json
import sys
from typing import TextIO

from videomon.cli.render import LiveDisplay, results_table
from videomon.cli.tracking_run import TrackingRun, watch_until_done
from videomon.core.domain.task import Watch
from videomon.core.providers.credentials import CredentialStore
from videomon.core.tracking.engine import Engine
from videomon.core.tracking.scheduler import SchedulerConfig
from videomon.simulator.demo import DEMO_TASKS, demo_relay, make_world, remove_world

DEMO_LIMIT = 55.0


async def run_demo(*, max_wait: float = DEMO_LIMIT, as_json: bool = False,
                   stream: TextIO | None = None) -> int:
    """0 when every task ended and its video was saved; the results as JSON lines on
    `stream` with `as_json` (the live view then goes to stderr)."""
    out = stream or sys.stdout
    live = sys.stderr if as_json else out
    async with demo_relay() as sim:
        world = make_world(sim.base_url)
        try:
            engine = Engine(world.paths, world.config, CredentialStore(environ={}),
                            private=True, scheduler_config=SchedulerConfig(flush_interval=0.2))
            tracking = TrackingRun(engine)
            await engine.start()
            try:
                for profile, _, task_id in DEMO_TASKS:
                    await tracking.track(profile, [task_id])
                print(f"demo: simulated relay at {sim.base_url}, data in {world.home} "
                      "(removed when the demo ends)",
                      file=live, flush=True)
                display = LiveDisplay([t.task_id for t in tracking.tasks()], stream=live)
                await watch_until_done(tracking, display, max_wait)
                results = tracking.results()
                if as_json:
                    for result in results:
                        data = result.snapshot.to_json() if result.snapshot else {
                            "task_id": result.task_id,
                            "problem": result.problem.to_json() if result.problem else None}
                        print(json.dumps(data, ensure_ascii=False), file=out)
                else:
                    print("", file=out)
                    print(results_table(results), file=out)
                for task in tracking.tasks():
                    for path in task.download_paths if task.saved else ():
                        print(f"downloaded {task.task_id} → {path}", file=live)
                unfinished = [t for t in tracking.tasks() if t.watch is Watch.ACTIVE]
                unsaved = [t for t in tracking.tasks() if t.video_urls and not t.saved]
            finally:
                await engine.stop()
        finally:
            remove_world(world)
    if unfinished or unsaved:
        print(f"demo: {len(unfinished)} task(s) still running, {len(unsaved)} video(s) not "
              f"saved after {max_wait:.0f} s", file=live)
        return 1
    print("demo finished", file=live)
    return 0
