"""The preview pane: QMediaPlayer + QVideoWidget + QAudioOutput with the usual controls.

Play/pause (Space), a seek slider with elapsed/total time, ←/→ to step (a frame when
paused, 5 s when playing), volume, mute and loop. When media cannot be played the pane
says why (codec, missing file, expired link) instead of showing a black box. Without an
audio device the video still plays (Qt only logs it).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtMultimedia import QAudioOutput, QMediaDevices, QMediaPlayer, QVideoSink
from PySide6.QtMultimediaWidgets import QVideoWidget
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QStackedWidget,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from videomon.core.media import preview_source
from videomon.core.model import TaskState
from videomon.core.profile import Profile
from videomon.core.store import TrackedTask
from videomon.ui.format import duration

FRAME_MS = 40
STEP_MS = 5000


class PreviewPane(QWidget):
    downloadRequested = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(280)
        self.player = QMediaPlayer(self)
        self.audio = QAudioOutput(self)
        self.audio.setVolume(0.6)
        self.player.setAudioOutput(self.audio)
        self.video = QVideoWidget()
        self.video.setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
        self.player.setVideoOutput(self.video)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.download_button = QPushButton("Download")
        self.download_button.clicked.connect(self.downloadRequested)
        note = QWidget()
        note_layout = QVBoxLayout(note)
        note_layout.addStretch(1)
        note_layout.addWidget(self.message)
        note_layout.addWidget(self.download_button, 0, Qt.AlignmentFlag.AlignCenter)
        note_layout.addStretch(1)
        self.screen = QStackedWidget()
        self.screen.addWidget(self.video)
        self.screen.addWidget(note)
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self._build_controls()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.screen, 1)
        layout.addLayout(self.controls)
        self.player.positionChanged.connect(self._position)
        self.player.durationChanged.connect(self._duration)
        self.player.playbackStateChanged.connect(self._state)
        self.player.errorOccurred.connect(self._error)
        self.player.mediaStatusChanged.connect(self._status)
        self.source = ""
        self.last_error: str | None = None
        self._key: tuple[Any, ...] | None = None
        self.show_message("Select a finished task to preview its video.")
        self.has_audio_device = bool(QMediaDevices.audioOutputs())

    def _build_controls(self) -> None:
        style = self.style()
        self.play_button = QToolButton()
        self.play_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_MediaPlay))
        self.play_button.setToolTip("Play / pause (Space)")
        self.play_button.clicked.connect(self.toggle)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, 0)
        self.slider.sliderMoved.connect(self.player.setPosition)
        self.time = QLabel("0:00 / 0:00")
        self.mute = QToolButton()
        self.mute.setCheckable(True)
        self.mute.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_MediaVolume))
        self.mute.setToolTip("Mute")
        self.mute.toggled.connect(self._mute)
        self.volume = QSlider(Qt.Orientation.Horizontal)
        self.volume.setRange(0, 100)
        self.volume.setValue(60)
        self.volume.setFixedWidth(70)
        self.volume.setToolTip("Volume")
        self.volume.valueChanged.connect(lambda v: self.audio.setVolume(v / 100))
        self.loop = QCheckBox("Loop")
        self.loop.toggled.connect(lambda on: self.player.setLoops(
            QMediaPlayer.Loops.Infinite if on else 1))
        self.controls = QHBoxLayout()
        for widget in (self.play_button, self.slider, self.time, self.mute, self.volume,
                       self.loop):
            self.controls.addWidget(widget, 1 if widget is self.slider else 0)
        for key, slot in (("Left", lambda: self.step(-1)), ("Right", lambda: self.step(1))):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    # -- what to show ------------------------------------------------------------------------
    def show_message(self, text: str, *, offer_download: bool = False) -> None:
        self.player.stop()
        self.player.setSource(QUrl())
        self.source = ""
        self.message.setText(text)
        self.download_button.setVisible(offer_download)
        self.screen.setCurrentIndex(1)
        self._enable(False)

    def play(self, url: QUrl, title: str) -> None:
        """Load and start `url` (a local file or a keyless stream)."""
        self.last_error = None
        self.title.setText(title)
        self.source = url.toString()
        self.screen.setCurrentIndex(0)
        self._enable(True)
        self.player.setSource(url)
        self.player.play()

    def show_task(self, task: TrackedTask | None, profile: Profile | None, *,
                  several: bool = False) -> None:
        """Play what the selected task offers: its saved file, else a keyless stream, else
        say why not. A stream already playing keeps going when the file lands."""
        if task is None:
            key: tuple[Any, ...] = ("none", several)
            if key != self._key:
                self._key = key
                self.set_title("")
                self.show_message("Select one finished task to preview its video." if several
                                  else "Select a finished task to preview its video.")
            return
        source = preview_source(task, profile)
        key = (task.ref, source.path, source.url, source.reason)
        if key == self._key:
            return
        previous, self._key = self._key, key
        if (previous and previous[0] == task.ref and previous[2] and source.path
                and self.source and not self.last_error):
            return  # keep streaming; the saved file plays next time
        title = task.label or task.task_id
        if source.path:
            self.play(QUrl.fromLocalFile(source.path), title)
        elif source.url:
            self.play(QUrl(source.url), f"{title} (streaming)")
        else:
            self.show_message(source.reason or "", offer_download=task.state is
                              TaskState.SUCCEEDED and bool(task.video_urls))
            self.set_title(title)

    def set_title(self, title: str) -> None:
        self.title.setText(title)

    def video_sink(self) -> QVideoSink:
        return self.video.videoSink()

    # -- controls ----------------------------------------------------------------------------
    def toggle(self) -> None:
        if not self.source:
            return
        if self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState:
            self.player.pause()
        else:
            self.player.play()

    def step(self, direction: int) -> None:
        if not self.source:
            return
        playing = self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState
        delta = (STEP_MS if playing else FRAME_MS) * direction
        target = max(0, min(self.player.duration(), self.player.position() + delta))
        self.player.setPosition(target)

    def _mute(self, muted: bool) -> None:
        self.audio.setMuted(muted)
        icon = (QStyle.StandardPixmap.SP_MediaVolumeMuted if muted
                else QStyle.StandardPixmap.SP_MediaVolume)
        self.mute.setIcon(self.style().standardIcon(icon))

    def _enable(self, on: bool) -> None:
        for widget in (self.play_button, self.slider, self.mute, self.volume, self.loop):
            widget.setEnabled(on)
        if not on:
            self.slider.setRange(0, 0)
            self.time.setText("0:00 / 0:00")

    # -- player events -----------------------------------------------------------------------
    def _position(self, position: int) -> None:
        if not self.slider.isSliderDown():
            self.slider.setValue(position)
        self.time.setText(f"{duration(position / 1000)} / "
                          f"{duration(self.player.duration() / 1000)}")

    def _duration(self, total: int) -> None:
        self.slider.setRange(0, total)
        self._position(self.player.position())

    def _state(self, state: QMediaPlayer.PlaybackState) -> None:
        icon = (QStyle.StandardPixmap.SP_MediaPause
                if state == QMediaPlayer.PlaybackState.PlayingState
                else QStyle.StandardPixmap.SP_MediaPlay)
        self.play_button.setIcon(self.style().standardIcon(icon))

    def _status(self, status: QMediaPlayer.MediaStatus) -> None:
        if status == QMediaPlayer.MediaStatus.InvalidMedia and self.last_error is None:
            self._error(QMediaPlayer.Error.FormatError, "the file is not a playable video")

    def _error(self, error: QMediaPlayer.Error, text: str) -> None:
        if error == QMediaPlayer.Error.NoError:
            return
        hint = {
            QMediaPlayer.Error.ResourceError: "The video could not be loaded. If it is a "
            "link, it may have expired: refresh the task for a fresh one, or download it.",
            QMediaPlayer.Error.FormatError: "This video's format or codec cannot be played "
            "here. Open the file with another player.",
            QMediaPlayer.Error.NetworkError: "The video stream failed (network). Try again "
            "or download the video.",
            QMediaPlayer.Error.AccessDeniedError: "The server refused the video (its link may "
            "have expired).",
        }.get(error, "The video cannot be played.")
        self.last_error = f"{hint}\n\n({text})" if text else hint
        title = self.title.text()
        self.show_message(self.last_error, offer_download=self.source.startswith("http"))
        self.title.setText(title)
