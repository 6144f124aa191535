"""`videomon --self-test`: is this installation (a source install or the bundle) whole?

One line per check, exit 0 only when all pass: the window builds (offscreen), a media
backend is there, a keyring backend loads, both languages' catalogues (videomon's and Qt's)
load, and one simulated task runs to the end —
polled, downloaded, and its video decoded to a preview frame.

What Qt, FFmpeg and PulseAudio write to the process's stderr while the checks run (stream
dumps, "No HW decoder found", a missing audio server) is captured at the file-descriptor
level and kept out of the output; under a check that fails, the lines captured while it
ran are shown, indented, so the reason is there to read.
"""

from __future__ import annotations

import asyncio
import contextlib
import faulthandler
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

os.environ.setdefault("QT_API", "pyside6")

SELF_TEST_TASK = "sora-2:task_ok_selftest1"
Check = tuple[str, bool, str]
#: at most this many captured lines (the last ones) under a failed check, each cut to WIDTH
SHOWN_LINES = 20
WIDTH = 240


class _StderrCapture:
    """File descriptor 2 redirected to a temporary file (FFmpeg and Qt's plugins write there
    directly, past Python's `sys.stderr`), and Qt's messages routed into the same file.

    `take()` returns what was written since the last call. An exception out of the block
    and a fatal Qt message (Qt then aborts) spill what was not taken onto the real stderr;
    faulthandler writes there too on a crash (its traceback only: the capture is lost).
    """

    def __init__(self) -> None:
        self._saved = -1
        self._fault_handler_was_on = False
        self._previous_handler: object = None

    def __enter__(self) -> _StderrCapture:
        from PySide6.QtCore import qInstallMessageHandler

        sys.stderr.flush()
        fd, path = tempfile.mkstemp(prefix="videomon-self-test-", suffix=".log")
        self._reader = open(path, "rb")  # its own file offset: writers append untouched
        self._path: str | None = path
        try:
            os.unlink(path)  # POSIX: gone once both ends are closed
            self._path = None
        except OSError:  # Windows: removed on exit
            pass
        self._saved = os.dup(2)
        os.dup2(fd, 2)
        os.close(fd)
        self._fault_handler_was_on = faulthandler.is_enabled()
        faulthandler.enable(file=self._saved, all_threads=True)
        self._previous_handler = qInstallMessageHandler(self._on_qt_message)
        return self

    def _on_qt_message(self, mode: object, context: object, message: str) -> None:
        from PySide6.QtCore import QtMsgType, qFormatLogMessage

        line = (qFormatLogMessage(mode, context, message) + "\n").encode("utf-8", "replace")
        if mode == QtMsgType.QtFatalMsg:  # Qt aborts when this returns: say it on the real
            sys.stderr.flush()           # stderr, with what led up to it
            os.write(self._saved, self._reader.read() + line)
            return
        os.write(2, line)

    def take(self) -> list[str]:
        sys.stderr.flush()
        text = self._reader.read().decode("utf-8", "replace")
        return [line.rstrip() for line in text.splitlines() if line.strip()]

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        from PySide6.QtCore import qInstallMessageHandler

        qInstallMessageHandler(self._previous_handler)  # type: ignore[arg-type]
        sys.stderr.flush()
        os.dup2(self._saved, 2)
        if exc_type is not None:  # the self-test itself broke: what led up to it, unfiltered
            os.write(2, self._reader.read())
        if self._fault_handler_was_on:
            faulthandler.enable(file=sys.stderr, all_threads=True)
        else:
            faulthandler.disable()
        os.close(self._saved)
        self._reader.close()
        if self._path is not None:
            with contextlib.suppress(OSError):
                os.unlink(self._path)


def _shown(lines: list[str]) -> list[str]:
    """The captured lines to show under a failed check: the last SHOWN_LINES, each cut short."""
    shown = [line if len(line) <= WIDTH else line[:WIDTH - 1] + "…"
             for line in lines[-SHOWN_LINES:]]
    if len(lines) > SHOWN_LINES:
        shown.insert(0, f"… ({len(lines) - SHOWN_LINES} earlier lines not shown)")
    return shown


def _keyring() -> Check:
    from videomon.core.providers.credentials import CredentialStore

    status = CredentialStore().status()  # the same probe the window's banner uses
    if not status.usable:
        return "keyring", False, (f"{status.reason} ({status.backend}); install and unlock a "
                                  "Secret Service (gnome-keyring, KWallet)")
    return "keyring", True, status.backend


def _languages() -> Check:
    from PySide6.QtCore import QLibraryInfo, QTranslator

    from videomon.ui.runtime.i18n import CATALOGUES, catalogue

    found = []
    for language in CATALOGUES:
        path = catalogue(language)
        if path is None or not QTranslator().load(str(path)):
            return "languages", False, f"no {language} catalogue under resources/i18n"
        found.append(language)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not QTranslator().load("qtbase_zh_CN", qt_dir):
        return "languages", False, f"Qt's own zh_CN strings are missing ({qt_dir})"
    return "languages", True, ", ".join(found) + " (and Qt's zh_CN)"


def _media() -> Check:
    try:
        from PySide6.QtMultimedia import QMediaFormat
    except ImportError as exc:
        return "media backend", False, f"QtMultimedia cannot load: {exc}"
    decoders = QMediaFormat().supportedVideoCodecs(QMediaFormat.ConversionMode.Decode)
    if not decoders:
        return "media backend", False, "no video decoder (no QtMultimedia backend found)"
    return "media backend", True, f"{len(decoders)} video decoders"


async def _frame_of(path: Path, timeout: float = 10.0) -> tuple[int, int] | None:
    """The size of the first frame decoded from `path` (None when none came)."""
    from PySide6.QtCore import QUrl
    from PySide6.QtMultimedia import QMediaPlayer, QVideoSink

    player, sink = QMediaPlayer(), QVideoSink()
    player.setVideoOutput(sink)
    sizes: list[tuple[int, int]] = []
    sink.videoFrameChanged.connect(lambda f: sizes.append((f.width(), f.height()))
                                   if f.isValid() else None)
    player.setSource(QUrl.fromLocalFile(str(path)))
    player.pause()
    deadline = time.monotonic() + timeout
    while not sizes and time.monotonic() < deadline:
        await asyncio.sleep(0.05)
    player.stop()
    return sizes[0] if sizes else None


async def _simulated_task(report: Callable[[Check], None]) -> None:
    from videomon.app import VideomonApp
    from videomon.core.providers.credentials import CredentialStore
    from videomon.core.tracking.scheduler import SchedulerConfig
    from videomon.simulator.demo import RelayThread, make_world, remove_world

    with RelayThread(speed=20.0, seed=3) as relay:
        world = make_world(relay.relay.base_url, tasks=[("sim", "openai", "x")])
        app = VideomonApp(world.paths, credentials=CredentialStore(environ={}),
                          scheduler_config=SchedulerConfig(flush_interval=0.05))
        try:
            await app.start(check_keyring=False)
            size = app.window.size()
            report(("window", True, f"built ({size.width()}×{size.height()}, "
                                    f"{os.environ.get('QT_QPA_PLATFORM') or 'default'})"))
            await app.commands.tasks.add_text(SELF_TEST_TASK, "sim")
            deadline = time.monotonic() + 30
            task = None
            while time.monotonic() < deadline:
                task = next(iter(app.commands.tasks.copies()), None)
                if task is not None and task.saved:
                    break
                await asyncio.sleep(0.1)
            if task is None or not task.saved:
                state = "not tracked" if task is None else \
                    f"{task.state.value}, download {task.download_state}"
                report(("simulated task", False, f"did not finish and save in 30 s ({state})"))
                return
            path = Path(task.download_paths[0])
            report(("simulated task", True, f"polled to success and saved "
                                            f"({path.stat().st_size:,} bytes)"))
            frame = await _frame_of(path)
            report(("preview frame", frame is not None,
                    f"decoded {frame[0]}×{frame[1]}" if frame else "no frame decoded"))
        finally:
            app.window.quit()
            await app.shutdown()
            remove_world(world)


def run_self_test() -> int:
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    checks: list[Check] = []
    with _StderrCapture() as captured:

        def report(check: Check) -> None:
            checks.append(check)
            name, ok, detail = check
            lines = captured.take()  # written while this check ran
            print(f"{'ok  ' if ok else 'FAIL'}  {name}: {detail}", flush=True)
            if not ok:
                for line in _shown(lines):
                    print(f"      {line}", flush=True)

        from PySide6.QtWidgets import QApplication  # noqa: I001 - PySide6 before qasync
        from videomon.ui.runtime.event_loop import EventLoop

        qapp = QApplication.instance() or QApplication(sys.argv[:1])
        report(_media())
        report(_keyring())
        report(_languages())
        loop = EventLoop(qapp)
        asyncio.set_event_loop(loop)
        try:
            with loop:
                loop.run_until_complete(_simulated_task(report))
        except Exception as exc:  # the point is to say what broke, not to crash
            report(("simulated task", False, f"{type(exc).__name__}: {exc}"))
        captured.take()  # after the last check (shutting down): nobody's reason
    failed = [name for name, ok, _ in checks if not ok]
    print(f"self-test: {len(checks) - len(failed)} passed, {len(failed)} failed", flush=True)
    return 1 if failed else 0
