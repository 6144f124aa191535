"""Told when videos are ready, with no tray: a real notification server (dunst, on a
private session bus under Xvfb) receives videomon's `Notify` — the title, the video's
prompt, its picture and the buttons Show / Play / Show in folder — as dbus-monitor
records it; a click on the note brings the window forward with the task selected; many
ending together make one note; "Never" sends none. The note is photographed on screen."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import pytest
import qasync
from PySide6.QtGui import QImage

from tests.conftest import MemoryKeyring
from tests.ui.helpers import ARTIFACTS, make_app, until
from tests.ui.notification_desktop import NotificationDesktop, missing
from videomon.resources import app_icon_svg
from videomon.simulator.demo import RelayThread
from videomon.simulator.relay import PROMPTS
from videomon.ui.desktop.notes import DesktopNotes

pytestmark = pytest.mark.skipif(
    bool(missing()) and not os.environ.get("CI"),
    reason=f"needs {', '.join(missing())} (bash scripts/bootstrap.sh test installs them)")


def lit_share(path: Path) -> float:
    """The share of the screen's pixels that are not the bare (black) root window."""
    image = QImage(str(path)).scaled(256, 192)
    lit = sum(1 for y in range(image.height()) for x in range(image.width())
              if image.pixelColor(x, y).lightness() > 16)
    return lit / (image.width() * image.height())


def test_a_real_notification_server_gets_the_note_and_its_click_comes_back(
        loop: qasync.QEventLoop, tmp_path: Path, memory_keyring: MemoryKeyring,
        monkeypatch: pytest.MonkeyPatch) -> None:
    with NotificationDesktop(tmp_path / "desktop") as desktop:
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", desktop.address)

        async def main() -> None:
            with RelayThread(speed=200.0, seed=5) as relay:
                app = make_app(tmp_path / "home", relay.relay.base_url, memory_keyring,
                               DesktopNotes("videomon", app_icon_svg()))
                await app.start(check_keyring=False)
                window = app.window
                try:
                    await walk(app, window, desktop)
                finally:
                    await app.shutdown()

        loop.run_until_complete(main())


async def walk(app, window, desktop: NotificationDesktop) -> None:  # type: ignore[no-untyped-def]
    assert not window.tray.available  # (no tray here: the desktop's notes tell)
    window.show()
    window.add_text("video_ok_note_0001", "sim")
    await until(lambda: len(desktop.notify_calls()) == 1, 30)
    call = desktop.notify_calls()[0]
    assert 'string "videomon"' in call and 'string "Video ready"' in call
    assert any(prompt[:30] in call for prompt in PROMPTS)  # the prompt names the video
    for button in ("Play", "Show in folder"):
        assert f'string "{button}"' in call
    assert '"image-path"' in call and "thumbnails" in call  # the cached provider's picture
    shot = ARTIFACTS / "notification.png"
    await until(lambda: _shoot(desktop, shot) > 0.01, 10)  # dunst drew it on the screen

    # a click on it: the window in front, the task selected
    window.select_refs([])
    window.showMinimized()
    desktop.click()
    ref = window.model.task_at(0).ref
    await until(lambda: list(window.table.selected_refs()) == [ref], 10)
    assert not window.isMinimized()

    # three ending together: one note that counts them
    window.add_text("video_ok_note_0002 video_ok_note_0003 video_ok_note_0004", "sim")
    await until(lambda: len(desktop.notify_calls()) == 2, 30)
    assert 'string "3 videos ready"' in desktop.notify_calls()[1], desktop.notify_calls()[1]

    # Never: none
    settings = app.commands.providers.settings()
    await app.commands.providers.save_settings(
        dataclasses.replace(settings, notifications=False))
    window.add_text("video_ok_note_0005", "sim")
    await until(lambda: window.model.rowCount() == 5
                and all(window.model.task_at(r).state.terminal for r in range(5)), 30)
    await until(lambda: not window.finish_notes._timer.isActive(), 5)
    assert len(desktop.notify_calls()) == 2


def _shoot(desktop: NotificationDesktop, target: Path) -> float:
    desktop.screenshot(target)
    return lit_share(target)
