"""The `accounts` door: which providers can list their tasks, and importing one's list
once (following is the engine's own loop, `Profile.follow`)."""

from __future__ import annotations

from videomon.core.domain.errors import ConfigError
from videomon.core.providers.formats.list_reader import Window
from videomon.core.tracking.accounts import ImportReport, list_format
from videomon.core.tracking.engine import Engine


class AccountCommands:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def listable(self) -> list[str]:
        """The providers whose format can list the account's tasks."""
        names = []
        for name, profile in self._engine.scheduler.profiles.items():
            try:
                list_format(self._engine.config.formats, profile)
            except ConfigError:
                continue
            names.append(name)
        return names

    async def import_(self, name: str, since: float | None = None) -> ImportReport:
        """Track what `name`'s account lists (since `since`, Unix seconds), once."""
        report = await self._engine.accounts.run(name, Window(since=since))
        await self._engine.scheduler.book.flush()
        return report
