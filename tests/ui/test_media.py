"""Finished videos in the window: the preview player, downloads shown in the table
(resumed after the app is killed), drag-out MIME data, and no key ever sent to a CDN."""

from __future__ import annotations

import hashlib
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import qasync
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest

from tests.conftest import MemoryKeyring
from tests.httpserver import Reply, ScriptedServer, SlowFileServer
from tests.ui.helpers import ARTIFACTS, until
from videomon.app import VideomonApp
from videomon.core.config.paths import AppPaths
from videomon.core.providers.credentials import CredentialStore
from videomon.core.providers.dialects import FormatRegistry
from videomon.core.providers.profiles import ConfigStore, Profile
from videomon.core.tracking.scheduler import SchedulerConfig
from videomon.core.transfers.media import drag_payload
from videomon.resources import sample_video
from videomon.ui.preview.pane import PreviewPane
from videomon.ui.table.model import Column, Role
from videomon.ui.table.view import payload_mime

KEY = "sk-media-test-SECRET-0123456789"
ROOT = Path(__file__).resolve().parents[2]


def write_config(home: Path, api: str, *, auto: bool = True) -> AppPaths:
    paths = AppPaths.under(home)
    config = ConfigStore(paths.config_file, FormatRegistry())
    config.put(Profile("relay", "openai", api, interval=0.5), replace_existing=True)
    config.save({**config.load(), "settings": {"download_dir": str(home / "videos"),
                                               "auto_download": auto}})
    return paths


def finished(task_id: str, url: str) -> Reply:
    return Reply(body={"id": task_id, "object": "video", "status": "completed",
                       "progress": 100, "model": "sora-2", "video_url": url})


def make_app(paths: AppPaths, keyring: MemoryKeyring) -> VideomonApp:
    creds = CredentialStore(environ={"VIDEOMON_API_KEY_RELAY": KEY}, backend=keyring)
    return VideomonApp(paths, credentials=creds,
                       scheduler_config=SchedulerConfig(flush_interval=0.05))


def row_of(app: VideomonApp, task_id: str) -> int:
    model = app.window.model
    for row in range(model.rowCount()):
        if model.data(model.index(row, 0), Role.TASK).task_id == task_id:
            return row
    raise KeyError(task_id)


def test_player_plays_the_sample_and_frames_arrive(loop: qasync.QEventLoop,
                                                    tmp_path: Path) -> None:
    async def main() -> None:
        pane = PreviewPane()
        pane.resize(400, 300)
        pane.show()
        frames: list[Any] = []
        pane.video_sink().videoFrameChanged.connect(
            lambda frame: frames.append(frame.toImage()) if frame.isValid() else None)
        pane.loop.setChecked(True)  # keeps playing however slow the machine is
        pane.play(QUrl.fromLocalFile(str(sample_video())), "sample")
        await until(lambda: bool(frames), 10)
        assert frames[-1].width() == 320 and frames[-1].height() == 240
        await until(lambda: pane.player.duration() == 2000, 5)
        assert pane.time.text().endswith("/ 0:02")
        pane.toggle()  # pause
        await until(lambda: pane.player.playbackState() != pane.player.PlaybackState.PlayingState,
                    5)
        position = pane.player.position()
        pane.step(1 if position < 1000 else -1)  # one frame while paused
        await until(lambda: pane.player.position() != position, 5)
        bogus = tmp_path / "not-a-video.mp4"
        bogus.write_bytes(b"this is no video at all" * 100)
        pane.play(QUrl.fromLocalFile(str(bogus)), "bogus")
        await until(lambda: pane.last_error is not None, 10)
        assert (pane.screen.currentIndex() == 1 and "cannot be played" in \
            pane.message.text()) or "could not be loaded" in pane.message.text()
        pane.play(QUrl.fromLocalFile(str(tmp_path / "missing.mp4")), "missing")
        await until(lambda: pane.last_error is not None, 10)
        assert pane.message.text()
        pane.close()

    loop.run_until_complete(main())


def test_preview_streams_a_keyless_url_and_drag_gives_files(
        loop: qasync.QEventLoop, tmp_path: Path,
        memory_keyring: MemoryKeyring) -> None:
    video = sample_video().read_bytes()
    with SlowFileServer(video, delay=0) as cdn, ScriptedServer() as api:
        url = f"{cdn.base_url}/v/sample.mp4"
        api.script("/v1/videos/video_prev_1", finished("video_prev_1", url))
        paths = write_config(tmp_path / "home", api.base_url, auto=False)

        async def main() -> None:
            app = make_app(paths, memory_keyring)
            await app.start(check_keyring=False)
            window = app.window
            try:
                await app.commands.tasks.add_text("video_prev_1")
                await until(lambda: window.model.rowCount() == 1 and window.model.data(
                    window.model.index(0, Column.STATE)) == "Succeeded", 10)
                frames: list[Any] = []
                window.preview.video_sink().videoFrameChanged.connect(
                    lambda f: frames.append(f.toImage()) if f.isValid() else None)
                window.select_refs([window.model.data(window.model.index(0, 0), Role.REF)])
                await until(lambda: bool(frames), 10)  # streamed from the CDN, no key
                assert window.preview.source == url
                assert not window.preview.playing  # a poster frame until the user plays
                window.table.setFocus()
                QTest.keyClick(window.table, Qt.Key.Key_Space)
                await until(lambda: window.preview.playing, 5)
                QTest.keyClick(window.table, Qt.Key.Key_Space)
                await until(lambda: not window.preview.playing, 5)
                assert window.model.data(window.model.index(0, Column.DOWNLOAD)) == \
                    "not downloaded"
                # dragging a row that is not downloaded starts its download and says so
                window._download_before_drag(window.selected_tasks())
                await until(lambda: "not downloaded yet" in window.inline_bar.text.text(), 5)
                await until(lambda: window.model.data(
                    window.model.index(0, Column.DOWNLOAD)) == "saved", 15)
                mime = payload_mime(drag_payload(window.selected_tasks()))
                (local,) = [u.toLocalFile() for u in mime.urls()]
                assert Path(local).read_bytes() == video
                assert mime.text() == url
                window.copy_selection()
                copied = QGuiApplication.clipboard().mimeData()
                assert [u.toLocalFile() for u in copied.urls()] == [local]
                ARTIFACTS.mkdir(exist_ok=True)
                assert window.grab().save(str(ARTIFACTS / "window-preview.png"))
                assert frames[-1].save(str(ARTIFACTS / "preview-frame.png"))
            finally:
                window.quit()
                await app.shutdown()

        loop.run_until_complete(main())
        assert any(KEY in s.headers.get("authorization", "") for s in api.seen)
        assert cdn.seen, "the CDN was used (stream and download)"
        for seen in cdn.seen:  # the key never reaches another host
            assert KEY not in " ".join(seen.headers.values())


def test_download_resumes_after_the_app_is_killed(loop: qasync.QEventLoop,
                                                  tmp_path: Path,
                                                  memory_keyring: MemoryKeyring) -> None:
    data = random.Random(5).randbytes(1_500_000)
    with SlowFileServer(data, chunk=16384, delay=0.02) as cdn, ScriptedServer() as api:
        url = f"{cdn.base_url}/v/big.mp4"
        api.script("/v1/videos/video_big_1", finished("video_big_1", url))
        home = tmp_path / "home"
        paths = write_config(home, api.base_url)
        # track the task before the child starts, as a user would have done earlier
        from videomon.core.tracking.store import TaskStore
        TaskStore(paths.data_dir / "tasks.db").add("relay", "video_big_1")
        env = {**os.environ, "VIDEOMON_API_KEY_RELAY": KEY, "QT_QPA_PLATFORM": "offscreen",
               "PYTHONPATH": str(ROOT)}
        child = subprocess.Popen([sys.executable, "-m", "tests.ui.app_child", str(home)],
                                 env=env, cwd=ROOT, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE)
        try:
            deadline = time.monotonic() + 30
            while True:
                parts = list((home / "videos").glob("*.part"))
                if parts and parts[0].stat().st_size > 300_000:
                    break
                assert child.poll() is None, child.stderr.read().decode()[-2000:] \
                    if child.stderr else ""
                assert time.monotonic() < deadline, "the download never started"
                time.sleep(0.05)
        finally:
            child.send_signal(signal.SIGKILL)
            child.wait(10)
        partial = parts[0].stat().st_size
        assert partial < len(data)
        seen_before = len(cdn.seen)

        async def main() -> None:
            app = make_app(paths, memory_keyring)
            await app.start(check_keyring=False)
            window = app.window
            shown: list[str] = []
            try:
                def download_cell() -> str:
                    model = window.model
                    text = model.data(model.index(row_of(app, "video_big_1"), Column.DOWNLOAD))
                    if "%" in text and not any("%" in t for t in shown):
                        ARTIFACTS.mkdir(exist_ok=True)
                        window.grab().save(str(ARTIFACTS / "window-download-progress.png"))
                    shown.append(text)
                    return text

                await until(lambda: download_cell() == "saved", 30)
                assert any("%" in text for text in shown), shown  # progress was shown
                task = app.engine.scheduler.tasks[window.model.data(window.model.index(0, 0),
                                                                    Role.REF)]
                (path,) = task.download_paths
                digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()
                assert digest == hashlib.sha256(data).hexdigest()
            finally:
                window.quit()
                await app.shutdown()

        loop.run_until_complete(main())
        resumed = cdn.seen[seen_before:]
        assert resumed[0].headers.get("range") == f"bytes={partial}-"  # resumed, not restarted
        for seen in cdn.seen:
            assert KEY not in " ".join(seen.headers.values())
