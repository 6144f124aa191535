"""The windowed table model against a reference list: random batches (rows that move,
enter and leave the filter, new rows, removals, undo) under every order and filter; the
rows shown, their cells and the selection must always be what a full re-read gives."""

from __future__ import annotations

import dataclasses
import random
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt

from tests.test_listing import fill
from videomon.core.domain.snapshot import TaskState
from videomon.core.domain.task import DownloadState, Group, TrackedTask, Watch
from videomon.core.tracking.listing import Order, Query, TaskListing
from videomon.core.tracking.store import TaskStore, TaskUpdate
from videomon.ui.table import model as model_module
from videomon.ui.table import rows as rows_module
from videomon.ui.table.model import Column, Role, TaskTableModel
from videomon.ui.table.order import ORDER_OF, STATE_FILTERS


def expected(store: TaskStore, query: Query) -> list[int]:
    """The reference: every stored task, filtered and sorted in Python."""
    chosen = [t for t in store.all() if query.matches(t)]
    return [t.ref for t in sorted(chosen, key=query.key, reverse=query.descending)]


def shown(model: TaskTableModel) -> list[int]:
    return [model.data(model.index(r, 0), Role.REF) for r in range(model.rowCount())]


def changed(rng: random.Random, task: TrackedTask) -> TrackedTask:
    """A plausible change of a stored task (progress, state, watch or download)."""
    values = rng.choice([
        {"progress": rng.choice([None, 5.0, 50.0, 99.0])},
        {"state": rng.choice(list(TaskState)), "watch": rng.choice(list(Watch))},
        {"download_state": rng.choice([None, *DownloadState])},
        {"last_checked_at": float(rng.randint(100, 400))},
        {"label": rng.choice([None, "corgi", "Zebra at dusk"])},
    ])
    return dataclasses.replace(task, **values)


@pytest.fixture
def store(tmp_path: Path) -> TaskStore:
    s = TaskStore(tmp_path / "tasks.db")
    fill(s, 240, seed=3)
    yield s
    s.close()


@pytest.mark.parametrize("seed", range(12))
def test_random_batches_keep_the_rows_and_the_selection_right(
        qapp, store: TaskStore, seed: int, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(rows_module, "BLOCK", 16)  # blocks and eviction in play
    monkeypatch.setattr(rows_module, "MOVES", 4)   # both ways of moving rows
    monkeypatch.setattr(model_module, "BULK", 8)   # both ways of removing and bringing back
    rng = random.Random(seed)
    model = TaskTableModel(TaskListing(store))
    model._rows._capacity = 40
    model.load()
    selection = QItemSelectionModel(model)
    chosen: set[int] = set()
    removed: list[TrackedTask] | list[int] = []  # ([-1]: set aside in the store)
    for step in range(40):
        what = rng.random()
        if what < 0.2:  # a new sort or filter, as the header and the toolbar set them
            column = rng.choice(list(Column))
            model.sort(column, rng.choice(list(Qt.SortOrder)))
            model.set_state_filter(rng.choice(list(STATE_FILTERS)))
            model.set_text(rng.choice(["", "", "corgi", "ge", "TASK_01", "x"]))
        elif what < 0.35 and len(store.refs()) > 20:  # removed, maybe put back later
            refs = rng.sample(sorted(store.refs()), rng.randint(1, 25))
            if rng.random() < 0.5:  # as the engine removes: set aside in SQL, for an undo
                store.set_aside(refs)
                removed = [-1]
            else:
                removed = store.by_refs(refs)
                store.remove(refs)
            model.remove(refs)
        elif what < 0.45 and removed == [-1]:  # the engine's undo: the live ones decoded
            back, live, _ = store.bring_back(now=500.0)
            removed = []
            live_refs = {t.ref for t in live}
            model.returned([r for r in back if r not in live_refs])
            model.upsert(live)
        elif what < 0.45 and removed:  # undo
            back = store.restore(removed)
            removed = []
            model.upsert(back)
        elif what < 0.55:  # new tasks
            model.upsert(store.add_many("relay", [f"new-{seed}-{step}-{i}"
                                                  for i in range(rng.randint(1, 3))]))
        else:  # a batch of changes, written first as the engine does
            tasks = [changed(rng, t) for t in store.by_refs(
                rng.sample(sorted(store.refs()), rng.randint(1, 12)))]
            store.apply([TaskUpdate(t.ref, {f: getattr(t, f) for f in (
                "progress", "state", "watch", "download_state", "last_checked_at",
                "label")}) for t in tasks])
            model.upsert(tasks)
        want = expected(store, model.query)
        assert shown(model) == want, (step, model.query)
        for row in rng.sample(range(len(want)), min(5, len(want))):  # cells are current
            task = store.by_refs([want[row]])[0]
            assert model.data(model.index(row, Column.STATE), Role.TASK) == task
        assert {model.data(i, Role.REF) for i in selection.selectedRows()} == \
            chosen & set(want), step
        if rng.random() < 0.3 and want:  # select other rows
            chosen = set(rng.sample(want, min(len(want), rng.randint(1, 6))))
            flags = QItemSelectionModel.SelectionFlag
            selection.clearSelection()
            for ref in chosen:
                selection.select(model.index(model.row_of(ref), 0), flags.Select | flags.Rows)
        chosen &= set(want)  # (a row filtered out leaves the selection, as in a file manager)


def test_every_column_sorts_in_sql(qapp, store: TaskStore) -> None:  # type: ignore[no-untyped-def]
    model = TaskTableModel(TaskListing(store))
    model.load()
    for column, (order, flip) in ORDER_OF.items():
        model.sort(column, Qt.SortOrder.AscendingOrder)
        assert model.query == Query(order=order, descending=flip)
        assert shown(model) == expected(store, model.query)
    model.set_state_filter("Not found")
    assert model.query.groups == frozenset({Group.NOT_FOUND})
    assert model.query.order is Order.OUTPUT


def test_rows_are_read_a_block_at_a_time_and_the_cache_stays_bounded(
        qapp, store: TaskStore, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(rows_module, "BLOCK", 16)
    model = TaskTableModel(TaskListing(store))
    model._rows._capacity = 40
    model.load()
    reads: list[int] = []
    block = model._rows.listing.block
    model._rows.listing.block = lambda refs: reads.append(len(refs)) or block(refs)  # type: ignore[method-assign]
    for row in range(model.rowCount()):
        model.data(model.index(row, Column.STATE))
    assert max(reads) <= 16 and len(reads) <= model.rowCount() // 16 + 1
    assert len(model._rows._cache) <= 40


def test_long_lists_are_read_off_the_thread_and_changes_meanwhile_are_kept(
        qapp, store: TaskStore, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A new order of a long list comes from a worker; a batch that lands while it is read
    is not lost, and a newer query wins over an older one still being read."""
    import time

    from videomon.ui.table import model as model_module

    monkeypatch.setattr(model_module, "ASYNC_ROWS", 0)
    rng = random.Random(5)
    model = TaskTableModel(TaskListing(store))
    model.load()
    settled: list[Query] = []
    model.settled.connect(lambda: settled.append(model.query))
    for attempt in range(8):
        model.sort(rng.choice(list(Column)), rng.choice(list(Qt.SortOrder)))
        if attempt % 2:
            model.set_text(rng.choice(["", "corgi", "ge"]))  # (the newer query wins)
        assert model.settling
        tasks = [changed(rng, t) for t in store.by_refs(rng.sample(sorted(store.refs()), 6))]
        store.apply([TaskUpdate(t.ref, {f: getattr(t, f) for f in (
            "progress", "state", "watch", "download_state", "last_checked_at", "label")})
            for t in tasks])
        model.upsert(tasks)  # (while the list is read)
        deadline = time.monotonic() + 10
        while model.settling and time.monotonic() < deadline:
            qapp.processEvents()
            time.sleep(0.005)
        assert not model.settling and settled[-1] == model.query
        assert shown(model) == expected(store, model.query), attempt


def test_a_list_read_while_many_tasks_keep_moving_still_settles(
        qapp, store: TaskStore, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Sorted by progress with many polled tasks, every read is outrun by their changes:
    the list is read again at most twice, then shown (the walk's bench hung here), and
    only changes that can move a row count as outrunning it."""
    import time

    from videomon.ui.table import model as model_module

    monkeypatch.setattr(model_module, "ASYNC_ROWS", 0)
    monkeypatch.setattr(rows_module, "MOVES", 4)
    rng = random.Random(9)
    model = TaskTableModel(TaskListing(store))
    model.load()
    reads: list[Query] = []
    real_read = model._reader.read
    model._reader.read = lambda q: (reads.append(q), real_read(q))  # type: ignore[method-assign]
    model.sort(Column.PROGRESS, Qt.SortOrder.AscendingOrder)
    deadline = time.monotonic() + 10
    while model.settling and time.monotonic() < deadline:
        tasks = [dataclasses.replace(t, progress=float(rng.randint(0, 99)))
                 for t in store.by_refs(rng.sample(sorted(store.refs()), 12))]
        store.apply([TaskUpdate(t.ref, {"progress": t.progress}) for t in tasks])
        model.upsert(tasks)  # (each read is outrun)
        qapp.processEvents()
        time.sleep(0.005)
    assert not model.settling and 1 < len(reads) <= 3
    # a change that cannot move a row (its label, sorted by progress) does not outrun it
    reads.clear()
    shown_first = [model.task_at(row) for row in range(12)]  # (decoded: how each was)
    model.sort(Column.PROGRESS, Qt.SortOrder.DescendingOrder)
    tasks = [dataclasses.replace(t, label="x") for t in shown_first if t is not None]
    store.apply([TaskUpdate(t.ref, {"label": "x"}) for t in tasks])
    model.upsert(tasks)
    deadline = time.monotonic() + 10
    while model.settling and time.monotonic() < deadline:
        qapp.processEvents()
        time.sleep(0.005)
    assert not model.settling and len(reads) == 1
