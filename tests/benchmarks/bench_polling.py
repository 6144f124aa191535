"""Polling cost benchmark (run on demand, prints its figures; not part of the test run).

    .venv/bin/python -m tests.benchmarks.bench_polling [--tasks 2000] [--seconds 20] [--json]

Starts the simulated relay in its own process, then measures in fresh child processes:
  floor   — raw aiohttp on a plain asyncio loop, the same request rate;
  aiohttp — videomon's Scheduler (store, batching, parsing) on the window's loop
            (videomon.ui.runtime.event_loop, qasync with batched callbacks) with Qt offscreen,
            through the shared HttpClient's default transport (httpx's API over
            aiohttp's pool);
  aiohttp-stock — the same on qasync's own QEventLoop, for comparison;
  httpx   — the window's loop with httpx's own connection pool (--modes to pick).
Each child reports polls/s and its own CPU time (user + system, all threads) per second.
The target: 2,000 tasks at a 5 s interval (400 polls/s) within 25% of one core.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.benchmarks.common import ROOT, cpu_seconds, relay_process
from tests.benchmarks.common import polling_ids as ids


async def floor(base: str, count: int, interval: float, seconds: float) -> dict:
    import aiohttp

    done = 0
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=64)) as session:
        async def poller(task_id: str, offset: float, stop_at: float) -> None:
            nonlocal done
            await asyncio.sleep(offset)
            while time.monotonic() < stop_at:
                async with session.get(f"{base}/v1/videos/{task_id}") as response:
                    await response.json()
                done += 1
                await asyncio.sleep(interval)

        warm = time.monotonic() + interval  # one full round before measuring
        stop_at = warm + seconds
        jobs = [asyncio.create_task(poller(t, random.uniform(0, interval), stop_at))
                for t in ids(count)]
        await asyncio.sleep(interval)
        cpu0, polls0, t0 = cpu_seconds(), done, time.monotonic()
        await asyncio.sleep(seconds)
        cpu1, polls1, t1 = cpu_seconds(), done, time.monotonic()
        for job in jobs:
            job.cancel()
        await asyncio.gather(*jobs, return_exceptions=True)
    return {"polls_per_s": (polls1 - polls0) / (t1 - t0), "cpu": (cpu1 - cpu0) / (t1 - t0)}


def engine(base: str, count: int, interval: float, seconds: float, transport: str) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication  # noqa: I001 - PySide6 before qasync
    import qasync

    from videomon.core.providers.dialects import FormatRegistry
    from videomon.core.providers.http import HttpClient
    from videomon.core.providers.lookup import TaskLookup
    from videomon.core.providers.profiles import Profile
    from videomon.core.tracking.scheduler import Scheduler, SchedulerConfig
    from videomon.core.tracking.store import TaskStore

    from videomon.ui.runtime.event_loop import EventLoop

    app = QApplication.instance() or QApplication([])
    stock = transport.endswith("-stock")  # qasync's own loop, for comparison
    transport = transport.removesuffix("-stock")
    loop = qasync.QEventLoop(app) if stock else EventLoop(app)
    asyncio.set_event_loop(loop)
    result: dict = {}

    async def main() -> None:
        http = HttpClient(backend=transport)
        lookup = TaskLookup(http, FormatRegistry())
        profile = Profile("bench", "openai", base, interval=interval, max_concurrency=64)
        store = TaskStore(Path(tempfile.mkdtemp()) / "tasks.db")

        async def fetch(p: Profile, key: str | None, task_id: str):  # type: ignore[no-untyped-def]
            return await lookup.fetch(p, key, task_id, label=p.name)

        async def no_key(_: str) -> None:
            return None

        # fixed interval: this measures the cost of 400 polls/s, not the backoff
        config = SchedulerConfig(unchanged_before_backoff=10**9, global_limit=64)
        scheduler = Scheduler(store, [profile], fetch, no_key, config=config)
        added = await scheduler.add("bench", ids(count))
        now = time.time()
        for task in added:  # spread the first polls over one interval
            scheduler.schedule(task.ref, now + random.uniform(0, interval))
        runner = asyncio.create_task(scheduler.run())
        await asyncio.sleep(interval)
        cpu0, polls0, t0 = cpu_seconds(), scheduler.polls, time.monotonic()
        await asyncio.sleep(seconds)
        cpu1, polls1, t1 = cpu_seconds(), scheduler.polls, time.monotonic()
        runner.cancel()
        await asyncio.gather(runner, return_exceptions=True)
        await http.aclose()
        store.close()
        problems = sum(1 for t in scheduler.tasks.values() if t.problem_kind)
        result.update(polls_per_s=(polls1 - polls0) / (t1 - t0), cpu=(cpu1 - cpu0) / (t1 - t0),
                      problems=problems)

    with loop:
        loop.run_until_complete(main())
    return result


def child(args: argparse.Namespace) -> None:
    if args.mode == "floor":
        out = asyncio.run(floor(args.base, args.tasks, args.interval, args.seconds))
    else:
        out = engine(args.base, args.tasks, args.interval, args.seconds, args.mode)
    print(json.dumps(out))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tasks", type=int, default=2000)
    parser.add_argument("--interval", type=float, default=5.0)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--modes", default="floor,aiohttp,aiohttp-stock")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--mode", help=argparse.SUPPRESS)
    parser.add_argument("--base", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.mode:
        child(args)
        return
    with relay_process() as base:
        print(f"simulated relay {base} (own process); {args.tasks} tasks every "
              f"{args.interval:g} s = {args.tasks / args.interval:.0f} polls/s wanted; "
              f"measuring {args.seconds:g} s after one warm-up round")
        print(f"{'mode':<40}{'polls/s':>9}{'CPU % of a core':>17}{'ms CPU/poll':>13}")
        results: dict = {}
        for mode in args.modes.split(","):
            out = subprocess.run(
                [sys.executable, "-m", "tests.benchmarks.bench_polling", "--mode", mode,
                 "--base", base, "--tasks", str(args.tasks), "--interval", str(args.interval),
                 "--seconds", str(args.seconds)], capture_output=True, text=True, cwd=ROOT,
                check=False)
            if out.returncode != 0:
                print(f"{mode}: failed\n{out.stderr[-2000:]}")
                continue
            data = json.loads(out.stdout.strip().splitlines()[-1])
            results[mode] = data
            label = {"floor": "aiohttp ClientSession, asyncio (floor)",
                     "httpx": "engine, window loop, httpx's own pool",
                     "aiohttp": "engine, window loop, aiohttp (default)",
                     "aiohttp-stock": "engine, stock qasync loop, aiohttp"}.get(mode, mode)
            per_poll = 1000 * data["cpu"] / data["polls_per_s"] if data["polls_per_s"] else 0
            extra = f"   problems: {data['problems']}" if data.get("problems") else ""
            print(f"{label:<40}{data['polls_per_s']:>9.0f}{100 * data['cpu']:>16.1f}%"
                  f"{per_poll:>13.2f}{extra}")
        floor_cpu = results.get("floor", {}).get("cpu")
        if floor_cpu and "aiohttp" in results:
            ratio = results["aiohttp"]["cpu"] / floor_cpu
            results["ratio"] = round(ratio, 2)
            print(f"engine / floor: {ratio:.2f}× (goal ≤ 2×)")
        if args.json:
            print(json.dumps(results))


if __name__ == "__main__":
    main()
