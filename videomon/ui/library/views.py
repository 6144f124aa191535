"""The table or the gallery (Ctrl+1 / Ctrl+2, and the toolbar's Gallery button): one
model, one selection, one menu; the choice is remembered."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, QPoint, QSettings, Signal
from PySide6.QtWidgets import QAbstractItemView, QWidget

from videomon.core.tracking.commands.library import LibraryCommands
from videomon.ui.library.gallery import GalleryView
from videomon.ui.library.pictures import Pictures
from videomon.ui.runtime.async_tasks import TaskRunner
from videomon.ui.table.model import Role, TaskTableModel
from videomon.ui.table.view import TaskTableView

KEY = "table/gallery"


class TaskArea(Protocol):
    """Where the window shows its tasks (window.task_area): the table, or the gallery."""

    gallery_on: bool

    def add_gallery(self, gallery: QWidget) -> None: ...

    def set_gallery(self, on: bool) -> None: ...

    def currentWidget(self) -> QWidget: ...


class TaskViews(QObject):
    switched = Signal(bool)  # True: the gallery shows

    def __init__(self, stack: TaskArea, model: TaskTableModel, table: TaskTableView,
                 library: LibraryCommands, runner: TaskRunner,
                 menu: Callable[[QAbstractItemView, QPoint], None],
                 details: Callable[[], None], state: QSettings) -> None:
        super().__init__(stack)
        self.stack, self.table, self.state = stack, table, state
        self.pictures = Pictures(library, runner, self)
        self.gallery = GalleryView(model, self.pictures, table.startDrag)
        self.gallery.setSelectionModel(table.selectionModel())  # one selection
        self.gallery.customContextMenuRequested.connect(lambda pos: menu(self.gallery, pos))
        self.gallery.doubleClicked.connect(lambda _index: details())
        stack.add_gallery(self.gallery)
        model.dataChanged.connect(self._changed)
        if str(state.value(KEY, "false")).lower() == "true":
            self.show(True)

    @property
    def gallery_on(self) -> bool:
        return self.stack.gallery_on

    def show(self, gallery: bool) -> None:
        had_focus = self.stack.currentWidget().hasFocus() or self.gallery.hasFocus() \
            or self.table.hasFocus()
        self.stack.set_gallery(gallery)
        self.state.setValue(KEY, gallery)
        current = self.gallery if gallery else self.table
        if had_focus and self.stack.currentWidget() is current:
            current.setFocus()
        if gallery:
            index = self.table.currentIndex()
            if index.isValid():
                self.gallery.scrollTo(index.siblingAtColumn(0))
        else:
            index = self.gallery.currentIndex()
            if index.isValid():
                self.table.scrollTo(index)
        self.switched.emit(gallery)

    def _changed(self, top, bottom, *_: object) -> None:  # type: ignore[no-untyped-def]
        """A row changed (its file saved, say): its picture may be had now."""
        if not self.gallery_on:
            return
        model = self.gallery.model()
        for row in range(top.row(), bottom.row() + 1):
            task = model.index(row, 0).data(Role.TASK)
            if task is not None:
                self.pictures.forget(task)

    def close(self) -> None:
        self.pictures.close()
