"""OpenAI-compatible ``GET {base}/v1/videos/{id}`` (seeds 001, 002, 004; OpenAI Videos API)."""

from __future__ import annotations

from videomon.core.providers.dialects.common import join_base, quote_id
from videomon.core.providers.dialects.mapped import FieldMapDialect


class OpenAIDialect(FieldMapDialect):
    name = "openai"
    path = "/v1/videos/{id}"
    summary = "OpenAI Videos API and compatible relays: GET /v1/videos/{id}"

    progress_paths = ("progress", "percent", "progress_percent")
    # seed 002 nests a 0–1 fraction under "pending" while the task runs
    fraction_paths = ("detail.pending_info.progress_pct", "detail.progress_pct", "progress_pct")
    url_paths = (
        "url", "video_url", "videoUrl", "output", "result_url", "download_url", "data.url",
        "data.video_url", "data.output", "data.videos", "videos", "detail.url",
        "detail.video_url", "detail.output", "detail.videos", "results", "task_result.videos",
        "output.video_url",
        # new-api relays put the finished file in metadata.url; others nest it under
        # result/content/video (Volcengine Ark: content.video_url)
        "metadata.url", "metadata.video_url", "metadata.videos", "data.metadata.url",
        "result.url", "result.video_url", "result.videos", "data.result.url",
        "content.video_url", "content.url", "video.url", "data.video.url", "output.url",
        "outputs", "data.outputs",
    )
    error_paths = (
        "error.message", "error.msg", "error.detail", "error", "failure_reason", "fail_reason",
        "detail.failure_reason", "detail.pending_info.failure_reason", "error_message", "reason",
    )
    failed_message_paths = ("message", "msg", "detail.message")
    error_code_paths = ("error.code", "error.type")
    created_paths = ("created_at", "submit_time", "create_time", "detail.pending_info.created_at")
    # seed 002 stamps the last change in milliseconds
    finished_paths = ("completed_at", "finished_at", "finish_time", "status_update_time",
                      "updated_at")
    expires_paths = ("expires_at", "expire_at", "expired_at")

    def content_url(self, base_url: str, task_id: str) -> str:
        """Where the official API serves the finished file (needs the key)."""
        return join_base(base_url, f"/v1/videos/{quote_id(task_id)}/content")

    def default_video_urls(self, base_url: str, task_id: str) -> tuple[str, ...]:
        return (self.content_url(base_url, task_id),)
