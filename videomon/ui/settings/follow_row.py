"""The provider form's account row: "Follow this account" (its list is read at start and
every few minutes), how far back the first listing reaches, and — for lists that take the
console's access token rather than the API key (new-api's task log) — that token, masked
and written only to the keyring. A format that cannot list says so instead."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from videomon.core.providers.formats.list_spec import ListSpec
from videomon.core.providers.profiles import Profile

#: how far back a first listing reaches (seconds; None: all the provider keeps)
REACH = (86400.0, 7 * 86400.0, None)


class FollowRow(QWidget):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.follow = QCheckBox(self.tr("Follow this account: add the tasks its list shows"))
        self.reach = QComboBox()
        self.reach.setAccessibleName(self.tr("How far back"))
        self.reach.addItem(self.tr("from the last day"), REACH[0])
        self.reach.addItem(self.tr("from the last week"), REACH[1])
        self.reach.addItem(self.tr("everything the provider keeps"), REACH[2])
        self.token = QLineEdit()
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.token.setAccessibleName(self.tr("Access token"))  # (its hint: `load`)
        self.note = QLabel()
        self.note.setWordWrap(True)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.follow, 1)
        row.addWidget(self.reach)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.token)
        layout.addWidget(self.note)
        self.follow.toggled.connect(self.reach.setEnabled)
        self.reach.activated.connect(self._touched)
        self._since: float | None = None
        self._kept = False  # (following already, the reach untouched: it stays)

    def _touched(self, *_: object) -> None:
        self._kept = False

    def load(self, profile: Profile, listing: ListSpec | None, token_stored: bool) -> None:
        """Show `profile`'s choice (`listing`: its format's list request, if any; one may
        need the account's token, stored already or not)."""
        lists, needs_token = listing is not None, bool(listing and listing.needs_token)
        self.follow.setEnabled(lists)
        self.follow.setChecked(profile.follow and lists)
        self.reach.setEnabled(profile.follow and lists)
        self._since, self._kept = profile.follow_since, profile.follow
        self.reach.setCurrentIndex(2 if profile.follow and profile.follow_since is None else 1)
        self.token.clear()
        self.token.setVisible(lists and needs_token)
        self.token.setPlaceholderText(
            "••••••••" if token_stored else self.tr("USER_ID:ACCESS_TOKEN from the relay's "
                                                    "console (not the sk- key)"))
        if not lists:
            self.note.setText(self.tr("This format has no list of tasks: paste their IDs."))
        elif needs_token:
            self.note.setText(self.tr("Its list takes the console's user ID and access token, "
                                      "not the API key; both stay in the system keyring."))
        else:
            self.note.setText(self.tr("Its list is read with the API key, at start and every "
                                      "few minutes; a task you remove does not come back."))

    def values(self) -> dict[str, Any]:
        """The profile's follow fields as the form has them."""
        if not self.follow.isChecked():
            return {"follow": False, "follow_since": None}
        if self._kept:
            return {"follow": True, "follow_since": self._since}
        reach = self.reach.currentData()
        return {"follow": True, "follow_since": None if reach is None else time.time() - reach}

    def typed_token(self) -> str:
        return self.token.text().strip()
