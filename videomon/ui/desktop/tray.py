"""The tray icon: active/finished counts in its tooltip, a message when a task ends.

A tray that appears after videomon started (a panel started later) is found: until there
is one, the desktop is asked again every few seconds."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon, QWidget

LOOK_AGAIN_MS = 5000


class Tray(QObject):
    """Wraps `QSystemTrayIcon` when the desktop has a tray; otherwise does nothing.
    Its menu: Show videomon, Quit (`quitRequested`: quitting for good, not hiding)."""

    quitRequested = Signal()

    def __init__(self, icon: QIcon, window: QWidget, parent: Any = None) -> None:
        super().__init__(parent)
        self._image = icon
        self._window = window
        self.available = False
        self.icon: QSystemTrayIcon | None = None
        self.last_message: tuple[str, str] | None = None
        self._tooltip = ""
        self._look = QTimer(self)
        self._look.setInterval(LOOK_AGAIN_MS)
        self._look.timeout.connect(self._find)
        self._find()
        if not self.available:
            self._look.start()

    def _find(self) -> None:
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return
        self._look.stop()
        self.available = True
        window = self._window
        tray = QSystemTrayIcon(self._image, self.parent())
        menu = QMenu(window)
        show = QAction(self.tr("Show videomon"), menu)
        show.triggered.connect(lambda: (window.showNormal(), window.raise_(),
                                        window.activateWindow()))
        quit_action = QAction(self.tr("Quit"), menu)
        quit_action.triggered.connect(self.quitRequested)
        menu.addAction(show)
        menu.addAction(quit_action)
        tray.setContextMenu(menu)
        tray.activated.connect(lambda reason: show.trigger()
                               if reason == QSystemTrayIcon.ActivationReason.Trigger else None)
        tray.setToolTip(self._tooltip)
        tray.show()
        self.icon = tray
        self._menu = menu

    def set_counts(self, active: int, finished: int, failed: int, not_found: int = 0) -> None:
        self._tooltip = self.tr("videomon — {active} active, {finished} finished, "
                                "{failed} failed").format(
            active=active, finished=finished, failed=failed)
        if not_found:
            self._tooltip += self.tr(", {not_found} not found").format(not_found=not_found)
        if self.icon is not None:
            self.icon.setToolTip(self._tooltip)

    def notify(self, title: str, text: str, failed: bool = False) -> None:
        self.last_message = (title, text)
        if self.icon is not None:
            kind = (QSystemTrayIcon.MessageIcon.Warning if failed
                    else QSystemTrayIcon.MessageIcon.Information)
            self.icon.showMessage(title, text, kind, 8000)

    def hide(self) -> None:
        self._look.stop()
        if self.icon is not None:
            self.icon.hide()
