"""The interface every provider dialect implements."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any, ClassVar

from videomon.core.domain.snapshot import Snapshot
from videomon.core.providers.auth import auth_headers, key_secrets
from videomon.core.providers.formats.values import join_base, quote_id


class Dialect(ABC):
    """How one family of providers names, authenticates and describes a video task.

    A dialect is stateless: it builds the query URL for an ID, names its default
    auth scheme, and turns a decoded response body into a `Snapshot` (raising
    `BadResponse` or `NotFound` when the body says so).
    """

    name: ClassVar[str]
    default_auth: ClassVar[str] = "bearer"
    #: Path template of the query endpoint; ``{id}`` is the encoded task ID.
    path: ClassVar[str]
    #: Whether task IDs are multi-segment names whose ``/`` must stay a separator.
    id_has_slashes: ClassVar[bool] = False
    summary: ClassVar[str] = ""

    #: extra request headers the provider wants (e.g. an API version)
    headers: dict[str, str] = {}  # noqa: RUF012 - never mutated

    @property
    def list_format(self) -> Any:
        """The data format whose `[list]` lists this provider's tasks, or None."""
        return None

    def request_headers(self, auth: str, key: str | None) -> tuple[dict[str, str],
                                                                   tuple[str, ...]]:
        """What every request to this provider carries — its own headers and `key` under
        `auth` (a profile's, else this dialect's default) — and the secrets in them."""
        auth = auth or self.default_auth
        return {**self.headers, **auth_headers(auth, key)}, key_secrets(auth, key)

    def task_url(self, base_url: str, task_id: str) -> str:
        encoded = quote_id(task_id.strip(), keep_slashes=self.id_has_slashes)
        return join_base(base_url, self.path.format(id=encoded))

    def query_urls(self, base_url: str, task_id: str) -> list[str]:
        """The query URL, then fallbacks tried while the ones before say "not found"."""
        return [self.task_url(base_url, task_id)]

    def follow_up_url(self, snapshot: Snapshot, base_url: str) -> str | None:
        """A second request this reading needs (a file ID → its URL), if any."""
        return None

    def read_follow_up(self, body: Any) -> tuple[str, ...]:
        """The video URLs in the second request's answer."""
        return ()

    @abstractmethod
    def parse(self, body: Any, *, task_id: str, base_url: str) -> Snapshot:
        """Turn a decoded JSON body into a snapshot, or raise a `LookupProblem`."""
