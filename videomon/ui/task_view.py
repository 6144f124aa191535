"""The task table view: drags finished, downloaded rows out as files."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QMimeData, Qt, QUrl
from PySide6.QtGui import QDrag
from PySide6.QtWidgets import QAbstractItemView, QTableView

from videomon.core.media import DragPayload, drag_payload
from videomon.core.store import TrackedTask
from videomon.ui.task_model import Role


def payload_mime(payload: DragPayload) -> QMimeData:
    """`text/uri-list` of the local files, and the video URLs as plain text."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(path) for path in payload.files])
    mime.setText("\n".join(payload.urls))
    return mime


class TaskTableView(QTableView):
    """`on_pending(tasks)` is called for dragged rows that are not downloaded yet."""

    def __init__(self, on_pending: Callable[[list[TrackedTask]], None],
                 parent: Any = None) -> None:
        super().__init__(parent)
        self._on_pending = on_pending
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)

    def selected_tasks(self) -> list[TrackedTask]:
        rows = self.selectionModel().selectedRows() if self.selectionModel() else []
        return [t for t in (index.data(Role.TASK) for index in rows) if t is not None]

    def startDrag(self, supported: Qt.DropAction) -> None:
        payload = drag_payload(self.selected_tasks())
        if payload.pending:
            self._on_pending(payload.pending)
        if not payload.files:
            return
        drag = QDrag(self)
        drag.setMimeData(payload_mime(payload))
        drag.exec(Qt.DropAction.CopyAction, Qt.DropAction.CopyAction)
