"""The download manager: a queue of finished tasks' videos, saved with resume.

Downloads run a few at a time (soonest ``expires_at`` first), survive restarts (the
chosen paths are stored before the first byte, so the ``.part`` files are found
again), re-query a task once for a fresh URL when a stored link answers 403/410, and
report progress, speed and ETA to observers in batches.
"""

from __future__ import annotations

import asyncio
import heapq
import itertools
import logging
import math
import os
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from videomon.core.config.settings import DEFAULT_TEMPLATE
from videomon.core.domain.errors import LookupProblem, NotFound, VideomonError
from videomon.core.domain.snapshot import TaskState
from videomon.core.domain.task import DownloadState, TrackedTask
from videomon.core.providers.auth import auth_headers, key_secrets
from videomon.core.providers.http import HttpClient
from videomon.core.providers.lookup import LookupResult
from videomon.core.providers.profiles import Profile
from videomon.core.tracking.task_book import TaskBook
from videomon.core.transfers.downloader import (
    DiskError,
    Downloader,
    DownloadProgress,
    render_filename,
    resumable_path,
    unique_path,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class DownloadSettings:
    folder: Path
    template: str = DEFAULT_TEMPLATE
    auto: bool = True
    concurrency: int = 2
    #: where the demo's videos go (the demo's profiles are marked `demo`), apart from the
    #: user's own, so that removing the demo removes every file it wrote
    demo_folder: Path | None = None


@dataclass(frozen=True, slots=True)
class TransferProgress:
    """Bytes moving for one task's download. Its state is the task's `download_state`
    (reported with the task); this only says how far a running download has got."""

    ref: int
    received: int = 0
    total: int | None = None
    speed: float = 0.0
    eta: float | None = None
    note: str | None = None  # "file 2 of 3"

    @property
    def fraction(self) -> float | None:
        return self.received / self.total if self.total else None


KeyFn = Callable[[str], Awaitable[str | None]]


class DownloadObserver(Protocol):
    def downloads_progressed(self, progress: Sequence[TransferProgress]) -> None: ...


class DownloadManager:
    """`book` holds the tasks (and takes their download state); `profile(name)` finds a
    profile; `requery(ref)` looks a task up again through the poll policy (a stored link
    that answers 403/410 may have expired)."""

    def __init__(self, book: TaskBook, profile: Callable[[str], Profile | None],
                 http: HttpClient, requery: Callable[[int], Awaitable[LookupResult | None]],
                 get_key: KeyFn, settings: DownloadSettings,
                 *, report_interval: float = 0.25) -> None:
        self.book = book
        self._profile = profile
        self.settings = settings
        self._downloader = Downloader(http)
        self._requery = requery
        self._get_key = get_key
        self._queue: list[tuple[float, int, int]] = []
        self._seq = itertools.count()
        self._queued: set[int] = set()
        self._active: dict[int, asyncio.Task[None]] = {}
        #: the paths each running download writes: two rows whose names render the same
        #: must not share one .part file
        self._claimed: dict[int, list[Path]] = {}
        self._progress: dict[int, TransferProgress] = {}
        self._pending: dict[int, TransferProgress] = {}
        self._observers: list[DownloadObserver] = []
        self._report_interval = report_interval
        self._wake = asyncio.Event()

    def add_observer(self, observer: DownloadObserver) -> None:
        self._observers.append(observer)

    def progress(self, ref: int) -> TransferProgress | None:
        """How far the running download of this task has got (None when none runs)."""
        return self._progress.get(ref)

    # -- commands ------------------------------------------------------------------------
    def start(self, ref: int) -> bool:
        """Queue a finished task's download; False when it cannot be downloaded now."""
        task = self.book.tasks.get(ref)
        if task is None or task.state is not TaskState.SUCCEEDED or not task.video_urls:
            return False
        if ref in self._queued or ref in self._active:
            return True
        expires = float(task.expires_at or math.inf)
        heapq.heappush(self._queue, (expires, next(self._seq), ref))
        self._queued.add(ref)
        self.book.update(ref, {"download_state": DownloadState.QUEUED,
                                    "download_error": None})
        self._wake.set()
        return True

    def cancel(self, ref: int) -> None:
        """Stop a queued or running download; the partial file stays for a later resume."""
        self._queued.discard(ref)
        job = self._active.get(ref)
        if job is not None:
            job.cancel()
        self._progress.pop(ref, None)
        task = self.book.tasks.get(ref)
        if task is not None and task.download_busy:
            self.book.update(ref, {"download_state": DownloadState.CANCELLED})

    def on_succeeded(self, task: TrackedTask) -> None:
        """Scheduler hook: auto-download newly finished tasks (setting)."""
        if self.settings.auto:
            self.start(task.ref)

    def resume_interrupted(self) -> int:
        """After a restart: queue downloads that were queued or running when it stopped,
        and finished tasks never downloaded (when auto-download is on)."""
        count = 0
        for task in list(self.book.tasks.values()):
            interrupted = task.download_busy
            missed = (self.settings.auto and task.download_state is None
                      and task.state is TaskState.SUCCEEDED
                      and self._profile(task.profile) is not None)  # (an imported provider
            # not set up here: nothing to fail; its download waits for the provider)
            if (interrupted or missed) and self.start(task.ref):
                count += 1
        return count

    # -- running -------------------------------------------------------------------------
    async def run(self) -> None:
        """Start queued downloads (at most `concurrency` at once) until cancelled."""
        reporter = asyncio.create_task(self._report_loop())
        try:
            while True:
                while self._queue and len(self._active) < self.settings.concurrency:
                    _, _, ref = heapq.heappop(self._queue)
                    if ref not in self._queued:
                        continue
                    self._queued.discard(ref)
                    job = asyncio.create_task(self._download(ref))
                    self._active[ref] = job
                    job.add_done_callback(lambda _job, r=ref: self._finished(r))
                self._wake.clear()
                await self._wake.wait()
        finally:
            reporter.cancel()
            jobs = list(self._active.values())
            for job in jobs:
                job.cancel()
            await asyncio.gather(reporter, *jobs, return_exceptions=True)
            self._flush_reports()

    def _finished(self, ref: int) -> None:
        self._active.pop(ref, None)
        self._claimed.pop(ref, None)
        self._wake.set()

    async def wait_idle(self) -> None:
        """Until nothing is queued or downloading (for the CLI and tests)."""
        while self._queued or self._active:
            await asyncio.sleep(0.05)

    async def _download(self, ref: int) -> None:
        task = self.book.tasks.get(ref)
        if task is None:
            return
        profile = self._profile(task.profile)
        if profile is None:
            self._fail(ref, f"no provider {task.profile!r} is set up here (add it in "
                            "Settings to download its videos)")
            return
        paths, reused = self._choose_paths(task)
        self._claimed[ref] = paths
        self.book.update(ref, {"download_state": DownloadState.DOWNLOADING,
                                    "download_paths": tuple(str(p) for p in paths),
                                    "download_error": None})
        await self.book.flush()  # the paths are durable before the first byte
        key = await self._get_key(profile.name)
        headers = auth_headers(profile.auth, key)
        urls = list(task.video_urls)
        done: list[Path] = []
        requeried = False
        index = 0
        try:
            while index < len(urls):
                if reused and finished_earlier(paths[index]):
                    done.append(paths[index])
                    index += 1
                    continue

                def report(p: DownloadProgress, i: int = index, n: int = len(urls)) -> None:
                    self._report_progress(ref, i, n, p)

                try:
                    final = await self._downloader.download(
                        urls[index], paths[index], base_url=profile.base_url, auth=headers,
                        proxy=profile.proxy, secrets=key_secrets(profile.auth, key),
                        on_progress=report)
                except LookupProblem as problem:
                    if problem.status in (403, 410) and not requeried:
                        requeried = True  # the stored link may have expired: ask once
                        fresh = await self._requery(ref)
                        snap = fresh.snapshot if fresh is not None else None
                        if snap is not None and len(snap.video_urls) == len(urls):
                            urls = list(snap.video_urls)
                            continue
                    raise
                done.append(final)
                index += 1
        except asyncio.CancelledError:
            raise
        except NotFound as problem:
            self._fail(ref, f"{problem.message}; the link may have expired")
            return
        except (LookupProblem, DiskError, VideomonError, OSError) as exc:
            self._fail(ref, str(exc))
            return
        self.book.update(ref, {"download_state": DownloadState.DONE,
                               "download_paths": tuple(str(p) for p in done),
                               "download_error": None})
        self._progress.pop(ref, None)

    def _choose_paths(self, task: TrackedTask) -> tuple[list[Path], bool]:
        """Reuse the stored paths (to resume their .part files), else render new ones;
        and whether they were reused."""
        urls = task.video_urls
        stored = [Path(p) for p in task.download_paths]
        if len(stored) == len(urls) and task.download_state is not DownloadState.DONE:
            return stored, True
        profile = self._profile(task.profile)
        demo = profile is not None and bool(profile.extra.get("demo"))
        folder = self.settings.demo_folder if demo and self.settings.demo_folder \
            else self.settings.folder
        folder.mkdir(parents=True, exist_ok=True)
        paths: list[Path] = []
        when = (task.snapshot.finished_at if task.snapshot else None) or time.time()
        for index, url in enumerate(urls, start=1):
            name = render_filename(self.settings.template, task_id=task.task_id, url=url,
                                   model=task.model, profile=task.profile, label=task.label,
                                   when=when, index=index, count=len(urls))
            path = resumable_path(folder, name, url)
            taken = {p for r, ps in self._claimed.items() if r != task.ref for p in ps}
            n = 2
            while path in paths or path in taken:
                stem, suffix = os.path.splitext(name)
                path = unique_path(folder, f"{stem} ({n}){suffix}" if path in taken
                                   else f"{path.stem}_{index}{path.suffix}")
                n += 1
            paths.append(path)
        return paths, False

    def _fail(self, ref: int, message: str) -> None:
        self._progress.pop(ref, None)
        self.book.update(ref, {"download_state": DownloadState.FAILED,
                                    "download_error": message})

    def _report_progress(self, ref: int, index: int, count: int,
                         progress: DownloadProgress) -> None:
        note = None if count == 1 else f"file {index + 1} of {count}"
        report = TransferProgress(ref, progress.received, progress.total, progress.speed,
                                  progress.eta, note)
        self._progress[ref] = self._pending[ref] = report

    async def _report_loop(self) -> None:
        while True:
            await asyncio.sleep(self._report_interval)
            self._flush_reports()

    def _flush_reports(self) -> None:
        if not self._pending:
            return
        batch = list(self._pending.values())
        self._pending.clear()
        for observer in self._observers:
            try:
                observer.downloads_progressed(batch)
            except Exception:
                log.exception("a download observer failed")


def finished_earlier(path: Path) -> bool:
    """A stored download path that is already a whole file: renamed into place by an
    earlier run whose "done" was not saved (killed), or the first of several videos.

    Stored paths were chosen to overwrite nothing, so a file there without its ``.part``
    is the finished download, not someone else's file."""
    return path.is_file() and not path.with_name(path.name + ".part").exists()
