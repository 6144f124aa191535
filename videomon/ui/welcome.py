"""The first-run welcome: what videomon does, a preset per kind of provider, and a demo
that needs no key. Shown instead of the empty table while no provider is set up."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget


@dataclass(frozen=True, slots=True)
class ProviderPreset:
    dialect: str
    title: str
    what: str
    base_url: str
    auth: str
    docs: str


PRESETS = (
    ProviderPreset("openai", "OpenAI Sora, or a compatible relay",
                   "GET /v1/videos/{id} — the OpenAI Videos API and most Sora relays",
                   "https://api.openai.com", "Bearer key",
                   "https://platform.openai.com/docs/api-reference/videos"),
    ProviderPreset("unified", "Unified video relay",
                   "GET /v2/videos/generations/{id} — relays that serve Veo, Sora and Kling "
                   "through one endpoint", "https://your-relay.example", "Bearer key", ""),
    ProviderPreset("tasks", "Task-style relay",
                   "GET /v1/videos/tasks/{id} — relays answering with a task object",
                   "https://your-relay.example", "the bare key", ""),
    ProviderPreset("gemini", "Google Gemini API (Veo)",
                   "GET /v1beta/{operation} — Veo long-running operations",
                   "https://generativelanguage.googleapis.com", "x-goog-api-key header",
                   "https://ai.google.dev/gemini-api/docs/video"),
)


class WelcomePanel(QWidget):
    presetChosen = Signal(object)  # a ProviderPreset
    demoRequested = Signal()
    backRequested = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome")
        title = QLabel("<h2>Welcome to videomon</h2>")
        intro = QLabel("videomon follows your video-generation tasks at the provider you "
                       "generate with, shows their progress, and saves the finished videos. "
                       "Add that provider first, then paste your task IDs here (Ctrl+V).")
        intro.setWordWrap(True)
        grid = QGridLayout()
        self.preset_buttons: list[QPushButton] = []
        for i, preset in enumerate(PRESETS):
            grid.addWidget(self._card(preset), i // 2, i % 2)
        demo_button = QPushButton("Try the demo")
        demo_button.setObjectName("demoButton")
        demo_button.clicked.connect(self.demoRequested)
        self.demo_button = demo_button
        demo_note = QLabel("Example tasks on a relay simulated on this computer — no key, no "
                           "network. They progress, finish, preview and download in under a "
                           "minute; one click removes them.")
        demo_note.setWordWrap(True)
        self.back_button = QPushButton("Back to my tasks")
        self.back_button.clicked.connect(self.backRequested)
        self.back_button.setVisible(False)
        column = QVBoxLayout()
        column.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignRight)
        column.addWidget(title)
        column.addWidget(intro)
        column.addWidget(QLabel("<b>Add a provider</b>"))
        column.addLayout(grid)
        column.addSpacing(8)
        column.addWidget(QLabel("<b>Or look around first</b>"))
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
        button = QPushButton(preset.title)
        button.clicked.connect(lambda: self.presetChosen.emit(preset))
        self.preset_buttons.append(button)
        docs = f" · <a href='{preset.docs}'>docs</a>" if preset.docs else ""
        text = QLabel(f"{preset.what}<br><small>Base URL like {preset.base_url} · key as "
                      f"{preset.auth}{docs}</small>")
        text.setWordWrap(True)
        text.setOpenExternalLinks(True)
        layout = QVBoxLayout(card)
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(text)
        return card
