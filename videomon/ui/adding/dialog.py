"""The "Add tasks" dialog: type or paste IDs or URLs, optionally pick the provider."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
)


class AddTasksDialog(QDialog):
    submitted = Signal(str, object)  # text, profile name or None (automatic)

    def __init__(self, profiles: Sequence[str], parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add tasks"))
        self.resize(560, 360)
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(self.tr(
            "One or more task IDs or task URLs, separated by new lines, spaces or commas,\n"
            "e.g. {example}").format(example="sora-2:task_01k81e7r1mf0qtvp3ett3mr4jm"))
        self.profile = QComboBox()
        self.profile.addItem(self.tr("Choose automatically"), None)
        for name in profiles:
            self.profile.addItem(name, name)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setObjectName("inlineMessage")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.add_button = self.buttons.addButton(self.tr("Add"),
                                                 QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Provider:"), self.profile)
        layout = QVBoxLayout(self)
        label = QLabel(self.tr("Task IDs or URLs:"))
        label.setBuddy(self.text)
        layout.addWidget(label)
        layout.addWidget(self.text, 1)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def _submit(self) -> None:
        text = self.text.toPlainText()
        if not text.strip():
            self.show_message(self.tr("Type or paste at least one task ID."))
            return
        self.add_button.setEnabled(False)
        self.submitted.emit(text, self.profile.currentData())

    def show_message(self, text: str) -> None:
        """Keep the dialog open with an inline message (nothing was added)."""
        self.add_button.setEnabled(True)
        self.message.setText(text)
