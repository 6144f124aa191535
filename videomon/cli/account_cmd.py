"""`videomon import -p P [--since AGE]` (an account's tasks, found by its list) and
`videomon provider set-token P` (the account's second credential, for lists that take
the console's access token rather than the API key: new-api's task log)."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time

from videomon.cli.context import CliContext
from videomon.core.domain.errors import ConfigError
from videomon.core.providers.formats.list_reader import Window
from videomon.core.tracking.accounts import TOKEN_SUFFIX, ImportReport, list_format
from videomon.core.tracking.costs import parse_age
from videomon.core.tracking.engine import Engine


def age_seconds(text: str) -> float:
    """``30d``, ``12h``, ``2w``, ``90m`` in seconds, read as `cost --since` reads them
    (`ConfigError` for anything else)."""
    try:
        return parse_age(text.strip().lower())
    except ValueError as exc:
        raise ConfigError(f"--since {exc}") from None


def cmd_import_account(ctx: CliContext, args: argparse.Namespace) -> int:
    profile = ctx.config.get(args.profile)
    list_format(ctx.formats, profile)  # (says plainly when its format cannot list)
    since = time.time() - age_seconds(args.since) if args.since else None

    async def run() -> ImportReport:
        engine = Engine(ctx.paths, ctx.config, ctx.credentials)
        try:
            report = await engine.accounts.run(profile.name, Window(since=since))
            await engine.scheduler.book.flush()
            return report
        finally:
            await engine.http.aclose()
            engine.store.close()

    report = asyncio.run(run())
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False))
    else:
        for task_id in report.added:
            print(f"{task_id}: imported ({profile.name})")
        print(f"{len(report.added)} imported from {profile.name}'s list, {report.known} "
              "already tracked or removed", file=sys.stderr)
    if report.problem is not None:
        print(f"videomon: the listing stopped: {report.problem.kind.value}: "
              f"{report.problem}", file=sys.stderr)
        return report.problem.kind.exit_code
    return 0


def cmd_set_token(ctx: CliContext, args: argparse.Namespace) -> int:
    from videomon.cli.provider_cmd import _read_key

    profile = ctx.config.get(args.name)
    secret = _read_key(args.stdin, f"{profile.name}: the account's user ID and access token "
                       "as USER_ID:TOKEN (input hidden): ")
    ctx.credentials.set_key(profile.name + TOKEN_SUFFIX, secret)
    print(f"stored the access token for {profile.name!r} in the keyring")
    return 0


def cmd_set(ctx: CliContext, args: argparse.Namespace) -> int:
    profile = ctx.config.get(args.name)
    if args.follow is None:
        raise ConfigError("say what to change: --follow or --no-follow")
    if args.follow:
        list_format(ctx.formats, profile)  # (a format that cannot list cannot be followed)
    since = time.time() - age_seconds(args.since) if args.since else None
    changed = profile.with_changes(follow=args.follow,
                                   follow_since=since if args.follow else None)
    ctx.config.put(changed, replace_existing=True)
    print(f"{profile.name}: " + (("following its list" + (f" from {args.since} ago" if since
                                                          else " (all it keeps)"))
                                 if args.follow else "not following its list"))
    return 0


def register_token(psub: argparse._SubParsersAction) -> None:
    follow = psub.add_parser(
        "set", help="change a profile: follow its account's list or not",
        description="Follow a provider account: the window lists its tasks at start and "
        "every few minutes and tracks those it does not know (a task you removed never "
        "comes back).")
    follow.add_argument("name", metavar="NAME")
    group = follow.add_mutually_exclusive_group()
    group.add_argument("--follow", dest="follow", action="store_const", const=True)
    group.add_argument("--no-follow", dest="follow", action="store_const", const=False)
    follow.add_argument("--since", metavar="AGE", help="with --follow: how far back the "
                        "first listing reaches (30d, 2w); default: all the provider keeps")
    follow.set_defaults(handler=cmd_set)

    token = psub.add_parser(
        "set-token", help="store the account's access token (for listing its tasks)",
        description="Store the second credential of a profile in the OS keyring: the "
        "console's user ID and access token (USER_ID:TOKEN), which new-api's task log "
        "takes instead of the sk- key. Prompts without echo, or reads standard input.")
    token.add_argument("name", metavar="NAME")
    token.add_argument("--stdin", action="store_true", help="read it from standard input")
    token.set_defaults(handler=cmd_set_token)
