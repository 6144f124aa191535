"""The error taxonomy: every way a task lookup can fail, with its CLI exit status.

Messages are written for people and never contain an API key: `redact()` scrubs
any secret known to the caller before text from a server reaches a message.
"""

from __future__ import annotations

import enum
import json
import re


class ProblemKind(enum.StrEnum):
    NOT_FOUND = "not_found"
    AUTH = "auth"
    RATE_LIMITED = "rate_limited"
    SERVER = "server"
    NETWORK = "network"
    BAD_RESPONSE = "bad_response"

    @property
    def exit_code(self) -> int:
        return _EXIT_CODES[self]


#: the notes on an answer that was read (stored as a problem kind, beside `ProblemKind`'s
#: failed lookups): a status word no map knows; a finished task without its video link
UNKNOWN_STATUS, NO_LINK = "unknown_status", "no_link"

_EXIT_CODES = {
    ProblemKind.NOT_FOUND: 3,
    ProblemKind.AUTH: 4,
    ProblemKind.RATE_LIMITED: 5,
    ProblemKind.SERVER: 5,
    ProblemKind.NETWORK: 5,
    ProblemKind.BAD_RESPONSE: 6,
}

BODY_EXCERPT_CHARS = 200


class VideomonError(Exception):
    """Base of every error videomon reports to the user."""


class ConfigError(VideomonError):
    """Bad configuration or usage (unknown profile, invalid URL, ...); `field` names the
    profile field at fault (name, base_url, auth, interval, max_concurrency, proxy)."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class CredentialError(VideomonError):
    """The key could not be stored or read (no keyring backend, locked, timeout)."""


class LookupProblem(VideomonError):
    """A task lookup failed; `kind` says how, `message` says it in words."""

    kind: ProblemKind = ProblemKind.BAD_RESPONSE

    def __init__(self, message: str, *, status: int | None = None,
                 retry_after: float | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.retry_after = retry_after

    def to_json(self) -> dict[str, str]:
        return {"kind": self.kind.value, "message": self.message}


class NotFound(LookupProblem):
    kind = ProblemKind.NOT_FOUND


class AuthRejected(LookupProblem):
    kind = ProblemKind.AUTH


class RateLimited(LookupProblem):
    kind = ProblemKind.RATE_LIMITED


class ServerError(LookupProblem):
    kind = ProblemKind.SERVER


class NetworkError(LookupProblem):
    kind = ProblemKind.NETWORK


class BadResponse(LookupProblem):
    kind = ProblemKind.BAD_RESPONSE


_LEAD_AND_DETAIL = re.compile(r"^[a-z][a-z ,']+ \((?P<detail>.+)\)$", re.DOTALL)


_HTTP_JSON = re.compile(r"^(?P<status>HTTP \d{3}): (?P<body>[\[{].*)$", re.DOTALL)


def problem_detail(message: str) -> str:
    """A problem's message without the words that name its kind, and a JSON error body cut
    to what it says: "the provider does not know this task (HTTP 404: {"error":
    {"message": "Video not found"}})" gives "HTTP 404: Video not found", for a window that
    shows its own (translated) headline first. Other messages are returned as they are."""
    match = _LEAD_AND_DETAIL.match(message.strip())
    detail = match.group("detail") if match else message
    http = _HTTP_JSON.match(detail)
    if http:
        said = _said(http.group("body"))
        if said:
            return f"{http.group('status')}: {said}"
    return detail


def _said(body: str) -> str | None:
    """The message of a JSON error body ({"error": {"message"}}, {"message"}, …)."""
    try:
        data = json.loads(body)
    except ValueError:
        return None
    for _ in range(3):  # {"error": {"message": …}} and envelopes of it
        if not isinstance(data, dict):
            return data if isinstance(data, str) and data.strip() else None
        inner = data.get("error")
        if isinstance(inner, (dict, str)) and inner:
            data = inner
            continue
        for key in ("message", "msg", "detail", "error_description"):
            if isinstance(data.get(key), str) and data[key].strip():
                return data[key].strip()
        return None
    return None


PROBLEM_CLASSES: dict[ProblemKind, type[LookupProblem]] = {
    cls.kind: cls for cls in (NotFound, AuthRejected, RateLimited, ServerError, NetworkError,
                              BadResponse)
}

_BEARERISH = re.compile(
    r"(?i)\b(bearer|sk|key|token|api[_-]?key)([\s:=\"'-]+)([A-Za-z0-9._\-]{12,})")


def redact(text: str, secrets: tuple[str | None, ...] = ()) -> str:
    """Remove every known secret from `text`, plus things that look like bearer keys."""
    for secret in secrets:
        if secret and len(secret) >= 4:
            text = text.replace(secret, "***")
    return _BEARERISH.sub(lambda m: f"{m.group(1)}{m.group(2)}***", text)


def excerpt(body: bytes | str, secrets: tuple[str | None, ...] = ()) -> str:
    """The first 200 characters of a response body, on one line, secrets removed."""
    if isinstance(body, bytes):
        body = body.decode("utf-8", errors="replace")
    text = " ".join(body.split())
    text = redact(text, secrets)
    if len(text) > BODY_EXCERPT_CHARS:
        text = text[:BODY_EXCERPT_CHARS] + "…"
    return text


def problem_of_kind(kind: ProblemKind | str, message: str) -> LookupProblem:
    """The problem a stored (kind, message) pair stands for."""
    for cls in (NotFound, AuthRejected, RateLimited, ServerError, NetworkError, BadResponse):
        if cls.kind == kind:
            return cls(message)
    return BadResponse(message)
