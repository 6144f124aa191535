"""Settings → General: where videos go, file names, notifications, appearance, language."""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from videomon.core.config.settings import Settings
from videomon.ui.look.theme import APPEARANCES
from videomon.ui.runtime.i18n import LANGUAGES


class GeneralPage(QWidget):
    welcomeRequested = Signal()

    def __init__(self, settings: Settings, download_dir: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.base = settings
        self.folder = QLineEdit(settings.download_dir)
        self.folder.setPlaceholderText(download_dir)
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        self.auto_download = QCheckBox(self.tr("Download finished videos automatically"))
        self.auto_download.setChecked(settings.auto_download)
        self.template = QLineEdit(settings.file_template)
        self.template.setToolTip(
            self.tr("Fields: {fields}").format(fields="{date} {time} {model} {task_id} "
                                                       "{profile} {label} {index}"))
        self.notifications = QComboBox()
        self.notifications.setAccessibleName(self.tr("Notifications"))
        self.notifications.addItem(self.tr("When a task finishes or fails"), "always")
        self.notifications.addItem(self.tr("Only when the window is not in front"), "unfocused")
        self.notifications.addItem(self.tr("Never"), "off")
        self.notifications.setCurrentIndex(self.notifications.findData(
            "off" if not settings.notifications
            else "unfocused" if settings.notify_unfocused_only else "always"))
        self.close_to_tray = QCheckBox(self.tr("Closing the window keeps tracking in the "
                                               "tray (where the desktop has one)"))
        self.close_to_tray.setChecked(settings.close_to_tray)
        self.confirm_quit = QCheckBox(self.tr("Where there is no tray, closing the window asks "
                                              "before it stops tracking"))
        self.confirm_quit.setChecked(settings.confirm_quit)
        self.appearance = QComboBox()
        for value, text in APPEARANCES.items():
            self.appearance.addItem(QCoreApplication.translate("SettingsDialog", text), value)
        self.appearance.setCurrentIndex(max(0, self.appearance.findData(settings.appearance)))
        self.language = QComboBox()
        for value, text in LANGUAGES.items():
            self.language.addItem(text or self.tr("System language"), value)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.language_note = QLabel(self.tr("A new language takes effect when videomon "
                                            "restarts."))
        self.language_note.setWordWrap(True)
        self.language_note.setVisible(False)
        self.language.currentIndexChanged.connect(lambda _=0: self.language_note.setVisible(
            self.language.currentData() != settings.language))
        form = QFormLayout(self)
        form.addRow(self.tr("Download folder:"), folder_row)
        form.addRow("", self.auto_download)
        form.addRow(self.tr("File name template:"), self.template)
        form.addRow(self.tr("Notifications:"), self.notifications)
        form.addRow("", self.close_to_tray)
        form.addRow("", self.confirm_quit)
        form.addRow(self.tr("Appearance:"), self.appearance)
        form.addRow(self.tr("Language:"), self.language)
        form.addRow("", self.language_note)
        welcome = QPushButton(self.tr("Show the welcome page"))
        welcome.setToolTip(self.tr("The first-run page: provider presets and the demo"))
        welcome.clicked.connect(self.welcomeRequested)
        form.addRow("", welcome)


    def _browse(self) -> None:
        dialog = QFileDialog(self, self.tr("Download folder"), self.folder.text()
                             or self.folder.placeholderText())
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly)
        dialog.fileSelected.connect(self.folder.setText)
        dialog.open()

    def settings(self) -> Settings:
        """The page's settings, the others kept as they were (raises TypeError/ValueError
        for a value out of range)."""
        return dataclasses.replace(
            self.base, download_dir=self.folder.text().strip(),
            auto_download=self.auto_download.isChecked(),
            file_template=self.template.text().strip() or Settings().file_template,
            notifications=self.notifications.currentData() != "off",
            notify_unfocused_only=self.notifications.currentData() == "unfocused",
            close_to_tray=self.close_to_tray.isChecked(),
            confirm_quit=self.confirm_quit.isChecked(),
            appearance=self.appearance.currentData(), language=self.language.currentData())
