"""The "unified" relay format ``GET {base}/v2/videos/generations/{id}`` (seed 000)."""

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

_STATE_KEYS = ("status", "state", "task_status")
_URL_PATHS = (
    "data.output", "data.url", "data.video_url", "data.videos", "data.outputs",
    "data.result_url", "result_url", "output", "url", "video_url", "data.data.output",
    "data.task_result.videos", "data.content.video_url",
)


class UnifiedDialect(Dialect):
    name = "unified"
    path = "/v2/videos/generations/{id}"
    summary = "unified relay format: GET /v2/videos/generations/{id}"

    def parse(self, body: Any, *, task_id: str, base_url: str) -> Snapshot:
        obj = unwrap_envelope(body, _STATE_KEYS)
        raw_status = first(obj, *_STATE_KEYS)
        state = normalize_state(raw_status)
        progress = parse_progress(first(obj, "progress", "data.progress"))
        urls = collect_urls(obj, *_URL_PATHS)
        state, progress = settle(state, progress)
        error = text_or_none(first(obj, "fail_reason", "failure_reason", "error.message",
                                   "error", "data.fail_reason", "data.error"))
        if error is None and state is TaskState.FAILED:
            error = text_or_none(first(obj, "message", "msg"))
        return Snapshot(
            task_id=task_id,
            dialect=self.name,
            state=state,
            progress=progress,
            video_urls=urls,
            error=error,
            error_code=text_or_none(first(obj, "error.code", "fail_code", "error_code")),
            raw_status=text_or_none(raw_status),
            model=text_or_none(first(obj, "model", "data.model", "properties.origin_model_name",
                                     "properties.upstream_model_name")) or model_from_id(task_id),
            created_at=parse_timestamp(first(obj, "submit_time", "created_at", "create_time")),
            finished_at=parse_timestamp(first(obj, "finish_time", "finished_at",
                                              "completed_at")) if state.terminal else None,
            expires_at=parse_timestamp(first(obj, "expires_at", "data.expires_at")),
            raw=body,
        )
