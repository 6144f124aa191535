"""`videomon --self-test`: is this installation (a source install or the bundle) whole?

One line per check, exit 0 only when all pass: the window builds (offscreen), a media
backend is there, a keyring backend loads, both languages' catalogues (videomon's and Qt's)
load, and one simulated task runs to the end —
polled, downloaded, and its video decoded to a preview frame.
"""

from __future__ import annotations

import asyncio
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_API", "pyside6")

SELF_TEST_TASK = "sora-2:task_ok_selftest1"
Check = tuple[str, bool, str]


def _keyring() -> Check:
    from videomon.core.providers.credentials import CredentialStore

    status = CredentialStore().status()  # the same probe the window's banner uses
    if not status.usable:
        return "keyring", False, (f"{status.reason} ({status.backend}); install and unlock a "
                                  "Secret Service (gnome-keyring, KWallet)")
    return "keyring", True, status.backend


def _languages() -> Check:
    from PySide6.QtCore import QLibraryInfo, QTranslator

    from videomon.ui.i18n import CATALOGUES, catalogue

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
            await app.commands.add_text(SELF_TEST_TASK, "sim")
            deadline = time.monotonic() + 30
            task = None
            while time.monotonic() < deadline:
                task = next(iter(app.commands.tasks()), None)
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
            app.window.close()
            await app.shutdown()
            remove_world(world)


def run_self_test() -> int:
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    checks: list[Check] = []

    def report(check: Check) -> None:
        checks.append(check)
        name, ok, detail = check
        print(f"{'ok  ' if ok else 'FAIL'}  {name}: {detail}", flush=True)

    from PySide6.QtWidgets import QApplication  # noqa: I001 - PySide6 before qasync
    from videomon.ui.event_loop import EventLoop

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
    failed = [name for name, ok, _ in checks if not ok]
    print(f"self-test: {len(checks) - len(failed)} passed, {len(failed)} failed", flush=True)
    return 1 if failed else 0
