"""Profiles, auth schemes, the config file and VIDEOMON_HOME."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from videomon.core.config.paths import AppPaths
from videomon.core.domain.errors import ConfigError
from videomon.core.providers.auth import auth_headers, check_auth
from videomon.core.providers.dialects import FormatRegistry
from videomon.core.providers.profiles import ConfigStore, Profile


def test_default_auth_per_format() -> None:
    """A profile naming no auth takes its format's, filled in by the registry that knows
    the format (and refuses one it does not know)."""
    formats = FormatRegistry()
    assert Profile("a", "openai", "https://x.example").auth == ""  # "the format's own"
    assert formats.complete(Profile("a", "openai", "https://x.example")).auth == "bearer"
    assert formats.complete(Profile("a", "unified", "https://x.example")).auth == "bearer"
    assert formats.complete(Profile("a", "tasks", "https://x.example")).auth == "raw"
    assert formats.complete(Profile("a", "gemini", "https://x.example")).auth == \
        "header:x-goog-api-key"
    assert formats.complete(Profile("a", "tasks", "https://x.example", auth="none")).auth \
        == "none"
    with pytest.raises(ConfigError, match="unknown format 'nope'"):
        formats.complete(Profile("a", "nope", "https://x.example"))


@pytest.mark.parametrize(
    ("scheme", "headers"),
    [("bearer", {"Authorization": "Bearer K"}), ("raw", {"Authorization": "K"}),
     ("header:X-Api-Key", {"X-Api-Key": "K"}), ("none", {})],
)
def test_auth_headers(scheme: str, headers: dict) -> None:
    assert auth_headers(check_auth(scheme), "K") == headers
    assert auth_headers(check_auth(scheme), None) == {}


@pytest.mark.parametrize("bad", ["basic", "header:", "header:bad name", "header:a:b"])
def test_invalid_auth(bad: str) -> None:
    with pytest.raises(ConfigError, match="auth scheme"):
        check_auth(bad)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [({"base_url": "ftp://x"}, "base URL"), ({"base_url": "https://x?a=1"}, "query"),
     ({"name": "../evil"}, "profile name"), ({"dialect": "no pe"}, "format name"),
     ({"interval": 0.1}, "interval"), ({"max_concurrency": 0}, "concurrent"),
     ({"proxy": "not a url"}, "proxy")],
)
def test_profile_validation(kwargs: dict, message: str) -> None:
    args = {"name": "relay", "dialect": "openai", "base_url": "https://x.example", **kwargs}
    with pytest.raises(ConfigError, match=message):
        Profile(**args)


def test_videomon_home_puts_everything_under_it(tmp_path: Path) -> None:
    paths = AppPaths.from_environment({"VIDEOMON_HOME": str(tmp_path)})
    for folder in (paths.config_dir, paths.data_dir, paths.log_dir, paths.cache_dir):
        assert folder.is_relative_to(tmp_path)


def test_config_round_trip_is_atomic_and_private(isolated_home: Path) -> None:
    store = ConfigStore(AppPaths.from_environment().config_file, FormatRegistry())
    assert store.profiles() == []
    store.put(Profile("relay", "openai", "https://x.example/", interval=3, proxy="http://p:1"))
    with pytest.raises(ConfigError, match="already exists"):
        store.put(Profile("relay", "tasks", "https://y.example"))
    store.put(Profile("relay", "tasks", "https://y.example"), replace_existing=True)
    (profile,) = store.profiles()
    assert (profile.dialect, profile.base_url, profile.auth) == \
        ("tasks", "https://y.example", "raw")
    assert oct(store.path.stat().st_mode & 0o777) == "0o600"
    assert [p.name for p in store.path.parent.iterdir()] == ["config.json"]  # no temp files left
    data = json.loads(store.path.read_text())
    assert data["version"] == 1
    store.remove("relay")
    assert store.profiles() == []
    with pytest.raises(ConfigError, match="no profile named"):
        store.get("relay")


def test_unknown_fields_survive_a_rewrite(isolated_home: Path) -> None:
    store = ConfigStore(AppPaths.from_environment().config_file, FormatRegistry())
    store.save({"profiles": [{"name": "r", "dialect": "openai", "base_url": "https://x.example",
                              "future_field": 7}], "settings": {"theme": "dark"}})
    store.put(Profile("s", "openai", "https://z.example"))
    data = store.load()
    assert data["settings"] == {"theme": "dark"}
    assert data["profiles"][0]["future_field"] == 7
    store.put(store.get("r").with_changes(interval=9.0), replace_existing=True)
    rewritten = next(p for p in store.load()["profiles"] if p["name"] == "r")
    assert rewritten["future_field"] == 7 and rewritten["interval"] == 9.0


def test_corrupt_config_is_reported_not_overwritten(isolated_home: Path) -> None:
    store = ConfigStore(AppPaths.from_environment().config_file, FormatRegistry())
    store.path.parent.mkdir(parents=True)
    store.path.write_text("{not json")
    with pytest.raises(ConfigError, match="not valid JSON"):
        store.profiles()
    assert store.path.read_text() == "{not json"


def test_write_failure_leaves_old_file(isolated_home: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    store = ConfigStore(AppPaths.from_environment().config_file, FormatRegistry())
    store.put(Profile("relay", "openai", "https://x.example"))
    before = store.path.read_bytes()

    def fail(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", fail)
    with pytest.raises(OSError):
        store.put(Profile("other", "openai", "https://y.example"))
    assert store.path.read_bytes() == before
    assert [p.name for p in store.path.parent.iterdir()] == ["config.json"]
