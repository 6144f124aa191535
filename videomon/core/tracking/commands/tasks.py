"""The tasks' door: adding pasted text, moving, removing with undo, polling, downloads
and a task's history."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from videomon.core.domain.annotation import Annotation
from videomon.core.domain.task import HistoryEntry, TrackedTask, Watch
from videomon.core.tracking.commands.providers import ProviderCommands
from videomon.core.tracking.engine import Engine
from videomon.core.tracking.listing import TaskListing
from videomon.core.tracking.paste import assign_profiles, parse_pasted
from videomon.core.tracking.tally import TaskTally


@dataclass(slots=True)
class AddOutcome:
    """What happened to pasted text: added tasks per profile, skipped and rejected pieces."""

    added: list[TrackedTask] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)
    guessed: dict[str, list[int]] = field(default_factory=dict)  # profile → refs it guessed
    no_profile: bool = False

    @property
    def nothing_found(self) -> bool:
        return not self.added and not self.duplicates


@dataclass(frozen=True, slots=True)
class TaskDetails:
    """A task's state history and the provider's last raw answer (None: none yet)."""

    history: list[HistoryEntry]
    raw: Any


class TaskCommands:
    """What may be done to tracked tasks."""

    def __init__(self, engine: Engine, providers: ProviderCommands) -> None:
        self._engine = engine
        self._scheduler = engine.scheduler
        self._providers = providers

    @property
    def listing(self) -> TaskListing:
        """The stored tasks as lists: what the window's table reads its rows from."""
        return self._engine.listing

    @property
    def tally(self) -> TaskTally:
        """How many tasks are in each group, kept as they change (read, never changed)."""
        return self._scheduler.book.tally

    def copies(self) -> list[TrackedTask]:
        """Every tracked task, oldest first, as copies (the store's, with the engine's
        newer ones in memory over them): the engine changes its own objects in place, and
        a caller holding those could not tell what a later batch changed."""
        held = self._scheduler.tasks
        return [held.get(t.ref, t).copy() for t in self._engine.store.all()]

    # -- polling ---------------------------------------------------------------------------
    async def refresh(self, refs: Sequence[int]) -> int:
        """Poll these tasks now (all active ones when `refs` is empty; of more than 1,000,
        the active ones: finished ones are asked again a thousand at a time, not read
        into memory by the million); returns how many."""
        if not refs:
            refs = [t.ref for t in self._scheduler.tasks.values() if t.watch is Watch.ACTIVE]
        tasks = await self._scheduler.take(await self._among(refs, "watch = 'active'"))
        self._scheduler.refresh([t.ref for t in tasks])
        return len(tasks)

    async def pause(self, refs: Sequence[int]) -> None:
        """(Every polled task is held: only those of `refs` are looked at.)"""
        self._scheduler.pause(await self._among(refs, "watch = 'active'"))

    async def resume(self, refs: Sequence[int]) -> None:
        paused = await self._among(refs, "watch = 'paused'")
        self._scheduler.resume([t.ref for t in await self._scheduler.take(paused)])

    async def _among(self, refs: Sequence[int], where: str) -> list[int]:
        """The refs a bulk command looks at: a few are all taken into memory (the command
        then picks what applies); of more, those matching `where` in the store."""
        if len(refs) <= 1000:
            tasks = await self._scheduler.take(refs)
            return [t.ref for t in tasks]
        await self._scheduler.flush()
        return await asyncio.to_thread(self._engine.store.among, refs, where)

    # -- adding and removing -----------------------------------------------------------------
    async def add_text(self, text: str, profile: str | None = None) -> AddOutcome:
        """Track every task ID in `text` (all in one transaction per profile)."""
        parsed = parse_pasted(text)
        outcome = AddOutcome(rejected=parsed.rejected)
        profiles = list(self._scheduler.profiles.values())
        if not profiles:
            outcome.no_profile = bool(parsed.ids)
            return outcome
        if profile is not None:
            plan = [(p.task_id, profile, False) for p in parsed.ids]
        else:
            # the demo's relay knows only its own tasks: pasted IDs go to a real provider
            # whenever there is one
            real = [p for p in profiles if not p.extra.get("demo")]
            plan = [(a.task_id, a.profile, a.guessed) for a in assign_profiles(
                parsed.ids, real or profiles, self._providers.last_profile)]
        groups: dict[str, list[str]] = {}
        for task_id, name, _ in plan:
            groups.setdefault(name, []).append(task_id)
        guessed = {task_id for task_id, _, g in plan if g}
        for name, ids in groups.items():
            added = await self._scheduler.add(name, ids)
            outcome.added += added
            new = {t.task_id for t in added}
            outcome.duplicates += [i for i in ids if i not in new]
            refs = [t.ref for t in added if t.task_id in guessed]
            if refs:
                outcome.guessed[name] = refs
        if outcome.added:
            await self._scheduler.flush()  # observers have the new rows when this returns
            await self._providers.remember_profile(outcome.added[-1].profile)
        return outcome

    async def move(self, refs: Sequence[int], profile: str) -> list[TrackedTask]:
        """Track these tasks under another profile instead (the inline provider chooser)."""
        tasks = await self._scheduler.take(refs)
        ids = [t.task_id for t in tasks if t.profile != profile]
        await self._scheduler.remove([t.ref for t in tasks if t.profile != profile], keep=False)
        added = await self._scheduler.add(profile, ids)
        await self._scheduler.flush()
        await self._providers.remember_profile(profile)
        return added

    async def remove(self, refs: Sequence[int], keep: bool = True) -> int:
        """Stop tracking these tasks (any number, e.g. an `array` of a million refs: in
        SQL, in a worker thread); with `keep` the last removal can be undone. Returns how
        many went."""
        count, held = await self._scheduler.remove(refs, keep)
        for ref in held:
            self._engine.downloads.cancel(ref)  # (only a held task downloads)
        await self._scheduler.flush()  # observers drop the rows before this returns
        return count

    async def undoable(self) -> int:
        """How many tasks Undo would bring back (the last removal; kept across a restart)."""
        return await asyncio.to_thread(self._engine.store.set_aside_count)

    async def undo_remove(self) -> list[int]:
        """The last removal kept, back; returns the refs."""
        refs = await self._scheduler.bring_back()
        await self._scheduler.flush()
        return refs

    # -- what the user says -------------------------------------------------------------------
    async def annotate(self, refs: Sequence[int], change: Annotation) -> int:
        """Give these tasks a title, notes, tags or a star (any number; a poll never
        overwrites them); observers have the changed rows when this returns."""
        if change.empty or not refs:
            return 0
        count = await self._scheduler.book.annotate(refs, change)
        await self._scheduler.flush()
        return count

    # -- downloads and history ---------------------------------------------------------------
    async def download(self, refs: Sequence[int]) -> list[int]:
        """Queue downloads (or retry failed/cancelled ones); returns the refs queued."""
        tasks = await self._scheduler.take(refs)
        return [t.ref for t in tasks if self._engine.downloads.start(t.ref)]

    def cancel_downloads(self, refs: Sequence[int]) -> None:
        """(A download that runs is of a task held in memory: nothing to read.)"""
        for ref in refs:
            self._engine.downloads.cancel(ref)

    async def details(self, ref: int) -> TaskDetails:
        """What the details dialog reads from disk: the history and the raw answer."""
        store = self._engine.store
        return await asyncio.to_thread(lambda: TaskDetails(store.history(ref), store.raw(ref)))
