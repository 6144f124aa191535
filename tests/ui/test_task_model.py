"""The task table model without a window: recorded snapshots in (written to a store first,
as the engine does before a batch), roles, `dataChanged` ranges, sorting and filtering out."""

from __future__ import annotations

import copy
import dataclasses
import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.ui.helpers import change, stored
from videomon.core.domain.task import DownloadState, TrackedTask, Watch, snapshot_values
from videomon.core.providers.dialects import builtin_dialect
from videomon.ui import wording
from videomon.ui.table.model import Column, Role, TaskTableModel

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "responses"
NOW = 1_760_000_000.0


def recorded(dialect: str, name: str, ref: int, profile: str = "relay") -> TrackedTask:
    """A tracked task whose last snapshot is a recorded provider response."""
    fixture = json.loads((FIXTURES / dialect / f"{name}.json").read_text(encoding="utf-8"))
    snap = builtin_dialect(dialect).parse(fixture["body"], task_id=fixture["task_id"],
                                      base_url="https://relay.example")
    task = TrackedTask(ref, profile, fixture["task_id"], added_at=NOW - 125,
                       last_checked_at=NOW - 3, last_change_at=NOW - 3, next_poll_at=NOW + 4)
    for key, value in snapshot_values(snap).items():
        setattr(task, key, value)
    if snap.state.terminal:
        task.watch = Watch.DONE
    return task


def refs_of(model: TaskTableModel) -> list[int]:
    return [model.data(model.index(r, 0), Role.REF) for r in range(model.rowCount())]


@pytest.fixture
def model(qapp) -> TaskTableModel:  # type: ignore[no-untyped-def]
    return stored([recorded("openai", "seed001_processing", 1),
                   recorded("openai", "seed001_completed", 2),
                   recorded("tasks", "seed003_pending", 3),
                   recorded("openai", "seed001_failed", 4),
                   recorded("gemini", "gemini_running", 5, profile="veo")], now=NOW)


def cell(model: TaskTableModel, row: int, column: Column, role: int = 0) -> object:
    return model.data(model.index(row, column), role or Qt.ItemDataRole.DisplayRole)


def test_roles_from_recorded_snapshots(model: TaskTableModel) -> None:
    assert model.rowCount() == 5 and model.columnCount() == len(Column)
    assert cell(model, 0, Column.STATE) == "Running"
    assert cell(model, 0, Column.PROGRESS) == "45%"
    assert cell(model, 0, Column.PROGRESS, Role.PROGRESS) == 45.0
    assert cell(model, 0, Column.PROGRESS, Role.INDETERMINATE) is False
    assert cell(model, 1, Column.STATE) == "Succeeded"
    assert cell(model, 1, Column.PROGRESS, Role.PROGRESS) == 100.0
    assert str(cell(model, 1, Column.OUTPUT)).startswith("http")
    assert cell(model, 2, Column.PROGRESS, Role.INDETERMINATE) is True  # queued
    assert cell(model, 3, Column.STATE) == "Failed"
    assert "violat" in str(cell(model, 3, Column.OUTPUT)).lower() or cell(model, 3,
                                                                           Column.OUTPUT)
    assert cell(model, 3, Column.OUTPUT, Role.GROUP) == "failed"
    assert cell(model, 4, Column.PROVIDER) == "veo"
    created = model.task(1).snapshot.created_at  # type: ignore[union-attr]
    assert cell(model, 0, Column.ELAPSED) == wording.duration(NOW - created)
    assert cell(model, 0, Column.CHECKED) == "just now · next in 0:04"
    assert model.headerData(Column.PROGRESS, Qt.Orientation.Horizontal) == "Progress"


def test_a_placeholder_that_does_not_move_turns_indeterminate(model: TaskTableModel) -> None:
    task = copy.copy(model.task(1))
    assert task is not None
    task.last_change_at = NOW - 120
    change(model, task)
    assert cell(model, 0, Column.PROGRESS, Role.INDETERMINATE) is True
    assert "unchanged for 2:00" in str(cell(model, 0, Column.PROGRESS,
                                            Qt.ItemDataRole.ToolTipRole))


def test_changes_arrive_as_data_changed_per_contiguous_range(model: TaskTableModel) -> None:
    seen: list[tuple[int, int, int, int]] = []
    model.dataChanged.connect(lambda a, b, *_: seen.append((a.row(), a.column(),
                                                            b.row(), b.column())))
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    first, second, fourth = (copy.copy(model.task(r)) for r in (1, 2, 4))
    assert first and second and fourth
    first.progress, second.progress, fourth.progress = 60.0, 99.0, 70.0
    unchanged = copy.copy(model.task(3))
    change(model, first, second, fourth, unchanged)
    assert seen == [(0, Column.PROGRESS, 1, Column.PROGRESS),
                    (3, Column.PROGRESS, 3, Column.PROGRESS)]
    assert resets == []
    assert cell(model, 0, Column.PROGRESS) == "60%"


def test_new_rows_are_inserted_and_removed_rows_taken_out(model: TaskTableModel) -> None:
    inserted: list[tuple[int, int]] = []
    removed: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda _p, a, b: inserted.append((a, b)))
    model.rowsRemoved.connect(lambda _p, a, b: removed.append((a, b)))
    change(model, recorded("unified", "seed000_success", 9),
           recorded("unified", "seed000_failed", 10))
    assert inserted == [(5, 6)] and model.rowCount() == 7
    model.remove([2, 3, 9])
    assert removed == [(5, 5), (1, 2)]
    assert refs_of(model) == [1, 4, 5, 10]
    assert model.row_of(10) == 3


def test_filter_by_text_and_state_and_sort_by_progress(model: TaskTableModel) -> None:
    model.set_state_filter("Finished")
    assert model.rowCount() == 1
    model.set_state_filter("Active")
    assert model.rowCount() == 3
    model.set_text("VEO")
    assert model.rowCount() == 1
    model.set_text("")
    model.set_state_filter("All")
    model.sort(Column.PROGRESS, Qt.SortOrder.DescendingOrder)
    shown = [model.task(ref).progress for ref in refs_of(model)]  # type: ignore[union-attr]
    assert shown == sorted(shown, key=lambda p: -1 if p is None else p, reverse=True)
    model.sort(Column.ELAPSED, Qt.SortOrder.AscendingOrder)  # the newest first
    assert refs_of(model) == [5, 4, 3, 2, 1]


def test_elapsed_counts_from_adding_when_the_provider_gives_no_creation_time() -> None:
    task = TrackedTask(1, "p", "t", added_at=NOW - 125)
    assert wording.duration(wording.elapsed_seconds(task, NOW)) == "2:05"
    assert [wording.duration(s) for s in (0, 59, 3600, 90061)] == ["0:00", "0:59", "1:00:00",
                                                                "1d 01h"]


def test_download_column_progress_and_expiry_warning(qapp) -> None:  # type: ignore[no-untyped-def]
    from videomon.core.transfers.download_manager import TransferProgress
    from videomon.ui.look.icons import state_icons

    task = recorded("openai", "seed001_completed", 1)
    assert task.snapshot is not None
    task.snapshot = dataclasses.replace(task.snapshot, expires_at=int(NOW + 1200))
    model = stored([task], state_icons(), now=NOW)
    assert cell(model, 0, Column.DOWNLOAD) == "link expires in 20:00"
    assert cell(model, 0, Column.DOWNLOAD, Role.EXPIRES_IN) == 1200
    assert cell(model, 0, Column.DOWNLOAD, Qt.ItemDataRole.DecorationRole) is not None
    seen: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda a, b, *_: seen.append((a.column(), b.column())))
    running = copy.copy(task)
    running.download_state = DownloadState.DOWNLOADING
    change(model, running)
    model.update_progress([TransferProgress(1, 250_000, 1_000_000, 500_000.0, 1.5)])
    assert seen[-1] == (Column.DOWNLOAD, Column.DOWNLOAD)
    assert cell(model, 0, Column.DOWNLOAD) == "25% · 488 KB/s · 0:01 left"
    done = copy.copy(running)
    done.download_state = DownloadState.DONE
    change(model, done)
    assert cell(model, 0, Column.DOWNLOAD) == "saved"
    assert cell(model, 0, Column.DOWNLOAD, Role.EXPIRES_IN) is None


def test_the_progress_cell_tells_a_screen_reader_the_state(model: TaskTableModel) -> None:
    assert cell(model, 0, Column.PROGRESS, Qt.ItemDataRole.AccessibleTextRole) == "Running, 45%"
    assert cell(model, 1, Column.PROGRESS, Qt.ItemDataRole.AccessibleTextRole) == \
        "Succeeded, 100%"
    assert cell(model, 0, Column.TASK_ID, Qt.ItemDataRole.AccessibleTextRole) == \
        cell(model, 0, Column.TASK_ID)


def test_the_selection_follows_its_rows_through_sorting_filtering_and_changes(
        model: TaskTableModel) -> None:
    from PySide6.QtCore import QItemSelectionModel

    selection = QItemSelectionModel(model)

    def selected() -> set[int]:
        return {model.data(i, Role.REF) for i in selection.selectedRows()}

    flags = QItemSelectionModel.SelectionFlag
    selection.select(model.index(refs_of(model).index(2), 0), flags.Select | flags.Rows)
    model.sort(Column.PROGRESS, Qt.SortOrder.DescendingOrder)
    assert refs_of(model)[0] == 2 and selected() == {2}  # 100% first, still selected
    # a change that moves a row: task 1 reaches 100% too (ties: the later added first)
    change(model, dataclasses.replace(model.task(1), progress=100.0))
    assert refs_of(model)[:2] == [2, 1] and selected() == {2}
    model.set_text("relay")  # filtering keeps the selected row that still shows
    assert 2 in refs_of(model) and selected() == {2}
    model.set_state_filter("Failed")
    assert refs_of(model) == [4] and selected() == set()
    model.set_state_filter("All")
    model.set_text("")
    model.remove([1])
    assert 1 not in refs_of(model) and len(refs_of(model)) == 4
    change(model, recorded("unified", "seed000_success", 9))
    progress = [model.task(ref).progress for ref in refs_of(model)]  # type: ignore[union-attr]
    assert progress == sorted(progress, key=lambda p: -1 if p is None else p, reverse=True)
    assert model.row_of(9) == refs_of(model).index(9)  # it sorted in at its place


def test_painting_the_header_of_a_large_selection_does_not_ask_every_row(qapp) -> None:  # type: ignore[no-untyped-def]
    """Qt's header asks `isColumnSelected` on each paint: flags() of every selected row."""
    from videomon.ui.table.view import TaskTableView

    proxy = stored([dataclasses.replace(recorded("openai", "seed001_completed", 1),
                                        ref=ref, task_id=f"t{ref}") for ref in range(1, 3001)])
    asked = 0
    flags = proxy.flags

    def counting(index):  # type: ignore[no-untyped-def]
        nonlocal asked
        asked += 1
        return flags(index)

    proxy.flags = counting  # type: ignore[method-assign]
    view = TaskTableView(lambda tasks: None)
    view.setModel(proxy)
    view.configure({})
    view.resize(900, 400)
    view.selectAll()
    asked = 0
    view.horizontalHeader().grab()
    assert asked < 100, f"a header paint asked flags() {asked} times"
    assert len(view.selected_tasks()) == 3000
    # what a batch reads: the first of them, and every ref without decoding one
    view.clearSelection()
    view.selectAll()
    first = view.selected_tasks(100)
    assert [t.ref for t in first] == list(view.selected_refs()[:100])
    assert view.selected_count() == 3000 and len(set(view.selected_refs())) == 3000
    assert len(view.selected_tasks()) == 3000  # (the whole read when asked for)


def test_rows_of_a_provider_not_polled_say_so(model: TaskTableModel) -> None:
    seen: list[tuple[int, int, int, int]] = []
    model.dataChanged.connect(lambda a, b, *_: seen.append(
        (a.row(), b.row(), a.column(), b.column())))
    assert cell(model, 4, Column.CHECKED) == "just now · next in 0:04"
    model.set_held_profiles({"veo"})
    assert seen == [(0, 4, Column.STATE, Column.CHECKED)]  # (the view repaints what shows)
    assert cell(model, 4, Column.CHECKED) == "just now · not polled"
    assert cell(model, 0, Column.CHECKED) == "just now · next in 0:04"
    assert cell(model, 1, Column.CHECKED) == "just now"  # finished: nothing to poll anyway
    model.set_held_profiles(set())
    assert cell(model, 4, Column.CHECKED) == "just now · next in 0:04"
