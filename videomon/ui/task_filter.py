"""Sorting and filtering of the task table: free text (Ctrl+F) and a state filter."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from videomon.ui import format as fmt
from videomon.ui.task_model import Column, Role

#: the state filter's choices: name → the groups it shows (None: all)
STATE_FILTERS: dict[str, frozenset[str] | None] = {
    QT_TRANSLATE_NOOP("TaskFilterProxy", "All"): None,
    QT_TRANSLATE_NOOP("TaskFilterProxy", "Active"): frozenset({fmt.ACTIVE}),
    QT_TRANSLATE_NOOP("TaskFilterProxy", "Finished"): frozenset({fmt.FINISHED}),
    QT_TRANSLATE_NOOP("TaskFilterProxy", "Failed"): frozenset({fmt.FAILED}),
}


def state_filter_label(name: str) -> str:
    """A state filter's name as the menu shows it (translated)."""
    return QCoreApplication.translate("TaskFilterProxy", name)


class TaskFilterProxy(QSortFilterProxyModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(Role.SORT)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setDynamicSortFilter(True)
        self._text = ""
        self._groups: frozenset[str] | None = None
        self._state_filter = "All"

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

    def _refilter(self, change: Callable[[], None]) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt >= 6.10
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            change()
            self.invalidateFilter()

    def filterAcceptsRow(self, row: int,
                         parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        if self._groups is not None:
            group = model.data(model.index(row, 0, parent), Role.GROUP)
            if group not in self._groups:
                return False
        if not self._text:
            return True
        task = model.data(model.index(row, 0, parent), Role.TASK)
        haystack = " ".join(str(model.data(model.index(row, c, parent)) or "")
                            for c in (Column.TASK_ID, Column.PROVIDER, Column.MODEL,
                                      Column.STATE, Column.OUTPUT))
        if task is not None:
            haystack += f" {task.task_id} {task.label or ''}"
        return self._text in haystack.lower()
