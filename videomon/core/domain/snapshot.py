"""Domain types: the normalized task state and the snapshot every dialect produces."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any


class TaskState(enum.StrEnum):
    """The four states every provider's vocabulary is mapped onto."""

    QUEUED = "queued"
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    FAILED = "failed"

    @property
    def terminal(self) -> bool:
        return self in (TaskState.SUCCEEDED, TaskState.FAILED)


@dataclass(frozen=True, slots=True)
class Snapshot:
    """One normalized reading of a task, as the provider reported it at one moment.

    Field names and meanings follow the JSON contract of `videomon status --json`.
    `raw` keeps the decoded response body for the details view and for debugging.
    """

    task_id: str
    dialect: str
    state: TaskState
    progress: float | None = None
    video_urls: tuple[str, ...] = ()
    error: str | None = None
    error_code: str | None = None
    raw_status: str | None = None
    model: str | None = None
    created_at: int | None = None
    finished_at: int | None = None
    expires_at: int | None = None
    profile: str | None = None
    # what the provider says the video is (each optional; `formats.spec.FIELD_NAMES`)
    prompt: str | None = None
    size: str | None = None         # "1280x720", or a resolution word such as "720p"
    duration: float | None = None   # seconds of video
    seed: int | None = None
    cost: float | None = None       # the provider's own figure, in `cost_unit`
    cost_unit: str | None = None    # credits, tokens, seconds, units…
    thumbnail_url: str | None = None
    #: False: the provider's status word is in no map (`raw_status` has it); `state` is
    #: then a stand-in (running) that the poll policy replaces with the state before
    status_known: bool = True
    #: a finished task whose video link could not be read: why (asked again later)
    link_problem: str | None = None
    raw: Any = field(default=None, compare=False, repr=False)

    @classmethod
    def from_json(cls, data: dict[str, Any], raw: Any = None) -> Snapshot:
        """Rebuild a snapshot from its contract JSON (as the store keeps it)."""
        return cls(
            task_id=data["task_id"], dialect=data["dialect"], state=TaskState(data["state"]),
            progress=data.get("progress"), video_urls=tuple(data.get("video_urls") or ()),
            error=data.get("error"), error_code=data.get("error_code"),
            raw_status=data.get("raw_status"), model=data.get("model"),
            created_at=data.get("created_at"), finished_at=data.get("finished_at"),
            expires_at=data.get("expires_at"), profile=data.get("profile"),
            **{key: data.get(key) for key in ABOUT},
            status_known=data.get("status_known", True) is not False,
            link_problem=data.get("link_problem"), raw=raw)

    def to_json(self) -> dict[str, Any]:
        """The contract's JSON object (without the raw response)."""
        return {
            "task_id": self.task_id, "profile": self.profile, "dialect": self.dialect,
            "state": self.state.value, "progress": self.progress,
            "video_urls": list(self.video_urls), "error": self.error,
            "error_code": self.error_code, "raw_status": self.raw_status, "model": self.model,
            "created_at": self.created_at, "finished_at": self.finished_at,
            "expires_at": self.expires_at,
            **{key: getattr(self, key) for key in ABOUT},
            "status_known": self.status_known, "link_problem": self.link_problem,
        }


#: the optional fields saying what the video is (null when the provider does not say)
ABOUT = ("prompt", "size", "duration", "seed", "cost", "cost_unit", "thumbnail_url")
