"""A soak run (on demand; not part of the test run).

    .venv/bin/python -m tests.benchmarks.soak --minutes 30 --tasks 1000 --faults default \\
        [--json]

The real window (offscreen) follows `--tasks` tasks on the simulated relay (its own
process, faults injected: `default` is latency 50 ms, 2% 429, 2% 5xx, 1% HTML pages,
1% malformed JSON, 1% dropped connections), polling every 5 s; every 30 s 25 new tasks
are tracked and 25 finished ones removed. Measured: RSS and open file descriptors after
the warm-up (the first tenth, at least a minute) and at the end; at the end no task may
be lost, and none stuck — every task the relay reports finished must be finished in the
store within two poll intervals. The count of each problem kind seen is printed.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import os
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from tests.benchmarks.common import PROFILE, make_home, relay_process, report, rss_mb

DEFAULT_FAULTS = "latency=0.05,429=0.02,5xx=0.02,html=0.01,malformed=0.01,drop=0.01"
INTERVAL = 5.0


class ProblemCounter:
    """An engine observer counting each problem kind as it is reported."""

    def __init__(self) -> None:
        self.kinds: collections.Counter[str] = collections.Counter()

    def tasks_changed(self, tasks: Sequence[Any]) -> None:
        for task in tasks:
            if task.problem_kind:
                self.kinds[task.problem_kind] += 1

    def tasks_removed(self, refs: Sequence[int]) -> None:
        pass

    def tasks_returned(self, refs: Sequence[int]) -> None:
        pass

    def profile_problem(self, profile: str, problem: object | None) -> None:
        if problem:
            self.kinds["profile"] += 1


def open_fds() -> int:
    return len(os.listdir("/proc/self/fd"))


async def truth(base: str, task_ids: list[str]) -> dict[str, str]:
    """What the relay itself says about each task (asked past its injected faults)."""
    import httpx

    answers: dict[str, str] = {}
    limit = asyncio.Semaphore(16)

    async def ask(client: httpx.AsyncClient, task_id: str) -> None:
        async with limit:
            for _ in range(20):
                try:
                    reply = await client.get(f"{base}/v1/videos/{task_id}")
                    answers[task_id] = reply.json()["status"]
                    return
                except (httpx.HTTPError, ValueError, KeyError):
                    await asyncio.sleep(0.05)

    async with httpx.AsyncClient(timeout=10) as client:
        await asyncio.gather(*(ask(client, t) for t in task_ids))
    return answers


async def soak(minutes: float, tasks: int, faults: str) -> dict[str, Any]:
    from videomon.app import VideomonApp
    from videomon.core.config.paths import AppPaths
    from videomon.core.providers.credentials import CredentialStore
    from videomon.core.tracking.scheduler import SchedulerConfig

    with relay_process(speed=1.0, faults=faults) as base, \
            tempfile.TemporaryDirectory(prefix="soak-") as tmp:
        home = make_home(Path(tmp) / "home", base, polling=0, rows=0)
        app = VideomonApp(AppPaths.under(home), credentials=CredentialStore(environ={}),
                          scheduler_config=SchedulerConfig(unchanged_before_backoff=10**9,
                                                           global_limit=64))
        await app.start(check_keyring=False)
        counter = ProblemCounter()
        app.engine.scheduler.book.observers.append(counter)
        commands = app.commands
        serial = 0

        async def track(count: int) -> None:
            nonlocal serial
            ids = [f"soak_{serial + i:06d}" for i in range(count)]
            serial += count
            await commands.tasks.add_text("\n".join(ids), profile=PROFILE)

        try:
            await track(tasks)
            started = time.monotonic()
            warm_until = started + max(60.0, minutes * 6.0)
            samples: list[tuple[float, float, int]] = []
            warm: tuple[float, int] | None = None
            next_churn = started + 30
            removed = 0
            while time.monotonic() - started < minutes * 60:
                await asyncio.sleep(10)
                samples.append((time.monotonic() - started, rss_mb(), open_fds()))
                if warm is None and time.monotonic() >= warm_until:
                    warm = (samples[-1][1], samples[-1][2])
                if time.monotonic() >= next_churn:
                    next_churn += 30
                    done = [t.ref for t in commands.tasks.copies() if t.state.terminal][:25]
                    await commands.tasks.remove(done)
                    removed += len(done)
                    await track(25)
            # what the relay says now, then the store two poll intervals later (a task
            # whose last lookup met a fault is backing off: its interval is longer)
            told = await truth(base, [t.task_id for t in commands.tasks.copies()])
            await asyncio.sleep(2 * INTERVAL + 2)  # two poll intervals, and a flush
            stored = {t.task_id: t for t in commands.tasks.copies()}
            finished = {"completed", "failed"}
            stuck = [i for i, word in told.items()
                     if word in finished and i in stored and not stored[i].state.terminal]
            late = [i for i in stuck if stored[i].problem_kind]  # backing off after a fault
            end = samples[-1]
            warm = warm or (samples[0][1], samples[0][2])
            return {"minutes": minutes, "tasks": tasks, "tracked": serial,
                    "removed": removed, "in_store": len(stored),
                    "lost": serial - removed - len(stored), "stuck": len(stuck),
                    "stuck_backing_off": len(late), "stuck_examples": stuck[:5],
                    "rss_warm_mb": round(warm[0], 1), "rss_end_mb": round(end[1], 1),
                    "rss_growth_pct": round(100 * (end[1] - warm[0]) / warm[0], 1),
                    "fds_warm": warm[1], "fds_end": end[2],
                    "polls": app.engine.scheduler.polls,
                    "problems": dict(counter.kinds.most_common())}
        finally:
            app.window.quit()
            await app.shutdown()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--minutes", type=float, default=30.0)
    parser.add_argument("--tasks", type=int, default=1000)
    parser.add_argument("--faults", default="default")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    faults = DEFAULT_FAULTS if args.faults == "default" else args.faults
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication  # noqa: I001 - PySide6 before qasync
    from videomon.ui.runtime.event_loop import EventLoop

    qapp = QApplication.instance() or QApplication([])
    loop = EventLoop(qapp)
    asyncio.set_event_loop(loop)
    with loop:
        figures = loop.run_until_complete(soak(args.minutes, args.tasks, faults))
    report(figures, [
        ("minutes, tasks (tracked in all)", f"{args.minutes:g}, {args.tasks} "
         f"({figures['tracked']})", ""),
        ("RSS after warm-up → end (MB)",
         f"{figures['rss_warm_mb']} → {figures['rss_end_mb']} "
         f"({figures['rss_growth_pct']:+}%)", "within 10%"),
        ("open file descriptors", f"{figures['fds_warm']} → {figures['fds_end']}", "flat"),
        ("tasks lost", str(figures["lost"]), "0"),
        ("tasks stuck (finished at the relay, not in the store)", str(figures["stuck"]), "0"),
        ("polls", str(figures["polls"]), ""),
        ("problems seen", ", ".join(f"{k} {v}" for k, v in figures["problems"].items())
         or "none", ""),
    ], args.json)


if __name__ == "__main__":
    main()
