"""`videomon status`, `videomon watch` and `videomon download`."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from videomon.cli.context import CliContext, add_selector_args, resolve_target
from videomon.cli.render import LiveDisplay, results_table
from videomon.cli.tracking_run import EXIT_NOT_DOWNLOADED, TrackingRun, watch_until_done
from videomon.core.domain.errors import ConfigError
from videomon.core.providers.dialects import FormatRegistry
from videomon.core.providers.lookup import LookupResult

EXIT_HELP = """exit status:
  0  every lookup succeeded, whatever the tasks' states
  2  usage or configuration error
  3  a task was not found          4  the key was rejected
  5  network, server or rate-limit failure after retries
  6  the provider's answer could not be understood
(the status of the first failed lookup is used)"""


def register(sub: argparse._SubParsersAction, formats: FormatRegistry) -> None:
    fmt = argparse.RawDescriptionHelpFormatter
    status = sub.add_parser(
        "status", help="look tasks up once and print their state",
        description="Look each task up once and print its normalized state.",
        epilog=EXIT_HELP, formatter_class=fmt)
    add_selector_args(status, formats)
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
    add_selector_args(watch, formats)
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
    add_selector_args(download, formats)
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
