"""Journeys: a user's path through the real window (offscreen, on the qasync loop), across
features and restarts, checked at each step. Each journey is one test; add the next ones
here.

The newcomer's first hour (issue 20): the welcome, Try the demo, a provider of one's own
added in Settings against a local relay, Ctrl+V of two task IDs, finishing and
downloading, the preview, Show in folder without a file manager, a task the provider does
not know, the filter, Remove the demo, closing with a task still running, and the next
start.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import qasync
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from tests.conftest import MemoryKeyring
from tests.ui.helpers import ARTIFACTS, page, until
from videomon.app import VideomonApp
from videomon.cli.main import main as cli_main
from videomon.core.config.paths import AppPaths
from videomon.core.domain.errors import ProblemKind
from videomon.core.domain.snapshot import TaskState
from videomon.core.domain.task import Watch
from videomon.core.providers.credentials import CredentialStore
from videomon.core.providers.profiles import Profile
from videomon.core.tracking.scheduler import SchedulerConfig
from videomon.simulator.demo import RelayThread
from videomon.ui.settings.dialog import SettingsDialog
from videomon.ui.table.model import Column
from videomon.ui.window.main_window import MainWindow

KEY = "sk-journey-key-000111"
MINE = ("video_mine_0001", "sora-2:task_mine_0002")
UNKNOWN = "missing_mine_0404"  # the local relay does not know it
LATE = "sora-2:task_mine_late_03"  # still running when the window closes


@pytest.fixture
def local_relay() -> Iterator[RelayThread]:
    """The user's own provider: a relay on this machine that takes one key."""
    with RelayThread(speed=8.0, seed=21) as running:
        running.relay.key = KEY
        yield running


def make(paths: AppPaths, keyring: MemoryKeyring) -> VideomonApp:
    return VideomonApp(paths, credentials=CredentialStore(environ={}, backend=keyring),
                       scheduler_config=SchedulerConfig(flush_interval=0.05))


def rows(window: MainWindow) -> dict[str, int]:
    return {window.model.task_at(r).task_id: window.model.task_at(r).ref
            for r in range(window.model.rowCount())}


def cell(window: MainWindow, task_id: str, column: Column) -> str:
    row = window.model.row_of(rows(window)[task_id])
    assert row is not None
    return str(window.model.data(window.model.index(row, column)))


def select(window: MainWindow, task_id: str) -> None:
    window.select_refs([rows(window)[task_id]])


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    capsys.readouterr()
    assert cli_main(list(args)) == 0
    return capsys.readouterr().out


async def paste(window: MainWindow, text: str) -> None:
    """Ctrl+V in the table, as the user does it."""
    QGuiApplication.clipboard().setText(text)
    window.activateWindow()
    window.table.setFocus()
    await until(lambda: QGuiApplication.focusWindow() is not None, 5)
    QTest.keyClick(window.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def test_the_newcomers_first_hour(loop: qasync.QEventLoop, tmp_path: Path,
                                  local_relay: RelayThread, memory_keyring: MemoryKeyring,
                                  monkeypatch: pytest.MonkeyPatch,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    home = tmp_path / "home"
    paths = AppPaths.under(home)
    monkeypatch.setenv("VIDEOMON_HOME", str(home))  # the terminal commands see the same list
    ARTIFACTS.mkdir(exist_ok=True)

    async def first_start() -> None:
        app = make(paths, memory_keyring)
        await app.start(check_keyring=False)
        window, commands = app.window, app.commands
        try:
            # -- the welcome, then the demo ------------------------------------------------
            assert window.stack.currentWidget() is page(window).welcome
            page(window).welcome.demo_button.click()
            await until(lambda: window.model.rowCount() == 5 or bool(app.reporter.shown), 15)
            assert app.reporter.shown == []
            demo = set(rows(window))
            # the demo's relay answers only the tasks it issued
            asked = await commands.formats.look_up(commands.providers.profile("demo-openai"),
                                                   None, MINE[0])
            assert asked.problem is not None and asked.problem.kind is ProblemKind.NOT_FOUND

            # -- a provider of my own, in Settings ---------------------------------------------
            window.open_settings()
            await until(lambda: isinstance(window.settings_flow.dialog, SettingsDialog), 5)
            dialog = window.settings_flow.dialog
            assert dialog is not None
            dialog._add_profile()
            dialog.name.selectAll()
            QTest.keyClicks(dialog.name, "localrelay")
            # the list and the key's hint follow the name while it is typed
            assert dialog.list.currentItem().text() == "localrelay"
            assert "VIDEOMON_API_KEY_LOCALRELAY" in dialog.key_note.text()
            dialog.base_url.setText(local_relay.relay.base_url)
            dialog.key.setText(KEY)
            dialog.interval.setValue(0.5)
            dialog._save()
            await until(lambda: not dialog.isVisible(), 5)
            assert memory_keyring.get_password("videomon", "localrelay") == KEY

            # -- Ctrl+V: my tasks go to my provider, never to the demo's ----------------------
            await paste(window, "  ".join(MINE))
            await until(lambda: window.model.rowCount() == 7, 10)
            # (the rows come with the engine's batch, the note when the command returns)
            await until(lambda: "Added 2 tasks" in window.inline_bar.text.text(), 5)
            note = window.inline_bar.text.text()
            assert "Added 2 tasks to localrelay" in note and "guess" not in note
            assert {window.model.task(rows(window)[i]).profile for i in MINE} == {"localrelay"}
            # the pasted rows are selected, and the keyboard goes on from them
            assert {t.task_id for t in window.selected_tasks()} == set(MINE)
            current = window.model.tasks_at([window.table.currentIndex().row()])
            assert current and current[0].task_id in MINE

            def finished(task_ids: set[str]) -> bool:
                tasks = [window.model.task(rows(window)[i]) for i in task_ids]
                return all(t is not None and t.state.terminal and
                           (t.saved or t.state is not TaskState.SUCCEEDED) for t in tasks)

            await until(lambda: finished(set(MINE) | demo), 60)
            mine = [window.model.task(rows(window)[i]) for i in MINE]
            assert all(t is not None and t.saved for t in mine)
            my_files = [Path(p) for t in mine if t for p in t.download_paths]
            demo_dir = commands.demo.download_dir()
            demo_files = [Path(p) for i in demo for p in window.model.task(rows(window)[i])
                          .download_paths]
            assert demo_files and all(p.parent == demo_dir and p.is_file() for p in demo_files)
            assert all(p.is_file() and demo_dir not in p.parents for p in my_files)
            assert window.grab().save(str(ARTIFACTS / "journey-finished.png"))

            # -- the preview shows the selected row, or nothing ----------------------------
            select(window, MINE[0])
            await until(lambda: window.preview.shown_ref == rows(window)[MINE[0]], 5)
            window.actions.remove.trigger()  # Delete
            await until(lambda: MINE[0] not in rows(window)
                        and "Removed 1 task" in window.inline_bar.text.text(), 5)
            selected = [t.ref for t in window.selected_tasks()]
            assert window.preview.shown_ref == (selected[0] if len(selected) == 1 else None)
            window.actions.undo.trigger()  # Ctrl+Z: back, selected
            await until(lambda: MINE[0] in rows(window)
                        and window.preview.shown_ref == rows(window)[MINE[0]], 5)
            page(window).filter_edit.setText("nothing-is-called-this")  # hides the selected row
            assert window.model.rowCount() == 0
            assert window.preview.shown_ref is None
            shown = window.summary.shown_label  # the status bar says how many the filter shows
            assert shown.isVisibleTo(window) and shown.text() == "0 of 7 shown"
            assert window.table.placeholder().startswith("No task matches “nothing-is")
            assert window.stack.currentWidget() is window.table  # (not "No tasks tracked")
            window.grab().save(str(ARTIFACTS / "journey-filter-matches-nothing.png"))
            page(window).filter_edit.setFocus()
            QTest.keyClick(page(window).filter_edit, Qt.Key.Key_Escape)  # Escape clears the filter
            assert page(window).filter_edit.text() == "" and window.model.rowCount() == 7
            assert not shown.isVisibleTo(window) and window.table.placeholder() == ""

            # -- Show in folder with no file manager and no launcher: said, with Copy path --
            select(window, MINE[1])
            # (no FileManager1 on the bus, no xdg-open)
            window.files.reveal.show_in_folder = lambda _path, failed: failed()
            window.actions.show_folder.trigger()
            saved = window.model.task(rows(window)[MINE[1]]).download_paths[0]
            assert "no file manager answered" in window.inline_bar.text.text()
            assert window.inline_bar.action_button.text() == "Copy path"
            window.inline_bar.action_button.click()
            assert QGuiApplication.clipboard().text() == saved

            # -- a task the provider does not know: one meaning everywhere --------------------
            await paste(window, UNKNOWN)
            await until(lambda: UNKNOWN in rows(window)
                        and window.model.task(rows(window)[UNKNOWN]).watch is Watch.NOT_FOUND,
                        20)
            await until(lambda: "1 not found" in page(window).counts_label.text(), 5)
            failed = sum(1 for i in demo if window.model.task(rows(window)[i]).state
                         is TaskState.FAILED)
            assert f"{failed} failed" in page(window).counts_label.text()
            assert cell(window, UNKNOWN, Column.STATE) == "Not found"
            states = page(window).state_filter
            states.setCurrentIndex(states.findData("Not found"))
            assert window.model.rowCount() == 1
            page(window).state_filter.setCurrentIndex(0)
            select(window, UNKNOWN)
            line = page(window).problem_label.text()
            assert "Not found: HTTP 404" in line, line  # said once, with what the relay said
            assert "does not know" not in line.lower() and "{" not in line, line
            listed = {json.loads(x)["task_id"]: json.loads(x)
                      for x in cli(capsys, "list", "--json").splitlines()}
            assert listed[UNKNOWN]["state"] == "not_found"
            assert listed[UNKNOWN]["watch"] == "not_found"
            table = cli(capsys, "list", "--state", "not_found")
            assert UNKNOWN in table and "not found" in table

            # -- Remove the demo: its tasks, profiles and every file it wrote ---------------
            page(window).banner.linkActivated.emit("remove-demo")
            await until(lambda: not (demo & set(rows(window))), 10)
            await until(lambda: "The demo was removed: 5 tasks" in window.inline_bar.text.text(),
                        5)
            await until(lambda: not demo_dir.exists(), 5)
            assert not commands.demo.profiles()
            assert all(p.is_file() for p in my_files)  # mine are untouched
            assert set(rows(window)) == {*MINE, UNKNOWN}

            # -- closing with a task still running asks first (no tray here) ----------------
            # (minutes to run: still running when the window closes)
            local_relay.relay.relay.seed_task("openai", LATE, queue_for=0.5, run_for=2000.0,
                                              fails=False, placeholder=False)
            await paste(window, LATE)
            await until(lambda: LATE in rows(window) and window.model.task(
                rows(window)[LATE]).state is TaskState.RUNNING, 20)
            assert not window.tray.available
            window.close()  # the window manager's ✕
            question = window.close_guard.question
            assert question is not None and window.isVisible()
            assert "1 task is still tracked" in question.text()
            assert question.grab().save(str(ARTIFACTS / "journey-close-question.png"))
            keep = next(b for b in question.buttons() if b.text() == "Keep open")
            keep.click()
            await until(lambda: window.close_guard.question is None, 5)
            assert window.isVisible() and not app._closed.is_set()
            window.close()  # again: this time quit, and do not ask again
            question = window.close_guard.question
            assert isinstance(question, QMessageBox)
            checkbox = question.checkBox()
            assert checkbox is not None
            checkbox.setChecked(True)
            next(b for b in question.buttons() if b.text() == "Quit").click()
            await app.wait_closed()
        finally:
            if not app._closed.is_set():
                window.quit()
        await app.shutdown()
        config = json.loads(paths.config_file.read_text(encoding="utf-8"))
        assert config["settings"]["confirm_quit"] is False

    loop.run_until_complete(first_start())
    # while the window is closed, the task finishes at the provider: the next start's first
    # answer for it is "succeeded" (the route on which the State cell once stayed "Running")
    late = local_relay.relay.relay.tasks[("openai", LATE)]
    late.queue_for, late.run_for = 0.0, 0.001

    async def next_start() -> None:
        app = make(paths, memory_keyring)
        window = app.window
        changed: list[tuple[int, int, int, int]] = []
        window.model.dataChanged.connect(lambda top, bottom, *_: changed.append(
            (top.row(), bottom.row(), top.column(), bottom.column())))
        await app.start(check_keyring=False)
        try:
            assert set(rows(window)) == {*MINE, UNKNOWN, LATE}
            ref = rows(window)[LATE]
            # the window's rows are its own: the engine changes its tasks in place
            assert window.model.task(ref) is not app.engine.scheduler.tasks[ref]
            await until(lambda: window.model.task(ref).saved, 40)
            row = window.model.row_of(ref)
            assert any(first <= row <= last and left <= Column.STATE <= right
                       for first, last, left, right in changed), "State never repainted"
            assert cell(window, LATE, Column.STATE) == "Succeeded"
            assert cell(window, LATE, Column.PROGRESS) == "100%"
            assert cell(window, UNKNOWN, Column.STATE) == "Not found"
            assert window.grab().save(str(ARTIFACTS / "journey-next-start.png"))
            listed = {json.loads(x)["task_id"]: json.loads(x)["state"]
                      for x in cli(capsys, "list", "--json").splitlines()}
            assert listed == {MINE[0]: "succeeded", MINE[1]: "succeeded",
                              LATE: "succeeded", UNKNOWN: "not_found"}
            # nothing is active now: closing quits at once
            window.close()
            await app.wait_closed()
        finally:
            if not app._closed.is_set():
                window.quit()
            await app.shutdown()

    loop.run_until_complete(next_start())


def test_closing_with_a_tray_hides_to_it_and_quit_quits(
        loop: qasync.QEventLoop, tmp_path: Path,
        local_relay: RelayThread, memory_keyring: MemoryKeyring) -> None:
    """Where the desktop has a tray, ✕ with tasks still tracked hides the window (polling
    goes on; the first time a note says so); the tray's Quit and Ctrl+Q quit."""
    paths = AppPaths.under(tmp_path / "home")

    async def main() -> None:
        app = make(paths, memory_keyring)
        await app.commands.providers.save([Profile("localrelay", "openai",
                                                   local_relay.relay.base_url, interval=0.5)],
                                          app.commands.providers.settings(),
                                          {"localrelay": KEY})
        await app.start(check_keyring=False)
        window = app.window
        window.tray.available = True  # (offscreen has no tray: its icon stays None)
        try:
            local_relay.relay.relay.seed_task("openai", LATE, queue_for=0.5, run_for=2000.0)
            await paste(window, LATE)
            await until(lambda: LATE in rows(window), 10)
            window.close()
            assert not window.isVisible() and not app._closed.is_set()
            assert window.tray.last_message is not None
            assert window.tray.last_message[0] == "videomon is still running"
            polls = app.engine.scheduler.polls
            await until(lambda: app.engine.scheduler.polls > polls + 1, 10)  # still tracking
            window.tray.last_message = None
            window.bring_forward([])  # the tray's Show (or a second launch)
            assert window.isVisible()
            window.close()
            assert not window.isVisible() and window.tray.last_message is None  # once only
            window.tray.quitRequested.emit()  # the tray menu's Quit
            await app.wait_closed()
        finally:
            if not app._closed.is_set():
                window.quit()
            await app.shutdown()

    loop.run_until_complete(main())


def test_the_demo_stays_across_a_restart_until_removed(
        loop: qasync.QEventLoop, tmp_path: Path,
        memory_keyring: MemoryKeyring) -> None:
    paths = AppPaths.under(tmp_path / "home")

    async def first() -> None:
        app = make(paths, memory_keyring)
        await app.start(check_keyring=False)
        try:
            page(app.window).welcome.demo_button.click()
            await until(lambda: app.window.model.rowCount() == 5, 15)
            await until(lambda: any(t.saved for t in app.commands.tasks.copies()), 45)
        finally:
            app.window.quit()
            await app.shutdown()

    async def second() -> None:
        app = make(paths, memory_keyring)
        await app.start(check_keyring=False)
        window = app.window
        try:
            assert window.model.rowCount() == 5
            banner = page(window).banner
            assert "remove-demo" in banner.text() and banner.isVisibleTo(window)
            # its relay runs again: the demo's providers answer
            profile = app.commands.providers.profile("demo-openai")
            assert profile is not None
            asked = await app.commands.formats.look_up(profile, None, "video_demo_ok_5c6a605a")
            assert asked.snapshot is not None
            assert app.commands.demo.download_dir().is_dir()
            page(window).banner.linkActivated.emit("remove-demo")
            await until(lambda: window.model.rowCount() == 0, 10)
            assert not app.commands.demo.download_dir().exists()
        finally:
            window.quit()
            await app.shutdown()

    loop.run_until_complete(first())
    loop.run_until_complete(second())
