"""The interface every provider dialect implements."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any, ClassVar

from videomon.core.domain.snapshot import Snapshot
from videomon.core.providers.dialects.common import join_base, quote_id


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

    def task_url(self, base_url: str, task_id: str) -> str:
        encoded = quote_id(task_id.strip(), keep_slashes=self.id_has_slashes)
        return join_base(base_url, self.path.format(id=encoded))

    @abstractmethod
    def parse(self, body: Any, *, task_id: str, base_url: str) -> Snapshot:
        """Turn a decoded JSON body into a snapshot, or raise a `LookupProblem`."""
