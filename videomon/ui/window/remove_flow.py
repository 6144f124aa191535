"""Remove (Delete) and Undo (Ctrl+Z): the command, then a note with Undo; the restored
rows come back selected."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject

from videomon.core.tracking.commands import TaskCommands
from videomon.ui.runtime.async_tasks import TaskRunner

# above this many rows a removal or an undo says it is under way (it runs in SQL, in a
# worker thread: a million rows take a while), and restored rows are not selected again
LARGE = 10_000


class RemoveFlow(QObject):
    def __init__(self, tasks: TaskCommands, runner: TaskRunner,
                 say: Callable[[str, bool], None], select: Callable[[Sequence[int]], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.runner = runner
        self._say = say
        self._select = select
        self.undo_count = 0  # how many the last removal took (what Undo brings back)

    def remove(self, refs: Sequence[int], after: Callable[[], None] | None = None) -> None:
        """`after`: called once the rows are gone (e.g. to select a neighbour)."""
        if not refs:
            return
        if len(refs) > LARGE:
            self._say(self.tr("Removing %Ln task(s)…", "", len(refs)), False)

        def removed(count: int) -> None:
            self.undo_count = count
            self._say(self.tr("Removed %Ln task(s).", "", count), True)
            if after is not None:
                after()

        self.runner.spawn(self.tasks.remove(refs), removed, name="remove")

    def recall(self) -> None:
        """At start: the last removal (of an earlier run, too) can still be undone."""
        self.runner.spawn(self.tasks.undoable(), lambda count: setattr(
            self, "undo_count", self.undo_count or count))

    def undo(self) -> None:
        count, self.undo_count = self.undo_count, 0
        if not count:
            self._say(self.tr("Nothing to undo: only the last removal can be undone."), False)
            return
        if count > LARGE:
            self._say(self.tr("Restoring %Ln task(s)…", "", count), False)

        def restored(back: list[int]) -> None:
            self._say(self.tr("Restored %Ln task(s).", "", len(back)), False)
            if len(back) <= LARGE:
                self._select(back)

        self.runner.spawn(self.tasks.undo_remove(), restored, name="undo")
