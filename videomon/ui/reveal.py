"""Open a file, or show it selected in the platform's file manager."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QProcess, QUrl
from PySide6.QtGui import QDesktopServices


def open_file(path: str) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(path))


def show_in_folder(path: str) -> bool:
    """Linux: org.freedesktop.FileManager1.ShowItems, else the folder with xdg-open;
    Windows: ``explorer /select,``; macOS: ``open -R``."""
    target = Path(path)
    if sys.platform == "win32":
        return QProcess.startDetached("explorer", [f"/select,{target}"])[0]
    if sys.platform == "darwin":
        return QProcess.startDetached("open", ["-R", str(target)])[0]
    if _file_manager_show(target):
        return True
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(target.parent)))


def _file_manager_show(target: Path) -> bool:
    try:
        from PySide6.QtDBus import QDBusConnection, QDBusInterface
    except ImportError:
        return False
    bus = QDBusConnection.sessionBus()
    if not bus.isConnected():
        return False
    manager = QDBusInterface("org.freedesktop.FileManager1", "/org/freedesktop/FileManager1",
                             "org.freedesktop.FileManager1", bus)
    if not manager.isValid():
        return False
    reply = manager.call("ShowItems", [QUrl.fromLocalFile(str(target)).toString()], "")
    return not reply.errorName()
