"""The note above Settings' provider list naming the providers left out of it: their
config entry cannot be used now (e.g. its format file was removed)."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from videomon.core.providers.profiles import ProfileProblem


class SkippedNote(QLabel):
    def __init__(self, skipped: dict[str, ProfileProblem]) -> None:
        super().__init__()
        self.setObjectName("inlineMessage")
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.skipped: dict[str, ProfileProblem] = {}
        self.set_skipped(skipped)

    def set_skipped(self, skipped: dict[str, ProfileProblem]) -> None:
        self.skipped = dict(skipped)
        lines = [self.tr("Not shown, not polled: <b>{name}</b> — {problem}").format(
            name=html.escape(name), problem=html.escape(str(problem)))
            for name, problem in sorted(self.skipped.items())]
        if lines:
            lines.append(self.tr("Its tasks stay tracked. A provider added here under the "
                                 "same name takes its place."))
        self.setText("<br>".join(lines))
        self.setVisible(bool(lines))
