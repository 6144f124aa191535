"""Provider profiles (name, dialect, base URL, auth scheme, polling) and their config file."""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from videomon.core.config.atomic import write_atomic
from videomon.core.domain.errors import ConfigError
from videomon.core.providers.auth import check_auth
from videomon.core.providers.dialects import get_dialect

_PROFILE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}$")
CONFIG_VERSION = 1


def insecure_base_url(url: str) -> bool:
    """Plain ``http://`` to another computer: a key sent there travels unencrypted."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    loopback = host == "localhost" or host == "::1" or host.startswith("127.")
    return parts.scheme == "http" and bool(host) and not loopback


def shown_proxy(url: str) -> str:
    """A proxy URL fit to print: a password in it becomes ``***``."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = f"{parts.username}:***@" + parts.netloc.rsplit("@", 1)[1]
    return parts._replace(netloc=netloc).geturl()


INSECURE_WARNING = ("the base URL {url} is plain http:// to another computer: the API key "
                    "would travel unencrypted; use https:// if the provider offers it")


def check_base_url(url: str) -> str:
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ConfigError(f"invalid base URL {url!r}: expected http(s)://host[:port][/path]",
                          field="base_url")
    if parts.query or parts.fragment:
        raise ConfigError(f"invalid base URL {url!r}: it must not have a query or fragment",
                          field="base_url")
    try:
        parts.port  # noqa: B018 - validates the port
    except ValueError as exc:
        raise ConfigError(f"invalid base URL {url!r}: {exc}", field="base_url") from None
    return url.strip().rstrip("/")


@dataclass(frozen=True, slots=True)
class Profile:
    """How to reach one provider. The API key is not here: it lives in the keyring."""

    name: str
    dialect: str
    base_url: str
    auth: str = ""
    interval: float = 5.0
    max_concurrency: int = 4
    proxy: str | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        if not _PROFILE_NAME.match(self.name):
            raise ConfigError(
                f"invalid profile name {self.name!r}: use letters, digits, space, . _ - "
                "(at most 64, starting with a letter or digit)", field="name")
        dialect = get_dialect(self.dialect)
        object.__setattr__(self, "dialect", dialect.name)
        object.__setattr__(self, "base_url", check_base_url(self.base_url))
        object.__setattr__(self, "auth", check_auth(self.auth or dialect.default_auth))
        if not 0.5 <= float(self.interval) <= 3600:
            raise ConfigError("the poll interval must be between 0.5 and 3600 seconds",
                              field="interval")
        object.__setattr__(self, "interval", float(self.interval))
        if not 1 <= int(self.max_concurrency) <= 64:
            raise ConfigError("max concurrent requests must be between 1 and 64",
                              field="max_concurrency")
        if self.proxy:
            parts = urlsplit(self.proxy)
            if parts.scheme not in ("http", "https", "socks5", "socks5h") or not parts.hostname:
                raise ConfigError(f"invalid proxy URL {shown_proxy(self.proxy)!r}",
                                  field="proxy")

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        extra = data.pop("extra")
        return {**extra, **data}  # unknown fields from newer versions survive a rewrite

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Profile:
        known = {"name", "dialect", "base_url", "auth", "interval", "max_concurrency", "proxy"}
        kwargs = {k: v for k, v in data.items() if k in known}
        extra = {k: v for k, v in data.items() if k not in known}
        return cls(**kwargs, extra=extra)

    def with_changes(self, **changes: Any) -> Profile:
        return replace(self, **changes)


class ConfigStore:
    """The JSON config file: profiles and settings, rewritten atomically on every save."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self) -> dict[str, Any]:
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return {"version": CONFIG_VERSION, "profiles": [], "settings": {}}
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ConfigError(
                f"the config file {self.path} is not valid JSON ({exc.msg} at line {exc.lineno});"
                " fix or remove it") from None
        if not isinstance(data, dict):
            raise ConfigError(f"the config file {self.path} does not hold a JSON object")
        data.setdefault("profiles", [])
        data.setdefault("settings", {})
        return data

    def save(self, data: dict[str, Any]) -> None:
        data = {**data, "version": CONFIG_VERSION}
        text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
        write_atomic(self.path, text.encode("utf-8"))

    def profiles(self) -> list[Profile]:
        result = []
        for entry in self.load()["profiles"]:
            try:
                result.append(Profile.from_json(entry))
            except (ConfigError, TypeError) as exc:
                raise ConfigError(f"a profile in {self.path} is invalid: {exc}") from None
        return result

    def get(self, name: str) -> Profile:
        for profile in self.profiles():
            if profile.name == name:
                return profile
        known = ", ".join(p.name for p in self.profiles()) or "none yet"
        raise ConfigError(f"no profile named {name!r} (profiles: {known}); "
                          "add one with 'videomon provider add'")

    def put(self, profile: Profile, *, replace_existing: bool = False) -> None:
        data = self.load()
        entries = [e for e in data["profiles"] if e.get("name") != profile.name]
        if len(entries) != len(data["profiles"]) and not replace_existing:
            raise ConfigError(f"a profile named {profile.name!r} already exists")
        entries.append(profile.to_json())
        data["profiles"] = entries
        self.save(data)

    def remove(self, name: str) -> None:
        data = self.load()
        entries = [e for e in data["profiles"] if e.get("name") != name]
        if len(entries) == len(data["profiles"]):
            raise ConfigError(f"no profile named {name!r}")
        data["profiles"] = entries
        self.save(data)
