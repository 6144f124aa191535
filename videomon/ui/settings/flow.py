"""Opening Settings and carrying out what the dialog asks (save, test) through commands."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import unquote

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QWidget

from videomon.core.domain.errors import VideomonError
from videomon.core.providers.credentials import KeyringStatus
from videomon.core.providers.lookup import LookupResult
from videomon.core.providers.profiles import Profile, check_base_url
from videomon.core.tracking.accounts import TOKEN_SUFFIX
from videomon.core.tracking.commands import FormatCommands, ProviderCommands
from videomon.ui import wording
from videomon.ui.runtime.async_tasks import TaskRunner
from videomon.ui.settings.dialog import SettingsDialog
from videomon.ui.settings.edit import SettingsEdit
from videomon.ui.settings.presets import ProviderPreset


class SettingsFlow:
    def __init__(self, parent: QWidget, providers: ProviderCommands, formats: FormatCommands,
                 runner: TaskRunner,
                 report: Callable[[BaseException], None],
                 on_saved: Callable[[], None],
                 on_welcome: Callable[[], None] = lambda: None) -> None:
        self.parent = parent
        self.providers = providers
        self.formats = formats
        self.runner = runner
        self.report = report
        self.on_saved = on_saved
        self.on_welcome = on_welcome
        self.dialog: SettingsDialog | None = None

    def open(self, keyring_problem: KeyringStatus | None,
             preset: ProviderPreset | None = None, link: str = "") -> None:
        """Find where each key comes from (keyring I/O off the UI thread), then open
        (`link` "settings:NAME", the banner's for a rejected key: on that provider)."""
        profile = unquote(link.removeprefix("settings:"))
        profiles = list(self.providers.profiles().values())

        def ready(sources: dict[str, str]) -> None:
            dialog = SettingsDialog(profiles, self.providers.settings(), sources,
                                    keyring_problem, self.providers.default_download_dir(),
                                    self.parent, catalog=self.formats.catalog(),
                                    skipped=self.providers.skipped_profiles())
            dialog.saveRequested.connect(lambda edit: self._save(dialog, edit))
            dialog.testRequested.connect(lambda p, k: self._test(dialog, p, k))
            dialog.detectRequested.connect(
                lambda url, k, task, proxy: self._detect(dialog, url, k, task, proxy))
            self._wire_formats(dialog)
            dialog.welcomeRequested.connect(self.on_welcome)
            self.dialog = dialog
            dialog.open()
            if preset is not None:  # from the welcome: a new provider of that kind
                dialog.add_preset(preset.dialect, preset.base_url)
            names = [p.name for p in dialog.profiles]
            if profile in names:
                dialog.list.setCurrentRow(names.index(profile))

        names = [p.name for p in profiles]
        self.runner.spawn(self.providers.key_sources(names + [n + TOKEN_SUFFIX for n in names]),
                          ready, name="settings")

    def _save(self, dialog: SettingsDialog, edit: SettingsEdit) -> None:
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

        self.runner.spawn(self.providers.save(edit.profiles, edit.settings, edit.keys,
                                             edit.removed), saved,
                          name="save-settings", on_error=failed)

    def _test(self, dialog: SettingsDialog, profile: Profile, key: str | None) -> None:
        self.runner.spawn(self.providers.test_connection(profile, key),
                          lambda report: dialog.show_test_result(report.ok,
                                                                 wording.connection_text(report)),
                          name="test-connection",
                          on_error=lambda exc: dialog.show_test_result(False, str(exc)))

    def _detect(self, dialog: SettingsDialog, base_url: str, key: str | None, task_id: str,
                proxy: str | None) -> None:
        def failed(exc: BaseException) -> None:
            dialog.show_detection(None, str(exc))

        try:
            base_url = check_base_url(base_url)
        except VideomonError as exc:
            failed(exc)
            return
        self.runner.spawn(self.formats.detect(base_url, key, task_id, proxy=proxy),
                          dialog.show_detection, name="detect-format", on_error=failed)

    # -- Settings → Formats -------------------------------------------------------------------
    def _wire_formats(self, dialog: SettingsDialog) -> None:
        editor = dialog.formats

        def refresh(name: str | None = None) -> None:
            editor.reload(select=name)
            dialog.fill_dialects()
            dialog.update_skipped(self.providers.profiles(), self.providers.skipped_profiles())

        def saved_as(text: str, name: str | None) -> Callable[[object], None]:
            def done(_: object) -> None:
                refresh(name)
                editor.say(text)
            return done

        def refused(exc: BaseException) -> None:
            if not isinstance(exc, VideomonError):
                self.report(exc)
            editor.say("✘ " + str(exc))

        def tr(text: str) -> str:  # (the literals are marked below for lupdate)
            return QCoreApplication.translate("FormatEditor", text)

        said = {"saved": QT_TRANSLATE_NOOP("FormatEditor", "✔ Format saved."),
                "imported": QT_TRANSLATE_NOOP("FormatEditor", "✔ Format “{name}” imported."),
                "written": QT_TRANSLATE_NOOP("FormatEditor", "✔ Written to {path}."),
                "deleted": QT_TRANSLATE_NOOP("FormatEditor", "✔ Format deleted.")}
        editor.saveRequested.connect(lambda f: self.runner.spawn(
            self.formats.save(f), saved_as(tr(said["saved"]), f.name),
            name="save-format", on_error=refused))
        editor.importRequested.connect(lambda path: self.runner.spawn(
            self.formats.import_file(path),
            lambda f: (refresh(f.name), editor.say(tr(said["imported"]).format(name=f.name))),
            name="import-format", on_error=refused))
        editor.exportRequested.connect(lambda f, path: self.runner.spawn(
            self.formats.export(f, path),
            saved_as(tr(said["written"]).format(path=path), f.name),
            name="export-format", on_error=refused))
        editor.removeRequested.connect(lambda name: self.runner.spawn(
            self.formats.remove(name), saved_as(tr(said["deleted"]), None),
            name="remove-format", on_error=refused))

        def tested(result: LookupResult) -> None:
            problem = result.problem
            body = result.snapshot.raw if result.snapshot is not None else None
            editor.show_test(body, result.snapshot, None if problem is None else
                             wording.problem_text(problem.kind.value, problem.message))

        editor.testRequested.connect(lambda f, url, key, task: self.runner.spawn(
            self.formats.try_format(f, url, key, task), tested, name="test-format",
            on_error=refused))
