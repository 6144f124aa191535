"""The "tasks" relay format ``GET {base}/v1/videos/tasks/{id}`` (seed 003; bare-key auth)."""

from __future__ import annotations

from videomon.core.providers.dialects.mapped import FieldMapDialect


class TasksDialect(FieldMapDialect):
    name = "tasks"
    default_auth = "raw"
    path = "/v1/videos/tasks/{id}"
    summary = "tasks relay format: GET /v1/videos/tasks/{id} (bare key)"

    state_keys = ("state", "status", "task_status")
    progress_paths = ("progress", "data.progress")
    url_paths = (
        "data.videos", "data.video_url", "data.url", "data.output", "videos", "video_url", "url",
        "output", "data.result_url", "result_url",
    )
    error_paths = ("error.message", "fail_reason", "failure_reason", "error")
    model_paths = ("model", "data.model")
    created_paths = ("create_time", "created_at", "submit_time")
    finished_paths = ("finish_time", "completed_at", "update_time")
    expires_paths = ("expires_at", "data.expires_at")
