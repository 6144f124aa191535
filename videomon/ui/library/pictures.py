"""The gallery's pictures, asked for as tiles are painted: a few at a time (the ones
asked for last first: what is on screen now), decoded off the window's thread, kept as
pixmaps for the most recently shown; a finished video with no provider picture gets one
made from its saved file (and kept in the cache for the next start)."""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from pathlib import Path

from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtGui import QGuiApplication, QImage, QPixmap

from videomon.core.domain.snapshot import TaskState
from videomon.core.domain.task import TrackedTask
from videomon.core.tracking.commands.library import LibraryCommands
from videomon.ui.library.frame_grabber import FrameGrabber
from videomon.ui.runtime.async_tasks import TaskRunner

#: the size a picture is shown at in the gallery (device-independent pixels)
PICTURE = QSize(200, 112)
#: pixmaps kept (about 90 KB each at 200x112, 4 bytes a pixel)
KEPT = 600
#: pictures read or fetched at the same time, and waiting (the oldest wishes dropped)
AT_ONCE = 4
WAITING = 120


Key = tuple[str, str]


def _key(task: TrackedTask) -> Key:
    return task.profile, task.task_id


def _decode(data: bytes, width: int, height: int) -> QImage:
    """The picture scaled to fit width x height (device pixels): off the GUI thread, so
    painting a tile only copies it."""
    image = QImage.fromData(data)
    if image.isNull() or (image.width() <= width and image.height() <= height):
        return image
    return image.scaled(width, height, Qt.AspectRatioMode.KeepAspectRatio,
                        Qt.TransformationMode.SmoothTransformation)


class Pictures(QObject):
    ready = Signal(int)  # a ref whose picture can be painted now

    def __init__(self, library: LibraryCommands, runner: TaskRunner,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library, self.runner = library, runner
        self.grabber = FrameGrabber(self)
        # each kept by the task's provider and ID (a removed task's ref may be reused)
        self._pixmaps: OrderedDict[Key, QPixmap] = OrderedDict()
        self._none: set[Key] = set()  # (no picture to be had: asked again after a change)
        self._wanted: OrderedDict[Key, TrackedTask] = OrderedDict()
        self._loading: set[Key] = set()
        self._running = 0
        self.loaded = 0  # (how many were decoded: the benchmark reads it)

    def has(self, task: TrackedTask) -> bool:
        """Whether the task's picture is held (painted without asking)."""
        return _key(task) in self._pixmaps

    def waiting(self, task: TrackedTask) -> bool:
        """Whether a picture may still come (the tile says "loading")."""
        key = _key(task)
        return key not in self._none and key not in self._pixmaps

    def pixmap(self, task: TrackedTask) -> QPixmap | None:
        """The task's picture when there is one now; else it is asked for."""
        key = _key(task)
        found = self._pixmaps.get(key)
        if found is not None:
            self._pixmaps.move_to_end(key)
            return found
        if task.state is TaskState.SUCCEEDED and key not in self._none \
                and key not in self._loading:
            self._wanted[key] = task
            self._wanted.move_to_end(key)
            while len(self._wanted) > WAITING:
                self._wanted.popitem(last=False)
            self._pump()
        return None

    def forget(self, task: TrackedTask) -> None:
        """The task changed (e.g. its file was saved): ask again when it is painted."""
        self._none.discard(_key(task))

    def _pump(self) -> None:
        while self._running < AT_ONCE and self._wanted:
            key, task = self._wanted.popitem(last=True)  # (the newest wish: on screen)
            self._running += 1
            self._loading.add(key)
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
            screen = QGuiApplication.primaryScreen()
            ratio = screen.devicePixelRatio() if screen is not None else 1.0
            image = await asyncio.to_thread(
                _decode, data, round(PICTURE.width() * ratio),
                round(PICTURE.height() * ratio)) if data else None
            if image is None or image.isNull():
                self._none.add(_key(task))
                self.ready.emit(task.ref)  # (the tile stops waiting)
                return
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(ratio)
            self._pixmaps[_key(task)] = pixmap
            self.loaded += 1
            while len(self._pixmaps) > KEPT:
                self._pixmaps.popitem(last=False)
            self.ready.emit(task.ref)
        finally:
            self._running -= 1
            self._loading.discard(_key(task))
            self._pump()

    async def _grab(self, path: Path) -> bytes | None:
        future: asyncio.Future[bytes | None] = asyncio.get_running_loop().create_future()
        self.grabber.grab(path, lambda data: future.done() or future.set_result(data))
        return await future

    def close(self) -> None:
        self._wanted.clear()
        self.grabber.close()
