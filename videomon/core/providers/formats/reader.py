"""The one reader of every data format: a decoded answer + a `Format` → a `Snapshot`."""

from __future__ import annotations

from datetime import timedelta, timezone, tzinfo
from typing import Any
from urllib.parse import quote

from videomon.core.domain.errors import AuthRejected, BadResponse, NotFound
from videomon.core.domain.snapshot import Snapshot, TaskState
from videomon.core.providers.formats.about import read_about
from videomon.core.providers.formats.spec import Format, state_key
from videomon.core.providers.formats.values import (
    collect_urls,
    dig,
    first,
    join_base,
    looks_not_found,
    model_from_id,
    normalize_state,
    parse_progress,
    parse_timestamp,
    progress_from_log,
    quote_id,
    settle,
    text_or_none,
    unwrap_envelope,
)

#: MiniMax's base_resp codes for a missing or wrong key
_AUTH_CODES = {"1004", "2049"}
_TARGETS = {"queued": TaskState.QUEUED, "running": TaskState.RUNNING,
            "succeeded": TaskState.SUCCEEDED, "failed": TaskState.FAILED}


def fill(template: str, base_url: str, values: dict[str, str], *,
         keep_slashes: bool = False) -> str:
    """A URL template with ``{base}`` and its placeholders filled in, each value encoded
    for where it stands (a path segment, or a query parameter after ``?``)."""
    query_at = template.find("?")
    out = template
    for name, value in values.items():
        token = "{" + name + "}"
        at = out.find(token)
        while at >= 0:
            in_query = 0 <= query_at < at
            encoded = quote(value, safe="") if in_query else quote_id(
                value, keep_slashes=keep_slashes)
            out = out[:at] + encoded + out[at + len(token):]
            query_at = out.find("?")
            at = out.find(token, at + len(encoded))
    if out.startswith("{base}"):
        return join_base(base_url, out[len("{base}"):])
    return out


def query_urls(fmt: Format, base_url: str, task_id: str) -> list[str]:
    """The query URL, then the fallbacks tried while the ones before say "not found"."""
    return [fill(t, base_url, {"id": task_id}, keep_slashes=fmt.id_has_slashes)
            for t in (fmt.query, *fmt.also_query)]


def read_snapshot(fmt: Format, body: Any, *, task_id: str, base_url: str) -> Snapshot:
    """Read one answer; raises `BadResponse` (or `NotFound`) when it cannot be read."""
    state_paths = fmt.paths("state")
    obj = _task_object(body, state_paths)
    raw_status = first(obj, *state_paths)
    read_state = _state(fmt, raw_status)
    state = read_state or TaskState.RUNNING  # (a word no map knows: the policy decides)
    failure = first_text(obj, *fmt.paths("failed_if"))
    if failure is not None and state is not TaskState.FAILED:
        state = TaskState.FAILED  # e.g. fal's COMPLETED that carries an error
    progress = _progress(fmt, obj)
    state, progress = settle(state, progress)
    urls = collect_urls(obj, *fmt.paths("video_urls"))
    if state is TaskState.SUCCEEDED and not urls and fmt.default_video_url:
        urls = (fill(fmt.default_video_url, base_url, {"id": task_id},
                     keep_slashes=fmt.id_has_slashes),)
    error = first_text(obj, *fmt.paths("error"))
    if error is None and state is TaskState.FAILED:
        error = first_text(obj, *fmt.paths("failed_message")) or failure
    zone = _zone(fmt.time_zone)
    about = read_about(fmt, obj)
    if state is TaskState.SUCCEEDED and about["thumbnail_url"] is None \
            and fmt.default_thumbnail_url:
        about["thumbnail_url"] = fill(fmt.default_thumbnail_url, base_url, {"id": task_id},
                                      keep_slashes=fmt.id_has_slashes)
    return Snapshot(
        task_id=task_id,
        dialect=fmt.name,
        state=state,
        progress=progress,
        video_urls=urls,
        error=error,
        error_code=first_text(obj, *fmt.paths("error_code")),
        raw_status=text_or_none(raw_status),
        model=first_text(obj, *fmt.paths("model")) or model_from_id(task_id),
        created_at=parse_timestamp(first(obj, *fmt.paths("created")), zone),
        finished_at=parse_timestamp(first(obj, *fmt.paths("finished")), zone)
        if state.terminal else None,
        expires_at=parse_timestamp(first(obj, *fmt.paths("expires")), zone),
        **about,
        status_known=read_state is not None,
        raw=body,
    )


def _progress(fmt: Format, obj: Any) -> float | None:
    scale = fmt.progress_scale
    progress = parse_progress(first(obj, *fmt.paths("progress")),
                              fraction=scale == "fraction", percent=scale == "percent")
    if progress is None and fmt.paths("progress_fraction"):
        progress = parse_progress(first(obj, *fmt.paths("progress_fraction")), fraction=True)
    if progress is None and fmt.paths("progress_log"):
        progress = progress_from_log(first(obj, *fmt.paths("progress_log")))
    return progress


def follow_up_url(fmt: Format, snapshot: Snapshot, base_url: str) -> str | None:
    """The second request's URL for this reading, or None when none is due."""
    then = fmt.then
    if then is None or snapshot.video_urls:
        return None
    if then.when == "succeeded" and snapshot.state is not TaskState.SUCCEEDED:
        return None
    values = {"id": snapshot.task_id}
    obj = snapshot.raw
    for placeholder, path in then.take.items():
        value = text_or_none(dig(obj, path))
        if value is None:
            raise BadResponse(f"the task finished but its answer has no {path!r} to fetch "
                              "the video with")
        values[placeholder] = value
    return fill(then.url, base_url, values, keep_slashes=fmt.id_has_slashes)


def read_follow_up(fmt: Format, body: Any) -> tuple[str, ...]:
    """The video URLs in the second answer; `BadResponse` when it has none."""
    assert fmt.then is not None
    if isinstance(body, dict):
        code = dig(body, "base_resp.status_code")
        if code not in (None, 0, "0"):
            message = text_or_none(dig(body, "base_resp.status_msg")) or "no details"
            raise BadResponse(f"the provider answered with an error: {code}: {message}")
    urls = collect_urls(body, *fmt.then.video_urls)
    if not urls:
        raise BadResponse("the second request's answer has no video URL (looked under "
                          + ", ".join(fmt.then.video_urls) + ")")
    return urls


def first_text(obj: Any, *paths: str) -> str | None:
    """The first value under `paths` that reads as text (skipping dicts and lists)."""
    for path in paths:
        text = text_or_none(first(obj, path))
        if text is not None:
            return text
    return None


def _task_object(body: Any, state_paths: tuple[str, ...]) -> Any:
    if not isinstance(body, dict):
        raise BadResponse(f"expected a JSON object, got {type(body).__name__}")
    if any(dig(body, p) is not None for p in state_paths):
        return body
    # the task may sit inside an envelope ({"code", "message", "data": {...}}); a
    # vendor's own error envelope ({"base_resp": {"status_code": 1004, ...}}) says why
    if isinstance(body.get("base_resp"), dict):
        code = body["base_resp"].get("status_code")
        message = text_or_none(body["base_resp"].get("status_msg")) or "no details"
        if code not in (None, 0, "0"):
            if str(code) in _AUTH_CODES:
                raise AuthRejected(f"the provider rejected the key ({code}: {message})")
            if looks_not_found(message):
                raise NotFound(f"the provider says the task does not exist ({code}: {message})")
            raise BadResponse(f"the provider answered with an error: {code}: {message}")
    obj = body
    for _ in range(3):  # envelopes are sometimes nested twice
        inner = obj.get("data") if "data" in obj else obj.get("result")
        if isinstance(inner, list) and len(inner) == 1 and isinstance(inner[0], dict):
            inner = inner[0]
        if not isinstance(inner, dict):
            break
        if any(dig(inner, p) is not None for p in state_paths):
            return inner
        obj = inner
    return unwrap_envelope(body, ())  # raises, saying why there is no task


def _state(fmt: Format, raw: Any) -> TaskState | None:
    """The state a status word maps to; None for a word no map knows (relays invent
    words: the lookup still counts). A status that is no word at all is a bad answer."""
    if isinstance(raw, bool) and fmt.states:  # e.g. Gemini-like {"done": true}
        raw = str(raw).lower()
    if isinstance(raw, str | int) and not isinstance(raw, bool) and fmt.states:
        target = fmt.states.get(state_key(str(raw)))
        if target == "not_found":
            raise NotFound(f"the provider says the task does not exist (status {raw!r:.40})")
        if target is not None:
            return _TARGETS[target]
    if isinstance(raw, int) and not isinstance(raw, bool):
        return None
    try:
        return normalize_state(raw)
    except BadResponse:
        if isinstance(raw, str) and raw.strip():
            return None
        raise


def _zone(offset: str) -> tzinfo | None:
    if not offset:
        return None
    sign = -1 if offset.startswith("-") else 1
    hours, minutes = int(offset[1:3]), int(offset[4:6])
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


__all__ = ["fill", "follow_up_url", "query_urls", "read_follow_up", "read_snapshot"]
