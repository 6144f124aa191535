"""Tracking pasted or typed task IDs from the window: the command, then a note saying what
happened (added, duplicates, ignored text, a guessed provider with a chooser to fix it)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from videomon.core.domain.task import TrackedTask
from videomon.core.tracking.commands import AddOutcome, ProviderCommands, TaskCommands
from videomon.ui.adding.dialog import AddTasksDialog
from videomon.ui.adding.inline_bar import InlineBar
from videomon.ui.runtime.async_tasks import TaskRunner


def outcome_text(outcome: AddOutcome) -> str:
    """One sentence for the note bar."""
    parts = []
    if outcome.added:
        names = sorted({t.profile for t in outcome.added})
        parts.append(AddFlow.tr("added %n task(s) to {names}", "", len(outcome.added))
                     .format(names=", ".join(names)))
    if outcome.duplicates:
        dupes = outcome.duplicates
        named = ", ".join(dupes[:2])
        if len(dupes) > 2:
            named = AddFlow.tr("{names} and %n more", "", len(dupes) - 2).format(names=named)
        parts.append(AddFlow.tr("already tracked, skipped: {names}").format(names=named))
    if outcome.rejected:
        parts.append(AddFlow.tr("ignored %n piece(s) that are not task IDs: {pieces}", "",
                                len(outcome.rejected))
                     .format(pieces=", ".join(outcome.rejected[:3])))
    guessed = sum(len(v) for v in outcome.guessed.values())
    if guessed:
        name = next(iter(outcome.guessed))
        parts.append(AddFlow.tr("%n assigned to {name} by guess — change it here", "",
                                guessed).format(name=name))
    text = AddFlow.tr("; ").join(parts)
    return AddFlow.tr("{sentence}.").format(sentence=text[:1].upper() + text[1:])


class AddFlow(QObject):
    """`select(refs)` shows the rows just added (they arrive from the engine's batch
    before the command returns)."""

    def __init__(self, parent: QWidget, tasks: TaskCommands, providers: ProviderCommands,
                 runner: TaskRunner,
                 bar: InlineBar, select: Callable[[Sequence[int]], None]) -> None:
        super().__init__(parent)
        self.parent = parent
        self.tasks = tasks
        self.providers = providers
        self.runner = runner
        self.bar = bar
        self.select = select
        self.guessed: dict[str, list[int]] = {}
        bar.providerChosen.connect(self.move_guessed)

    def say(self, text: str, *, chooser: str | None = None, undo: bool = False) -> None:
        self.bar.say(text, choices=list(self.providers.profiles()), chosen=chooser, undo=undo)

    def add_text(self, text: str, profile: str | None = None,
                 dialog: AddTasksDialog | None = None) -> None:
        if not self.providers.profiles():
            self.say(self.tr("Set up a provider first (Settings…), then paste the task IDs "
                             "again."))
            if dialog is not None:
                dialog.show_message(self.tr("Set up a provider first in Settings."))
            return
        self.runner.spawn(self.tasks.add_text(text, profile),
                          lambda outcome: self._added(outcome, dialog))  # (each paste counts)

    def _added(self, outcome: AddOutcome, dialog: AddTasksDialog | None) -> None:
        if outcome.nothing_found:
            shown = ", ".join(outcome.rejected[:3])
            message = (self.tr("No task IDs found in that text (not task IDs: {pieces}). "
                               "Nothing was added.").format(pieces=shown) if shown else
                       self.tr("No task IDs found in that text. Nothing was added."))
            if dialog is not None:
                dialog.show_message(message)
            else:
                self.say(message)
            return
        if dialog is not None:
            dialog.accept()
        self.guessed = outcome.guessed
        self.say(outcome_text(outcome), chooser=next(iter(outcome.guessed), None))
        refs = [t.ref for t in outcome.added]
        if refs:
            self.select(refs)

    def move_guessed(self, target: str) -> None:
        refs = [r for name, rs in self.guessed.items() if name != target for r in rs]
        if not refs:
            return
        self.guessed = {}

        def moved(tasks: list[TrackedTask]) -> None:
            self.guessed = {target: [t.ref for t in tasks]}
            self.say(self.tr("Moved %n task(s) to {name}.", "", len(tasks)).format(name=target))

        self.runner.spawn(self.tasks.move(refs, target), moved, name="move")

    def open_dialog(self) -> None:
        dialog = AddTasksDialog(list(self.providers.profiles()), self.parent)
        dialog.submitted.connect(lambda text, profile: self.add_text(text, profile, dialog))
        dialog.open()
