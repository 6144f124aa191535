"""The tray icon: active/finished counts in its tooltip, a message when a task ends."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon, QWidget


class Tray(QObject):
    """Wraps `QSystemTrayIcon` when the desktop has a tray; otherwise does nothing.
    Its menu: Show videomon, Quit (`quitRequested`: quitting for good, not hiding)."""

    quitRequested = Signal()

    def __init__(self, icon: QIcon, window: QWidget, parent: Any = None) -> None:
        super().__init__(parent)
        self.available = QSystemTrayIcon.isSystemTrayAvailable()
        self.icon: QSystemTrayIcon | None = None
        self.last_message: tuple[str, str] | None = None
        if not self.available:
            return
        tray = QSystemTrayIcon(icon, parent)
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
        tray.show()
        self.icon = tray
        self._menu = menu

    def set_counts(self, active: int, finished: int, failed: int) -> None:
        if self.icon is not None:
            self.icon.setToolTip(self.tr("videomon — {active} active, {finished} finished, "
                                         "{failed} failed").format(
                active=active, finished=finished, failed=failed))

    def notify(self, title: str, text: str, failed: bool = False) -> None:
        self.last_message = (title, text)
        if self.icon is not None:
            kind = (QSystemTrayIcon.MessageIcon.Warning if failed
                    else QSystemTrayIcon.MessageIcon.Information)
            self.icon.showMessage(title, text, kind, 8000)

    def hide(self) -> None:
        if self.icon is not None:
            self.icon.hide()
