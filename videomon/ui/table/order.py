"""What the table is sorted and filtered by: the state filter's choices and each column's
order in SQL (the store has an index for each; `TaskTableModel` asks `TaskListing`)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from videomon.core.domain.task import Group
from videomon.core.tracking.listing import Order
from videomon.ui.table.columns import Column

#: the state filter's choices: name → the groups it shows (None: all)
STATE_FILTERS: dict[str, frozenset[Group] | None] = {
    QT_TRANSLATE_NOOP("TaskFilterProxy", "All"): None,
    QT_TRANSLATE_NOOP("TaskFilterProxy", "Active"): frozenset({Group.ACTIVE}),
    QT_TRANSLATE_NOOP("TaskFilterProxy", "Finished"): frozenset({Group.FINISHED}),
    QT_TRANSLATE_NOOP("TaskFilterProxy", "Failed"): frozenset({Group.FAILED}),
    QT_TRANSLATE_NOOP("TaskFilterProxy", "Not found"): frozenset({Group.NOT_FOUND}),
}

#: beyond the state groups, the state filter offers the starred tasks and each tag in use
STARRED = QT_TRANSLATE_NOOP("TaskFilterProxy", "Starred")
TAG_PREFIX = "tag:"


def filter_choice(name: str) -> tuple[frozenset[Group] | None, bool, str | None]:
    """What a state filter's name shows: (groups, starred only, tag); unknown → all."""
    if name == STARRED:
        return None, True, None
    if name.startswith(TAG_PREFIX) and name[len(TAG_PREFIX):]:
        return None, False, name[len(TAG_PREFIX):]
    return STATE_FILTERS.get(name), False, None


#: each column's order, and whether it runs against the column's direction: Elapsed sorts
#: by when the task was added, the oldest (the longest running) last when ascending
ORDER_OF: dict[Column, tuple[Order, bool]] = {
    Column.TASK_ID: (Order.TASK_ID, False),
    Column.PROVIDER: (Order.PROVIDER, False),
    Column.MODEL: (Order.MODEL, False),
    Column.STATE: (Order.STATE, False),
    Column.PROGRESS: (Order.PROGRESS, False),
    Column.ELAPSED: (Order.ADDED, True),
    Column.CHECKED: (Order.CHECKED, False),
    Column.DOWNLOAD: (Order.DOWNLOAD, False),
    Column.OUTPUT: (Order.OUTPUT, False),
}


def state_filter_label(name: str) -> str:
    """A state filter's name as the menu shows it (translated)."""
    return QCoreApplication.translate("TaskFilterProxy", name)
