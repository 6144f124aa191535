"""OpenAI-compatible ``GET {base}/v1/videos/{id}`` (seeds 001, 002, 004; OpenAI Videos API)."""

from __future__ import annotations

from typing import Any

from videomon.core.dialects.base import Dialect
from videomon.core.dialects.common import (
    collect_urls,
    first,
    join_base,
    model_from_id,
    normalize_state,
    parse_progress,
    parse_timestamp,
    quote_id,
    settle,
    text_or_none,
    unwrap_envelope,
)
from videomon.core.model import Snapshot, TaskState

_STATE_KEYS = ("status", "state", "task_status")
_URL_PATHS = (
    "url", "video_url", "videoUrl", "output", "result_url", "download_url", "data.url",
    "data.video_url", "data.output", "data.videos", "videos", "detail.url", "detail.video_url",
    "detail.output", "detail.videos", "results", "task_result.videos", "output.video_url",
)


class OpenAIDialect(Dialect):
    name = "openai"
    path = "/v1/videos/{id}"
    summary = "OpenAI Videos API and compatible relays: GET /v1/videos/{id}"

    def content_url(self, base_url: str, task_id: str) -> str:
        """Where the official API serves the finished file (needs the key)."""
        return join_base(base_url, f"/v1/videos/{quote_id(task_id)}/content")

    def parse(self, body: Any, *, task_id: str, base_url: str) -> Snapshot:
        obj = unwrap_envelope(body, _STATE_KEYS)
        raw_status = first(obj, *_STATE_KEYS)
        state = normalize_state(raw_status)
        progress = parse_progress(first(obj, "progress", "percent", "progress_percent"))
        if progress is None:
            progress = parse_progress(
                first(obj, "detail.pending_info.progress_pct", "detail.progress_pct",
                      "progress_pct"),
                fraction=True,
            )
        urls = collect_urls(obj, *_URL_PATHS)
        state, progress = settle(state, progress)
        if state is TaskState.SUCCEEDED and not urls:
            urls = (self.content_url(base_url, task_id),)
        error_obj = obj.get("error")
        error = code = None
        if isinstance(error_obj, dict):
            error = text_or_none(first(error_obj, "message", "msg", "detail"))
            code = text_or_none(first(error_obj, "code", "type"))
        elif error_obj:
            error = text_or_none(error_obj)
        if error is None:
            error = text_or_none(first(
                obj, "failure_reason", "fail_reason", "detail.failure_reason",
                "detail.pending_info.failure_reason", "error_message", "reason"))
        if error is None and state is TaskState.FAILED:
            error = text_or_none(first(obj, "message", "msg", "detail.message"))
        finished = first(obj, "completed_at", "finished_at", "finish_time")
        if finished is None and state.terminal:
            finished = first(obj, "status_update_time", "updated_at")
        return Snapshot(
            task_id=task_id,
            dialect=self.name,
            state=state,
            progress=progress,
            video_urls=urls,
            error=error,
            error_code=code,
            raw_status=text_or_none(raw_status),
            model=text_or_none(first(obj, "model")) or model_from_id(task_id),
            created_at=parse_timestamp(first(obj, "created_at", "submit_time", "create_time",
                                             "detail.pending_info.created_at")),
            finished_at=parse_timestamp(finished),
            expires_at=parse_timestamp(first(obj, "expires_at", "expire_at", "expired_at")),
            raw=body,
        )
