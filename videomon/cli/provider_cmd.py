"""`videomon provider add|list|remove|set-key|set-token|detect`."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import json
import os
import sys

from videomon.cli.context import CliContext
from videomon.cli.render import table
from videomon.core.domain.errors import CredentialError
from videomon.core.providers.auth import AUTH_FORMS
from videomon.core.providers.credentials import ADHOC_ENV, env_var_for
from videomon.core.providers.detect import QUICK, Detection, detect_format
from videomon.core.providers.dialects import FormatRegistry
from videomon.core.providers.http import HttpClient
from videomon.core.providers.profiles import (
    INSECURE_WARNING,
    Profile,
    check_base_url,
    insecure_base_url,
    shown_proxy,
)


def register(sub: argparse._SubParsersAction, formats: FormatRegistry) -> None:
    provider = sub.add_parser("provider", help="manage provider profiles and their keys",
                              description="Manage provider profiles. Keys are kept in the "
                              "OS keyring (service 'videomon'), never in the config file.")
    psub = provider.add_subparsers(dest="provider_command", metavar="ACTION", required=True)

    add = psub.add_parser("add", help="add a provider profile",
                          description="Add a provider profile.")
    add.add_argument("name", metavar="NAME", help="profile name (letters, digits, . _ - space)")
    add.add_argument("--format", "--dialect", dest="dialect", required=True,
                     choices=sorted(formats), metavar="FORMAT",
                     help="the provider's API format (--dialect: its former name, still "
                     "accepted): " + "; ".join(f"{d.name}: {d.summary}"
                                               for d in formats.values()))
    add.add_argument("--base-url", required=True, metavar="URL", help="e.g. https://relay.example")
    add.add_argument("--auth", metavar="SCHEME", default="",
                     help=" | ".join(AUTH_FORMS) + " "
                     "(default: the format's own, see 'videomon format list')")
    add.add_argument("--interval", type=float, default=5.0, metavar="S",
                     help="seconds between polls of a task (default 5)")
    add.add_argument("--max-concurrency", type=int, default=4, metavar="N",
                     help="at most N requests at once to this provider (default 4)")
    add.add_argument("--proxy", metavar="URL", help="proxy for this provider only")
    add.add_argument("--key-stdin", action="store_true",
                     help="read the API key from standard input and store it in the keyring")
    add.add_argument("--replace", action="store_true", help="overwrite a profile of that name")
    add.set_defaults(handler=cmd_add)

    lst = psub.add_parser("list", help="list provider profiles", description="List profiles.")
    lst.add_argument("--json", action="store_true", help="one JSON object per line")
    lst.set_defaults(handler=cmd_list)

    rm = psub.add_parser("remove", help="remove a profile and its stored key",
                         description="Remove a profile and delete its key from the keyring.")
    rm.add_argument("name", metavar="NAME")
    rm.set_defaults(handler=cmd_remove)

    sk = psub.add_parser("set-key", help="store a profile's API key in the keyring",
                         description="Store the API key of a profile in the OS keyring. "
                         "Prompts without echo, or reads standard input when it is not a "
                         "terminal (or with --stdin).")
    sk.add_argument("name", metavar="NAME")
    sk.add_argument("--stdin", action="store_true", help="read the key from standard input")
    sk.set_defaults(handler=cmd_set_key)
    from videomon.cli.account_cmd import register_token

    register_token(psub)

    det = psub.add_parser(
        "detect", help="find which format a provider answers in",
        description="Ask the provider about a task you know, in each known format's way "
        "(a few requests, the key only to that host), and say which format reads the "
        "answer. The key comes from $VIDEOMON_API_KEY, or standard input with --key-stdin.")
    det.add_argument("base_url", metavar="URL", help="the provider's base URL")
    det.add_argument("task_id", metavar="ID", help="a task ID this provider knows")
    det.add_argument("--key-stdin", action="store_true", help="read the key from stdin")
    det.add_argument("--proxy", metavar="URL", help="proxy for these requests")
    det.add_argument("--json", action="store_true", help="the result as one JSON object")
    det.set_defaults(handler=cmd_detect)


def _read_key(from_stdin: bool, prompt: str) -> str:
    if from_stdin or not sys.stdin.isatty():
        return sys.stdin.readline().strip()
    return getpass.getpass(prompt).strip()


def cmd_add(ctx: CliContext, args: argparse.Namespace) -> int:
    profile = Profile(name=args.name, dialect=args.dialect, base_url=args.base_url,
                      auth=args.auth, interval=args.interval,
                      max_concurrency=args.max_concurrency, proxy=args.proxy)
    key = _read_key(True, "") if args.key_stdin else None
    if args.key_stdin and not key:
        raise CredentialError("no key on standard input; nothing was saved")
    if key:
        ctx.credentials.set_key(profile.name, key)  # first: a failure saves nothing
    ctx.config.put(profile, replace_existing=args.replace)
    if insecure_base_url(profile.base_url):
        print(f"warning: {INSECURE_WARNING.format(url=profile.base_url)}", file=sys.stderr)
    stored = " and its key (in the keyring)" if key else ""
    print(f"saved profile {profile.name!r}{stored}: {profile.dialect} at {profile.base_url}, "
          f"auth {profile.auth}")
    if not key and profile.auth != "none":
        print(f"next: videomon provider set-key {profile.name!r}  (or set "
              f"{env_var_for(profile.name)})")
    return 0


def cmd_list(ctx: CliContext, args: argparse.Namespace) -> int:
    profiles, skipped = ctx.config.read_profiles()
    if args.json:
        for p in profiles:
            shown = {**p.to_json(), "key": ctx.credentials.key_source(p.name)}
            if p.proxy:
                shown["proxy"] = shown_proxy(p.proxy)
            print(json.dumps(shown, ensure_ascii=False))
        return 0
    if not profiles:
        if not skipped:  # (skipped ones were named above)
            print("no profiles yet; add one with: videomon provider add NAME --format F "
                  "--base-url URL")
        return 0
    rows = [[p.name, p.dialect, p.auth, f"{p.interval:g}s", ctx.credentials.key_source(p.name),
             p.base_url + (f" via {shown_proxy(p.proxy)}" if p.proxy else "")] for p in profiles]
    print(table(["NAME", "DIALECT", "AUTH", "POLL", "KEY", "BASE URL"], rows))
    status = ctx.credentials.status()
    if not status.usable:
        print(f"\nnote: {status.reason}; keys can still come from VIDEOMON_API_KEY_<PROFILE>")
    return 0


def cmd_remove(ctx: CliContext, args: argparse.Namespace) -> int:
    ctx.config.remove(args.name)
    try:
        deleted = ctx.credentials.delete_key(args.name)
    except CredentialError as exc:
        print(f"removed profile {args.name!r}; its key could not be deleted: {exc}")
        return 0
    print(f"removed profile {args.name!r}" + (" and its stored key" if deleted else ""))
    return 0


def cmd_set_key(ctx: CliContext, args: argparse.Namespace) -> int:
    profile = ctx.config.get(args.name)
    key = _read_key(args.stdin, f"API key for {profile.name} (input hidden): ")
    ctx.credentials.set_key(profile.name, key)
    print(f"stored the key for {profile.name!r} in the keyring")
    return 0


def cmd_detect(ctx: CliContext, args: argparse.Namespace) -> int:
    base_url = check_base_url(args.base_url)
    key = _read_key(True, "") if args.key_stdin else os.environ.get(ADHOC_ENV) or None

    async def run() -> Detection:
        async with HttpClient(QUICK) as http:
            return await detect_format(http, base_url, key, args.task_id,
                                       dialects=ctx.formats, proxy=args.proxy)

    found = asyncio.run(run())
    if args.json:
        print(json.dumps({
            "format": found.chosen, "ambiguous": found.ambiguous,
            "matches": {name: snap.to_json() for name, snap in found.matches},
            "tried": [{"url": a.url, "formats": list(a.formats), "outcome": a.outcome}
                      for a in found.attempts]}, ensure_ascii=False))
    else:
        print(table(["FORMATS", "ANSWER", "URL"], [[", ".join(a.formats), a.outcome, a.url]
                                                   for a in found.attempts]))
        print(f"\n{found.summary()}")
        if found.snapshot is not None:
            snap = found.snapshot
            progress = "" if snap.progress is None else f" {snap.progress:g}%"
            print(f"the task reads as: {snap.state.value}{progress}"
                  + (f", video {snap.video_urls[0]}" if snap.video_urls else "")
                  + (f", error: {snap.error}" if snap.error else ""))
            print(f"add it with: videomon provider add NAME --format {found.chosen} "
                  f"--base-url {base_url}")
    return 0 if found.chosen else 1
