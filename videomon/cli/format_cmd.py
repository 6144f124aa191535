"""`videomon format list|show|import|export|remove`: the response formats, as shareable files."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from videomon.cli.context import CliContext
from videomon.cli.render import table
from videomon.core.domain.errors import ConfigError
from videomon.core.providers.dialects import FormatRegistry, is_builtin
from videomon.core.providers.dialects.formatted import FormatDialect
from videomon.core.providers.formats.library import FormatLibrary
from videomon.core.providers.formats.spec import Format, format_to_dict, format_to_toml


def register(sub: argparse._SubParsersAction) -> None:
    fmt = sub.add_parser(
        "format", help="list, show, import and export response formats",
        description="Response formats say where a provider's query endpoint is and where "
        "each field of its answer lives. Built-in ones cover the common APIs; your own live "
        "as TOML files in the config folder's formats/ and can be shared.")
    fsub = fmt.add_subparsers(dest="format_command", metavar="ACTION", required=True)
    lst = fsub.add_parser("list", help="list the formats", description="List the formats.")
    lst.add_argument("--json", action="store_true", help="one JSON object per line")
    lst.set_defaults(handler=cmd_list)
    show = fsub.add_parser("show", help="print a format as TOML (or --json)",
                           description="Print a format as a file you could import.")
    show.add_argument("name", metavar="NAME")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=cmd_show)
    imp = fsub.add_parser("import", help="check a format file and keep it",
                          description="Check a .toml or .json format file and keep a copy; "
                          "a file with a mistake is refused with the key at fault.")
    imp.add_argument("file", metavar="FILE", type=Path)
    imp.set_defaults(handler=cmd_import)
    exp = fsub.add_parser("export", help="write a format to a file to share",
                          description="Write a format (built in or yours) as TOML.")
    exp.add_argument("name", metavar="NAME")
    exp.add_argument("file", metavar="FILE", type=Path, nargs="?",
                     help="default: NAME.toml in the current folder")
    exp.set_defaults(handler=cmd_export)
    rm = fsub.add_parser("remove", help="delete one of your formats",
                         description="Delete one of your own formats.")
    rm.add_argument("name", metavar="NAME")
    rm.set_defaults(handler=cmd_remove)


def _format(formats: FormatRegistry, name: str) -> Format:
    dialect = formats.get(name)
    if dialect is None:
        raise ConfigError(f"no format named {name!r}; see 'videomon format list'")
    if not isinstance(dialect, FormatDialect):
        raise ConfigError(f"{name!r} is built into videomon as code (Google's long-running "
                          "operations), not as a data format")
    return dialect.format


def cmd_list(ctx: CliContext, args: argparse.Namespace) -> int:
    rows = []
    for name, dialect in ctx.formats.items():
        origin = "built in" if is_builtin(name) else "yours"
        if args.json:
            print(json.dumps({"name": name, "origin": origin, "auth": dialect.default_auth,
                              "summary": dialect.summary}, ensure_ascii=False))
        rows.append([name, origin, dialect.default_auth, dialect.summary])
    if not args.json:
        print(table(["NAME", "ORIGIN", "AUTH", "QUERY"], rows))
    return 0


def cmd_show(ctx: CliContext, args: argparse.Namespace) -> int:
    fmt = _format(ctx.formats, args.name)
    if args.json:
        print(json.dumps(format_to_dict(fmt), ensure_ascii=False, indent=2))
    else:
        print(format_to_toml(fmt), end="")
    return 0


def cmd_import(ctx: CliContext, args: argparse.Namespace) -> int:
    fmt = FormatLibrary(ctx.paths.formats_dir).import_file(args.file)
    print(f"imported format {fmt.name!r} ({fmt.summary or fmt.query}); use it with "
          f"'videomon provider add NAME --format {fmt.name} --base-url URL'")
    return 0


def cmd_export(ctx: CliContext, args: argparse.Namespace) -> int:
    fmt = _format(ctx.formats, args.name)
    target = args.file or Path(f"{fmt.name}.toml")
    FormatLibrary(ctx.paths.formats_dir).export(fmt, target)
    print(f"wrote format {fmt.name!r} to {target}")
    return 0


def cmd_remove(ctx: CliContext, args: argparse.Namespace) -> int:
    if is_builtin(args.name):
        raise ConfigError(f"{args.name!r} is built in and cannot be removed")
    users = [p.name for p in ctx.config.profiles() if p.dialect == args.name]
    if users:
        raise ConfigError(f"the profiles {', '.join(users)} use format {args.name!r}; "
                          "give them another format first")
    if not FormatLibrary(ctx.paths.formats_dir).remove(args.name):
        raise ConfigError(f"none of your formats is named {args.name!r}")
    print(f"removed format {args.name!r}")
    return 0
