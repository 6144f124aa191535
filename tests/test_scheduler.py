"""The poll scheduler on a fake clock: intervals, backoff, hints, limits, problems, batches."""

from __future__ import annotations

import asyncio
import itertools
import random
from collections import defaultdict
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path

import pytest

from videomon.core.domain.errors import (
    AuthRejected,
    LookupProblem,
    NetworkError,
    NotFound,
    RateLimited,
)
from videomon.core.domain.snapshot import Snapshot, TaskState
from videomon.core.domain.task import DownloadState, TrackedTask
from videomon.core.providers.lookup import LookupResult
from videomon.core.providers.profiles import Profile
from videomon.core.tracking.clock import FakeClock
from videomon.core.tracking.scheduler import Scheduler, SchedulerConfig, cancel_and_wait
from videomon.core.tracking.store import TaskStore

A = Profile("a", "openai", "https://a.example", interval=5, max_concurrency=2)
B = Profile("b", "openai", "https://b.example", interval=5)
NO_JITTER = SchedulerConfig(jitter=0.0, flush_interval=0.01)


def snap(task_id: str, state: str = "running", progress: float | None = 10.0,
         urls: tuple[str, ...] = ()) -> LookupResult:
    return LookupResult(task_id, Snapshot(task_id, "openai", TaskState(state), progress, urls))


def problem(task_id: str, exc: LookupProblem) -> LookupResult:
    return LookupResult(task_id, problem=exc)


class Recorder:
    def __init__(self) -> None:
        self.batches: list[list[TrackedTask]] = []
        self.removed: list[list[int]] = []
        self.returned: list[list[int]] = []
        self.profile_events: list[tuple[str, str | None]] = []

    def tasks_changed(self, tasks: Sequence[TrackedTask]) -> None:
        self.batches.append(list(tasks))

    def tasks_removed(self, refs: Sequence[int]) -> None:
        self.removed.append(list(refs))

    def tasks_returned(self, refs: Sequence[int]) -> None:
        self.returned.append(list(refs))

    def profile_problem(self, profile: str, problem: object | None) -> None:
        self.profile_events.append((profile, None if problem is None else str(problem)))


class Provider:
    """A fake lookup: per task a script of results (the last one repeats)."""

    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.scripts: dict[str, list[LookupResult | Callable[[], LookupResult]]] = {}
        self.calls: dict[str, list[float]] = defaultdict(list)
        self.keys: list[str | None] = []
        self.gate: asyncio.Event | None = None
        self.in_flight = 0
        self.max_in_flight = 0
        self.max_per_profile: dict[str, int] = defaultdict(int)
        self._per_profile: dict[str, int] = defaultdict(int)

    async def lookup(self, profile: Profile, key: str | None, task_id: str) -> LookupResult:
        self.calls[task_id].append(self.clock.now())
        self.keys.append(key)
        self.in_flight += 1
        self._per_profile[profile.name] += 1
        self.max_in_flight = max(self.max_in_flight, self.in_flight)
        self.max_per_profile[profile.name] = max(self.max_per_profile[profile.name],
                                                 self._per_profile[profile.name])
        try:
            if self.gate is not None:
                await self.gate.wait()
            script = self.scripts.get(task_id) or [snap(task_id)]
            item = script.pop(0) if len(script) > 1 else script[0]
            return item() if callable(item) else item
        finally:
            self.in_flight -= 1
            self._per_profile[profile.name] -= 1

    def gaps(self, task_id: str) -> list[float]:
        times = self.calls[task_id]
        return [round(b - a, 3) for a, b in itertools.pairwise(times)]


class Harness:
    def __init__(self, tmp_path: Path, config: SchedulerConfig = NO_JITTER,
                 profiles: Sequence[Profile] = (A, B)) -> None:
        self.clock = FakeClock()
        self.provider = Provider(self.clock)
        self.store = TaskStore(tmp_path / "tasks.db")
        self.keys = {"a": "key-a", "b": "key-b"}
        self.succeeded: list[str] = []

        async def get_key(profile: str) -> str | None:
            return self.keys.get(profile)

        self.scheduler = Scheduler(self.store, profiles, self.provider.lookup, get_key,
                                   clock=self.clock, config=config, rng=random.Random(3),
                                   on_succeeded=lambda t: self.succeeded.append(t.task_id))
        self.recorder = Recorder()
        self.scheduler.add_observer(self.recorder)

    async def settle(self) -> None:
        for _ in range(20):
            await asyncio.sleep(0)

    async def advance(self, seconds: float, step: float = 0.5) -> None:
        elapsed = 0.0
        while elapsed < seconds - 1e-9:
            self.clock.advance(step)
            elapsed += step
            await self.settle()
        await self.scheduler.flush()


def scenario(tmp_path: Path, body: Callable[[Harness], Awaitable[None]],
             config: SchedulerConfig = NO_JITTER) -> Harness:
    harness = Harness(tmp_path, config)

    async def main() -> None:
        runner = asyncio.create_task(harness.scheduler.run())
        await harness.settle()
        try:
            await body(harness)
        finally:
            await cancel_and_wait(runner)

    asyncio.run(main())
    harness.store.close()
    return harness


def test_polls_at_the_profile_interval_and_stops_when_done(tmp_path: Path) -> None:
    async def body(h: Harness) -> None:
        h.provider.scripts["t1"] = [snap("t1", progress=10), snap("t1", progress=20),
                                    snap("t1", progress=30),
                                    snap("t1", "succeeded", 100, ("https://c/x.mp4",))]
        await h.scheduler.add("a", ["t1"])
        await h.advance(60)

    h = scenario(tmp_path, body)
    assert h.provider.gaps("t1") == [5.0, 5.0, 5.0]
    assert h.succeeded == ["t1"]
    assert h.provider.keys == ["key-a"] * 4
    reopened = TaskStore(tmp_path / "tasks.db")
    stored = reopened.find("a", "t1")
    reopened.close()
    assert stored is not None and stored.state is TaskState.SUCCEEDED and stored.watch == "done"


def test_state_and_history_are_written_in_batches(tmp_path: Path) -> None:
    async def body(h: Harness) -> None:
        h.provider.scripts["t1"] = [snap("t1", "queued", None), snap("t1", progress=50),
                                    snap("t1", "succeeded", 100, ("https://c/x.mp4",))]
        (task,) = await h.scheduler.add("a", ["t1"])
        await h.advance(15)
        await h.scheduler.flush()
        row = h.store.get(task.ref)
        assert row is not None and row.state is TaskState.SUCCEEDED and row.watch == "done"
        assert row.video_urls == ["https://c/x.mp4"]
        assert [s for _, s, _, _ in h.store.history(task.ref)] == \
            ["queued", "queued", "running", "succeeded"]

    scenario(tmp_path, body)


def test_unchanged_snapshots_lengthen_the_interval_up_to_the_cap(tmp_path: Path) -> None:
    async def body(h: Harness) -> None:
        await h.scheduler.add("a", ["t1"])  # always the same snapshot
        await h.advance(400, step=0.25)

    h = scenario(tmp_path, body)
    gaps = h.provider.gaps("t1")
    assert gaps[:4] == [5.0, 5.0, 5.0, 7.5]
    assert all(b >= a for a, b in itertools.pairwise(gaps))
    assert max(gaps) == 60.0 and gaps[-1] == 60.0


def test_a_change_resets_the_interval(tmp_path: Path) -> None:
    async def body(h: Harness) -> None:
        same = snap("t1", progress=10)
        h.provider.scripts["t1"] = [same] * 6 + [snap("t1", progress=60)] + [
            snap("t1", progress=60)]
        await h.scheduler.add("a", ["t1"])
        await h.advance(150, step=0.25)

    gaps = scenario(tmp_path, body).provider.gaps("t1")
    first_change = 6  # the 7th call brought progress 60
    assert gaps[first_change] == 5.0
    assert gaps[first_change - 1] > 5.0


def test_server_poll_hint_is_honoured(tmp_path: Path) -> None:
    async def body(h: Harness) -> None:
        hinted = LookupResult("t1", snap("t1").snapshot, poll_after=2.0)
        h.provider.scripts["t1"] = [hinted]
        await h.scheduler.add("a", ["t1"])
        await h.advance(10, step=0.25)

    assert scenario(tmp_path, body).provider.gaps("t1")[:3] == [2.0, 2.0, 2.0]


def test_retry_after_and_network_backoff_then_recovery(tmp_path: Path) -> None:
    async def body(h: Harness) -> None:
        h.provider.scripts["t1"] = [
            problem("t1", RateLimited("429", retry_after=30)),
            problem("t1", NetworkError("down")), problem("t1", NetworkError("down")),
            problem("t1", NetworkError("down")), snap("t1", progress=40), snap("t1", progress=50)]
        (task,) = await h.scheduler.add("a", ["t1"])
        await h.advance(5)
        assert h.scheduler.tasks[task.ref].problem_kind == "rate_limited"
        await h.advance(200, step=0.25)
        assert h.scheduler.tasks[task.ref].problem_kind is None
        assert h.scheduler.tasks[task.ref].progress == 50

    gaps = scenario(tmp_path, body).provider.gaps("t1")
    assert gaps[0] == 30.0  # Retry-After beat the 10 s backoff
    assert gaps[1:4] == [20.0, 40.0, 60.0]  # doubling, capped at 60 s
    assert gaps[4] == 5.0  # recovered: back to the profile interval


def test_not_found_twice_stops_the_task(tmp_path: Path) -> None:
    async def body(h: Harness) -> None:
        h.provider.scripts["gone"] = [problem("gone", NotFound("404"))]
        h.provider.scripts["flaky"] = [problem("flaky", NotFound("404")), snap("flaky")]
        refs = await h.scheduler.add("a", ["gone", "flaky"])
        await h.advance(60)
        assert h.scheduler.tasks[refs[0].ref].watch == "not_found"
        assert h.scheduler.tasks[refs[1].ref].watch == "active"

    h = scenario(tmp_path, body)
    assert len(h.provider.calls["gone"]) == 2
    assert len(h.provider.calls["flaky"]) > 5


def test_rejected_key_pauses_the_profile_once_until_the_key_changes(tmp_path: Path) -> None:
    async def body(h: Harness) -> None:
        denied = problem("x", AuthRejected("HTTP 401: bad key"))
        for tid in ("a1", "a2", "a3"):
            h.provider.scripts[tid] = [denied]
        await h.scheduler.add("a", ["a1", "a2", "a3"])
        await h.scheduler.add("b", ["b1"])
        await h.advance(30)
        assert list(h.scheduler.paused_profiles) == ["a"]
        assert [e for e in h.recorder.profile_events if e[1]] == [
            ("a", "key rejected: HTTP 401: bad key")]
        polls_a = sum(len(h.provider.calls[t]) for t in ("a1", "a2", "a3"))
        assert polls_a <= 3  # at most the requests already in flight
        assert len(h.provider.calls["b1"]) >= 5  # the other profile carries on
        for tid in ("a1", "a2", "a3"):
            h.provider.scripts[tid] = [snap(tid)]
        h.keys["a"] = "new-key"
        h.scheduler.key_changed("a")
        await h.advance(1)
        assert h.recorder.profile_events[-1] == ("a", None)
        assert all(len(h.provider.calls[t]) >= 1 for t in ("a1", "a2", "a3"))
        assert h.provider.keys[-1] == "new-key"
        assert all(t.problem_kind is None for t in h.scheduler.tasks.values())

    scenario(tmp_path, body)


def test_stale_after_the_deadline(tmp_path: Path) -> None:
    config = SchedulerConfig(jitter=0.0, flush_interval=0.01, stale_after=120)

    async def body(h: Harness) -> None:
        (task,) = await h.scheduler.add("a", ["t1"])
        await h.advance(300, step=1)
        assert h.scheduler.tasks[task.ref].watch == "stale"
        calls = len(h.provider.calls["t1"])
        await h.advance(200, step=1)
        assert len(h.provider.calls["t1"]) == calls
        h.scheduler.refresh([task.ref])
        await h.advance(1)
        assert len(h.provider.calls["t1"]) == calls + 1

    scenario(tmp_path, body, config)


def test_concurrency_limits_per_profile_and_global(tmp_path: Path) -> None:
    config = SchedulerConfig(jitter=0.0, flush_interval=0.01, global_limit=3)

    async def body(h: Harness) -> None:
        h.provider.gate = asyncio.Event()
        await h.scheduler.add("a", [f"a{i}" for i in range(10)])
        await h.scheduler.add("b", [f"b{i}" for i in range(10)])
        await h.advance(1)
        assert h.provider.max_per_profile["a"] <= 2
        assert h.provider.max_in_flight == 3
        h.provider.gate.set()
        await h.advance(2)

    h = scenario(tmp_path, body, config)
    assert h.provider.max_in_flight == 3 and h.provider.max_per_profile["a"] == 2
    assert sum(len(c) for c in h.provider.calls.values()) >= 20


def test_pause_resume_refresh_remove(tmp_path: Path) -> None:
    async def body(h: Harness) -> None:
        t1, t2 = await h.scheduler.add("a", ["t1", "t2"])
        await h.advance(1)
        h.scheduler.pause([t1.ref])
        await h.advance(20)
        assert len(h.provider.calls["t1"]) == 1
        h.scheduler.resume([t1.ref])
        await h.advance(0.5)
        assert len(h.provider.calls["t1"]) == 2
        before = len(h.provider.calls["t2"])
        h.scheduler.refresh([t2.ref])
        await h.advance(0.5)
        assert len(h.provider.calls["t2"]) == before + 1
        assert await h.scheduler.remove([t2.ref]) == (1, [t2.ref])
        await h.advance(30)
        assert len(h.provider.calls["t2"]) == before + 1
        assert h.store.get(t2.ref) is None
        assert h.recorder.removed == [[t2.ref]]
        # undo: it is held and polled again (a task that polls is live, not only stored)
        assert await h.scheduler.bring_back() == [t2.ref]
        await h.advance(10)
        assert len(h.provider.calls["t2"]) > before + 1
        assert h.recorder.returned == []

    scenario(tmp_path, body)


def test_a_thousand_changes_in_one_tick_are_one_observer_call(tmp_path: Path) -> None:
    async def body(h: Harness) -> None:
        await h.scheduler.add("a", [f"t{i}" for i in range(1000)])
        await h.scheduler.flush()
        h.recorder.batches.clear()
        h.scheduler.set_profiles([A.with_changes(max_concurrency=64)])
        h.clock.advance(5)
        for _ in range(200):  # let every poll of this tick finish, without a flush
            await asyncio.sleep(0)
        await h.scheduler.flush()

    config = SchedulerConfig(jitter=0.0, flush_interval=3600, global_limit=64)
    h = scenario(tmp_path, body, config)
    sizes = [len(batch) for batch in h.recorder.batches]
    assert sum(sizes) >= 1000 and len(sizes) <= 2, sizes


def test_tasks_survive_a_restart(tmp_path: Path) -> None:
    async def first(h: Harness) -> None:
        h.provider.scripts["t1"] = [snap("t1", progress=42)]
        await h.scheduler.add("a", ["t1", "t2"])
        await h.advance(1)

    scenario(tmp_path, first)
    again = Harness(tmp_path)
    again.scheduler.load()
    progress = {t.task_id: t.progress for t in again.scheduler.tasks.values()}
    assert progress == {"t1": 42.0, "t2": 10.0}
    again.store.close()


@pytest.mark.parametrize("jitter", [0.1])
def test_jitter_spreads_polls(tmp_path: Path, jitter: float) -> None:
    config = SchedulerConfig(jitter=jitter, flush_interval=0.01)

    async def body(h: Harness) -> None:
        h.provider.scripts["t1"] = [lambda: snap("t1", progress=h.clock.now() % 100)]
        await h.scheduler.add("a", ["t1"])
        await h.advance(100, step=0.05)

    gaps = scenario(tmp_path, body, config).provider.gaps("t1")
    assert all(4.5 - 0.06 <= g <= 5.5 + 0.06 for g in gaps)
    assert len(set(gaps)) > 3


def test_tasks_are_polled_in_the_order_their_time_comes(tmp_path: Path) -> None:
    order: list[str] = []

    async def body(h: Harness) -> None:
        added = await h.scheduler.add("a", [f"t{i}" for i in range(20)])
        now = h.clock.now()
        for i, task in enumerate(added):  # t19 first, t0 last, 0.1 s apart
            h.scheduler.schedule(task.ref, now + 1 + (19 - i) / 10)
        original = h.provider.lookup

        async def recording(profile: Profile, key: str | None, task_id: str) -> LookupResult:
            order.append(task_id)
            return await original(profile, key, task_id)

        h.scheduler._lookup = recording
        await h.advance(3.5, step=0.1)

    scenario(tmp_path, body, SchedulerConfig(jitter=0.0, flush_interval=0.01, coalesce=0.0))
    assert order == [f"t{i}" for i in reversed(range(20))]


def test_tasks_of_a_profile_added_later_start_polling(tmp_path: Path) -> None:
    async def body(h: Harness) -> None:
        h.scheduler.set_profiles([A])
        await h.scheduler.add("a", ["t1"])
        h.store.add_many("b", ["orphan"], now=h.clock.now())
        h.scheduler.tasks.clear()
        h.scheduler.load()  # "b" has tasks but no profile yet: nothing polls them
        await h.advance(6)
        assert h.provider.calls["orphan"] == []
        h.scheduler.set_profiles([A, B])
        await h.advance(1)
        assert len(h.provider.calls["orphan"]) == 1

    scenario(tmp_path, body)


def test_refresh_while_a_poll_is_in_flight_polls_once_then_keeps_the_interval(
        tmp_path: Path) -> None:
    async def body(h: Harness) -> None:
        (t1,) = await h.scheduler.add("a", ["t1"])
        h.provider.gate = asyncio.Event()
        await h.advance(0.5)
        assert len(h.provider.calls["t1"]) == 1  # held in flight by the gate
        h.scheduler.refresh([t1.ref])
        await h.advance(0.5)
        assert len(h.provider.calls["t1"]) == 1  # no second request while one is out
        h.provider.gate.set()
        await h.advance(1)
        await h.advance(10, step=0.5)
        assert h.provider.gaps("t1") == [6.0, 5.0]  # answered at 1.5 s, then every 5 s

    scenario(tmp_path, body)


def test_a_write_cut_short_by_cancellation_still_lands_before_newer_ones(
        tmp_path: Path) -> None:
    import time as _time

    h = Harness(tmp_path)
    real_apply = h.store.apply
    calls: list[int] = []

    def slow_apply(updates):  # type: ignore[no-untyped-def]
        calls.append(len(updates))
        if len(calls) == 1:
            _time.sleep(0.3)  # the cancelled flush's write is slow
        real_apply(updates)

    async def main() -> None:
        (task,) = await h.scheduler.add("a", ["t1"])
        await h.scheduler.flush()
        h.store.apply = slow_apply  # type: ignore[method-assign]
        h.scheduler.update(task.ref, {"download_state": DownloadState.DOWNLOADING})
        first = asyncio.create_task(h.scheduler.flush())
        await asyncio.sleep(0.05)  # the write is running in its thread
        first.cancel()
        await asyncio.gather(first, return_exceptions=True)
        h.scheduler.update(task.ref, {"download_state": DownloadState.DONE})
        await h.scheduler.flush()  # must not land before the older write
        await h.scheduler.drain()
        assert h.store.get(task.ref).download_state == "done"  # type: ignore[union-attr]

    asyncio.run(main())
    h.store.close()
