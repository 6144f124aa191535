"""The simulated relay's account lists: every format with a list request answers it over
the tasks the relay knows of that format (newest first, paged as the format pages, the
time window honoured), built from the format's own paths like its single answers."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

from videomon.core.providers.formats.list_reader import item_format
from videomon.core.providers.formats.list_spec import ListSpec
from videomon.core.providers.formats.spec import Format
from videomon.simulator import formats as sim_formats
from videomon.simulator.relay import Relay, SimTask

#: formats whose list is new-api's task log: one log of the relay's tasks of them all
NEW_API_FAMILY = ("unified", "tasks", "kling-relay")


def list_format(path: str, formats: sim_formats.Formats) -> tuple[Format, int] | None:
    """The format whose list URL (or one of its `also` URLs) has this path."""
    for _name, dialect in formats.items():
        fmt = dialect.list_format
        if fmt is None:
            continue
        for which, template in enumerate((fmt.listing.url, *fmt.listing.also)):
            if template.startswith("{base}") and \
                    urlsplit(template.removeprefix("{base}")).path == path:
                return fmt, which
    return None


def _params(template: str) -> dict[str, str]:
    """Which query parameter carries each placeholder ({limit} -> "limit", …)."""
    query = urlsplit(template.removeprefix("{base}")).query
    return {value.strip("{}"): name for name, value in parse_qsl(query)
            if value.startswith("{")}


def answer(fmt: Format, which: int, query: str, relay: Relay, base_url: str,
           urls: Any) -> dict[str, Any]:
    """One page of the account's list, as `fmt` writes it."""
    spec = fmt.listing
    assert spec is not None
    template = (spec.url, *spec.also)[which]
    names = _params(template)
    asked = dict(parse_qsl(query))
    limit = int(asked.get(names.get("limit", ""), spec.page_size) or spec.page_size)
    family = NEW_API_FAMILY if fmt.name in NEW_API_FAMILY else (fmt.name,)
    path = urlsplit(template.removeprefix("{base}")).path
    model = re.search(r"/models/([^/]+)/operations$", path)  # (Gemini lists per model)
    tasks = sorted((t for (d, _), t in relay.tasks.items() if d in family and (
        model is None or t.task_id.startswith(f"models/{model.group(1)}/"))),
        key=lambda t: (-t.created, t.task_id))
    since = _moment(asked.get(names.get("since", "")), spec)
    until = _moment(asked.get(names.get("until", "")), spec)
    tasks = [t for t in tasks if (since is None or relay.wall(t.created) >= since)
             and (until is None or relay.wall(t.created) <= until)]
    start = _start(spec, asked, names, tasks, limit)
    page = tasks[start:start + limit]
    more = start + limit < len(tasks)
    body: dict[str, Any] = {}
    reading = item_format(fmt)
    sim_formats.put(body, spec.items[0], [_item(reading, spec, t, relay, urls) for t in page])
    if spec.more:
        sim_formats.put(body, spec.more[0], more)
    if spec.paging == "cursor" and spec.next:
        sim_formats.put(body, spec.next[0], page[-1].task_id if page else None)
    elif spec.paging == "next_url":
        sim_formats.put(body, spec.next[0], f"{base_url}{path}?" + urlencode(
            {"cursor": start + limit}) if more else None)
    return body


def _start(spec: ListSpec, asked: dict[str, str], names: dict[str, str],
           tasks: list[SimTask], limit: int) -> int:
    if spec.paging == "cursor":
        after = asked.get(names.get("cursor", ""))
        ids = [t.task_id for t in tasks]
        return ids.index(after) + 1 if after in ids else 0
    if spec.paging == "offset":
        return int(asked.get(names.get("offset", ""), 0) or 0)
    if spec.paging == "page":
        return (int(asked.get(names.get("page", ""), 1) or 1) - 1) * limit
    return int(asked.get("cursor", 0) or 0)  # next_url: the simulator's own cursor


def _moment(value: str | None, spec: ListSpec) -> float | None:
    if not value:
        return None
    return int(value) / 1000 if spec.since == "ms" else float(value)


def _item(reading: Format, spec: ListSpec, task: SimTask, relay: Relay, urls: Any) -> Any:
    state, progress = task.phase(relay.now())
    finished = task.finished_at(relay.wall_start, relay.speed) \
        if state in ("succeeded", "failed") else None
    item = sim_formats.answer(reading, task.task_id, state, progress,
                              created=relay.wall(task.created), finished=finished,
                              urls=urls(task) if state == "succeeded" else [],
                              failure=task.failure, file_token="")
    sim_formats.put(item, spec.id[0], task.task_id)
    if spec.created:
        sim_formats.put(item, spec.created[0], relay.wall(task.created))
    if task.prompt and reading.paths("prompt"):
        sim_formats.put(item, reading.paths("prompt")[0], task.prompt)
    return item
