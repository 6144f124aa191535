"""What Settings shows about response formats, computed without I/O: the known formats
(built in or the user's) and what a definition, as typed, reads from a sample answer.

The window reaches formats only through this (from `Commands.format_catalog`), never
through the format registry or the reader."""

from __future__ import annotations

import json
from dataclasses import dataclass

from videomon.core.domain.errors import LookupProblem
from videomon.core.domain.snapshot import Snapshot
from videomon.core.providers.dialects import Dialect, FormatRegistry, is_builtin
from videomon.core.providers.dialects.formatted import FormatDialect
from videomon.core.providers.formats.list_reader import Page, read_page
from videomon.core.providers.formats.list_spec import ListSpec
from videomon.core.providers.formats.reader import follow_up_url, read_snapshot
from videomon.core.providers.formats.spec import (
    Format,
    FormatError,
    format_to_toml,
    parse_format_text,
)
from videomon.core.providers.formats.values import first

#: the base URL a sample is read against (it only shows in URLs built from it)
SAMPLE_BASE = "https://relay.example"
MAX_NAME = 40


@dataclass(frozen=True, slots=True)
class FormatEntry:
    """One known format. `format` is None for one built in as code (Gemini's)."""

    name: str
    summary: str
    builtin: bool
    default_auth: str
    format: Format | None
    #: how the account's tasks are listed, where they can be (Gemini's too)
    listing: ListSpec | None = None

    @property
    def definition(self) -> str | None:
        """The TOML definition (None for a code format)."""
        return format_to_toml(self.format) if self.format is not None else None


@dataclass(frozen=True, slots=True)
class SampleReading:
    """A definition and a sample answer, read: at most one of the problems is set."""

    format: Format | None = None
    definition_problem: FormatError | None = None  # the definition cannot be used
    sample_problem: str | None = None  # the sample is not JSON
    snapshot: Snapshot | None = None
    problem: LookupProblem | None = None  # the sample reads as a provider's problem
    page: Page | None = None  # the sample is a page of the format's list


class FormatCatalog:
    """The formats in `formats`, and readings of definitions being edited."""

    def __init__(self, formats: FormatRegistry) -> None:
        self._formats = formats

    def entries(self) -> list[FormatEntry]:
        return [_entry(dialect) for dialect in self._formats.values()]

    def entry(self, name: str) -> FormatEntry | None:
        dialect = self._formats.get(name)
        return _entry(dialect) if dialect is not None else None

    def copy_definition(self, name: str) -> str | None:
        """The definition of `name` renamed ``my-NAME``, to start a format of one's own."""
        entry = self.entry(name)
        if entry is None or entry.definition is None:
            return None
        copy_name = f"my-{name}"[:MAX_NAME]
        return entry.definition.replace(f'name = "{name}"', f'name = "{copy_name}"', 1)

    def read(self, definition: str, sample: str) -> SampleReading:
        """Parse `definition` (TOML) and read `sample` (JSON, may be blank) with it."""
        try:
            fmt = parse_format_text(definition, json_text=False)
        except FormatError as exc:
            return SampleReading(definition_problem=exc)
        if not sample.strip():
            return SampleReading(fmt)
        try:
            body = json.loads(sample)
        except ValueError as exc:
            return SampleReading(fmt, sample_problem=str(exc))
        if fmt.listing is not None and isinstance(body, dict) and isinstance(
                first(body, *fmt.listing.items), list):
            try:
                return SampleReading(fmt, page=read_page(fmt, body, base_url=SAMPLE_BASE))
            except LookupProblem as problem:
                return SampleReading(fmt, problem=problem)
        try:
            return SampleReading(fmt, snapshot=read_snapshot(
                fmt, body, task_id="sample", base_url=SAMPLE_BASE))
        except LookupProblem as problem:
            return SampleReading(fmt, problem=problem)

    def follow_up(self, fmt: Format, snapshot: Snapshot) -> tuple[str | None, str | None]:
        """The second request this reading would make, or what keeps it from being made."""
        try:
            return follow_up_url(fmt, snapshot, SAMPLE_BASE), None
        except LookupProblem as problem:
            return None, problem.message


def _entry(dialect: Dialect) -> FormatEntry:
    lists = dialect.list_format
    return FormatEntry(dialect.name, dialect.summary, is_builtin(dialect.name),
                       dialect.default_auth,
                       dialect.format if isinstance(dialect, FormatDialect) else None,
                       lists.listing if lists else None)
