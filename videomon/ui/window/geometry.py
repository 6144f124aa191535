"""Where the main window opens: sized to the screen it opens on, and never off it.

Pure geometry on `QRect`s, so the rules are tested without a display.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication, QScreen


def first_geometry(available: QRect, preferred: QSize, share: float) -> QRect:
    """The preferred size, at most `share` of the available area, centred on it."""
    width = min(preferred.width(), int(available.width() * share))
    height = min(preferred.height(), int(available.height() * share))
    rect = QRect(0, 0, width, height)
    rect.moveCenter(available.center())
    return rect


def pulled_on_screen(frame: QRect, available: QRect) -> QRect:
    """`frame` shrunk to fit `available` and moved inside it (when it is not already)."""
    width = min(frame.width(), available.width())
    height = min(frame.height(), available.height())
    left = max(available.left(), min(frame.left(), available.right() + 1 - width))
    top = max(available.top(), min(frame.top(), available.bottom() + 1 - height))
    return QRect(left, top, width, height)


def screen_for(frame: QRect) -> QScreen | None:
    """The screen showing most of `frame` (its centre's), else the primary one."""
    return (QGuiApplication.screenAt(frame.center()) or QGuiApplication.screenAt(frame.topLeft())
            or QGuiApplication.primaryScreen())
