"""Settings: provider profiles (the key goes only to the keyring) and general options.

The dialog edits a working copy and asks the window to save it (`saveRequested`) or to
test a profile (`testRequested`); it does no I/O of its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from videomon.core.config.settings import Settings
from videomon.core.domain.errors import ConfigError
from videomon.core.providers.credentials import KeyringStatus
from videomon.core.providers.detect import Detection
from videomon.core.providers.formats.catalog import FormatCatalog
from videomon.core.providers.profiles import Profile, ProfileProblem
from videomon.core.tracking.accounts import TOKEN_SUFFIX
from videomon.ui import wording
from videomon.ui.settings.detect_row import DetectRow
from videomon.ui.settings.edit import SettingsEdit
from videomon.ui.settings.follow_row import FollowRow
from videomon.ui.settings.format_editor import FormatEditor
from videomon.ui.settings.general_page import GeneralPage
from videomon.ui.settings.insecure_note import InsecureUrlNote
from videomon.ui.settings.key_hint import key_hint
from videomon.ui.settings.presets import (
    ALL_PRESETS,
    AUTH_CHOICES,
    CONCURRENCY_RANGE,
    INTERVAL_RANGE,
    format_choices,
    invalid_field_text,
)
from videomon.ui.settings.prices_page import PricesPage
from videomon.ui.settings.skipped_note import SkippedNote


class SettingsDialog(QDialog):
    saveRequested = Signal(object)  # SettingsEdit
    testRequested = Signal(object, object)
    detectRequested = Signal(str, object, str, object)  # base URL, key, task ID, proxy
    welcomeRequested = Signal()

    def __init__(self, profiles: Sequence[Profile], settings: Settings,
                 key_sources: dict[str, str], keyring_problem: KeyringStatus | None,
                 download_dir: str, parent: Any = None, *, catalog: FormatCatalog,
                 skipped: dict[str, ProfileProblem] | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.setWindowTitle(self.tr("Settings"))
        self.resize(780, 540)
        self.profiles: list[Profile] = list(profiles)
        self.original_names = {p.name for p in profiles}
        self.keys: dict[str, str] = {}
        self.key_sources = dict(key_sources)
        self.settings = settings
        self._current = -1
        self.skipped_note = SkippedNote(skipped or {})  # (providers left out of the list)
        tabs = QTabWidget()
        tabs.addTab(self._providers_page(), self.tr("Providers"))
        self.general = GeneralPage(settings, download_dir)
        self.general.welcomeRequested.connect(lambda: (self.reject(),
                                                       self.welcomeRequested.emit()))
        tabs.addTab(self.general, self.tr("General"))
        self.prices = PricesPage(settings, [p.name for p in profiles])
        tabs.addTab(self.prices, self.tr("Prices"))
        self.formats = FormatEditor(catalog)
        tabs.addTab(self.formats, self.tr("Formats"))
        self.error = QLabel()
        self.error.setObjectName("inlineMessage")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        if keyring_problem:  # above the tabs: it concerns every provider's key
            banner = QLabel(wording.keyring_text(keyring_problem))
            banner.setObjectName("banner")
            banner.setWordWrap(True)
            layout.addWidget(banner)
        layout.addWidget(tabs)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.list.setCurrentRow(0 if self.profiles else -1)
        self._show_form(bool(self.profiles))

    # -- pages ----------------------------------------------------------------------------
    def _providers_page(self) -> QWidget:
        columns = QHBoxLayout()
        columns.addLayout(self._provider_list(), 1)
        right = QVBoxLayout()
        right.addWidget(self._provider_form())
        self.empty = QLabel(self.tr("No provider yet. Press Add to set one up."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        right.addWidget(self.empty)
        columns.addLayout(right, 3)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.skipped_note)
        layout.addLayout(columns, 1)
        return page

    def _provider_list(self) -> QVBoxLayout:
        self.list = QListWidget()
        self.list.addItems([p.name for p in self.profiles])
        self.list.currentRowChanged.connect(self._select)
        self.list.setAccessibleName(self.tr("Providers"))
        add = QPushButton(self.tr("Add"))
        presets = QMenu(add)  # a blank provider, or one of each kind with its base URL
        presets.addAction(self.tr("Blank"), self._add_profile)
        for preset in ALL_PRESETS:
            presets.addAction(QCoreApplication.translate("WelcomePanel", preset.title),
                              lambda p=preset: self.add_preset(p.dialect, p.base_url))
        add.setMenu(presets)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self._remove_profile)
        row = QHBoxLayout()
        for button in (add, self.remove_button):
            row.addWidget(button)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addLayout(row)
        return left

    def _provider_form(self) -> QWidget:
        """The provider's fields, Test connection and Detect format."""
        self.name = QLineEdit()
        self.name.textEdited.connect(self._name_edited)
        self.dialect = QComboBox()
        self.fill_dialects()
        self.dialect.currentIndexChanged.connect(self._redescribe_key)
        self.base_url = QLineEdit()
        self.base_url.setPlaceholderText("https://relay.example")
        self.auth = QComboBox()
        self.auth.setEditable(True)
        self.auth.addItems([self.tr("(the format's default)"), *AUTH_CHOICES])
        self.auth.currentTextChanged.connect(self._redescribe_key)
        self.interval = QDoubleSpinBox()
        self.interval.setRange(*INTERVAL_RANGE)
        self.interval.setSuffix(self.tr(" s"))
        self.concurrency = QSpinBox()
        self.concurrency.setRange(*CONCURRENCY_RANGE)
        self.proxy = QLineEdit()
        self.proxy.setPlaceholderText(self.tr("none (HTTP(S)_PROXY from the environment applies)"))
        self.key = QLineEdit()
        self.key.setEchoMode(QLineEdit.EchoMode.Password)
        self.key.textEdited.connect(self._redescribe_key)
        self.key_note = QLabel()
        self.key_note.setWordWrap(True)
        test = QPushButton(self.tr("Test connection"))
        test.clicked.connect(self._test)
        self.test_result = QLabel()
        self.test_result.setWordWrap(True)
        self.test_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.form = QWidget()
        form = QFormLayout(self.form)
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Format:"), self.dialect)
        form.addRow(self.tr("Base URL:"), self.base_url)
        self.insecure = InsecureUrlNote(self.base_url)
        form.addRow("", self.insecure)
        form.addRow(self.tr("Auth:"), self.auth)
        form.addRow(self.tr("Poll interval:"), self.interval)
        form.addRow(self.tr("Max concurrent requests:"), self.concurrency)
        form.addRow(self.tr("Proxy:"), self.proxy)
        form.addRow(self.tr("API key:"), self.key)
        self.test_result.setAccessibleName(self.tr("Test result"))
        form.addRow("", self.key_note)
        self.account = FollowRow()
        form.addRow(self.tr("Account:"), self.account)
        form.addRow(test, self.test_result)
        self.detect = DetectRow()
        self.detect.detectRequested.connect(self._detect)
        form.addRow(self.tr("Unsure of the format?"), self.detect)
        return self.form

    def update_skipped(self, usable: dict[str, Profile],
                       skipped: dict[str, ProfileProblem]) -> None:
        """A format came back (or went): providers left out before join the list as they
        are saved; the note says what is still left out."""
        names = {p.name for p in self.profiles}
        for name in sorted(self.skipped_note.skipped.keys() - skipped.keys()):
            if name in usable and name not in names:
                self.profiles.append(usable[name])
                self.original_names.add(name)
                self.list.addItem(name)
        self.skipped_note.set_skipped(skipped)
        if self._current < 0 and self.profiles:
            self.list.setCurrentRow(0)  # (its form shows)

    def fill_dialects(self) -> None:
        """The formats to choose from (again after one is saved or imported)."""
        chosen = self.dialect.currentData()
        self.dialect.clear()
        for text, name in format_choices(self.catalog):
            self.dialect.addItem(text, name)
        self.dialect.setCurrentIndex(max(0, self.dialect.findData(chosen)))

    # -- profile list -----------------------------------------------------------------------
    def _show_form(self, visible: bool) -> None:
        self.form.setVisible(visible)
        self.empty.setVisible(not visible)
        self.remove_button.setEnabled(visible)

    def _select(self, row: int) -> None:
        if self._current >= 0 and not self._commit_form():
            self.list.blockSignals(True)
            self.list.setCurrentRow(self._current)
            self.list.blockSignals(False)
            return
        self._current = row
        self._show_form(row >= 0)
        if row < 0:
            return
        profile = self.profiles[row]
        self.name.setText(profile.name)
        fixed = profile.name in self.original_names  # tracked tasks refer to it by name
        self.name.setReadOnly(fixed)
        self.name.setToolTip(self.tr("Tracked tasks refer to a saved provider by its name.")
                             if fixed else "")
        self.dialect.setCurrentIndex(max(0, self.dialect.findData(profile.dialect)))
        entry = self.catalog.entry(profile.dialect)
        if entry is not None and profile.auth == entry.default_auth:
            self.auth.setCurrentIndex(0)
        else:
            self.auth.setCurrentText(profile.auth)
        self.base_url.setText(profile.base_url)
        self.interval.setValue(profile.interval)
        self.concurrency.setValue(profile.max_concurrency)
        self.proxy.setText(profile.proxy or "")
        self.key.setText(self.keys.get(profile.name, ""))
        self._describe_key(profile.name)
        self._describe_account(profile)
        self.test_result.clear()

    def _describe_account(self, profile: Profile) -> None:
        entry = self.catalog.entry(self.dialect.currentData() or profile.dialect)
        stored = self.key_sources.get(profile.name + TOKEN_SUFFIX, "missing") != "missing"
        self.account.load(profile, entry.listing if entry else None, stored)

    def _redescribe_key(self, *_: object) -> None:
        """The key's hint follows the form (name, auth, a key being typed)."""
        if self._current >= 0:
            self._describe_key(self.profiles[self._current].name, self.name.text().strip())

    def _name_edited(self, text: str) -> None:
        """The list follows the name as it is typed (and the key's hint its env var)."""
        if self._current >= 0:
            self.list.item(self._current).setText(text.strip() or
                                                  self.profiles[self._current].name)
            self._redescribe_key()

    def _describe_key(self, name: str, shown: str | None = None) -> None:
        """The key hint of the provider stored as `name` (called `shown` in the form)."""
        source = self.key_sources.get(name, "missing")
        text = key_hint(source, no_auth=self.auth.currentText().strip() == "none",
                        typed=name in self.keys or bool(self.key.text()), name=shown or name)
        self.key.setPlaceholderText(
            "••••••••" if source != "missing" else "ACCESS_KEY:SECRET_KEY"
            if self.dialect.currentData() == "kling" else self.tr("paste the API key"))
        self.key_note.setText(text)

    def _form_profile(self) -> Profile:
        auth = "" if self.auth.currentIndex() == 0 and \
            self.auth.currentText() == self.auth.itemText(0) else self.auth.currentText().strip()
        base = self.profiles[self._current] if self._current >= 0 else None
        return Profile(self.name.text().strip(), self.dialect.currentData(),
                       self.base_url.text().strip(),
                       auth=auth,
                       interval=self.interval.value(), max_concurrency=self.concurrency.value(),
                       proxy=self.proxy.text().strip() or None,
                       extra=dict(base.extra) if base else {}, **self.account.values())

    def _commit_form(self) -> bool:
        """Take the form into the working copy; False (with a message) when invalid."""
        if self._current < 0:
            return True
        try:
            profile = self._form_profile()
        except ConfigError as exc:
            self.error.setText(self._invalid(exc))
            return False
        others = [p.name for i, p in enumerate(self.profiles) if i != self._current]
        if profile.name in others:
            self.error.setText(self.tr("A provider named “{name}” already exists.").format(
                name=profile.name))
            return False
        old = self.profiles[self._current].name
        key = self.key.text().strip()
        if old != profile.name:
            if old in self.keys:
                self.keys[profile.name] = self.keys.pop(old)
            self.key_sources[profile.name] = self.key_sources.get(old, "missing")
        if key:
            self.keys[profile.name] = key
        if self.account.typed_token():  # (the account's second credential, for its list)
            self.keys[profile.name + TOKEN_SUFFIX] = self.account.typed_token()
        self.profiles[self._current] = profile
        self.list.item(self._current).setText(profile.name)
        self.error.clear()
        return True

    def _add_profile(self) -> None:
        self.add_preset("openai", "https://relay.example")

    def add_preset(self, dialect: str, base_url: str) -> None:
        """A new provider of this kind, its base URL selected for the user to type over."""
        if not self._commit_form():
            return
        names = {p.name for p in self.profiles}
        stem = dialect if dialect not in names else "provider"
        name = stem if stem not in names else next(
            f"{stem}-{i}" for i in range(2, 1000) if f"{stem}-{i}" not in names)
        self.profiles.append(Profile(name, dialect, base_url))
        self.list.addItem(name)
        self._current = -1
        self.list.setCurrentRow(len(self.profiles) - 1)
        self.base_url.selectAll()
        self.base_url.setFocus()

    def _remove_profile(self) -> None:
        row = self._current
        if row < 0:
            return
        name = self.profiles.pop(row).name
        self.keys.pop(name, None)
        self._current = -1
        self.list.takeItem(row)
        if not self.profiles:
            self._show_form(False)

    # -- results from the window --------------------------------------------------------------
    def _test(self) -> None:
        try:
            profile = self._form_profile()
        except ConfigError as exc:
            self.test_result.setText(self._invalid(exc))
            return
        self.test_result.setText(self.tr("Testing…"))
        self.testRequested.emit(profile, self.key.text().strip() or None)

    def _invalid(self, exc: ConfigError) -> str:
        """What is wrong with the form, in the user's language; the field gets the focus."""
        field = "concurrency" if exc.field == "max_concurrency" else exc.field or ""
        if field in ("name", "base_url", "auth", "interval", "concurrency", "proxy"):
            getattr(self, field).setFocus()  # (the form's widgets are named by the fields)
        return invalid_field_text(exc.field) or str(exc)

    def _detect(self, task_id: str) -> None:
        self.detectRequested.emit(self.base_url.text().strip(), self.key.text().strip() or
                                  None, task_id, self.proxy.text().strip() or None)

    def show_detection(self, found: Detection | None, error: str = "") -> None:
        if found is not None and found.chosen:
            self.dialect.setCurrentIndex(max(0, self.dialect.findData(found.chosen)))
        self.detect.show_detection(found, error)

    def show_test_result(self, ok: bool, message: str) -> None:
        self.test_result.setText(("✔ " if ok else "✘ ") + message)

    def _save(self) -> None:
        if not self._commit_form():
            return
        try:
            settings = self.prices.apply(self.general.settings())
        except (TypeError, ValueError) as exc:
            self.error.setText(str(exc))
            return
        removed = sorted(self.original_names - {p.name for p in self.profiles})
        self.save_button.setEnabled(False)
        self.error.setText(self.tr("Saving…"))
        self.saveRequested.emit(SettingsEdit(list(self.profiles), settings, dict(self.keys),
                                             removed))

    def show_save_error(self, message: str) -> None:
        self.save_button.setEnabled(True)
        self.error.setText(message)
