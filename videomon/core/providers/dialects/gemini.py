"""Google Veo through the Gemini API: long-running operations ``GET {base}/v1beta/{name}``."""

from __future__ import annotations

from typing import Any

from videomon.core.domain.errors import BadResponse
from videomon.core.domain.snapshot import Snapshot, TaskState
from videomon.core.providers.dialects.base import Dialect
from videomon.core.providers.formats.values import (
    collect_urls,
    first,
    parse_progress,
    parse_timestamp,
    text_or_none,
)

_URL_PATHS = (
    "response.generateVideoResponse.generatedSamples",
    "response.generatedVideos", "response.videos", "response.generatedSamples",
)


def _sample_urls(response: Any) -> tuple[str, ...]:
    """URIs of generated videos: samples are ``{"video": {"uri": ...}}`` or ``{"uri"}``."""
    urls: list[str] = []
    for path in _URL_PATHS:
        items = first({"response": response}, path)
        if not isinstance(items, list):
            continue
        for item in items:
            if isinstance(item, dict):
                target = item.get("video") if isinstance(item.get("video"), dict) else item
                for url in collect_urls(target, "uri", "gcsUri", "url"):
                    if url not in urls:
                        urls.append(url)
    return tuple(urls)


class GeminiDialect(Dialect):
    name = "gemini"
    default_auth = "header:x-goog-api-key"
    path = "/v1beta/{id}"
    id_has_slashes = True
    summary = "Google Veo via the Gemini API: GET /v1beta/{operation name}"

    @property
    def list_format(self) -> Any:
        """How its operations are listed (a data format holding just the list request)."""
        from videomon.core.providers.formats.builtin import GEMINI_LIST_FORMAT

        return GEMINI_LIST_FORMAT

    def parse(self, body: Any, *, task_id: str, base_url: str) -> Snapshot:
        if not isinstance(body, dict):
            raise BadResponse(f"expected a JSON object, got {type(body).__name__}")
        if "done" not in body and "name" not in body:
            if isinstance(body.get("error"), dict):
                raise BadResponse("the provider answered with an error: "
                                  + str(body["error"].get("message", ""))[:200])
            raise BadResponse("the response is not a long-running operation (no done/name)")
        done = body.get("done", False)
        if not isinstance(done, bool):
            raise BadResponse(f"the operation's 'done' is not true/false: {done!r:.40}")
        metadata = body.get("metadata") if isinstance(body.get("metadata"), dict) else {}
        error_obj = body.get("error")
        error = code = None
        urls: tuple[str, ...] = ()
        progress = parse_progress(first(metadata, "progressPercent", "progress"))
        if isinstance(error_obj, dict) and error_obj:
            state = TaskState.FAILED
            error = text_or_none(error_obj.get("message")) or "the operation failed"
            code = text_or_none(first(error_obj, "status", "code"))
        elif not done:
            state = TaskState.RUNNING
        else:
            response = body.get("response")
            urls = _sample_urls(response)
            if urls:
                state, progress = TaskState.SUCCEEDED, 100.0
            else:
                state = TaskState.FAILED
                reasons = first(response, "generateVideoResponse.raiMediaFilteredReasons",
                                "raiMediaFilteredReasons")
                if isinstance(reasons, list) and reasons:
                    error = "; ".join(str(r) for r in reasons)[:2000]
                    code = "rai_media_filtered"
                else:
                    error = "the operation finished without any video"
        return Snapshot(
            task_id=task_id,
            dialect=self.name,
            state=state,
            progress=progress,
            video_urls=urls,
            error=error,
            error_code=code,
            raw_status=f"done: {str(done).lower()}",
            model=text_or_none(_model_from_name(str(body.get("name") or task_id))),
            created_at=parse_timestamp(first(metadata, "createTime", "create_time")),
            finished_at=parse_timestamp(first(metadata, "endTime", "updateTime"))
            if done else None,
            raw=body,
        )


def _model_from_name(name: str) -> str | None:
    """``models/veo-3.0-generate-001/operations/x`` → ``veo-3.0-generate-001``."""
    parts = name.split("/")
    if len(parts) >= 2 and parts[0] == "models":
        return parts[1]
    return None
