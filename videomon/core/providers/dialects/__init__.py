"""Provider dialects: the data formats (built in and the user's) and Gemini's operations.

`DIALECTS` holds the built-in ones; the composition roots (the window, the CLI) add the
user's formats with `use_formats` when they start.
"""

from __future__ import annotations

from collections.abc import Iterable

from videomon.core.domain.errors import ConfigError
from videomon.core.providers.dialects.base import Dialect
from videomon.core.providers.dialects.formatted import FormatDialect
from videomon.core.providers.dialects.gemini import GeminiDialect
from videomon.core.providers.formats.builtin import BUILTIN_FORMATS
from videomon.core.providers.formats.spec import Format

_ORDER = ("openai", "unified", "tasks", "gemini")
_BUILTIN: dict[str, Dialect] = {
    **{name: FormatDialect(BUILTIN_FORMATS[name]) for name in _ORDER if name != "gemini"},
    "gemini": GeminiDialect(),
    **{name: FormatDialect(f) for name, f in BUILTIN_FORMATS.items() if name not in _ORDER},
}
_BUILTIN = {name: _BUILTIN[name] for name in (*_ORDER, *(n for n in _BUILTIN
                                                          if n not in _ORDER))}

DIALECTS: dict[str, Dialect] = dict(_BUILTIN)


def use_formats(formats: Iterable[Format]) -> None:
    """Make the user's formats known next to the built-in ones (replacing earlier ones)."""
    for name in [n for n in DIALECTS if n not in _BUILTIN]:
        del DIALECTS[name]
    for fmt in formats:
        if fmt.name not in _BUILTIN:
            DIALECTS[fmt.name] = FormatDialect(fmt)


def is_builtin(name: str) -> bool:
    return name in _BUILTIN


def get_dialect(name: str) -> Dialect:
    try:
        return DIALECTS[name.strip().lower()]
    except KeyError:
        known = ", ".join(DIALECTS)
        raise ConfigError(f"unknown dialect {name!r}; choose one of: {known}") from None


__all__ = ["DIALECTS", "Dialect", "get_dialect", "is_builtin", "use_formats"]
