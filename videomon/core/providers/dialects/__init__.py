"""Provider dialects: one module each, all behind the `Dialect` interface."""

from __future__ import annotations

from videomon.core.domain.errors import ConfigError
from videomon.core.providers.dialects.base import Dialect
from videomon.core.providers.dialects.gemini import GeminiDialect
from videomon.core.providers.dialects.openai import OpenAIDialect
from videomon.core.providers.dialects.tasks import TasksDialect
from videomon.core.providers.dialects.unified import UnifiedDialect

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
