"""The task store: schema, no-op re-adds, batched updates, history, and durability when the
writing process is SIGKILLed mid-write."""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from videomon.core.domain.snapshot import Snapshot, TaskState
from videomon.core.domain.task import snapshot_values
from videomon.core.tracking.store import SCHEMA_VERSION, StoreError, TaskStore, TaskUpdate


@pytest.fixture
def store(tmp_path: Path) -> TaskStore:
    s = TaskStore(tmp_path / "tasks.db")
    yield s
    s.close()


def test_schema_and_wal(store: TaskStore) -> None:
    assert store.schema_version == SCHEMA_VERSION
    mode = sqlite3.connect(store.path).execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


def test_adding_twice_is_a_no_op(store: TaskStore) -> None:
    first = store.add("relay", "sora-2:task_1", label="cat video", now=100.0)
    assert first is not None and first.label == "cat video" and first.added_at == 100.0
    assert store.add("relay", "sora-2:task_1") is None
    assert [t.task_id for t in store.add_many("relay", ["sora-2:task_1", "b", "b"])] == ["b"]
    assert store.add("other", "sora-2:task_1") is not None  # same ID, another provider
    assert len(store.all()) == 3


def test_updates_snapshots_and_history(store: TaskStore) -> None:
    task = store.add("relay", "t1", now=1.0)
    assert task is not None
    snap = Snapshot("t1", "openai", TaskState.SUCCEEDED, 100.0, ("https://c/x.mp4",),
                    raw={"status": "completed"})
    store.apply([TaskUpdate(task.ref, {**snapshot_values(snap), "last_checked_at": 5.0,
                                       "watch": "done"}, history=("succeeded", 100.0, None))])
    again = store.get(task.ref)
    assert again is not None
    assert again.state is TaskState.SUCCEEDED and again.video_urls == ["https://c/x.mp4"]
    assert again.raw is None and again.watch == "done"  # (read only when asked for)
    assert store.raw(task.ref) == {"status": "completed"}
    assert [h[1] for h in store.history(task.ref)] == ["queued", "succeeded"]
    with pytest.raises(ValueError):
        store.apply([TaskUpdate(task.ref, {"task_id": "evil"})])


def test_remove_deletes_history_and_skips_later_updates(store: TaskStore) -> None:
    task = store.add("relay", "t1")
    assert task is not None
    store.remove([task.ref])
    store.apply([TaskUpdate(task.ref, {"progress": 5.0}, history=("running", 5.0, None))])
    assert store.get(task.ref) is None and store.history(task.ref) == []


def test_reopen_keeps_everything(tmp_path: Path) -> None:
    first = TaskStore(tmp_path / "t.db")
    first.add_many("relay", ["a", "b"])
    first.close()
    second = TaskStore(tmp_path / "t.db")
    assert [t.task_id for t in second.all()] == ["a", "b"]
    second.close()


def test_newer_schema_is_refused_clearly(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version={SCHEMA_VERSION + 5}")
    db.close()
    with pytest.raises(StoreError, match="newer videomon"):
        TaskStore(path)


def test_garbage_file_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "t.db"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="cannot open the task database"):
        TaskStore(path)


def test_sigkill_mid_write_loses_no_committed_task(tmp_path: Path) -> None:
    """Kill a writer at random moments, 25 times: every task it reported as committed is
    there, and the database passes an integrity check each time."""
    path = tmp_path / "tasks.db"
    rng = random.Random(7)
    committed: set[str] = set()
    for round_no in range(25):
        child = subprocess.Popen([sys.executable, "-m", "tests.store_writer", str(path),
                                  f"r{round_no}"], stdout=subprocess.PIPE, text=True,
                                 cwd=Path(__file__).parent.parent)
        assert child.stdout is not None
        # wait for at least one commit, then kill at a random moment
        committed.update(child.stdout.readline().split())
        time.sleep(rng.uniform(0.0, 0.15))
        child.send_signal(signal.SIGKILL)
        out, _ = child.communicate(timeout=10)
        for line in out.splitlines():
            committed.update(line.split())
        store = TaskStore(path)
        try:
            assert store.integrity_ok()
            present = {t.task_id for t in store.all()}
        finally:
            store.close()
        missing = committed - present
        assert not missing, f"round {round_no}: lost {sorted(missing)[:5]}"
    assert len(committed) > 100


def test_restore_puts_removed_tasks_back_whole(tmp_path: Path) -> None:
    store = TaskStore(tmp_path / "t.db")
    first, second = store.add_many("p", ["a1", "b2"])
    store.apply([TaskUpdate(first.ref, {"progress": 42.0, "label": "mine"})])
    gone = [store.get(first.ref), store.get(second.ref)]
    store.remove([first.ref, second.ref])
    store.add_many("p", ["b2"])  # tracked again meanwhile: not duplicated
    restored = store.restore([t for t in gone if t is not None])
    assert [(t.task_id, t.progress, t.label) for t in restored] == [("a1", 42.0, "mine")]
    assert sorted(t.task_id for t in store.all()) == ["a1", "b2"]
    assert store.history(restored[0].ref)[-1][3] == "restored"
    store.close()


def test_two_processes_writing_one_store_lose_nothing(tmp_path: Path) -> None:
    """Two writer processes (like the window and `videomon track`) add and update tasks on
    one database at once: every committed task is there and the file stays sound."""
    path = tmp_path / "tasks.db"
    TaskStore(path).close()  # created (and migrated) once, as the first start does
    children = [subprocess.Popen([sys.executable, "-m", "tests.store_writer", str(path),
                                  name], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                 text=True, cwd=Path(__file__).parent.parent)
                for name in ("win", "cli")]
    time.sleep(1.5)
    committed: set[str] = set()
    errors = ""
    for child in children:
        child.terminate()
        out, err = child.communicate(timeout=10)
        errors += err[-2000:]
        for line in out.splitlines():
            committed.update(line.split())
    store = TaskStore(path)
    try:
        assert store.integrity_ok()
        present = {t.task_id for t in store.all()}
    finally:
        store.close()
    assert {c.split("-")[0] for c in committed} == {"win", "cli"}, errors  # both wrote
    assert committed <= present, (sorted(committed - present)[:5], errors)
