"""The "unified" relay format ``GET {base}/v2/videos/generations/{id}`` (seed 000)."""

from __future__ import annotations

from videomon.core.providers.dialects.mapped import FieldMapDialect


class UnifiedDialect(FieldMapDialect):
    name = "unified"
    path = "/v2/videos/generations/{id}"
    summary = "unified relay format: GET /v2/videos/generations/{id}"

    progress_paths = ("progress", "data.progress")
    url_paths = (
        "data.output", "data.url", "data.video_url", "data.videos", "data.outputs",
        "data.result_url", "result_url", "output", "url", "video_url", "data.data.output",
        "data.task_result.videos", "data.content.video_url",
    )
    error_paths = ("fail_reason", "failure_reason", "error.message", "error", "data.fail_reason",
                   "data.error")
    error_code_paths = ("error.code", "fail_code", "error_code")
    model_paths = ("model", "data.model", "properties.origin_model_name",
                   "properties.upstream_model_name")
    created_paths = ("submit_time", "created_at", "create_time")
    finished_paths = ("finish_time", "finished_at", "completed_at")
    expires_paths = ("expires_at", "data.expires_at")
