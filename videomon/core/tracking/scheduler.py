"""The poll scheduler: the timing loop over the task book.

Each active task has its own next-poll time in a heap; due tasks are polled within a
per-profile and a global concurrency limit; each result goes through the poll policy
(`poll_policy.settle`) and into the task book, which writes behind and tells observers.
A rejected key pauses its *profile* (one problem, not one per task) until the key changes.
"""

from __future__ import annotations

import asyncio
import contextlib
import heapq
import logging
import random
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass, fields

from videomon.core.domain.task import TrackedTask, Watch
from videomon.core.providers.lookup import LookupResult
from videomon.core.providers.profiles import Profile, ProfileProblem, ProfileTrouble
from videomon.core.tracking.clock import Clock, RealClock
from videomon.core.tracking.poll_policy import Counters, PolicyConfig, settle
from videomon.core.tracking.store import TaskStore
from videomon.core.tracking.task_book import EngineObserver, TaskBook

log = logging.getLogger(__name__)

#: (profile, key, task_id) → result; the engine passes `TaskLookup.fetch`.
LookupFn = Callable[[Profile, str | None, str], Awaitable[LookupResult]]
KeyFn = Callable[[str], Awaitable[str | None]]


@dataclass(frozen=True, slots=True)
class SchedulerConfig(PolicyConfig):
    global_limit: int = 32
    flush_interval: float = 0.25
    #: polls due within this much of each other start together (fewer loop wake-ups)
    coalesce: float = 0.05

    @property
    def policy(self) -> PolicyConfig:
        return PolicyConfig(**{f.name: getattr(self, f.name) for f in fields(PolicyConfig)})


class Scheduler:
    def __init__(self, store: TaskStore, profiles: Iterable[Profile], lookup: LookupFn,
                 get_key: KeyFn, *, clock: Clock | None = None,
                 config: SchedulerConfig | None = None, rng: random.Random | None = None,
                 on_succeeded: Callable[[TrackedTask], None] | None = None) -> None:
        self.config = config or SchedulerConfig()
        self._policy = self.config.policy
        self.clock = clock or RealClock()
        self.book = TaskBook(store, self.clock)
        self._lookup = lookup
        self._get_key = get_key
        self._rng = rng or random.Random()
        self.on_succeeded = on_succeeded
        self.profiles: dict[str, Profile] = {p.name: p for p in profiles}
        self._counters: dict[int, Counters] = {}
        self._in_flight: set[int] = set()
        self.paused_profiles: dict[str, str] = {}
        self._keys: dict[str, str | None] = {}
        self._global = asyncio.Semaphore(self.config.global_limit)
        self._per_profile: dict[str, asyncio.Semaphore] = {}
        self._wake = asyncio.Event()
        # (next_poll_at, ref) for every armed task; stale entries are skipped when popped,
        # so finding due tasks costs O(log n) per poll instead of a scan of all tasks.
        self._queue: list[tuple[float, int]] = []
        self._sleeping_until = 0.0  # when run() wakes next; earlier arms wake it
        self._jobs: set[asyncio.Task[None]] = set()
        self.polls = 0

    # -- the book, for the engine's other parts ------------------------------------------
    @property
    def tasks(self) -> dict[int, TrackedTask]:
        return self.book.tasks

    def add_observer(self, observer: EngineObserver) -> None:
        self.book.observers.append(observer)

    def update(self, ref: int, values: dict[str, object]) -> None:
        self.book.update(ref, values)

    async def flush(self) -> None:
        await self.book.flush()

    async def drain(self) -> None:
        await self.book.drain()

    # -- lifecycle -----------------------------------------------------------------------
    def load(self, tasks: Sequence[TrackedTask] | None = None) -> None:
        """Take the tracked tasks from the store (before `run`); `tasks`: already read."""
        for task in self.book.load(tasks):
            self._arm(task)

    def load_live(self, live: Sequence[TrackedTask], counts: Sequence[tuple[str, str, int]],
                  top: int) -> None:
        """Hold only the tasks that still change (`TaskBook.load_live`), before `run`."""
        for task in self.book.load_live(live, counts, top):
            self._arm(task)

    async def take(self, refs: Sequence[int]) -> list[TrackedTask]:
        """These tasks, held from now on (read from the store when only stored there)."""
        return await self.book.take(refs)

    async def run(self) -> None:
        """Poll until cancelled. Flushes pending writes and events on the way out."""
        flusher = asyncio.create_task(self.book.flush_every(self.config.flush_interval))
        try:
            while True:
                self._wake.clear()
                now = self.clock.now()
                for task in self._due(now + self.config.coalesce):
                    job = asyncio.create_task(self._poll(task.ref))
                    self._jobs.add(job)
                    job.add_done_callback(self._jobs.discard)
                self._sleeping_until = self._queue[0][0] if self._queue else now + 3600.0
                await self.clock.sleep_until(self._sleeping_until, self._wake)
        finally:
            flusher.cancel()
            for job in list(self._jobs):
                job.cancel()
            await asyncio.gather(flusher, *self._jobs, return_exceptions=True)
            await self.book.flush()

    def _arm(self, task: TrackedTask) -> None:
        """Queue the task for its next poll time (a no-op for tasks that do not poll)."""
        if task.watch is Watch.ACTIVE:
            when = task.next_poll_at or 0.0
            heapq.heappush(self._queue, (when, task.ref))
            if when < self._sleeping_until:
                self._wake.set()

    def _due(self, now: float) -> list[TrackedTask]:
        """Pop the tasks whose poll time has come, earliest first."""
        due: list[TrackedTask] = []
        queue = self._queue
        while queue and queue[0][0] <= now:
            when, ref = heapq.heappop(queue)
            task = self.tasks.get(ref)
            if (task is not None and task.watch is Watch.ACTIVE
                    and (task.next_poll_at or 0.0) == when and ref not in self._in_flight
                    and task.profile not in self.paused_profiles
                    and task.profile in self.profiles):
                self._in_flight.add(ref)  # also drops duplicate queue entries
                due.append(task)
        return due

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
        if task is None:
            self._in_flight.discard(ref)
            return
        profile = self.profiles[task.profile]
        try:
            async with self._limit(profile), self._global:
                if ref not in self.tasks or task.watch is not Watch.ACTIVE \
                        or task.profile in self.paused_profiles:
                    return
                key = await self._key(profile.name)
                result = await self._lookup(profile, key, task.task_id)
                self.polls += 1
            if ref in self.tasks:
                self.record(ref, result)
        except asyncio.CancelledError:
            raise
        except Exception:  # a bug must not stop the scheduler
            log.exception("polling %s failed unexpectedly", task.task_id)
            task.next_poll_at = self.clock.now() + self.config.max_interval
            self._arm(task)
        finally:
            self._in_flight.discard(ref)

    def record(self, ref: int, result: LookupResult, download: bool = True) -> None:
        """Apply one lookup result through the policy (polls, a download's re-query, an
        account's list; `download=False`: a video found finished is not fetched now)."""
        task = self.tasks.get(ref)
        profile = self.profiles.get(task.profile) if task else None
        if task is None or profile is None:
            return
        change = settle(task, self._counters.get(ref, Counters()), profile.interval, result,
                        self.clock.now(), self._policy, self._rng)
        self._counters[ref] = change.counters
        if change.rejected_key is not None:
            self._pause_profile(profile.name, change.rejected_key)
        self._apply(task, change.values, change.history)
        if change.newly_succeeded and download and self.on_succeeded is not None:
            self.on_succeeded(task.copy())

    async def requery(self, ref: int) -> LookupResult | None:
        """Look a task up now, outside the timing loop (a download's expired link); the
        answer goes through the policy like any poll's, history entry included."""
        task = self.tasks.get(ref)
        profile = self.profiles.get(task.profile) if task else None
        if task is None or profile is None:
            return None
        result = await self._lookup(profile, await self._key(profile.name), task.task_id)
        self.record(ref, result)
        return result

    def _apply(self, task: TrackedTask, values: dict[str, object],
               history: tuple[str, float | None, str | None] | None = None) -> None:
        self.book.apply(task, values, history)
        if "next_poll_at" in values or "watch" in values:
            self._arm(task)

    def _pause_profile(self, name: str, message: str) -> None:
        if name not in self.paused_profiles:
            self.paused_profiles[name] = message
            self._keys.pop(name, None)
            self.book.tell_profile_problem(name, ProfileProblem(ProfileTrouble.KEY, message))

    # -- commands ------------------------------------------------------------------------
    async def add(self, profile: str, task_ids: Sequence[str],
                  label: str | None = None, listed: bool = False) -> list[TrackedTask]:
        """Track new tasks (already tracked ones are skipped); they are polled at once.
        `listed`: from the account's list (the tasks the user removed stay removed)."""
        if profile not in self.profiles:
            raise KeyError(profile)
        added = await self.book.add(profile, task_ids, label, listed)
        for task in added:
            self._arm(task)
        self._wake.set()
        return added

    async def remove(self, refs: Sequence[int], keep: bool = True) -> tuple[int, list[int]]:
        """Stop tracking (with `keep`: for `bring_back`); returns how many went and which
        of them were held."""
        count, held = await self.book.remove(refs, keep)
        for ref in held:
            self._counters.pop(ref, None)
        self._wake.set()
        return count, held

    async def bring_back(self) -> list[int]:
        """Undo the last removal: the tasks come back with their state; those that poll
        resume. Returns their refs."""
        refs, live = await self.book.bring_back()
        for task in live:
            self._arm(task)
        return refs

    async def sync_with_store(self) -> None:
        """Tasks tracked or untracked by another process (`videomon track`) join or leave."""
        added, removed = await self.book.sync_with_store()
        for ref in removed:
            self._counters.pop(ref, None)
        for task in added:
            self._arm(task)
        if added or removed:
            self._wake.set()
            await self.book.flush()

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
            if task is not None:
                self._counters.pop(ref, None)
                watch = Watch.PAUSED if task.watch is Watch.PAUSED else Watch.ACTIVE
                self._apply(task, {"next_poll_at": now, "watch": watch})
        self._wake.set()

    def pause(self, refs: Iterable[int]) -> None:
        for ref in refs:
            task = self.tasks.get(ref)
            if task is not None and task.watch is Watch.ACTIVE:
                self._apply(task, {"watch": Watch.PAUSED})
        self._wake.set()

    def resume(self, refs: Iterable[int]) -> None:
        now = self.clock.now()
        for ref in refs:
            task = self.tasks.get(ref)
            if task is not None and task.watch is Watch.PAUSED:
                self._apply(task, {"watch": Watch.ACTIVE, "next_poll_at": now})
        self._wake.set()

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
            self.book.tell_profile_problem(profile, None)
        now = self.clock.now()
        for task in self.tasks.values():
            if task.profile == profile and task.watch is Watch.ACTIVE:
                task.next_poll_at = now
                self._arm(task)
        self._wake.set()

    def active_count(self) -> int:
        return sum(1 for t in self.tasks.values() if t.watch is Watch.ACTIVE)


async def cancel_and_wait(task: asyncio.Task[None], timeout: float = 5.0) -> None:
    """Cancel a scheduler's `run()` task and wait (bounded) for its final flush."""
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError, TimeoutError):
        await asyncio.wait_for(task, timeout)
