"""The formats videomon knows out of the box, as data (the same shape as a user's file).

Each native vendor format was checked against the vendor's published query endpoint and
its example answers (see the README's dialect table); relay variants of the same vendor
are covered by the tolerant readers and by fixtures in `tests/fixtures/responses/`.
"""

from __future__ import annotations

from typing import Any

from videomon.core.providers.formats.builtin_lists import GEMINI_LIST, LISTS
from videomon.core.providers.formats.spec import Format, format_from_dict

# Defaults every relay-style JSON format shares (the seeds' gateway family).
_RELAY_FIELDS: dict[str, list[str]] = {
    "state": ["status", "state", "task_status"],
    "progress": ["progress"],
    "failed_message": ["message", "msg"],
    "error_code": ["error.code", "error_code"],
    "model": ["model"],
    "created": ["created_at", "submit_time", "create_time"],
    "finished": ["completed_at", "finished_at", "finish_time"],
    "expires": ["expires_at"],
    # what the video is (OpenAI's Video object: prompt, size "1280x720", seconds "8")
    "prompt": ["prompt", "input.prompt", "request.prompt", "data.prompt"],
    "size": ["size", "resolution", "data.size"],
    "duration": ["seconds", "duration", "data.duration"],
    "seed": ["seed", "data.seed"],
}


def _relay(**fields: list[str]) -> dict[str, list[str]]:
    return {**_RELAY_FIELDS, **fields}


_DEFINITIONS: list[dict[str, Any]] = [
    {
        "name": "openai",
        "summary": "OpenAI Videos API and compatible relays: GET /v1/videos/{id}",
        "query": "{base}/v1/videos/{id}",
        "default_video_url": "{base}/v1/videos/{id}/content",
        # the picture OpenAI renders for every video (download_content variant=thumbnail)
        "default_thumbnail_url": "{base}/v1/videos/{id}/content?variant=thumbnail",
        "fields": _relay(
            progress=["progress", "percent", "progress_percent"],
            # seed 002 nests a 0-1 fraction under "pending" while the task runs
            progress_fraction=["detail.pending_info.progress_pct", "detail.progress_pct",
                               "progress_pct"],
            video_urls=[
                "url", "video_url", "videoUrl", "output", "result_url", "download_url",
                "data.url", "data.video_url", "data.output", "data.videos", "videos",
                "detail.url", "detail.video_url", "detail.output", "detail.videos", "results",
                "task_result.videos", "output.video_url",
                # new-api relays put the file in metadata.url; others nest it under
                # result/content/video (Volcengine Ark: content.video_url)
                "metadata.url", "metadata.video_url", "metadata.videos", "data.metadata.url",
                "result.url", "result.video_url", "result.videos", "data.result.url",
                "content.video_url", "content.url", "video.url", "data.video.url",
                "output.url", "outputs", "data.outputs"],
            error=["error.message", "error.msg", "error.detail", "error", "failure_reason",
                   "fail_reason", "detail.failure_reason",
                   "detail.pending_info.failure_reason", "error_message", "reason"],
            failed_message=["message", "msg", "detail.message"],
            error_code=["error.code", "error.type"],
            created=["created_at", "submit_time", "create_time",
                     "detail.pending_info.created_at"],
            # seed 002 stamps the last change in milliseconds
            finished=["completed_at", "finished_at", "finish_time", "status_update_time",
                      "updated_at"],
            expires=["expires_at", "expire_at", "expired_at"],
            # seed 001 keeps the seed in metadata; seed 002 echoes the input while pending
            prompt=["prompt", "detail.input.prompt", "detail.pending_info.prompt",
                    "input.prompt", "request.prompt", "data.prompt"],
            width=["detail.pending_info.width"],
            height=["detail.pending_info.height"],
            seed=["seed", "metadata.seed", "data.seed"]),
    },
    {
        "name": "unified",
        "summary": "unified relay format: GET /v2/videos/generations/{id}",
        "query": "{base}/v2/videos/generations/{id}",
        "fields": _relay(
            progress=["progress", "data.progress"],
            video_urls=["data.output", "data.url", "data.video_url", "data.videos",
                        "data.outputs", "data.result_url", "result_url", "output", "url",
                        "video_url", "data.data.output", "data.task_result.videos",
                        "data.content.video_url"],
            error=["fail_reason", "failure_reason", "error.message", "error",
                   "data.fail_reason", "data.error"],
            error_code=["error.code", "fail_code", "error_code"],
            model=["model", "data.model", "properties.origin_model_name",
                   "properties.upstream_model_name"],
            created=["submit_time", "created_at", "create_time"],
            finished=["finish_time", "finished_at", "completed_at"],
            expires=["expires_at", "data.expires_at"]),
    },
    {
        "name": "tasks",
        "summary": "tasks relay format: GET /v1/videos/tasks/{id} (bare key)",
        "auth": "raw",
        "query": "{base}/v1/videos/tasks/{id}",
        "fields": _relay(
            state=["state", "status", "task_status"],
            progress=["progress", "data.progress"],
            video_urls=["data.videos", "data.video_url", "data.url", "data.output", "videos",
                        "video_url", "url", "output", "data.result_url", "result_url"],
            error=["error.message", "fail_reason", "failure_reason", "error"],
            model=["model", "data.model"],
            created=["create_time", "created_at", "submit_time"],
            finished=["finish_time", "completed_at", "update_time"],
            expires=["expires_at", "data.expires_at"]),
    },
    {
        "name": "kling",
        "summary": "Kling official API: GET /v1/videos/text2video/{id} (then image2video); "
                   "JWT from access key + secret key",
        "auth": "kling-jwt",
        "query": "{base}/v1/videos/text2video/{id}",
        "also_query": ["{base}/v1/videos/image2video/{id}"],
        "fields": {
            "state": ["data.task_status"],
            "video_urls": ["data.task_result.videos"],
            "error": ["data.task_status_msg"],
            "failed_message": ["message"],
            "created": ["data.created_at"],
            "finished": ["data.updated_at"],
            # "Total video duration, unit: s" (text); "The deduction units of task"
            "duration": ["data.task_result.videos[0].duration"],
            "cost": ["data.final_unit_deduction"],
        },
        "cost_unit": "units",
        "states": {"submitted": "queued", "processing": "running", "succeed": "succeeded",
                   "failed": "failed"},
    },
    {
        "name": "kling-relay",
        "summary": "Kling through a relay: GET /kling/v1/videos/text2video/{id} (bearer key)",
        "query": "{base}/kling/v1/videos/text2video/{id}",
        "also_query": ["{base}/kling/v1/videos/image2video/{id}"],
        "fields": {
            "state": ["data.task_status", "status", "data.status"],
            "progress": ["progress", "data.progress"],
            "video_urls": ["data.task_result.videos", "url", "data.url", "video_url"],
            "error": ["data.task_status_msg", "error.message", "data.error.message",
                      "fail_reason"],
            "failed_message": ["message"],
            "error_code": ["error.code"],
            "created": ["data.created_at", "created_at"],
            "finished": ["data.updated_at", "updated_at"],
            "duration": ["data.task_result.videos[0].duration"],
            "cost": ["data.final_unit_deduction"],
        },
        "cost_unit": "units",
        "states": {"submitted": "queued", "succeed": "succeeded"},
    },
    {
        "name": "seedance",
        "summary": "Doubao Seedance (Volcengine Ark): "
                   "GET /api/v3/contents/generations/tasks/{id}",
        "query": "{base}/api/v3/contents/generations/tasks/{id}",
        "fields": {
            "state": ["status"],
            "video_urls": ["content.video_url"],
            "error": ["error.message"],
            "error_code": ["error.code"],
            "model": ["model"],
            "created": ["created_at"],
            "finished": ["updated_at"],
            # Ark's ContentGenerationTask: only the rewritten prompt comes back
            "prompt": ["revised_prompt"],
            "size": ["resolution"],
            "duration": ["duration"],
            "seed": ["seed"],
            "cost": ["usage.completion_tokens"],
        },
        "cost_unit": "tokens",
        "states": {"queued": "queued", "running": "running", "succeeded": "succeeded",
                   "failed": "failed", "cancelled": "failed"},
    },
    {
        "name": "wan",
        "summary": "Alibaba Wan (DashScope): GET /api/v1/tasks/{id}",
        "query": "{base}/api/v1/tasks/{id}",
        # DashScope writes local (Beijing) dates without an offset
        "time_zone": "+08:00",
        "fields": {
            "state": ["output.task_status"],
            "video_urls": ["output.video_url", "output.results"],
            "error": ["output.message", "message"],
            "error_code": ["output.code", "code"],
            "created": ["output.submit_time"],
            "finished": ["output.end_time"],
            # DashScope's VideoSynthesis output/usage (wan2.6+ writes SR and duration)
            "prompt": ["output.orig_prompt", "output.actual_prompt"],
            "size": ["usage.video_ratio", "usage.size", "usage.SR"],
            "duration": ["usage.video_duration", "usage.duration",
                         "usage.output_video_duration"],
            "cost": ["usage.video_duration", "usage.duration",
                     "usage.output_video_duration"],
        },
        "cost_unit": "seconds",
        # DashScope's TaskStatus: PENDING, RUNNING, SUSPENDED (held), SUCCEEDED, FAILED,
        # CANCELED, UNKNOWN (no such task)
        "states": {"pending": "queued", "running": "running", "suspended": "queued",
                   "succeeded": "succeeded", "failed": "failed", "canceled": "failed",
                   "unknown": "not_found"},
    },
    {
        "name": "minimax",
        "summary": "MiniMax Hailuo: GET /v1/query/video_generation?task_id={id}, "
                   "then /v1/files/retrieve for the file",
        "query": "{base}/v1/query/video_generation?task_id={id}",
        "fields": {
            "state": ["status"],
            "video_urls": ["file.download_url", "download_url", "content.url"],
            "width": ["video_width"],
            "height": ["video_height"],
        },
        "states": {"preparing": "queued", "queueing": "queued", "processing": "running",
                   "success": "succeeded", "fail": "failed"},
        "then": {"when": "succeeded", "url": "{base}/v1/files/retrieve?file_id={file_id}",
                 "take": {"file_id": "file_id"}, "video_urls": ["file.download_url"]},
    },
    {
        "name": "runway",
        "summary": "Runway: GET /v1/tasks/{id} (X-Runway-Version 2024-11-06)",
        "query": "{base}/v1/tasks/{id}",
        "headers": {"X-Runway-Version": "2024-11-06"},
        "progress_scale": "fraction",
        "fields": {
            "state": ["status"],
            "progress": ["progress"],
            "video_urls": ["output"],
            "error": ["failure"],
            "error_code": ["failureCode"],
            "created": ["createdAt"],
        },
        "states": {"pending": "queued", "throttled": "queued", "running": "running",
                   "succeeded": "succeeded", "failed": "failed", "cancelled": "failed"},
    },
    {
        "name": "luma",
        "summary": "Luma Dream Machine: GET /dream-machine/v1/generations/{id}",
        "query": "{base}/dream-machine/v1/generations/{id}",
        "fields": {
            "state": ["state"],
            "video_urls": ["assets.video"],
            "error": ["failure_reason"],
            "model": ["model"],
            "created": ["created_at"],
            # the generation echoes its request ("5s", "720p")
            "prompt": ["request.prompt"],
            "size": ["request.resolution"],
            "duration": ["request.duration"],
            "thumbnail": ["assets.image"],
        },
        "states": {"queued": "queued", "dreaming": "running", "completed": "succeeded",
                   "failed": "failed"},
    },
    {
        "name": "replicate",
        "summary": "Replicate predictions: GET /v1/predictions/{id}",
        "query": "{base}/v1/predictions/{id}",
        "fields": {
            "state": ["status"],
            "video_urls": ["output", "output.video"],
            "error": ["error"],
            "model": ["model"],
            "created": ["created_at"],
            "finished": ["completed_at"],
            # the echoed model input (keys depend on the model) and compute seconds
            "prompt": ["input.prompt"],
            "size": ["input.resolution", "input.size"],
            "width": ["input.width"],
            "height": ["input.height"],
            "duration": ["input.duration"],
            "seed": ["input.seed"],
            "cost": ["metrics.predict_time"],
            # the SDK's Prediction.progress: the last progress bar in the logs
            "progress_log": ["logs"],
        },
        "cost_unit": "seconds",
        "states": {"starting": "queued", "processing": "running", "succeeded": "succeeded",
                   "failed": "failed", "canceled": "failed"},
    },
    {
        "name": "fal",
        "summary": "fal queue: GET {base}/{model}/requests/{request}/status, then the result",
        "auth": "prefix:Key",
        "query": "{base}/{id}/status",
        "id_has_slashes": True,
        "fields": {
            "state": ["status"],
            "error": ["error", "detail"],
            # fal_client's Completed carries error/error_type for a failed request
            "failed_if": ["error", "error_type"],
        },
        "states": {"in_queue": "queued", "in_progress": "running", "completed": "succeeded",
                   "failed": "failed", "canceled": "failed", "cancelled": "failed"},
        "then": {"when": "succeeded", "url": "{base}/{id}",
                 "video_urls": ["video.url", "videos", "video"]},
    },
]

BUILTIN_FORMATS: dict[str, Format] = {
    d["name"]: format_from_dict({**d, **({"list": LISTS[d["name"]]} if d["name"] in LISTS
                                         else {})}, builtin=True)
    for d in _DEFINITIONS}
#: Gemini's operations list (Gemini itself is a code dialect)
GEMINI_LIST_FORMAT: Format = format_from_dict(GEMINI_LIST, builtin=True)

#: where each vendor documents its API (the base URL a new provider starts with)
VENDOR_BASE_URLS: dict[str, str] = {
    "openai": "https://api.openai.com",
    "kling": "https://api.klingai.com",
    "seedance": "https://ark.cn-beijing.volces.com",
    "wan": "https://dashscope.aliyuncs.com",
    "minimax": "https://api.minimaxi.com",
    "runway": "https://api.dev.runwayml.com",
    "luma": "https://api.lumalabs.ai",
    "replicate": "https://api.replicate.com",
    "fal": "https://queue.fal.run",
}
