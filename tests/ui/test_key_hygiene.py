"""The window with a known key and a debug log: downloads, a failed task, a rejected key,
the details dialog, an error dialog and every Copy action. Afterwards the key (and its
base64) is in no file, no log line, no clipboard content and no visible text."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest
import qasync
from PySide6.QtWidgets import QApplication

from tests.conftest import MemoryKeyring
from tests.test_security import KEY, NEEDLES, files_containing_the_key
from tests.ui.helpers import until
from tests.ui.widget_texts import texts
from videomon.app import VideomonApp
from videomon.core.config.paths import AppPaths
from videomon.core.providers.credentials import CredentialStore
from videomon.core.providers.dialects import FormatRegistry
from videomon.core.providers.profiles import ConfigStore, Profile
from videomon.core.tracking.scheduler import SchedulerConfig
from videomon.simulator.demo import RelayThread
from videomon.ui.runtime.errors import setup_logging


def leaks(text: str) -> bool:
    return any(n.decode(errors="ignore") in text for n in NEEDLES)


def test_the_window_shows_copies_and_logs_no_key(
        loop: qasync.QEventLoop, tmp_path: Path,
        memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VIDEOMON_LOG_LEVEL", "DEBUG")
    home = tmp_path / "home"
    paths = AppPaths.under(home)
    root = logging.getLogger()
    handlers = list(root.handlers)
    log_path = setup_logging(paths.log_dir)
    seen_texts: list[str] = []

    async def main() -> None:
        with RelayThread(speed=40.0, seed=12) as thread:
            thread.relay.key = KEY
            base = thread.relay.base_url
            config = ConfigStore(paths.config_file, FormatRegistry())
            config.put(Profile("sim", "openai", base, interval=0.5))
            config.put(Profile("wrong", "openai", base, interval=0.5))
            config.save({**config.load(), "settings": {
                "download_dir": str(home / "downloads"), "auto_download": True}})
            memory_keyring.set_password("videomon", "sim", KEY)
            memory_keyring.set_password("videomon", "wrong", KEY + "-not-it")
            app = VideomonApp(paths, log_path=log_path,
                              credentials=CredentialStore(environ={}, backend=memory_keyring),
                              scheduler_config=SchedulerConfig(flush_interval=0.05))
            await app.start(check_keyring=False)
            window = app.window
            try:
                await app.commands.tasks.add_text("task_ok_key1\nvideo_ok_key2\ntask_fail_key3",
                                            profile="sim")
                await app.commands.tasks.add_text("task_ok_key4", profile="wrong")
                await until(lambda: sum(t.saved for t in app.commands.tasks.copies()) == 2, 30)
                await until(lambda: any(t.state.value == "failed"
                                        for t in app.commands.tasks.copies()), 30)
                window.table.selectAll()
                clipboard = QApplication.clipboard()
                for action in (window.actions.copy, window.actions.copy_id,
                               window.actions.copy_url):
                    action.trigger()
                    data = clipboard.mimeData()
                    seen_texts.append(clipboard.text())
                    seen_texts.extend(u.toString() for u in data.urls())
                failed = next(t for t in app.commands.tasks.copies() if t.state.value == "failed")
                window.select_refs([failed.ref])
                window.show_details()
                await asyncio_sleep(0.5)
                for widget in QApplication.topLevelWidgets():
                    if widget.isVisible():
                        seen_texts.extend(text for _, text in texts(widget))
                try:  # a crash report of an error whose message holds the key
                    raise RuntimeError(f"a test failure: sent 'Authorization: Bearer {KEY}'")
                except RuntimeError as exc:
                    app.reporter.report(exc)
                await asyncio_sleep(0.2)
                report = app.reporter._dialog
                assert report is not None and "a test failure" in report.text()
                seen_texts.extend([report.text(), report.detailedText()])
                for widget in QApplication.topLevelWidgets():
                    if widget.isVisible():
                        seen_texts.extend(text for _, text in texts(widget))
                seen_texts.append(window.summary.problem_label.text())
            finally:
                for widget in QApplication.topLevelWidgets():
                    if widget is not window and widget.isVisible():
                        widget.close()
                window.quit()
                await app.shutdown()
            assert not [h for cdn in thread.relay.cdn_requests for h in cdn.values()
                        if leaks(h)]

    try:
        loop.run_until_complete(main())
    finally:
        for handler in list(root.handlers):
            if handler not in handlers:
                root.removeHandler(handler)
                handler.close()
    assert any("video_ok_key2" in t for t in seen_texts)  # the copies did copy
    assert not [t for t in seen_texts if leaks(t)]
    assert log_path.read_text(encoding="utf-8").count("DEBUG") > 0 or os.path.getsize(log_path)
    assert files_containing_the_key(home) == []


async def asyncio_sleep(seconds: float) -> None:
    import asyncio

    await asyncio.sleep(seconds)
