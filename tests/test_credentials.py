"""Credential store: env vars, an in-memory keyring, no backend, a hanging backend, and
(under tests/run.sh) a real Secret Service in a private D-Bus session."""

from __future__ import annotations

import asyncio
import os
import threading
import time

import keyring.backends.fail
import keyring.backends.null
import keyring.errors
import pytest

from tests.conftest import MemoryKeyring
from videomon.core.domain.errors import CredentialError
from videomon.core.providers.credentials import SERVICE, CredentialStore, env_var_for


def test_env_var_names() -> None:
    assert env_var_for("my relay.v2") == "VIDEOMON_API_KEY_MY_RELAY_V2"
    assert env_var_for(None) == "VIDEOMON_API_KEY"


def test_round_trip_in_memory(memory_keyring: MemoryKeyring) -> None:
    store = CredentialStore(environ={}, backend=memory_keyring)
    assert store.get_key("relay") is None
    store.set_key("relay", "  sk-abc  ")
    assert memory_keyring.items[(SERVICE, "relay")] == "sk-abc"
    assert store.get_key("relay") == "sk-abc"
    assert store.key_source("relay") == "keyring"
    assert store.delete_key("relay") is True
    assert store.delete_key("relay") is False


def test_env_var_overrides_keyring(memory_keyring: MemoryKeyring) -> None:
    memory_keyring.items[(SERVICE, "relay")] = "from-keyring"
    store = CredentialStore(environ={"VIDEOMON_API_KEY_RELAY": "from-env"}, backend=memory_keyring)
    assert store.get_key("relay") == "from-env"
    assert store.key_source("relay") == "env VIDEOMON_API_KEY_RELAY"


@pytest.mark.parametrize("bad", ["", "   ", "a\nb", "x\0y"])
def test_rejects_empty_or_multiline_keys(memory_keyring: MemoryKeyring, bad: str) -> None:
    with pytest.raises(CredentialError):
        CredentialStore(environ={}, backend=memory_keyring).set_key("relay", bad)


def test_no_backend_explains_the_fix_in_one_sentence() -> None:
    store = CredentialStore(environ={}, backend=keyring.backends.fail.Keyring())
    status = store.status()
    assert not status.usable
    assert store.get_key("relay") is None  # not an error: env vars may be the user's choice
    with pytest.raises(CredentialError) as caught:
        store.set_key("relay", "sk-abc")
    message = str(caught.value)
    assert "no usable keyring backend" in message
    assert "gnome-keyring" in message and "VIDEOMON_API_KEY_RELAY" in message
    assert "sk-abc" not in message
    assert "VIDEOMON_API_KEY_RELAY" in store.explain_missing("relay")


def test_null_backend_that_silently_drops_keys_is_reported() -> None:
    store = CredentialStore(environ={}, backend=keyring.backends.null.Keyring())
    with pytest.raises(CredentialError, match="did not keep the key"):
        store.set_key("relay", "sk-abc")
    assert not store.status().usable


class LockedKeyring(MemoryKeyring):
    def get_password(self, service: str, username: str) -> str | None:
        raise keyring.errors.KeyringLocked("Failed to unlock the collection!")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.KeyringLocked("Failed to unlock the collection!")


def test_locked_keyring() -> None:
    store = CredentialStore(environ={"VIDEOMON_API_KEY_RELAY": "env-key"}, backend=LockedKeyring())
    assert store.get_key("relay") == "env-key"
    with pytest.raises(CredentialError, match="locked"):
        store.set_key("relay", "sk-abc")
    assert "locked" in store.explain_missing("other")


class HangingKeyring(MemoryKeyring):
    def __init__(self) -> None:
        super().__init__()
        self.release = threading.Event()

    def set_password(self, service: str, username: str, password: str) -> None:
        self.release.wait(30)


def test_hanging_backend_times_out_without_blocking_the_loop() -> None:
    backend = HangingKeyring()
    store = CredentialStore(environ={}, backend=backend, timeout=0.5)

    async def main() -> tuple[float, int]:
        ticks = 0

        async def ticker() -> None:
            nonlocal ticks
            while True:
                await asyncio.sleep(0.02)
                ticks += 1

        tick_task = asyncio.create_task(ticker())
        started = time.monotonic()
        with pytest.raises(CredentialError, match="did not answer in time"):
            await store.aset_key("relay", "sk-abc")
        tick_task.cancel()
        return time.monotonic() - started, ticks

    try:
        elapsed, ticks = asyncio.run(main())
    finally:
        backend.release.set()
    assert 0.4 <= elapsed < 2.0
    assert ticks >= 10  # the event loop kept running while the keyring hung


@pytest.mark.secret_service
def test_real_secret_service_round_trip() -> None:
    """Runs inside tests/run.sh's private D-Bus session with an unlocked gnome-keyring."""
    if os.environ.get("VIDEOMON_TEST_SECRET_SERVICE") != "1":
        pytest.skip("no private Secret Service session (run the suite through tests/run.sh)")
    store = CredentialStore(environ={})
    status = store.status()
    assert status.usable, status.reason
    assert "SecretService" in status.backend
    store.set_key("ci-profile", "sk-real-secret-service")
    assert store.get_key("ci-profile") == "sk-real-secret-service"
    assert store.delete_key("ci-profile") is True
    assert store.get_key("ci-profile") is None
