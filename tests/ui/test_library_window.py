"""The library in the window, as a user goes through it: a task named by its prompt
(greyed) until F2 gives it a title, a star (Ctrl+B) and tags for the selection, the
state filter's Starred and tag entries, Details' Video tab, export through the file
dialog, and all of it still there after a restart."""

from __future__ import annotations

import csv
from pathlib import Path

import qasync
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit

from tests.conftest import MemoryKeyring
from tests.ui.helpers import ARTIFACTS, make_app, page, until
from videomon.core.domain.annotation import Annotation
from videomon.core.tracking.costs import Price
from videomon.simulator.demo import RelayThread
from videomon.simulator.relay import PROMPTS
from videomon.ui.library.tags_dialog import TagsDialog
from videomon.ui.settings.dialog import SettingsDialog
from videomon.ui.table.model import Column, Role
from videomon.ui.table.order import STARRED, TAG_PREFIX

IDS = ("video_ok_lib_0001", "video_ok_lib_0002")


def first_cell(window, ref: int, role: int = Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
    row = window.model.row_of(ref)
    assert row is not None
    return window.model.data(window.model.index(row, Column.TASK_ID), role)


def test_titles_stars_tags_and_export_in_the_window(loop: qasync.QEventLoop, tmp_path: Path,
                                                    memory_keyring: MemoryKeyring) -> None:
    home = tmp_path / "home"
    target = tmp_path / "out" / "mine.csv"
    target.parent.mkdir()

    async def first_run(relay: RelayThread) -> dict[str, int]:
        app = make_app(home, relay.relay.base_url, memory_keyring)
        await app.start(check_keyring=False)
        window = app.window
        try:
            window.show()
            window.add_text(" ".join(IDS), "sim")
            await until(lambda: window.model.rowCount() == 2, 10)
            refs = {window.model.task_at(r).task_id: window.model.task_at(r).ref
                    for r in range(2)}
            one, two = refs[IDS[0]], refs[IDS[1]]
            await until(lambda: window.model.task(one).prompt is not None, 10)
            # no title yet: the prompt's words, greyed
            assert first_cell(window, one) in PROMPTS
            grey = QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText)
            assert first_cell(window, one, Qt.ItemDataRole.ForegroundRole) == grey
            # F2 on the selected row edits its title in place; Enter keeps it
            window.select_refs([one])
            window.table.setFocus()
            QTest.keyClick(window.table, Qt.Key.Key_F2)
            editor = QApplication.focusWidget()
            assert isinstance(editor, QLineEdit) and editor.text() == ""
            QTest.keyClicks(editor, "Beach corgi")
            QTest.keyClick(editor, Qt.Key.Key_Return)
            await until(lambda: first_cell(window, one) == "Beach corgi", 5)
            assert not window._details  # (Enter finished the edit, not opened Details)
            assert first_cell(window, one, Qt.ItemDataRole.ForegroundRole) is None
            # Ctrl+B stars the selection; the state filter's Starred shows it alone
            window.select_refs([one, two])
            QTest.keyClick(window.table, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
            await until(lambda: window.model.task(two).starred, 5)
            assert first_cell(window, one) == "★ Beach corgi"
            QTest.keyClick(window.table, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
            await until(lambda: not window.model.task(two).starred, 5)  # (all were: off)
            window.select_refs([one])
            QTest.keyClick(window.table, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
            await until(lambda: window.model.task(one).starred, 5)
            states = page(window).state_filter
            states.setCurrentIndex(states.findData(STARRED))
            await until(lambda: window.model.rowCount() == 1, 5)
            states.setCurrentIndex(0)
            await until(lambda: window.model.rowCount() == 2, 5)
            # Ctrl+T: tags for the selection, from the dialog
            window.select_refs([one, two])
            QTest.keyClick(window.table, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
            await until(lambda: window.findChild(TagsDialog) is not None, 5)
            dialog = window.findChild(TagsDialog)
            QTest.keyClicks(dialog.add, "dogs, client A")
            dialog._apply()
            await until(lambda: window.model.task(two).tags == ("dogs", "client A"), 5)
            await until(lambda: states.findData(TAG_PREFIX + "dogs") >= 0, 5)
            assert "(2)" in states.itemText(states.findData(TAG_PREFIX + "dogs"))
            assert "dogs" in first_cell(window, one, Qt.ItemDataRole.ToolTipRole)
            # the filter finds a task by a word of its prompt and by its tag
            prompt = window.model.task(two).prompt
            page(window).filter_edit.setText(prompt.split()[1])
            await until(lambda: two in [window.model.task_at(r).ref
                                        for r in range(window.model.rowCount())], 5)
            page(window).filter_edit.setText("client a")
            await until(lambda: window.model.rowCount() == 2, 5)
            page(window).filter_edit.clear()
            # Details: the Video tab edits what the user says; Save keeps it
            window.select_refs([two])
            window.show_details()
            await until(lambda: bool(window._details), 5)
            details = window._details[-1]
            assert details.tabs.currentWidget() is details.about
            details.about.notes.setPlainText("for the Monday reel")
            details.about.title.setText("Fox in snow")
            details._save()
            await until(lambda: window.model.task(two).title == "Fox in snow", 5)
            assert window.model.task(two).notes == "for the Monday reel"
            window.grab().save(str(ARTIFACTS / "library-window.png"))
            # Ctrl+E: the tasks shown, to a CSV chosen in the file dialog
            window.select_refs([one])
            window.actions.export.trigger()  # (Ctrl+E; the Details dialog had the focus)
            await until(lambda: window.findChild(QFileDialog, "exportDialog") is not None, 5)
            chooser = window.findChild(QFileDialog, "exportDialog")
            chooser.fileSelected.emit(str(target))
            chooser.reject()
            await until(target.exists, 5)
            table = list(csv.DictReader(target.open(encoding="utf-8")))
            assert {r["title"] for r in table} == {"Beach corgi", "Fox in snow"}
            assert {r["tags"] for r in table} == {"dogs; client A"}
            return refs
        finally:
            window.close()
            await app.shutdown()

    async def second_run(relay: RelayThread, refs: dict[str, int]) -> None:
        app = make_app(home, relay.relay.base_url, memory_keyring)
        await app.start(check_keyring=False)
        window = app.window
        try:
            await until(lambda: window.model.rowCount() == 2, 10)
            one, two = refs[IDS[0]], refs[IDS[1]]
            assert first_cell(window, one) == "★ Beach corgi"
            assert first_cell(window, two) == "Fox in snow"
            assert window.model.data(window.model.index(window.model.row_of(two), 0),
                                     Role.TASK).tags == ("dogs", "client A")
            states = page(window).state_filter
            await until(lambda: states.findData(TAG_PREFIX + "client A") >= 0, 5)
            await app.commands.tasks.annotate([two], Annotation.made(remove_tags=["dogs"]))
        finally:
            window.close()
            await app.shutdown()

    async def main() -> None:
        ARTIFACTS.mkdir(exist_ok=True)
        with RelayThread(speed=50.0, seed=5) as relay:
            refs = await first_run(relay)
            await second_run(relay, refs)

    loop.run_until_complete(main())


def test_a_price_table_in_settings_gives_the_status_bar_its_cost(
        loop: qasync.QEventLoop, tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    async def main() -> None:
        with RelayThread(speed=200.0, seed=5) as relay:
            app = make_app(tmp_path / "home", relay.relay.base_url, memory_keyring)
            await app.start(check_keyring=False)
            window = app.window
            try:
                window.add_text(" ".join(IDS), "sim")
                await until(lambda: window.model.rowCount() == 2 and all(
                    window.model.task_at(r).state.terminal for r in range(2)), 20)
                assert window.library.cost_label.text() == ""  # (no prices: nothing said)
                window.open_settings()
                await until(lambda: isinstance(window.settings_flow.dialog, SettingsDialog)
                            and window.settings_flow.dialog.isVisible(), 5)
                dialog = window.settings_flow.dialog
                dialog.prices.currency.setText("USD")
                dialog.prices.add_row(Price("sim", "", "task", 0.5))
                dialog.prices.add_row(Price("", "sora-2", "second", 9.0))  # (less specific)
                dialog._save()
                await until(lambda: not dialog.isVisible(), 5)
                await until(lambda: window.library.cost_label.text() == "Cost: 1.00 USD", 5)
                window.select_refs([window.model.task_at(0).ref])  # one row: its own cost
                await until(lambda: window.library.cost_label.text() == "Cost: 0.50 USD", 5)
                saved = app.commands.providers.settings()
                assert saved.currency == "USD" and len(saved.prices) == 2
                window.open_settings()  # the General page keeps what it does not show
                await until(lambda: window.settings_flow.dialog is not None
                            and window.settings_flow.dialog.isVisible(), 5)
                again = window.settings_flow.dialog
                assert again.prices.table.rowCount() == 2
                again.general.auto_download.toggle()
                again._save()
                await until(lambda: not again.isVisible(), 5)
                assert len(app.commands.providers.settings().prices) == 2
            finally:
                window.close()
                await app.shutdown()

    loop.run_until_complete(main())
