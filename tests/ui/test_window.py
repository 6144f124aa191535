"""The real window, offscreen, on a qasync loop, against the simulated relay.

One `qasync.QEventLoop` per test drives both Qt and asyncio; errors raised inside the
loop are collected and re-raised at teardown (pytest-qt's waits do not drive asyncio).
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Any

import qasync
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest

from tests.conftest import MemoryKeyring
from tests.ui.helpers import ARTIFACTS, column, make_app, page, until
from videomon.core.domain.task import Watch
from videomon.simulator.demo import RelayThread
from videomon.ui.table.model import Column, Role

IDS = ("sora-2:task_ok_w1n", "video_ok_w2n", "demo-fail-w3n")


def test_paste_track_finish_and_restart(loop: qasync.QEventLoop, relay: RelayThread,
                                        tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    home = tmp_path / "home"

    async def first_run() -> float:
        app = make_app(home, relay.relay.base_url, memory_keyring)
        await app.start()
        window = app.window
        assert window.stack.currentWidget() is page(window).empty  # the empty-state hint
        QGuiApplication.clipboard().setText(f"{IDS[0]}\n{IDS[1]}, {IDS[2]}")
        window.activateWindow()
        await until(lambda: QGuiApplication.focusWindow() is not None, 5)
        assert window.focusWidget() is page(window).empty
        QTest.keyClick(page(window).empty, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
        await until(lambda: window.model.rowCount() == 3, 10)
        await until(lambda: "Added 3 tasks to sim" in window.inline_bar.text.text(), 5)
        assert window.stack.currentWidget() is window.table

        def mid_progress() -> bool:
            values = column(app, Column.PROGRESS, Role.PROGRESS)
            return any(v is not None and 0 < v < 100 for v in values.values())

        await until(mid_progress)
        ARTIFACTS.mkdir(exist_ok=True)
        assert window.grab().save(str(ARTIFACTS / "window-mid-progress.png"))
        await until(lambda: set(column(app, Column.STATE).values()) <= {"Succeeded", "Failed"},
                    60)
        states = column(app, Column.STATE)
        assert states == {IDS[0]: "Succeeded", IDS[1]: "Succeeded", IDS[2]: "Failed"}
        assert "0 active" in page(window).counts_label.text()
        assert window.windowTitle() == "videomon"
        QGuiApplication.clipboard().setText(IDS[0])  # pasting it again: a duplicate
        window.table.setFocus()
        QTest.keyClick(window.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
        note = f"Already tracked, skipped: {IDS[0]}"
        await until(lambda: note in window.inline_bar.text.text(), 5)
        assert window.model.rowCount() == 3
        assert window.grab().save(str(ARTIFACTS / "window-finished.png"))
        header = window.table.horizontalHeader()
        header.setSectionHidden(Column.MODEL, True)  # remembered across restarts:
        header.moveSection(header.visualIndex(Column.OUTPUT), 1)
        window.table.sortByColumn(Column.PROGRESS, Qt.SortOrder.DescendingOrder)
        page(window).state_filter.setCurrentText("Failed")
        started = time.monotonic()
        window.quit()
        await app.wait_closed()
        await app.shutdown()
        return time.monotonic() - started

    shutdown_seconds = loop.run_until_complete(first_run())
    assert shutdown_seconds < 1.0

    async def second_run() -> None:
        app = make_app(home, relay.relay.base_url, memory_keyring)
        await app.start()
        try:
            assert column(app, Column.STATE) == {IDS[2]: "Failed"}  # (the filter kept)
            header = app.window.table.horizontalHeader()
            assert header.isSectionHidden(Column.MODEL)
            assert header.visualIndex(Column.OUTPUT) == 1
            assert header.sortIndicatorSection() == Column.PROGRESS
            assert page(app.window).state_filter.currentText() == "Failed"
            page(app.window).state_filter.setCurrentText("All")
            assert set(column(app, Column.STATE)) == set(IDS)
        finally:
            app.window.quit()
            await app.shutdown()

    loop.run_until_complete(second_run())


def test_unrecognizable_paste_adds_nothing_and_says_so(loop: qasync.QEventLoop,
                                                       relay: RelayThread, tmp_path: Path,
                                                       memory_keyring: MemoryKeyring) -> None:
    async def main() -> None:
        app = make_app(tmp_path / "home", relay.relay.base_url, memory_keyring)
        await app.start()
        try:
            app.window.add_text("https://cdn.example/some/video.mp4 hello")
            await until(lambda: app.window.inline_bar.isVisibleTo(app.window), 5)
            assert "Nothing was added" in app.window.inline_bar.text.text()
            assert app.window.model.rowCount() == 0
        finally:
            app.window.quit()
            await app.shutdown()

    loop.run_until_complete(main())


def test_remove_and_undo_keep_the_row(loop: qasync.QEventLoop, relay: RelayThread,
                                      tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    async def main() -> None:
        app = make_app(tmp_path / "home", relay.relay.base_url, memory_keyring)
        await app.start()
        window = app.window
        try:
            window.add_text("video_ok_r1n video_ok_r2n")
            await until(lambda: window.model.rowCount() == 2, 10)
            await until(lambda: len(window.selected_tasks()) == 2, 5)
            window.remove_selected()
            await until(lambda: window.model.rowCount() == 0, 5)
            assert window.inline_bar.undo_button.isVisibleTo(window)
            window.undo_remove()
            await until(lambda: window.model.rowCount() == 2, 5)
            assert sorted(column(window_app := app, Column.STATE)) == ["video_ok_r1n",
                                                                      "video_ok_r2n"]
            assert window_app.engine.store.find("sim", "video_ok_r1n") is not None
        finally:
            window.quit()
            await app.shutdown()

    loop.run_until_complete(main())


def test_every_state_banner_and_dialogs_render(loop: qasync.QEventLoop, relay: RelayThread,
                                               tmp_path: Path,
                                               memory_keyring: MemoryKeyring) -> None:
    """Tasks in every state, a rejected-key banner, the details and settings dialogs."""
    from videomon.core.domain.task import TrackedTask
    from videomon.ui.settings.dialog import SettingsDialog

    async def main() -> None:
        app = make_app(tmp_path / "home", relay.relay.base_url, memory_keyring)
        await app.start()
        window = app.window
        now = time.time()

        def task(ref: int, task_id: str, state: str, progress: float | None, watch: str,
                 **extra: Any) -> TrackedTask:
            from videomon.core.domain.snapshot import Snapshot, TaskState
            snap = Snapshot(task_id, "openai", TaskState(state), progress, model="sora-2",
                            video_urls=tuple(extra.pop("urls", [])),
                            error=extra.pop("error", None),
                            created_at=int(now - 95 * (ref - 900)))
            return TrackedTask(ref, "sim", task_id, now - 100 * ref, state=TaskState(state),
                               progress=progress, snapshot=snap, raw={"id": task_id},
                               watch=Watch(watch), last_checked_at=now - 2,
                               last_change_at=extra.pop("changed", now - 2),
                               next_poll_at=now + 4, **extra)

        window.on_tasks_changed([
            task(901, "video_queued_01", "queued", 0, "active"),
            task(902, "sora-2:task_running_02", "running", 64, "active"),
            task(903, "veo3:placeholder-stall-03", "running", 50, "active", changed=now - 200),
            task(904, "video_unknown_04", "running", None, "active"),
            task(905, "video_paused_05", "running", 30, "paused"),
            task(906, "video_done_06", "succeeded", 100, "done",
                 urls=["https://cdn.example/v/06.mp4"]),
            task(907, "video_failed_07", "failed", 80, "done",
                 error="输入的提示词违反了相关服务政策"),
            task(908, "video_gone_08", "queued", None, "not_found",
                 problem_message="the provider does not know this task (HTTP 404)"),
            task(909, "video_stale_09", "running", 10, "stale",
                 problem_message="no change for 24 h; polling stopped"),
        ])
        from videomon.core.providers.profiles import ProfileProblem
        window.on_profile_problem("sim", ProfileProblem(
            "key", "the provider rejected the API key (HTTP 401)"))
        window.on_profile_problem("old", ProfileProblem(
            "config", "its format 'mine' is not installed"))
        window.resize(1240, 480)
        await asyncio.sleep(0.3)
        states = column(app, Column.STATE)
        assert states["video_paused_05"] == "Paused"
        assert states["sora-2:task_running_02"] == "Not polled"  # (its key was rejected)
        assert not column(app, Column.PROGRESS, Role.INDETERMINATE)["video_unknown_04"]
        assert states["video_gone_08"] == "Not found" and states["video_stale_09"] == "Stale"
        banner = page(window).banner.text()
        assert page(window).banner.isVisibleTo(window) and "rejected" in banner
        assert "paused until the key changes" in banner
        assert "href='settings:sim'" in banner  # (Settings opens on that provider)
        assert "<b>old</b> is not polled: its format &#x27;mine&#x27; is not" in banner
        ARTIFACTS.mkdir(exist_ok=True)
        assert window.grab().save(str(ARTIFACTS / "window-every-state.png"))
        # its raw answer is read from the store when the details open
        app.engine.store.restore([task(907, "video_failed_07", "failed", 80, "done")])
        window.select_refs([907])
        window.show_details()
        await until(lambda: bool(window._details), 2)
        details = window._details[-1]
        details.tabs.setCurrentWidget(details.raw)
        # the raw answer is read from disk, not kept in memory
        await until(lambda: "video_failed_07" in details.raw.toPlainText(), 5)
        assert details.grab().save(str(ARTIFACTS / "details-dialog.png"))
        details.close()
        dialog = SettingsDialog(list(app.engine.scheduler.profiles.values()),
                                app.commands.providers.settings(), {"sim": "keyring"}, None,
                                str(tmp_path / "downloads"), window,
                                catalog=app.commands.formats.catalog())
        assert dialog.key.echoMode() == dialog.key.EchoMode.Password
        assert dialog.grab().save(str(ARTIFACTS / "settings-dialog.png"))
        dialog.close()
        window.quit()
        await app.shutdown()

    loop.run_until_complete(main())


def test_settings_save_key_to_keyring_and_test_connection(
        loop: qasync.QEventLoop, tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    from videomon.simulator.server import SimulatedRelay
    from videomon.ui.settings.dialog import SettingsDialog

    with RelayThread(speed=4.0) as keyed:
        keyed.relay.key = "sk-settings-test-0001"

        async def main() -> None:
            app = make_app(tmp_path / "home", keyed.relay.base_url, memory_keyring)
            await app.start()
            window = app.window
            try:
                window.open_settings()
                await until(lambda: isinstance(window.settings_flow.dialog, SettingsDialog), 5)
                dialog = window.settings_flow.dialog
                assert dialog is not None
                dialog.auth.setCurrentText("bearer")  # the demo profile sends no key
                dialog.key.setText("sk-wrong")
                dialog._test()
                await until(lambda: dialog.test_result.text().startswith("✘"), 15)
                assert "rejected the key" in dialog.test_result.text()
                dialog.key.setText("sk-settings-test-0001")
                dialog._test()
                await until(lambda: dialog.test_result.text().startswith("✔"), 15)
                dialog._save()
                await until(lambda: not dialog.isVisible(), 5)
                assert memory_keyring.get_password("videomon", "sim") == \
                    "sk-settings-test-0001"
                config_text = app.paths.config_file.read_text(encoding="utf-8")
                assert "sk-settings-test" not in config_text
            finally:
                window.quit()
                await app.shutdown()

        assert SimulatedRelay  # the keyed relay is a SimulatedRelay too
        loop.run_until_complete(main())


def test_unexpected_error_is_logged_and_shown(loop: qasync.QEventLoop, relay: RelayThread,
                                              tmp_path: Path,
                                              memory_keyring: MemoryKeyring) -> None:
    import logging

    from videomon.ui.runtime.errors import setup_logging

    log_path = setup_logging(tmp_path / "logs")

    async def boom() -> None:
        raise RuntimeError("a bug in a slot")

    async def main() -> None:
        app = make_app(tmp_path / "home", relay.relay.base_url, memory_keyring)
        app.reporter.log_path = log_path
        await app.start()
        try:
            app.runner.spawn(boom())
            await until(lambda: bool(app.reporter.shown), 5)
            assert app.reporter.shown == ["RuntimeError: a bug in a slot"]
            dialog = app.reporter._dialog
            assert dialog is not None and dialog.isVisible()
            assert "Traceback" in dialog.detailedText()
            assert app.window.isVisible()  # the app keeps running
        finally:
            app.window.quit()
            await app.shutdown()

    try:
        loop.run_until_complete(main())
    finally:
        for handler in list(logging.getLogger().handlers):
            if getattr(handler, "baseFilename", "") == str(log_path):
                logging.getLogger().removeHandler(handler)
                handler.close()
    text = log_path.read_text(encoding="utf-8")
    assert "a bug in a slot" in text and "Traceback" in text
