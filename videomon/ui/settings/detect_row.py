"""The provider form's "Detect" row: a task ID the provider knows, and what detection found."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from videomon.core.providers.detect import Detection
from videomon.ui import wording


class DetectRow(QWidget):
    detectRequested = Signal(str)  # the known task ID

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.task_id = QLineEdit()
        self.task_id.setPlaceholderText(self.tr("a task ID this provider knows"))
        self.task_id.setAccessibleName(self.tr("Known task ID"))
        self.button = QPushButton(self.tr("Detect format"))
        self.button.setToolTip(self.tr("Ask the provider about this task in each known "
                                       "format's way (a few requests, the key only to this "
                                       "host) and pick the format that reads the answer"))
        self.button.clicked.connect(self._detect)
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.task_id, 1)
        row.addWidget(self.button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(row)
        column.addWidget(self.result)

    def _detect(self) -> None:
        task_id = self.task_id.text().strip()
        if not task_id:
            self.result.setText(self.tr("Type the ID of a task this provider knows first."))
            self.task_id.setFocus()
            return
        self.result.setText(self.tr("Asking the provider…"))
        self.button.setEnabled(False)
        self.detectRequested.emit(task_id)

    def show_detection(self, found: Detection | None, error: str = "") -> None:
        """What was found (the form's format is set by the dialog)."""
        self.button.setEnabled(True)
        if found is None:
            self.result.setText("✘ " + error)
        elif found.chosen and found.snapshot is not None:
            snap = found.snapshot
            reading = wording.state_word(snap.state) + (
                f" {snap.progress:g}%" if snap.progress is not None else "")
            self.result.setText(self.tr("✔ The provider answers in the {name} format; the "
                                        "task reads as: {reading}.").format(
                name=found.chosen, reading=reading))
        elif found.ambiguous:
            self.result.setText(self.tr("✘ Several formats read this task differently "
                                        "({names}); not guessing. Choose one and test it.")
                                .format(names=", ".join(n for n, _ in found.matches)))
        else:
            self.result.setText(self.tr("✘ No known format could read the provider's answer "
                                        "for this task. Settings → Formats lets you "
                                        "describe it."))
