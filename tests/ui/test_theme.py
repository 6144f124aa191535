"""Light and dark: every text/background pair the window paints keeps 4.5:1 contrast, the
bars' labels included, and the Appearance setting switches the whole window."""

from __future__ import annotations

from pathlib import Path

import pytest
import qasync
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from tests.conftest import MemoryKeyring
from tests.ui.helpers import ARTIFACTS, make_app, until
from videomon.simulator.demo import RelayThread
from videomon.ui.look.theme import BAR_FILLS, NOTES, contrast, palette, readable_on

R = QPalette.ColorRole
PAIRS = [(R.Text, R.Base), (R.Text, R.AlternateBase), (R.WindowText, R.Window),
         (R.HighlightedText, R.Highlight), (R.ButtonText, R.Button),
         (R.ToolTipText, R.ToolTipBase), (R.PlaceholderText, R.Base), (R.Link, R.Base)]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_text_pair_reads_at_4_5_to_1(qapp: QApplication, scheme: str) -> None:
    colors = palette(scheme)
    for text, background in PAIRS:
        ratio = contrast(colors.color(text), colors.color(background))
        assert ratio >= 4.5, (scheme, text, background, round(ratio, 2))
    for fill in [*BAR_FILLS.values(), colors.color(R.Highlight)]:  # labels on the bars
        assert contrast(readable_on(fill), fill) >= 4.5, (scheme, fill.name())
    notes = NOTES[scheme]
    for bg, _border, text in (notes["banner"], notes["inline"]):
        assert contrast(colors.color(R.Text).fromString(text),
                        colors.color(R.Text).fromString(bg)) >= 4.5
    assert contrast(colors.color(R.Text).fromString(notes["warning"]),
                    colors.color(R.Text).fromString(notes["inline"][0])) >= 4.5


def test_appearance_setting_switches_the_window(loop: qasync.QEventLoop,
                                                tmp_path: Path,
                                                memory_keyring: MemoryKeyring) -> None:
    with RelayThread(speed=8.0) as relay:
        async def main() -> None:
            app = make_app(tmp_path / "home", relay.relay.base_url, memory_keyring)
            await app.start()
            window = app.window
            try:
                window.add_text("sora-2:task_ok_dark1 video_ok_dark2 demo-fail-dark3")
                await until(lambda: {t.state.value for t in app.commands.tasks.copies()}
                            >= {"succeeded", "failed"}, 30)
                settings = app.commands.providers.settings()
                from dataclasses import replace
                await app.commands.providers.save(list(app.commands.providers.profiles().values()),
                                        replace(settings, appearance="dark"), {})
                window._settings_saved()
                base = QApplication.palette().color(R.Base)
                assert base.lightness() < 60  # dark
                assert "#3d3420" in window.styleSheet()  # the dark banner colours
                ARTIFACTS.mkdir(exist_ok=True)
                assert window.grab().save(str(ARTIFACTS / "window-dark.png"))
                await app.commands.providers.save(list(app.commands.providers.profiles().values()),
                                        replace(settings, appearance="light"), {})
                window._settings_saved()
                assert QApplication.palette().color(R.Base).lightness() > 200
            finally:
                window.quit()
                await app.shutdown()

        loop.run_until_complete(main())


def test_toolbar_icons_exist_without_an_icon_theme(qapp: QApplication) -> None:
    from videomon.ui.look.icons import ACTION_ICONS, action_icon

    for name in ACTION_ICONS:
        assert not action_icon(name).pixmap(20, 20).isNull(), name


def test_icons_are_drawn_for_200_percent(qapp: QApplication) -> None:
    """At 200% a 16 px icon takes a 32 px drawing, never a 16 px one blown up."""
    from PySide6.QtCore import QSize

    from videomon.ui.look.icons import ACTION_ICONS, action_icon, app_icon, state_icons

    for name, icon in state_icons().items():
        assert {QSize(16, 16), QSize(32, 32)} <= set(icon.availableSizes()), name
        sharp = icon.pixmap(QSize(16, 16), 2.0)
        assert sharp.width() == 32 and sharp.devicePixelRatio() == 2.0, name
        # a 32 px drawing has detail a blown-up 16 px one lacks: their pixels differ
        small = icon.pixmap(QSize(16, 16), 1.0).scaled(32, 32).toImage()
        assert sharp.toImage().convertToFormat(small.format()) != small, name
    for name in (*ACTION_ICONS, "app"):
        icon = app_icon() if name == "app" else action_icon(name)
        assert icon.pixmap(QSize(20, 20), 2.0).width() == 40, name  # SVG: any size
