"""A response format as data: where a provider's query endpoint is and where each field lives.

Built-in formats and the user's own are the same thing (`Format`), read by one reader
(`formats.reader`). A format file (TOML or JSON) looks like:

    name = "myrelay"
    summary = "My relay's own format"
    auth = "bearer"                                   # bearer | raw | none | header:NAME
    query = "{base}/v1/video/query?id={id}"           #   | prefix:WORD | kling-jwt
    also_query = []                 # tried in order while the ones before say "not found"
    headers = {}                    # extra request headers, e.g. X-Runway-Version
    progress_scale = "auto"         # auto | percent (0-100) | fraction (0-1)
    time_zone = ""                  # offset for dates written without one, e.g. "+08:00"
    default_video_url = ""          # where a finished video is when no URL is given
    default_thumbnail_url = ""      # where its picture is when no thumbnail is given
    cost_unit = ""                  # what fields.cost counts: credits, tokens, seconds…

    [fields]                        # dotted paths, list indexes as [0]; tried in order
    state = ["data.status"]
    progress = ["data.progress"]
    video_urls = ["data.videos"]
    error = ["data.fail_reason"]
    prompt = ["data.prompt"]        # optional: what the video is (prompt, size or width
    cost = ["data.usage.credits"]   #   and height, duration, seed, cost, thumbnail)

    [states]                        # the provider's words -> queued | running |
    WAITING = "queued"              #   succeeded | failed | not_found

    [then]                          # optional second request (a file ID -> its URL)
    when = "succeeded"              # succeeded | always
    url = "{base}/v1/files/retrieve?file_id={file_id}"
    take = { file_id = "file_id" }  # placeholder -> path in the first answer
    video_urls = ["file.download_url"]
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from videomon.core.domain.errors import ConfigError
from videomon.core.providers.auth import check_auth
from videomon.core.providers.formats.values import path_steps

FIELD_NAMES = ("state", "progress", "progress_fraction", "progress_log", "video_urls",
               "error", "failed_message", "failed_if", "error_code", "model", "created",
               "finished", "expires",
               # what the video is (optional: `Snapshot.ABOUT`)
               "prompt", "size", "width", "height", "duration", "seed", "cost", "thumbnail")
STATE_TARGETS = ("queued", "running", "succeeded", "failed", "not_found")
SCALES = ("auto", "percent", "fraction")
_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
_OFFSET = re.compile(r"^[+-]\d{2}:\d{2}$")
_HEADER = re.compile(r"^[A-Za-z0-9!#$%&'*+.^_`|~-]+$")


class FormatError(ConfigError):
    """A format that cannot be used; `field` names the key at fault (e.g. ``fields.state``)."""


@dataclass(frozen=True, slots=True)
class FollowUp:
    """A second request after the query, e.g. turning a file ID into a download URL."""

    url: str
    take: dict[str, str] = field(default_factory=dict)
    video_urls: tuple[str, ...] = ()
    when: str = "succeeded"


@dataclass(frozen=True, slots=True)
class Format:
    name: str
    query: str
    fields: dict[str, tuple[str, ...]]
    summary: str = ""
    auth: str = "bearer"
    also_query: tuple[str, ...] = ()
    headers: dict[str, str] = field(default_factory=dict)
    states: dict[str, str] = field(default_factory=dict)
    progress_scale: str = "auto"
    time_zone: str = ""
    default_video_url: str = ""
    default_thumbnail_url: str = ""
    cost_unit: str = ""
    then: FollowUp | None = None
    #: IDs that are multi-segment names whose ``/`` stays a separator (Gemini, fal)
    id_has_slashes: bool = False
    #: how the provider lists the account's tasks (`list_spec.ListSpec`), if it can
    listing: Any = None
    builtin: bool = field(default=False, compare=False)

    def paths(self, name: str) -> tuple[str, ...]:
        return self.fields.get(name, ())


def state_key(word: str) -> str:
    """A state word as the state maps key it: lower case, runs of space/dash as ``_``."""
    return re.sub(r"[\s\-]+", "_", word.strip().lower())


def format_from_dict(data: Mapping[str, Any], *, builtin: bool = False) -> Format:
    """Check and build a format; a `FormatError` names the first key at fault."""
    if not isinstance(data, Mapping):
        raise FormatError("a format must be a table of keys (TOML) or an object (JSON)")
    known = {"name", "summary", "auth", "query", "also_query", "headers", "progress_scale",
             "time_zone", "default_video_url", "default_thumbnail_url", "cost_unit",
             "fields", "states", "then", "id_has_slashes", "list"}
    for key in data:
        if key not in known:
            raise FormatError(f"unknown key {key!r} (known: {', '.join(sorted(known))})",
                              field=str(key))
    name = _text(data, "name", required=True)
    if not _NAME.match(name):
        raise FormatError(f"invalid format name {name!r}: use 1-40 lower-case letters, digits, "
                          "'-' or '_'", field="name")
    query = _template(data, "query", required=True, allowed={"base", "id"})
    also = tuple(_template({"also_query": u}, "also_query", allowed={"base", "id"})
                 for u in _text_list(data, "also_query"))
    auth = _text(data, "auth") or "bearer"
    try:
        check_auth(auth)
    except ConfigError as exc:
        raise FormatError(str(exc), field="auth") from None
    headers = _text_table(data, "headers")
    for header in headers:
        if not _HEADER.match(header):
            raise FormatError(f"invalid header name {header!r}", field="headers")
    paths = _field_paths(data.get("fields", {}))
    states = _state_words(data.get("states", {}))
    scale = _text(data, "progress_scale") or "auto"
    if scale not in SCALES:
        raise FormatError(f"progress_scale {scale!r}: use one of {', '.join(SCALES)}",
                          field="progress_scale")
    zone = _text(data, "time_zone")
    if zone and not _OFFSET.match(zone):
        raise FormatError(f"time_zone {zone!r}: write an offset such as +08:00",
                          field="time_zone")
    default_url = _template(data, "default_video_url", allowed={"base", "id"})
    thumbnail_url = _template(data, "default_thumbnail_url", allowed={"base", "id"})
    cost_unit = _text(data, "cost_unit")
    if len(cost_unit) > 20:
        raise FormatError("cost_unit: a short word such as credits or tokens",
                          field="cost_unit")
    then = _follow_up(data.get("then")) if data.get("then") is not None else None
    slashes = data.get("id_has_slashes", False)
    if not isinstance(slashes, bool):
        raise FormatError("id_has_slashes must be true or false", field="id_has_slashes")
    from videomon.core.providers.formats.list_spec import list_from_dict

    listing = list_from_dict(data["list"]) if data.get("list") is not None else None
    return Format(name=name, query=query, fields=paths, summary=_text(data, "summary"),
                  auth=auth, also_query=also, headers=headers, states=states,
                  progress_scale=scale, time_zone=zone, default_video_url=default_url,
                  default_thumbnail_url=thumbnail_url, cost_unit=cost_unit, then=then,
                  id_has_slashes=slashes, listing=listing, builtin=builtin)


def _field_paths(table: Any) -> dict[str, tuple[str, ...]]:
    """The [fields] table: where each field is read (a state path is required)."""
    if not isinstance(table, Mapping):
        raise FormatError("'fields' must be a table of paths", field="fields")
    paths: dict[str, tuple[str, ...]] = {}
    for key, value in table.items():
        if key not in FIELD_NAMES:
            raise FormatError(f"unknown field {key!r} (known: {', '.join(FIELD_NAMES)})",
                              field=f"fields.{key}")
        paths[key] = _paths(value, f"fields.{key}")
    if not paths.get("state"):
        raise FormatError("the format needs at least one path for the task's state",
                          field="fields.state")
    return paths


def _state_words(table: Any) -> dict[str, str]:
    """The [states] table: the provider's words → videomon's states."""
    if not isinstance(table, Mapping):
        raise FormatError("'states' must map the provider's words to states", field="states")
    states: dict[str, str] = {}
    for word, target in table.items():
        if target not in STATE_TARGETS:
            raise FormatError(f"state {word!r} maps to {target!r}; use one of: "
                              + ", ".join(STATE_TARGETS), field=f"states.{word}")
        states[state_key(str(word))] = target
    return states


def format_to_dict(fmt: Format) -> dict[str, Any]:
    """The format as plain data (what `format_from_dict` reads back), defaults left out."""
    out: dict[str, Any] = {"name": fmt.name}
    if fmt.summary:
        out["summary"] = fmt.summary
    out["auth"] = fmt.auth
    out["query"] = fmt.query
    for key in ("also_query", "headers", "default_video_url", "default_thumbnail_url",
                "cost_unit", "time_zone"):
        value = getattr(fmt, key)
        if value:
            out[key] = list(value) if isinstance(value, tuple) else value
    if fmt.progress_scale != "auto":
        out["progress_scale"] = fmt.progress_scale
    if fmt.id_has_slashes:
        out["id_has_slashes"] = True
    out["fields"] = {k: list(v) for k, v in fmt.fields.items() if v}
    if fmt.states:
        out["states"] = dict(fmt.states)
    if fmt.then is not None:
        then: dict[str, Any] = {"when": fmt.then.when, "url": fmt.then.url}
        if fmt.then.take:
            then["take"] = dict(fmt.then.take)
        then["video_urls"] = list(fmt.then.video_urls)
        out["then"] = then
    if fmt.listing is not None:
        from videomon.core.providers.formats.list_spec import list_to_dict

        out["list"] = list_to_dict(fmt.listing)
    return out


def read_format_file(path: Path) -> Format:
    """A format from a ``.toml`` or ``.json`` file; `FormatError` says what is wrong."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise FormatError(f"could not read {path}: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise FormatError(f"{path.name} is not UTF-8 text") from None
    return parse_format_text(text, json_text=path.suffix.lower() == ".json", origin=path.name)


def parse_format_text(text: str, *, json_text: bool, origin: str = "the format") -> Format:
    if json_text:
        try:
            data = json.loads(text)
        except ValueError as exc:
            raise FormatError(f"{origin} is not valid JSON: {exc}") from None
    else:
        import tomllib

        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise FormatError(f"{origin} is not valid TOML: {exc}") from None
    return format_from_dict(data)


def format_to_toml(fmt: Format) -> str:
    """The format as a TOML file (plain tables, strings and lists of strings)."""
    data = format_to_dict(fmt)
    lines: list[str] = []
    tables = {k: v for k, v in data.items() if isinstance(v, dict)}
    for key, value in data.items():
        if key not in tables:
            lines.append(f"{key} = {_toml_value(value)}")
    for key, table in tables.items():
        plain = {k: v for k, v in table.items() if not isinstance(v, dict)}
        inner = {k: v for k, v in table.items() if isinstance(v, dict)}
        lines += ["", f"[{key}]"]
        lines += [f"{_toml_key(k)} = {_toml_value(v)}" for k, v in plain.items()]
        lines += [f"{_toml_key(k)} = {_toml_inline(v)}" for k, v in inner.items()]
    return "\n".join(lines) + "\n"


# -- checks --------------------------------------------------------------------------------
def _text(data: Mapping[str, Any], key: str, *, required: bool = False) -> str:
    value = data.get(key)
    if value is None or value == "":
        if required:
            raise FormatError(f"the format needs '{key}'", field=key)
        return ""
    if not isinstance(value, str):
        raise FormatError(f"'{key}' must be text", field=key)
    return value.strip()


def _text_list(data: Mapping[str, Any], key: str) -> tuple[str, ...]:
    value = data.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise FormatError(f"'{key}' must be a list of text", field=key)
    return tuple(v.strip() for v in value if v.strip())


def _text_table(data: Mapping[str, Any], key: str) -> dict[str, str]:
    value = data.get(key, {})
    if not isinstance(value, Mapping) or not all(isinstance(v, str) for v in value.values()):
        raise FormatError(f"'{key}' must be a table of text values", field=key)
    return {str(k): v for k, v in value.items()}


def _paths(value: Any, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise FormatError(f"'{where}' must be a path or a list of paths", field=where)
    out = []
    for path in (v.strip() for v in value):
        try:
            path_steps(path)
        except ValueError as exc:
            raise FormatError(f"{where}: {exc}", field=where) from None
        out.append(path)
    return tuple(out)


def _template(data: Mapping[str, Any], key: str, *, required: bool = False,
              allowed: set[str]) -> str:
    url = _text(data, key, required=required)
    if not url:
        return ""
    if not url.startswith("{base}") and not re.match(r"^https?://", url):
        raise FormatError(f"'{key}' must start with {{base}} or http(s)://: {url!r}", field=key)
    for name in _PLACEHOLDER.findall(url):
        if name not in allowed:
            raise FormatError(f"'{key}' uses {{{name}}}; it may use "
                              + ", ".join(f"{{{a}}}" for a in sorted(allowed)), field=key)
    if "{id}" not in url and key in ("query", "also_query"):
        raise FormatError(f"'{key}' must contain {{id}} (where the task ID goes)", field=key)
    return url


def _follow_up(value: Any) -> FollowUp:
    if not isinstance(value, Mapping):
        raise FormatError("'then' must be a table", field="then")
    for key in value:
        if key not in {f.name for f in fields(FollowUp)}:
            raise FormatError(f"unknown key then.{key}", field=f"then.{key}")
    try:
        take = _text_table(value, "take")
        url = _template(value, "url", required=True, allowed={"base", "id", *take})
        when = _text(value, "when") or "succeeded"
    except FormatError as exc:
        raise FormatError(f"then: {exc}", field=f"then.{exc.field}") from None
    for placeholder, path in take.items():
        _paths(path, f"then.take.{placeholder}")
    if when not in ("succeeded", "always"):
        raise FormatError("then.when: use succeeded or always", field="then.when")
    urls = _paths(value.get("video_urls", []), "then.video_urls")
    if not urls:
        raise FormatError("then.video_urls: where the second answer has the video URL",
                          field="then.video_urls")
    return FollowUp(url=url, take=take, video_urls=urls, when=when)


def _toml_key(key: str) -> str:
    return key if re.match(r"^[A-Za-z0-9_-]+$", key) else json.dumps(key, ensure_ascii=False)


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)  # a TOML basic string is a JSON string


def _toml_inline(table: Mapping[str, Any]) -> str:
    return "{ " + ", ".join(f"{_toml_key(k)} = {_toml_value(v)}"
                            for k, v in table.items()) + " }"
