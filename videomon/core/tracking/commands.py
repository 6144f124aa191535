"""What the window asks of the engine, as plain async calls (Qt-free and testable).

Adding pasted text, removing with undo, a task's history, profile and settings edits
(keys go to the keyring only), and "Test connection".
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from videomon.core.config.settings import Settings, demo_download_dir
from videomon.core.domain.errors import ProblemKind, VideomonError
from videomon.core.domain.task import HistoryEntry, TrackedTask, Watch
from videomon.core.providers.credentials import KeyringStatus
from videomon.core.providers.detect import Detection, detect_format
from videomon.core.providers.dialects import use_formats
from videomon.core.providers.dialects.formatted import FormatDialect
from videomon.core.providers.formats.catalog import FormatCatalog
from videomon.core.providers.formats.library import FormatLibrary
from videomon.core.providers.formats.spec import Format, FormatError
from videomon.core.providers.lookup import LookupResult
from videomon.core.providers.profiles import Profile, ProfileProblem
from videomon.core.tracking.engine import Engine
from videomon.core.tracking.paste import assign_profiles, parse_pasted

#: an ID no provider knows: "not found" proves the endpoint answered and took the key
PROBE_ID = "videomon-connection-test-0000"


@dataclass(slots=True)
class AddOutcome:
    """What happened to pasted text: added tasks per profile, skipped and rejected pieces."""

    added: list[TrackedTask] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)
    guessed: dict[str, list[int]] = field(default_factory=dict)  # profile → refs it guessed
    no_profile: bool = False

    @property
    def nothing_found(self) -> bool:
        return not self.added and not self.duplicates


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
            return (f"Connected: {self.host} answered as a {self.dialect} provider and "
                    "accepted the key.")
        if self.ok:
            return (f"Connected: {self.host} answered and accepted the key (it does not know "
                    "the test task, as expected).")
        if self.kind is ProblemKind.AUTH:
            hint = "" if self.key_set else " No key is set for this profile."
            return f"The provider rejected the key: {self.problem}.{hint}"
        return f"Not working: {self.problem}"


class Commands:
    """The one door into the engine for the window (and the CLI's tracked list)."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._scheduler = engine.scheduler
        self._catalog = FormatCatalog()
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

    def tasks(self) -> list[TrackedTask]:
        """Every tracked task, oldest first (the window's first load), as copies: the
        engine changes its own objects in place, and a caller holding those could not
        tell what a later batch changed (a State cell stayed "Running" that way)."""
        return [self._scheduler.tasks[r].copy() for r in sorted(self._scheduler.tasks)]

    def default_download_dir(self) -> str:
        return str(Settings().resolved_download_dir(self._engine.paths))

    # -- polling ---------------------------------------------------------------------------
    def refresh(self, refs: Sequence[int]) -> int:
        """Poll these tasks now (all active ones when `refs` is empty); returns how many."""
        if not refs:
            refs = [t.ref for t in self._scheduler.tasks.values() if t.watch is Watch.ACTIVE]
        self._scheduler.refresh(refs)
        return len(refs)

    def pause(self, refs: Sequence[int]) -> None:
        self._scheduler.pause(refs)

    def resume(self, refs: Sequence[int]) -> None:
        self._scheduler.resume(refs)

    # -- tasks ---------------------------------------------------------------------------
    async def add_text(self, text: str, profile: str | None = None) -> AddOutcome:
        """Track every task ID in `text` (all in one transaction per profile)."""
        parsed = parse_pasted(text)
        outcome = AddOutcome(rejected=parsed.rejected)
        profiles = list(self._scheduler.profiles.values())
        if not profiles:
            outcome.no_profile = bool(parsed.ids)
            return outcome
        if profile is not None:
            plan = [(p.task_id, profile, False) for p in parsed.ids]
        else:
            # the demo's relay knows only its own tasks: pasted IDs go to a real provider
            # whenever there is one
            real = [p for p in profiles if not p.extra.get("demo")]
            plan = [(a.task_id, a.profile, a.guessed)
                    for a in assign_profiles(parsed.ids, real or profiles, self.last_profile)]
        groups: dict[str, list[str]] = {}
        for task_id, name, _ in plan:
            groups.setdefault(name, []).append(task_id)
        guessed = {task_id for task_id, _, g in plan if g}
        for name, ids in groups.items():
            added = await self._scheduler.add(name, ids)
            outcome.added += added
            new = {t.task_id for t in added}
            outcome.duplicates += [i for i in ids if i not in new]
            refs = [t.ref for t in added if t.task_id in guessed]
            if refs:
                outcome.guessed[name] = refs
        if outcome.added:
            await self._scheduler.flush()  # observers have the new rows when this returns
            await self.remember_profile(outcome.added[-1].profile)
        return outcome

    async def move(self, refs: Sequence[int], profile: str) -> list[TrackedTask]:
        """Track these tasks under another profile instead (the inline provider chooser)."""
        tasks = [self._scheduler.tasks[r] for r in refs if r in self._scheduler.tasks]
        ids = [t.task_id for t in tasks if t.profile != profile]
        await self._scheduler.remove([t.ref for t in tasks if t.profile != profile])
        added = await self._scheduler.add(profile, ids)
        await self._scheduler.flush()
        await self.remember_profile(profile)
        return added

    async def remember_profile(self, name: str) -> None:
        """The last used profile, kept in the config file (written off the loop thread)."""
        if name == self.last_profile:
            return
        self.last_profile = name
        config = self._engine.config
        await asyncio.to_thread(lambda: config.save({**config.load(), "last_profile": name}))

    async def remove(self, refs: Sequence[int]) -> list[TrackedTask]:
        for ref in refs:
            self._engine.downloads.cancel(ref)
        removed = await self._scheduler.remove(refs)
        await self._scheduler.flush()  # observers drop the rows before this returns
        return removed

    async def undo_remove(self, tasks: Sequence[TrackedTask]) -> list[TrackedTask]:
        restored = await self._scheduler.restore(tasks)
        await self._scheduler.flush()
        return restored

    def download(self, refs: Sequence[int]) -> list[int]:
        """Queue downloads (or retry failed/cancelled ones); returns the refs queued."""
        return [r for r in refs if self._engine.downloads.start(r)]

    def cancel_downloads(self, refs: Sequence[int]) -> None:
        for ref in refs:
            self._engine.downloads.cancel(ref)

    async def history(self, ref: int) -> list[HistoryEntry]:
        return await asyncio.to_thread(self._engine.store.history, ref)

    # -- profiles, keys, settings -----------------------------------------------------------
    def settings(self) -> Settings:
        """The settings in use (kept in memory; saved ones replace them)."""
        return self._engine.settings

    async def save(self, profiles: Sequence[Profile], settings: Settings,
                   keys: dict[str, str], removed: Sequence[str] = ()) -> None:
        """Write profiles and settings to the config file and keys to the keyring."""
        credentials = self._engine.credentials
        for name, key in keys.items():
            await credentials.aset_key(name, key)  # raises CredentialError, nothing saved
        await self._write_profiles(profiles, settings, removed)
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

    async def add_demo(self, base_url: str,
                       tasks: Sequence[tuple[str, str, str]]) -> list[TrackedTask]:
        """Demo profiles (no key) pointing at a simulated relay, and their example tasks.
        They are marked so that `remove_demo` (or the next start) takes them all away."""
        profiles = dict(self._scheduler.profiles)
        for name, dialect, _ in tasks:
            profiles[name] = Profile(name, dialect, base_url, auth="none", interval=1.0,
                                     extra={"demo": True})
        await self._write_profiles(list(profiles.values()))
        added: list[TrackedTask] = []
        for name, _, task_id in tasks:
            added += await self._scheduler.add(name, [task_id])
        await self._scheduler.flush()
        return added

    def demo_download_dir(self) -> Path:
        """Where the demo's videos are saved (removed with the demo)."""
        return demo_download_dir(self._engine.paths)

    def demo_profiles(self) -> list[str]:
        return [p.name for p in self._scheduler.profiles.values() if p.extra.get("demo")]

    async def remove_demo(self) -> list[TrackedTask]:
        """Take the demo's tasks and profiles away; returns the tasks that went."""
        names = set(self.demo_profiles())
        gone = await self.remove([t.ref for t in self._scheduler.tasks.values()
                                  if t.profile in names])
        await self._write_profiles([p for p in self._scheduler.profiles.values()
                                    if p.name not in names], removed=names)
        return gone

    async def _write_profiles(self, profiles: Sequence[Profile],
                              settings: Settings | None = None,
                              removed: Iterable[str] = ()) -> None:
        """Profiles (and settings) into the config file, off the loop thread; the engine
        polls with the new profiles from then on. Entries neither given nor `removed`
        stay as they are: ones skipped as unusable (not shown in Settings), or added
        from a terminal meanwhile."""
        config = self._engine.config
        data = config.load()
        gone = {p.name for p in profiles} | set(removed)
        data["profiles"] = [p.to_json() for p in profiles] + [
            entry for entry in data["profiles"]
            if not isinstance(entry, dict) or entry.get("name") not in gone]
        if settings is not None:
            data["settings"] = settings.to_json()
        await asyncio.to_thread(config.save, data)
        self._engine.reload_profiles()

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

    # -- formats ------------------------------------------------------------------------------
    async def detect_format(self, base_url: str, key: str | None, task_id: str, *,
                            proxy: str | None = None) -> Detection:
        """Which known format reads this provider's answer for a task the user knows."""
        return await detect_format(self._engine.http, base_url, key, task_id, proxy=proxy)

    async def look_up(self, profile: Profile, key: str | None, task_id: str,
                      total: float = 15.0) -> LookupResult:
        """One lookup of `task_id` as `profile` says (a format editor's "Test")."""
        return await self._engine.lookup.fetch(profile, key, task_id, total=total)

    def format_catalog(self) -> FormatCatalog:
        """The known formats, and readings of a definition being edited (no I/O)."""
        return self._catalog

    def format_library(self) -> FormatLibrary:
        return FormatLibrary(self._engine.paths.formats_dir)

    async def save_format(self, fmt: Format) -> None:
        """Keep a user format and make it usable at once (`FormatError` when it is not)."""
        library = self.format_library()
        await asyncio.to_thread(library.save, fmt)
        await self._reload_formats()

    async def try_format(self, fmt: Format, base_url: str, key: str | None,
                         task_id: str) -> LookupResult:
        """Look a task up with a format being edited (not saved yet)."""
        profile = Profile(name="format-test", dialect="openai", base_url=base_url,
                          auth=fmt.auth)
        return await self._engine.lookup.fetch(profile, key or None, task_id, total=15.0,
                                               dialect=FormatDialect(fmt))

    async def import_format(self, path: str) -> Format:
        """Check a shared format file and keep it (`FormatError` says what is wrong)."""
        library = self.format_library()
        fmt = await asyncio.to_thread(library.import_file, Path(path))
        await self._reload_formats()
        return fmt

    async def export_format(self, fmt: Format, path: str) -> None:
        await asyncio.to_thread(self.format_library().export, fmt, Path(path))

    async def remove_format(self, name: str) -> None:
        """Delete one of the user's formats; refused while a provider uses it."""
        users = [p.name for p in self.profiles().values() if p.dialect == name]
        if users:
            raise FormatError(f"the providers {', '.join(users)} use format {name!r}",
                              field="name")
        await asyncio.to_thread(self.format_library().remove, name)
        await self._reload_formats()

    async def _reload_formats(self) -> None:
        formats, _ = await asyncio.to_thread(self.format_library().load)
        use_formats(formats)
        self._engine.reload_profiles()  # a provider waiting for a format may work now
