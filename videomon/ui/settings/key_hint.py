"""The provider form's note under the API key: where the key comes from, or what to do."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from videomon.core.providers.credentials import env_var_for


def key_hint(source: str, *, no_auth: bool, typed: bool, name: str) -> str:
    """The note for a provider whose key comes from `source` (``env NAME``, ``keyring``,
    ``missing``); `typed`: a new key waits in the form; `name`: as the form calls it."""
    if no_auth:
        return QCoreApplication.translate(
            "SettingsDialog", "This provider needs no key (its auth is “none”).")
    if typed:
        return QCoreApplication.translate("SettingsDialog",
                                          "A new key will be saved to the keyring.")
    if source.startswith("env "):
        return QCoreApplication.translate(
            "SettingsDialog", "Using the key from the environment variable {name}.").format(
            name=source[4:])
    if source == "keyring":
        return QCoreApplication.translate(
            "SettingsDialog", "A key is stored in the keyring. Type a new one to replace it.")
    return QCoreApplication.translate(
        "SettingsDialog", "No key yet. It is stored only in the system keyring (or set "
        "{name}).").format(name=env_var_for(name))
