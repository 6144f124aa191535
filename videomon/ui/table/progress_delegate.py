"""Paints the Progress column: a bar with its percentage, or a moving stripe when the
progress is unknown, queued, or a placeholder number that has not moved."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from videomon.core.domain.snapshot import TaskState
from videomon.core.domain.task import Watch
from videomon.ui import wording
from videomon.ui.look.theme import BAR_FILLS, readable_on
from videomon.ui.table.model import Role

STRIPE = 0.3  # the moving stripe's share of the bar width


class ProgressDelegate(QStyledItemDelegate):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.phase = 0.0  # 0..1, advanced by the view's animation timer

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        style = opt.widget.style() if opt.widget else None
        opt.text = ""
        if style is not None:  # selection background, focus
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        task = index.data(Role.TASK)
        value = index.data(Role.PROGRESS)
        busy = bool(index.data(Role.INDETERMINATE))
        palette: QPalette = opt.palette
        rect = QRectF(opt.rect).adjusted(4, 5, -4, -5)
        if rect.width() < 8 or rect.height() < 4:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        radius = min(4.0, rect.height() / 2)
        groove = QPainterPath()
        groove.addRoundedRect(rect, radius, radius)
        painter.fillPath(groove, palette.color(QPalette.ColorRole.AlternateBase).darker(108))
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.drawPath(groove)
        state = task.state.value if task is not None else ""
        fill = BAR_FILLS.get(state, palette.color(QPalette.ColorRole.Highlight))
        if task is not None and task.watch is not Watch.ACTIVE and not task.state.terminal:
            fill = palette.color(QPalette.ColorRole.Mid)
        painter.setClipPath(groove)
        if busy:
            width = rect.width() * STRIPE
            x = rect.left() - width + (rect.width() + width) * self.phase
            stripe = QRectF(x, rect.top(), width, rect.height())
            color = QColor(fill)
            color.setAlpha(170)
            painter.fillRect(stripe, color)
        elif value is not None:
            done = QRectF(rect.left(), rect.top(), rect.width() * max(0.0, min(100.0, value))
                          / 100.0, rect.height())
            painter.fillRect(done, fill)
        painter.setClipping(False)
        label = self._label(task, value, busy)
        if label and value is not None and \
                opt.fontMetrics.horizontalAdvance(label) > rect.width() - 4:
            label = wording.percent(value)  # a narrow column: the number (the tooltip: the rest)
        if label:
            # each part of the label in the colour that reads on what is under it
            split = rect.left() if busy or value is None else \
                rect.left() + rect.width() * max(0.0, min(100.0, value)) / 100.0
            for part, pen in ((QRectF(rect.left(), rect.top(), split - rect.left(),
                                      rect.height()), readable_on(fill)),
                              (QRectF(split, rect.top(), rect.right() - split, rect.height()),
                               palette.color(QPalette.ColorRole.Text))):
                if part.width() > 0:
                    painter.setClipRect(part)
                    painter.setPen(pen)
                    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, label)
        painter.restore()

    @staticmethod
    def _label(task: Any, value: float | None, busy: bool) -> str:
        if not busy:
            return wording.percent(value)
        if task is not None and task.state is TaskState.QUEUED:
            return ProgressDelegate.tr("queued")
        if value is None:
            return ProgressDelegate.tr("working…")
        return ProgressDelegate.tr("{percent}% · no change").format(
            percent=wording.percent_number(value))


class DownloadDelegate(QStyledItemDelegate):
    """The Download column: a thin bar under the text while a download runs."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        super().paint(painter, option, index)
        progress = index.data(Role.DOWNLOAD)
        if progress is None or progress.fraction is None:
            return
        rect = QRectF(option.rect).adjusted(4, option.rect.height() - 6, -4, -2)
        painter.save()
        painter.fillRect(rect, option.palette.color(QPalette.ColorRole.Mid))
        done = QRectF(rect.left(), rect.top(),
                      rect.width() * min(1.0, progress.fraction), rect.height())
        painter.fillRect(done, option.palette.color(QPalette.ColorRole.Highlight))
        painter.restore()
