"""The table of tracked tasks: a `QAbstractTableModel` fed by the engine's change batches.

Rows are keyed by the task's `ref`. A batch of changed tasks becomes `dataChanged` for
the contiguous row ranges that changed (and only the columns that changed), new tasks
are inserted, removed ones taken out — never a model reset after the first load.
"""

from __future__ import annotations

import enum
import time
from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QIcon

from videomon.core.domain.snapshot import TaskState
from videomon.core.domain.task import DownloadState, TrackedTask, Watch
from videomon.core.tracking.tally import TaskTally
from videomon.core.transfers.download_manager import TransferProgress
from videomon.core.transfers.media import draggable, expiry_warning
from videomon.ui import wording
from videomon.ui.table.columns import Column

Index = QModelIndex | QPersistentModelIndex


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
    return (task.task_id, task.profile, task.model, (task.state, task.watch),
            (task.progress, task.state, task.last_change_at),
            (task.added_at, task.state, task.snapshot and task.snapshot.created_at),
            (task.last_checked_at, task.next_poll_at, task.watch),
            (task.download_state, task.download_error, task.expires_at),
            (tuple(task.video_urls), task.download_state, task.download_paths,
             task.problem_message, task.error))


class TaskTableModel(QAbstractTableModel):
    def __init__(self, icons: dict[str, QIcon] | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._tasks: list[TrackedTask] = []
        self._rows: dict[int, int] = {}
        self._icons = icons or {}
        self._progress: dict[int, TransferProgress] = {}
        self._held: frozenset[str] = frozenset()  # providers whose tasks are not polled
        #: the counts of the rows, kept as they change
        self.tally = TaskTally()
        self.now = time.time  # replaced in tests

    # -- the engine's batches ----------------------------------------------------------------
    def set_tasks(self, tasks: Iterable[TrackedTask]) -> None:
        """The initial load (the only reset)."""
        self.beginResetModel()
        self._tasks = list(tasks)
        self.tally = TaskTally(self._tasks)
        self._reindex()
        self.endResetModel()

    def upsert(self, tasks: Sequence[TrackedTask]) -> None:
        """Apply a batch: changed rows get `dataChanged` per contiguous range."""
        changed: dict[int, set[int]] = {}
        new: list[TrackedTask] = []
        for task in tasks:
            row = self._rows.get(task.ref)
            if row is None:
                new.append(task)
                continue
            old = self._tasks[row]
            before = _fields(old)
            self._tasks[row] = task
            self.tally.replace(old, task)
            if task.download_state is not DownloadState.DOWNLOADING:
                self._progress.pop(task.ref, None)
            after = _fields(task)
            columns = {c for c, (a, b) in enumerate(zip(before, after, strict=True)) if a != b}
            if columns:
                changed[row] = columns
        for first, last, columns in _ranges(changed):
            self.dataChanged.emit(self.index(first, min(columns)),
                                  self.index(last, max(columns)))
        if new:
            start = len(self._tasks)
            self.beginInsertRows(QModelIndex(), start, start + len(new) - 1)
            self._tasks.extend(new)
            for offset, task in enumerate(new):
                self._rows[task.ref] = start + offset
                self.tally.add(task)
            self.endInsertRows()

    def update_progress(self, reports: Sequence[TransferProgress]) -> None:
        """Bytes moving in running downloads: `dataChanged` on the Download column of those
        rows. (Whether a download runs is the task's `download_state`, from its batch.)"""
        changed: dict[int, set[int]] = {}
        for report in reports:
            row = self._rows.get(report.ref)
            if row is None or self._tasks[row].download_state is not DownloadState.DOWNLOADING:
                continue
            self._progress[report.ref] = report
            changed[row] = {Column.DOWNLOAD}
        for first, last, _ in _ranges(changed):
            self.dataChanged.emit(self.index(first, Column.DOWNLOAD),
                                  self.index(last, Column.DOWNLOAD))

    def set_held_profiles(self, names: Iterable[str]) -> None:
        """Providers not polled now (a rejected key, an unusable entry): their rows' Checked
        cell says so instead of "checking…"."""
        held = frozenset(names)
        touched = held ^ self._held
        self._held = held
        rows = {row: {int(Column.CHECKED)} for row, task in enumerate(self._tasks)
                if task.profile in touched}
        for first, last, _ in _ranges(rows):
            self.dataChanged.emit(self.index(first, Column.CHECKED),
                                  self.index(last, Column.CHECKED))

    def progress(self, ref: int) -> TransferProgress | None:
        """How far the task's running download has got (None when none runs)."""
        return self._progress.get(ref)

    def remove(self, refs: Iterable[int]) -> None:
        rows = [self._rows[r] for r in refs if r in self._rows]
        for row in rows:
            self.tally.discard(self._tasks[row])
        for first, last in reversed(row_runs(rows)):  # highest first: indexes stay valid
            self.beginRemoveRows(QModelIndex(), first, last)
            del self._tasks[first:last + 1]
            self.endRemoveRows()
        if rows:
            self._reindex()

    def _reindex(self) -> None:
        self._rows = {task.ref: row for row, task in enumerate(self._tasks)}

    # -- lookups ---------------------------------------------------------------------------
    def task(self, ref: int) -> TrackedTask | None:
        row = self._rows.get(ref)
        return None if row is None else self._tasks[row]

    def row_of(self, ref: int) -> int | None:
        return self._rows.get(ref)

    def task_at(self, row: int) -> TrackedTask:
        return self._tasks[row]

    def tasks_at(self, rows: Iterable[int]) -> list[TrackedTask]:
        """The tasks of these rows (no Qt calls: selections of 10,000 rows)."""
        return [self._tasks[r] for r in rows if 0 <= r < len(self._tasks)]

    def filter_text(self, task: TrackedTask) -> str:
        """What Ctrl+F searches in a row: its visible ID, provider, model, state, output,
        and the full task ID and label."""
        shown = (self._display(task, c) for c in (Column.TASK_ID, Column.PROVIDER,
                                                 Column.MODEL, Column.STATE, Column.OUTPUT))
        return " ".join((*shown, task.task_id, task.label or ""))

    def tasks(self) -> list[TrackedTask]:
        return list(self._tasks)

    # -- QAbstractTableModel ----------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._tasks)

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
        return self.row_flags(index.row())

    def row_flags(self, row: int) -> Qt.ItemFlag:
        """Finished videos can be dragged out (as files, or to start their download).
        (Asked for every cell a selection touches: kept to a lookup and a test.)"""
        if row < len(self._tasks) and draggable(self._tasks[row]):
            return _DRAGGABLE
        return _SELECTABLE

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._tasks):
            return None
        task = self._tasks[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(task, column)
        if role == Role.TASK:
            return task
        if role == Role.REF:
            return task.ref
        if role == Role.PROGRESS:
            return wording.progress_value(task)
        if role == Role.INDETERMINATE:
            return wording.is_indeterminate(task, self.now())
        if role == Role.GROUP:
            return wording.state_group(task)
        if role == Role.DOWNLOAD:
            return self._progress.get(task.ref)
        if role == Role.EXPIRES_IN:
            return expiry_warning(task, self.now())
        if role == Qt.ItemDataRole.DecorationRole and column is Column.STATE:
            return self._icons.get(self._icon_name(task))
        if role == Qt.ItemDataRole.DecorationRole and column is Column.DOWNLOAD \
                and expiry_warning(task, self.now()) is not None:
            return self._icons.get("problem")
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(task, column)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._accessible(task, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.spec.right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, task: TrackedTask, column: Column) -> str:
        now = self.now()
        if column is Column.TASK_ID:
            return task.label or task.task_id
        if column is Column.PROVIDER:
            return task.profile
        if column is Column.MODEL:
            return task.model or ""
        if column is Column.STATE:
            return wording.state_text(task)
        if column is Column.PROGRESS:
            value = wording.progress_value(task)
            return wording.percent(value)
        if column is Column.ELAPSED:
            return wording.duration(wording.elapsed_seconds(task, now))
        if column is Column.CHECKED:
            return wording.checked_text(task, now, held=task.profile in self._held)
        if column is Column.DOWNLOAD:
            return wording.download_text(task, self._progress.get(task.ref), now)
        return wording.output_text(task)

    def _accessible(self, task: TrackedTask, column: Column) -> str:
        """What a screen reader says for a cell: the progress cell says the state too."""
        if column is Column.PROGRESS:
            value = wording.progress_value(task)
            amount = self.tr("progress unknown") if value is None else wording.percent(value)
            return self.tr("{state}, {amount}").format(state=wording.state_text(task),
                                                       amount=amount)
        return self._display(task, column)

    def sort_key(self, task: TrackedTask, column: int) -> Any:
        """A value that sorts the column right (numbers, times, ranks; else the text)."""
        column = Column(column)
        if column is Column.PROGRESS:
            value = wording.progress_value(task)
            return -1.0 if value is None else value
        if column is Column.ELAPSED:
            return wording.elapsed_seconds(task, self.now())
        if column is Column.CHECKED:
            return task.last_checked_at or 0.0
        if column is Column.DOWNLOAD:
            order = {None: 0, DownloadState.CANCELLED: 1, DownloadState.FAILED: 2,
                     DownloadState.QUEUED: 3, DownloadState.DOWNLOADING: 4, DownloadState.DONE: 5}
            return order.get(task.download_state, 0)
        if column is Column.STATE:
            order = list(TaskState).index(task.state)
            return order * 10 + (0 if task.watch is Watch.ACTIVE else 5)
        return self._display(task, column).lower()

    def _tooltip(self, task: TrackedTask, column: Column) -> str | None:
        if column is Column.TASK_ID:
            return task.task_id
        if column in (Column.PROVIDER, Column.MODEL, Column.CHECKED):  # (may be cut short)
            return self._display(task, column) or None
        if column is Column.STATE and task.watch is Watch.PAUSED:
            return self.tr("Polling paused; the task was {state} when last checked").format(
                state=wording.state_word(task.state).lower())
        if column is Column.PROGRESS and wording.is_indeterminate(task, self.now()) \
                and task.progress is not None:
            return self.tr("The provider reports {percent}%, unchanged for {time}").format(
                percent=wording.percent_number(task.progress),
                time=wording.duration(self.now() - (task.last_change_at or self.now())))
        if column is Column.DOWNLOAD:
            left = expiry_warning(task, self.now())
            parts = [task.download_error or ""]
            if left is not None:
                parts.append(self.tr("The video link expires in {time}; download it before "
                                     "then.").format(time=wording.duration(max(0.0, left))))
            parts += task.download_paths
            return "\n".join(p for p in parts if p) or None
        if column is Column.STATE:
            found = wording.reasons(task)
            return self.tr("{state}: {reasons}").format(
                state=wording.state_text(task), reasons="\n".join(found)) if found else None
        if column is Column.OUTPUT:
            where = list(task.download_paths if task.saved else task.video_urls)
            return "\n".join(dict.fromkeys(where[:1] + wording.reasons(task))) or None
        return None

    @staticmethod
    def _icon_name(task: TrackedTask) -> str:
        if task.watch is Watch.PAUSED:
            return "paused"
        if task.watch in (Watch.NOT_FOUND, Watch.STALE):
            return "problem"
        if task.problem_kind and not task.state.terminal:
            return "problem"
        return task.state.value


def _ranges(changed: dict[int, set[int]]) -> list[tuple[int, int, set[int]]]:
    """Contiguous runs of changed rows, each with the union of its changed columns."""
    return [(first, last, set().union(*(changed[r] for r in range(first, last + 1))))
            for first, last in row_runs(changed)]


def row_runs(rows: Iterable[int]) -> list[tuple[int, int]]:
    """Rows as (first, last) runs of consecutive numbers, lowest first (duplicates once)."""
    runs: list[tuple[int, int]] = []
    for row in sorted(set(rows)):
        if runs and row == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs
