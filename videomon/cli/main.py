"""Entry points: `videomon` (CLI with a subcommand) and `videomon-gui` (the window)."""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Sequence

from videomon import __version__
from videomon.cli import (
    format_cmd,
    library_cmd,
    list_cmd,
    provider_cmd,
    simulate_cmd,
    tasks_cmd,
)
from videomon.cli.context import CliContext
from videomon.core.config.paths import AppPaths
from videomon.core.domain.errors import ConfigError, CredentialError, VideomonError, redact
from videomon.core.providers.dialects import FormatRegistry
from videomon.core.providers.formats.library import load_registry
from videomon.core.tracking.paste import parse_pasted

DESCRIPTION = """\
Track AI video-generation tasks (Sora 2, Veo 3, Kling and the relays that resell them).

Without a subcommand videomon opens its window (`videomon ID…` also tracks those tasks;
a window already open comes forward instead of a second one; `videomon --demo`: the window
against a built-in simulated relay, no key or network needed). With one, it works in the
terminal:

  videomon provider add myrelay --format openai --base-url https://relay.example
  videomon provider set-key myrelay
  videomon status -p myrelay sora-2:task_01k81e7r1mf0qtvp3ett3mr4jm
  videomon watch -p myrelay ID1 ID2 --download ~/Videos
  videomon track -p myrelay ID1 ID2      # into the window's list; videomon list / untrack
  videomon provider detect https://relay.example TASK_ID   # which format it speaks
  videomon format list | show NAME | import FILE | export NAME

Files live under the platform's config/data dirs, or all under $VIDEOMON_HOME."""


def build_parser(formats: FormatRegistry) -> argparse.ArgumentParser:
    """The parser; `--format` offers the names in `formats` (the user's ones too)."""
    parser = argparse.ArgumentParser(
        prog="videomon", description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"videomon {__version__}")
    parser.add_argument("--demo", action="store_true",
                        help="open the window against a simulated relay with example tasks")
    parser.add_argument("--self-test", action="store_true",
                        help="check this installation (window, media, keyring, one simulated "
                        "task downloaded and previewed); exit 0 when all pass")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    provider_cmd.register(sub, formats)
    tasks_cmd.register(sub, formats)
    list_cmd.register(sub)
    library_cmd.register(sub)
    format_cmd.register(sub)
    simulate_cmd.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    # the user's formats first: `--format` accepts their names too
    formats, skipped = load_registry(AppPaths.from_environment().formats_dir)
    parser = build_parser(formats)
    commands = set(parser._subparsers._group_actions[0].choices)  # type: ignore[union-attr]
    if words and words[0] not in commands and all(_looks_like_a_task(w) for w in words):
        return gui_main(task_ids=words)  # `videomon ID…`: track them in the window
    args = parser.parse_args(words)
    if args.self_test:
        from videomon.self_test import run_self_test

        return run_self_test()
    if args.command is None:
        return gui_main(demo=args.demo)
    for problem in skipped:
        print(f"videomon: format file {problem.file} skipped: {problem.message}",
              file=sys.stderr)
    try:
        ctx = CliContext.create(formats)
        for entry in ctx.config.read_profiles()[1]:
            print(f"videomon: provider {entry.name!r} skipped: {entry.problem}",
                  file=sys.stderr)
        return int(args.handler(ctx, args))
    except (ConfigError, CredentialError) as exc:
        print(f"videomon: {exc}", file=sys.stderr)
        return 2
    except VideomonError as exc:
        print(f"videomon: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # a bug: its traceback, with key-shaped text removed
        details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        print(f"{redact(details)}\nvideomon: unexpected error (a bug; please report it "
              f"with the lines above): {redact(f'{type(exc).__name__}: {exc}')}",
              file=sys.stderr)
        return 70


def _looks_like_a_task(word: str) -> bool:
    """A task ID or URL on the command line (a mistyped command is no ID: IDs have digits)."""
    return (not word.startswith("-") and any(c.isdigit() for c in word)
            and bool(parse_pasted(word).ids))


def gui_main(demo: bool | None = None, task_ids: Sequence[str] = ()) -> int:
    """Open the window (the `videomon-gui` entry point; `--demo` works there too). With a
    window already open on the same data, `task_ids` go to it and it comes forward."""
    if demo is None:
        demo = "--demo" in sys.argv[1:]
        task_ids = [a for a in sys.argv[1:] if not a.startswith("-")]
    if (sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM")
            and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY")):
        print("videomon: no graphical display here (DISPLAY and WAYLAND_DISPLAY are unset), "
              "so the window cannot open.\nIn a terminal use a command instead, e.g. "
              "'videomon watch --demo' or 'videomon --help'.", file=sys.stderr)
        return 2
    from videomon.app import main as app_main

    return app_main(sys.argv[:1], demo=demo, task_ids=task_ids)
