"""The library's door: what the shown or selected tasks cost, the tags in use, and
handing tasks on (export to CSV or JSON, import of an export), all off the window's
thread."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from pathlib import Path

from videomon.core.domain.errors import ConfigError
from videomon.core.domain.task import TrackedTask
from videomon.core.tracking.commands.providers import ProviderCommands
from videomon.core.tracking.costs import CostGroup, CostLine, CostTable
from videomon.core.tracking.engine import Engine
from videomon.core.tracking.exchange import (
    ImportOutcome,
    import_records,
    read_export,
    records_of,
    write_csv,
    write_json,
)
from videomon.core.tracking.listing import Query
from videomon.core.transfers.thumbnails import picture_key

KINDS = ("csv", "json")


class LibraryCommands:
    def __init__(self, engine: Engine, providers: ProviderCommands) -> None:
        self._engine = engine
        self._providers = providers

    def cost_table(self) -> CostTable:
        return CostTable.from_settings(self._providers.settings())

    async def cost(self, refs: Sequence[int] | None = None,
                   query: Query | None = None) -> CostLine:
        """What `refs` (or `query`'s tasks) cost, summed by the store in a worker thread."""
        table = self.cost_table()

        def work() -> CostLine:
            line = CostLine("shown")
            for row in self._engine.listing.cost_groups(query, refs):
                line.add_group(CostGroup.read(row), table)
            return line

        return await asyncio.to_thread(work)

    async def picture(self, ref: int) -> bytes | None:
        """A finished task's picture for the gallery: cached, else the provider's (fetched
        now); None when there is none yet (the window then makes one from the file)."""
        path = await self.picture_file(ref)
        if path is None:
            return None
        try:
            return await asyncio.to_thread(path.read_bytes)
        except OSError:
            return None

    async def picture_file(self, ref: int) -> Path | None:
        """Where `picture`'s image is kept (a notification shows it), or None."""
        task = await self._task(ref)
        return None if task is None else await self._engine.thumbnails.picture(task)

    async def _task(self, ref: int) -> TrackedTask | None:
        task = self._engine.scheduler.tasks.get(ref)
        if task is None:
            found = await asyncio.to_thread(self._engine.listing.block, [ref])
            task = found.get(ref)
        return task

    async def keep_picture(self, ref: int, data: bytes) -> None:
        """Keep a picture the window made from the saved video (JPEG bytes)."""
        task = await self._task(ref)
        if task is not None:
            await asyncio.to_thread(self._engine.thumbnails.cache.put,
                                    picture_key(task.profile, task.task_id), data, ".jpg")

    async def tag_counts(self) -> list[tuple[str, int]]:
        """The tags in use, most used first (the state menu's list)."""
        return await asyncio.to_thread(self._engine.listing.tag_counts)

    async def export(self, target: Path, kind: str, refs: Sequence[int] | None = None,
                     query: Query | None = None) -> int:
        """Write `refs` (or `query`'s tasks) with every field (never a key) to `target`,
        whole or not at all (a `.part` beside it until done); `ConfigError` says why
        not. Returns how many were written."""
        if kind not in KINDS:
            raise ConfigError(f"export as {kind!r}: use csv or json")
        await self._engine.scheduler.flush()
        dialects = {name: p.dialect for name, p in self._providers.profiles().items()}
        listing = self._engine.listing

        def work() -> int:
            if refs is None:
                tasks = listing.stream(query=query)
            else:
                tasks = (task for start in range(0, len(refs), 500)
                         for task in listing.block(refs[start:start + 500]).values())
            part = target.with_name(target.name + ".part")
            write = write_csv if kind == "csv" else write_json
            try:
                with part.open("w", encoding="utf-8", newline="") as out:
                    count = write(records_of(tasks, dialects), out)
                part.replace(target)
            except OSError as exc:
                part.unlink(missing_ok=True)
                raise ConfigError(f"could not write {target}: {exc.strerror or exc}") from None
            return count

        return await asyncio.to_thread(work)

    async def import_file(self, source: Path) -> ImportOutcome:
        """Track the tasks of an export not tracked yet (with their titles, tags and
        stars); the unfinished ones are polled. `ConfigError` says why a file is refused."""
        def work() -> ImportOutcome:
            try:
                text = source.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise ConfigError(f"could not read {source}: {exc}") from None
            return import_records(self._engine.store, read_export(text),
                                  list(self._providers.profiles()))

        outcome = await asyncio.to_thread(work)
        await self._engine.scheduler.sync_with_store()  # (they join the window now)
        return outcome
