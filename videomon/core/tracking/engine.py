"""The tracking engine assembled: store, shared HTTP client, lookups, scheduler, downloads.

Used by the window's composition root and by the CLI's demo. `start()` loads the
tracked tasks and starts polling; `stop()` shuts down in order (polling, downloads,
final flush, HTTP connections, database) within a bounded time.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path

from videomon.core.config.paths import AppPaths
from videomon.core.config.settings import Settings, demo_download_dir
from videomon.core.domain.task import TrackedTask
from videomon.core.providers.credentials import CredentialStore
from videomon.core.providers.http import HttpClient, RetryPolicy
from videomon.core.providers.lookup import LookupResult, TaskLookup
from videomon.core.providers.profiles import (
    ConfigStore,
    Profile,
    ProfileProblem,
    SkippedProfile,
)
from videomon.core.tracking.accounts import AccountFollower, AccountImport, AccountReader
from videomon.core.tracking.clock import Clock
from videomon.core.tracking.listing import TaskListing
from videomon.core.tracking.scheduler import Scheduler, SchedulerConfig
from videomon.core.tracking.store import TaskStore
from videomon.core.transfers.download_manager import DownloadManager, DownloadSettings
from videomon.core.transfers.thumbnails import ThumbnailCache, ThumbnailFetcher

log = logging.getLogger(__name__)


class Engine:
    """`private=True` keeps the tasks in memory only (the CLI's `status`, `watch` and
    `download`); `profiles` and `get_key` replace the configured ones (an ad-hoc provider);
    `settings` replaces the saved settings (e.g. the CLI's download folder); `anonymous`
    leaves the profile's name out of snapshots (an ad-hoc provider has none)."""

    def __init__(self, paths: AppPaths, config: ConfigStore, credentials: CredentialStore, *,
                 clock: Clock | None = None, scheduler_config: SchedulerConfig | None = None,
                 retry: RetryPolicy | None = None, private: bool = False,
                 profiles: Sequence[Profile] | None = None,
                 get_key: Callable[[str], Awaitable[str | None]] | None = None,
                 settings: Settings | None = None, anonymous: bool = False) -> None:
        self.paths = paths
        self.config = config
        self.credentials = credentials
        self.settings = settings or Settings.from_json(config.load().get("settings", {}))
        self.http = HttpClient(retry)
        self.lookup = TaskLookup(self.http, config.formats)
        self.store = TaskStore(Path(":memory:") if private else paths.data_dir / "tasks.db")
        #: the stored tasks as lists (the window's rows), on connections of their own
        self.listing = TaskListing(self.store)
        self.private = private
        self._anonymous = anonymous
        get_key = get_key or credentials.aget_key
        self._fixed_profiles = profiles is not None
        skipped: list[SkippedProfile] = []
        if profiles is None:
            profiles, skipped = config.read_profiles()
        else:
            profiles = [config.formats.complete(p) for p in profiles]
        #: config entries that cannot be used now (told to observers from `start` on)
        self._skipped = {entry.name: entry.problem for entry in skipped}
        self.scheduler = Scheduler(self.store, profiles, self._fetch, get_key, clock=clock,
                                   config=scheduler_config)
        self.downloads = DownloadManager(
            self.scheduler.book, lambda name: self.scheduler.profiles.get(name), self.http,
            self.scheduler.requery, get_key, self._download_settings(self.settings))
        self.scheduler.on_succeeded = self.downloads.on_succeeded
        #: the gallery's pictures (the provider's, or made by the window from the file)
        self.thumbnails = ThumbnailFetcher(
            self.http, ThumbnailCache(paths.cache_dir / "thumbnails"), config.formats,
            lambda name: self.scheduler.profiles.get(name), get_key)
        #: the account's own list of tasks, read into the tracked ones
        self.accounts = AccountImport(
            AccountReader(self.http, config.formats, get_key),
            lambda: self.scheduler.profiles,
            lambda name, ids: self.scheduler.add(name, ids, listed=True),
            lambda ref, result: self.scheduler.record(ref, result, download=False))
        self.follower = AccountFollower(self.accounts, lambda: self.scheduler.profiles,
                                        lambda: self.scheduler.paused_profiles, time.time)
        self._jobs: list[asyncio.Task[None]] = []

    async def _fetch(self, profile: Profile, key: str | None, task_id: str) -> LookupResult:
        label = None if self._anonymous else profile.name
        return await self.lookup.fetch(profile, key, task_id, label=label)

    async def start(self) -> None:
        # decoding the tasks that still change, loading the HTTP stack and reading the CA
        # certificates take a while: off the loop's thread, so a window on this loop
        # paints and answers meanwhile (the finished history stays in the store)
        (live, counts, top), _ = await asyncio.gather(asyncio.to_thread(self._read_live),
                                                      self.http.warm())
        self.scheduler.load_live(live, counts, top)
        for name, problem in self._skipped.items():  # (read with the profiles above)
            self.scheduler.book.tell_profile_problem(name, problem)
        self.downloads.resume_interrupted()
        self._jobs = [asyncio.create_task(self.scheduler.run(), name="videomon-scheduler"),
                      asyncio.create_task(self.downloads.run(), name="videomon-downloads")]
        if not self.private:
            self._jobs.append(asyncio.create_task(self._follow_store(),
                                                  name="videomon-follow-store"))
            self._jobs.append(asyncio.create_task(self.follower.run(),
                                                  name="videomon-follow-accounts"))

    def _read_live(self) -> tuple[list[TrackedTask], list[tuple[str, str, int]], int]:
        return (self.store.live(unsaved=self.settings.auto_download), self.store.counts(),
                self.store.last_ref())

    async def _follow_store(self, interval: float = 1.0) -> None:
        """Pick up tasks another process (``videomon track``/``untrack``) added or removed."""
        # (off the loop thread: the store's lock may be held by a write and its fsync)
        version = await asyncio.to_thread(self.store.data_version)
        while True:
            await asyncio.sleep(interval)
            now = await asyncio.to_thread(self.store.data_version)
            if now != version:
                version = now
                await self.scheduler.sync_with_store()

    async def stop(self, timeout: float = 3.0) -> None:
        """Cancel polling and downloads, flush the store, close connections and the DB.
        Each step is bounded; what goes wrong is logged and the next step still runs."""
        for job in self._jobs:
            job.cancel()
        if self._jobs:
            _, late = await asyncio.wait(self._jobs, timeout=timeout)
            for job in late:
                log.warning("shutdown: %s did not stop within %.1f s", job.get_name(), timeout)
            if late:  # (a busy machine: once more, before the store it writes to closes)
                await asyncio.wait(late, timeout=timeout)
        self._jobs = []
        await _bounded("writing the last task updates", self.scheduler.flush(), timeout)
        # a write cut short above still lands: wait for it
        await _bounded("waiting for the database writes", self.scheduler.drain(), timeout)
        await _bounded("closing HTTP connections", self.http.aclose(), timeout)
        self.store.close()

    def apply_settings(self, settings: Settings) -> None:
        """Use edited settings from now on (new downloads pick up folder and template)."""
        self.settings = settings
        self.downloads.settings = self._download_settings(settings)

    def _download_settings(self, settings: Settings) -> DownloadSettings:
        return DownloadSettings(folder=settings.resolved_download_dir(self.paths),
                                template=settings.file_template, auto=settings.auto_download,
                                concurrency=settings.download_concurrency,
                                demo_folder=demo_download_dir(self.paths))

    def reload_profiles(self) -> None:
        """Poll with the config's profiles from now on (after a save, or after a format
        was added back: a profile skipped for want of it becomes usable again)."""
        usable, skipped = self.config.read_profiles()
        self.scheduler.set_profiles(usable)
        self._tell_skipped(skipped)

    @property
    def skipped_profiles(self) -> dict[str, ProfileProblem]:
        """The config's entries that cannot be used now, and why."""
        return dict(self._skipped)

    def _tell_skipped(self, skipped: Sequence[SkippedProfile]) -> None:
        """Config entries that cannot be used, as profile problems (and their end)."""
        if self._fixed_profiles:
            return
        now = {entry.name: entry.problem for entry in skipped}
        for name in self._skipped.keys() - now.keys():
            self.scheduler.book.tell_profile_problem(name, None)
        for name, problem in now.items():
            if self._skipped.get(name) != problem:
                log.warning("provider %s skipped: %s", name, problem)
                self.scheduler.book.tell_profile_problem(name, problem)
        self._skipped = now


async def _bounded(what: str, step: Awaitable[object], timeout: float) -> None:
    """One shutdown step within `timeout`; a failure is logged, never raised."""
    try:
        await asyncio.wait_for(step, timeout)
    except TimeoutError:
        log.warning("shutdown: %s took longer than %.1f s; going on", what, timeout)
    except Exception:
        log.exception("shutdown: %s failed; going on", what)
