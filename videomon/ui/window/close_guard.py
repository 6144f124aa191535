"""What closing the window does while tasks are still tracked: tracking never stops without
the user knowing. With a tray (and the setting on) the window hides to it, the first time
with a note saying so; without one, closing asks once whether to quit and stop tracking
(the answer can be remembered). Quit (Ctrl+Q, the tray's menu) always quits."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QCheckBox, QMessageBox, QWidget

from videomon.core.tracking.commands import ProviderCommands
from videomon.ui.desktop.tray import Tray
from videomon.ui.runtime.async_tasks import TaskRunner

# window.ini key: the note "videomon keeps running in the tray" was shown once
TRAY_NOTE_SHOWN = "close/tray_note_shown"


class CloseGuard(QObject):
    def __init__(self, window: QWidget, providers: ProviderCommands, runner: TaskRunner, tray: Tray,
                 state: QSettings, still_tracked: Callable[[], int]) -> None:
        """`still_tracked`: how many tasks closing would stop (polled, or downloading)."""
        super().__init__(window)
        self.window = window
        self.providers = providers
        self.runner = runner
        self.tray = tray
        self.state = state
        self._still_tracked = still_tracked
        self.quitting = False
        self.question: QMessageBox | None = None  # while it is open

    def quit(self) -> None:
        """Quit for good: the window closes and tracking stops."""
        self.quitting = True
        self.window.close()

    def keeps_open(self, event: QCloseEvent) -> bool:
        """Whether this close is turned into hiding or a question (the event is ignored)."""
        if self.quitting:
            return False
        count = self._still_tracked()
        if not count:
            return False
        settings = self.providers.settings()
        if self.tray.available and settings.close_to_tray:
            event.ignore()
            self._hide_to_tray(count)
            return True
        if not settings.confirm_quit:
            return False
        event.ignore()
        self._ask(count)
        return True

    def _hide_to_tray(self, count: int) -> None:
        self.window.hide()
        if not self.state.value(TRAY_NOTE_SHOWN, False, type=bool):
            self.state.setValue(TRAY_NOTE_SHOWN, True)
            self.tray.notify(self.tr("videomon is still running"),
                             self.tr("Tracking %n task(s) in the background. Click the tray "
                                     "icon to show the window; Quit is in its menu.", "",
                                     count))

    def _ask(self, count: int) -> None:
        if self.question is not None:
            self.question.raise_()
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Quit videomon?"),
                          self.tr("%n task(s) are still tracked.", "", count),
                          QMessageBox.StandardButton.NoButton, self.window)
        box.setInformativeText(self.tr("Quitting stops the checks and downloads until "
                                       "videomon starts again; the list is kept."))
        quit_button = box.addButton(self.tr("Quit"), QMessageBox.ButtonRole.AcceptRole)
        keep = box.addButton(self.tr("Keep open"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)
        remember = QCheckBox(self.tr("Do not ask again"))
        box.setCheckBox(remember)

        def answered(_result: int) -> None:
            self.question = None
            if box.clickedButton() is not quit_button:
                return
            if remember.isChecked():
                settings = dataclasses.replace(self.providers.settings(), confirm_quit=False)
                # quits whether or not the choice could be written (a full disk says so)
                self.runner.spawn(self.providers.save_settings(settings), lambda _: self.quit(),
                                  name="remember-quit", on_error=lambda _exc: self.quit())
            else:
                self.quit()

        box.finished.connect(answered)
        self.question = box
        box.open()
