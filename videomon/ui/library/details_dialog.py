"""Details of one task: a summary, the last raw response pretty-printed, the timeline."""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from videomon.core.domain.snapshot import TaskState
from videomon.core.domain.task import HistoryEntry, TrackedTask, Watch
from videomon.core.tracking.commands import TaskCommands
from videomon.core.tracking.commands.tasks import TaskDetails
from videomon.ui import wording
from videomon.ui.library.about_form import AboutForm
from videomon.ui.runtime.async_tasks import TaskRunner


def _when(value: float | int | None) -> str:
    if value is None:
        return "—"
    return time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(float(value)))


def _state_word(state: TaskState | Watch) -> str:
    """A timeline entry's state (a provider state, or how the task stopped being followed)."""
    return wording.state_word(state) if isinstance(state, TaskState) \
        else wording.watch_word(state)


class DetailsDialog(QDialog):
    #: the user saved what they say about the task (title, star, tags, notes)
    annotated = Signal(int, object)

    def __init__(self, task: TrackedTask, parent: Any = None, cost: str = "") -> None:
        super().__init__(parent)
        self.ref = task.ref
        self.setWindowTitle(self.tr("Task {id}").format(id=task.task_id))
        self.resize(680, 520)
        tabs = QTabWidget()
        self.about = AboutForm(task, cost or self.tr("unknown"))
        tabs.addTab(self.about, self.tr("Video"))
        tabs.addTab(self._summary(task), self.tr("Summary"))
        raw = QPlainTextEdit()
        raw.setReadOnly(True)
        raw.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.raw = raw
        self._no_answer = self.tr("No answer about this task yet. The last lookup: {problem}")\
            .format(problem=task.problem_message) if task.problem_message \
            else self.tr("No response received yet.")
        # the answer is read from disk with the history (`set_details`)
        raw.setPlainText(self.tr("loading…") if task.snapshot is not None else self._no_answer)
        tabs.addTab(raw, self.tr("Raw response"))
        self.timeline = QTreeWidget()
        self.timeline.setHeaderLabels([self.tr("When"), self.tr("State"), self.tr("Progress"),
                                       self.tr("Note")])
        self.timeline.setRootIsDecorated(False)
        self.timeline.addTopLevelItem(QTreeWidgetItem([self.tr("loading…")]))
        tabs.addTab(self.timeline, self.tr("Timeline"))
        self.tabs = tabs
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Close)
        save = buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setEnabled(False)  # until something is edited
        self.about.edited.connect(lambda: save.setEnabled(True))
        copy = buttons.addButton(self.tr("Copy ID"), QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(task.task_id))
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(buttons)

    def _save(self) -> None:
        self.annotated.emit(self.ref, self.about.change())
        self.accept()

    def _summary(self, task: TrackedTask) -> QWidget:
        snap = task.snapshot
        page = QWidget()
        form = QFormLayout(page)
        progress = wording.progress_value(task)
        rows = [
            (self.tr("Task ID:"), task.task_id), (self.tr("Provider:"), task.profile),
            (self.tr("Model:"), task.model or "—"), (self.tr("State:"), wording.state_text(task)),
            (self.tr("Provider's word:"), (snap and snap.raw_status) or "—"),
            (self.tr("Progress:"),
             self.tr("unknown") if progress is None else wording.percent(progress)),
            (self.tr("Created:"), _when(snap and snap.created_at)),
            (self.tr("Finished:"), _when(snap and snap.finished_at)),
            (self.tr("Link expires:"), _when(task.expires_at)),
            (self.tr("Added:"), _when(task.added_at)),
            (self.tr("Last checked:"), _when(task.last_checked_at)),
            (self.tr("Video:"), "\n".join(task.video_urls) or "—"),
            (self.tr("Saved to:"), "\n".join(task.download_paths) or "—"),
        ]
        error = "\n".join(wording.reasons(task)) if task.state is TaskState.FAILED \
            or task.problem_message or task.download_error else ""
        if error:
            rows.append((self.tr("Error:"), error))
        for name, value in rows:
            label = QLabel(str(value))
            label.setWordWrap(True)
            label.setTextInteractionFlags(label.textInteractionFlags()
                                          | label.textInteractionFlags().TextSelectableByMouse)
            form.addRow(name, label)
        return page

    def set_details(self, details: TaskDetails) -> None:
        """The history and the raw answer, as read from disk."""
        self.raw.setPlainText(json.dumps(details.raw, indent=2, ensure_ascii=False)
                              if details.raw is not None else self._no_answer)
        self.set_history(details.history)

    def set_history(self, rows: Sequence[HistoryEntry]) -> None:
        self.timeline.clear()
        for at, state, progress, note in rows:
            self.timeline.addTopLevelItem(QTreeWidgetItem(
                [_when(at), _state_word(state),
                 wording.percent(progress), note or ""]))
        if not rows:
            self.timeline.addTopLevelItem(QTreeWidgetItem([self.tr("no history")]))
        for column in range(3):
            self.timeline.resizeColumnToContents(column)


def open_details(task: TrackedTask, parent: Any, shown: list[DetailsDialog],
                 tasks: TaskCommands, runner: TaskRunner, cost: str = "") -> DetailsDialog:
    """Open a task's details (not modal); its history and raw answer fill in when they
    are read. `shown` holds the dialogs open now (a closed one is taken out)."""
    dialog = DetailsDialog(task, parent, cost)
    dialog.annotated.connect(lambda ref, change: runner.spawn(tasks.annotate([ref], change)))
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    shown.append(dialog)
    dialog.destroyed.connect(lambda: shown.remove(dialog))
    runner.spawn(tasks.details(task.ref), lambda details: dialog.set_details(details)
                 if dialog in shown else None)  # it may be closed by then
    dialog.open()
    return dialog
