"""Open file, Show in folder, Open URL: each asks the desktop, and says so in the note bar
when the desktop could not do it (no file manager, no program for the file, no browser, a
file moved away), with a button that copies the path or link instead. A later attempt
takes an earlier failure's note away."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject
from PySide6.QtGui import QGuiApplication

from videomon.core.domain.task import TrackedTask
from videomon.core.transfers.media import drag_payload
from videomon.ui.adding.inline_bar import InlineBar
from videomon.ui.desktop.reveal import Reveal


class FileActions(QObject):
    def __init__(self, selected: Callable[[], Sequence[TrackedTask]], bar: InlineBar,
                 parent: QObject | None = None, *, reveal: Reveal | None = None) -> None:
        super().__init__(parent)
        self._selected = selected
        self._bar = bar
        self.reveal = reveal or Reveal(self)
        self._said = ""

    def open_file(self) -> None:
        path = self._saved_file()
        if path is not None:
            why = self.tr("No program could open {path}: the desktop has none for this kind "
                          "of file.") if self.reveal.has_opener() else self.tr(
                "Could not open {path}: nothing here opens files (on Linux that takes "
                "xdg-open, from the xdg-utils package).")
            self.reveal.open(path, lambda: self._say(why.format(path=path), path,
                                                     self.tr("Copy path")))

    def show_in_folder(self) -> None:
        path = self._saved_file()
        if path is not None:
            self.reveal.show_in_folder(path, lambda: self._say(
                self.tr("Could not show {path}: no file manager answered the request to "
                        "show it, and its folder could not be opened (on Linux that takes "
                        "xdg-open, from the xdg-utils package).").format(path=path),
                path, self.tr("Copy path")))

    def open_urls(self) -> None:
        urls = [t.video_urls[0] for t in list(self._selected())[:5] if t.video_urls]
        if not urls:
            self._say(self.tr("The selection has no video URL yet."))
            return
        self._dismiss()
        for url in urls:
            self.reveal.open(url, lambda u=url: self._say(
                self.tr("No web browser could open the video link."), u, self.tr("Copy link")))

    # -- helpers -------------------------------------------------------------------------
    def _saved_file(self) -> str | None:
        """The selection's first saved file; says why when there is none."""
        self._dismiss()
        tasks = list(self._selected())
        files = drag_payload(tasks).files
        if files:
            return files[0]
        moved = next((p for t in tasks if t.saved for p in t.download_paths), None)
        if moved is not None:
            self._say(self.tr("The saved video is no longer at {path}: it was moved or "
                              "deleted. Download it again with Ctrl+D.").format(path=moved))
        elif tasks:
            self._say(self.tr("The selection has no saved video yet."))
        return None

    def _say(self, text: str, copy: str | None = None, label: str = "") -> None:
        def copied() -> None:
            QGuiApplication.clipboard().setText(copy or "")
            self._say(self.tr("Copied: {text}").format(text=copy))

        self._said = text
        self._bar.say(text, action=(label, copied) if copy is not None else None)

    def _dismiss(self) -> None:
        """A new attempt: an earlier failure's note goes."""
        if self._said and self._bar.isVisible() and self._bar.text.text() == self._said:
            self._bar.hide()
        self._said = ""
