"""The preview never rests on a black box: a poster frame before play, the last frame
after the end, Space to play again — checked on the frames the video sink receives."""

from __future__ import annotations

from typing import Any

import qasync
from PySide6.QtCore import Qt, QUrl
from PySide6.QtMultimedia import QMediaPlayer
from PySide6.QtTest import QTest

from tests.ui.helpers import ARTIFACTS, until
from videomon.core.domain.snapshot import Snapshot, TaskState
from videomon.core.domain.task import DownloadState, TrackedTask
from videomon.resources import sample_video
from videomon.ui.preview.pane import PreviewPane


class Frames:
    """What the pane's video sink was last given (an invalid frame paints black)."""

    def __init__(self, pane: PreviewPane) -> None:
        self.seen: list[tuple[bool, int]] = []
        self.last_image: Any = None
        pane.video_sink().videoFrameChanged.connect(self._frame)

    def _frame(self, frame: Any) -> None:
        self.seen.append((frame.isValid(), frame.startTime()))
        if frame.isValid():
            self.last_image = frame.toImage()

    @property
    def showing(self) -> bool:
        return bool(self.seen) and self.seen[-1][0]


def saved_task(ref: int) -> TrackedTask:
    return TrackedTask(ref, "relay", f"video_{ref}", added_at=0.0, state=TaskState.SUCCEEDED,
                       snapshot=Snapshot(f"video_{ref}", "openai", TaskState.SUCCEEDED,
                                         video_urls=(f"https://cdn.example/{ref}.mp4",)),
                       download_paths=(str(sample_video()),), download_state=DownloadState.DONE)


def test_poster_before_play_last_frame_after_the_end_and_space_replays(
        loop: qasync.QEventLoop) -> None:
    async def main() -> None:
        pane = PreviewPane()
        pane.resize(400, 360)
        pane.show()
        frames = Frames(pane)
        pane.show_task(saved_task(1), None)  # selecting a finished, saved row
        await until(lambda: frames.showing, 10)
        assert not pane.playing and pane.player.position() == 0  # a poster, not playing
        assert frames.seen[-1][1] == 0  # the first frame
        ARTIFACTS.mkdir(exist_ok=True)
        assert frames.last_image.save(str(ARTIFACTS / "preview-poster.png"))
        assert pane.play_button.isEnabled()

        pane.play_button.click()
        await until(lambda: pane.playing, 5)
        await until(lambda: pane.at_end, 10)
        await until(lambda: frames.showing, 5)  # rests on a frame, never a black box
        assert not pane.playing
        assert frames.seen[-1][1] > 1_500_000  # near the end (µs)
        assert pane.time.text() == "0:02 / 0:02"
        assert pane.slider.value() == pane.slider.maximum() == 2000
        assert frames.last_image.save(str(ARTIFACTS / "preview-end-frame.png"))

        pane.toggle()  # Space / Play at the end: again from the start
        await until(lambda: pane.playing, 5)
        assert pane.player.position() < 1500
        assert not pane.at_end
        pane.toggle()
        await until(lambda: not pane.playing, 5)
        pane.close()

    loop.run_until_complete(main())


def test_coming_back_to_a_row_shows_its_poster_again(loop: qasync.QEventLoop) -> None:
    async def main() -> None:
        pane = PreviewPane()
        pane.show()
        frames = Frames(pane)
        pane.show_task(saved_task(1), None)
        await until(lambda: frames.showing, 10)
        pane.show_task(None, None)  # nothing selected: the pane says so
        assert pane.screen.currentIndex() == 1 and "Select a finished task" in \
            pane.message.text()
        failed = TrackedTask(3, "relay", "video_3", added_at=0.0, state=TaskState.FAILED)
        pane.show_task(failed, None)
        assert "failed" in pane.message.text()
        count = len(frames.seen)
        pane.show_task(saved_task(2), None)  # another finished row
        await until(lambda: len(frames.seen) > count and frames.showing, 10)
        assert pane.screen.currentIndex() == 0 and not pane.playing
        pane.close()

    loop.run_until_complete(main())


def test_a_click_on_the_picture_plays_and_pauses(loop: qasync.QEventLoop) -> None:
    async def main() -> None:
        pane = PreviewPane()
        pane.show()
        pane.loop.setChecked(True)
        pane.load(QUrl.fromLocalFile(str(sample_video())), "sample")
        await until(lambda: pane.player.mediaStatus() in (
            QMediaPlayer.MediaStatus.BufferedMedia, QMediaPlayer.MediaStatus.LoadedMedia), 10)
        QTest.mouseClick(pane.video, Qt.MouseButton.LeftButton)
        await until(lambda: pane.playing, 5)
        QTest.mouseClick(pane.video, Qt.MouseButton.LeftButton)
        await until(lambda: not pane.playing, 5)
        pane.close()

    loop.run_until_complete(main())
