"""The Output column: a failure's reason reads from its start (cut at the end), while file
names and URLs keep both ends (cut in the middle, like the rest of the table)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

from videomon.ui.table.model import Role


class OutputDelegate(QStyledItemDelegate):
    def initStyleOption(self, option: QStyleOptionViewItem,
                        index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        task = index.data(Role.TASK)
        if task is not None and not task.video_urls and not task.download_paths:
            option.textElideMode = Qt.TextElideMode.ElideRight
