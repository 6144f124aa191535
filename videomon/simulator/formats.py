"""Any data format, simulated: routes from its URL templates, answers built from its paths.

The hand-written dialects (openai, unified, tasks, gemini) keep their realistic bodies in
`relay`; every other format (the native vendor ones and the user's own) is answered by
writing each value at the first path the format reads it from, so the simulator speaks
every format videomon knows, including ones made after this code was written.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote

from videomon.core.providers.dialects import BUILTIN_DIALECTS, Dialect, FormatRegistry
from videomon.core.providers.dialects.formatted import FormatDialect
from videomon.core.providers.formats.spec import Format

HAND_WRITTEN = ("openai", "unified", "tasks", "gemini")


@dataclass(frozen=True)
class Route:
    fmt: Format
    pattern: re.Pattern[str]
    follow_up: bool  # the second request (a file ID -> its URL)
    literal: int     # characters that are not placeholders: the more, the more specific


def _pattern(template: str, slashes: bool) -> tuple[re.Pattern[str], int]:
    rest = template.removeprefix("{base}")
    parts = re.split(r"(\{[a-z_]+\})", rest)
    out, literal = [], 0
    for part in parts:
        match = re.fullmatch(r"\{([a-z_]+)\}", part)
        if match:
            out.append(f"(?P<{match.group(1)}>{'.+?' if slashes else '[^/?&]+'})")
        else:
            out.append(re.escape(part))
            literal += len(part)
    return re.compile("^" + "".join(out) + "$"), literal


#: the formats a simulated relay speaks: the built-in ones, or a registry's (the user's too)
Formats = FormatRegistry | Mapping[str, Dialect]


def routes(formats: Formats = BUILTIN_DIALECTS) -> list[Route]:
    """Every simulated data format's query and follow-up routes, most specific first."""
    found: list[Route] = []
    for name, dialect in formats.items():
        if name in HAND_WRITTEN or not isinstance(dialect, FormatDialect):
            continue
        fmt = dialect.format
        for template in (fmt.query, *fmt.also_query):
            if template.startswith("{base}"):
                pattern, literal = _pattern(template, fmt.id_has_slashes)
                found.append(Route(fmt, pattern, False, literal))
        if fmt.then is not None and fmt.then.url.startswith("{base}"):
            pattern, literal = _pattern(fmt.then.url, fmt.id_has_slashes)
            found.append(Route(fmt, pattern, True, literal))
    return sorted(found, key=lambda r: -r.literal)


def match(target: str, formats: Formats = BUILTIN_DIALECTS
          ) -> tuple[Route, dict[str, str]] | None:
    """The route for a request's path (with its query string), and its placeholders."""
    for route in routes(formats):
        found = route.pattern.match(target)
        if found:
            return route, {k: unquote(v) for k, v in found.groupdict().items()}
    return None


def put(body: dict[str, Any], path: str, value: Any) -> None:
    """Write `value` at a dotted path (``data.videos[0].url``), creating what is missing."""
    from videomon.core.providers.formats.values import path_steps

    steps = path_steps(path)
    node: Any = body
    for step, following in itertools.pairwise(steps):
        child: Any = [] if isinstance(following, int) else {}
        if isinstance(step, int):
            while len(node) <= step:
                node.append(child if len(node) == step else {})
            node = node[step]
        else:
            node = node.setdefault(step, child)
    last = steps[-1]
    if isinstance(last, int):
        while len(node) <= last:
            node.append(None)
    node[last] = value


def state_word(fmt: Format, state: str) -> str:
    """How the format says `state` (its own word when its state map has one)."""
    for word, target in fmt.states.items():
        if target == state:
            return word.upper() if fmt.name == "wan" else word
    return state


def answer(fmt: Format, task_id: str, state: str, progress: float, *, created: int,
           finished: int | None, urls: list[str], failure: tuple[str, str],
           file_token: str) -> dict[str, Any]:
    """The format's answer for a task in `state` (`file_token` for a second request)."""
    body: dict[str, Any] = {}
    put(body, fmt.paths("state")[0], state_word(fmt, state))
    if fmt.paths("progress") and state == "running":
        value: Any = round(progress / 100, 3) if fmt.progress_scale == "fraction" \
            else round(progress)
        put(body, fmt.paths("progress")[0], value)
    if fmt.paths("created"):
        put(body, fmt.paths("created")[0], created)
    if finished is not None and fmt.paths("finished"):
        put(body, fmt.paths("finished")[0], finished)
    if state == "failed":
        code, message = failure
        if fmt.paths("error"):
            put(body, fmt.paths("error")[0], message)
        if fmt.paths("error_code"):
            put(body, fmt.paths("error_code")[0], code)
    if state == "succeeded":
        if fmt.then is not None:
            for path in fmt.then.take.values():
                put(body, path, file_token)
        elif urls and fmt.paths("video_urls"):
            path = fmt.paths("video_urls")[0]
            value = [{"url": u} for u in urls] if path.endswith("videos") else \
                urls if len(urls) > 1 or path.endswith(("output", "outputs")) else urls[0]
            put(body, path, value)
    return body


def follow_up_answer(fmt: Format, urls: list[str]) -> dict[str, Any]:
    assert fmt.then is not None
    body: dict[str, Any] = {}
    put(body, fmt.then.video_urls[0], urls[0] if urls else None)
    return body
