"""The poll scheduler: each active task has its own next-poll time.

Intervals start at the profile's (default 5 s), lengthen while a task's snapshot does
not change (up to a cap), follow the server's hints (``openai-poll-after-ms``,
``Retry-After``), and carry jitter. Concurrency is limited per profile and globally.
Terminal tasks stop; a task not found twice in a row stops as not found; a rejected key
pauses its *profile* (one problem, not one per task) until the key changes; network
failures back off and recover by themselves; a task with no change for a day is stale.

Observers get changes in batches (one call per flush, however many tasks changed), and
the store is written in batches in a worker thread.
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import heapq
import logging
import random
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from videomon.core.domain.errors import ProblemKind
from videomon.core.domain.snapshot import Snapshot, TaskState
from videomon.core.domain.task import TrackedTask, Watch, snapshot_values
from videomon.core.providers.lookup import LookupResult
from videomon.core.providers.profiles import Profile
from videomon.core.tracking.clock import Clock, RealClock
from videomon.core.tracking.store import TaskStore, TaskUpdate

log = logging.getLogger(__name__)

#: (profile, key, task_id) → result; the engine passes `TaskLookup.fetch`.
LookupFn = Callable[[Profile, str | None, str], Awaitable[LookupResult]]
KeyFn = Callable[[str], Awaitable[str | None]]


@dataclass(frozen=True, slots=True)
class SchedulerConfig:
    max_interval: float = 60.0
    unchanged_before_backoff: int = 3
    backoff_factor: float = 1.5
    jitter: float = 0.1
    stale_after: float = 24 * 3600.0
    global_limit: int = 32
    flush_interval: float = 0.25
    not_found_limit: int = 2
    min_interval: float = 0.5
    #: polls due within this much of each other start together (fewer loop wake-ups)
    coalesce: float = 0.05


class EngineObserver(Protocol):
    """What the UI (or the CLI) implements to follow the engine. Calls come in batches."""

    def tasks_changed(self, tasks: Sequence[TrackedTask]) -> None: ...

    def tasks_removed(self, refs: Sequence[int]) -> None: ...

    def profile_problem(self, profile: str, message: str | None) -> None: ...


@dataclass(slots=True)
class _Runtime:
    """Per-task bookkeeping that need not survive a restart."""

    unchanged: int = 0
    failures: int = 0
    not_found: int = 0
    in_flight: bool = False


class Scheduler:
    def __init__(self, store: TaskStore, profiles: Iterable[Profile], lookup: LookupFn,
                 get_key: KeyFn, *, clock: Clock | None = None,
                 config: SchedulerConfig | None = None, rng: random.Random | None = None,
                 on_succeeded: Callable[[TrackedTask], None] | None = None) -> None:
        self.store = store
        self.config = config or SchedulerConfig()
        self.clock = clock or RealClock()
        self._lookup = lookup
        self._get_key = get_key
        self._rng = rng or random.Random()
        self.on_succeeded = on_succeeded
        self.profiles: dict[str, Profile] = {p.name: p for p in profiles}
        self.tasks: dict[int, TrackedTask] = {}
        self._runtime: dict[int, _Runtime] = {}
        self.paused_profiles: dict[str, str] = {}
        self._keys: dict[str, str | None] = {}
        self._observers: list[EngineObserver] = []
        self._global = asyncio.Semaphore(self.config.global_limit)
        self._per_profile: dict[str, asyncio.Semaphore] = {}
        self._wake = asyncio.Event()
        # (next_poll_at, ref) for every armed task; stale entries are skipped when popped,
        # so finding due tasks costs O(log n) per poll instead of a scan of all tasks.
        self._queue: list[tuple[float, int]] = []
        self._sleeping_until = 0.0  # when run() wakes next; earlier arms wake it
        self._dirty: dict[int, TaskUpdate] = {}
        self._history: list[TaskUpdate] = []
        self._changed: set[int] = set()
        self._removed: list[int] = []
        self._jobs: set[asyncio.Task[None]] = set()
        self._writes: set[asyncio.Future[None]] = set()
        self._running = False
        self.polls = 0

    # -- observers -----------------------------------------------------------------------
    def add_observer(self, observer: EngineObserver) -> None:
        self._observers.append(observer)

    # -- lifecycle -----------------------------------------------------------------------
    def load(self) -> None:
        """Read the tracked tasks from the store (before `run`)."""
        for task in self.store.all():
            self.tasks[task.ref] = task
            self._runtime[task.ref] = _Runtime()
            self._arm(task)

    async def run(self) -> None:
        """Poll until cancelled. Flushes pending writes and events on the way out."""
        self._running = True
        flusher = asyncio.create_task(self._flush_loop())
        try:
            while True:
                self._wake.clear()
                now = self.clock.now()
                for task in self._due(now + self.config.coalesce):
                    job = asyncio.create_task(self._poll(task.ref))
                    self._jobs.add(job)
                    job.add_done_callback(self._jobs.discard)
                self._sleeping_until = self._next_wake(now)
                await self.clock.sleep_until(self._sleeping_until, self._wake)
        finally:
            self._running = False
            flusher.cancel()
            for job in list(self._jobs):
                job.cancel()
            await asyncio.gather(flusher, *self._jobs, return_exceptions=True)
            await self.flush()

    def _arm(self, task: TrackedTask) -> None:
        """Queue the task for its next poll time (a no-op for tasks that do not poll)."""
        if task.watch == Watch.ACTIVE:
            when = task.next_poll_at or 0.0
            heapq.heappush(self._queue, (when, task.ref))
            if when < self._sleeping_until:
                self._wake.set()

    def _pollable(self, task: TrackedTask | None, when: float) -> bool:
        return (task is not None and task.watch == Watch.ACTIVE
                and (task.next_poll_at or 0.0) == when
                and not self._runtime[task.ref].in_flight
                and task.profile not in self.paused_profiles and task.profile in self.profiles)

    def _due(self, now: float) -> list[TrackedTask]:
        """Pop the tasks whose poll time has come, earliest first."""
        due: list[TrackedTask] = []
        queue = self._queue
        while queue and queue[0][0] <= now:
            when, ref = heapq.heappop(queue)
            task = self.tasks.get(ref)
            if self._pollable(task, when):
                assert task is not None
                self._runtime[ref].in_flight = True  # also drops duplicate queue entries
                due.append(task)
        return due

    def _next_wake(self, now: float) -> float:
        return self._queue[0][0] if self._queue else now + 3600.0

    # -- polling -------------------------------------------------------------------------
    def _limit(self, profile: Profile) -> asyncio.Semaphore:
        sem = self._per_profile.get(profile.name)
        if sem is None:
            sem = self._per_profile[profile.name] = asyncio.Semaphore(profile.max_concurrency)
        return sem

    async def _key(self, profile: str) -> str | None:
        if profile not in self._keys:
            self._keys[profile] = await self._get_key(profile)
        return self._keys[profile]

    async def _poll(self, ref: int) -> None:
        task = self.tasks.get(ref)
        runtime = self._runtime.get(ref)
        if task is None or runtime is None:
            return
        profile = self.profiles[task.profile]
        try:
            async with self._limit(profile), self._global:
                if ref not in self.tasks or task.watch != Watch.ACTIVE \
                        or task.profile in self.paused_profiles:
                    return
                key = await self._key(profile.name)
                result = await self._lookup(profile, key, task.task_id)
                self.polls += 1
            if ref in self.tasks:
                self._settle(self.tasks[ref], runtime, profile, result, self.clock.now())
        except asyncio.CancelledError:
            raise
        except Exception:  # a bug must not stop the scheduler
            log.exception("polling %s failed unexpectedly", task.task_id)
            task.next_poll_at = self.clock.now() + self.config.max_interval
            self._arm(task)
        finally:
            runtime.in_flight = False

    def _jittered(self, delay: float) -> float:
        spread = self.config.jitter
        return max(self.config.min_interval, delay * self._rng.uniform(1 - spread, 1 + spread))

    def _settle(self, task: TrackedTask, runtime: _Runtime, profile: Profile,
                result: LookupResult, now: float) -> None:
        """Apply one lookup result: new state, next poll time, problems."""
        cfg = self.config
        values: dict[str, object] = {"last_checked_at": now}
        history = None
        if result.snapshot is not None:
            snap = result.snapshot
            before = task.snapshot
            values.update(snapshot_values(snap))
            changed = before is None or _moved(before) != _moved(snap)
            values["problem_kind"] = values["problem_message"] = None
            runtime.failures = runtime.not_found = 0
            if changed:
                runtime.unchanged = 0
                values["last_change_at"] = now
                if before is None or before.state is not snap.state:
                    history = (snap.state.value, snap.progress, None)
            else:
                runtime.unchanged += 1
            if snap.state.terminal:
                values["watch"] = Watch.DONE
            elif not changed and now - (task.last_change_at or now) >= cfg.stale_after:
                values["watch"] = Watch.STALE
                values["problem_kind"] = "stale"
                values["problem_message"] = ("no change for "
                                             f"{(now - (task.last_change_at or now)) / 3600:.0f} h;"
                                             " polling stopped (refresh to try again)")
                history = (snap.state.value, snap.progress, "stale")
            extra = max(0, runtime.unchanged - cfg.unchanged_before_backoff + 1)
            delay = min(cfg.max_interval, profile.interval * cfg.backoff_factor ** extra)
            if result.poll_after is not None:
                delay = min(cfg.max_interval, max(cfg.min_interval, result.poll_after))
            values["next_poll_at"] = now + self._jittered(delay)
            newly_succeeded = (snap.state is TaskState.SUCCEEDED
                               and task.state is not TaskState.SUCCEEDED)
        else:
            newly_succeeded = False
            problem = result.problem
            assert problem is not None
            values["problem_kind"] = problem.kind.value
            values["problem_message"] = problem.message
            if problem.kind is ProblemKind.AUTH:
                values.pop("problem_kind")
                values.pop("problem_message")
                self._pause_profile(profile.name, problem.message)
                values["next_poll_at"] = now
            elif problem.kind is ProblemKind.NOT_FOUND:
                runtime.not_found += 1
                if runtime.not_found >= cfg.not_found_limit:
                    values["watch"] = Watch.NOT_FOUND
                    history = ("not_found", None, problem.message[:200])
                values["next_poll_at"] = now + self._jittered(profile.interval)
            else:  # network, server, rate limited, bad response: back off
                runtime.failures += 1
                delay = min(cfg.max_interval, profile.interval * 2 ** runtime.failures)
                delay = self._jittered(delay)
                if problem.retry_after is not None:
                    delay = max(delay, problem.retry_after)
                values["next_poll_at"] = now + delay
        self._apply(task, values, history)
        if newly_succeeded and self.on_succeeded is not None:
            self.on_succeeded(copy.copy(task))

    def _apply(self, task: TrackedTask, values: dict[str, object],
               history: tuple[str, float | None, str | None] | None = None) -> None:
        """Change a task in memory now; the store and observers follow at the next flush."""
        for key, value in values.items():
            setattr(task, key, value)
        if "next_poll_at" in values or "watch" in values:
            self._arm(task)
        pending = self._dirty.get(task.ref)
        if pending is None:
            self._dirty[task.ref] = TaskUpdate(task.ref, dict(values))
        else:
            pending.values.update(values)
        if history is not None:
            self._history.append(TaskUpdate(task.ref, {}, history, at=self.clock.now()))
        self._changed.add(task.ref)

    def update(self, ref: int, values: dict[str, object]) -> None:
        """Change columns of a tracked task (e.g. download state); written at the next flush."""
        task = self.tasks.get(ref)
        if task is not None:
            self._apply(task, values)

    def _pause_profile(self, name: str, message: str) -> None:
        if name in self.paused_profiles:
            return
        self.paused_profiles[name] = message
        self._keys.pop(name, None)
        for observer in self._observers:
            observer.profile_problem(name, f"key rejected: {message}")

    # -- batching ------------------------------------------------------------------------
    async def _flush_loop(self) -> None:
        while True:
            await asyncio.sleep(self.config.flush_interval)
            await self.flush()

    async def flush(self) -> None:
        """Write pending updates in one transaction and tell observers once.

        Writes happen in order and survive the caller's cancellation (a shutdown):
        each runs to its end in its worker thread, and the next flush (or `drain`)
        waits for it, so an older batch can never land after a newer one.
        """
        await self.drain()
        updates = [*self._dirty.values(), *self._history]
        self._history = []
        changed = [copy.copy(self.tasks[r]) for r in sorted(self._changed) if r in self.tasks]
        removed, self._removed = self._removed, []
        self._dirty.clear()
        self._changed.clear()
        if updates:
            write = asyncio.ensure_future(asyncio.to_thread(self.store.apply, updates))
            self._writes.add(write)
            write.add_done_callback(self._writes.discard)
            try:
                await asyncio.shield(write)
            except asyncio.CancelledError:
                raise  # the write goes on; drain() waits for it
            except Exception:
                log.exception("writing %d task updates failed; will retry", len(updates))
                for update in updates:
                    if update.history is not None:
                        self._history.append(update)
                    elif update.ref in self.tasks:
                        pending = self._dirty.setdefault(update.ref, TaskUpdate(update.ref))
                        pending.values = {**update.values, **pending.values}
        for observer in self._observers:
            if removed:
                observer.tasks_removed(removed)
            if changed:
                observer.tasks_changed(changed)

    async def drain(self) -> None:
        """Wait until every store write already started has finished."""
        while self._writes:
            await asyncio.wait(list(self._writes))

    # -- commands ------------------------------------------------------------------------
    async def add(self, profile: str, task_ids: Sequence[str],
                  label: str | None = None) -> list[TrackedTask]:
        """Track new tasks (already tracked ones are skipped); they are polled at once."""
        if profile not in self.profiles:
            raise KeyError(profile)
        added = await asyncio.to_thread(self.store.add_many, profile, task_ids, label=label,
                                        now=self.clock.now())
        for task in added:
            self.tasks[task.ref] = task
            self._runtime[task.ref] = _Runtime()
            self._changed.add(task.ref)
            self._arm(task)
        self._wake.set()
        return added

    def schedule(self, ref: int, when: float) -> None:
        """Set when an active task is polled next (e.g. to spread a large batch)."""
        task = self.tasks.get(ref)
        if task is not None:
            self._apply(task, {"next_poll_at": when})
        self._wake.set()

    def refresh(self, refs: Iterable[int]) -> None:
        """Poll now; also re-arms tasks that stopped as not found, stale or finished."""
        now = self.clock.now()
        for ref in refs:
            task = self.tasks.get(ref)
            if task is None:
                continue
            self._runtime[ref].not_found = 0
            self._runtime[ref].unchanged = 0
            watch = Watch.ACTIVE if task.watch != Watch.PAUSED else Watch.PAUSED
            self._apply(task, {"next_poll_at": now, "watch": watch})
        self._wake.set()

    def pause(self, refs: Iterable[int]) -> None:
        for ref in refs:
            task = self.tasks.get(ref)
            if task is not None and task.watch == Watch.ACTIVE:
                self._apply(task, {"watch": Watch.PAUSED})
        self._wake.set()

    def resume(self, refs: Iterable[int]) -> None:
        now = self.clock.now()
        for ref in refs:
            task = self.tasks.get(ref)
            if task is not None and task.watch == Watch.PAUSED:
                self._apply(task, {"watch": Watch.ACTIVE, "next_poll_at": now})
        self._wake.set()

    async def remove(self, refs: Sequence[int]) -> list[TrackedTask]:
        """Stop tracking; returns the removed tasks (for undo)."""
        gone = [self.tasks.pop(r) for r in refs if r in self.tasks]
        for task in gone:
            self._runtime.pop(task.ref, None)
            self._dirty.pop(task.ref, None)
            self._changed.discard(task.ref)
            self._removed.append(task.ref)
        await asyncio.to_thread(self.store.remove, [t.ref for t in gone])
        self._wake.set()
        return gone

    async def restore(self, tasks: Sequence[TrackedTask]) -> list[TrackedTask]:
        """Undo a removal: the tasks come back with their state and resume polling."""
        restored = await asyncio.to_thread(self.store.restore, tasks, self.clock.now())
        for task in restored:
            self.tasks[task.ref] = task
            self._runtime[task.ref] = _Runtime()
            self._changed.add(task.ref)
            self._arm(task)
        return restored

    def set_profiles(self, profiles: Iterable[Profile]) -> None:
        """New or edited profiles (their semaphores are rebuilt)."""
        self.profiles = {p.name: p for p in profiles}
        self._per_profile.clear()
        self._keys.clear()
        for task in self.tasks.values():  # tasks of a new profile become pollable
            self._arm(task)
        self._wake.set()

    def key_changed(self, profile: str) -> None:
        """The profile's key was edited: forget the cached key, resume a paused profile."""
        self._keys.pop(profile, None)
        if self.paused_profiles.pop(profile, None) is not None:
            for observer in self._observers:
                observer.profile_problem(profile, None)
        now = self.clock.now()
        for task in self.tasks.values():
            if task.profile == profile and task.watch == Watch.ACTIVE:
                task.next_poll_at = now
                self._arm(task)
        self._wake.set()

    def active_count(self) -> int:
        return sum(1 for t in self.tasks.values() if t.watch == Watch.ACTIVE)


def _moved(snapshot: Snapshot) -> tuple[object, ...]:
    """What counts as a change (a new reading with only these equal is no progress)."""
    return snapshot.state, snapshot.progress, snapshot.video_urls, snapshot.error


async def cancel_and_wait(task: asyncio.Task[None], timeout: float = 5.0) -> None:
    """Cancel a scheduler's `run()` task and wait (bounded) for its final flush."""
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError, TimeoutError):
        await asyncio.wait_for(task, timeout)
