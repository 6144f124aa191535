"""Columns that fit the view: the preferred widths when there is room, shrunk towards
their minimums when there is not, so the last column (which stretches) stays in sight.
When even the minimums do not fit (a narrow window), the columns that matter least give
way for the moment, in a set order, and come back when there is room; the user's own
hidden columns and the saved header are not touched by that.

A width the user sets by dragging a header edge becomes that column's preferred width.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QByteArray, QTimer
from PySide6.QtWidgets import QTableView


def fit_widths(columns: Sequence[tuple[int, int]], available: int, last_min: int) -> list[int]:
    """Widths for `columns` ((preferred, minimum) pairs, the last one excluded) so that
    they leave at least `last_min` of `available` to the last column. Each column gives
    up space in proportion to what it has above its minimum; none goes below it."""
    preferred = [max(p, m) for p, m in columns]
    excess = sum(preferred) + last_min - available
    if excess <= 0:
        return preferred
    slack = [p - m for p, (_, m) in zip(preferred, columns, strict=True)]
    total = sum(slack)
    if total <= excess:
        return [m for _, m in columns]
    widths = [p - excess * s // total for p, s in zip(preferred, slack, strict=True)]
    short = sum(widths) + last_min - available  # rounding: take the rest from the widest
    for i in sorted(range(len(widths)), key=lambda i: -slack[i]):
        if short <= 0:
            break
        take = min(short, widths[i] - columns[i][1])
        widths[i] -= take
        short -= take
    return widths


class ColumnFitter:
    """Keeps a table view's visible columns within its viewport (see `fit_widths`)."""

    def __init__(self, view: QTableView, last_min: int = 180) -> None:
        self.view = view
        self.last_min = last_min
        self.preferred: dict[int, int] = {}
        self.minimum: dict[int, int] = {}
        self.give_way: tuple[int, ...] = ()  # first to go when the minimums do not fit
        self.auto_hidden: set[int] = set()  # hidden for want of room, not by the user
        self._fitting = False
        self._later = QTimer(view)
        self._later.setSingleShot(True)
        self._later.setInterval(0)
        self._later.timeout.connect(self.fit)
        header = view.horizontalHeader()
        header.sectionResized.connect(self._resized)
        header.sectionMoved.connect(lambda *_: self._later.start())

    def configure(self, preferred: dict[int, int], minimum: dict[int, int],
                  give_way: Sequence[int] = ()) -> None:
        self.preferred = dict(preferred)
        self.minimum = dict(minimum)
        self.give_way = tuple(give_way)
        self.fit()

    def visible_columns(self) -> list[int]:
        """Logical indexes of the shown columns, in the order they appear."""
        header = self.view.horizontalHeader()
        logical = (header.logicalIndex(v) for v in range(header.count()))
        return [c for c in logical if not header.isSectionHidden(c)]

    def wanted(self, column: int) -> bool:
        """Whether the user wants the column shown (it may be out of room just now)."""
        return column in self.auto_hidden or not \
            self.view.horizontalHeader().isSectionHidden(column)

    def set_wanted(self, column: int, wanted: bool) -> None:
        """The header menu's choice."""
        self.auto_hidden.discard(column)
        self.view.horizontalHeader().setSectionHidden(column, not wanted)
        self._later.start()

    def header_state(self) -> QByteArray:
        """The header's state as the user made it (columns out of room count as shown)."""
        header = self.view.horizontalHeader()
        self._fitting = True
        try:
            for column in self.auto_hidden:
                header.setSectionHidden(column, False)
            state = header.saveState()
            for column in self.auto_hidden:
                header.setSectionHidden(column, True)
        finally:
            self._fitting = False
        return state

    def _give_way(self) -> None:
        """Hide (or bring back) the `give_way` columns so that the minimums fit."""
        header = self.view.horizontalHeader()
        logical = [header.logicalIndex(v) for v in range(header.count())]
        wanted = [c for c in logical if self.wanted(c)]
        available = self.view.viewport().width()
        drop: set[int] = set()
        for column in self.give_way:
            shown = [c for c in wanted if c not in drop]
            need = sum(self.minimum.get(c, header.minimumSectionSize())
                       for c in shown[:-1]) + self.last_min
            if need <= available or len(shown) <= 2:
                break
            if column in shown[:-1]:
                drop.add(column)
        for column in self.auto_hidden - drop:
            header.setSectionHidden(column, False)
        for column in drop - self.auto_hidden:
            header.setSectionHidden(column, True)
        self.auto_hidden = drop

    def fit(self) -> None:
        self._fitting = True
        try:
            self._give_way()
        finally:
            self._fitting = False
        shown = self.visible_columns()
        if len(shown) < 2:
            return
        header = self.view.horizontalHeader()
        columns = [(self.preferred.get(c, header.sectionSize(c)),
                    self.minimum.get(c, header.minimumSectionSize())) for c in shown[:-1]]
        widths = fit_widths(columns, self.view.viewport().width(), self.last_min)
        self._fitting = True
        try:
            for column, width in zip(shown, widths, strict=False):
                if header.sectionSize(column) != width:
                    header.resizeSection(column, width)
        finally:
            self._fitting = False

    def _resized(self, column: int, old: int, new: int) -> None:
        if self._fitting:
            return
        if old == 0 or new == 0:  # a column was shown or hidden
            self._later.start()
            return
        header = self.view.horizontalHeader()
        if header.visualIndex(column) != max(header.visualIndex(c)
                                             for c in self.visible_columns()):
            self.preferred[column] = new  # the user's choice (the last column stretches)
