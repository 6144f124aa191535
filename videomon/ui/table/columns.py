"""The table's columns, each described once: title, widths, whether it moves with the
clock alone, its alignment and delegate. The model, the view, the column fitting and the
saved window state all read this table."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication


class Column(enum.IntEnum):
    TASK_ID = 0
    PROVIDER = 1
    MODEL = 2
    STATE = 3
    PROGRESS = 4
    ELAPSED = 5
    CHECKED = 6
    DOWNLOAD = 7
    OUTPUT = 8

    @property
    def spec(self) -> ColumnSpec:
        return COLUMNS[self]

    @property
    def title(self) -> str:
        return QCoreApplication.translate("TaskTableModel", COLUMNS[self].title)


class Delegate(enum.StrEnum):
    """Which of the window's delegates paints a column (else the view's default)."""

    PROGRESS = "progress"
    DOWNLOAD = "download"
    OUTPUT = "output"


@dataclass(frozen=True, slots=True)
class ColumnSpec:
    title: str          # untranslated (context TaskTableModel)
    width: int          # preferred, when there is room
    minimum: int        # below this a cell no longer says what it holds
    clock: bool = False  # moves with the clock alone (repainted every second)
    right: bool = False  # aligned right (numbers)
    delegate: Delegate | None = None


#: "demo-openai", "37% · no change" (or "37%"), "12 s ago · next in 5 s" still read at the
#: minimums; the last shown column takes the rest of the width
COLUMNS: dict[Column, ColumnSpec] = {
    Column.TASK_ID: ColumnSpec(QT_TRANSLATE_NOOP("TaskTableModel", "Task ID"), 220, 100),
    Column.PROVIDER: ColumnSpec(QT_TRANSLATE_NOOP("TaskTableModel", "Provider"), 110, 96),
    Column.MODEL: ColumnSpec(QT_TRANSLATE_NOOP("TaskTableModel", "Model"), 100, 64),
    Column.STATE: ColumnSpec(QT_TRANSLATE_NOOP("TaskTableModel", "State"), 105, 100),
    Column.PROGRESS: ColumnSpec(QT_TRANSLATE_NOOP("TaskTableModel", "Progress"), 130, 80,
                                clock=True, delegate=Delegate.PROGRESS),
    Column.ELAPSED: ColumnSpec(QT_TRANSLATE_NOOP("TaskTableModel", "Elapsed"), 66, 60,
                               clock=True, right=True),
    Column.CHECKED: ColumnSpec(QT_TRANSLATE_NOOP("TaskTableModel", "Checked"), 150, 116,
                               clock=True),
    Column.DOWNLOAD: ColumnSpec(QT_TRANSLATE_NOOP("TaskTableModel", "Download"), 150, 72,
                                clock=True, delegate=Delegate.DOWNLOAD),
    Column.OUTPUT: ColumnSpec(QT_TRANSLATE_NOOP("TaskTableModel", "Output"), 260, 120,
                              delegate=Delegate.OUTPUT),
}

#: columns that move with the clock alone (repainted every second)
CLOCK_COLUMNS = tuple(c for c, spec in COLUMNS.items() if spec.clock)
#: in a window too narrow for every column's minimum, these give way first (for the moment)
GIVE_WAY = (Column.CHECKED, Column.ELAPSED, Column.MODEL, Column.DOWNLOAD, Column.PROVIDER)


def widths() -> dict[int, int]:
    return {c: spec.width for c, spec in COLUMNS.items()}


def minimums() -> dict[int, int]:
    return {c: spec.minimum for c, spec in COLUMNS.items()}
