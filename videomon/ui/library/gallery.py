"""The gallery: the same rows as the table (the same model, filter, order and selection)
as picture tiles — the picture, the title or the prompt's first words under it, a star
and the video's length as badges. The window gives it the table's menu, drag-out and
Details; Space plays the selected video in the preview."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from videomon.core.domain.snapshot import TaskState
from videomon.core.domain.task import TrackedTask
from videomon.ui import wording
from videomon.ui.library.cost_words import amount
from videomon.ui.library.pictures import PICTURE, Pictures
from videomon.ui.table import cells
from videomon.ui.table.model import Role, TaskTableModel

TILE = QSize(216, 168)


class TileDelegate(QStyledItemDelegate):
    def __init__(self, pictures: Pictures, parent: Any = None) -> None:
        super().__init__(parent)
        self.pictures = pictures

    def sizeHint(self, option: QStyleOptionViewItem, index: Any) -> QSize:
        return TILE

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Any) -> None:
        task: TrackedTask | None = index.data(Role.TASK)
        if task is None:
            return
        palette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        box = option.rect.adjusted(4, 4, -4, -4)
        if selected:
            painter.fillRect(box, palette.color(QPalette.ColorRole.Highlight))
        picture = QRect(box.x() + (box.width() - PICTURE.width()) // 2, box.y() + 4,
                        PICTURE.width(), PICTURE.height())
        pixmap = self.pictures.pixmap(task)
        if pixmap is not None:
            size = pixmap.deviceIndependentSize().toSize().boundedTo(picture.size())
            target = QRect(QPoint(0, 0), size)  # (made to fit when decoded: a copy here)
            target.moveCenter(picture.center())
            painter.fillRect(picture, QColor(0, 0, 0))
            painter.drawPixmap(target, pixmap)
        else:
            painter.fillRect(picture, palette.color(QPalette.ColorRole.AlternateBase))
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(picture, int(Qt.AlignmentFlag.AlignCenter),
                             "…" if task.state is TaskState.SUCCEEDED
                             and self.pictures.waiting(task) else wording.state_text(task))
        self._badges(painter, picture, task)
        text_rect = QRect(box.x() + 6, picture.bottom() + 6, box.width() - 12,
                          box.bottom() - picture.bottom() - 8)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        color = palette.color(role)
        if cells.shows_prompt(task) and not selected:
            color = palette.color(QPalette.ColorRole.PlaceholderText)
        painter.setPen(color)
        name = task.title or cells.prompt_words(task.prompt) or task.task_id
        metrics = painter.fontMetrics()
        lines = _wrap(name, metrics.horizontalAdvance, text_rect.width(), 2)
        painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignHCenter
                                        | Qt.AlignmentFlag.AlignTop), "\n".join(lines))
        painter.restore()

    def _badges(self, painter: QPainter, picture: QRect, task: TrackedTask) -> None:
        font = QFont(painter.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() - 1))
        painter.setFont(font)
        snap = task.snapshot
        badges = [(cells.STAR, picture.topLeft() + QPoint(4, 4), True)] if task.starred else []
        if snap is not None and snap.duration is not None:
            badges.append((self.tr("{seconds} s").format(seconds=amount(snap.duration)),
                           picture.bottomRight() + QPoint(-4, -4), False))
        for text, corner, left in badges:
            width = painter.fontMetrics().horizontalAdvance(text) + 10
            height = painter.fontMetrics().height() + 2
            rect = QRect(corner.x() if left else corner.x() - width,
                         corner.y() if left else corner.y() - height, width, height)
            painter.fillRect(rect, QColor(0, 0, 0, 150))
            painter.setPen(QColor(255, 214, 0) if left else QColor(255, 255, 255))
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), text)


def _wrap(text: str, advance: Callable[[str], int], width: int, lines: int) -> list[str]:
    """`text` in at most `lines` lines of `width` px, the last cut with … (a word wider
    than a line, as Chinese is, is broken where it fills the line)."""
    words: list[str] = []
    for word in text.split():
        while advance(word) > width and len(word) > 1:
            cut = len(word) - 1
            while cut > 1 and advance(word[:cut]) > width:
                cut -= 1
            words.append(word[:cut])
            word = word[cut:]
        words.append(word)
    out: list[str] = []
    line = ""
    for word in words:
        trial = f"{line} {word}".strip()
        if advance(trial) <= width or not line:
            line = trial
            continue
        out.append(line)
        line = word
        if len(out) == lines:
            break
    if len(out) < lines and line:
        out.append(line)
    if len(out) == lines and "".join(out).replace(" ", "") != "".join(words):
        last = out[-1]
        while last and advance(last + "…") > width:
            last = last[:-1]
        out[-1] = last.rstrip() + "…"
    return out


class GalleryView(QListView):
    """Tiles of the table's rows; `start_drag` is the table's drag-out."""

    def __init__(self, model: TaskTableModel, pictures: Pictures,
                 start_drag: Callable[[Qt.DropAction], None], parent: Any = None) -> None:
        super().__init__(parent)
        self._start_drag = start_drag
        self.setModel(model)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setUniformItemSizes(True)
        self.setGridSize(TILE)
        self.setSpacing(0)
        self.setWrapping(True)
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setBatchSize(200)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalScrollBar().setSingleStep(24)
        self.setItemDelegate(TileDelegate(pictures, self))
        self.setAccessibleName(self.tr("Gallery of tracked videos"))
        pictures.ready.connect(self._picture_ready)

    def _picture_ready(self, ref: int) -> None:
        model = self.model()
        row = model.row_of(ref) if isinstance(model, TaskTableModel) else None
        if row is not None:
            self.update(model.index(row, 0))

    def startDrag(self, supported: Qt.DropAction) -> None:
        self._start_drag(supported)

    def select_first_if_none(self) -> None:
        if not self.selectionModel().hasSelection() and self.model().rowCount():
            self.setCurrentIndex(self.model().index(0, 0))
