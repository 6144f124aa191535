"""Tags for the selection: the tags its tasks have (unchecking one takes it off them
all) and new ones to add (completed from the tags in use)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
)

from videomon.core.domain.annotation import Annotation, split_tags


class TagsDialog(QDialog):
    """Opened with `open()`; `chosen` carries the change when the user applies it."""

    chosen = Signal(object)  # an Annotation

    def __init__(self, count: int, present: Sequence[str], in_use: Sequence[str],
                 parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Tags for %n task(s)", "", count))
        layout = QVBoxLayout(self)
        self.add = QLineEdit()
        self.add.setPlaceholderText(self.tr("e.g. corgi, client A"))
        self.add.setAccessibleName(self.tr("Tags to add"))
        completer = QCompleter(list(in_use), self.add)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.add.setCompleter(completer)
        add_label = QLabel(self.tr("&Add tags (commas between them):"))
        add_label.setBuddy(self.add)
        layout.addWidget(add_label)
        layout.addWidget(self.add)
        self.present = QListWidget()
        self.present.setAccessibleName(self.tr("Tags the selection has"))
        for tag in present:
            item = QListWidgetItem(tag)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.present.addItem(item)
        if present:
            keep_label = QLabel(self.tr("&Keep these tags (uncheck one to remove it):"))
            keep_label.setBuddy(self.present)
            layout.addWidget(keep_label)
            layout.addWidget(self.present)
        else:
            self.present.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._apply)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(380, 320 if present else 140)

    def change(self) -> Annotation:
        removed = [self.present.item(i).text() for i in range(self.present.count())
                   if self.present.item(i).checkState() != Qt.CheckState.Checked]
        return Annotation.made(add_tags=split_tags(self.add.text()), remove_tags=removed)

    def _apply(self) -> None:
        change = self.change()
        if not change.empty:
            self.chosen.emit(change)
        self.accept()
