"""Settings: provider profiles (the key goes only to the keyring) and general options.

The dialog edits a working copy and asks the window to save it (`saveRequested`) or to
test a profile (`testRequested`); it does no I/O of its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from videomon.core.config.settings import Settings
from videomon.core.domain.errors import ConfigError
from videomon.core.providers.credentials import env_var_for
from videomon.core.providers.dialects import DIALECTS
from videomon.core.providers.profiles import Profile
from videomon.ui.theme import APPEARANCES

AUTH_CHOICES = ("(dialect default)", "bearer", "raw", "header:x-goog-api-key", "none")


class SettingsDialog(QDialog):
    saveRequested = Signal(list, object, dict, list)
    testRequested = Signal(object, object)
    welcomeRequested = Signal()

    def __init__(self, profiles: Sequence[Profile], settings: Settings,
                 key_sources: dict[str, str], keyring_problem: str | None,
                 download_dir: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Settings")
        self.resize(720, 460)
        self.profiles: list[Profile] = list(profiles)
        self.original_names = {p.name for p in profiles}
        self.keys: dict[str, str] = {}
        self.key_sources = dict(key_sources)
        self.settings = settings
        self._current = -1
        tabs = QTabWidget()
        tabs.addTab(self._providers_page(keyring_problem), "Providers")
        tabs.addTab(self._general_page(settings, download_dir), "General")
        self.error = QLabel()
        self.error.setObjectName("inlineMessage")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.list.setCurrentRow(0 if self.profiles else -1)
        self._show_form(bool(self.profiles))

    # -- pages ----------------------------------------------------------------------------
    def _providers_page(self, keyring_problem: str | None) -> QWidget:
        page = QWidget()
        self.list = QListWidget()
        self.list.addItems([p.name for p in self.profiles])
        self.list.currentRowChanged.connect(self._select)
        add = QPushButton("Add")
        add.clicked.connect(self._add_profile)
        self.remove_button = QPushButton("Remove")
        self.remove_button.clicked.connect(self._remove_profile)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(self.remove_button)
        left.addLayout(row)

        self.name = QLineEdit()
        self.dialect = QComboBox()
        for dialect in DIALECTS.values():
            self.dialect.addItem(f"{dialect.name} — {dialect.summary}" if dialect.summary
                                 else dialect.name, dialect.name)
        self.base_url = QLineEdit()
        self.base_url.setPlaceholderText("https://relay.example")
        self.auth = QComboBox()
        self.auth.setEditable(True)
        self.auth.addItems(AUTH_CHOICES)
        self.interval = QDoubleSpinBox()
        self.interval.setRange(0.5, 3600)
        self.interval.setSuffix(" s")
        self.concurrency = QSpinBox()
        self.concurrency.setRange(1, 64)
        self.proxy = QLineEdit()
        self.proxy.setPlaceholderText("none (HTTP(S)_PROXY from the environment applies)")
        self.key = QLineEdit()
        self.key.setEchoMode(QLineEdit.EchoMode.Password)
        self.key_note = QLabel()
        self.key_note.setWordWrap(True)
        test = QPushButton("Test connection")
        test.clicked.connect(self._test)
        self.test_result = QLabel()
        self.test_result.setWordWrap(True)
        self.test_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.form = QWidget()
        form = QFormLayout(self.form)
        form.addRow("Name:", self.name)
        form.addRow("Dialect:", self.dialect)
        form.addRow("Base URL:", self.base_url)
        form.addRow("Auth:", self.auth)
        form.addRow("Poll interval:", self.interval)
        form.addRow("Max concurrent requests:", self.concurrency)
        form.addRow("Proxy:", self.proxy)
        form.addRow("API key:", self.key)
        form.addRow("", self.key_note)
        form.addRow(test, self.test_result)
        if keyring_problem:
            banner = QLabel(keyring_problem)
            banner.setObjectName("banner")
            banner.setWordWrap(True)
            form.insertRow(0, banner)
        self.empty = QLabel("No provider yet. Press Add to set one up.")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        right = QVBoxLayout()
        right.addWidget(self.form)
        right.addWidget(self.empty)
        layout = QHBoxLayout(page)
        layout.addLayout(left, 1)
        layout.addLayout(right, 3)
        return page

    def _general_page(self, settings: Settings, download_dir: str) -> QWidget:
        page = QWidget()
        self.folder = QLineEdit(settings.download_dir)
        self.folder.setPlaceholderText(download_dir)
        browse = QPushButton("Browse…")
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        self.auto_download = QCheckBox("Download finished videos automatically")
        self.auto_download.setChecked(settings.auto_download)
        self.template = QLineEdit(settings.file_template)
        self.template.setToolTip("Fields: {date} {model} {task_id} {profile} {index}")
        self.notifications = QCheckBox("Notify when a task finishes or fails")
        self.notifications.setChecked(settings.notifications)
        self.appearance = QComboBox()
        for value, text in APPEARANCES.items():
            self.appearance.addItem(text, value)
        self.appearance.setCurrentIndex(max(0, self.appearance.findData(settings.appearance)))
        form = QFormLayout(page)
        form.addRow("Download folder:", folder_row)
        form.addRow("", self.auto_download)
        form.addRow("File name template:", self.template)
        form.addRow("", self.notifications)
        form.addRow("Appearance:", self.appearance)
        welcome = QPushButton("Show the welcome page")
        welcome.setToolTip("The first-run page: provider presets and the demo")
        welcome.clicked.connect(self._welcome)
        form.addRow("", welcome)
        return page

    def _welcome(self) -> None:
        self.reject()
        self.welcomeRequested.emit()

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
        self.name.setToolTip("Tracked tasks refer to a saved provider by its name."
                             if fixed else "")
        self.dialect.setCurrentIndex(max(0, self.dialect.findData(profile.dialect)))
        default = DIALECTS[profile.dialect].default_auth
        self.auth.setCurrentText(AUTH_CHOICES[0] if profile.auth == default else profile.auth)
        self.base_url.setText(profile.base_url)
        self.interval.setValue(profile.interval)
        self.concurrency.setValue(profile.max_concurrency)
        self.proxy.setText(profile.proxy or "")
        self.key.setText(self.keys.get(profile.name, ""))
        self._describe_key(profile.name)
        self.test_result.clear()

    def _describe_key(self, name: str) -> None:
        source = self.key_sources.get(name, "missing")
        if name in self.keys:
            text = "A new key will be saved to the keyring."
        elif source.startswith("env "):
            text = f"Using the key from the environment variable {source[4:]}."
        elif source == "keyring":
            text = "A key is stored in the keyring. Type a new one to replace it."
        else:
            text = (f"No key yet. It is stored only in the system keyring (or set "
                    f"{env_var_for(name)}).")
        self.key.setPlaceholderText("••••••••" if source != "missing" else "paste the API key")
        self.key_note.setText(text)

    def _form_profile(self) -> Profile:
        auth = self.auth.currentText().strip()
        base = self.profiles[self._current] if self._current >= 0 else None
        return Profile(self.name.text().strip(), self.dialect.currentData(),
                       self.base_url.text().strip(),
                       auth="" if auth == AUTH_CHOICES[0] else auth,
                       interval=self.interval.value(), max_concurrency=self.concurrency.value(),
                       proxy=self.proxy.text().strip() or None,
                       extra=dict(base.extra) if base else {})

    def _commit_form(self) -> bool:
        """Take the form into the working copy; False (with a message) when invalid."""
        if self._current < 0:
            return True
        try:
            profile = self._form_profile()
        except ConfigError as exc:
            self.error.setText(str(exc))
            return False
        others = [p.name for i, p in enumerate(self.profiles) if i != self._current]
        if profile.name in others:
            self.error.setText(f"A provider named {profile.name!r} already exists.")
            return False
        old = self.profiles[self._current].name
        key = self.key.text().strip()
        if old != profile.name:
            if old in self.keys:
                self.keys[profile.name] = self.keys.pop(old)
            self.key_sources[profile.name] = self.key_sources.get(old, "missing")
        if key:
            self.keys[profile.name] = key
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

    def _browse(self) -> None:
        dialog = QFileDialog(self, "Download folder", self.folder.text()
                             or self.folder.placeholderText())
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly)
        dialog.fileSelected.connect(self.folder.setText)
        dialog.open()

    # -- results from the window --------------------------------------------------------------
    def _test(self) -> None:
        try:
            profile = self._form_profile()
        except ConfigError as exc:
            self.test_result.setText(str(exc))
            return
        self.test_result.setText("Testing…")
        self.testRequested.emit(profile, self.key.text().strip() or None)

    def show_test_result(self, ok: bool, message: str) -> None:
        self.test_result.setText(("✔ " if ok else "✘ ") + message)

    def _save(self) -> None:
        if not self._commit_form():
            return
        try:
            settings = Settings(download_dir=self.folder.text().strip(),
                                auto_download=self.auto_download.isChecked(),
                                file_template=self.template.text().strip()
                                or Settings().file_template,
                                notifications=self.notifications.isChecked(),
                                download_concurrency=self.settings.download_concurrency,
                                appearance=self.appearance.currentData())
        except (TypeError, ValueError) as exc:
            self.error.setText(str(exc))
            return
        removed = sorted(self.original_names - {p.name for p in self.profiles})
        self.save_button.setEnabled(False)
        self.error.setText("Saving…")
        self.saveRequested.emit(list(self.profiles), settings, dict(self.keys), removed)

    def show_save_error(self, message: str) -> None:
        self.save_button.setEnabled(True)
        self.error.setText(message)
