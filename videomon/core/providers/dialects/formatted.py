"""A dialect that is a `Format` (data): every JSON format, built in or the user's own."""

from __future__ import annotations

from typing import Any

from videomon.core.domain.snapshot import Snapshot
from videomon.core.providers.dialects.base import Dialect
from videomon.core.providers.formats.reader import (
    follow_up_url,
    query_urls,
    read_follow_up,
    read_snapshot,
)
from videomon.core.providers.formats.spec import Format


class FormatDialect(Dialect):
    """Queries and reads tasks as `fmt` describes."""

    def __init__(self, fmt: Format) -> None:
        self.format = fmt
        self.name = fmt.name  # type: ignore[misc]
        self.default_auth = fmt.auth  # type: ignore[misc]
        self.summary = fmt.summary  # type: ignore[misc]
        self.id_has_slashes = fmt.id_has_slashes  # type: ignore[misc]
        self.headers = dict(fmt.headers)

    @property
    def list_format(self) -> Format | None:
        return self.format if self.format.listing is not None else None

    def task_url(self, base_url: str, task_id: str) -> str:
        return self.query_urls(base_url, task_id)[0]

    def query_urls(self, base_url: str, task_id: str) -> list[str]:
        return query_urls(self.format, base_url, task_id.strip())

    def parse(self, body: Any, *, task_id: str, base_url: str) -> Snapshot:
        return read_snapshot(self.format, body, task_id=task_id, base_url=base_url)

    def follow_up_url(self, snapshot: Snapshot, base_url: str) -> str | None:
        return follow_up_url(self.format, snapshot, base_url)

    def read_follow_up(self, body: Any) -> tuple[str, ...]:
        return read_follow_up(self.format, body)
