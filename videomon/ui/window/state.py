"""What the window remembers between runs (geometry, splitter, columns, filters) and where
it opens the first time: QSettings in the config folder."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QComboBox, QLineEdit, QMainWindow, QSplitter

from videomon.ui.table import columns
from videomon.ui.table.columns import Column
from videomon.ui.table.view import TaskTableView
from videomon.ui.window.geometry import first_geometry, pulled_on_screen, screen_for


@dataclass(frozen=True, slots=True)
class RememberedParts:
    """The widgets whose layout is remembered beside the window's geometry."""

    table: TaskTableView
    splitter: QSplitter
    state_filter: QComboBox
    filter_edit: QLineEdit

#: the first window's size when the screen has room; never more than SCREEN_SHARE of it
FIRST_SIZE = QSize(1360, 720)
SCREEN_SHARE = 0.85


def restore(window: QMainWindow, parts: RememberedParts, state: QSettings) -> None:
    """Geometry (pulled onto a screen), header, column widths, splitter and filters."""
    geometry = state.value("window/geometry")
    if not (isinstance(geometry, QByteArray) and window.restoreGeometry(geometry)):
        screen = window.screen() or QGuiApplication.primaryScreen()
        window.setGeometry(first_geometry(screen.availableGeometry(), FIRST_SIZE,
                                          SCREEN_SHARE))
    keep_on_screen(window)
    table = parts.table
    header = state.value("table/header")
    if isinstance(header, QByteArray):
        table.horizontalHeader().restoreState(header)
    else:
        table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    widths = str(state.value("table/widths", ""))
    preferred = columns.widths()
    for column, width in zip(Column, widths.split(",") if widths else [], strict=False):
        if width.isdigit() and int(width) > 0:
            preferred[column] = int(width)
    table.fitter.configure(preferred, columns.minimums(), columns.GIVE_WAY)
    splitter = state.value("window/splitter")
    if isinstance(splitter, QByteArray):
        parts.splitter.restoreState(splitter)
    index = parts.state_filter.findData(str(state.value("table/state_filter", "All")))
    parts.state_filter.setCurrentIndex(max(0, index))
    parts.filter_edit.setText(str(state.value("table/filter", "")))


def save(window: QMainWindow, parts: RememberedParts, state: QSettings) -> None:
    state.setValue("window/geometry", window.saveGeometry())
    state.setValue("table/header", parts.table.fitter.header_state())
    preferred = parts.table.fitter.preferred
    state.setValue("table/widths", ",".join(str(preferred.get(c, 0)) for c in Column))
    state.setValue("window/splitter", parts.splitter.saveState())
    state.setValue("table/state_filter", parts.state_filter.currentData())
    state.setValue("table/filter", parts.filter_edit.text())
    state.sync()


def keep_on_screen(window: QMainWindow) -> None:
    """Pull the window back onto a screen it no longer fits (a smaller or unplugged
    monitor since it was last closed)."""
    frame = window.frameGeometry()
    screen = screen_for(frame)
    if screen is None:
        return
    inside = pulled_on_screen(frame, screen.availableGeometry())
    if inside != frame:
        extra_w = frame.width() - window.width()
        extra_h = frame.height() - window.height()
        window.resize(max(window.minimumWidth(), inside.width() - extra_w),
                      max(window.minimumHeight(), inside.height() - extra_h))
        window.move(inside.topLeft())
