"""The preview pane the window gets: the player, or — when QtMultimedia cannot load on this
machine (a missing system library) — a pane that says why. The window runs either way;
downloads, drag and drop and everything else do not need the player.

The pane is built just after the window's first paint (`PreviewSlot`): QtMultimedia and the
video widget cost ~35 ms that the first frame does not need."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from videomon.core.domain.task import TrackedTask
from videomon.core.providers.profiles import Profile

log = logging.getLogger(__name__)


class NoPlayerPane(QWidget):
    """Stands in for `PreviewPane` (same calls) and explains why there is no preview."""

    downloadRequested = Signal()

    def __init__(self, reason: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(280)
        self.message = QLabel(self.tr(
            "Video preview is not available on this system: the Qt multimedia backend "
            "could not be loaded ({reason}).\n\nDownloads work as usual; open a saved "
            "video with Ctrl+Shift+O. On Debian/Ubuntu, installing libpulse0 and "
            "libxrandr2 usually brings the preview back.").format(reason=reason))
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)

    def show_task(self, task: TrackedTask | None, profile: Profile | None, *,
                  several: bool = False) -> None:
        pass  # nothing to play

    def toggle(self) -> None:
        pass

    def stop(self) -> None:
        pass


def make_preview_pane() -> QWidget:
    """The player when QtMultimedia loads, else a pane that says why not."""
    try:
        from videomon.ui.preview.pane import PreviewPane
    except ImportError as exc:  # e.g. libpulse.so.0 missing: QtMultimedia fails to import
        log.warning("no video preview: %s", exc)
        return NoPlayerPane(str(exc))
    return PreviewPane()


class PreviewSlot(QWidget):
    """Holds the preview pane, building it after this slot's first paint or when first used."""

    downloadRequested = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._pane: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    @property
    def built(self) -> bool:
        return self._pane is not None

    def pane(self) -> Any:
        """The `PreviewPane` (or `NoPlayerPane`), built now if it was not yet."""
        if self._pane is None:
            self._pane = make_preview_pane()
            self._pane.downloadRequested.connect(self.downloadRequested)
            self._layout.addWidget(self._pane)
        return self._pane

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._pane is None:
            QTimer.singleShot(0, self.pane)

    def show_task(self, task: TrackedTask | None, profile: Profile | None, *,
                  several: bool = False) -> None:
        if task is not None or several or self.built:  # a fresh pane already shows "nothing"
            self.pane().show_task(task, profile, several=several)

    def toggle(self) -> None:
        if self.built:
            self.pane().toggle()

    def stop(self) -> None:
        if self.built:
            self.pane().stop()

    def pause(self) -> None:
        """Pause a playing video (the window went to the tray)."""
        if self.built and getattr(self.pane(), "playing", False):
            self.pane().toggle()
