"""The note under the toolbar: what a paste did, a provider chooser, Undo, or one action
that helps with what the note says (e.g. "Copy path" when no file manager could open)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QLabel, QPushButton


class InlineBar(QFrame):
    providerChosen = Signal(str)
    undoRequested = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("inlineBar")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.chooser_label = QLabel(self.tr("Provider:"))
        self.chooser = QComboBox()
        self.chooser.setToolTip(self.tr("Track the tasks just added under another provider"))
        self.chooser.setAccessibleName(self.tr("Provider of the tasks just added"))
        self.chooser_label.setBuddy(self.chooser)
        self.chooser.activated.connect(lambda _i: self.providerChosen.emit(
            self.chooser.currentText()))
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.clicked.connect(self.undoRequested)
        self.action_button = QPushButton()
        self.action_button.clicked.connect(self._act)
        self._action: Callable[[], object] | None = None
        close = QPushButton("✕")
        close.setFlat(True)
        close.setFixedWidth(28)
        close.setToolTip(self.tr("Dismiss"))
        close.setAccessibleName(self.tr("Dismiss"))
        close.clicked.connect(self.hide)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 2, 4, 2)
        row.addWidget(self.text, 1)
        row.addWidget(self.chooser_label)
        row.addWidget(self.chooser)
        row.addWidget(self.undo_button)
        row.addWidget(self.action_button)
        row.addWidget(close)
        self.hide()

    def say(self, text: str, *, choices: Sequence[str] = (), chosen: str | None = None,
            undo: bool = False, action: tuple[str, Callable[[], object]] | None = None) -> None:
        """Show `text`; with `chosen`, a provider chooser preset to it; with `undo`, Undo;
        with `action` (label, slot), a button that does it."""
        self.text.setText(text)
        self._action = action[1] if action else None
        self.action_button.setText(action[0] if action else "")
        self.action_button.setVisible(action is not None)
        self.chooser.setVisible(chosen is not None)
        self.chooser_label.setVisible(chosen is not None)
        if chosen is not None:
            self.chooser.blockSignals(True)
            self.chooser.clear()
            self.chooser.addItems(list(choices))
            self.chooser.setCurrentText(chosen)
            self.chooser.blockSignals(False)
        self.undo_button.setVisible(undo)
        self.show()

    def _act(self) -> None:
        if self._action is not None:
            self._action()
