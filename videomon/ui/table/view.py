"""The task table view: drags finished rows out as files, sizes its columns to fit.

A drag starts from any finished row (the model marks them drag-enabled): saved videos
leave as `text/uri-list` files (copies) with their URLs as text; rows not saved yet start
their download instead. Columns are kept within the view's width so the last column (the
output, where a failure's reason is) stays in sight without scrolling.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import PurePath
from typing import Any

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QMimeData, QPoint, QRect, Qt, QUrl
from PySide6.QtGui import QDrag, QFontMetrics, QPainter, QPixmap, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QStyledItemDelegate, QTableView, QWidget

from videomon.core.domain.task import TrackedTask
from videomon.core.transfers.media import DragPayload, drag_payload
from videomon.ui.table.column_fit import ColumnFitter
from videomon.ui.table.model import Role
from videomon.ui.table.rows import row_runs


def payload_mime(payload: DragPayload) -> QMimeData:
    """`text/uri-list` of the local files, and the video URLs as plain text."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(path) for path in payload.files])
    mime.setText("\n".join(payload.urls))
    return mime


def drag_pixmap(widget: QWidget, files: list[str]) -> QPixmap:
    """A small card under the cursor: the file's name, or how many files."""
    text = PurePath(files[0]).name if len(files) == 1 else \
        TaskTableView.tr("%n videos", "", len(files))
    metrics = QFontMetrics(widget.font())
    text = metrics.elidedText(text, Qt.TextElideMode.ElideMiddle, 320)
    ratio = widget.devicePixelRatioF()
    width, height = metrics.horizontalAdvance(text) + 40, metrics.height() + 12
    pixmap = QPixmap(int(width * ratio), int(height * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    palette = widget.palette()
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(palette.highlight().color().darker(120))
    painter.setBrush(palette.highlight())
    painter.drawRoundedRect(QRect(0, 0, width - 1, height - 1), 5, 5)
    painter.setPen(palette.highlightedText().color())
    painter.setBrush(palette.highlightedText())
    mid = height // 2  # a film-frame glyph, then the text
    painter.drawRect(QRect(8, mid - 6, 16, 12))
    painter.setPen(palette.highlight().color())
    for x in (10, 14, 18):
        painter.drawLine(x, mid - 5, x + 2, mid - 5)
        painter.drawLine(x, mid + 4, x + 2, mid + 4)
    painter.setPen(palette.highlightedText().color())
    painter.drawText(QRect(32, 0, width - 36, height), Qt.AlignmentFlag.AlignVCenter, text)
    painter.end()
    return pixmap


# how many selected tasks a batch or a selection change decodes (the actions, the line)
SAMPLE = 1000


class TaskTableView(QTableView):
    """`on_pending(tasks)` is called for dragged rows that are not downloaded yet."""

    def __init__(self, on_pending: Callable[[list[TrackedTask]], None],
                 parent: Any = None) -> None:
        super().__init__(parent)
        self._on_pending = on_pending
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.fitter = ColumnFitter(self)
        # the selected tasks read (all of them, or the first ones), read again when it changes
        self._selected: tuple[list[TrackedTask], bool] | None = None

    def edit_title(self) -> bool:
        """Edit the current row's title in place (the first column); False: no row."""
        current = self.currentIndex()
        if not current.isValid() or not self.selectionModel().isRowSelected(current.row()):
            rows = self.selectionModel().selectedRows()
            if not rows:
                return False
            current = rows[0]
        index = self.model().index(current.row(), 0)
        self.scrollTo(index)
        return self.edit(index, QAbstractItemView.EditTrigger.AllEditTriggers, None)

    def configure(self, delegates: dict[int, QStyledItemDelegate]) -> None:
        """The window's table: whole rows selected, sortable, movable columns that fit,
        long text elided in the middle, menus on the rows and the header."""
        for column, delegate in delegates.items():
            self.setItemDelegateForColumn(column, delegate)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setTabKeyNavigation(False)  # rows, not cells: Tab goes on to the next control
        # the title is edited by the window's Rename action (F2), whatever cell is current
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSortingEnabled(True)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(26)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header = self.horizontalHeader()
        header.setSectionsMovable(True)
        header.setStretchLastSection(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.setHighlightSections(False)  # no bold header text, no reflow

    def setSelectionModel(self, selection: QItemSelectionModel) -> None:
        """The rows' selection; the headers get one of their own that stays empty.

        A header paint asks `isColumnSelected` about each section's neighbours, which asks
        `flags()` of every selected row: with 10,000 rows selected, 90,000 Python calls
        (0.4 s) per paint. Section highlighting is off, so the headers lose nothing.
        """
        super().setSelectionModel(selection)
        selection.selectionChanged.connect(self._forget_selected)
        model = selection.model()
        for signal in (model.layoutChanged, model.rowsInserted, model.rowsRemoved,
                       model.modelReset):
            signal.connect(self._forget_selected)
        for header in (self.horizontalHeader(), self.verticalHeader()):
            header.setSelectionModel(QItemSelectionModel(selection.model(), header))

    def select_rows(self, rows: Sequence[int]) -> None:
        """Select these rows (of the view's model) in one change, however many there are."""
        selection, model = QItemSelection(), self.model()
        for first, last in row_runs(rows):  # one range per run of consecutive rows
            selection.select(model.index(first, 0), model.index(last, 0))
        flags = QItemSelectionModel.SelectionFlag
        self.selectionModel().select(selection, flags.ClearAndSelect | flags.Rows)
        if rows:  # the keyboard goes on from the new selection, not from an old row
            self.selectionModel().setCurrentIndex(model.index(min(rows), 0), flags.NoUpdate)

    def select_refs(self, refs: Sequence[int]) -> None:
        """Select these tasks' rows; while the list is being read, once it is shown."""
        model = self.model()
        if model.settling:
            model.settled.connect(lambda: self.select_refs(refs),
                                  Qt.ConnectionType.SingleShotConnection)
            return
        self.select_rows(model.view_rows(refs))

    def first_selected_row(self) -> int | None:
        rows = [span.top() for span in self.selectionModel().selection()]
        return min(rows) if rows else None

    def select_near(self, row: int | None) -> None:
        """After a removal left nothing selected: the row now at `row` (or the last one),
        as a file manager does."""
        count = self.model().rowCount()
        if row is None or not count or self.selectionModel().hasSelection():
            return
        self.select_rows([min(row, count - 1)])

    def selected_runs(self) -> list[tuple[int, int]]:
        """The selected rows as sorted, disjoint (first, last) runs (whole rows here)."""
        selection = self.selectionModel()
        if selection is None:
            return []
        return _merged([(span.top(), span.bottom()) for span in selection.selection()])

    def selected_count(self) -> int:
        return sum(last + 1 - first for first, last in self.selected_runs())

    def selected_refs(self) -> Sequence[int]:
        """Every selected task's ref, none decoded (a selection of a million rows)."""
        return self.model().refs_in(self.selected_runs())

    def selected_tasks(self, limit: int | None = None) -> list[TrackedTask]:
        """The selected tasks, the first `limit` of them with a limit (what a batch or a
        selection change reads: a million selected rows are not decoded for the actions).

        From the selection's ranges, not `selectedRows()`, which asks the model for the
        flags of every selected cell. Read once per selection: a batch then costs what it
        changed (`take_changes`), not a read of 10,000 selected rows."""
        if self._selected is not None:
            cached, whole = self._selected
            if whole or (limit is not None and limit <= len(cached)):
                return cached[:limit]
        rows: list[int] = []
        for first, last in self.selected_runs():
            room = last + 1 - first if limit is None else limit - len(rows)
            rows.extend(range(first, min(last + 1, first + room)))
        whole = len(rows) == self.selected_count()
        cached = self.model().tasks_at(rows)
        self._selected = (cached, whole)
        return list(cached)

    def take_changes(self, tasks: Sequence[TrackedTask]) -> None:
        """A batch's new copies replace the selected tasks' old ones."""
        if self._selected:
            changed = {task.ref: task for task in tasks}
            cached, whole = self._selected
            self._selected = ([changed.get(task.ref, task) for task in cached], whole)

    def _forget_selected(self, *_: object) -> None:
        self._selected = None

    def startDrag(self, supported: Qt.DropAction) -> None:
        payload = drag_payload(self.selected_tasks())
        if payload.pending:
            self._on_pending(payload.pending)
        if not payload.files:
            return
        drag = QDrag(self)
        drag.setMimeData(payload_mime(payload))
        pixmap = drag_pixmap(self, payload.files)
        drag.setPixmap(pixmap)
        drag.setHotSpot(QPoint(-12, -12))  # the card sits below-right of the pointer
        drag.exec(Qt.DropAction.CopyAction, Qt.DropAction.CopyAction)

    def placeholder(self) -> str:
        """What the empty table says when the filter hides every task ("" otherwise)."""
        model = self.model()
        query = model.query
        if model.rowCount() or model.settling or not (query.text or query.groups):
            return ""
        if query.text:
            return self.tr("No task matches “{text}”. Esc clears the filter.").format(
                text=query.text)
        return self.tr("No task is in this state. “All” shows every task.")

    def paintEvent(self, event: Any) -> None:
        super().paintEvent(event)
        text = self.placeholder()
        if text:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().placeholderText().color())
            painter.drawText(self.viewport().rect().adjusted(16, 24, -16, 0),
                             int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
                                 | Qt.TextFlag.TextWordWrap), text)
            painter.end()

    def repaint_columns(self, columns: Sequence[int]) -> None:
        """Repaint these columns where they are on screen (what moves with the clock is
        painted from the clock: no model change, no re-sort, nothing off screen)."""
        height = self.viewport().height()
        for column in columns:
            if not self.isColumnHidden(column):
                self.viewport().update(QRect(self.columnViewportPosition(column), 0,
                                             self.columnWidth(column), height))

    def repaint_moving(self, column: int) -> None:
        """Repaint the visible cells of `column` whose bar moves on its own (a stripe)."""
        model = self.model()
        first = self.rowAt(0)
        if first < 0 or model is None:
            return
        last = self.rowAt(self.viewport().height() - 1)
        last = model.rowCount() - 1 if last < 0 else last
        for row in range(first, last + 1):
            index = model.index(row, column)
            if index.data(Role.INDETERMINATE):
                self.viewport().update(self.visualRect(index))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fitter.fit()


def _merged(spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted runs, overlapping or touching ones joined (a selection's ranges overlap when
    rows were added to it by Ctrl+click)."""
    runs: list[tuple[int, int]] = []
    for first, last in sorted(spans):
        if runs and first <= runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], max(runs[-1][1], last))
        else:
            runs.append((first, last))
    return runs
