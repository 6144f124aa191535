"""The preview pane: QMediaPlayer + QVideoWidget + QAudioOutput with the usual controls.

Play/pause (Space, or a click on the picture), a seek slider with elapsed/total time, ←/→
to step (a frame when paused, 5 s when playing), volume, mute and loop. The pane never
rests on a black box: a selected video shows its first frame as a poster until it is
played, and stops on its last frame at the end (Space then plays it again from the
start). When media cannot be played the pane says why (codec, missing file, expired link).
Without an audio device the video still plays (Qt only logs it).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QUrl, Signal
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

from videomon.core.domain.snapshot import TaskState
from videomon.core.domain.task import TrackedTask
from videomon.core.providers.profiles import Profile
from videomon.core.transfers.media import NoPreview, PreviewSource, preview_source
from videomon.ui.wording import duration

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
        self.video.setToolTip(self.tr("Click or press Space to play / pause"))
        self.video.installEventFilter(self)
        self.player.setVideoOutput(self.video)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.download_button = QPushButton(self.tr("Download"))
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
        self.at_end = False  # resting on the last frame: Space starts again from the start
        self._key: tuple[Any, ...] | None = None
        self.show_message(self.tr("Select a finished task to preview its video."))
        self.has_audio_device = bool(QMediaDevices.audioOutputs())

    def _build_controls(self) -> None:
        style = self.style()
        self.play_button = QToolButton()
        self.play_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_MediaPlay))
        self.play_button.setToolTip(self.tr("Play / pause (Space)"))
        self.play_button.setAccessibleName(self.tr("Play / pause"))
        self.play_button.clicked.connect(self.toggle)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, 0)
        self.slider.sliderMoved.connect(self.seek)
        self.slider.setAccessibleName(self.tr("Position"))
        self.time = QLabel("0:00 / 0:00")
        self.mute = QToolButton()
        self.mute.setCheckable(True)
        self.mute.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_MediaVolume))
        self.mute.setToolTip(self.tr("Mute"))
        self.mute.setAccessibleName(self.tr("Mute"))
        self.mute.toggled.connect(self._mute)
        self.volume = QSlider(Qt.Orientation.Horizontal)
        self.volume.setRange(0, 100)
        self.volume.setValue(60)
        self.volume.setFixedWidth(70)
        self.volume.setToolTip(self.tr("Volume"))
        self.volume.setAccessibleName(self.tr("Volume"))
        self.volume.valueChanged.connect(lambda v: self.audio.setVolume(v / 100))
        self.loop = QCheckBox(self.tr("Loop"))
        self.loop.toggled.connect(lambda on: self.player.setLoops(
            QMediaPlayer.Loops.Infinite if on else 1))
        # the seek bar on its own line keeps its length in a narrow pane
        self.controls = QVBoxLayout()
        self.controls.addWidget(self.slider)
        buttons = QHBoxLayout()
        for widget in (self.play_button, self.time):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        for widget in (self.mute, self.volume, self.loop):
            buttons.addWidget(widget)
        self.controls.addLayout(buttons)
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

    def load(self, url: QUrl, title: str, *, autoplay: bool = False) -> None:
        """Load `url` (a local file or a keyless stream): paused on its first frame (the
        poster), or playing when `autoplay`."""
        self.last_error = None
        self.at_end = False
        self.title.setText(title)
        self.source = url.toString()
        self.screen.setCurrentIndex(0)
        self._enable(True)
        self.player.setSource(url)
        if autoplay:
            self.player.play()
        else:
            self.player.pause()  # the backend decodes and shows the frame at 0

    @property
    def shown_ref(self) -> int | None:
        """The task whose video (or why there is none) the pane shows; None: no task."""
        key = self._key
        return key[0] if key and isinstance(key[0], int) else None

    def play(self, url: QUrl, title: str) -> None:
        """Load and start `url`."""
        self.load(url, title, autoplay=True)

    def show_task(self, task: TrackedTask | None, profile: Profile | None, *,
                  several: bool = False) -> None:
        """Play what the selected task offers: its saved file, else a keyless stream, else
        say why not. A stream already playing keeps going when the file lands."""
        if task is None:
            key: tuple[Any, ...] = ("none", several)
            if key != self._key:
                self._key = key
                self.set_title("")
                self.show_message(
                    self.tr("Select one finished task to preview its video.") if several
                    else self.tr("Select a finished task to preview its video."))
            return
        source = preview_source(task, profile)
        key = (task.ref, source.path, source.url, source.reason)
        if key == self._key:
            return
        previous, self._key = self._key, key
        if (previous and previous[0] == task.ref and previous[2] and source.path
                and self.source and not self.last_error and self.playing):
            return  # keep streaming; the saved file plays next time
        title = task.title or task.label or task.task_id  # (the user's name first)
        if source.path:
            self.load(QUrl.fromLocalFile(source.path), title)
        elif source.url:
            self.load(QUrl(source.url), self.tr("{title} (streaming)").format(title=title))
        else:
            self.show_message(self.no_preview_text(source), offer_download=task.state is
                              TaskState.SUCCEEDED and bool(task.video_urls))
            self.set_title(title)

    def no_preview_text(self, source: PreviewSource) -> str:
        if source.reason is NoPreview.FAILED:
            return self.tr("This task failed; there is no video to preview.")
        if source.reason is NoPreview.NOT_FOUND:
            return self.tr("The provider does not know this task; there is no video.")
        if source.reason is NoPreview.NOT_READY:
            return self.tr("The video is not ready yet.")
        if source.reason is NoPreview.FILE_MISSING:
            return self.tr("The downloaded file is missing: {path}").format(path=source.missing)
        if source.reason is NoPreview.NO_URL:
            return self.tr("The provider gave no video URL for this task.")
        return self.tr("This video is served with your API key, which is never handed to "
                       "the player: download it to preview it.")

    def set_title(self, title: str) -> None:
        self.title.setText(title)

    def video_sink(self) -> QVideoSink:
        return self.video.videoSink()

    # -- controls ----------------------------------------------------------------------------
    def stop(self) -> None:
        self.player.stop()

    @property
    def playing(self) -> bool:
        return self.player.playbackState() == QMediaPlayer.PlaybackState.PlayingState

    def toggle(self) -> None:
        """Play / pause; at the end, play again from the start."""
        if not self.source:
            return
        if self.playing:
            self.player.pause()
            return
        if self.at_end:
            self.at_end = False
            self.player.setPosition(0)
        self.player.play()

    def seek(self, position: int) -> None:
        self.at_end = False
        self.player.setPosition(position)

    def step(self, direction: int) -> None:
        if not self.source:
            return
        delta = (STEP_MS if self.playing else FRAME_MS) * direction
        self.seek(max(0, min(self.player.duration(), self.player.position() + delta)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.video and event.type() == QEvent.Type.MouseButtonRelease:
            self.toggle()
            return True
        return super().eventFilter(watched, event)

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
        total = self.player.duration()
        if self.at_end:  # resting on the last frame reads as the end, not a frame before it
            position = total
        if not self.slider.isSliderDown():
            self.slider.setValue(position)
        self.time.setText(f"{duration(position / 1000)} / {duration(total / 1000)}")

    def _duration(self, total: int) -> None:
        self.slider.setRange(0, total)
        self._position(self.player.position())

    def _state(self, state: QMediaPlayer.PlaybackState) -> None:
        icon = (QStyle.StandardPixmap.SP_MediaPause
                if state == QMediaPlayer.PlaybackState.PlayingState
                else QStyle.StandardPixmap.SP_MediaPlay)
        self.play_button.setIcon(self.style().standardIcon(icon))

    def _status(self, status: QMediaPlayer.MediaStatus) -> None:
        if status == QMediaPlayer.MediaStatus.EndOfMedia and self.source:
            # The backend clears the picture when it stops: rest on the last frame instead.
            self.at_end = True
            self.player.setPosition(max(0, self.player.duration() - FRAME_MS))
            self.player.pause()
            return
        if status == QMediaPlayer.MediaStatus.InvalidMedia and self.last_error is None:
            self._error(QMediaPlayer.Error.FormatError,
                        self.tr("the file is not a playable video"))

    def _error(self, error: QMediaPlayer.Error, text: str) -> None:
        if error == QMediaPlayer.Error.NoError:
            return
        hint = {
            QMediaPlayer.Error.ResourceError: self.tr(
                "The video could not be loaded. If it is a link, it may have expired: "
                "refresh the task for a fresh one, or download it."),
            QMediaPlayer.Error.FormatError: self.tr(
                "This video's format or codec cannot be played here. Open the file with "
                "another player."),
            QMediaPlayer.Error.NetworkError: self.tr(
                "The video stream failed (network). Try again or download the video."),
            QMediaPlayer.Error.AccessDeniedError: self.tr(
                "The server refused the video (its link may have expired)."),
        }.get(error, self.tr("The video cannot be played."))
        self.last_error = f"{hint}\n\n({text})" if text else hint
        title = self.title.text()
        self.show_message(self.last_error, offer_download=self.source.startswith("http"))
        self.title.setText(title)
