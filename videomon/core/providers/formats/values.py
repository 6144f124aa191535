"""Tolerant readers every format shares: states, progress, timestamps, envelopes, URLs, paths.

Relays built on the same gateway code vary the letter case and synonyms of states,
write progress as an integer, a float, a ``"NN%"`` string or a 0–1 fraction, give
timestamps in seconds or milliseconds, and sometimes wrap the task in an envelope
``{"code": ..., "message": ..., "data": {...}}``. These helpers absorb all of that;
anything they cannot make sense of raises `BadResponse` instead of guessing.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime, tzinfo
from typing import Any
from urllib.parse import quote, urlsplit

from videomon.core.domain.errors import BadResponse, NotFound
from videomon.core.domain.snapshot import TaskState

_STATE_WORDS: dict[str, TaskState] = {}
for _state, _words in {
    TaskState.QUEUED: (
        "", "not_start", "not_started", "notstart", "pending", "queued", "queue", "queueing",
        "queuing", "in_queue", "waiting", "submitted", "created", "scheduled", "accepted",
        "initial", "init", "new", "starting", "wait",
    ),
    TaskState.RUNNING: (
        "in_progress", "inprogress", "processing", "running", "generating", "started",
        "active", "progress", "rendering", "working", "executing", "uploading",
        "post_processing", "postprocessing", "moderating", "downloading",
    ),
    TaskState.SUCCEEDED: (
        "success", "succeeded", "succeed", "successful", "completed", "complete", "done",
        "finished", "finish", "ok", "ready",
    ),
    TaskState.FAILED: (
        "failure", "failed", "fail", "error", "errored", "cancelled", "canceled", "cancel",
        "rejected", "expired", "timeout", "timed_out", "aborted", "blocked", "banned",
    ),
}.items():
    for _word in _words:
        _STATE_WORDS[_word] = _state

_SEPARATORS = re.compile(r"[\s\-]+")


def normalize_state(raw: Any) -> TaskState:
    """Map a provider's state word (any case, any synonym) to a `TaskState`."""
    if isinstance(raw, bool) or not isinstance(raw, str):
        raise BadResponse(f"the task status is not text: {raw!r:.60}")
    key = _SEPARATORS.sub("_", raw.strip().lower())
    state = _STATE_WORDS.get(key)
    if state is None:
        raise BadResponse(f"unrecognized task status {raw.strip()!r:.60}")
    return state


#: a progress bar's line in a log (tqdm's "45%|████      | 9/20 [...]"), as Replicate's
#: SDK reads a prediction's progress: the last such line counts
_LOG_BAR = re.compile(r"^\s*(\d+)%\s*\|.+?\|\s*(\d+)/(\d+)")


def progress_from_log(logs: Any) -> float | None:
    """The percentage of the last progress-bar line in `logs`, or None."""
    if not isinstance(logs, str) or not logs:
        return None
    for line in reversed(logs.replace("\r", "\n").split("\n")):
        found = _LOG_BAR.match(line.strip())
        if found:
            return min(100.0, float(found.group(1)))
    return None


def settle(state: TaskState, progress: float | None) -> tuple[TaskState, float | None]:
    """Reconcile state and progress: a finished task is at 100 %, and a "pending" task
    that reports progress is in fact running (seed 002 nests 93 % under "pending")."""
    if state is TaskState.SUCCEEDED:
        return state, 100.0
    if state is TaskState.QUEUED and progress is not None and progress > 0:
        return TaskState.RUNNING, progress
    return state, progress


def parse_progress(value: Any, *, fraction: bool = False,
                   percent: bool = False) -> float | None:
    """Progress of any form as a percentage 0–100, or None when unknown.

    ``"45%"``, ``"45"``, ``45`` and ``45.0`` are percentages; a non-integral number
    between 0 and 1 is a fraction (``0.93`` → 93). With ``fraction=True`` (fields
    documented as fractions) every value up to 1 is a fraction; with ``percent=True``
    none is (0.5 is half a percent).
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, str):
        text = value.strip().rstrip("%").strip()
        if not text:
            return None
        try:
            number = float(text)
        except ValueError:
            return None
        is_fraction_text = "." in text and not value.strip().endswith("%")
        if is_fraction_text and 0 < number < 1 and not percent:
            number *= 100
    elif isinstance(value, int | float):
        number = float(value)
        if (fraction and 0 <= number <= 1) or (
                isinstance(value, float) and 0 < number < 1 and not percent):
            number *= 100
    else:
        return None
    if not math.isfinite(number):
        return None
    return round(min(max(number, 0.0), 100.0), 2)


def parse_timestamp(value: Any, zone: tzinfo | None = None) -> int | None:
    """Unix seconds from seconds, milliseconds, microseconds or an ISO 8601 string (a date
    without an offset is in `zone`, UTC when None)."""
    if value is None or isinstance(value, bool):
        return None
    number: float
    if isinstance(value, int | float):
        number = float(value)
    elif isinstance(value, str):
        text = value.strip()
        if not text:
            return None
        try:
            number = float(text)
        except ValueError:
            try:
                parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
            except ValueError:
                return None
            if parsed.tzinfo is None:
                parsed = parsed.replace(tzinfo=zone or UTC)
            return int(parsed.timestamp())
    else:
        return None
    if not math.isfinite(number) or number <= 0:
        return None
    while number > 1e11:  # milliseconds (or finer) since 1970
        number /= 1000
    return int(number)


_STEP = re.compile(r"([^.\[\]]+)|\[(-?\d+)\]|(\.)")


@functools.lru_cache(maxsize=4096)
def path_steps(path: str) -> tuple[str | int, ...]:
    """``"data.videos[0].url"`` → ``("data", "videos", 0, "url")``; a bare number after a
    dot (``videos.0``) indexes a list too. Raises ValueError for a malformed path."""
    steps: list[str | int] = []
    pos = 0
    expect_name = True
    while pos < len(path):
        match = _STEP.match(path, pos)
        if match is None or match.end() == pos:
            raise ValueError(f"malformed path {path!r} at character {pos + 1}")
        name, index, dot = match.groups()
        pos = match.end()
        if dot:
            if expect_name:
                raise ValueError(f"malformed path {path!r}: empty step at character "
                                 f"{match.start() + 1}")
            expect_name = True
        elif name is not None:
            if not expect_name:
                raise ValueError(f"malformed path {path!r}: missing '.' at character "
                                 f"{match.start() + 1}")
            steps.append(int(name) if name.lstrip("-").isdigit() else name)
            expect_name = False
        else:
            if expect_name and steps:
                raise ValueError(f"malformed path {path!r}: '[' after '.'")
            steps.append(int(index))
            expect_name = False
    if expect_name:
        raise ValueError(f"malformed path {path!r}: it is empty or ends with '.'")
    return tuple(steps)


def dig(obj: Any, path: str) -> Any:
    """The value at `path` (``a.b``, ``a.list[0].c``); None when any step is missing."""
    for step in path_steps(path):
        if isinstance(step, int) and isinstance(obj, list):
            obj = obj[step] if -len(obj) <= step < len(obj) else None
        elif isinstance(obj, Mapping):
            obj = obj.get(str(step))
        else:
            return None
    return obj


def first(obj: Any, *paths: str) -> Any:
    """The first value under `paths` that is not None and not an empty string."""
    for path in paths:
        value = dig(obj, path)
        if value is not None and value != "":
            return value
    return None


def text_or_none(value: Any, limit: int = 2000) -> str | None:
    """A value as stripped text (numbers too), or None for nothing/containers."""
    if value is None or isinstance(value, bool | dict | list):
        return None
    text = str(value).strip()
    return text[:limit] or None


def is_url(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    parts = urlsplit(value.strip())
    return parts.scheme in ("http", "https", "gs") and bool(parts.netloc)


def collect_urls(obj: Any, *paths: str) -> tuple[str, ...]:
    """Every video URL found under `paths`: strings, lists of strings, lists of {url}."""
    found: list[str] = []

    def add(value: Any) -> None:
        if isinstance(value, str):
            if is_url(value) and value.strip() not in found:
                found.append(value.strip())
        elif isinstance(value, list):
            for item in value:
                add(item)
        elif isinstance(value, Mapping):
            for key in ("url", "video_url", "uri", "videoUrl", "download_url"):
                if key in value:
                    add(value[key])

    for path in paths:
        add(dig(obj, path))
    return tuple(found)


_SUCCESS_CODES = {"0", "200", "success", "ok", "true", "10000"}
_NOT_FOUND_HINTS = ("not_exist", "not exist", "notfound", "not_found", "not found", "不存在",
                    "no such task", "unknown task", "invalid task")


def looks_not_found(*texts: Any) -> bool:
    blob = " ".join(str(t).lower() for t in texts if t is not None)
    return any(hint in blob for hint in _NOT_FOUND_HINTS)


def unwrap_envelope(body: Any, state_keys: Iterable[str]) -> dict[str, Any]:
    """The task object inside `body`, unwrapping ``{"code", "message", "data": {...}}``.

    An envelope that reports an error (non-success code, no task) becomes `NotFound`
    when its text says the task does not exist, else `BadResponse` carrying its message.
    """
    if not isinstance(body, dict):
        raise BadResponse(f"expected a JSON object, got {type(body).__name__}")
    keys = tuple(state_keys)
    obj: Any = body
    for _ in range(3):  # envelopes are sometimes nested twice
        if any(k in obj for k in keys):
            return obj
        inner = obj.get("data") if "data" in obj else obj.get("result")
        if isinstance(inner, list) and len(inner) == 1 and isinstance(inner[0], dict):
            inner = inner[0]
        if isinstance(inner, dict):
            obj = inner
            continue
        break
    code = obj.get("code", body.get("code"))
    message = first(obj, "message", "msg", "error.message", "error") or first(
        body, "message", "msg", "error.message", "error")
    success = obj.get("success", body.get("success"))
    failed_envelope = (success is False
                       or (code is not None and str(code).strip().lower() not in _SUCCESS_CODES))
    if failed_envelope or message is not None:
        if looks_not_found(code, message):
            raise NotFound(f"the provider says the task does not exist ({_say(code, message)})")
        raise BadResponse(f"the provider answered with an error: {_say(code, message)}")
    raise BadResponse("the response has no task status field")


def _say(code: Any, message: Any) -> str:
    parts = [str(p) for p in (code, message if not isinstance(message, dict) else None) if p]
    return ": ".join(parts)[:200] or "no details"


_MODEL_PREFIX = re.compile(r"^([A-Za-z][A-Za-z0-9._-]{1,40}):[^/]")


def model_from_id(task_id: str) -> str | None:
    """Relays prefix IDs with the model: ``sora-2:task_…`` → ``sora-2``."""
    match = _MODEL_PREFIX.match(task_id)
    return match.group(1) if match else None


def quote_id(task_id: str, *, keep_slashes: bool = False) -> str:
    """Percent-encode a task ID for one URL path segment (or several, for names with /).

    ``:`` is legal in a path segment and left as is, so ``sora-2:task_…`` reaches the
    server unchanged; everything outside RFC 3986 pchar is encoded, so the server
    decodes the path back to exactly the same ID.
    """
    safe = ":@!$&'()*+,;=-._~" + ("/" if keep_slashes else "")
    return quote(task_id, safe=safe)


def join_base(base_url: str, path: str) -> str:
    """`base_url` + `path`, dropping a version suffix the user included in the base.

    ``https://relay.example/v1`` + ``/v1/videos/x`` → ``https://relay.example/v1/videos/x``.
    """
    base = base_url.strip().rstrip("/")
    prefix = path.split("/", 2)[1] if path.startswith("/") else ""
    if prefix and base.endswith("/" + prefix):
        base = base[: -len(prefix) - 1]
    return base + path
