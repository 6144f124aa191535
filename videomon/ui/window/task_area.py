"""The left side of the window: the task table; while it is empty, a hint on how to add
tasks; while no provider is set up, the welcome."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QStackedWidget, QWidget

from videomon.ui.window.welcome import WelcomePanel


class TaskArea(QStackedWidget):
    def __init__(self, table: QWidget, parent: Any = None) -> None:
        super().__init__(parent)
        self.table = table
        self.empty = QLabel(self.tr(
            "<p style='font-size:15px'><b>No tasks tracked yet</b></p>"
            "<p>Copy one or more task IDs (or task URLs) and press <b>Ctrl+V</b> here,<br>"
            "drop text on this window, or use <b>Add tasks…</b>.</p>"))
        self.empty.setObjectName("emptyHint")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # so Ctrl+V reaches the window
        self.welcome = WelcomePanel()
        self.welcome.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.welcome.backRequested.connect(self._back)
        for chosen in (self.welcome.presetChosen, self.welcome.demoRequested):
            chosen.connect(self._release)  # a choice made: the usual page follows
        self._rows, self._has_providers = 0, False
        self.gallery: QWidget | None = None
        self.gallery_on = False
        self._asked = False  # the welcome was asked for (Settings), not forced by emptiness
        for page in (table, self.empty, self.welcome):
            self.addWidget(page)

    def add_gallery(self, gallery: QWidget) -> None:
        """The gallery, shown instead of the table while `gallery_on`."""
        self.gallery = gallery
        self.addWidget(gallery)

    def set_gallery(self, on: bool) -> None:
        self.gallery_on = on
        self.show_for(self._rows, self._has_providers)

    def show_welcome(self) -> None:
        """The welcome on request (Settings), with a way back to the tasks."""
        self._asked = True
        self.welcome.back_button.setVisible(True)
        self.setCurrentWidget(self.welcome)

    def _release(self, *_: object) -> None:
        self._asked = False
        self.welcome.back_button.setVisible(False)

    def _back(self) -> None:
        self._release()
        self.show_for(self._rows, self._has_providers)

    def show_for(self, rows: int, has_providers: bool) -> None:
        """The table when there are rows; else the hint, or the welcome without providers.
        (A welcome asked for stays until its Back button.)"""
        self._rows, self._has_providers = rows, has_providers
        if self._asked:
            return
        tasks = self.gallery if self.gallery_on and self.gallery is not None else self.table
        current = tasks if rows else self.empty if has_providers else self.welcome
        if self.currentWidget() is not current:
            had_focus = self.currentWidget().hasFocus()
            self.setCurrentWidget(current)
            if had_focus:
                current.setFocus()
