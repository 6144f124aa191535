"""Open file, Show in folder, Open URL: each asks the desktop, and says so in the note bar
when the desktop could not do it (no file manager, no browser, a file moved away), with
a button that copies the path or link instead."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication

from videomon.core.domain.task import TrackedTask
from videomon.core.transfers.media import drag_payload
from videomon.ui import reveal

# a note bar button: (label, slot)
Action = tuple[str, Callable[[], object]]
# shows (text, an optional button) in the note bar
Say = Callable[[str, Action | None], None]


class FileActions(QObject):
    def __init__(self, selected: Callable[[], Sequence[TrackedTask]], say: Say,
                 parent: QObject | None = None, *,
                 open_url: Callable[[QUrl], bool] = QDesktopServices.openUrl,
                 show_in_folder: Callable[[str], bool] = reveal.show_in_folder) -> None:
        super().__init__(parent)
        self._selected = selected
        self._say = say
        self._open_url = open_url
        self._show_in_folder = show_in_folder

    def _saved_file(self) -> str | None:
        """The selection's first saved file; says why when there is none."""
        tasks = list(self._selected())
        files = drag_payload(tasks).files
        if files:
            return files[0]
        moved = next((p for t in tasks if t.saved for p in t.download_paths), None)
        if moved is not None:
            self._say(self.tr("The saved video is no longer at {path}: it was moved or "
                              "deleted. Download it again with Ctrl+D.").format(path=moved),
                      None)
        elif tasks:
            self._say(self.tr("The selection has no saved video yet."), None)
        return None

    def open_file(self) -> None:
        path = self._saved_file()
        if path is not None and not self._open_url(QUrl.fromLocalFile(path)):
            self._say(self.tr("No program could open {path}.").format(path=path),
                      self._copy(self.tr("Copy path"), path))

    def show_in_folder(self) -> None:
        path = self._saved_file()
        if path is not None and not self._show_in_folder(path):
            self._say(self.tr("No file manager could show {path} (none answered, and no "
                              "program opens folders here).").format(path=path),
                      self._copy(self.tr("Copy path"), path))

    def open_urls(self) -> None:
        urls = [t.video_urls[0] for t in list(self._selected())[:5] if t.video_urls]
        if not urls:
            self._say(self.tr("The selection has no video URL yet."), None)
            return
        failed = [u for u in urls if not self._open_url(QUrl(u))]
        if failed:
            self._say(self.tr("No web browser could open the video link."),
                      self._copy(self.tr("Copy link"), "\n".join(failed)))

    def _copy(self, label: str, text: str) -> Action:
        def copy() -> None:
            QGuiApplication.clipboard().setText(text)
            self._say(self.tr("Copied: {text}").format(text=text), None)

        return label, copy
