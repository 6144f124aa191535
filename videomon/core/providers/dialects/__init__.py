"""Provider formats as dialects: the data formats (built in and the user's) and Gemini's
operations.

`BUILTIN_DIALECTS` is read-only. A `FormatRegistry` holds one process's formats (the
built-in ones and the user's); the composition roots (the window, the CLI) build it and
pass it to whoever reads profiles or looks tasks up.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING

from videomon.core.domain.errors import ConfigError
from videomon.core.providers.dialects.base import Dialect
from videomon.core.providers.dialects.formatted import FormatDialect
from videomon.core.providers.dialects.gemini import GeminiDialect
from videomon.core.providers.formats.builtin import BUILTIN_FORMATS
from videomon.core.providers.formats.spec import Format

if TYPE_CHECKING:
    from videomon.core.providers.profiles import Profile

_ORDER = ("openai", "unified", "tasks", "gemini")


def _builtin() -> dict[str, Dialect]:
    made: dict[str, Dialect] = {"gemini": GeminiDialect()}
    made.update({name: FormatDialect(fmt) for name, fmt in BUILTIN_FORMATS.items()})
    first = [name for name in _ORDER if name in made]
    return {name: made[name] for name in (*first, *(n for n in made if n not in _ORDER))}


#: the formats built into videomon, in the order lists show them
BUILTIN_DIALECTS: Mapping[str, Dialect] = MappingProxyType(_builtin())


def is_builtin(name: str) -> bool:
    return name in BUILTIN_DIALECTS


def builtin_dialect(name: str) -> Dialect:
    """A built-in format by name (`ConfigError` for any other)."""
    return _look_up(BUILTIN_DIALECTS, name)


def _look_up(dialects: Mapping[str, Dialect], name: str) -> Dialect:
    try:
        return dialects[name.strip().lower()]
    except KeyError:
        known = ", ".join(dialects)
        raise ConfigError(f"unknown format {name!r}; choose one of: {known}",
                          field="dialect") from None


class FormatRegistry:
    """The formats one process knows: the built-in ones, then the user's (which `use`
    replaces when the user adds, edits or removes one)."""

    def __init__(self, formats: Iterable[Format] = ()) -> None:
        self._dialects: dict[str, Dialect] = dict(BUILTIN_DIALECTS)
        self.use(formats)

    def use(self, formats: Iterable[Format]) -> None:
        """Know these user formats next to the built-in ones (instead of earlier ones)."""
        dialects = dict(BUILTIN_DIALECTS)
        for fmt in formats:
            if fmt.name not in BUILTIN_DIALECTS:
                dialects[fmt.name] = FormatDialect(fmt)
        self._dialects = dialects

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name.strip().lower() in self._dialects

    def __iter__(self) -> Iterator[str]:
        return iter(list(self._dialects))

    def __len__(self) -> int:
        return len(self._dialects)

    def names(self) -> list[str]:
        return list(self._dialects)

    def items(self) -> list[tuple[str, Dialect]]:
        return list(self._dialects.items())

    def values(self) -> list[Dialect]:
        return list(self._dialects.values())

    def get(self, name: str) -> Dialect | None:
        return self._dialects.get(name.strip().lower())

    def dialect(self, name: str) -> Dialect:
        """The format named `name` (`ConfigError` naming the known ones otherwise)."""
        return _look_up(self._dialects, name)

    def complete(self, profile: Profile) -> Profile:
        """`profile` checked against the known formats, with its format's default auth
        when it names none (`ConfigError` when its format is not known)."""
        dialect = self.dialect(profile.dialect)
        if profile.auth:
            return profile
        return dataclasses.replace(profile, auth=dialect.default_auth)


__all__ = ["BUILTIN_DIALECTS", "Dialect", "FormatRegistry", "builtin_dialect", "is_builtin"]
