"""The composition root: builds the services and the window, wires them, shuts down in order.

    engine (store, HTTP, scheduler, downloads) → commands → bridge → window

No singletons and no app-wide signal bus: everything is passed to constructors here.
Shutdown: the window closes → pending UI coroutines are cancelled → polling and downloads
stop → the store is flushed and closed → HTTP connections close; all within a second.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_API", "pyside6")  # qasync must pick PySide6

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from videomon import APP_ID
from videomon.core.config.paths import AppPaths
from videomon.core.domain.errors import VideomonError
from videomon.core.providers.credentials import CredentialStore
from videomon.core.providers.formats.library import load_registry
from videomon.core.providers.profiles import ConfigStore
from videomon.core.tracking.commands import Commands
from videomon.core.tracking.engine import Engine
from videomon.core.tracking.scheduler import SchedulerConfig
from videomon.core.tracking.store import StoreError
from videomon.demo_session import DemoSession
from videomon.resources import app_icon_svg
from videomon.ui.desktop.notes import DesktopNotes
from videomon.ui.desktop.single_instance import InstanceServer, hand_over, server_name
from videomon.ui.look.icons import app_icon, state_icons
from videomon.ui.runtime import i18n
from videomon.ui.runtime.async_tasks import TaskRunner
from videomon.ui.runtime.bridge import EngineBridge
from videomon.ui.runtime.errors import ErrorReporter, setup_logging
from videomon.ui.window.main_window import MainWindow

log = logging.getLogger(__name__)
SHUTDOWN_BUDGET = 0.8  # seconds for the engine's ordered stop


class VideomonApp:
    """One running window with its engine. Create inside a running (qasync) loop."""

    def __init__(self, paths: AppPaths, *, credentials: CredentialStore | None = None,
                 log_path: Path | None = None,
                 scheduler_config: SchedulerConfig | None = None,
                 notes: DesktopNotes | None = None) -> None:
        """`notes`: the desktop's notification service (None: the tray's messages only)."""
        self.paths = paths
        # one registry of formats for everything this window does: built in and the user's
        self.formats, self.format_problems = load_registry(paths.formats_dir)
        self.config = ConfigStore(paths.config_file, self.formats)
        self.credentials = credentials or CredentialStore()
        self.engine = Engine(paths, self.config, self.credentials,
                             scheduler_config=scheduler_config)
        self.commands = Commands(self.engine)
        self.bridge = EngineBridge()
        self.engine.scheduler.add_observer(self.bridge)
        self.engine.downloads.add_observer(self.bridge)
        paths.config_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        self.state = QSettings(str(paths.config_dir / "window.ini"), QSettings.Format.IniFormat)
        qapp = QApplication.instance()
        self.translators = []
        if isinstance(qapp, QApplication):
            qapp.setQuitOnLastWindowClosed(False)  # closing runs the ordered shutdown first
            # before any widget exists: widgets take their words when they are built
            self.translators = i18n.install(qapp, self.commands.providers.settings().language,
                                            paths.cache_dir / "i18n")
        self.reporter = ErrorReporter(None, log_path)
        self.runner = TaskRunner(self.reporter.report)
        self.window = MainWindow(self.commands, self.bridge, self.state,
                                 state_icons(), app_icon(), self.runner, self.reporter,
                                 notes)
        self.engine.follower.on_report = self.window.library.account_listed
        self.demo = DemoSession(self.commands.demo)
        self.window.demoRequested.connect(
            lambda: self.runner.spawn(self.demo.start(), self.window.providers_changed,
                                      name="demo"))
        self.window.demoRemovalRequested.connect(
            lambda: self.runner.spawn(self.demo.remove(), self.window.demo_removed,
                                      name="remove-demo"))
        self._closed = asyncio.Event()
        self.window.closed.connect(self._closed.set)

    async def start(self, tasks: Sequence[tuple[str, str]] = (), *,
                    check_keyring: bool = True) -> None:
        """Show the window, start polling (the tasks fill the table as soon as they are
        read), then add `tasks` ((profile, ID) pairs)."""
        self.window.show()
        await self.engine.start()
        await self.demo.resume()
        self.window.load()
        # what start-up built lives as long as the window: keep it out of the collector's
        # full passes, which otherwise stop the window for 50-130 ms with 10,000 tasks
        gc.collect()
        gc.freeze()
        for profile, task_id in tasks:
            await self.engine.scheduler.add(profile, [task_id])
        if check_keyring:  # (the demo's profiles need no key)
            self.runner.spawn(self.commands.providers.keyring_problem(),
                              self.window.set_keyring_problem)

    async def wait_closed(self) -> None:
        await self._closed.wait()

    async def shutdown(self) -> None:
        """Ordered stop, bounded: UI coroutines, then the engine (flush, HTTP, store)."""
        self.window.library.close()  # (no cost worked out while the store closes)
        await self.runner.cancel_all()
        self.window.model.close()
        await self.engine.stop(timeout=SHUTDOWN_BUDGET)
        await self.demo.close()
        qapp = QCoreApplication.instance()
        if qapp is not None:
            i18n.remove(qapp, self.translators)

    async def run(self, tasks: Sequence[tuple[str, str]] = (), *,
                  check_keyring: bool = True) -> None:
        try:
            await self.start(tasks, check_keyring=check_keyring)
            await self.wait_closed()
        finally:
            await self.shutdown()


def main(argv: Sequence[str] | None = None, *, demo: bool = False,
         task_ids: Sequence[str] = ()) -> int:
    """Open the window on a qasync loop; `demo` uses an in-process simulated relay.
    When a window already runs on the same data, `task_ids` go to it and it comes forward."""
    qapp = _qt_application(argv)
    with contextlib.ExitStack() as stack:
        stack.callback(setattr, sys, "excepthook", sys.__excepthook__)
        tasks: list[tuple[str, str]] = []
        if demo:
            paths, tasks = _demo_world(stack)
        else:
            paths = AppPaths.from_environment()
            if hand_over(server_name(paths.data_dir), task_ids):
                print("videomon is already running: its window was brought forward"
                      + (f" with {len(task_ids)} task ID(s)" if task_ids else ""),
                      file=sys.stderr)
                return 0
        return _run_window(qapp, paths, setup_logging(paths.log_dir), demo, tasks, task_ids)
    return 0  # (not reached)


def _qt_application(argv: Sequence[str] | None) -> QApplication:
    qapp = QApplication.instance() or QApplication(list(argv or sys.argv[:1]))
    assert isinstance(qapp, QApplication)
    qapp.setApplicationName("videomon")  # = the .desktop file's StartupWMClass
    qapp.setDesktopFileName(APP_ID)
    qapp.setWindowIcon(app_icon())
    return qapp


def _demo_world(stack: contextlib.ExitStack) -> tuple[AppPaths, list[tuple[str, str]]]:
    """`--demo`: a relay on its own thread and a throwaway data folder, both gone when
    `stack` closes."""
    from videomon.simulator.demo import DEMO_TASKS, RelayThread, make_world, remove_world

    relay = stack.enter_context(RelayThread(demo=True))
    world = make_world(relay.relay.base_url)
    stack.callback(remove_world, world)
    return world.paths, [(profile, task_id) for profile, _, task_id in DEMO_TASKS]


def _run_window(qapp: QApplication, paths: AppPaths, log_path: Path, demo: bool,
                tasks: Sequence[tuple[str, str]], task_ids: Sequence[str]) -> int:
    """The window and its engine on a qasync loop, until the window closes."""
    from videomon.ui.runtime.event_loop import EventLoop

    loop = EventLoop(qapp)
    asyncio.set_event_loop(loop)
    with loop:
        try:
            app = _build(paths, log_path, demo)
        except (VideomonError, StoreError) as exc:
            QMessageBox.critical(None, QCoreApplication.translate(
                "VideomonApp", "videomon cannot start"), str(exc))
            return 1
        sys.excepthook = app.reporter.excepthook
        loop.set_exception_handler(app.reporter.loop_handler)
        listener = None if demo else InstanceServer(server_name(paths.data_dir),
                                                    app.window.bring_forward)
        if task_ids:
            loop.call_soon(app.window.bring_forward, list(task_ids))
        loop.run_until_complete(app.run(tasks, check_keyring=not demo))
        if listener is not None:
            listener.close()
    return 0


def _build(paths: AppPaths, log_path: Path, demo: bool) -> VideomonApp:
    kwargs: dict[str, Any] = {"notes": DesktopNotes("videomon", app_icon_svg())}
    if demo:
        kwargs["credentials"] = CredentialStore(environ={})
        kwargs["scheduler_config"] = SchedulerConfig(flush_interval=0.2)
    return VideomonApp(paths, log_path=log_path, **kwargs)
