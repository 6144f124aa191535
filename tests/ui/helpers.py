"""Helpers shared by the window's tests: waiting on the qasync loop, a window against a
simulated relay, reading a column of the table, where screenshots go."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt

from tests.conftest import MemoryKeyring
from videomon.app import VideomonApp
from videomon.core.providers.credentials import CredentialStore
from videomon.core.tracking.scheduler import SchedulerConfig
from videomon.simulator.demo import make_world
from videomon.ui.table.model import Column, Role

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"


async def until(predicate: Callable[[], bool], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("condition not reached in time")
        await asyncio.sleep(0.05)


def make_app(home: Path, base_url: str, keyring: MemoryKeyring) -> VideomonApp:
    world = make_world(base_url, home, tasks=[("sim", "openai", "x")])
    return VideomonApp(world.paths, credentials=CredentialStore(environ={}, backend=keyring),
                       scheduler_config=SchedulerConfig(flush_interval=0.05))


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
