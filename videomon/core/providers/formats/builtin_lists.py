"""The list requests of the built-in formats (the `[list]` table), each from the vendor's
documents: how the account's tasks are listed, a page at a time. Formats whose vendor
documents no list (Runway, fal, MiniMax, DashScope) have none; Gemini's operations are
listed per Veo model (`GEMINI_LIST`)."""

from __future__ import annotations

from typing import Any

#: new-api's task log (the console behind most relays): the user's access token and a
#: New-Api-User header, not the sk- relay key; items carry the task's state
NEW_API_LOG: dict[str, Any] = {
    "url": "{base}/api/task/self?p={page}&page_size={limit}&start_timestamp={since}"
           "&end_timestamp={until}",
    "paging": "page", "items": ["data.items", "data"], "id": ["task_id"],
    "created": ["submit_time"], "full": True, "page_size": 100, "since": "s",
    "auth": "token", "headers": {"New-Api-User": "{user}"},
    "fields": {"state": ["status"], "progress": ["progress"], "error": ["fail_reason"],
               "created": ["submit_time"], "finished": ["finish_time"],
               "model": ["properties.origin_model_name", "action"]},
    "states": {"not_start": "queued", "submitted": "queued", "queued": "queued",
               "in_progress": "running", "failure": "failed", "success": "succeeded"},
}

_KLING_ITEM = {"state": ["task_status"], "video_urls": ["task_result.videos"],
               "error": ["task_status_msg"], "created": ["created_at"],
               "finished": ["updated_at"], "duration": ["task_result.videos[0].duration"],
               "cost": ["final_unit_deduction"]}

#: the Veo models whose operations Gemini lists (GET /v1beta/models/{model}/operations)
VEO_MODELS = ("veo-3.1-generate-preview", "veo-3.1-fast-generate-preview",
              "veo-3.0-generate-001", "veo-3.0-fast-generate-001", "veo-2.0-generate-001")
_GEMINI_LIST = "{base}/v1beta/models/%s/operations?pageSize={limit}&pageToken={cursor}"

#: Gemini (a code dialect): its operations are listed per model, as IDs (each then read
#: as a pasted operation is); a model the key cannot use answers "not found": skipped
GEMINI_LIST: dict[str, Any] = {
    "name": "gemini", "query": "{base}/v1beta/{id}", "fields": {"state": ["done"]},
    "list": {"url": _GEMINI_LIST % VEO_MODELS[0],
             "also": [_GEMINI_LIST % model for model in VEO_MODELS[1:]],
             "paging": "cursor", "items": ["operations"], "id": ["name"],
             "next": ["nextPageToken"], "created": ["metadata.createTime"], "page_size": 50},
}

LISTS: dict[str, dict[str, Any]] = {
    # OpenAI: GET /v1/videos?after&limit&order -> {data, first_id, last_id, has_more}
    "openai": {"url": "{base}/v1/videos?limit={limit}&after={cursor}&order=desc",
               "paging": "cursor", "items": ["data"], "id": ["id"], "next": ["last_id"],
               "more": ["has_more"], "created": ["created_at"], "full": True,
               "page_size": 50},
    "unified": NEW_API_LOG,
    "tasks": NEW_API_LOG,
    "kling-relay": NEW_API_LOG,
    # Kling: GET /v1/videos/text2video?pageNum&pageSize (1-500), then image2video
    "kling": {"url": "{base}/v1/videos/text2video?pageNum={page}&pageSize={limit}",
              "also": ["{base}/v1/videos/image2video?pageNum={page}&pageSize={limit}"],
              "paging": "page", "items": ["data"], "id": ["task_id"],
              "created": ["created_at"], "full": True, "page_size": 100,
              "fields": _KLING_ITEM},
    # Volcengine Ark: GET /api/v3/contents/generations/tasks?page_num&page_size -> {items,
    # total} (the last 7 days)
    "seedance": {"url": "{base}/api/v3/contents/generations/tasks?page_num={page}"
                        "&page_size={limit}",
                 "paging": "page", "items": ["items"], "id": ["id"],
                 "created": ["created_at"], "full": True, "page_size": 100},
    # Luma: GET /dream-machine/v1/generations?limit&offset -> {generations, has_more}
    "luma": {"url": "{base}/dream-machine/v1/generations?limit={limit}&offset={offset}",
             "paging": "offset", "items": ["generations"], "id": ["id"],
             "more": ["has_more"], "created": ["created_at"], "full": True,
             "page_size": 50},
    # Replicate: GET /v1/predictions -> {results, next (a URL), previous}
    "replicate": {"url": "{base}/v1/predictions", "paging": "next_url",
                  "items": ["results"], "id": ["id"], "next": ["next"],
                  "created": ["created_at"], "full": True, "page_size": 100},
}
