"""`videomon status`, `videomon watch` and `videomon download`."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from videomon.cli.context import CliContext, Target, add_selector_args, resolve_target
from videomon.cli.render import LiveDisplay, results_table
from videomon.core.config.settings import Settings
from videomon.core.domain.errors import AuthRejected, ConfigError, problem_of_kind
from videomon.core.domain.snapshot import TaskState
from videomon.core.domain.task import DownloadState, TrackedTask, Watch
from videomon.core.providers.http import RetryPolicy
from videomon.core.providers.lookup import LookupResult
from videomon.core.tracking.engine import Engine
from videomon.core.tracking.scheduler import SchedulerConfig

EXIT_NOT_DOWNLOADED = 1

EXIT_HELP = """exit status:
  0  every lookup succeeded, whatever the tasks' states
  2  usage or configuration error
  3  a task was not found          4  the key was rejected
  5  network, server or rate-limit failure after retries
  6  the provider's answer could not be understood
(the status of the first failed lookup is used)"""


def register(sub: argparse._SubParsersAction) -> None:
    fmt = argparse.RawDescriptionHelpFormatter
    status = sub.add_parser(
        "status", help="look tasks up once and print their state",
        description="Look each task up once and print its normalized state.",
        epilog=EXIT_HELP, formatter_class=fmt)
    add_selector_args(status)
    status.add_argument("--json", action="store_true",
                        help="one JSON object per line per ID (see README for the fields)")
    status.add_argument("ids", nargs="+", metavar="ID", help="task IDs")
    status.set_defaults(handler=cmd_status)

    watch = sub.add_parser(
        "watch", help="poll tasks until they finish, with live progress bars",
        description="Poll each task until it succeeds or fails, drawing a live progress bar "
        "per task, then print the results (and download the videos if asked).",
        epilog=EXIT_HELP + f"\n  {EXIT_NOT_DOWNLOADED}  (with --download) a finished task's video "
        "could not be downloaded", formatter_class=fmt)
    add_selector_args(watch)
    watch.add_argument("--json", action="store_true",
                       help="final results as JSON lines on stdout (live view on stderr)")
    watch.add_argument("--interval", type=float, metavar="S",
                       help="seconds between polls (default: the profile's, else 5)")
    watch.add_argument("--max-wait", type=float, metavar="S",
                       help="stop watching after S seconds even if tasks are still running")
    watch.add_argument("--download", metavar="DIR", type=Path,
                       help="download finished videos into DIR")
    watch.add_argument("--demo", action="store_true",
                       help="no provider needed: watch example tasks of every dialect on an "
                       "in-process simulated relay (throwaway data dir)")
    watch.add_argument("ids", nargs="*", metavar="ID", help="task IDs")
    watch.set_defaults(handler=cmd_watch)

    download = sub.add_parser(
        "download", help="download finished videos",
        description="Look each task up and stream its finished video(s) into --out. Files "
        "are written as NAME.part and renamed when complete; an existing file is never "
        "overwritten. The key is sent only to the provider's own scheme, host and port.",
        epilog=EXIT_HELP + f"\n  {EXIT_NOT_DOWNLOADED}  a task is not finished, failed, or its "
        "video could not be written", formatter_class=fmt)
    add_selector_args(download)
    download.add_argument("--out", "-o", required=True, type=Path, metavar="DIR",
                          help="folder to write the videos into (created if missing)")
    download.add_argument("ids", nargs="+", metavar="ID", help="task IDs")
    download.set_defaults(handler=cmd_download)


def _unique_ids(ids: Sequence[str]) -> list[str]:
    seen: dict[str, None] = {}
    for raw in ids:
        task_id = raw.strip()
        if task_id:
            seen.setdefault(task_id, None)
    return list(seen)


def _json_line(result: LookupResult) -> str:
    if result.snapshot is not None:
        data = result.snapshot.to_json()
    else:
        assert result.problem is not None
        data = {"task_id": result.task_id, "problem": result.problem.to_json()}
    return json.dumps(data, ensure_ascii=False)


def exit_code_for(results: Sequence[LookupResult]) -> int:
    for result in results:
        if result.problem is not None:
            return result.problem.kind.exit_code
    return 0


def _print_results(results: Sequence[LookupResult], as_json: bool) -> None:
    if as_json:
        for result in results:
            print(_json_line(result))
    else:
        print(results_table(results))


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
        return any(t.download_state is not None and t.download_state.busy
                   for t in self.tasks())

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


def cmd_status(ctx: CliContext, args: argparse.Namespace) -> int:
    target = resolve_target(ctx, args)
    ids = _unique_ids(args.ids)

    async def run() -> list[LookupResult]:
        async with TrackingRun.for_target(ctx, target, args) as tracking:
            await tracking.track(target.profile.name, ids)
            await tracking.first_looks()
            return tracking.results()

    results = asyncio.run(run())
    _print_results(results, args.json)
    return exit_code_for(results)


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


def cmd_watch(ctx: CliContext, args: argparse.Namespace) -> int:
    if args.demo:
        from videomon.cli.demo import run_demo

        try:
            return asyncio.run(run_demo(max_wait=args.max_wait or 55.0, as_json=args.json))
        except KeyboardInterrupt:
            return 130
    if not args.ids:
        raise ConfigError("give at least one task ID (or --demo)")
    target = resolve_target(ctx, args)
    ids = _unique_ids(args.ids)
    display = LiveDisplay(ids, stream=sys.stderr if args.json else sys.stdout)

    async def run() -> int:
        async with TrackingRun.for_target(ctx, target, args, interval=args.interval,
                                          download_dir=args.download) as tracking:
            await tracking.track(target.profile.name, ids)
            try:
                await watch_until_done(tracking, display, args.max_wait)
            finally:
                if not args.json:
                    print()
                results = tracking.results()
                _print_results(results, args.json)
            code = exit_code_for(results)
            if args.download is not None:
                code = code or tracking.report_downloads(require_finished=False)
            return code

    try:
        return asyncio.run(run())
    except KeyboardInterrupt:
        print("\nstopped", file=sys.stderr)
        return 130


def cmd_download(ctx: CliContext, args: argparse.Namespace) -> int:
    target = resolve_target(ctx, args)
    ids = _unique_ids(args.ids)

    async def run() -> int:
        async with TrackingRun.for_target(ctx, target, args,
                                          download_dir=args.out) as tracking:
            await tracking.track(target.profile.name, ids)
            await tracking.first_looks()
            results = tracking.results()
            for result in results:
                if result.problem is not None:
                    print(f"{result.task_id}: {result.problem.kind.value}: {result.problem}",
                          file=sys.stderr)
            while tracking.downloading():
                await asyncio.sleep(0.1)
            code = exit_code_for(results)
            return code or tracking.report_downloads(require_finished=True)

    try:
        return asyncio.run(run())
    except KeyboardInterrupt:
        print("\nstopped; partial files (*.part) were kept", file=sys.stderr)
        return 130
