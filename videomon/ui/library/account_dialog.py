"""Import from a provider…: one provider's own list of tasks, once, from a day, a week, a
month back or all it keeps (following it for good is in Settings → its Account row)."""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel

#: how far back (seconds; None: all the provider keeps)
RANGES = (86400.0, 7 * 86400.0, 30 * 86400.0, None)


class AccountImportDialog(QDialog):
    importRequested = Signal(str, object)  # the provider, since (Unix seconds or None)

    def __init__(self, providers: Sequence[str], parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("accountImportDialog")
        self.setWindowTitle(self.tr("Import from a provider"))
        self.provider = QComboBox()
        self.provider.addItems(list(providers))
        self.provider.setAccessibleName(self.tr("Provider"))
        self.reach = QComboBox()
        self.reach.setAccessibleName(self.tr("How far back"))
        for text, seconds in zip((self.tr("the last day"), self.tr("the last week"),
                                  self.tr("the last 30 days"),
                                  self.tr("everything the provider keeps")), RANGES,
                                 strict=True):
            self.reach.addItem(text, seconds)
        self.reach.setCurrentIndex(1)
        note = QLabel(self.tr("The tasks its list shows are tracked, with their prompts and "
                              "states; those already tracked and those you removed are "
                              "left as they are."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        go = buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        go.setEnabled(bool(providers))
        buttons.accepted.connect(self._import)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Provider:"), self.provider)
        form.addRow(self.tr("Tasks from:"), self.reach)
        form.addRow(note)
        if not providers:
            form.addRow(QLabel(self.tr("No provider here can list its tasks (OpenAI, new-api "
                                       "relays, Kling, Ark, Luma and Replicate can).")))
        form.addRow(buttons)

    def _import(self) -> None:
        reach = self.reach.currentData()
        self.importRequested.emit(self.provider.currentText(),
                                  None if reach is None else time.time() - reach)
        self.accept()
