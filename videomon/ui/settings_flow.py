"""Opening Settings and carrying out what the dialog asks (save, test) through commands."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from videomon.core.config.settings import Settings
from videomon.core.domain.errors import VideomonError
from videomon.core.providers.credentials import KeyringStatus
from videomon.core.providers.profiles import Profile
from videomon.core.tracking.commands import Commands
from videomon.ui import format as fmt
from videomon.ui.async_tasks import TaskRunner
from videomon.ui.settings_dialog import SettingsDialog
from videomon.ui.welcome import ProviderPreset


class SettingsFlow:
    def __init__(self, parent: QWidget, commands: Commands, runner: TaskRunner,
                 report: Callable[[BaseException], None],
                 on_saved: Callable[[], None],
                 on_welcome: Callable[[], None] = lambda: None) -> None:
        self.parent = parent
        self.commands = commands
        self.runner = runner
        self.report = report
        self.on_saved = on_saved
        self.on_welcome = on_welcome
        self.dialog: SettingsDialog | None = None

    def open(self, keyring_problem: KeyringStatus | None,
             preset: ProviderPreset | None = None) -> None:
        """Find where each key comes from (keyring I/O off the UI thread), then open."""
        profiles = list(self.commands.profiles().values())

        def ready(sources: dict[str, str]) -> None:
            dialog = SettingsDialog(profiles, self.commands.settings(), sources,
                                    keyring_problem, self.commands.default_download_dir(),
                                    self.parent)
            dialog.saveRequested.connect(lambda p, s, k, r: self._save(dialog, p, s, k, r))
            dialog.testRequested.connect(lambda p, k: self._test(dialog, p, k))
            dialog.welcomeRequested.connect(self.on_welcome)
            self.dialog = dialog
            dialog.open()
            if preset is not None:  # from the welcome: a new provider of that kind
                dialog.add_preset(preset.dialect, preset.base_url)

        self.runner.spawn(self.commands.key_sources([p.name for p in profiles]), ready,
                          name="settings")

    def _save(self, dialog: SettingsDialog, profiles: list[Profile], settings: Settings,
              keys: dict[str, str], removed: list[str]) -> None:
        def failed(exc: BaseException) -> None:
            if isinstance(exc, VideomonError):  # e.g. the keyring refused the key
                dialog.show_save_error(str(exc))
            else:
                dialog.show_save_error(
                    QCoreApplication.translate("SettingsDialog",
                                               "Saving failed; see the log for details."))
                self.report(exc)

        def saved(_: None) -> None:
            dialog.accept()
            self.on_saved()

        self.runner.spawn(self.commands.save(profiles, settings, keys, removed), saved,
                          name="save-settings", on_error=failed)

    def _test(self, dialog: SettingsDialog, profile: Profile, key: str | None) -> None:
        self.runner.spawn(self.commands.test_connection(profile, key),
                          lambda report: dialog.show_test_result(report.ok,
                                                                 fmt.connection_text(report)),
                          name="test-connection",
                          on_error=lambda exc: dialog.show_test_result(False, str(exc)))
