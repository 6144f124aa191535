"""Sorting and filtering of the task table: free text (Ctrl+F) and a state filter.

A Python proxy, not a `QSortFilterProxyModel`: that one asks the model for a sort value
twice per comparison and filters row by row through Qt — a second per sort and 300 ms
per keystroke with 10,000 rows. Here each row's sort key and filter text are computed
once (again only when the row changes), and sorting and filtering are list operations.
Selection and the current row survive every re-order (persistent indexes follow refs).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
)

from videomon.ui import wording
from videomon.ui.table.model import TaskTableModel, row_runs

Index = QModelIndex | QPersistentModelIndex

#: the state filter's choices: name → the groups it shows (None: all)
STATE_FILTERS: dict[str, frozenset[str] | None] = {
    QT_TRANSLATE_NOOP("TaskFilterProxy", "All"): None,
    QT_TRANSLATE_NOOP("TaskFilterProxy", "Active"): frozenset({wording.ACTIVE}),
    QT_TRANSLATE_NOOP("TaskFilterProxy", "Finished"): frozenset({wording.FINISHED}),
    QT_TRANSLATE_NOOP("TaskFilterProxy", "Failed"): frozenset({wording.FAILED}),
    QT_TRANSLATE_NOOP("TaskFilterProxy", "Not found"): frozenset({wording.NOT_FOUND}),
}


def state_filter_label(name: str) -> str:
    """A state filter's name as the menu shows it (translated)."""
    return QCoreApplication.translate("TaskFilterProxy", name)


class TaskFilterProxy(QAbstractTableModel):
    """The table's rows in view order: `mapToSource`/`mapFromSource` as a Qt proxy has."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._source: TaskTableModel | None = None
        self._text = ""
        self._groups: frozenset[str] | None = None
        self._state_filter = "All"
        self._sort_column = -1
        self._descending = False
        self._order: list[int] = []     # view row -> source row
        self._pos: dict[int, int] = {}  # source row -> view row
        self._keys: dict[int, Any] = {}      # ref -> sort key (current column)
        self._haystacks: dict[int, tuple[str, str]] = {}  # ref -> (group, lower text)
        self._saved: list[tuple[QModelIndex, int]] = []
        # filter texts are worked out ahead, a slice per idle moment: the first keystroke
        # in the filter box then costs what the others do
        self._warm_from = 0
        self._warmer = QTimer(self)
        self._warmer.setSingleShot(True)
        self._warmer.setInterval(0)
        self._warmer.timeout.connect(self._warm)

    # -- the source -------------------------------------------------------------------------
    def setSourceModel(self, model: TaskTableModel) -> None:
        self.beginResetModel()
        self._source = model
        model.modelAboutToBeReset.connect(self.beginResetModel)
        model.modelReset.connect(self._source_reset)
        for about in (model.rowsAboutToBeInserted, model.rowsAboutToBeRemoved):
            about.connect(lambda *_: self._layout_about())
        for done in (model.rowsInserted, model.rowsRemoved):
            done.connect(lambda *_: self._layout_done())
        model.dataChanged.connect(self._source_changed)
        self._source_reset()

    def sourceModel(self) -> TaskTableModel | None:
        return self._source

    def _source_reset(self) -> None:
        """(Inside a model reset: ends it.)"""
        self._keys.clear()
        self._haystacks.clear()
        self._rebuild()
        self.endResetModel()
        self._warm_later()

    def _warm_later(self, from_row: int = 0) -> None:
        """Fill the filter-text cache again from `from_row` on (rows before it are done)."""
        self._warm_from = min(self._warm_from, from_row) if self._warmer.isActive() \
            else from_row
        self._warmer.start()

    def _warm(self, rows: int = 300) -> None:
        """Fill the filter-text cache for the next `rows` rows that lack it (~3 ms)."""
        if self._source is None:
            return
        count, done, row = self._source.rowCount(), 0, self._warm_from
        while row < count and done < rows:
            if self._source.task_at(row).ref not in self._haystacks:
                self._accepts(row)
                done += 1
            row += 1
        self._warm_from = row
        if row < count:
            self._warmer.start()

    def _source_changed(self, top: QModelIndex, bottom: QModelIndex, roles: Any = ()) -> None:
        assert self._source is not None
        rows = range(top.row(), bottom.row() + 1)
        moved = False
        filtered = self._groups is not None or bool(self._text)
        for row in rows:
            ref = self._source.task_at(row).ref
            self._haystacks.pop(ref, None)
            key = self._keys.pop(ref, None)
            if self._sort_column >= 0 and key != self._key(row):
                moved = True
            if filtered and self._accepts(row) != (row in self._pos):
                moved = True
        self._warm_later(top.row())  # only these rows lost their filter text
        if moved:
            self._layout_about()
            self._layout_done()
            return
        for first, last in row_runs(self._pos[r] for r in rows if r in self._pos):
            self.dataChanged.emit(self.index(first, top.column()),
                                  self.index(last, bottom.column()))

    # -- what a row is sorted and filtered by ------------------------------------------------
    def _key(self, row: int) -> Any:
        assert self._source is not None
        task = self._source.task_at(row)
        key = self._keys.get(task.ref)
        if key is None:
            key = self._keys[task.ref] = self._source.sort_key(task, self._sort_column)
        return key

    def _accepts(self, row: int) -> bool:
        assert self._source is not None
        task = self._source.task_at(row)
        found = self._haystacks.get(task.ref)
        if found is None:
            found = self._haystacks[task.ref] = (wording.state_group(task),
                                                 self._source.filter_text(task).lower())
        group, haystack = found
        if self._groups is not None and group not in self._groups:
            return False
        return not self._text or self._text in haystack

    def _rebuild(self) -> None:
        count = self._source.rowCount() if self._source is not None else 0
        rows = [r for r in range(count) if self._accepts(r)] \
            if self._groups is not None or self._text else list(range(count))
        if self._sort_column >= 0:
            # one key type per column (`sort_key`); rows ascending: ties keep that order
            keyed = [(self._key(r), r) for r in rows]
            keyed.sort(key=lambda kr: kr[0], reverse=self._descending)
            rows = [r for _, r in keyed]
        self._order = rows
        self._pos = {source: view for view, source in enumerate(rows)}

    # -- re-ordering that keeps the selection ------------------------------------------------
    def _layout_about(self) -> None:
        if self._saved:
            return  # already in a change
        self.layoutAboutToBeChanged.emit()
        assert self._source is not None
        self._saved = [(QModelIndex(index), self._source.task_at(self._order[index.row()]).ref)
                       for index in self.persistentIndexList()
                       if 0 <= index.row() < len(self._order)]
        if not self._saved:
            self._saved = [(QModelIndex(), -1)]

    def _layout_done(self) -> None:
        assert self._source is not None
        self._rebuild()
        self._warm_later()
        saved, self._saved = self._saved, []
        old, new = [], []
        for index, ref in saved:
            if not index.isValid():
                continue
            row = self._source.row_of(ref)
            view = self._pos.get(row) if row is not None else None
            old.append(index)
            new.append(self.index(view, index.column()) if view is not None else QModelIndex())
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    def _refilter(self, change: Callable[[], None]) -> None:
        self._layout_about()
        change()
        self._layout_done()

    # -- the filters and the sort ------------------------------------------------------------
    @property
    def state_filter(self) -> str:
        return self._state_filter

    def set_text(self, text: str) -> None:
        self._refilter(lambda: setattr(self, "_text", text.strip().lower()))

    def set_state_filter(self, name: str) -> None:
        def change() -> None:
            self._state_filter = name if name in STATE_FILTERS else "All"
            self._groups = STATE_FILTERS[self._state_filter]

        self._refilter(change)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        def change() -> None:
            if column != self._sort_column:
                self._keys.clear()
            self._sort_column = column
            self._descending = order == Qt.SortOrder.DescendingOrder

        self._refilter(change)

    # -- a proxy's mapping -----------------------------------------------------------------
    def mapToSource(self, index: Index) -> QModelIndex:
        if not index.isValid() or self._source is None or index.row() >= len(self._order):
            return QModelIndex()
        return self._source.index(self._order[index.row()], index.column())

    def mapFromSource(self, index: Index) -> QModelIndex:
        view = self._pos.get(index.row()) if index.isValid() else None
        return QModelIndex() if view is None else self.index(view, index.column())

    # -- QAbstractTableModel -----------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._order)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self._source is None else self._source.columnCount()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self._source is None or not index.isValid() or index.row() >= len(self._order):
            return None
        return self._source.data(self._source.index(self._order[index.row()], index.column()),
                                 role)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self._source is None:
            return None
        return self._source.headerData(section, orientation, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        row = index.row()
        if self._source is None or not index.isValid() or row >= len(self._order):
            return Qt.ItemFlag.NoItemFlags
        return self._source.row_flags(self._order[row])

    def view_rows(self, refs: Sequence[int]) -> list[int]:
        """Where these tasks are in the view (those shown)."""
        if self._source is None:
            return []
        rows = (self._source.row_of(ref) for ref in refs)
        return [v for v in (self._pos.get(r) for r in rows if r is not None) if v is not None]

    def tasks_at(self, rows: Sequence[int]) -> list[Any]:
        """The tasks of these view rows (no Qt calls: selections of 10,000 rows)."""
        if self._source is None:
            return []
        order = self._order
        return self._source.tasks_at(order[r] for r in rows if 0 <= r < len(order))

