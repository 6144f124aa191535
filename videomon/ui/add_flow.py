"""Tracking pasted or typed task IDs from the window: the command, then a note saying what
happened (added, duplicates, ignored text, a guessed provider with a chooser to fix it)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QWidget

from videomon.core.domain.task import TrackedTask
from videomon.core.tracking.commands import AddOutcome, Commands
from videomon.ui.add_dialog import AddTasksDialog
from videomon.ui.async_tasks import TaskRunner
from videomon.ui.inline_bar import InlineBar


def outcome_text(outcome: AddOutcome) -> str:
    """One sentence for the note bar."""
    parts = []
    if outcome.added:
        names = sorted({t.profile for t in outcome.added})
        parts.append(f"Added {len(outcome.added)} task{'s' * (len(outcome.added) != 1)}"
                     f" to {', '.join(names)}")
    if outcome.duplicates:
        dupes = outcome.duplicates
        named = ", ".join(dupes[:2]) + (f" and {len(dupes) - 2} more" if len(dupes) > 2
                                        else "")
        parts.append(f"already tracked, skipped: {named}")
    if outcome.rejected:
        parts.append(f"ignored {len(outcome.rejected)} piece(s) that are not task IDs: "
                     + ", ".join(outcome.rejected[:3]))
    guessed = sum(len(v) for v in outcome.guessed.values())
    if guessed:
        name = next(iter(outcome.guessed))
        parts.append(f"{guessed} assigned to {name} by guess — change it here")
    return "; ".join(parts) + "."


class AddFlow:
    """`select(refs)` shows the rows just added (they arrive from the engine's batch
    before the command returns)."""

    def __init__(self, parent: QWidget, commands: Commands, runner: TaskRunner,
                 bar: InlineBar, select: Callable[[Sequence[int]], None]) -> None:
        self.parent = parent
        self.commands = commands
        self.runner = runner
        self.bar = bar
        self.select = select
        self.guessed: dict[str, list[int]] = {}
        bar.providerChosen.connect(self.move_guessed)

    def say(self, text: str, *, chooser: str | None = None, undo: bool = False) -> None:
        self.bar.say(text, choices=list(self.commands.profiles()), chosen=chooser, undo=undo)

    def add_text(self, text: str, profile: str | None = None,
                 dialog: AddTasksDialog | None = None) -> None:
        if not self.commands.profiles():
            self.say("Set up a provider first (Settings…), then paste the task IDs again.")
            if dialog is not None:
                dialog.show_message("Set up a provider first in Settings.")
            return
        self.runner.spawn(self.commands.add_text(text, profile),
                          lambda outcome: self._added(outcome, dialog), name="add")

    def _added(self, outcome: AddOutcome, dialog: AddTasksDialog | None) -> None:
        if outcome.nothing_found:
            shown = ", ".join(outcome.rejected[:3])
            message = ("No task IDs found in that text" +
                       (f" (not task IDs: {shown})" if shown else "") + ". Nothing was added.")
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
            self.say(f"Moved {len(tasks)} task(s) to {target}.")

        self.runner.spawn(self.commands.move(refs, target), moved, name="move")

    def open_dialog(self) -> None:
        dialog = AddTasksDialog(list(self.commands.profiles()), self.parent)
        dialog.submitted.connect(lambda text, profile: self.add_text(text, profile, dialog))
        dialog.open()
