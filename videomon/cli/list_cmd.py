"""`videomon track`, `videomon list` and `videomon untrack`: the tracked list the window
shows, from a terminal. A running window picks the changes up within about a second (it
watches the database for other processes' commits)."""

from __future__ import annotations

import argparse
import json
import sys

from videomon.cli.context import CliContext
from videomon.cli.render import progress_text, stream_table
from videomon.core.domain.errors import ConfigError
from videomon.core.tracking.exchange import records_of
from videomon.core.tracking.listing import Query, TaskListing
from videomon.core.tracking.paste import parse_pasted
from videomon.core.tracking.store import TaskStore

STATES = ("queued", "running", "succeeded", "failed", "not_found")


def register(sub: argparse._SubParsersAction) -> None:
    track = sub.add_parser("track", help="add tasks to the tracked list (the window's)",
                           description="Add task IDs (or task URLs) to the list the window "
                           "tracks; a running window shows them within a couple of seconds.")
    track.add_argument("--profile", "-p", metavar="NAME",
                       help="the provider profile (default: the only one, else required)")
    track.add_argument("ids", nargs="+", metavar="ID", help="task IDs or task URLs")
    track.set_defaults(handler=cmd_track)

    listing = sub.add_parser("list", help="print the tracked list",
                             description="Print the tasks the window tracks.")
    listing.add_argument("--json", action="store_true",
                         help="one JSON object per line: the status --json fields plus "
                         "added_at, watch, download_state, download_paths, title, notes, "
                         "tags and starred")
    listing.add_argument("--state", choices=STATES, help="only tasks in this state")
    listing.add_argument("--profile", "-p", metavar="NAME", help="only this profile's tasks")
    add_filters(listing)
    listing.set_defaults(handler=cmd_list)

    untrack = sub.add_parser("untrack", help="remove tasks from the tracked list",
                             description="Stop tracking these task IDs (files already "
                             "downloaded are kept).")
    untrack.add_argument("--profile", "-p", metavar="NAME", help="only under this profile")
    untrack.add_argument("ids", nargs="+", metavar="ID", help="task IDs")
    untrack.set_defaults(handler=cmd_untrack)


def add_filters(parser: argparse.ArgumentParser) -> None:
    """--search, --tag and --starred (`list`, `export`, `cost`)."""
    parser.add_argument("--search", metavar="TEXT", default="",
                        help="only tasks with TEXT in their ID, title, prompt, tags, notes, "
                        "model, provider or output (as the window's filter)")
    parser.add_argument("--tag", metavar="TAG", help="only tasks with this tag")
    parser.add_argument("--starred", action="store_true", help="only starred tasks")


def filter_query(args: argparse.Namespace) -> Query:
    return Query(text=args.search, tag=args.tag or None, starred=args.starred)


def _store(ctx: CliContext) -> TaskStore:
    return TaskStore(ctx.paths.data_dir / "tasks.db")


def _profile(ctx: CliContext, name: str | None) -> str:
    names = [p.name for p in ctx.config.profiles()]
    if name is not None:
        return ctx.config.get(name).name  # raises a clear ConfigError when unknown
    if len(names) == 1:
        return names[0]
    if not names:
        raise ConfigError("no provider profile yet: add one with 'videomon provider add'")
    raise ConfigError(f"say which provider: --profile NAME (one of: {', '.join(names)})")


def cmd_track(ctx: CliContext, args: argparse.Namespace) -> int:
    profile = _profile(ctx, args.profile)
    parsed = parse_pasted("\n".join(args.ids))
    if not parsed.ids:
        raise ConfigError("no task IDs in: " + " ".join(args.ids))
    store = _store(ctx)
    try:
        ids = [p.task_id for p in parsed.ids]
        added = {t.task_id for t in store.add_many(profile, ids)}
    finally:
        store.close()
    for task_id in ids:
        print(f"{task_id}: {'tracked' if task_id in added else 'already tracked'} "
              f"({profile})")
    for rejected in parsed.rejected:
        print(f"{rejected}: not a task ID, ignored", file=sys.stderr)
    return 0


def cmd_list(ctx: CliContext, args: argparse.Namespace) -> int:
    """Streams: the first line comes at once and memory stays flat however long the list."""
    store = _store(ctx)
    try:
        tasks = TaskListing(store).stream(state=args.state, profile=args.profile,
                                          query=filter_query(args))
        if args.json:
            dialects = {p.name: p.dialect for p in ctx.config.read_profiles()[0]}
            for data in records_of(tasks, dialects):
                print(json.dumps(data, ensure_ascii=False))
            return 0
        rows = ([t.task_id, t.profile, t.status.replace("_", " "), progress_text(t.progress),
                 t.download_state.value if t.download_state else "",
                 (t.download_paths[:1] or t.video_urls[:1]
                  or [t.error or t.problem_message or ""])[0]] for t in tasks)
        shown = False
        for line in stream_table(["TASK ID", "PROVIDER", "STATE", "PROGRESS", "DOWNLOAD",
                                  "OUTPUT"], rows):
            print(line)
            shown = True
        if not shown:
            print("no tracked tasks")
    finally:
        store.close()
    return 0


def cmd_untrack(ctx: CliContext, args: argparse.Namespace) -> int:
    wanted = set(args.ids)
    store = _store(ctx)
    try:
        named = store.select(f"WHERE task_id IN ({', '.join('?' * len(wanted))})",
                             sorted(wanted))
        gone = [t for t in named if args.profile is None or t.profile == args.profile]
        store.remove([t.ref for t in gone])
    finally:
        store.close()
    for task in gone:
        print(f"{task.task_id}: no longer tracked ({task.profile})")
    missing = wanted - {t.task_id for t in gone}
    for task_id in sorted(missing):
        print(f"{task_id}: was not tracked", file=sys.stderr)
    return 3 if missing and not gone else 0
