"""Open a file, a folder or a link with the desktop's program for it, or show a file
selected in the file manager — and hear when the desktop could not.

On Linux the desktop's opener is `xdg-open`, run here so that its failure ("no method
available", exit 3) is heard; Qt's own `openUrl` reports success once the opener started.
A shell waits up to 3 s for its answer and then leaves it running on its own (some openers
run the program they start in the foreground): quitting videomon never closes what it
opened.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QProcess, QUrl
from PySide6.QtGui import QDesktopServices

# xdg-open's exit status when it ends within 3 s, else 0 (it goes on by itself)
_WAIT = ('xdg-open "$1" >/dev/null 2>&1 & p=$!; i=0; while [ $i -lt 30 ]; do '
         'if ! kill -0 $p 2>/dev/null; then wait $p; exit $?; fi; '
         'sleep 0.1; i=$((i+1)); done; exit 0')


class Reveal(QObject):
    """Keeps each opener process until it exits (and hears how it exited)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._running: set[QProcess] = set()

    @staticmethod
    def has_opener() -> bool:
        """Whether the desktop's opener is there (on Linux: xdg-open, from xdg-utils)."""
        return not sys.platform.startswith("linux") or shutil.which("xdg-open") is not None

    def open(self, target: str, failed: Callable[[], None]) -> None:
        """A file, folder (a local path) or URL, with the desktop's program for it."""
        opener = shutil.which("xdg-open") if sys.platform.startswith("linux") else None
        if opener is None:
            url = QUrl(target) if "://" in target else QUrl.fromLocalFile(target)
            if not QDesktopServices.openUrl(url):
                failed()
            return
        process = QProcess(self)
        self._running.add(process)

        def done(code: int = 0, status: QProcess.ExitStatus = QProcess.ExitStatus.NormalExit
                 ) -> None:
            if process not in self._running:
                return
            self._running.discard(process)
            process.deleteLater()
            if code != 0 or status is not QProcess.ExitStatus.NormalExit:
                failed()

        process.finished.connect(done)
        process.errorOccurred.connect(lambda error: done(1) if error is
                                      QProcess.ProcessError.FailedToStart else None)
        process.start("sh", ["-c", _WAIT, "videomon-open", target])

    def show_in_folder(self, path: str, failed: Callable[[], None]) -> None:
        """Linux: org.freedesktop.FileManager1.ShowItems (the file selected), else its
        folder opened; Windows: ``explorer /select,``; macOS: ``open -R``."""
        target = Path(path)
        if sys.platform == "win32":
            if not QProcess.startDetached("explorer", [f"/select,{target}"])[0]:
                failed()
            return
        if sys.platform == "darwin":
            if not QProcess.startDetached("open", ["-R", str(target)])[0]:
                failed()
            return
        if not _file_manager_show(target):
            self.open(str(target.parent), failed)


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
