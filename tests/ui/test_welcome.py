"""First run: the welcome instead of an empty table, a provider preset that opens Settings
on a new provider of that kind, and the demo inside the user's own window — tasks that
progress and download, then go away whole with one click."""

from __future__ import annotations

from pathlib import Path

import qasync

from tests.conftest import MemoryKeyring
from tests.ui.helpers import ARTIFACTS, page, until
from videomon.app import VideomonApp
from videomon.core.config.paths import AppPaths
from videomon.core.providers.credentials import CredentialStore
from videomon.core.tracking.scheduler import SchedulerConfig
from videomon.ui.settings.dialog import SettingsDialog
from videomon.ui.window.welcome import PRESETS


def test_welcome_preset_and_demo(loop: qasync.QEventLoop, tmp_path: Path,
                                 memory_keyring: MemoryKeyring) -> None:
    paths = AppPaths.under(tmp_path / "home")

    async def main() -> None:
        app = VideomonApp(paths, credentials=CredentialStore(environ={}, backend=memory_keyring),
                          scheduler_config=SchedulerConfig(flush_interval=0.05))
        await app.start(check_keyring=False)
        window = app.window
        try:
            assert window.stack.currentWidget() is page(window).welcome
            ARTIFACTS.mkdir(exist_ok=True)
            assert window.grab().save(str(ARTIFACTS / "welcome.png"))
            gemini = next(p for p in PRESETS if p.dialect == "gemini")
            page(window).welcome.preset_buttons[PRESETS.index(gemini)].click()
            await until(lambda: isinstance(window.settings_flow.dialog, SettingsDialog), 5)
            dialog = window.settings_flow.dialog
            assert dialog is not None
            assert dialog.dialect.currentData() == "gemini"
            assert dialog.base_url.text() == gemini.base_url
            dialog.reject()

            page(window).welcome.demo_button.click()  # "Try the demo"
            await until(lambda: window.model.rowCount() == 5 or bool(app.reporter.shown), 15)
            assert app.reporter.shown == []
            assert window.stack.currentWidget() is window.table
            banner = page(window).banner
            assert banner.isVisibleTo(window) and "remove-demo" in banner.text()
            await until(lambda: any(t.saved for t in app.commands.tasks.copies()), 45)
            saved = [p for t in app.commands.tasks.copies() for p in t.download_paths if t.saved]
            assert all(Path(p).is_file() for p in saved)
            assert window.grab().save(str(ARTIFACTS / "demo-in-window.png"))

            page(window).banner.linkActivated.emit("remove-demo")  # the banner's link
            await until(lambda: window.model.rowCount() == 0, 10)
            await until(lambda: window.stack.currentWidget() is page(window).welcome, 5)
            assert not page(window).banner.isVisibleTo(window)
            assert app.commands.providers.profiles() == {}
            assert not any(Path(p).exists() for p in saved)  # the demo's files went too

            await app.commands.demo.add("http://127.0.0.1:9", [("demo-x", "openai", "v_1x")])
            window.providers_changed()
            await until(lambda: window.stack.currentWidget() is window.table, 5)
            window.open_settings()  # Settings → "Show the welcome page" → Back
            await until(lambda: window.settings_flow.dialog is not None
                        and window.settings_flow.dialog.isVisible(), 5)
            window.settings_flow.dialog.general.welcomeRequested.emit()  # (its button)
            assert window.stack.currentWidget() is page(window).welcome
            window.on_tasks_changed(app.commands.tasks.copies())  # batches do not take it away
            assert window.stack.currentWidget() is page(window).welcome
            page(window).welcome.back_button.click()
            assert window.stack.currentWidget() is window.table
        finally:
            window.quit()
            await app.shutdown()

    loop.run_until_complete(main())
