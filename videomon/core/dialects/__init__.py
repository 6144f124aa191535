"""Provider dialects: one module each, all behind the `Dialect` interface."""

from __future__ import annotations

from videomon.core.dialects.base import Dialect
from videomon.core.dialects.gemini import GeminiDialect
from videomon.core.dialects.openai import OpenAIDialect
from videomon.core.dialects.tasks import TasksDialect
from videomon.core.dialects.unified import UnifiedDialect
from videomon.core.errors import ConfigError

DIALECTS: dict[str, Dialect] = {
    d.name: d for d in (OpenAIDialect(), UnifiedDialect(), TasksDialect(), GeminiDialect())
}


def get_dialect(name: str) -> Dialect:
    try:
        return DIALECTS[name.strip().lower()]
    except KeyError:
        known = ", ".join(DIALECTS)
        raise ConfigError(f"unknown dialect {name!r}; choose one of: {known}") from None


__all__ = ["DIALECTS", "Dialect", "get_dialect"]
