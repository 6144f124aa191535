"""Telling the user tasks ended, beyond the status bar: a desktop notification (else the
tray's message, where there is a tray) with the video's title or prompt, its picture and
buttons (Show, Play, Show in folder). Tasks ending close together make one notification.
Settings → General turns them off, or keeps them to when the window is not in front."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import replace
from typing import Protocol

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QMainWindow

from videomon.core.domain.snapshot import TaskState
from videomon.core.domain.task import TrackedTask
from videomon.core.tracking.commands import Commands
from videomon.ui.desktop.notes import CLICKED, DesktopNotes, Note
from videomon.ui.desktop.tray import Tray
from videomon.ui.runtime.async_tasks import TaskRunner
from videomon.ui.table.cells import name_text

#: tasks ending less than this apart make one notification (ms) ...
BATCH_MS = 1500
#: ... sent at the latest this long after the first of them ended (ms)
BATCH_LONGEST_MS = 6000
#: a notification for many names this many of them
NAMED = 3
PLAY, FOLDER = "play", "folder"


class Window(Protocol):
    """What a notification's buttons ask of the main window."""

    def select_refs(self, refs: Sequence[int]) -> None: ...

    def toggle_playback(self) -> None: ...

    def show_selected_in_folder(self) -> None: ...


class FinishNotes(QObject):
    #: a click on a notification (`desktop.notes.CLICKED`) or one of its buttons
    #: (`PLAY`, `FOLDER`), with the refs of the tasks it told of
    acted = Signal(str, object)

    def __init__(self, window: QMainWindow, notes: DesktopNotes | None, tray: Tray,
                 commands: Commands, runner: TaskRunner) -> None:
        super().__init__(window)
        self.window, self.notes, self.tray = window, notes, tray
        self.library, self.runner = commands.library, runner
        self._settings = commands.providers.settings
        self._pending: list[TrackedTask] = []
        self._first = 0.0  # (when the first of those pending ended)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._flush)
        self.acted.connect(self._act)
        #: the notes sent (title, body), the last one last (what tests and the tray show)
        self.sent: list[Note] = []

    def task_finished(self, task: TrackedTask) -> None:
        settings = self._settings()
        if not settings.notifications:
            return
        if settings.notify_unfocused_only and self.window.isActiveWindow() \
                and not self.window.isMinimized():
            return
        if not self._pending:
            self._first = time.monotonic()
        self._pending.append(task)
        waited = int((time.monotonic() - self._first) * 1000)
        self._timer.start(max(0, min(BATCH_MS, BATCH_LONGEST_MS - waited)))

    def close(self) -> None:
        self._timer.stop()
        self._pending.clear()

    def _act(self, key: str, refs: Sequence[int]) -> None:
        """The window comes to the front with the tasks selected; then Play or Show in
        folder does what the row's action does."""
        window = self.window
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
        window.show()
        window.raise_()
        window.activateWindow()
        actions: Window = window  # type: ignore[assignment]
        actions.select_refs(refs)
        if key == PLAY:
            actions.toggle_playback()
        elif key == FOLDER:
            actions.show_selected_in_folder()

    def _flush(self) -> None:
        tasks, self._pending = self._pending, []
        if tasks:
            self.runner.spawn(self._send(tasks, self._settings().auto_download))

    async def _send(self, tasks: Sequence[TrackedTask], saving: bool) -> None:
        note = self.note_for(tasks, saving)
        refs = tuple(t.ref for t in tasks)
        ready = [t for t in tasks if t.state is TaskState.SUCCEEDED]
        if ready:  # (its picture: the cached one, fetched from the provider if it has one)
            picture = await self.library.picture_file(ready[0].ref)
            note = replace(note, picture=picture)
        self.sent.append(note)
        if self.notes is None or not await self.notes.send(
                note, lambda key: self.acted.emit(key, refs)):
            self.tray.notify(note.title, note.body, failed=not ready)

    def note_for(self, tasks: Sequence[TrackedTask], saving: bool) -> Note:
        """The notification for `tasks` (`saving`: videos are downloaded when done)."""
        ready = [t for t in tasks if t.state is TaskState.SUCCEEDED]
        failed = [t for t in tasks if t.state is not TaskState.SUCCEEDED]
        show = (CLICKED, self.tr("Show"))
        if len(tasks) == 1:
            task = tasks[0]
            name = f"{name_text(task)} ({task.model or task.profile})"
            if not ready:
                body = self.tr("{task}: {error}").format(task=name, error=task.error) \
                    if task.error else name
                return Note(self.tr("Task failed"), body, buttons=(show,))
            buttons = [show, (PLAY, self.tr("Play"))]
            if saving or task.downloaded:
                buttons.append((FOLDER, self.tr("Show in folder")))
            return Note(self.tr("Video ready"), name, buttons=tuple(buttons))
        if ready:
            title = self.tr("%n video(s) ready", "", len(ready))
            if failed:
                title += self.tr(", %n failed", "", len(failed))
        else:
            title = self.tr("%n task(s) failed", "", len(failed))
        names = [name_text(t) for t in (ready + failed)[:NAMED]]
        more = len(tasks) - len(names)
        body = "\n".join(names)
        if more:
            body += "\n" + self.tr("and %n more", "", more)
        return Note(title, body, buttons=(show,))

