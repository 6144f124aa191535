"""Helpers shared by the window's tests: waiting on the qasync loop, a window against a
simulated relay, reading a column of the table, a table model over a store of given
tasks (and batches written to it first, as the engine does), where screenshots go."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt

from tests.conftest import MemoryKeyring
from videomon.app import VideomonApp
from videomon.core.domain.task import TrackedTask
from videomon.core.providers.credentials import CredentialStore
from videomon.core.tracking.listing import TaskListing
from videomon.core.tracking.scheduler import SchedulerConfig
from videomon.core.tracking.store import TaskStore, TaskUpdate
from videomon.simulator.demo import make_world
from videomon.ui.desktop.notes import DesktopNotes
from videomon.ui.table.model import Column, Role, TaskTableModel

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"


async def until(predicate: Callable[[], bool], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("condition not reached in time")
        await asyncio.sleep(0.05)


def make_app(home: Path, base_url: str, keyring: MemoryKeyring,
             notes: DesktopNotes | None = None) -> VideomonApp:
    world = make_world(base_url, home, tasks=[("sim", "openai", "x")])
    return VideomonApp(world.paths, credentials=CredentialStore(environ={}, backend=keyring),
                       scheduler_config=SchedulerConfig(flush_interval=0.05), notes=notes)


def column(app: VideomonApp, col: Column, role: int = Qt.ItemDataRole.DisplayRole) -> dict:
    model = app.window.model
    return {model.data(model.index(r, Column.TASK_ID), Role.TASK).task_id:
            model.data(model.index(r, col), role) for r in range(model.rowCount())}


class Page:
    """The window's parts a test reads or clicks, found where they live (the window keeps
    no aliases for tests)."""

    def __init__(self, window: object) -> None:
        self.window = window

    @property
    def filter_edit(self):
        return self.window.actions.filter_edit

    @property
    def state_filter(self):
        return self.window.actions.state_filter

    @property
    def banner(self):
        return self.window.summary.banner

    @property
    def problem_label(self):
        return self.window.summary.problem_label

    @property
    def counts_label(self):
        return self.window.summary.counts_label

    @property
    def empty(self):
        return self.window.stack.empty

    @property
    def welcome(self):
        return self.window.stack.welcome


def page(window: object) -> Page:
    return Page(window)


#: what a batch can change in a stored task
CHANGING = ("state", "progress", "snapshot", "watch", "last_checked_at", "last_change_at",
            "next_poll_at", "problem_kind", "problem_message", "download_paths",
            "download_state", "download_error", "label")


def stored(tasks: list[TrackedTask], icons: dict | None = None,  # type: ignore[type-arg]
           now: float | None = None) -> TaskTableModel:
    """A table model over an in-memory store holding these tasks, loaded (`now`: the
    model's clock, fixed)."""
    store = TaskStore(Path(":memory:"))
    seen: set[tuple[str, str]] = set()
    for task in tasks:  # (several recordings answer for one ID: one row each here)
        if (task.profile, task.task_id) in seen:
            task.task_id = f"{task.task_id}-{task.ref}"
        seen.add((task.profile, task.task_id))
    store.restore(tasks)
    model = TaskTableModel(TaskListing(store), icons)
    model.store = store  # type: ignore[attr-defined]
    if now is not None:
        model.now = lambda: now
    model.load()
    return model


def change(model: TaskTableModel, *tasks: TrackedTask) -> list[TrackedTask]:
    """A batch as the engine sends one: the store written first, then the model told."""
    store: TaskStore = model.store  # type: ignore[attr-defined]
    known = {t.ref for t in store.by_refs([t.ref for t in tasks])}
    new = [t for t in tasks if t.ref not in known]
    for task in new:
        task.task_id = f"{task.task_id}-{task.ref}"
    store.restore(new)
    store.apply([TaskUpdate(t.ref, {f: getattr(t, f) for f in CHANGING}) for t in tasks
                 if t.ref in known])
    return model.upsert(list(tasks))
