"""What the Settings dialog's Save asks the window to write."""

from __future__ import annotations

from dataclasses import dataclass

from videomon.core.config.settings import Settings
from videomon.core.providers.profiles import Profile


@dataclass(frozen=True, slots=True)
class SettingsEdit:
    """What Save asks for: the providers, settings, new keys, and providers removed."""

    profiles: list[Profile]
    settings: Settings
    keys: dict[str, str]
    removed: list[str]
