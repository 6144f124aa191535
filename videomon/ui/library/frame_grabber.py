"""A picture from a saved video: Qt Multimedia decodes it (in its own threads) into a
hidden video sink; the first frame well into the clip is scaled and handed on as JPEG
bytes. One video at a time; where Qt Multimedia cannot load, there are no frames."""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, Qt, QTimer, QUrl
from PySide6.QtGui import QImage

log = logging.getLogger(__name__)
#: a picture is this wide (its height follows the video)
WIDTH = 320
#: a video that gives no frame in this long is given up (ms)
PATIENCE = 8000

Done = Callable[[bytes | None], None]


def jpeg(image: QImage, width: int = WIDTH) -> bytes:
    """An image scaled to `width` as JPEG bytes."""
    scaled = image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    scaled.save(buffer, "JPG", 82)
    return bytes(data.data())


class FrameGrabber(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._queue: deque[tuple[Path, Done]] = deque()
        self._busy: tuple[Path, Done] | None = None
        self._player = None
        self.grabbed = 0  # (pictures made: tests and the benchmark read it)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(lambda: self._finish(None))
        try:
            from PySide6.QtMultimedia import QMediaPlayer, QVideoSink
        except ImportError:  # (no Qt Multimedia here: no frames, nothing else lost)
            return
        self._player = QMediaPlayer(self)
        self._sink = QVideoSink(self)
        self._player.setVideoSink(self._sink)
        self._sink.videoFrameChanged.connect(self._frame)
        self._player.errorOccurred.connect(lambda *_: self._finish(None))

    @property
    def available(self) -> bool:
        return self._player is not None

    def grab(self, path: Path, done: Done) -> None:
        """Call `done` with the video's picture (JPEG bytes), or None when it gives none."""
        if self._player is None:
            done(None)
            return
        self._queue.append((path, done))
        if self._busy is None:
            self._next()

    def _next(self) -> None:
        if not self._queue or self._player is None:
            return
        self._busy = self._queue.popleft()
        self._timer.start(PATIENCE)
        self._player.setSource(QUrl.fromLocalFile(str(self._busy[0])))
        self._player.play()  # (no audio output: silent)

    def _frame(self, frame: object) -> None:
        if self._busy is None or self._player is None:
            return
        if self._player.position() < 300 and self._player.duration() > 1500:
            return  # (the first frames are often black: a moment into the clip)
        image = frame.toImage()  # type: ignore[attr-defined]
        if image.isNull():
            return
        self._finish(jpeg(image))

    def _finish(self, data: bytes | None) -> None:
        busy, self._busy = self._busy, None
        self.grabbed += data is not None
        self._timer.stop()
        if self._player is not None:
            self._player.stop()
            self._player.setSource(QUrl())
        if busy is not None:
            try:
                busy[1](data)
            except Exception:  # a caller's bug must not stop the queue
                log.exception("a video picture's receiver failed")
        QTimer.singleShot(0, self._next)

    def close(self) -> None:
        self._queue.clear()
        if self._busy is not None:
            self._busy = None
            self._timer.stop()
            if self._player is not None:
                self._player.stop()
