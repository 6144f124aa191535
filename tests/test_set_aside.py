"""Removing with an undo in SQL (`TaskStore.set_aside` / `bring_back`): rows come back
whole, counts are right without decoding, and only the last kept removal is undone."""

from __future__ import annotations

from pathlib import Path

from videomon.core.domain.snapshot import TaskState
from videomon.core.domain.task import DownloadState, Watch
from videomon.core.tracking.store import TaskStore, TaskUpdate


def _store(tmp_path: Path) -> tuple[TaskStore, list[int]]:
    store = TaskStore(tmp_path / "t.db")
    refs = [t.ref for t in store.add_many("p", [f"id{i}" for i in range(8)])]
    store.apply([
        TaskUpdate(refs[0], {"watch": Watch.PAUSED, "label": "mine", "raw": '{"a": 1}'}),
        TaskUpdate(refs[1], {"state": TaskState.SUCCEEDED, "watch": Watch.DONE}),
        TaskUpdate(refs[2], {"state": TaskState.SUCCEEDED, "watch": Watch.DONE,
                             "download_state": DownloadState.DOWNLOADING}),
    ])
    return store, refs


def test_a_removal_comes_back_whole_with_its_counts(tmp_path: Path) -> None:
    store, refs = _store(tmp_path)
    before = sorted(store.counts())
    counts, held = store.set_aside(refs[:5], held=[refs[4], refs[6]])  # (the caller's)
    assert held == [refs[4]] and counts == {("paused", "queued"): 1, ("done", "succeeded"): 2,
                      ("active", "queued"): 1}
    assert [t.ref for t in store.all()] == refs[5:]
    back, live, others = store.bring_back(now=1.0)
    assert back == refs[:5]
    # what still changes comes decoded (polled, or downloading); the rest is counted
    assert [t.ref for t in live] == [refs[2], refs[3], refs[4]]
    assert others == {("paused", "queued"): 1, ("done", "succeeded"): 1}
    assert sorted(store.counts()) == before
    first = store.get(refs[0])
    assert first is not None and first.label == "mine" and store.raw(refs[0]) == '{"a": 1}'
    assert store.history(refs[0])[-1][3] == "restored"
    assert store.bring_back(now=2.0) == ([], [], {})  # only once
    store.close()


def test_a_task_tracked_again_meanwhile_is_not_doubled_and_a_taken_ref_is_renewed(
        tmp_path: Path) -> None:
    store, refs = _store(tmp_path)
    store.set_aside(refs[-2:])  # id6, id7
    again = store.add_many("p", ["id6", "other"])  # id6 tracked again; "other" takes a ref
    assert refs[-1] in {t.ref for t in again}  # (SQLite reuses the highest free ref)
    back, _, _ = store.bring_back(now=1.0)
    assert sorted(t.task_id for t in store.all()) == sorted(
        [f"id{i}" for i in range(8)] + ["other"])
    assert len(back) == 1 and back[0] > refs[-1]
    assert store.get(back[0]).task_id == "id7"  # type: ignore[union-attr]
    store.close()


def test_a_removal_not_kept_leaves_the_last_one_to_undo(tmp_path: Path) -> None:
    store, refs = _store(tmp_path)
    store.set_aside([refs[0]])
    assert store.set_aside([refs[1]], keep=False) == ({("done", "succeeded"): 1}, [])
    back, _, _ = store.bring_back(now=1.0)
    assert back == [refs[0]] and store.get(refs[1]) is None
    store.close()


def test_among_picks_the_refs_that_match(tmp_path: Path) -> None:
    store, refs = _store(tmp_path)
    assert store.among([refs[0], refs[1], refs[3], 999], "watch = 'paused'") == [refs[0]]
    assert store.among(iter(refs), "watch = 'active'") == refs[3:]  # (any iterable)
    store.close()


def test_the_last_removal_survives_a_restart(tmp_path: Path) -> None:
    store, refs = _store(tmp_path)
    store.set_aside(refs[:3])
    assert store.set_aside_count() == 3
    store.close()
    again = TaskStore(tmp_path / "t.db")  # (quit, or a crash, after the removal committed)
    assert again.set_aside_count() == 3
    back, _, _ = again.bring_back(now=1.0)
    assert back == refs[:3] and again.set_aside_count() == 0
    again.close()
