"""`videomon tag`, `videomon export`, `videomon import` and `videomon cost`: the library
from a terminal (a running window shows the changes within about a second)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from videomon.cli.context import CliContext
from videomon.cli.cost_text import cost_table
from videomon.cli.list_cmd import add_filters, filter_query
from videomon.core.config.settings import Settings
from videomon.core.domain.annotation import Annotation
from videomon.core.domain.errors import ConfigError
from videomon.core.tracking.costs import CostTable, summarize
from videomon.core.tracking.exchange import (
    import_records,
    read_export,
    records_of,
    write_csv,
    write_json,
)
from videomon.core.tracking.listing import TaskListing
from videomon.core.tracking.store import TaskStore


def register(sub: argparse._SubParsersAction) -> None:
    tag = sub.add_parser("tag", help="title, tag, note or star tracked tasks",
                         description="Say what tracked tasks are: a title, notes, tags, a "
                         "star. A poll never overwrites them.")
    tag.add_argument("ids", nargs="+", metavar="ID", help="task IDs (tracked)")
    tag.add_argument("--profile", "-p", metavar="NAME", help="only under this profile")
    tag.add_argument("--title", metavar="TEXT", help='the title ("" clears it)')
    tag.add_argument("--notes", metavar="TEXT", help='notes ("" clears them)')
    tag.add_argument("--add-tag", action="append", default=[], metavar="TAG")
    tag.add_argument("--remove-tag", action="append", default=[], metavar="TAG")
    star = tag.add_mutually_exclusive_group()
    star.add_argument("--star", dest="starred", action="store_const", const=True)
    star.add_argument("--unstar", dest="starred", action="store_const", const=False)
    tag.set_defaults(handler=cmd_tag)

    export = sub.add_parser("export", help="write tracked tasks to CSV or JSON",
                            description="Write the tracked tasks (every field; never a key) "
                            "to a file or to standard output.")
    export.add_argument("--format", choices=("csv", "json"), default="json")
    export.add_argument("--output", "-o", metavar="FILE", help="default: standard output")
    export.add_argument("--profile", "-p", metavar="NAME", help="only this profile's tasks")
    add_filters(export)
    export.set_defaults(handler=cmd_export)

    imp = sub.add_parser("import", help="track an export's tasks, or an account's",
                         description="Track the tasks of a `videomon export --format json` "
                         "file (titles, notes, tags and stars too), or with -p the tasks "
                         "a provider account lists; those already tracked are skipped, "
                         "and so are those you removed.")
    imp.add_argument("file", metavar="FILE", nargs="?",
                     help="the export ('-': standard input)")
    imp.add_argument("--profile", "-p", metavar="NAME",
                     help="import this provider's own list of tasks instead")
    imp.add_argument("--since", metavar="AGE", help="with -p: only tasks of the last AGE "
                     "(30d, 12h, 2w); default: all the provider keeps")
    imp.add_argument("--json", action="store_true", help="with -p: one JSON object")
    imp.set_defaults(handler=cmd_import)

    cost = sub.add_parser("cost", help="what the tracked videos cost",
                          description="Sum what the providers reported each task cost, "
                          "converted with the price table in Settings where one is set.")
    cost.add_argument("--since", metavar="AGE", help="only tasks added in the last AGE "
                      "(30d, 12h, 2w)")
    cost.add_argument("--by", choices=("provider", "model", "day"), default="provider")
    cost.add_argument("--json", action="store_true", help="one JSON object")
    cost.add_argument("--profile", "-p", metavar="NAME", help="only this profile's tasks")
    add_filters(cost)
    cost.set_defaults(handler=cmd_cost)


def _store(ctx: CliContext) -> TaskStore:
    return TaskStore(ctx.paths.data_dir / "tasks.db")


def cmd_tag(ctx: CliContext, args: argparse.Namespace) -> int:
    change = Annotation.made(title=args.title, notes=args.notes, starred=args.starred,
                             add_tags=args.add_tag, remove_tags=args.remove_tag)
    if change.empty:
        raise ConfigError("say what to change: --title, --notes, --add-tag, --remove-tag, "
                          "--star or --unstar")
    wanted = sorted(set(args.ids))
    store = _store(ctx)
    try:
        named = store.select(f"WHERE task_id IN ({', '.join('?' * len(wanted))})", wanted)
        found = [t for t in named if args.profile is None or t.profile == args.profile]
        store.annotate([t.ref for t in found], change)
        changed = store.by_refs([t.ref for t in found])
    finally:
        store.close()
    for task in changed:
        tags = ", ".join(task.tags) or "no tags"
        star = "starred" if task.starred else "not starred"
        print(f"{task.task_id}: {task.title or '(no title)'} · {tags} · {star}")
    missing = set(wanted) - {t.task_id for t in found}
    for task_id in sorted(missing):
        print(f"{task_id}: not tracked", file=sys.stderr)
    return 3 if missing and not found else 0


def cmd_export(ctx: CliContext, args: argparse.Namespace) -> int:
    dialects = {p.name: p.dialect for p in ctx.config.read_profiles()[0]}
    store = _store(ctx)
    try:
        tasks = TaskListing(store).stream(profile=args.profile, query=filter_query(args))
        write = write_csv if args.format == "csv" else write_json
        if args.output is None:
            count = write(records_of(tasks, dialects), sys.stdout)
        else:
            target = Path(args.output).expanduser()
            part = target.with_name(target.name + ".part")
            try:
                with part.open("w", encoding="utf-8", newline="") as out:
                    count = write(records_of(tasks, dialects), out)
                part.replace(target)
            except OSError as exc:
                part.unlink(missing_ok=True)
                raise ConfigError(f"could not write {target}: {exc.strerror or exc}") from None
            print(f"{count} task(s) written to {target}", file=sys.stderr)
    finally:
        store.close()
    return 0


def cmd_import(ctx: CliContext, args: argparse.Namespace) -> int:
    if args.profile:
        if args.file:
            raise ConfigError("give a file to import, or -p PROVIDER for its list; not both")
        from videomon.cli.account_cmd import cmd_import_account

        return cmd_import_account(ctx, args)
    if not args.file:
        raise ConfigError("give the export to import (FILE), or -p PROVIDER for its list")
    try:
        text = sys.stdin.read() if args.file == "-" else Path(args.file).expanduser(
            ).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"could not read {args.file}: {exc}") from None
    records = read_export(text)
    store = _store(ctx)
    try:
        outcome = import_records(store, records, [p.name for p in ctx.config.profiles()])
    finally:
        store.close()
    for task in outcome.added:
        print(f"{task.task_id}: tracked ({task.profile})")
    print(f"{len(outcome.added)} added, {outcome.already} already tracked"
          + (f", {outcome.unreadable} unreadable" if outcome.unreadable else ""),
          file=sys.stderr)
    for name in sorted(outcome.unknown_profiles):
        print(f"videomon: no provider {name!r} here: add it ('videomon provider add {name} "
              "…') to poll its tasks", file=sys.stderr)
    return 0


def cmd_cost(ctx: CliContext, args: argparse.Namespace) -> int:
    table = CostTable.from_settings(Settings.from_json(ctx.config.load().get("settings", {})))
    store = _store(ctx)
    try:
        tasks = TaskListing(store).stream(profile=args.profile, query=filter_query(args))
        summary = summarize(tasks, table, by=args.by, since=args.since)
    except ValueError as exc:
        raise ConfigError(f"--since {exc}") from None
    finally:
        store.close()
    if args.json:
        print(json.dumps(summary.to_json(), ensure_ascii=False))
        return 0
    for line in cost_table(summary):
        print(line)
    return 0
