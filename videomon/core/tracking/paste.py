"""Task IDs in pasted or dropped text, and which provider profile each one belongs to.

Text may hold one ID or many, separated by newlines, spaces, commas or semicolons,
bare or as full query URLs (``https://relay.example/v1/videos/sora-2:task_…``).
Words without digits ("task", "IDs:") are ignored as prose, unless the whole text is
that one token (then it is a deliberate ID such as ``my_task_name``); URLs that are no task
query, and tokens of no ID shape, are reported back instead of guessed at.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import parse_qs, unquote, urlsplit

from videomon.core.providers.profiles import Profile

_SEPARATORS = re.compile(r"[\s,;，、；]+")
_TRIM = "\"'`()[]<>{}.。:：!?！？"
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_\-:.]{5,199}$")
_GEMINI = re.compile(r"^(?:models/[^/\s]+/)?operations/[^/\s]+$")
#: query paths of every dialect: the ID is what follows the prefix
_URL_SHAPES = (
    re.compile(r"/v1beta/(?P<id>(?:models/[^/]+/)?operations/[^/?#]+)"),
    re.compile(r"/v2/videos/generations/(?P<id>[^/?#]+)"),
    re.compile(r"/v1/videos/tasks/(?P<id>[^/?#]+)"),
    re.compile(r"/v1/videos/(?P<id>[^/?#]+?)(?:/content)?/?$"),
)
_QUERY_KEYS = ("task_id", "taskId", "id")


@dataclass(frozen=True, slots=True)
class PastedId:
    task_id: str
    host: str | None = None  # the host of the URL it came from


@dataclass(slots=True)
class PasteResult:
    ids: list[PastedId] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)  # URLs or tokens of no ID shape


def parse_pasted(text: str) -> PasteResult:
    """Every task ID in `text`, in order, without repeats."""
    result = PasteResult()
    seen: set[str] = set()
    whole = (text or "").strip().strip(_TRIM)
    if whole and _SEPARATORS.search(whole) is None and "://" not in whole \
            and _ID.match(whole) and re.search(r"[A-Za-z]", whole):
        # one deliberate token of ID characters is an ID, digits or not (my_task_name);
        # the digit rule is for telling IDs from the words of a pasted sentence
        result.ids.append(PastedId(whole))
        return result
    for raw in _SEPARATORS.split(text or ""):
        token = raw.strip(_TRIM)
        if not token:
            continue
        found = _from_url(token) if "://" in token else _from_token(token)
        if found is None:
            if "://" in token or _looks_like_an_attempt(token):
                result.rejected.append(token)
            continue
        if found.task_id not in seen:
            seen.add(found.task_id)
            result.ids.append(found)
    return result


def _from_token(token: str) -> PastedId | None:
    if _GEMINI.match(token):
        return PastedId(token)
    if _ID.match(token) and re.search(r"\d", token) and re.search(r"[A-Za-z]", token):
        return PastedId(token)
    return None


def _looks_like_an_attempt(token: str) -> bool:
    """A token with digits and letters that is still no ID (prose is ignored silently)."""
    return bool(re.search(r"\d", token) and re.search(r"[A-Za-z]", token) and len(token) >= 6)


def _from_url(token: str) -> PastedId | None:
    parts = urlsplit(token)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    path = unquote(parts.path)
    for shape in _URL_SHAPES:
        match = shape.search(path)
        if match:
            found = _from_token(match.group("id"))
            if found is not None:
                return PastedId(found.task_id, parts.hostname.lower())
    query = parse_qs(parts.query)
    for key in _QUERY_KEYS:
        for value in query.get(key, []):
            found = _from_token(value.strip())
            if found is not None:
                return PastedId(found.task_id, parts.hostname.lower())
    return None


@dataclass(frozen=True, slots=True)
class Assignment:
    """Which profile a pasted ID goes to, and whether that was a guess."""

    task_id: str
    profile: str
    guessed: bool  # True: no URL host or ID shape decided it (the user may change it)


def assign_profiles(ids: Sequence[PastedId], profiles: Sequence[Profile],
                    last_used: str | None) -> list[Assignment]:
    """The only profile; else the profile whose host is in the ID's URL; else the one the
    ID's shape implies; else the last used (or first) profile, marked as a guess."""
    if not profiles:
        return []
    names = [p.name for p in profiles]
    fallback = last_used if last_used in names else names[0]
    if len(profiles) == 1:
        return [Assignment(i.task_id, names[0], False) for i in ids]
    by_host: dict[str, str] = {}
    for profile in profiles:
        host = (urlsplit(profile.base_url).hostname or "").lower()
        by_host.setdefault(host, profile.name)
    out = []
    for pasted in ids:
        if pasted.host and pasted.host in by_host:
            out.append(Assignment(pasted.task_id, by_host[pasted.host], False))
            continue
        dialect = _dialect_from_shape(pasted.task_id)
        if dialect is not None:
            matching = [p.name for p in profiles if p.dialect == dialect]
            if matching:
                choice = fallback if fallback in matching else matching[0]
                out.append(Assignment(pasted.task_id, choice, len(matching) > 1))
                continue
        out.append(Assignment(pasted.task_id, fallback, True))
    return out


def _dialect_from_shape(task_id: str) -> str | None:
    if _GEMINI.match(task_id):
        return "gemini"
    if task_id.startswith("video_"):
        return "openai"  # OpenAI's own video IDs
    return None
