"""Lists read in SQL (`TaskListing`): every order, group and filter against a reference
list computed in Python; counts; streaming; the search index kept current through updates,
removals and undo; the window's whole lists and blocks; and the migration of a data
folder made by schema 1."""

from __future__ import annotations

import itertools
import random
import sqlite3
from pathlib import Path

import pytest

from videomon.core.domain.annotation import Annotation
from videomon.core.domain.snapshot import Snapshot, TaskState
from videomon.core.domain.task import DownloadState, Group, TrackedTask, Watch
from videomon.core.tracking.listing import (
    Order,
    Query,
    TaskListing,
    parse_refs,
    positions,
)
from videomon.core.tracking.store import MIGRATIONS, SCHEMA_VERSION, TaskStore, TaskUpdate

MODELS = ["sora-2", "Veo-3", "kling-v2", None, "Édition", "édition", "veo-3"]
STATE_RANK = {TaskState.QUEUED: 0, TaskState.RUNNING: 10, TaskState.SUCCEEDED: 20,
              TaskState.FAILED: 30}
DOWNLOAD_RANK = {None: 0, DownloadState.CANCELLED: 1, DownloadState.FAILED: 2,
                 DownloadState.QUEUED: 3, DownloadState.DOWNLOADING: 4, DownloadState.DONE: 5}


def fill(store: TaskStore, count: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    for profile in ("relay", "Gemini", "b-relay"):
        store.add_many(profile, [f"{profile[:2]}-task_{i:04d}_{rng.choice('abcXYZ')}"
                                 for i in range(count // 3)],
                       label=rng.choice([None, "corgi on a beach", "Cat"]))
    updates = []
    for task in store.all():
        state = rng.choice(list(TaskState))
        model = rng.choice(MODELS)
        urls = (f"https://cdn.example/{task.task_id}.mp4",) if state is TaskState.SUCCEEDED \
            else ()
        error = "content policy: nope" if state is TaskState.FAILED else None
        snap = Snapshot(task.task_id, "openai", state, rng.choice([None, 10.0, 55.5, 100.0]),
                        urls, error=error, model=model)
        download = rng.choice(list(DOWNLOAD_RANK)) if urls else None
        paths = (f"/videos/{task.task_id}.mp4",) if download is DownloadState.DONE else ()
        updates.append(TaskUpdate(task.ref, {
            "state": state, "progress": snap.progress, "snapshot": snap,
            "watch": rng.choice(list(Watch)),
            "last_checked_at": rng.choice([None, *range(100, 200)]),
            "download_state": download, "download_paths": paths,
            "problem_message": rng.choice([None, None, "the provider is down"])}))
    store.apply(updates)


def model_of(t: TrackedTask) -> str | None:
    return t.snapshot.model if t.snapshot else None


def output_of(t: TrackedTask) -> str | None:
    if t.download_paths:
        return "\n".join(t.download_paths)
    if t.video_urls:
        return t.video_urls[0]
    return (t.snapshot.error if t.snapshot else None) or t.problem_message


def nocase(text: str) -> str:
    """SQLite's NOCASE: ASCII letters folded, nothing else."""
    return "".join(c.lower() if c.isascii() else c for c in text)


def _nulls_first(value: object) -> tuple[bool, object]:
    return (value is not None, value if value is not None else 0)


KEYS = {
    Order.ADDED: lambda t: 0,
    Order.TASK_ID: lambda t: nocase(t.task_id),
    Order.PROVIDER: lambda t: nocase(t.profile),
    Order.MODEL: lambda t: _nulls_first(nocase(model_of(t) or "") if model_of(t) else None),
    Order.STATE: lambda t: STATE_RANK[t.state] + (0 if t.watch is Watch.ACTIVE else 5),
    Order.PROGRESS: lambda t: _nulls_first(t.progress),
    Order.CHECKED: lambda t: _nulls_first(t.last_checked_at),
    Order.DOWNLOAD: lambda t: DOWNLOAD_RANK[t.download_state],
    Order.OUTPUT: lambda t: _nulls_first(nocase(output_of(t)) if output_of(t) else None),
}


def reference(tasks: list[TrackedTask], query: Query) -> list[int]:
    text = query.text.strip().lower()
    chosen = [t for t in tasks
              if (query.groups is None or t.group in query.groups)
              and (not text or text in " ".join(
                  x or "" for x in (t.task_id, t.label, t.profile, model_of(t),
                                    output_of(t))).lower())]
    ordered = sorted(chosen, key=lambda t: (KEYS[query.order](t), t.ref),
                     reverse=query.descending)
    return [t.ref for t in ordered]


@pytest.fixture
def store(tmp_path: Path) -> TaskStore:
    s = TaskStore(tmp_path / "tasks.db")
    fill(s, 300)
    yield s
    s.close()


@pytest.mark.parametrize("order", list(Order))
@pytest.mark.parametrize("descending", [False, True])
def test_every_order_matches_the_reference(store: TaskStore, order: Order,
                                           descending: bool) -> None:
    listing = TaskListing(store)
    tasks = store.all()
    for query in (Query(order=order, descending=descending),
                  Query("TASK_00", order=order, descending=descending),
                  Query(groups=frozenset({Group.FAILED, Group.NOT_FOUND}), order=order,
                        descending=descending)):
        expected = reference(tasks, query)
        assert listing.refs(query) == expected, query
        assert list(listing.ordered(query)) == expected, query  # (the window's whole list)
        assert [t.ref for t in tasks if query.matches(t)] == sorted(expected)
        # the rule in Python puts every task where SQL does (a moved row bisects by it)
        chosen = sorted((t for t in tasks if query.matches(t)), key=query.key,
                        reverse=descending)
        assert [t.ref for t in chosen] == expected, query
        assert listing.count(query) == len(expected)
        # a page is the same slice of it
        assert [t.ref for t in listing.page(query, 20, 15)] == expected[20:35]


@pytest.mark.parametrize("text", ["corgi", "x", "Ze", "3_", "ex.com/b-", "policy: n", "100%",
                                  "a_b", "_X", "sora", "VEO", "/videos/ge", "down", "nothing here"])
def test_the_filter_finds_what_the_reference_finds(store: TaskStore, text: str) -> None:
    """Through the search index (few matches) and by reading rows in order (many)."""
    for listing in (TaskListing(store), TaskListing(store, common=1)):
        for groups, order in itertools.product(
                (None, frozenset({Group.ACTIVE}), frozenset({Group.FINISHED})),
                (Order.ADDED, Order.CHECKED)):
            query = Query(text, groups, order, descending=order is Order.CHECKED)
            expected = reference(store.all(), query)
            assert listing.refs(query) == expected, (text, groups)
            assert list(listing.ordered(query)) == expected, (text, groups)
            # the same rule in Python (a row that changes is placed without SQL)
            assert [t.ref for t in store.all() if query.matches(t)] == sorted(expected)
            assert [t.ref for t in listing.page(query, 3, 10)] == expected[3:13]


def test_refs_parse_in_slices_and_positions_are_found() -> None:
    refs = list(range(1, 30_000, 7))
    text = "[" + ",".join(map(str, refs)) + "]"
    assert list(parse_refs(text, step=100)) == refs and list(parse_refs("[]")) == []
    assert positions(parse_refs(text), {8, 29_996, 5}) == {8: 1, 29_996: len(refs) - 1}


def test_blocks_are_read_on_a_connection_of_their_own(store: TaskStore) -> None:
    """The window reads the rows it shows beside a write that holds the store's lock."""
    listing = TaskListing(store)
    refs = [t.ref for t in store.all()][10:20]
    with store._transaction():  # a write under way (the lock held, uncommitted)
        store._db.execute("UPDATE tasks SET label = 'mid-write' WHERE ref = ?", (refs[0],))
        got = listing.block([*refs, 10_000])
    assert sorted(got) == refs and got[refs[0]].label != "mid-write"
    assert listing.block([refs[0]])[refs[0]].label == "mid-write"


def test_counts_by_group(store: TaskStore) -> None:
    counts = TaskListing(store).counts()
    tasks = store.all()
    assert counts == {g: sum(1 for t in tasks if t.group is g) for g in Group}
    assert sum(counts.values()) == len(tasks) == 300


def test_the_search_follows_updates_removals_and_undo(store: TaskStore) -> None:
    listing = TaskListing(store)
    first = store.all()[0]
    store.apply([TaskUpdate(first.ref, {"download_paths": ("/films/the-keeper.mp4",),
                                        "download_state": DownloadState.DONE})])
    assert listing.refs(Query("the-keeper")) == [first.ref]
    store.apply([TaskUpdate(first.ref, {"label": "golden retriever"})])
    assert listing.refs(Query("retriever")) == [first.ref]
    kept = store.get(first.ref)
    assert kept is not None
    store.remove([first.ref])
    assert listing.refs(Query("the-keeper")) == [] and listing.count(Query()) == 299
    store.restore([kept])
    assert listing.refs(Query("the-keeper")) == [first.ref]
    assert store.integrity_ok()
    assert store.query("INSERT INTO task_search (task_search) VALUES ('integrity-check')") \
        == []


def test_streaming_reads_a_chunk_at_a_time(store: TaskStore) -> None:
    listing = TaskListing(store)
    everything = [t.ref for t in listing.stream(chunk=7)]
    assert everything == sorted(t.ref for t in store.all())
    failed = [t.ref for t in listing.stream(state="failed", profile="relay", chunk=5)]
    assert failed == [t.ref for t in store.all() if t.status == "failed"
                      and t.profile == "relay"]
    gone = [t.ref for t in listing.stream(state="not_found")]
    assert gone == [t.ref for t in store.all() if t.status == "not_found"]


def test_a_schema_1_folder_is_migrated_and_searchable(tmp_path: Path) -> None:
    """A database as today's release (schema 1) leaves it: opened, it gains the indexes
    and the search index, and its rows are found."""
    path = tmp_path / "tasks.db"
    db = sqlite3.connect(path)
    db.executescript(MIGRATIONS[0])
    db.execute("PRAGMA user_version=1")
    snap = Snapshot("vid_1", "openai", TaskState.SUCCEEDED, 100.0,
                    ("https://cdn.example/corgi.mp4",), model="sora-2",
                    prompt="a fluffy dog on the sand")
    import json
    db.execute("INSERT INTO tasks (profile, task_id, added_at, state, snapshot, watch) "
               "VALUES ('relay', 'vid_1', 1.0, 'succeeded', ?, 'done')",
               (json.dumps(snap.to_json()),))
    db.execute("INSERT INTO tasks (profile, task_id, added_at) VALUES ('relay', 'vid_2', 2.0)")
    db.execute("INSERT INTO history (ref, at, state, note) VALUES (1, 1.0, 'queued', 'added')")
    db.commit()
    db.close()
    store = TaskStore(path)
    try:
        assert store.schema_version == SCHEMA_VERSION == 6
        listing = TaskListing(store)
        assert [t.task_id for t in listing.page(Query("corgi"), 0, 10)] == ["vid_1"]
        # (schema 5: the prompt of a stored answer is searched; tags and stars kept)
        assert [t.task_id for t in listing.page(Query("fluffy"), 0, 10)] == ["vid_1"]
        store.annotate([2], Annotation.made(add_tags=["keep"], starred=True))
        assert [t.task_id for t in listing.page(Query("keep"), 0, 10)] == ["vid_2"]
        assert listing.refs(Query(tag="Keep", starred=True)) == [2]
        # (schema 6: what the user removes is remembered; an account's list skips it)
        store.set_aside([2])
        assert store.add_many("relay", ["vid_2"], listed=True) == []
        store.bring_back(3.0)  # (an undo: back, and no longer remembered as removed)
        assert store.query("SELECT COUNT(*) FROM forgotten") == [(0,)]
        assert [t.task_id for t in listing.page(Query(order=Order.MODEL), 0, 10)] == \
            ["vid_2", "vid_1"]  # (no model yet sorts first)
        assert listing.counts()[Group.FINISHED] == 1 and listing.counts()[Group.ACTIVE] == 1
        plan = " ".join(str(r) for r in store.query(
            "EXPLAIN QUERY PLAN SELECT ref FROM tasks ORDER BY model COLLATE NOCASE, ref "
            "LIMIT 10"))
        assert "tasks_by_model" in plan  # a page in any order reads an index
        for sql, index in (("SELECT ref FROM tasks INDEXED BY tasks_by_ref ORDER BY ref",
                            "tasks_by_ref"),
                           ("SELECT ref FROM tasks WHERE grp = 'finished' ORDER BY ref",
                            "tasks_by_group")):  # (schema 3: the window's whole lists)
            assert index in " ".join(str(r) for r in store.query("EXPLAIN QUERY PLAN " + sql))
        assert list(listing.ordered(Query(groups=frozenset({Group.FINISHED})))) == [1]
        # the table was rebuilt; its history stayed, and still goes with its task
        assert [e.note for e in store.history(1)] == ["added"]
        store.remove([1])
        assert store.history(1) == [] and store.integrity_ok()
    finally:
        store.close()
