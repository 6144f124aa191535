"""The engine's plain observer calls, re-emitted as Qt signals for the window.

The engine runs on the same (qasync) thread, so the signals are delivered directly;
a queued connection would also be safe if the engine ever moved to its own thread.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal

from videomon.core.domain.task import TrackedTask
from videomon.core.providers.profiles import ProfileProblem
from videomon.core.transfers.download_manager import TransferProgress


class EngineBridge(QObject):
    """Implements `EngineObserver` and `DownloadObserver`."""

    # (object, not list: a list is converted to a QVariantList and back, item by item,
    # 0.3 s for the refs of a million removed rows)
    tasksChanged = Signal(object)
    tasksRemoved = Signal(object)
    tasksReturned = Signal(object)
    profileProblem = Signal(str, object)
    downloadsProgressed = Signal(object)

    def tasks_changed(self, tasks: Sequence[TrackedTask]) -> None:
        self.tasksChanged.emit(list(tasks))

    def tasks_removed(self, refs: Sequence[int]) -> None:
        self.tasksRemoved.emit(list(refs))

    def tasks_returned(self, refs: Sequence[int]) -> None:
        self.tasksReturned.emit(list(refs))

    def profile_problem(self, profile: str, problem: ProfileProblem | None) -> None:
        self.profileProblem.emit(profile, problem)

    def downloads_progressed(self, progress: Sequence[TransferProgress]) -> None:
        self.downloadsProgressed.emit(list(progress))
