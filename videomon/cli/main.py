"""Entry points: `videomon` (CLI with a subcommand) and `videomon-gui` (the window)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from videomon import __version__
from videomon.cli import provider_cmd, simulate_cmd, tasks_cmd
from videomon.cli.context import CliContext
from videomon.core.errors import ConfigError, CredentialError, VideomonError

DESCRIPTION = """\
Track AI video-generation tasks (Sora 2, Veo 3, Kling and the relays that resell them).

Without a subcommand videomon opens its window (not built yet in this version; the
command line below is complete). With one, it works in the terminal:

  videomon provider add myrelay --dialect openai --base-url https://relay.example
  videomon provider set-key myrelay
  videomon status -p myrelay sora-2:task_01k81e7r1mf0qtvp3ett3mr4jm
  videomon watch -p myrelay ID1 ID2 --download ~/Videos

Files live under the platform's config/data dirs, or all under $VIDEOMON_HOME."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="videomon", description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"videomon {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    provider_cmd.register(sub)
    tasks_cmd.register(sub)
    simulate_cmd.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        return gui_main()
    try:
        ctx = CliContext.create()
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


def gui_main() -> int:
    """Open the window (issue [window]); until it exists, explain how to use the CLI."""
    build_parser().print_help()
    print("\nvideomon: the window is not part of this version yet; use the commands above.",
          file=sys.stderr)
    return 0
