"""Desktop notifications through the freedesktop notification service (D-Bus, spoken by
`desktop-notifier`): a title, a text, a picture and buttons; a click on the note or a
button calls back. Where there is no service (no session bus, none running, one that
cannot start) `send` answers False and the window falls back to the tray's message; the
service is asked again a minute later (a notification daemon started after videomon)."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

#: after the service was found missing, it is asked again this much later (s)
ASK_AGAIN = 60.0
#: the key a click on the note itself calls back with
CLICKED = "show"


@dataclass(frozen=True, slots=True)
class Note:
    title: str
    body: str
    #: a picture shown in the note (the freedesktop `image-path` hint)
    picture: Path | None = None
    #: (key, label) per button, in order
    buttons: tuple[tuple[str, str], ...] = ()


class DesktopNotes:
    """One per app (app.py builds it; tests give theirs on a private bus)."""

    def __init__(self, app_name: str, icon: Path | None = None) -> None:
        self._app_name, self._icon = app_name, icon
        self._notifier: Any = None
        self._missing_since: float | None = None
        #: what the service said it can do (freedesktop capabilities), once asked
        self.capabilities: frozenset[str] = frozenset()

    @property
    def available(self) -> bool:
        """False while the service is known to be missing."""
        return self._missing_since is None \
            or time.monotonic() - self._missing_since >= ASK_AGAIN

    async def send(self, note: Note, act: Callable[[str], None]) -> bool:
        """Show `note`; `act(key)` on a click (`CLICKED`) or a button. False when there is
        no notification service (nothing shown): the caller says it another way."""
        if not self.available:
            return False
        try:
            from desktop_notifier import Attachment, Button

            notifier = self._notifier or self._make()
            if self._notifier is None or self._missing_since is not None:
                found = await notifier.get_capabilities()  # (raises without a service)
                self.capabilities = frozenset(c.name.lower() for c in found)
                self._notifier, self._missing_since = notifier, None
            await notifier.send(
                title=note.title, message=note.body,
                buttons=[Button(label, on_pressed=partial(act, key))
                         for key, label in note.buttons],
                on_clicked=partial(act, CLICKED),
                attachment=Attachment(path=note.picture) if note.picture else None)
            return True
        except Exception as exc:  # (no bus, no service, a service that failed to start)
            log.info("no desktop notifications: %s", exc)
            self._notifier, self._missing_since = None, time.monotonic()
            return False

    def _make(self) -> Any:
        from desktop_notifier import DesktopNotifier, Icon

        icon = Icon(path=self._icon) if self._icon is not None else None
        return DesktopNotifier(app_name=self._app_name, app_icon=icon)
