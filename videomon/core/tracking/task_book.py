"""The task book: the tracked tasks that still change in memory (or every one, for a
private engine), written behind to the store in batches, with observers told once per
batch. The finished history stays in the store and is read when a command needs it.

Changes apply in memory at once (`apply`); the store and the observers follow at the
next `flush` (every `flush_interval` while the scheduler runs). Writes run in a worker
thread, in order, and survive the caller's cancellation.
"""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from collections.abc import Sequence
from typing import Protocol

from videomon.core.domain.annotation import USER_FIELDS, Annotation
from videomon.core.domain.task import TrackedTask
from videomon.core.providers.profiles import ProfileProblem
from videomon.core.tracking.clock import Clock
from videomon.core.tracking.store import History, TaskStore, TaskUpdate
from videomon.core.tracking.tally import TaskTally

log = logging.getLogger(__name__)


class EngineObserver(Protocol):
    """What the UI (or the CLI) implements to follow the engine. Calls come in batches."""

    def tasks_changed(self, tasks: Sequence[TrackedTask]) -> None: ...

    def tasks_removed(self, refs: Sequence[int]) -> None: ...

    def tasks_returned(self, refs: Sequence[int]) -> None:
        """Stored tasks came back (an undo) that the engine does not hold: read them."""

    def profile_problem(self, profile: str, problem: ProfileProblem | None) -> None: ...


class TaskBook:
    def __init__(self, store: TaskStore, clock: Clock) -> None:
        self.store = store
        self.clock = clock
        self.tasks: dict[int, TrackedTask] = {}
        #: the counts of the tracked tasks, kept as they change (the window's status bar)
        self.tally = TaskTally()
        self.observers: list[EngineObserver] = []
        self._dirty: dict[int, TaskUpdate] = {}
        self._history: list[TaskUpdate] = []
        self._changed: set[int] = set()
        self._removed: list[int] = []
        self._returned: list[int] = []  # stored tasks back (an undo), not held
        self._writes: set[asyncio.Future[None]] = set()
        self._top = 0  # the highest ref held or stored: another process adds above it
        self._noted = -1  # the store's annotation mark seen (`TaskStore.noted_since`)

    def load(self, tasks: Sequence[TrackedTask] | None = None) -> list[TrackedTask]:
        """Hold every stored task (read here, or already read by the caller)."""
        self.tasks = {task.ref: task for task in (self.store.all() if tasks is None else tasks)}
        self.tally = TaskTally(self.tasks.values())
        self._top = max(self.tasks, default=0)
        self._noted = self.store.noted_since(-1)[0]
        return list(self.tasks.values())

    def load_live(self, live: Sequence[TrackedTask], counts: Sequence[tuple[str, str, int]],
                  top: int) -> list[TrackedTask]:
        """Hold only the tasks that still change (`TaskStore.live`); the rest of the history
        stays in the store, counted (`TaskStore.counts`) and read when a command needs it
        (`take`). `top`: the highest stored ref."""
        self.tasks = {task.ref: task for task in live}
        self.tally = TaskTally.counted(counts, live)
        self._top = top
        self._noted = self.store.noted_since(-1)[0]
        return list(live)

    async def take(self, refs: Sequence[int]) -> list[TrackedTask]:
        """These tasks, held from now on (those only in the store are read first)."""
        missing = [r for r in refs if r not in self.tasks]
        if missing:
            for task in await asyncio.to_thread(self.store.by_refs, missing):
                self.tasks.setdefault(task.ref, task)
        return [self.tasks[r] for r in refs if r in self.tasks]

    # -- changes -------------------------------------------------------------------------
    def apply(self, task: TrackedTask, values: dict[str, object],
              history: History | None = None) -> None:
        """Change a task in memory now; the store and observers follow at the next flush."""
        counted = task.ref in self.tasks
        if counted:
            self.tally.discard(task)
        for key, value in values.items():
            setattr(task, key, value)
        if counted:
            self.tally.add(task)
        pending = self._dirty.get(task.ref)
        if pending is None:
            self._dirty[task.ref] = TaskUpdate(task.ref, dict(values))
        else:
            pending.values.update(values)
        if history is not None:
            self._history.append(TaskUpdate(task.ref, {}, history, at=self.clock.now()))
        self._changed.add(task.ref)

    def update(self, ref: int, values: dict[str, object]) -> None:
        """Change columns of a tracked task (e.g. its download state)."""
        task = self.tasks.get(ref)
        if task is not None:
            self.apply(task, values)

    async def add(self, profile: str, task_ids: Sequence[str],
                  label: str | None = None, listed: bool = False) -> list[TrackedTask]:
        """Track new tasks (already tracked ones are skipped; `listed`: found in the
        account's list, where those the user removed are skipped too)."""
        added = await asyncio.to_thread(self.store.add_many, profile, task_ids, label=label,
                                        now=self.clock.now(), listed=listed)
        self._took(added)
        return added

    async def remove(self, refs: Sequence[int], keep: bool = True) -> tuple[int, list[int]]:
        """Stop tracking these tasks, held or only stored (with `keep`, set aside for
        `bring_back`, unsaved changes written first); returns how many went and which of
        them were held. Nothing here passes over `refs` on the loop: a million refs (an
        `array`) go to a worker thread as they are."""
        await self.drain()
        unsaved = [*self._dirty.values(), *self._history]
        self._dirty.clear()
        self._history = []

        def work() -> tuple[Counter[tuple[str, str]], list[int]]:
            if unsaved:
                self.store.apply(unsaved)
            return self.store.set_aside(refs, list(self.tasks), keep)

        try:
            counts, held = await asyncio.to_thread(work)
        except Exception:
            self._retry(unsaved)
            raise
        gone = set(held)
        for ref in held:  # (changed meanwhile: those changes go too)
            self.tally.discard(self.tasks.pop(ref))
            self._changed.discard(ref)
            self._dirty.pop(ref, None)
        self._history = [u for u in self._history if u.ref not in gone]
        self.tally.shift(counts, -1)
        self._removed.extend(refs)
        return len(held) + sum(counts.values()), held

    async def annotate(self, refs: Sequence[int], change: Annotation) -> int:
        """Say something about these tasks (a title, notes, tags, a star): the held ones
        change in memory and are written at the next flush, the others in the store now
        (observers hear `tasks_returned` for those). Returns how many were asked."""
        held = [self.tasks[r] for r in refs if r in self.tasks]
        for task in held:
            values = change.values(task.tags)
            if any(getattr(task, k) != v for k, v in values.items()):
                self.apply(task, values)
        if len(held) < len(refs):
            others = [r for r in refs if r not in self.tasks]
            await asyncio.to_thread(self.store.annotate, others, change)
            self._returned.extend(others)
        return len(refs)

    async def bring_back(self) -> tuple[list[int], list[TrackedTask]]:
        """Undo the last removal kept: the tasks that still change are held again; the
        others stay stored (observers hear `tasks_returned`). Returns the refs back and
        the tasks held again."""
        def back() -> tuple[list[int], list[TrackedTask], Counter[tuple[str, str]], list[int]]:
            refs, live, counts = self.store.bring_back(self.clock.now())
            held = {task.ref for task in live}  # (a million refs: sorted out in the thread)
            return refs, live, counts, [ref for ref in refs if ref not in held]

        refs, live, counts, others = await asyncio.to_thread(back)
        self._took(live)
        self.tally.shift(counts, +1)
        self._returned.extend(others)
        return refs, live

    async def sync_with_store(self) -> tuple[list[TrackedTask], list[int]]:
        """Take in tasks another process added to the store and drop the ones it removed;
        returns (added, removed refs). Observers hear of both at the next flush."""
        await self._take_notes()
        stored = await asyncio.to_thread(self.store.refs)  # (refs only: no rows decoded)
        new = sorted(r for r in stored if r > self._top and r not in self.tasks)
        added = await asyncio.to_thread(self.store.by_refs, new) if new else []
        removed = [ref for ref in self.tasks if ref not in stored]
        for ref in removed:
            self.tally.discard(self.tasks.pop(ref))
            self._dirty.pop(ref, None)
            self._changed.discard(ref)
            self._removed.append(ref)
        self._took(added)
        return added, removed

    async def _take_notes(self) -> None:
        """What another process said about tasks (`videomon tag`): the held ones take the
        stored title, notes, tags and star; observers re-read the others."""
        mark, refs = await asyncio.to_thread(self.store.noted_since, self._noted)
        self._noted = mark
        held = [r for r in refs if r in self.tasks]
        for task in await asyncio.to_thread(self.store.by_refs, held) if held else []:
            mine = self.tasks.get(task.ref)
            if mine is not None:
                for name in USER_FIELDS:
                    setattr(mine, name, getattr(task, name))
                self._changed.add(task.ref)
        self._returned.extend(r for r in refs if r not in self.tasks)

    def _took(self, tasks: Sequence[TrackedTask]) -> None:
        for task in tasks:
            old = self.tasks.get(task.ref)
            if old is not None:
                self.tally.discard(old)
            self.tasks[task.ref] = task
            self.tally.add(task)
            self._top = max(self._top, task.ref)
            self._changed.add(task.ref)

    def tell_profile_problem(self, profile: str, problem: ProfileProblem | None) -> None:
        for observer in self.observers:
            observer.profile_problem(profile, problem)

    # -- batching ------------------------------------------------------------------------
    async def flush_every(self, interval: float) -> None:
        while True:
            await asyncio.sleep(interval)
            await self.flush()

    async def flush(self) -> None:
        """Write pending updates in one transaction and tell observers once.

        An older batch can never land after a newer one: each write runs to its end in
        its worker thread, and the next flush (or `drain`) waits for it.
        """
        await self.drain()
        updates = [*self._dirty.values(), *self._history]
        self._history = []
        for ref in self._changed:  # the raw answers go to the store, not stay in memory
            task = self.tasks.get(ref)
            if task is not None:
                task.drop_raw()
        changed = [self.tasks[r].copy() for r in sorted(self._changed) if r in self.tasks]
        removed, self._removed = self._removed, []
        returned, self._returned = self._returned, []
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
                self._retry(updates)
        for observer in self.observers:
            if removed:
                observer.tasks_removed(removed)
            if returned:
                observer.tasks_returned(returned)
            if changed:
                observer.tasks_changed(changed)

    def _retry(self, updates: Sequence[TaskUpdate]) -> None:
        for update in updates:
            if update.history is not None:
                self._history.append(update)
            elif update.ref in self.tasks:
                pending = self._dirty.setdefault(update.ref, TaskUpdate(update.ref))
                pending.values = {**update.values, **pending.values}

    async def drain(self) -> None:
        """Wait until every store write already started has finished."""
        while self._writes:
            await asyncio.wait(list(self._writes))
