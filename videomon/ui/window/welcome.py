"""The first-run welcome: what videomon does, a preset per kind of provider, and a demo
that needs no key. Shown instead of the empty table while no provider is set up."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from videomon.ui.settings.presets import MORE_PRESETS, PRESETS, ProviderPreset


class WelcomePanel(QWidget):
    presetChosen = Signal(object)  # a ProviderPreset
    demoRequested = Signal()
    backRequested = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome")
        title = QLabel(self.tr("<h2>Welcome to videomon</h2>"))
        intro = QLabel(self.tr(
            "videomon follows your video-generation tasks at the provider you generate with, "
            "shows their progress, and saves the finished videos. Add that provider first, "
            "then paste your task IDs here (Ctrl+V)."))
        intro.setWordWrap(True)
        grid = QGridLayout()
        self.preset_buttons: list[QPushButton] = []
        for i, preset in enumerate(PRESETS):
            grid.addWidget(self._card(preset), i // 2, i % 2)
        demo_button = QPushButton(self.tr("Try the demo"))
        demo_button.setObjectName("demoButton")
        demo_button.clicked.connect(self.demoRequested)
        self.demo_button = demo_button
        demo_note = QLabel(self.tr(
            "Example tasks on a relay simulated on this computer — no key, no network. They "
            "progress, finish, preview and download in under a minute; one click removes "
            "them."))
        demo_note.setWordWrap(True)
        self.back_button = QPushButton(self.tr("Back to my tasks"))
        self.back_button.clicked.connect(self.backRequested)
        self.back_button.setVisible(False)
        column = QVBoxLayout()
        column.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignRight)
        column.addWidget(title)
        column.addWidget(intro)
        heading = QHBoxLayout()  # the vendors' own APIs share the heading's line
        heading.addWidget(QLabel(self.tr("<b>Add a provider</b>")))
        heading.addStretch(1)
        heading.addLayout(self._more_row())
        column.addLayout(heading)
        column.addLayout(grid)
        column.addSpacing(8)
        column.addWidget(QLabel(self.tr("<b>Or look around first</b>")))
        column.addWidget(demo_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(demo_note)
        column.addStretch(1)
        holder = QWidget()
        holder.setLayout(column)
        holder.setMaximumWidth(720)
        outer = QVBoxLayout(self)
        outer.addWidget(holder, 0, Qt.AlignmentFlag.AlignHCenter)

    def _card(self, preset: ProviderPreset) -> QFrame:
        card = QFrame()
        card.setFrameShape(QFrame.Shape.StyledPanel)
        button = QPushButton(self.tr(preset.title))
        button.clicked.connect(lambda: self.presetChosen.emit(preset))
        self.preset_buttons.append(button)
        docs = self.tr(" · <a href='{url}'>docs</a>").format(url=preset.docs) \
            if preset.docs else ""
        where = self.tr("Base URL like {url} · key as {auth}").format(
            url=preset.base_url, auth=self.tr(preset.auth))
        text = QLabel(f"{self.tr(preset.what)}<br><small>{where}{docs}</small>")
        text.setWordWrap(True)
        text.setOpenExternalLinks(True)
        layout = QVBoxLayout(card)
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(text)
        return card

    def _more_row(self) -> QHBoxLayout:
        """The vendors' own APIs (Kling, Seedance, Wan, MiniMax, Runway, Luma, …)."""
        self.more = QComboBox()
        self.more.setAccessibleName(self.tr("More video APIs"))
        for preset in MORE_PRESETS:
            self.more.addItem(self.tr(preset.title), preset)
        add = QPushButton(self.tr("Add"))
        add.setAccessibleName(self.tr("Add the chosen video API"))
        add.clicked.connect(lambda: self.presetChosen.emit(self.more.currentData()))
        self.preset_buttons.append(add)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("More video APIs:")))
        row.addWidget(self.more)
        row.addWidget(add)
        return row
