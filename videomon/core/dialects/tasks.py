"""The "tasks" relay format ``GET {base}/v1/videos/tasks/{id}`` (seed 003; bare-key auth)."""

from __future__ import annotations

from typing import Any

from videomon.core.dialects.base import Dialect
from videomon.core.dialects.common import (
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
from videomon.core.model import Snapshot, TaskState

_STATE_KEYS = ("state", "status", "task_status")
_URL_PATHS = (
    "data.videos", "data.video_url", "data.url", "data.output", "videos", "video_url", "url",
    "output", "data.result_url", "result_url",
)


class TasksDialect(Dialect):
    name = "tasks"
    default_auth = "raw"
    path = "/v1/videos/tasks/{id}"
    summary = "tasks relay format: GET /v1/videos/tasks/{id} (bare key)"

    def parse(self, body: Any, *, task_id: str, base_url: str) -> Snapshot:
        obj = unwrap_envelope(body, _STATE_KEYS)
        raw_status = first(obj, *_STATE_KEYS)
        state = normalize_state(raw_status)
        progress = parse_progress(first(obj, "progress", "data.progress"))
        state, progress = settle(state, progress)
        error = text_or_none(first(obj, "error.message", "fail_reason", "failure_reason",
                                   "error"))
        if error is None and state is TaskState.FAILED:
            error = text_or_none(first(obj, "message", "msg"))
        finished = (first(obj, "finish_time", "completed_at", "update_time")
                    if state.terminal else None)
        return Snapshot(
            task_id=task_id,
            dialect=self.name,
            state=state,
            progress=progress,
            video_urls=collect_urls(obj, *_URL_PATHS),
            error=error,
            error_code=text_or_none(first(obj, "error.code", "error_code")),
            raw_status=text_or_none(raw_status),
            model=text_or_none(first(obj, "model", "data.model")) or model_from_id(task_id),
            created_at=parse_timestamp(first(obj, "create_time", "created_at", "submit_time")),
            finished_at=parse_timestamp(finished),
            expires_at=parse_timestamp(first(obj, "expires_at", "data.expires_at")),
            raw=body,
        )
