"""The gallery's pictures, asked for as tiles are painted: a few at a time (the ones
asked for last first: what is on screen now), decoded off the window's thread, kept as
pixmaps for the most recently shown; a finished video with no provider picture gets one
made from its saved file (and kept in the cache for the next start)."""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage, QPixmap

from videomon.core.domain.snapshot import TaskState
from videomon.core.domain.task import TrackedTask
from videomon.core.tracking.commands.library import LibraryCommands
from videomon.ui.library.frame_grabber import FrameGrabber
from videomon.ui.runtime.async_tasks import TaskRunner

#: pixmaps kept (about 60 KB each at 320x180)
KEPT = 600
#: pictures read or fetched at the same time, and waiting (the oldest wishes dropped)
AT_ONCE = 4
WAITING = 120


def _decode(data: bytes) -> QImage:
    return QImage.fromData(data)


class Pictures(QObject):
    ready = Signal(int)  # a ref whose picture can be painted now

    def __init__(self, library: LibraryCommands, runner: TaskRunner,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library, self.runner = library, runner
        self.grabber = FrameGrabber(self)
        self._pixmaps: OrderedDict[int, QPixmap] = OrderedDict()
        self._none: set[int] = set()  # (no picture to be had: asked again after a change)
        self._wanted: OrderedDict[int, TrackedTask] = OrderedDict()
        self._running = 0
        self.loaded = 0  # (how many were decoded: the benchmark reads it)

    def waiting(self, ref: int) -> bool:
        """Whether a picture may still come (the tile says "loading")."""
        return ref not in self._none and ref not in self._pixmaps

    def pixmap(self, task: TrackedTask) -> QPixmap | None:
        """The task's picture when there is one now; else it is asked for."""
        found = self._pixmaps.get(task.ref)
        if found is not None:
            self._pixmaps.move_to_end(task.ref)
            return found
        if task.state is TaskState.SUCCEEDED and task.ref not in self._none:
            self._wanted[task.ref] = task
            self._wanted.move_to_end(task.ref)
            while len(self._wanted) > WAITING:
                self._wanted.popitem(last=False)
            self._pump()
        return None

    def forget(self, ref: int) -> None:
        """The task changed (e.g. its file was saved): ask again when it is painted."""
        self._none.discard(ref)

    def _pump(self) -> None:
        while self._running < AT_ONCE and self._wanted:
            _ref, task = self._wanted.popitem(last=True)  # (the newest wish: on screen)
            self._running += 1
            self.runner.spawn(self._load(task), on_error=self._failed)

    def _failed(self, _exc: BaseException) -> None:
        """(A picture that cannot be had is no error to show: the tile keeps its card.)"""

    async def _load(self, task: TrackedTask) -> None:
        try:
            data = await self.library.picture(task.ref)
            if data is None:
                files = [Path(p) for p in task.download_paths] if task.saved else []
                data = await self._grab(files[0]) if files else None
                if data is not None:
                    await self.library.keep_picture(task.ref, data)
            image = await asyncio.to_thread(_decode, data) if data else None
            if image is None or image.isNull():
                self._none.add(task.ref)
                self.ready.emit(task.ref)  # (the tile stops waiting)
                return
            self._pixmaps[task.ref] = QPixmap.fromImage(image)
            self.loaded += 1
            while len(self._pixmaps) > KEPT:
                self._pixmaps.popitem(last=False)
            self.ready.emit(task.ref)
        finally:
            self._running -= 1
            self._pump()

    async def _grab(self, path: Path) -> bytes | None:
        future: asyncio.Future[bytes | None] = asyncio.get_running_loop().create_future()
        self.grabber.grab(path, lambda data: future.done() or future.set_result(data))
        return await future

    def close(self) -> None:
        self._wanted.clear()
        self.grabber.close()
