"""The keyboard alone: Tab reaches every control in reading order, every action has a
shortcut or a menu entry, and every control has a name a screen reader can say."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import qasync
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QMenu,
    QTabBar,
    QWidget,
)

from tests.conftest import MemoryKeyring
from tests.ui.helpers import column, make_app, page, until
from videomon.simulator.demo import RelayThread
from videomon.ui.settings.dialog import SettingsDialog
from videomon.ui.table.model import Column, Role


@pytest.fixture(scope="module")
def keys_relay() -> Iterator[RelayThread]:
    with RelayThread(speed=8.0, seed=3) as relay:
        yield relay


def tab_chain(start: QWidget, limit: int = 60) -> list[QWidget]:
    """Focus widgets met pressing Tab from `start` until focus comes back to it."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    chain = [QApplication.focusWidget()]
    for _ in range(limit):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        widget = QApplication.focusWidget()
        if widget is chain[0]:
            return chain
        chain.append(widget)
    raise AssertionError(f"Tab never came back: {[type(w).__name__ for w in chain]}")


def tabbable(root: QWidget) -> list[QWidget]:
    return [w for w in root.findChildren(QWidget)
            if w.isVisibleTo(root) and w.isEnabled() and w.window() is root.window()
            and w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.focusProxy() is None]


def describe(widgets: list[QWidget]) -> list[str]:
    return [f"{type(w).__name__} {spoken_name(w)!r} {w.objectName()}" for w in widgets]


def spoken_name(widget: QWidget) -> str:
    """What a screen reader says for a control: its accessible name, its own text, or the
    label that names it (a form's label is its buddy)."""
    if widget.accessibleName():
        return widget.accessibleName()
    if isinstance(widget, QAbstractButton) and widget.text():
        return widget.text()
    if isinstance(widget, QTabBar):  # each tab is read by its text
        return widget.tabText(widget.currentIndex())
    for label in widget.window().findChildren(QLabel):
        if label.buddy() is widget:
            return label.text()
    return ""


def reading_order(widgets: list[QWidget], root: QWidget) -> list[QWidget]:
    def key(w: QWidget) -> tuple[int, int]:
        at = w.mapTo(root, QPoint(0, 0))
        return at.y() // 12, at.x()  # a row: within a few pixels of one line

    return sorted(widgets, key=key)


def test_tab_order_shortcuts_and_names(loop: qasync.QEventLoop,
                                       keys_relay: RelayThread, tmp_path: Path,
                                       memory_keyring: MemoryKeyring) -> None:
    async def main() -> None:
        app = make_app(tmp_path / "home", keys_relay.relay.base_url, memory_keyring)
        await app.start(check_keyring=False)
        window = app.window
        try:
            window.add_text("video_ok_key1 video_ok_key2")
            await until(lambda: window.model.rowCount() == 2, 10)
            await until(lambda: all(t.saved for t in app.commands.tasks.copies()), 30)
            window.select_refs([column(app, Column.STATE, Role.REF)["video_ok_key1"]])
            await until(lambda: window.preview.play_button.isEnabled(), 10)
            window.activateWindow()
            await until(lambda: QApplication.focusWindow() is not None, 5)

            # the main window: every control on the way, each with a name
            chain = tab_chain(window.table)
            missing = describe([w for w in tabbable(window) if w not in chain])
            assert not missing, missing
            assert chain.index(window.table) < chain.index(window.preview.play_button) \
                < chain.index(window.preview.volume)
            unnamed = [type(w).__name__ for w in chain if not spoken_name(w)]
            assert not unnamed, unnamed
            QTest.keyClick(window.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
            assert QApplication.focusWidget() is page(window).filter_edit  # Ctrl+F: the filter

            # every action: a shortcut, or an entry in the row's menu
            window.actions.row_menu(window.table, QPoint(10, 10))
            menu = QApplication.activePopupWidget()
            assert isinstance(menu, QMenu)
            in_menu = set(menu.actions())
            menu.close()
            actions = [a for a in vars(window.actions).values() if isinstance(a, QAction)]
            assert len(actions) >= 20
            lost = [a.text() for a in actions if a.shortcut().isEmpty() and a not in in_menu]
            assert not lost, lost

            # Settings: the provider form in reading order, then Save and Cancel
            window.open_settings()
            await until(lambda: isinstance(window.settings_flow.dialog, SettingsDialog)
                        and window.settings_flow.dialog.isVisible(), 5)
            dialog = window.settings_flow.dialog
            assert dialog is not None
            await until(lambda: QApplication.activeWindow() is dialog, 5)
            chain = tab_chain(dialog.list)
            missing = describe([w for w in tabbable(dialog) if w not in chain])
            assert not missing, missing
            form = [dialog.name, dialog.dialect, dialog.base_url, dialog.auth, dialog.interval,
                    dialog.concurrency, dialog.proxy, dialog.key]
            assert reading_order(form, dialog) == form
            steps = [chain.index(w) for w in form]
            assert steps == sorted(steps), [type(chain[i]).__name__ for i in steps]
            assert chain.index(dialog.list) < steps[0]
            assert steps[-1] < chain.index(dialog.save_button)
            unnamed = [type(w).__name__ for w in chain if not spoken_name(w)]
            assert not unnamed, unnamed
            dialog.reject()
        finally:
            window.quit()
            await app.shutdown()

    loop.run_until_complete(main())
