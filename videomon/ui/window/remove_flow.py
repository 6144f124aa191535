"""Remove (Delete) and Undo (Ctrl+Z): the command, then a note with Undo; the restored
rows come back selected."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject

from videomon.core.domain.task import TrackedTask
from videomon.core.tracking.commands import TaskCommands
from videomon.ui.runtime.async_tasks import TaskRunner


class RemoveFlow(QObject):
    def __init__(self, tasks: TaskCommands, runner: TaskRunner,
                 say: Callable[[str, bool], None], select: Callable[[Sequence[int]], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.runner = runner
        self._say = say
        self._select = select
        self.undo_tasks: list[TrackedTask] = []  # what Undo brings back

    def remove(self, refs: Sequence[int], after: Callable[[], None] | None = None) -> None:
        """`after`: called once the rows are gone (e.g. to select a neighbour)."""
        if not refs:
            return

        def removed(tasks: list[TrackedTask]) -> None:
            self.undo_tasks = tasks
            self._say(self.tr("Removed %n task(s).", "", len(tasks)), True)
            if after is not None:
                after()

        self.runner.spawn(self.tasks.remove(refs), removed, name="remove")

    def undo(self) -> None:
        tasks, self.undo_tasks = self.undo_tasks, []
        if not tasks:
            self._say(self.tr("Nothing to undo: only the last removal can be undone."), False)
            return

        def restored(back: list[TrackedTask]) -> None:
            self._say(self.tr("Restored %n task(s).", "", len(back)), False)
            self._select([t.ref for t in back])

        self.runner.spawn(self.tasks.undo_remove(tasks), restored, name="undo")
