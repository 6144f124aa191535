"""Handing the list on: one record per task (what `list --json` prints and an export
holds), CSV and JSON exports written as they are read, and a JSON export read into
another installation (tasks, titles, notes, tags, stars and what the provider said;
never a key), skipping the tasks already tracked there."""

from __future__ import annotations

import csv
import json
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO, Any

from videomon.core.domain.annotation import Annotation
from videomon.core.domain.errors import ConfigError
from videomon.core.domain.snapshot import Snapshot, TaskState
from videomon.core.domain.task import TrackedTask, Watch
from videomon.core.tracking.store import TaskStore, TaskUpdate

#: what an export's JSON says it is (an import checks it)
KIND = "videomon-export"
VERSION = 1
#: the CSV's columns, in order (a spreadsheet's view of `record`)
CSV_COLUMNS = ("task_id", "profile", "title", "prompt", "tags", "starred", "notes", "state",
               "progress", "model", "size", "duration", "seed", "cost", "cost_unit",
               "added_at", "created_at", "finished_at", "video_url", "download_paths",
               "error")


def record(task: TrackedTask, dialect: str | None = None) -> dict[str, Any]:
    """A task as one JSON object: the `status --json` fields, then how it is followed and
    what the user said about it (`list --json`, and each task of an export)."""
    snapshot = task.snapshot or Snapshot(task.task_id, dialect or "", task.state,
                                         task.progress)
    data: dict[str, Any] = snapshot.to_json()
    if task.snapshot is None:
        data["dialect"] = dialect  # (null when its profile is gone)
    data.update({"profile": task.profile, "state": task.status, "added_at": task.added_at,
                 "watch": task.watch.value,
                 "download_state": task.download_state.value if task.download_state else None,
                 "download_paths": list(task.download_paths),
                 "title": task.title, "notes": task.notes, "tags": list(task.tags),
                 "starred": task.starred})
    if task.problem_kind:
        data["problem"] = {"kind": task.problem_kind, "message": task.problem_message}
    return data


def csv_row(data: dict[str, Any]) -> list[str]:
    """A record as the CSV's cells (lists joined by ``; ``, times as ISO dates)."""
    cells = []
    for column in CSV_COLUMNS:
        if column == "video_url":
            value: Any = (data.get("video_urls") or [""])[0]
        else:
            value = data.get(column)
        if isinstance(value, list):
            value = "; ".join(str(v) for v in value)
        elif isinstance(value, bool):
            value = "yes" if value else ""
        elif column.endswith("_at") and isinstance(value, int | float):
            value = time.strftime("%Y-%m-%dT%H:%M:%S%z", time.localtime(value))
        cells.append("" if value is None else str(value))
    return cells


def write_csv(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    """Write the records as CSV (a header row first); returns how many."""
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    count = 0
    for data in records:
        writer.writerow(csv_row(data))
        count += 1
    return count


def write_json(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    """Write an export (``{"kind", "version", "exported_at", "tasks": [...]}``), one task
    per line as it is read; returns how many."""
    out.write(f'{{"kind": "{KIND}", "version": {VERSION}, '
              f'"exported_at": {int(time.time())}, "tasks": [')
    count = 0
    for data in records:
        out.write(("\n" if count == 0 else ",\n") + json.dumps(data, ensure_ascii=False))
        count += 1
    out.write("\n]}\n")
    return count


@dataclass(slots=True)
class ImportOutcome:
    """What an import did: tasks added, already tracked, records it could not read, and
    the providers it names that this installation has no profile for."""

    added: list[TrackedTask] = field(default_factory=list)
    already: int = 0
    unreadable: int = 0
    unknown_profiles: set[str] = field(default_factory=set)


def read_export(text: str) -> list[dict[str, Any]]:
    """The task records of an export (or of `list --json` lines); `ConfigError` says why
    not."""
    try:
        data = json.loads(text)
    except ValueError:
        try:  # `videomon list --json`: one object per line
            data = {"kind": KIND, "tasks": [json.loads(line) for line in text.splitlines()
                                            if line.strip()]}
        except ValueError as exc:
            raise ConfigError(f"this is not a videomon export (not JSON: {exc})") from None
    if isinstance(data, list):
        data = {"kind": KIND, "tasks": data}
    if not isinstance(data, dict) or data.get("kind") != KIND \
            or not isinstance(data.get("tasks"), list):
        raise ConfigError("this is not a videomon export (no \"tasks\" list)")
    if int(data.get("version") or VERSION) > VERSION:
        raise ConfigError("this export was written by a newer videomon; upgrade videomon")
    return [t for t in data["tasks"] if isinstance(t, dict)]


def import_records(store: TaskStore, records: Iterable[dict[str, Any]],
                   profiles: Iterable[str] | None = None, now: float | None = None
                   ) -> ImportOutcome:
    """Track the exported tasks not tracked here yet, each with what the provider last
    said and what the user said about it; finished ones stay finished, the others are
    polled. Files are not carried over (they are on the other machine)."""
    now = time.time() if now is None else now
    outcome = ImportOutcome()
    known = None if profiles is None else set(profiles)
    by_profile: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for data in records:
        task_id, profile = data.get("task_id"), data.get("profile")
        if not isinstance(task_id, str) or not task_id.strip() or not isinstance(
                profile, str) or not profile.strip():
            outcome.unreadable += 1
            continue
        by_profile.setdefault(profile, []).append((task_id.strip(), data))
    for profile, items in by_profile.items():
        if known is not None and profile not in known:
            outcome.unknown_profiles.add(profile)
        added = store.add_many(profile, [task_id for task_id, _ in items], now=now)
        fresh = {t.task_id: t for t in added}
        outcome.already += len(items) - len(added)
        updates = [TaskUpdate(fresh[task_id].ref, _values(data), at=now)
                   for task_id, data in items if task_id in fresh]
        store.apply(updates)
        outcome.added += [t for t in (store.get(t.ref) for t in added) if t is not None]
    return outcome


def _values(data: dict[str, Any]) -> dict[str, Any]:
    """A record's columns for the task it becomes: the provider's answer and the user's
    words (a record that does not read as a snapshot brings only the user's words)."""
    change = Annotation.made(
        title=_text(data.get("title")), notes=_text(data.get("notes")),
        starred=bool(data.get("starred")),
        tags=[t for t in data.get("tags") or [] if isinstance(t, str)])
    values = change.values(())
    try:
        snapshot = Snapshot.from_json({**data, "state": _state(data)})
    except (KeyError, TypeError, ValueError):
        return values
    values.update({"state": snapshot.state, "progress": snapshot.progress,
                   "snapshot": snapshot})
    if snapshot.state.terminal:
        values["watch"] = Watch.DONE
    return values


def _state(data: dict[str, Any]) -> str:
    state = data.get("state")
    return "queued" if state == "not_found" or state not in set(TaskState) else str(state)


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def records_of(tasks: Iterator[TrackedTask], dialects: dict[str, str]
               ) -> Iterator[dict[str, Any]]:
    """`record` for each task as it is read (a stream: memory stays flat)."""
    for task in tasks:
        yield record(task, dialects.get(task.profile))
