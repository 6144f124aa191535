"""The formats' door: detecting a provider's format, the catalog Settings shows, and the
user's own formats (saved, tried, imported, exported, removed)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from videomon.core.providers.detect import Detection, detect_format
from videomon.core.providers.dialects.formatted import FormatDialect
from videomon.core.providers.formats.catalog import FormatCatalog
from videomon.core.providers.formats.library import FormatLibrary
from videomon.core.providers.formats.spec import Format, FormatError
from videomon.core.providers.lookup import LookupResult
from videomon.core.providers.profiles import Profile
from videomon.core.tracking.engine import Engine


class FormatCommands:
    """The formats in the engine's registry, and the user's format files."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._registry = engine.config.formats
        self._catalog = FormatCatalog(self._registry)

    def catalog(self) -> FormatCatalog:
        """The known formats, and readings of a definition being edited (no I/O)."""
        return self._catalog

    def library(self) -> FormatLibrary:
        return FormatLibrary(self._engine.paths.formats_dir)

    async def detect(self, base_url: str, key: str | None, task_id: str, *,
                     proxy: str | None = None) -> Detection:
        """Which known format reads this provider's answer for a task the user knows."""
        return await detect_format(self._engine.http, base_url, key, task_id,
                                   dialects=self._registry, proxy=proxy)

    async def look_up(self, profile: Profile, key: str | None, task_id: str,
                      total: float = 15.0) -> LookupResult:
        """One lookup of `task_id` as `profile` says (a format editor's "Test")."""
        return await self._engine.lookup.fetch(profile, key, task_id, total=total)

    async def try_format(self, fmt: Format, base_url: str, key: str | None,
                         task_id: str) -> LookupResult:
        """Look a task up with a format being edited (not saved yet)."""
        profile = Profile(name="format-test", dialect="openai", base_url=base_url,
                          auth=fmt.auth)
        return await self._engine.lookup.fetch(profile, key or None, task_id, total=15.0,
                                               dialect=FormatDialect(fmt))

    async def save(self, fmt: Format) -> None:
        """Keep a user format and make it usable at once (`FormatError` when it is not)."""
        await asyncio.to_thread(self.library().save, fmt)
        await self._reload()

    async def import_file(self, path: str) -> Format:
        """Check a shared format file and keep it (`FormatError` says what is wrong)."""
        fmt = await asyncio.to_thread(self.library().import_file, Path(path))
        await self._reload()
        return fmt

    async def export(self, fmt: Format, path: str) -> None:
        await asyncio.to_thread(self.library().export, fmt, Path(path))

    async def remove(self, name: str) -> None:
        """Delete one of the user's formats; refused while a provider uses it."""
        users = [p.name for p in self._engine.scheduler.profiles.values()
                 if p.dialect == name]
        if users:
            raise FormatError(f"the providers {', '.join(users)} use format {name!r}",
                              field="name")
        await asyncio.to_thread(self.library().remove, name)
        await self._reload()

    async def _reload(self) -> None:
        formats, _ = await asyncio.to_thread(self.library().load)
        self._registry.use(formats)
        self._engine.reload_profiles()  # a provider waiting for a format may work now
