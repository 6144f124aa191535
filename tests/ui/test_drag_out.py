"""Dragging finished videos out of the table with the mouse, as a person does: press on a
row, move past the drag distance; the drag must start (not a rubber-band selection) and
carry the saved files as `text/uri-list` copies."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QDrag
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication

from tests.ui.helpers import stored
from videomon.core.domain.snapshot import Snapshot, TaskState
from videomon.core.domain.task import DownloadState, TrackedTask
from videomon.ui.table import view as task_view
from videomon.ui.table.view import TaskTableView

NOW = 1_760_000_000.0


class RecordingDrag(QDrag):
    """Stands in for `QDrag`: records what would be dragged instead of running the
    platform's modal drag loop."""

    started: ClassVar[list[RecordingDrag]] = []

    def exec(self, *actions: Any) -> Qt.DropAction:  # type: ignore[override]
        self.actions = actions
        self.urls = [u.toLocalFile() for u in self.mimeData().urls()]
        self.text = self.mimeData().text()
        self.pixmap_size = self.pixmap().size()
        RecordingDrag.started.append(self)
        return Qt.DropAction.CopyAction


@pytest.fixture
def drags(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[RecordingDrag]]:
    RecordingDrag.started = []
    monkeypatch.setattr(task_view, "QDrag", RecordingDrag)
    yield RecordingDrag.started


def task(ref: int, state: TaskState, *, saved: Path | None = None) -> TrackedTask:
    urls = (f"https://cdn.example/v/{ref}.mp4",) if state is TaskState.SUCCEEDED else ()
    snap = Snapshot(f"video_{ref}", "openai", state, video_urls=urls)
    return TrackedTask(ref, "relay", f"video_{ref}", added_at=NOW, state=state,
                       progress=100 if state is TaskState.SUCCEEDED else 40, snapshot=snap,
                       download_paths=(str(saved),) if saved else (),
                       download_state=DownloadState.DONE if saved else None)


@pytest.fixture
def view(qapp: QApplication, tmp_path: Path) -> Iterator[tuple[TaskTableView, list]]:
    files = []
    for n in (1, 2):
        path = tmp_path / f"clip {n}.mp4"
        path.write_bytes(b"video %d" % n)
        files.append(path)
    pending: list[list[TrackedTask]] = []
    model = stored([task(1, TaskState.SUCCEEDED, saved=files[0]),
                    task(2, TaskState.SUCCEEDED, saved=files[1]),
                    task(3, TaskState.SUCCEEDED),          # finished, not saved yet
                    task(4, TaskState.RUNNING)])
    table = TaskTableView(pending.append)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    table.resize(700, 300)
    table.show()
    QTest.qWaitForWindowExposed(table)
    yield table, pending
    table.close()


def drag_row(table: TaskTableView, row: int, *, to_row: int | None = None,
             modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """Press on `row`, move beyond the drag distance (towards `to_row` when given),
    release — with real mouse events on the viewport. (Once a drag starts, the platform's
    drag loop takes the further moves and the release, so the view gets none of them.)"""
    viewport = table.viewport()
    start = table.visualRect(table.model().index(row, 0)).center()
    end = (table.visualRect(table.model().index(to_row, 0)).center() if to_row is not None
           else start + QPoint(4 * QApplication.startDragDistance() + 40, 0))
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, modifier, start)
    before = len(RecordingDrag.started)
    for step in range(1, 6):
        QTest.mouseMove(viewport, start + (end - start) * step / 5)
        if len(RecordingDrag.started) > before:
            return
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, modifier, end)


def test_pressing_a_saved_row_and_moving_starts_a_file_drag(
        view: tuple[TaskTableView, list], drags: list[RecordingDrag], tmp_path: Path) -> None:
    table, pending = view
    drag_row(table, 0)
    assert len(drags) == 1, "a drag started (not a rubber-band selection)"
    assert drags[0].urls == [str(tmp_path / "clip 1.mp4")]
    assert drags[0].text == "https://cdn.example/v/1.mp4"
    assert Qt.DropAction.CopyAction in drags[0].actions
    assert not drags[0].pixmap_size.isEmpty()  # a card under the cursor
    assert pending == []


def test_dragging_from_an_already_selected_row_carries_the_whole_selection(
        view: tuple[TaskTableView, list], drags: list[RecordingDrag], tmp_path: Path) -> None:
    table, _ = view
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier,
                     table.visualRect(table.model().index(0, 0)).center())
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.ControlModifier,
                     table.visualRect(table.model().index(1, 0)).center())
    assert len(table.selected_tasks()) == 2
    drag_row(table, 1)  # press on a selected row: the selection must not collapse
    assert len(drags) == 1
    assert sorted(drags[0].urls) == sorted(str(tmp_path / f"clip {n}.mp4") for n in (1, 2))
    assert len(table.selected_tasks()) == 2


def test_dragging_a_finished_row_not_saved_yet_starts_its_download(
        view: tuple[TaskTableView, list], drags: list[RecordingDrag]) -> None:
    table, pending = view
    drag_row(table, 2)
    assert drags == []  # nothing to drop yet
    assert [[t.ref for t in batch] for batch in pending] == [[3]]


def test_pressing_an_active_row_and_moving_selects_instead(
        view: tuple[TaskTableView, list], drags: list[RecordingDrag]) -> None:
    table, pending = view
    drag_row(table, 3, to_row=2)
    assert drags == [] and pending == []
    assert sorted(t.ref for t in table.selected_tasks()) == [3, 4]  # a range selection
