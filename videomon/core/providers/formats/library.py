"""The user's own formats: one TOML file each in ``<config>/formats/``."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from videomon.core.config.atomic import write_atomic
from videomon.core.providers.formats.builtin import BUILTIN_FORMATS
from videomon.core.providers.formats.spec import (
    Format,
    FormatError,
    format_to_toml,
    read_format_file,
)

if TYPE_CHECKING:
    from videomon.core.providers.dialects import FormatRegistry

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class LoadProblem:
    """A format file that could not be used (it is left alone, not deleted)."""

    file: Path
    message: str


class FormatLibrary:
    """Reads, saves, imports and exports the user's formats."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def load(self) -> tuple[list[Format], list[LoadProblem]]:
        """Every usable format file, and what is wrong with the others."""
        formats: list[Format] = []
        problems: list[LoadProblem] = []
        if not self.folder.is_dir():
            return formats, problems
        for path in sorted(self.folder.glob("*.toml")) + sorted(self.folder.glob("*.json")):
            try:
                fmt = read_format_file(path)
                self._check_name(fmt)
            except FormatError as exc:
                log.warning("format file %s skipped: %s", path, exc)
                problems.append(LoadProblem(path, str(exc)))
                continue
            if any(f.name == fmt.name for f in formats):
                problems.append(LoadProblem(path, f"a second format named {fmt.name!r}"))
                continue
            formats.append(fmt)
        return formats, problems

    def path_for(self, name: str) -> Path:
        return self.folder / f"{name}.toml"

    def save(self, fmt: Format) -> Path:
        """Write `fmt` (checked again on the way) as ``<name>.toml``; user-only file."""
        self._check_name(fmt)
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        path = self.path_for(fmt.name)
        write_atomic(path, format_to_toml(fmt).encode("utf-8"))
        return path

    def import_file(self, source: Path) -> Format:
        """Check a shared format file and keep a copy; a bad file is not saved."""
        fmt = read_format_file(source)
        self.save(fmt)
        return fmt

    def export(self, fmt: Format, target: Path) -> None:
        target.write_text(format_to_toml(fmt), encoding="utf-8")

    def remove(self, name: str) -> bool:
        path = self.path_for(name)
        if not path.exists():
            return False
        path.unlink()
        return True

    @staticmethod
    def _check_name(fmt: Format) -> None:
        if fmt.name in BUILTIN_FORMATS or fmt.name == "gemini":
            raise FormatError(f"{fmt.name!r} is a built-in format; give yours another name",
                              field="name")


def load_registry(folder: Path) -> tuple[FormatRegistry, list[LoadProblem]]:
    """The built-in formats and the usable ones in `folder` (the composition roots build
    their registry with this before reading the profiles that use them), and the files
    skipped."""
    from videomon.core.providers.dialects import FormatRegistry

    formats, problems = FormatLibrary(folder).load()
    return FormatRegistry(formats), problems
