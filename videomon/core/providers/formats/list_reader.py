"""Reading a format's list answers: a page's URL, its items (each a task ID, with its
state when the item carries it) and where the next page is."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from videomon.core.domain.errors import BadResponse, LookupProblem
from videomon.core.domain.snapshot import Snapshot
from videomon.core.providers.formats.list_spec import ListSpec
from videomon.core.providers.formats.reader import fill, first_text, read_snapshot
from videomon.core.providers.formats.spec import Format
from videomon.core.providers.formats.values import first, parse_timestamp


@dataclass(frozen=True, slots=True)
class Listed:
    task_id: str
    #: the task's state when the item carries it (`ListSpec.full`), else None
    snapshot: Snapshot | None = None
    created: int | None = None


@dataclass(frozen=True, slots=True)
class Page:
    items: tuple[Listed, ...]
    #: the next page's cursor, offset, page number or URL; None after the last page
    next: str | None


@dataclass(frozen=True, slots=True)
class Window:
    """The time the list is asked about (Unix seconds; None: no bound)."""

    since: float | None = None
    until: float | None = None


def page_url(fmt: Format, base_url: str, *, which: int = 0, at: str | None = None,
             window: Window | None = None) -> str:
    """The URL of a page: the first (`at` None) or the one `at` names (a cursor, an
    offset, a page number, or — `next_url` paging — the URL itself)."""
    spec, window = _spec(fmt), window or Window()
    if at is not None and spec.paging == "next_url":
        return at
    template = (spec.url, *spec.also)[which]
    values = {"limit": str(spec.page_size), "cursor": "", "offset": "0", "page": "1",
              "since": _time(window.since, spec), "until": _time(window.until, spec)}
    if at is not None:
        values[spec.paging] = at  # (the placeholder is named as the paging)
    return _drop_empty(fill(template, base_url, values))


def read_page(fmt: Format, body: Any, *, base_url: str, at: str | None = None) -> Page:
    """One list answer; `BadResponse` when it is no list (an HTML page, an error)."""
    spec = _spec(fmt)
    if not isinstance(body, dict | list):
        raise BadResponse(f"the list answer is not a JSON object, but {type(body).__name__}")
    raw_items = first(body, *spec.items) if isinstance(body, dict) else body
    if raw_items is None and isinstance(body, dict):
        for key in ("data", "result"):  # (an envelope around the list)
            inner = body.get(key)
            if isinstance(inner, dict):
                raw_items = first(inner, *spec.items)
                body = inner if raw_items is not None else body
    if not isinstance(raw_items, list):
        raise BadResponse("the list answer has no list of tasks under "
                          + " or ".join(spec.items))
    reading = item_format(fmt) if spec.full else fmt
    items = [listed for listed in (_item(reading, spec, item, base_url) for item in raw_items)
             if listed is not None]  # (an item without a task ID is none)
    return Page(tuple(items), _next(spec, body, items, len(raw_items), at))


def item_format(fmt: Format) -> Format:
    """The format an item of its list is read with: the list's own fields over the
    format's, the list's own status words instead of the format's where it has some."""
    spec = _spec(fmt)
    return dataclasses.replace(fmt, fields={**fmt.fields, **spec.fields},
                               states=spec.states or fmt.states, then=None)


def _item(reading: Format, spec: ListSpec, item: Any, base_url: str) -> Listed | None:
    if not isinstance(item, dict):
        return None
    task_id = first_text(item, *spec.id)
    if not task_id:
        return None
    created = parse_timestamp(first(item, *spec.created)) if spec.created else None
    snapshot = None
    if spec.full:
        try:
            snapshot = read_snapshot(reading, item, task_id=task_id, base_url=base_url)
        except LookupProblem:
            snapshot = None  # (asked on its own, as a pasted task is)
        if snapshot is not None and created is None:
            created = snapshot.created_at
    return Listed(task_id, snapshot, created)


def _next(spec: ListSpec, body: Any, items: list[Listed], count: int,
          at: str | None) -> str | None:
    more = first(body, *spec.more) if spec.more and isinstance(body, dict) else None
    if more is False or count == 0:
        return None
    full_page = count >= spec.page_size
    if spec.paging in ("cursor", "next_url"):
        found = first_text(body, *spec.next) if isinstance(body, dict) else None
        if found is None and spec.paging == "cursor" and more is True and items:
            found = items[-1].task_id  # (OpenAI: after=the last item's ID)
        return found
    if more is None and not full_page:
        return None
    if spec.paging == "offset":
        return str(int(at or 0) + count)
    return str(int(at or 1) + 1)


def _spec(fmt: Format) -> ListSpec:
    if fmt.listing is None:
        raise BadResponse(f"the {fmt.name} format has no list request")
    return fmt.listing


def _time(moment: float | None, spec: ListSpec) -> str:
    if moment is None or not spec.since:
        return ""
    return str(int(moment * 1000)) if spec.since == "ms" else str(int(moment))


def _drop_empty(url: str) -> str:
    """Leave out query parameters that came out empty (no cursor yet, no time bound)."""
    parts = urlsplit(url)
    if not parts.query:
        return url
    kept = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if v != ""]
    return urlunsplit(parts._replace(query=urlencode(kept)))


__all__ = ["Listed", "Page", "Window", "item_format", "page_url", "read_page"]
