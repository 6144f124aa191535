"""The table of tracked tasks: a `QAbstractTableModel` over a window of the store's rows.

Every ref in view order is held (`RowWindow`: sort and filter run in SQL); the rows the view
paints are decoded a block at a time. A batch of changed tasks becomes `dataChanged` for the
contiguous row ranges that changed (and only the columns that changed), new tasks are
inserted, removed ones taken out, moved ones re-placed in one layout change that keeps the
selection by ref — never a model reset after the first load.
"""
from __future__ import annotations

import dataclasses
import enum
import time
from array import array
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QGuiApplication, QIcon, QPalette

from videomon.core.domain.task import DownloadState, TrackedTask
from videomon.core.tracking.listing import Order, Query, TaskListing
from videomon.core.transfers.download_manager import TransferProgress
from videomon.core.transfers.media import draggable, expiry_warning
from videomon.ui import wording
from videomon.ui.table import cells
from videomon.ui.table.columns import Column
from videomon.ui.table.list_reader import ListReader
from videomon.ui.table.order import ORDER_OF, STATE_FILTERS, filter_choice
from videomon.ui.table.rows import MOVES, RowWindow, ranges, row_runs

Index = QModelIndex | QPersistentModelIndex


# lists at least this long are read again off the window's thread (a new sort or filter)
ASYNC_ROWS = 50_000
# above this many refs a removal (or an undo) is one pass over the rows (or a re-read)
BULK = 1000

_TEXT_ROLES = {Qt.ItemDataRole.DisplayRole: cells.display,
               Qt.ItemDataRole.ToolTipRole: cells.tooltip,
               Qt.ItemDataRole.AccessibleTextRole: cells.accessible}
_SELECTABLE = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
_DRAGGABLE = _SELECTABLE | Qt.ItemFlag.ItemIsDragEnabled


class Role(enum.IntEnum):
    TASK = Qt.ItemDataRole.UserRole + 1       # the TrackedTask
    REF = Qt.ItemDataRole.UserRole + 2
    # (UserRole + 3 was the sort value of Qt's proxy; the table's proxy asks `sort_key`)
    PROGRESS = Qt.ItemDataRole.UserRole + 4   # float 0–100 or None
    INDETERMINATE = Qt.ItemDataRole.UserRole + 5
    GROUP = Qt.ItemDataRole.UserRole + 6      # active / finished / failed
    DOWNLOAD = Qt.ItemDataRole.UserRole + 7   # a running download's TransferProgress
    EXPIRES_IN = Qt.ItemDataRole.UserRole + 8  # seconds left when the link dies soon


def _fields(task: TrackedTask) -> tuple[Any, ...]:
    """What each column shows, to find which columns a change touched."""
    return ((task.task_id, task.label, task.starred, task.prompt, task.tags), task.profile,
            task.model, (task.state, task.watch),
            (task.progress, task.state, task.last_change_at),
            (task.added_at, task.state, task.snapshot and task.snapshot.created_at),
            (task.last_checked_at, task.next_poll_at, task.watch),
            (task.download_state, task.download_error, task.expires_at),
            (tuple(task.video_urls), task.download_state, task.download_paths,
             task.problem_message, task.error))


def _may_move(query: Query, before: TrackedTask | None, task: TrackedTask) -> bool:
    """Whether a change can put `task` elsewhere in `query`'s list (or in or out of it)."""
    if before is None or query.matches(before) != query.matches(task):
        return True
    return query.matches(task) and query.key(before) != query.key(task)

class TaskTableModel(QAbstractTableModel):
    # the rows show the last query asked for (its list was read)
    settled = Signal()
    #: the user typed a title in the first column (F2): ref, text ("" clears it)
    titleEdited = Signal(int, str)

    def __init__(self, listing: TaskListing, icons: dict[str, QIcon] | None = None,
                 parent: Any = None) -> None:
        super().__init__(parent)
        self._rows = RowWindow(listing)
        self._icons = icons or {}
        self._progress: dict[int, TransferProgress] = {}
        self._held: frozenset[str] = frozenset()  # providers whose tasks are not polled
        self._state_filter = "All"
        self._loaded = False  # (a sort or filter set before `load` is only remembered)
        self._reader = ListReader(self._rows, self)
        self._reader.ready.connect(self._adopt)
        self._wanted: Query | None = None  # a list being read off the window's thread
        self._meanwhile: dict[int, TrackedTask] = {}  # what changed while it was read
        self._rereads = 0  # lists read again because too much moved meanwhile
        self.now = time.time  # replaced in tests

    # -- the engine's batches ----------------------------------------------------------------
    def load(self) -> None:
        """The first read of the rows (the only reset)."""
        self.beginResetModel()
        self._rows.seed()
        self._rows.reload()
        self._loaded = True
        self.endResetModel()

    def upsert(self, tasks: Sequence[TrackedTask]) -> list[TrackedTask]:
        """Apply a batch: changed rows get `dataChanged` per contiguous range, new ones are
        inserted, moved ones re-placed. Returns the tasks that reached their end in it."""
        if self._wanted is not None:  # a list is being read: what it may place wrongly
            self._meanwhile.update((t.ref, t) for t in tasks if _may_move(
                self._wanted, self._rows.known(t.ref), t))
        batch = self._rows.apply(tasks)
        before = {t.ref: old for t, old in batch.moved} | \
            {self._rows.refs[row]: old for row, old in batch.cells.items()}
        for task in tasks:
            if task.download_state is not DownloadState.DOWNLOADING:
                self._progress.pop(task.ref, None)
        changed: dict[int, set[int]] = {}
        for row, old in batch.cells.items():
            task = self._rows.task_at(row)
            if old is None or task is None:
                changed[row] = set(range(len(Column)))
                continue
            columns = {c for c, (a, b) in enumerate(zip(_fields(old), _fields(task),
                                                        strict=True)) if a != b}
            if columns:
                changed[row] = columns
        for first, last, columns in ranges(changed):
            self.dataChanged.emit(self.index(first, min(columns)),
                                  self.index(last, max(columns)))
        if len(batch.moved) > MOVES and (self._wanted or len(self._rows) >= ASYNC_ROWS):
            self._meanwhile.update((t.ref, t) for t, _ in batch.moved)  # (placed on adopt)
            if self._wanted is None:
                self._read(self.query)
        elif batch.moved:
            self._relayout(lambda: self._rows.move(batch.moved))
        if batch.appended:
            count = len(self._rows)
            start = 0 if self._rows.query.descending else count
            self.beginInsertRows(QModelIndex(), start, start + len(batch.appended) - 1)
            self._rows.append(batch.appended)
            self.endInsertRows()
        return [t for t in tasks if t.state.terminal and (old := before.get(t.ref)) is not None
                and not old.state.terminal]

    def update_progress(self, reports: Sequence[TransferProgress]) -> None:
        """Bytes moving in running downloads: `dataChanged` on the Download column of those
        rows. (Whether a download runs is the task's `download_state`, from its batch.)"""
        changed: dict[int, set[int]] = {}
        for report in reports:
            task = self._rows.known(report.ref)
            if task is None or task.download_state is not DownloadState.DOWNLOADING:
                continue
            self._progress[report.ref] = report
            row = self._rows.row_of(report.ref, task)
            if row is not None:
                changed[row] = {Column.DOWNLOAD}
        for first, last, _ in ranges(changed):
            self.dataChanged.emit(self.index(first, Column.DOWNLOAD),
                                  self.index(last, Column.DOWNLOAD))

    def set_held_profiles(self, names: Iterable[str]) -> None:
        """Providers not polled now (a rejected key, an unusable entry): their rows' State
        and Checked cells say so, without a moving stripe. (The view repaints only what it
        shows.)"""
        held = frozenset(names)
        if held != self._held and self.rowCount():
            self._held = held
            self.dataChanged.emit(self.index(0, Column.STATE),
                                  self.index(self.rowCount() - 1, Column.CHECKED))
        self._held = held

    def progress(self, ref: int) -> TransferProgress | None:
        """How far the task's running download has got (None when none runs)."""
        return self._progress.get(ref)

    def remove(self, refs: Sequence[int]) -> None:
        if len(refs) > BULK:  # one pass over the rows, not a search for each ref
            gone = set(refs)
            self._relayout(lambda: self._rows.cut_refs(gone))
            return
        rows = self._rows.rows_removed(refs)
        runs = row_runs(rows)
        if len(runs) > 16:  # one layout change, not a signal per run
            self._relayout(lambda: self._rows.cut_rows(rows))
            return
        for first, last in reversed(runs):  # highest first: indexes stay valid
            self.beginRemoveRows(QModelIndex(), first, last)
            self._rows.cut(first, last)
            self.endRemoveRows()

    # -- sorting and filtering (in SQL) -------------------------------------------------------
    @property
    def state_filter(self) -> str:
        return self._state_filter

    @property
    def query(self) -> Query:
        """The rows' query (the one asked for last, while its list is still being read)."""
        return self._wanted or self._rows.query

    @property
    def settling(self) -> bool:
        """A list is being read off the window's thread (`settled` follows)."""
        return self._wanted is not None

    def set_text(self, text: str) -> None:
        self.set_query(dataclasses.replace(self.query, text=text.strip()))

    def set_state_filter(self, name: str) -> None:
        """A state group, the starred tasks ("Starred") or one tag ("tag:NAME")."""
        groups, starred, tag = filter_choice(name)
        known = name in STATE_FILTERS or starred or tag is not None
        self._state_filter = name if known else "All"
        self.set_query(dataclasses.replace(self.query, groups=groups, starred=starred,
                                           tag=tag))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        by, flip = ORDER_OF.get(Column(column), (Order.ADDED, False)) if column >= 0 \
            else (Order.ADDED, False)
        descending = (order == Qt.SortOrder.DescendingOrder) != flip
        self.set_query(dataclasses.replace(self.query, order=by, descending=descending))

    def set_query(self, query: Query) -> None:
        if not self._loaded:
            self._rows.query = query
        elif query == self.query:
            return
        else:
            self._read(query)

    def close(self) -> None:
        """Stop reading lists (the app's shutdown, before the store closes)."""
        self._reader.close()

    def returned(self, refs: Sequence[int]) -> None:
        """Stored tasks came back (an undo): placed as they come, or the list read again."""
        if len(refs) > BULK:
            self._read(self.query)
        else:
            self.upsert(list(self._rows.listing.block(refs).values()))

    def _read(self, query: Query) -> None:
        if max(len(self._rows), self._rows.top) < ASYNC_ROWS and self._wanted is None:
            self._relayout(lambda: self._rows.reload(query))
            self.settled.emit()
        else:  # a long list: read off the window's thread, the rows stay until it comes
            self._wanted, self._rereads = query, 0
            self._reader.read(query)

    def _adopt(self, query: Query, refs: array[int] | None, top: int) -> None:
        if query != self._wanted:
            return  # a newer query's list is on its way
        if refs is None:
            self._wanted = None
            self._meanwhile.clear()
            return
        meanwhile, self._meanwhile = list(self._meanwhile.values()), {}
        stale: list[bool] = []
        self._relayout(lambda: stale.append(self._rows.adopt(query, refs, top, meanwhile)))
        if stale[0] and self._rereads < 2:  # much moved while it was read: again (twice at
            self._rereads += 1              # most: with many polled tasks sorted by how far
            self._reader.read(query)        # they got, every read would be stale)
            return
        self._rereads = 0
        self._wanted = None
        self.settled.emit()

    def _relayout(self, change: Callable[[], None]) -> None:
        """Rows re-ordered, come or gone: one layout change; the selection and the current
        row follow their tasks (persistent indexes re-mapped by ref)."""
        self.layoutAboutToBeChanged.emit()
        refs = self._rows.refs
        saved = [(QModelIndex(index), refs[index.row()]) for index in self.persistentIndexList()
                 if 0 <= index.row() < len(refs)]
        change()
        rows = self._rows.rows_of(list({ref for _, ref in saved}))
        old = [index for index, _ in saved]
        new = [self.index(rows[ref], index.column()) if ref in rows else QModelIndex()
               for index, ref in saved]
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    # -- lookups ---------------------------------------------------------------------------
    def task(self, ref: int) -> TrackedTask | None:
        return self._rows.task(ref)

    def row_of(self, ref: int) -> int | None:
        return self._rows.row_of(ref)

    def view_rows(self, refs: Sequence[int]) -> list[int]:
        """Where these tasks are shown (those that are)."""
        return sorted(self._rows.rows_of(refs).values())

    def task_at(self, row: int) -> TrackedTask | None:
        return self._rows.task_at(row)

    def refs_in(self, runs: Iterable[tuple[int, int]]) -> array[int]:
        """The refs of these (first, last) runs of rows, none decoded."""
        return self._rows.refs_in(runs)

    def tasks_at(self, rows: Iterable[int]) -> list[TrackedTask]:
        """The tasks of these rows (no Qt calls: selections of 100,000 rows)."""
        return self._rows.tasks_at(rows)

    # -- QAbstractTableModel ----------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return Column(section).title
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole \
                and section == Column.CHECKED:
            return self.tr("When the provider was last asked, and when it will be asked next")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.column() == Column.TASK_ID:  # the title is edited in place (F2)
            return self.row_flags(index.row()) | Qt.ItemFlag.ItemIsEditable
        return self.row_flags(index.row())

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """A title typed in the first column goes to the engine (`titleEdited`); the row
        shows it when the engine's batch comes back."""
        task = self._rows.task_at(index.row()) if index.isValid() else None
        if task is None or role != Qt.ItemDataRole.EditRole or index.column() != Column.TASK_ID:
            return False
        text = " ".join(str(value or "").split())
        if text != (task.title or ""):
            self.titleEdited.emit(task.ref, text)
        return True

    def row_flags(self, row: int) -> Qt.ItemFlag:
        """Finished videos can be dragged out (as files, or to start their download).
        (Asked for every cell a selection touches: kept to a lookup and a test.)"""
        task = self._rows.task_at(row) if 0 <= row < len(self._rows) else None
        if task is not None and draggable(task):
            return _DRAGGABLE
        return _SELECTABLE

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        task = self._rows.task_at(index.row())
        if task is None:  # (removed from the store a moment ago: its batch is coming)
            return None
        column = Column(index.column())
        if role in _TEXT_ROLES:
            return _TEXT_ROLES[role](task, column, self.now(), task.profile in self._held,
                                     self._progress.get(task.ref))
        if role == Qt.ItemDataRole.EditRole and column is Column.TASK_ID:
            return task.title or ""
        if role == Qt.ItemDataRole.ForegroundRole and column is Column.TASK_ID \
                and cells.shows_prompt(task):  # (the prompt stands in for a title)
            return QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        if role == Role.TASK:
            return task
        if role == Role.REF:
            return task.ref
        if role == Role.PROGRESS:
            return wording.progress_value(task)
        if role == Role.INDETERMINATE:  # (no moving stripe while its provider is held)
            return wording.is_indeterminate(task, self.now()) and task.profile not in self._held
        if role == Role.GROUP:
            return wording.state_group(task)
        if role == Role.DOWNLOAD:
            return self._progress.get(task.ref)
        if role == Role.EXPIRES_IN:
            return expiry_warning(task, self.now())
        if role == Qt.ItemDataRole.DecorationRole and column is Column.STATE:
            return self._icons.get(cells.icon_name(task))
        if role == Qt.ItemDataRole.DecorationRole and column is Column.DOWNLOAD \
                and expiry_warning(task, self.now()) is not None:
            return self._icons.get("problem")
        if role == Qt.ItemDataRole.TextAlignmentRole and column.spec.right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
