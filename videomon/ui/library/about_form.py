"""The part of a task's Details that says what the video is: the user's title, star,
tags and notes (edited here) and what the provider said (prompt, size, length, seed,
cost)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from videomon.core.domain.annotation import TITLE_LIMIT, Annotation, split_tags
from videomon.core.domain.task import TrackedTask
from videomon.ui.library.cost_words import amount


class AboutForm(QWidget):
    """Edits what the user says about one task; `change()` is what to save."""

    edited = Signal()

    def __init__(self, task: TrackedTask, cost: str, parent: Any = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        form = QFormLayout()
        outer.addLayout(form)
        outer.addStretch(1)  # (the rows stay together at the top)
        self.title = QLineEdit(task.title or "")
        self.title.setMaxLength(TITLE_LIMIT)
        self.title.setPlaceholderText(" ".join((task.prompt or "").split())[:120]
                                      or self.tr("A name for this video"))
        self.title.setAccessibleName(self.tr("Title"))
        self.star = QCheckBox(self.tr("Starred (a keeper)"))
        self.star.setChecked(task.starred)
        self.tags = QLineEdit(", ".join(task.tags))
        self.tags.setPlaceholderText(self.tr("e.g. corgi, client A (commas between tags)"))
        self.tags.setAccessibleName(self.tr("Tags"))
        self.notes = QPlainTextEdit(task.notes or "")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(64)
        self.notes.setAccessibleName(self.tr("Notes"))
        form.addRow(self.tr("Title:"), self.title)
        form.addRow("", self.star)
        form.addRow(self.tr("Tags:"), self.tags)
        form.addRow(self.tr("Notes:"), self.notes)
        for edit in (self.title, self.tags):
            edit.textEdited.connect(lambda _text: self.edited.emit())
        self.star.toggled.connect(lambda _on: self.edited.emit())
        self.notes.textChanged.connect(self.edited.emit)
        snap = task.snapshot
        said = [(self.tr("Prompt:"), (snap and snap.prompt) or "—"),
                (self.tr("Size:"), (snap and snap.size) or "—"),
                (self.tr("Length:"), self.tr("{seconds} s").format(
                    seconds=amount(snap.duration)) if snap and snap.duration is not None
                 else "—"),
                (self.tr("Seed:"), str(snap.seed) if snap and snap.seed is not None else "—"),
                (self.tr("Cost:"), cost)]
        for name, value in said:
            label = QLabel(value)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(name, label)

    def change(self) -> Annotation:
        """Everything the form says (the tags replace the task's)."""
        return Annotation.made(title=self.title.text(), notes=self.notes.toPlainText(),
                               starred=self.star.isChecked(),
                               tags=split_tags(self.tags.text()))
