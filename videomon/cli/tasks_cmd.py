"""`videomon status`, `videomon watch` and `videomon download`."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from videomon.cli.context import CliContext, Target, add_selector_args, resolve_target
from videomon.cli.render import LiveDisplay, results_table
from videomon.core.domain.errors import ConfigError, LookupProblem, ProblemKind, VideomonError
from videomon.core.domain.snapshot import TaskState
from videomon.core.providers.http import HttpClient, RetryPolicy
from videomon.core.providers.lookup import LookupResult, TaskLookup
from videomon.core.providers.profiles import auth_headers
from videomon.core.transfers.downloader import (
    DiskError,
    Downloader,
    DownloadProgress,
    extension_for,
    resumable_path,
    sanitize_filename,
)

EXIT_NOT_DOWNLOADED = 1
BAD_RESPONSE_LIMIT = 5

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


async def _lookup_many(lookup: TaskLookup, target: Target, ids: Sequence[str],
                       timeout: float) -> list[LookupResult]:
    limit = asyncio.Semaphore(target.profile.max_concurrency)

    async def one(task_id: str) -> LookupResult:
        async with limit:
            return await lookup.fetch(target.profile, target.key, task_id,
                                      label=target.label, total=timeout)

    return list(await asyncio.gather(*(one(t) for t in ids)))


def cmd_status(ctx: CliContext, args: argparse.Namespace) -> int:
    target = resolve_target(ctx, args)
    ids = _unique_ids(args.ids)

    async def run() -> list[LookupResult]:
        async with HttpClient(RetryPolicy(total=args.timeout)) as http:
            return await _lookup_many(TaskLookup(http), target, ids, args.timeout)

    results = asyncio.run(run())
    _print_results(results, args.json)
    return exit_code_for(results)


class Watcher:
    """Polls a fixed set of tasks until each is terminal or given up on."""

    def __init__(self, lookup: TaskLookup, target: Target, ids: Sequence[str], *,
                 interval: float, timeout: float, display: LiveDisplay,
                 max_wait: float | None = None) -> None:
        self.lookup, self.target, self.ids = lookup, target, list(ids)
        self.interval, self.timeout, self.display = interval, timeout, display
        self.max_wait = max_wait
        self.latest: dict[str, LookupResult | None] = dict.fromkeys(self.ids)
        self.done: set[str] = set()
        self.notes: dict[str, str] = {}
        self._bad: dict[str, int] = dict.fromkeys(self.ids, 0)
        self._next: dict[str, float] = dict.fromkeys(self.ids, 0.0)

    def _settle(self, result: LookupResult, now: float) -> None:
        task_id = result.task_id
        self.latest[task_id] = result
        self.notes.pop(task_id, None)
        delay = result.poll_after or self.interval
        if result.snapshot is not None:
            self._bad[task_id] = 0
            if result.snapshot.state.terminal:
                self.done.add(task_id)
        elif result.problem is not None:
            kind = result.problem.kind
            if kind is ProblemKind.NOT_FOUND:
                self.done.add(task_id)
            elif kind is ProblemKind.AUTH:
                self.done.update(self.ids)  # the key is wrong for every task
            elif kind is ProblemKind.BAD_RESPONSE:
                self._bad[task_id] += 1
                if self._bad[task_id] >= BAD_RESPONSE_LIMIT:
                    self.done.add(task_id)
                else:
                    self.notes[task_id] = f" (retrying, {self._bad[task_id]}/{BAD_RESPONSE_LIMIT})"
            else:
                delay = max(delay, result.problem.retry_after or 0.0)
                self.notes[task_id] = " (retrying)"
        self._next[task_id] = now + delay

    async def run(self) -> list[LookupResult]:
        loop = asyncio.get_running_loop()
        started = loop.time()
        limit = asyncio.Semaphore(self.target.profile.max_concurrency)

        async def poll(task_id: str) -> None:
            async with limit:
                result = await self.lookup.fetch(self.target.profile, self.target.key, task_id,
                                                 label=self.target.label, total=self.timeout)
            self._settle(result, loop.time())

        in_flight: dict[str, asyncio.Task[None]] = {}
        try:
            while len(self.done) < len(self.ids):
                now = loop.time()
                if self.max_wait is not None and now - started >= self.max_wait:
                    break
                for task_id in self.ids:
                    if (task_id not in self.done and task_id not in in_flight
                            and self._next[task_id] <= now):
                        in_flight[task_id] = asyncio.create_task(poll(task_id))
                self.display.update(self.latest, self.notes)
                pending_next = [self._next[t] for t in self.ids
                                if t not in self.done and t not in in_flight]
                wake = min(pending_next, default=now + 1.0)
                tick = 0.25 if self.display.interactive else 1.0
                wait = max(0.0, min(wake - now, tick))
                if in_flight:
                    finished, _ = await asyncio.wait(in_flight.values(), timeout=wait,
                                                     return_when=asyncio.FIRST_COMPLETED)
                    for task_id in [t for t, job in in_flight.items() if job in finished]:
                        in_flight.pop(task_id).result()
                else:
                    await asyncio.sleep(wait)
        finally:
            for job in in_flight.values():
                job.cancel()
            if in_flight:
                await asyncio.gather(*in_flight.values(), return_exceptions=True)
        self.display.update(self.latest, self.notes)
        return [r for r in (self.latest[t] for t in self.ids) if r is not None]


def cmd_watch(ctx: CliContext, args: argparse.Namespace) -> int:
    if args.demo:
        from videomon.cli.demo import run_demo

        try:
            return asyncio.run(run_demo(max_wait=args.max_wait or 55.0))
        except KeyboardInterrupt:
            return 130
    if not args.ids:
        raise ConfigError("give at least one task ID (or --demo)")
    target = resolve_target(ctx, args)
    ids = _unique_ids(args.ids)
    interval = args.interval or target.profile.interval
    display = LiveDisplay(ids, stream=sys.stderr if args.json else sys.stdout)

    async def run() -> tuple[list[LookupResult], int]:
        async with HttpClient(RetryPolicy(total=args.timeout)) as http:
            watcher = Watcher(TaskLookup(http), target, ids, interval=interval,
                              timeout=args.timeout, display=display, max_wait=args.max_wait)
            try:
                results = await watcher.run()
            except asyncio.CancelledError:
                results = [r for r in watcher.latest.values() if r is not None]
            if not args.json:
                print()
            _print_results(results, args.json)
            code = exit_code_for(results)
            if args.download is not None:
                failed = await _download_all(http, target, results, args.download,
                                             require_finished=False)
                if failed and code == 0:
                    code = failed
            return results, code

    try:
        _, code = asyncio.run(run())
    except KeyboardInterrupt:
        print("\nstopped", file=sys.stderr)
        return 130
    return code


def cmd_download(ctx: CliContext, args: argparse.Namespace) -> int:
    target = resolve_target(ctx, args)
    ids = _unique_ids(args.ids)

    async def run() -> int:
        async with HttpClient(RetryPolicy(total=args.timeout)) as http:
            results = await _lookup_many(TaskLookup(http), target, ids, args.timeout)
            code = exit_code_for(results)
            for result in results:
                if result.problem is not None:
                    print(f"{result.task_id}: {result.problem.kind.value}: {result.problem}",
                          file=sys.stderr)
            failed = await _download_all(http, target, results, args.out)
            return code or failed

    try:
        return asyncio.run(run())
    except KeyboardInterrupt:
        print("\nstopped; partial files (*.part) were kept", file=sys.stderr)
        return 130


class _ProgressLine:
    """A one-line byte counter on a terminal's stderr; silent elsewhere."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.enabled = sys.stderr.isatty()
        self._last = 0.0

    def __call__(self, p: DownloadProgress) -> None:
        now = time.monotonic()
        if not self.enabled or now - self._last < 0.2:
            return
        self._last = now
        size = f"{p.received / 1e6:.1f} MB"
        if p.total:
            size += f" of {p.total / 1e6:.1f} MB ({100 * p.received / p.total:.0f}%)"
        speed = p.received / p.elapsed / 1e6 if p.elapsed > 0 else 0.0
        sys.stderr.write(f"\r\x1b[2K{self.label}: {size}, {speed:.1f} MB/s")
        sys.stderr.flush()

    def close(self) -> None:
        if self.enabled:
            sys.stderr.write("\r\x1b[2K")
            sys.stderr.flush()


async def _download_all(http: HttpClient, target: Target, results: Sequence[LookupResult],
                        folder: Path, *, require_finished: bool = True) -> int:
    """Download every finished task's videos; returns the first failure's exit status.

    With `require_finished` (the `download` command) a task that is not finished counts
    as a failure; `watch --download` only notes it (the results table already shows it).
    """
    downloader = Downloader(http)
    headers = auth_headers(target.profile.auth, target.key)
    code = 0
    for result in results:
        snap = result.snapshot
        if snap is None:
            continue
        if snap.state is not TaskState.SUCCEEDED:
            why = "failed" if snap.state is TaskState.FAILED else f"still {snap.state.value}"
            print(f"{snap.task_id}: not downloaded: the task {why}", file=sys.stderr)
            if require_finished:
                code = code or EXIT_NOT_DOWNLOADED
            continue
        if not snap.video_urls:
            print(f"{snap.task_id}: not downloaded: the provider gave no video URL",
                  file=sys.stderr)
            code = code or EXIT_NOT_DOWNLOADED
            continue
        for index, url in enumerate(snap.video_urls, start=1):
            suffix = f"_{index}" if len(snap.video_urls) > 1 else ""
            name = sanitize_filename(f"{snap.task_id}{suffix}{extension_for(url)}")
            try:
                folder.mkdir(parents=True, exist_ok=True)
                dest = resumable_path(folder, name, url)
            except OSError as exc:
                print(f"{snap.task_id}: cannot use {folder}: {exc.strerror or exc}",
                      file=sys.stderr)
                return code or EXIT_NOT_DOWNLOADED
            progress = _ProgressLine(dest.name)
            try:
                path = await downloader.download(
                    url, dest, base_url=target.profile.base_url, auth=headers,
                    proxy=target.profile.proxy, secrets=(target.key,), on_progress=progress)
            except LookupProblem as problem:
                progress.close()
                print(f"{snap.task_id}: download failed: {problem}", file=sys.stderr)
                code = code or problem.kind.exit_code
                continue
            except (DiskError, VideomonError) as exc:
                progress.close()
                print(f"{snap.task_id}: download failed: {exc}", file=sys.stderr)
                code = code or EXIT_NOT_DOWNLOADED
                continue
            progress.close()
            print(f"{snap.task_id}: saved {path} ({path.stat().st_size:,} bytes)")
    return code
