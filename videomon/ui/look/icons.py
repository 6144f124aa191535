"""State icons and the app icon, drawn with QPainter (crisp at any scale, no files)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap, QPolygonF

from videomon.resources import action_icon_svg, app_icon_svg

GREY, BLUE, GREEN, RED, ORANGE = (QColor("#8a8f98"), QColor("#2f6fd6"), QColor("#2e9d4f"),
                                  QColor("#c8453b"), QColor("#d98a1c"))


def _canvas(size: int) -> tuple[QPixmap, QPainter]:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size / 16, size / 16)
    return pixmap, painter


def _icon(draw_name: str) -> QIcon:
    icon = QIcon()
    for size in (16, 32, 64):
        pixmap, painter = _canvas(size)
        _DRAW[draw_name](painter)
        painter.end()
        icon.addPixmap(pixmap)
    return icon


def _disc(p: QPainter, color: QColor) -> None:
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(color)
    p.drawEllipse(QRectF(1, 1, 14, 14))


def _white(p: QPainter, width: float = 1.8) -> None:
    pen = QPen(QColor("white"), width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    p.setPen(pen)
    p.setBrush(Qt.BrushStyle.NoBrush)


def _queued(p: QPainter) -> None:
    p.setPen(QPen(GREY, 1.6))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawEllipse(QRectF(2, 2, 12, 12))
    p.drawLine(QPointF(8, 5), QPointF(8, 8))
    p.drawLine(QPointF(8, 8), QPointF(10.5, 9.5))


def _running(p: QPainter) -> None:
    _disc(p, BLUE)
    p.setBrush(QColor("white"))
    p.setPen(Qt.PenStyle.NoPen)
    p.drawPolygon(QPolygonF([QPointF(6.3, 4.8), QPointF(11.5, 8), QPointF(6.3, 11.2)]))


def _succeeded(p: QPainter) -> None:
    _disc(p, GREEN)
    _white(p)
    path = QPainterPath(QPointF(4.6, 8.3))
    path.lineTo(7, 10.7)
    path.lineTo(11.5, 5.6)
    p.drawPath(path)


def _failed(p: QPainter) -> None:
    _disc(p, RED)
    _white(p)
    p.drawLine(QPointF(5.5, 5.5), QPointF(10.5, 10.5))
    p.drawLine(QPointF(10.5, 5.5), QPointF(5.5, 10.5))


def _paused(p: QPainter) -> None:
    _disc(p, GREY)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("white"))
    p.drawRect(QRectF(5.5, 5, 1.8, 6))
    p.drawRect(QRectF(8.7, 5, 1.8, 6))


def _problem(p: QPainter) -> None:
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(ORANGE)
    p.drawPolygon(QPolygonF([QPointF(8, 1.5), QPointF(15, 14.5), QPointF(1, 14.5)]))
    _white(p, 1.8)
    p.drawLine(QPointF(8, 6), QPointF(8, 9.6))
    p.drawPoint(QPointF(8, 12.2))


def _app(p: QPainter) -> None:
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#28324a"))
    p.drawRoundedRect(QRectF(0.5, 0.5, 15, 15), 3.5, 3.5)
    p.setBrush(QColor("#4f8cff"))
    p.drawRoundedRect(QRectF(2.5, 4, 8, 8), 1.5, 1.5)
    p.drawPolygon(QPolygonF([QPointF(10.5, 7), QPointF(14, 5), QPointF(14, 11),
                             QPointF(10.5, 9)]))
    p.setBrush(QColor("#7ee08a"))
    p.drawRect(QRectF(2.5, 13, 11, 1.2))


_DRAW = {"queued": _queued, "running": _running, "succeeded": _succeeded, "failed": _failed,
         "paused": _paused, "problem": _problem, "app": _app}


def state_icons() -> dict[str, QIcon]:
    return {name: _icon(name) for name in _DRAW if name != "app"}


#: action → (freedesktop icon name, bundled fallback)
ACTION_ICONS = {"add": "list-add", "refresh": "view-refresh", "pause": "media-playback-pause",
                "resume": "media-playback-start", "remove": "edit-delete",
                "download": "document-save", "folder": "folder-open",
                "settings": "preferences-system", "gallery": "view-grid"}


def action_icon(name: str) -> QIcon:
    """The desktop theme's icon for an action, else videomon's own SVG."""
    return QIcon.fromTheme(ACTION_ICONS[name], QIcon(str(action_icon_svg(name))))


def app_icon() -> QIcon:
    """The SVG app icon (crisp at any size), or a drawn stand-in when it cannot be read."""
    icon = QIcon(str(app_icon_svg()))
    if icon.isNull() or icon.pixmap(64, 64).isNull():
        return _icon("app")
    return icon
