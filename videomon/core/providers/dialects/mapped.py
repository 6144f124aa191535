"""A dialect described by where its fields live: the shape shared by the JSON relays.

The openai, unified and tasks formats differ only in field names and paths; each is a
`FieldMapDialect` subclass listing them. Paths are dotted (``data.videos``) and tried
in order; envelopes are unwrapped first.
"""

from __future__ import annotations

from typing import Any, ClassVar

from videomon.core.domain.snapshot import Snapshot, TaskState
from videomon.core.providers.dialects.base import Dialect
from videomon.core.providers.dialects.common import (
    collect_urls,
    first,
    model_from_id,
    normalize_state,
    parse_progress,
    parse_timestamp,
    settle,
    text_or_none,
    unwrap_envelope,
)

Paths = tuple[str, ...]


def first_text(obj: Any, *paths: str) -> str | None:
    """The first value under `paths` that reads as text (skipping dicts and lists)."""
    for path in paths:
        text = text_or_none(first(obj, path))
        if text is not None:
            return text
    return None


class FieldMapDialect(Dialect):
    state_keys: ClassVar[Paths] = ("status", "state", "task_status")
    progress_paths: ClassVar[Paths] = ("progress",)
    #: Paths whose values are 0–1 fractions (consulted when `progress_paths` give none).
    fraction_paths: ClassVar[Paths] = ()
    url_paths: ClassVar[Paths] = ()
    error_paths: ClassVar[Paths] = ()
    #: Generic message fields, read as the error only when the task failed.
    failed_message_paths: ClassVar[Paths] = ("message", "msg")
    error_code_paths: ClassVar[Paths] = ("error.code", "error_code")
    model_paths: ClassVar[Paths] = ("model",)
    created_paths: ClassVar[Paths] = ("created_at", "submit_time", "create_time")
    finished_paths: ClassVar[Paths] = ("completed_at", "finished_at", "finish_time")
    expires_paths: ClassVar[Paths] = ("expires_at",)

    def default_video_urls(self, base_url: str, task_id: str) -> tuple[str, ...]:
        """Where a finished task's video is when the response names no URL."""
        return ()

    def parse(self, body: Any, *, task_id: str, base_url: str) -> Snapshot:
        obj = unwrap_envelope(body, self.state_keys)
        raw_status = first(obj, *self.state_keys)
        state = normalize_state(raw_status)
        progress = parse_progress(first(obj, *self.progress_paths))
        if progress is None and self.fraction_paths:
            progress = parse_progress(first(obj, *self.fraction_paths), fraction=True)
        state, progress = settle(state, progress)
        urls = collect_urls(obj, *self.url_paths)
        if state is TaskState.SUCCEEDED and not urls:
            urls = self.default_video_urls(base_url, task_id)
        error = first_text(obj, *self.error_paths)
        if error is None and state is TaskState.FAILED:
            error = first_text(obj, *self.failed_message_paths)
        return Snapshot(
            task_id=task_id,
            dialect=self.name,
            state=state,
            progress=progress,
            video_urls=urls,
            error=error,
            error_code=first_text(obj, *self.error_code_paths),
            raw_status=text_or_none(raw_status),
            model=first_text(obj, *self.model_paths) or model_from_id(task_id),
            created_at=parse_timestamp(first(obj, *self.created_paths)),
            finished_at=parse_timestamp(first(obj, *self.finished_paths))
            if state.terminal else None,
            expires_at=parse_timestamp(first(obj, *self.expires_paths)),
            raw=body,
        )
