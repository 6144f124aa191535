"""A fast writer of finished tasks for the benchmarks: a million stored rows in seconds
(one transaction of `executemany`, each row's JSON made from a template), written as the
store writes them (the same columns and encodings, one history entry per task)."""

from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path
from typing import Any

CHUNK = 20_000


def _templates(profile: str, home: Path, video_url: str | None) -> tuple[str, str]:
    from tests.benchmarks.common import raw_body
    from videomon.core.domain.snapshot import Snapshot, TaskState

    raw = raw_body("@ID@")
    if video_url:
        raw["url"] = video_url
    snap = Snapshot("@ID@", "openai", TaskState.SUCCEEDED, 100.0, (raw["url"],),
                    raw_status="completed", model="sora-2", created_at=1764000000,
                    finished_at=1764000300, expires_at=1764086400, profile=profile)
    return (json.dumps(snap.to_json(), ensure_ascii=False),
            json.dumps(raw, ensure_ascii=False))


def write_finished(db_path: Path, profile: str, count: int, home: Path, *,
                   video_url: str | None = None, prefix: str = "video_done_") -> float:
    """Add `count` finished (and, without `video_url`, saved) tasks to the store at
    `db_path` (made by `TaskStore` first); returns the seconds it took."""
    started = time.perf_counter()
    snap_t, raw_t = _templates(profile, home, video_url)
    folder = str(home / "downloads")
    now = time.time()
    db = sqlite3.connect(db_path, isolation_level=None)
    try:
        db.execute("PRAGMA synchronous=OFF")
        db.execute("BEGIN")
        first = (db.execute("SELECT COALESCE(MAX(ref), 0) FROM tasks").fetchone()[0]) + 1
        for start in range(0, count, CHUNK):
            rows: list[tuple[Any, ...]] = []
            history: list[tuple[Any, ...]] = []
            for i in range(start, min(count, start + CHUNK)):
                task_id = f"{prefix}{i:07d}"
                ref = first + i
                checked = now - i
                rows.append((
                    ref, profile, task_id, checked - 300, None, "succeeded", 100.0,
                    snap_t.replace("@ID@", task_id), raw_t.replace("@ID@", task_id), "done",
                    checked, checked, None, None, None,
                    None if video_url else f"{folder}/{task_id}.mp4",
                    None if video_url else "done", None))
                history.append((ref, checked, "succeeded", 100.0, None))
            db.executemany(
                "INSERT INTO tasks (ref, profile, task_id, added_at, label, state, progress, "
                "snapshot, raw, watch, last_checked_at, last_change_at, next_poll_at, "
                "problem_kind, problem_message, download_path, download_state, "
                "download_error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows)
            db.executemany("INSERT INTO history (ref, at, state, progress, note) "
                           "VALUES (?, ?, ?, ?, ?)", history)
        db.execute("COMMIT")
    finally:
        db.close()
    return time.perf_counter() - started
