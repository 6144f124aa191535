"""What the window and the CLI ask of the engine, as plain async calls (Qt-free and
testable), behind six small doors: `tasks`, `providers`, `formats`, `demo`, `library` and
`accounts`."""

from __future__ import annotations

from videomon.core.tracking.commands.accounts import AccountCommands
from videomon.core.tracking.commands.demo import DemoCommands
from videomon.core.tracking.commands.formats import FormatCommands
from videomon.core.tracking.commands.library import LibraryCommands
from videomon.core.tracking.commands.providers import (
    PROBE_ID,
    ConnectionReport,
    ProviderCommands,
)
from videomon.core.tracking.commands.tasks import AddOutcome, TaskCommands
from videomon.core.tracking.engine import Engine


class Commands:
    """The doors into one engine; a front end keeps this and passes each part on to the
    pieces that need it."""

    def __init__(self, engine: Engine) -> None:
        self.providers = ProviderCommands(engine)
        self.tasks = TaskCommands(engine, self.providers)
        self.formats = FormatCommands(engine)
        self.demo = DemoCommands(engine, self.tasks, self.providers)
        self.library = LibraryCommands(engine, self.providers)
        self.accounts = AccountCommands(engine)


__all__ = ["PROBE_ID", "AccountCommands", "AddOutcome", "Commands", "ConnectionReport",
           "DemoCommands", "FormatCommands", "LibraryCommands", "ProviderCommands",
           "TaskCommands"]
