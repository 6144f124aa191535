"""Provider profiles (name, dialect, base URL, auth scheme, polling) and their config file."""

from __future__ import annotations

import enum
import json
import re
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from videomon.core.config.atomic import write_atomic
from videomon.core.domain.errors import ConfigError
from videomon.core.providers.auth import check_auth

if TYPE_CHECKING:
    from videomon.core.providers.dialects import FormatRegistry

_PROFILE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}$")
_FORMAT_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")
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
    netloc = f"{parts.username or ''}:***@" + parts.netloc.rsplit("@", 1)[1]
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


#: what a profile's poll interval (seconds) and concurrency may be (the forms read these)
INTERVAL_RANGE = (0.5, 3600.0)
CONCURRENCY_RANGE = (1, 64)


@dataclass(frozen=True, slots=True)
class Profile:
    """How to reach one provider. The API key is not here: it lives in the keyring.

    An empty `auth` means "the format's default"; `FormatRegistry.complete` fills it in
    (and checks that the format is known) wherever profiles are read or saved."""

    name: str
    dialect: str
    base_url: str
    auth: str = ""
    interval: float = 5.0
    max_concurrency: int = 4
    proxy: str | None = None
    #: the account's own list is read at start and every few minutes (formats that list)
    follow: bool = False
    #: how far back following reaches (Unix seconds; None: all the provider keeps)
    follow_since: float | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        if not _PROFILE_NAME.match(self.name):
            raise ConfigError(
                f"invalid profile name {self.name!r}: use letters, digits, space, . _ - "
                "(at most 64, starting with a letter or digit)", field="name")
        dialect = str(self.dialect).strip().lower()
        if not _FORMAT_NAME.match(dialect):
            raise ConfigError(f"invalid format name {self.dialect!r}", field="dialect")
        object.__setattr__(self, "dialect", dialect)
        object.__setattr__(self, "base_url", check_base_url(self.base_url))
        object.__setattr__(self, "auth", check_auth(self.auth) if self.auth else "")
        low, high = INTERVAL_RANGE
        if not low <= float(self.interval) <= high:
            raise ConfigError(f"the poll interval must be between {low:g} and {high:g} "
                              "seconds", field="interval")
        object.__setattr__(self, "interval", float(self.interval))
        low_n, high_n = CONCURRENCY_RANGE
        if not low_n <= int(self.max_concurrency) <= high_n:
            raise ConfigError(f"max concurrent requests must be between {low_n} and "
                              f"{high_n}", field="max_concurrency")
        if self.proxy:
            parts = urlsplit(self.proxy)
            if parts.scheme not in ("http", "https", "socks5", "socks5h") or not parts.hostname:
                raise ConfigError(f"invalid proxy URL {shown_proxy(self.proxy)!r}",
                                  field="proxy")

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        extra = data.pop("extra")
        if not self.follow:  # (written only when set: older versions' files stay as they were)
            del data["follow"], data["follow_since"]
        return {**extra, **data}  # unknown fields from newer versions survive a rewrite

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Profile:
        known = {"name", "dialect", "base_url", "auth", "interval", "max_concurrency", "proxy",
                 "follow", "follow_since"}
        kwargs = {k: v for k, v in data.items() if k in known}
        extra = {k: v for k, v in data.items() if k not in known}
        return cls(**kwargs, extra=extra)

    def with_changes(self, **changes: Any) -> Profile:
        return replace(self, **changes)


class ProfileTrouble(enum.StrEnum):
    KEY = "key"        # the provider rejected the key
    CONFIG = "config"  # the config entry cannot be used (e.g. its format is gone)


@dataclass(frozen=True, slots=True)
class ProfileProblem:
    """Why a provider's tasks are not polled: its key was rejected (``key``), or its
    entry in the config cannot be used (``config``)."""

    kind: ProfileTrouble
    detail: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", ProfileTrouble(self.kind))

    def __str__(self) -> str:
        return f"key rejected: {self.detail}" if self.kind is ProfileTrouble.KEY \
            else self.detail


@dataclass(frozen=True, slots=True)
class SkippedProfile:
    """A config entry that cannot be used now; it stays in the file as it is."""

    name: str
    entry: dict[str, Any]
    problem: ProfileProblem


class ConfigStore:
    """The JSON config file: profiles and settings, rewritten atomically on every save."""

    def __init__(self, path: Path, formats: FormatRegistry) -> None:
        self.path = path
        self.formats = formats

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
        """The usable profiles (see `read_profiles` for the others)."""
        return self.read_profiles()[0]

    def read_profiles(self) -> tuple[list[Profile], list[SkippedProfile]]:
        """The usable profiles, and the entries skipped with what is wrong with them
        (a format file removed or broken, a hand edit gone wrong): one bad entry does
        not take the others, or the app, down with it."""
        usable: list[Profile] = []
        skipped: list[SkippedProfile] = []
        for number, entry in enumerate(self.load()["profiles"], start=1):
            try:
                usable.append(self.formats.complete(Profile.from_json(entry)))
            except (ConfigError, TypeError, AttributeError, ValueError) as exc:
                name = entry.get("name") if isinstance(entry, dict) else None
                name = name if isinstance(name, str) and name else f"#{number}"
                problem = ProfileProblem(ProfileTrouble.CONFIG, self._why(entry, exc))
                skipped.append(SkippedProfile(name, entry if isinstance(entry, dict) else {},
                                              problem))
        return usable, skipped

    def _why(self, entry: Any, exc: Exception) -> str:
        dialect = entry.get("dialect") if isinstance(entry, dict) else None
        if isinstance(dialect, str) and dialect not in self.formats:
            return (f"its format {dialect!r} is not installed (the file "
                    f"{self.path.parent / 'formats' / (dialect + '.toml')} was removed or "
                    "has a mistake); add the format again (Settings → Formats, or "
                    "'videomon format import') or choose another format")
        return f"its entry in {self.path} cannot be used ({exc}); fix or remove it"

    def get(self, name: str) -> Profile:
        usable, skipped = self.read_profiles()
        for profile in usable:
            if profile.name == name:
                return profile
        for entry in skipped:
            if entry.name == name:
                raise ConfigError(f"the profile {name!r} cannot be used: {entry.problem}")
        known = ", ".join(p.name for p in usable) or "none yet"
        raise ConfigError(f"no profile named {name!r} (profiles: {known}); "
                          "add one with 'videomon provider add'")

    def put(self, profile: Profile, *, replace_existing: bool = False) -> None:
        profile = self.formats.complete(profile)
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
