"""API keys in the OS keyring (service ``videomon``, user = profile name), or env vars.

Keyring calls run in a worker thread with a timeout: a broken Secret Service daemon
can hang ``set_password`` indefinitely, and the event loop must never wait on it.
There is deliberately no plaintext fallback store.
"""

from __future__ import annotations

import asyncio
import enum
import os
import re
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from videomon.core.domain.errors import CredentialError

SERVICE = "videomon"
ADHOC_ENV = "VIDEOMON_API_KEY"
DEFAULT_TIMEOUT = 10.0
T = TypeVar("T")

UNUSABLE_HELP = (
    "unlock your keyring or install a Secret Service such as gnome-keyring or KWallet, "
    "or set the key in the environment variable {env}")


def env_var_for(profile: str | None) -> str:
    """``VIDEOMON_API_KEY_<PROFILE>`` (upper-cased, non-alphanumerics as ``_``)."""
    if not profile:
        return ADHOC_ENV
    return f"{ADHOC_ENV}_{re.sub(r'[^A-Za-z0-9]', '_', profile).upper()}"


class KeyringTrouble(enum.StrEnum):
    """Why the keyring cannot be used (the window words it in the user's language)."""

    NO_BACKEND = "no_backend"
    LOCKED = "locked"
    CANNOT_OPEN = "cannot_open"
    TIMEOUT = "timeout"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class KeyringStatus:
    usable: bool
    backend: str
    reason: str | None = None  # in English, for the terminal and the log
    trouble: KeyringTrouble | None = None


def _describe(exc: BaseException) -> tuple[KeyringTrouble, str]:
    import keyring.errors  # imported on first use: 50 ms off the window's start

    if isinstance(exc, keyring.errors.NoKeyringError):
        return KeyringTrouble.NO_BACKEND, "no usable keyring backend is available"
    if isinstance(exc, keyring.errors.KeyringLocked):
        return KeyringTrouble.LOCKED, "the keyring is locked"
    if isinstance(exc, keyring.errors.InitError):
        return KeyringTrouble.CANNOT_OPEN, ("the keyring could not be opened (is the Secret "
                                            "Service running and unlocked?)")
    if isinstance(exc, TimeoutError):
        return KeyringTrouble.TIMEOUT, "the keyring did not answer in time"
    return KeyringTrouble.FAILED, f"the keyring failed ({type(exc).__name__})"


class CredentialStore:
    """Reads and writes API keys; environment variables override the keyring."""

    def __init__(self, *, environ: Mapping[str, str] | None = None,
                 timeout: float = DEFAULT_TIMEOUT, backend: Any | None = None) -> None:
        self._environ = os.environ if environ is None else environ
        self._timeout = timeout
        self._backend = backend

    # -- synchronous API (CLI); each call bounded by the timeout --------------------------
    def _keyring(self) -> Any:
        if self._backend is not None:
            return self._backend
        import keyring  # imported on first use: 50 ms off the window's start

        return keyring.get_keyring()

    def _bounded(self, func: Callable[[], T]) -> T:
        """Run `func` in a daemon thread and give up after the timeout."""
        result: dict[str, Any] = {}

        def run() -> None:
            try:
                result["value"] = func()
            except BaseException as exc:
                result["error"] = exc

        worker = threading.Thread(target=run, name="videomon-keyring", daemon=True)
        worker.start()
        worker.join(self._timeout)
        if worker.is_alive():
            raise TimeoutError("keyring call timed out")
        if "error" in result:
            raise result["error"]
        return result["value"]

    def status(self) -> KeyringStatus:
        """Whether the keyring can be used right now, and if not, why."""
        try:
            backend = self._bounded(self._keyring)
            name = f"{type(backend).__module__}.{type(backend).__name__}"
            if "fail" in name.lower() or "null" in name.lower():
                return KeyringStatus(False, name, "no usable keyring backend is available",
                                     KeyringTrouble.NO_BACKEND)
            self._bounded(lambda: backend.get_password(SERVICE, "__videomon_probe__"))
            return KeyringStatus(True, name)
        except Exception as exc:
            trouble, reason = _describe(exc)
            return KeyringStatus(False, "unknown", reason, trouble)

    def get_key(self, profile: str | None) -> str | None:
        """The key for `profile`: env var first, then the keyring; None when there is none.

        A keyring that cannot be used is not an error here (the env var may be the
        user's choice); `explain_missing()` says why no key was found.
        """
        env_value = self._environ.get(env_var_for(profile), "").strip()
        if env_value:
            return env_value
        if not profile:
            return None
        try:
            value = self._bounded(lambda: self._keyring().get_password(SERVICE, profile))
        except Exception:
            return None
        return value or None

    def key_source(self, profile: str) -> str:
        """Where the key for `profile` would come from: ``env NAME``, keyring, missing."""
        env = env_var_for(profile)
        if self._environ.get(env, "").strip():
            return f"env {env}"
        return "keyring" if self.get_key(profile) else "missing"

    def set_key(self, profile: str, key: str) -> None:
        key = key.strip()
        if not key:
            raise CredentialError("the key is empty")
        if any(ch in key for ch in "\r\n\0"):
            raise CredentialError("the key contains a line break or NUL character")
        def store_and_check() -> bool:
            backend = self._keyring()
            backend.set_password(SERVICE, profile, key)
            return backend.get_password(SERVICE, profile) == key

        try:
            kept = self._bounded(store_and_check)
        except Exception as exc:
            raise CredentialError(self._unusable_sentence(exc, profile)) from None
        if not kept:
            raise CredentialError(
                "the keyring did not keep the key (no usable keyring backend): "
                + UNUSABLE_HELP.format(env=env_var_for(profile)))

    def delete_key(self, profile: str) -> bool:
        """Remove the stored key; False when there was none."""
        try:
            self._bounded(lambda: self._keyring().delete_password(SERVICE, profile))
        except _password_delete_error():
            return False
        except Exception as exc:
            raise CredentialError(self._unusable_sentence(exc, profile)) from None
        return True

    def explain_missing(self, profile: str | None) -> str:
        """One sentence: why no key is available for `profile`, and how to fix it."""
        env = env_var_for(profile)
        if not profile:
            return f"no API key: set {env} or use a profile with a stored key"
        status = self.status()
        if not status.usable:
            return f"{status.reason}: " + UNUSABLE_HELP.format(env=env)
        return (f"no key is stored for profile {profile!r}: run "
                f"'videomon provider set-key {profile}' or set {env}")

    def _unusable_sentence(self, exc: BaseException, profile: str) -> str:
        return f"{_describe(exc)}: " + UNUSABLE_HELP.format(env=env_var_for(profile))

    # -- asyncio API (window, scheduler): never blocks the loop ---------------------------
    async def aget_key(self, profile: str | None) -> str | None:
        return await asyncio.to_thread(self.get_key, profile)

    async def aset_key(self, profile: str, key: str) -> None:
        await asyncio.to_thread(self.set_key, profile, key)

    async def astatus(self) -> KeyringStatus:
        return await asyncio.to_thread(self.status)


def _password_delete_error() -> type[Exception]:
    import keyring.errors

    return keyring.errors.PasswordDeleteError
