"""The providers' door: profiles, keys (to the keyring only), settings and "Test
connection"."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from videomon.core.config.settings import Settings
from videomon.core.domain.errors import ProblemKind, VideomonError
from videomon.core.providers.credentials import KeyringStatus
from videomon.core.providers.profiles import Profile, ProfileProblem
from videomon.core.tracking.engine import Engine

#: an ID no provider knows: "not found" proves the endpoint answered and took the key
PROBE_ID = "videomon-connection-test-0000"


@dataclass(frozen=True, slots=True)
class ConnectionReport:
    """What a connection test found: `kind` None when the provider answered (`known_task`
    False: it answered "no such task", as expected), else the problem's kind and message."""

    host: str
    dialect: str
    kind: ProblemKind | None = None
    problem: str = ""
    known_task: bool = True
    key_set: bool = True

    @property
    def ok(self) -> bool:
        return self.kind is None

    @property
    def message(self) -> str:
        """In English, for the terminal and the log (the window words it itself)."""
        if self.ok and self.known_task:
            return (f"Connected: {self.host} answered in the {self.dialect} format and "
                    "accepted the key.")
        if self.ok:
            return (f"Connected: {self.host} answered and accepted the key (it does not know "
                    "the test task, as expected).")
        if self.kind is ProblemKind.AUTH:
            hint = "" if self.key_set else " No key is set for this profile."
            return f"The provider rejected the key: {self.problem}.{hint}"
        return f"Not working: {self.problem}"


class ProviderCommands:
    """The providers in use, their keys and the settings."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._scheduler = engine.scheduler
        self.last_profile: str | None = engine.config.load().get("last_profile")

    # -- what there is ---------------------------------------------------------------------
    def profiles(self) -> dict[str, Profile]:
        """The provider profiles in use, by name."""
        return dict(self._scheduler.profiles)

    def skipped_profiles(self) -> dict[str, ProfileProblem]:
        """Providers in the config that cannot be used now (a format gone), and why."""
        return self._engine.skipped_profiles

    def profile(self, name: str) -> Profile | None:
        return self._scheduler.profiles.get(name)

    def settings(self) -> Settings:
        """The settings in use (kept in memory; saved ones replace them)."""
        return self._engine.settings

    def default_download_dir(self) -> str:
        return str(Settings().resolved_download_dir(self._engine.paths))

    # -- saving ------------------------------------------------------------------------------
    async def remember_profile(self, name: str) -> None:
        """The last used profile, kept in the config file (written off the loop thread)."""
        if name == self.last_profile:
            return
        self.last_profile = name
        config = self._engine.config
        await asyncio.to_thread(lambda: config.save({**config.load(), "last_profile": name}))

    async def save(self, profiles: Sequence[Profile], settings: Settings,
                   keys: dict[str, str], removed: Sequence[str] = ()) -> None:
        """Write profiles and settings to the config file and keys to the keyring."""
        credentials = self._engine.credentials
        for name, key in keys.items():
            await credentials.aset_key(name, key)  # raises CredentialError, nothing saved
        await self.write_profiles(profiles, settings, removed)
        for name in removed:
            # the profile is gone either way; a stale keyring entry is harmless
            with contextlib.suppress(VideomonError):
                await asyncio.to_thread(credentials.delete_key, name)
        self._engine.apply_settings(settings)
        for name in keys:
            self._scheduler.key_changed(name)

    async def save_settings(self, settings: Settings) -> None:
        """Write the settings alone (a choice remembered from a question)."""
        config = self._engine.config
        await asyncio.to_thread(lambda: config.save({**config.load(),
                                                     "settings": settings.to_json()}))
        self._engine.apply_settings(settings)

    async def write_profiles(self, profiles: Sequence[Profile],
                             settings: Settings | None = None,
                             removed: Iterable[str] = ()) -> None:
        """Profiles (and settings) into the config file, off the loop thread; the engine
        polls with the new profiles from then on. Entries neither given nor `removed`
        stay as they are: ones skipped as unusable (not shown in Settings), or added
        from a terminal meanwhile."""
        config = self._engine.config
        data = config.load()
        gone = {p.name for p in profiles} | set(removed)
        data["profiles"] = [config.formats.complete(p).to_json() for p in profiles] + [
            entry for entry in data["profiles"]
            if not isinstance(entry, dict) or entry.get("name") not in gone]
        if settings is not None:
            data["settings"] = settings.to_json()
        await asyncio.to_thread(config.save, data)
        self._engine.reload_profiles()

    # -- keys and connections ------------------------------------------------------------------
    async def key_sources(self, names: Sequence[str]) -> dict[str, str]:
        """Where each profile's key comes from (``env NAME``, ``keyring``, ``missing``)."""
        credentials = self._engine.credentials
        return {n: await asyncio.to_thread(credentials.key_source, n) for n in names}

    async def keyring_problem(self) -> KeyringStatus | None:
        """Why keys cannot be stored in the keyring, else None."""
        status = await self._engine.credentials.astatus()
        return None if status.usable else status

    async def test_connection(self, profile: Profile, key: str | None,
                              total: float = 10.0) -> ConnectionReport:
        """One authenticated request to the provider, told plainly."""
        if key is None:
            key = await self._engine.credentials.aget_key(profile.name)
        result = await self._engine.lookup.fetch(profile, key, PROBE_ID, total=total)
        report = ConnectionReport(profile.base_url, profile.dialect, key_set=bool(key))
        if result.snapshot is not None:
            return report
        problem = result.problem
        assert problem is not None
        if problem.kind is ProblemKind.NOT_FOUND:
            return dataclasses.replace(report, known_task=False)
        return dataclasses.replace(report, kind=problem.kind, problem=problem.message)
