"""The demo's door: its providers (no key, marked ``demo``) and tasks, and their removal."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from pathlib import Path

from videomon.core.config.settings import demo_download_dir
from videomon.core.domain.task import TrackedTask
from videomon.core.providers.profiles import Profile
from videomon.core.tracking.commands.providers import ProviderCommands
from videomon.core.tracking.commands.tasks import TaskCommands
from videomon.core.tracking.engine import Engine


class DemoCommands:
    """Adding the demo to the tracked tasks, and taking all of it away again."""

    def __init__(self, engine: Engine, tasks: TaskCommands,
                 providers: ProviderCommands) -> None:
        self._engine = engine
        self._scheduler = engine.scheduler
        self._tasks = tasks
        self._providers = providers

    async def add(self, base_url: str,
                  tasks: Sequence[tuple[str, str, str]]) -> list[TrackedTask]:
        """Demo profiles (no key) pointing at a simulated relay, and their example tasks.
        They are marked so that `remove` takes them all away."""
        profiles = dict(self._scheduler.profiles)
        for name, dialect, _ in tasks:
            profiles[name] = Profile(name, dialect, base_url, auth="none", interval=1.0,
                                     extra={"demo": True})
        await self._providers.write_profiles(list(profiles.values()))
        added: list[TrackedTask] = []
        for name, _, task_id in tasks:
            added += await self._scheduler.add(name, [task_id])
        await self._scheduler.flush()
        return added

    def download_dir(self) -> Path:
        """Where the demo's videos are saved (removed with the demo)."""
        return demo_download_dir(self._engine.paths)

    def profiles(self) -> list[str]:
        return [p.name for p in self._scheduler.profiles.values() if p.extra.get("demo")]

    async def remove(self) -> list[TrackedTask]:
        """Take the demo's tasks and profiles away (no undo); returns the tasks that went."""
        names = set(self.profiles())
        store = self._engine.store
        marks = ", ".join("?" * len(names))
        demo = await asyncio.to_thread(store.query, f"SELECT ref FROM tasks WHERE profile IN "
                                       f"({marks}) ORDER BY ref", sorted(names))
        gone = await self._scheduler.take([ref for (ref,) in demo])  # (a few: decoded)
        await self._tasks.remove([t.ref for t in gone], keep=False)
        await self._providers.write_profiles(
            [p for p in self._scheduler.profiles.values() if p.name not in names],
            removed=names)
        return gone
