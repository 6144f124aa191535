"""One command's run of the engine: a private, in-memory task list polled, shown and
downloaded by the window's rules (used by `status`, `watch`, `download` and the demo)."""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from videomon.cli.context import CliContext, Target
from videomon.cli.render import LiveDisplay
from videomon.core.config.settings import Settings
from videomon.core.domain.errors import AuthRejected, problem_of_kind
from videomon.core.domain.snapshot import TaskState
from videomon.core.domain.task import DownloadState, TrackedTask, Watch
from videomon.core.providers.http import RetryPolicy
from videomon.core.providers.lookup import LookupResult
from videomon.core.tracking.engine import Engine
from videomon.core.tracking.scheduler import SchedulerConfig

#: exit status when a finished task's video could not be saved
EXIT_NOT_DOWNLOADED = 1


def _task_result(engine: Engine, task: TrackedTask) -> LookupResult | None:
    """What the engine knows of a task, as a lookup result (None before its first look)."""
    paused = engine.scheduler.paused_profiles.get(task.profile)
    if task.snapshot is not None:
        return LookupResult(task.task_id, task.snapshot)
    if task.problem_kind and task.problem_message:
        return LookupResult(task.task_id,
                            problem=problem_of_kind(task.problem_kind, task.problem_message))
    if paused is not None:  # its own lookup was refused, or not made once the key was
        return LookupResult(task.task_id, problem=AuthRejected(paused))
    return None


class TrackingRun:
    """The engine on a private, in-memory task list for one command: the same polling,
    problem handling, file naming, link re-query and download rules as the window."""

    def __init__(self, engine: Engine, timeout: float = 30.0) -> None:
        self.engine = engine
        self.timeout = timeout
        self.refs: list[int] = []

    @classmethod
    def for_target(cls, ctx: CliContext, target: Target, args: argparse.Namespace, *,
                   interval: float | None = None,
                   download_dir: Path | None = None) -> TrackingRun:
        profile = target.profile
        if interval:  # (the engine polls no faster than every 0.5 s)
            profile = replace(profile, interval=min(3600.0, max(0.5, interval)))
        settings = Settings.from_json(ctx.config.load().get("settings", {}))
        settings = replace(settings, auto_download=download_dir is not None,
                           download_dir=str(download_dir or ""))

        async def key(_name: str) -> str | None:
            return target.key

        engine = Engine(ctx.paths, ctx.config, ctx.credentials, private=True,
                        profiles=[profile], get_key=key, settings=settings,
                        retry=RetryPolicy(total=args.timeout),
                        scheduler_config=SchedulerConfig(flush_interval=0.1),
                        anonymous=target.label is None)
        return cls(engine, args.timeout)

    async def __aenter__(self) -> TrackingRun:
        await self.engine.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.engine.stop()

    async def track(self, profile: str, ids: Sequence[str]) -> None:
        self.refs += [t.ref for t in await self.engine.scheduler.add(profile, ids)]

    def tasks(self) -> list[TrackedTask]:
        return [self.engine.scheduler.tasks[r] for r in self.refs]

    def results(self) -> list[LookupResult]:
        return [r for r in (_task_result(self.engine, t) for t in self.tasks()) if r]

    def latest(self) -> dict[str, LookupResult | None]:
        return {t.task_id: _task_result(self.engine, t) for t in self.tasks()}

    def stopped(self) -> bool:
        """A key was refused: its tasks cannot go on."""
        paused = self.engine.scheduler.paused_profiles
        return any(t.profile in paused for t in self.tasks())

    async def first_looks(self) -> None:
        """Until every task was looked up once (each lookup keeps within the timeout)."""
        deadline = time.monotonic() + self.timeout + 10
        while not self.stopped() and time.monotonic() < deadline and any(
                t.last_checked_at is None for t in self.tasks()):
            await asyncio.sleep(0.05)

    def downloading(self) -> bool:
        return any(t.download_busy for t in self.tasks())

    def report_downloads(self, *, require_finished: bool) -> int:
        """Print what was saved or why not; the exit status for it."""
        code = 0
        for task in self.tasks():
            if task.state is not TaskState.SUCCEEDED:
                if task.snapshot is not None:
                    why = "failed" if task.state is TaskState.FAILED \
                        else f"still {task.state.value}"
                    print(f"{task.task_id}: not downloaded: the task {why}", file=sys.stderr)
                    if require_finished:
                        code = code or EXIT_NOT_DOWNLOADED
                continue
            if not task.video_urls:
                print(f"{task.task_id}: not downloaded: the provider gave no video URL",
                      file=sys.stderr)
                code = code or EXIT_NOT_DOWNLOADED
            elif task.download_state is DownloadState.DONE:
                for path in task.download_paths:
                    size = Path(path).stat().st_size if Path(path).exists() else 0
                    print(f"{task.task_id}: saved {path} ({size:,} bytes)")
            else:
                why = task.download_error or "the download did not finish"
                print(f"{task.task_id}: download failed: {why}", file=sys.stderr)
                code = code or EXIT_NOT_DOWNLOADED
        return code


def _notes(run: TrackingRun) -> dict[str, str]:
    notes = {}
    for task in run.tasks():
        progress = run.engine.downloads.progress(task.ref)
        if task.watch is Watch.ACTIVE and task.problem_kind:
            notes[task.task_id] = " (retrying)"
        elif task.download_state is DownloadState.DOWNLOADING and progress and progress.fraction:
            notes[task.task_id] = f" · downloading {100 * progress.fraction:.0f}%"
        elif task.download_state is DownloadState.DONE:
            notes[task.task_id] = " · downloaded"
        elif task.download_state is DownloadState.FAILED:
            notes[task.task_id] = f" · download failed: {task.download_error}"
    return notes


async def watch_until_done(tracking: TrackingRun, display: LiveDisplay,
                           max_wait: float | None) -> None:
    """Draw the live view until every task ended (and its download) or time ran out."""
    started = time.monotonic()
    while max_wait is None or time.monotonic() - started < max_wait:
        display.update(tracking.latest(), _notes(tracking))
        ended = all(t.watch is not Watch.ACTIVE for t in tracking.tasks())
        if tracking.stopped() or (ended and not tracking.downloading()):
            break
        await asyncio.sleep(0.25 if display.interactive else 1.0)
    display.update(tracking.latest(), _notes(tracking))
