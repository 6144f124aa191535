"""The durable task store: SQLite in WAL mode, a schema version with migrations.

Every committed change survives a SIGKILL at any moment (WAL + synchronous=FULL), and
a killed writer never leaves the file unreadable. Writers are serialized by a lock,
so the store can be used from worker threads (the event loop never waits on disk).
"""

from __future__ import annotations

import contextlib
import enum
import json
import os
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from videomon.core.domain.errors import VideomonError
from videomon.core.domain.snapshot import Snapshot, TaskState
from videomon.core.domain.task import DownloadState, HistoryEntry, TrackedTask, Watch
from videomon.core.tracking.annotations import Annotating
from videomon.core.tracking.schema import MIGRATIONS, SCHEMA_VERSION, split_sql
from videomon.core.tracking.set_aside import LIVE, SetAside

#: a history entry: state, progress, note
History = tuple[str, float | None, str | None]


@dataclass(slots=True)
class TaskUpdate:
    """Changed columns of one task (None fields are left as they are unless listed in
    `clear`), plus an optional history entry."""

    ref: int
    values: dict[str, Any] = field(default_factory=dict)
    history: History | None = None
    at: float | None = None  # when the history entry happened (default: last_checked_at)


_FIELDS = tuple(f.name for f in fields(TrackedTask))
#: the table's column of each field, in order (the paths are one newline-joined column)
_COLUMN_OF = {name: "download_path" if name == "download_paths" else name for name in _FIELDS}
_COLUMNS = tuple(_COLUMN_OF.values())
_UPDATABLE = frozenset(_FIELDS) - {"ref", "profile", "task_id", "added_at"}
#: what reads select: every column but the raw answer, which stays on disk (it is most
#: of a finished task's memory) until `raw(ref)` asks for it
_SELECTED = ", ".join("NULL" if c == "raw" else c for c in _COLUMNS)


class StoreError(VideomonError):
    """The database could not be opened or written (a clear message for the user)."""


class _Reading:
    """Reads over a connection `_db` guarded by `_lock` (the store's, or a reader's)."""

    _db: sqlite3.Connection
    _lock: threading.Lock | threading.RLock

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Rows of a read-only query."""
        with self._lock:
            return self._db.execute(sql, params).fetchall()

    def select(self, tail: str, params: Sequence[Any] = ()) -> list[TrackedTask]:
        """Tasks decoded from ``SELECT <every field> FROM tasks <tail>``."""
        with self._lock:
            rows = self._db.execute(f"SELECT {_SELECTED} FROM tasks {tail}",
                                    params).fetchall()
        return [_row_to_task(row) for row in rows]

    def by_refs(self, refs: Sequence[int]) -> list[TrackedTask]:
        """These tasks (those still stored), in ref order, read 500 at a time."""
        found: list[TrackedTask] = []
        for start in range(0, len(refs), 500):
            chunk = list(refs[start:start + 500])
            found += self.select(f"WHERE ref IN ({', '.join('?' * len(chunk))}) "
                                 "ORDER BY ref", chunk)
        return found


class TaskStore(_Reading, SetAside, Annotating):
    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        self._lock = threading.RLock()
        self._readers: list[StoreReader] = []
        new = str(path) != ":memory:" and not path.exists()
        try:
            self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None,
                                       timeout=10)
            if new:  # user-only; SQLite gives its -wal and -shm files the same mode
                os.chmod(path, 0o600)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=FULL")
            self._migrate()  # (it turns foreign keys on when done)
            # the raw answers of removed tasks, for an undo (this connection's only)
            self._db.execute("CREATE TEMP TABLE IF NOT EXISTS removed_raw (profile TEXT, "
                             "task_id TEXT, raw TEXT, PRIMARY KEY (profile, task_id))")
            # the refs a bulk statement works on, and rows on their way back (undo)
            self._db.execute("CREATE TEMP TABLE IF NOT EXISTS picked "
                             "(ref INTEGER PRIMARY KEY)")
            self._db.execute(f"CREATE TEMP TABLE IF NOT EXISTS restoring AS SELECT "
                             f"{', '.join(_COLUMNS)} FROM tasks WHERE 0")
            self._kept = ", ".join(_COLUMNS)  # (what `set_aside` keeps of a removed row)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open the task database {path}: {exc}") from None

    def close(self) -> None:
        for reader in self._readers:
            reader.close()
        with self._lock:
            self._db.close()

    # -- schema -------------------------------------------------------------------------
    def _migrate(self) -> None:
        with self._lock:
            version = self._db.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise StoreError(f"the task database {self.path} was written by a newer "
                                 f"videomon (schema {version}); upgrade videomon")
            # a table rebuilt (new, copy, drop, rename) must not cascade to the history
            self._db.execute("PRAGMA foreign_keys=OFF")
            for number in range(version, SCHEMA_VERSION):
                with self._transaction():
                    for statement in split_sql(MIGRATIONS[number]):
                        self._db.execute(statement)
                    if self._db.execute("PRAGMA foreign_key_check").fetchone():
                        raise StoreError(f"the task database {self.path} could not be "
                                         "upgraded: its history lost its tasks")
                    self._db.execute(f"PRAGMA user_version={number + 1}")
            self._db.execute("PRAGMA foreign_keys=ON")

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        """One write transaction under the lock: committed whole, or rolled back."""
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise

    def data_version(self) -> int:
        """Changes when another connection (another process) commits to the database."""
        with self._lock:
            return int(self._db.execute("PRAGMA data_version").fetchone()[0])

    @property
    def schema_version(self) -> int:
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    # -- tasks ---------------------------------------------------------------------------
    def add(self, profile: str, task_id: str, *, label: str | None = None,
            now: float | None = None) -> TrackedTask | None:
        """Track a task; returns it, or None when it was already tracked (a no-op)."""
        added = self.add_many(profile, [task_id], label=label, now=now)
        return added[0] if added else None

    def add_many(self, profile: str, task_ids: Iterable[str], *, label: str | None = None,
                 now: float | None = None, listed: bool = False) -> list[TrackedTask]:
        """Track several tasks in one transaction; returns only the newly added ones.
        `listed`: found in the account's list — a task the user removed is skipped (one
        the user adds again is no longer remembered as removed)."""
        now = time.time() if now is None else now
        refs: list[int] = []
        note = "imported" if listed else "added"
        with self._transaction():
            for task_id in task_ids:
                if not self._may_add(profile, task_id, listed):
                    continue
                cursor = self._db.execute(
                    "INSERT OR IGNORE INTO tasks (profile, task_id, added_at, label, "
                    "next_poll_at, last_change_at) VALUES (?, ?, ?, ?, ?, ?)",
                    (profile, task_id, now, label, now, now))
                if cursor.rowcount:
                    ref = int(cursor.lastrowid or 0)
                    refs.append(ref)
                    self._db.execute("INSERT INTO history (ref, at, state, note) "
                                     "VALUES (?, ?, 'queued', ?)", (ref, now, note))
        return [t for t in (self.get(r) for r in refs) if t is not None]

    def restore(self, tasks: Sequence[TrackedTask], now: float | None = None
                ) -> list[TrackedTask]:
        """Put removed tasks back whole (undo). A task tracked again meanwhile is skipped;
        one whose ref was reused gets a new ref. Returns the restored tasks (copies, not
        re-read: every Python step holds the GIL the window needs). An undo of any size
        is `bring_back`."""
        now = time.time() if now is None else now
        keys = [(t.profile, t.task_id) for t in tasks]
        with self._transaction():
            tracked = {k for k in keys if self._db.execute(
                "SELECT 1 FROM tasks WHERE profile = ? AND task_id = ?", k).fetchone()}
            taken = {r for (r,) in self._db.execute("SELECT ref FROM tasks")}
            back = [t for t, k in zip(tasks, keys, strict=True) if k not in tracked]
            same = [t for t in back if t.ref not in taken]
            # staged in a plain table, then moved in one statement: the search index's
            # trigger then runs as one program, not once per row (16 s -> 4 s, 100,000)
            self._db.executemany(
                f"INSERT INTO temp.restoring ({', '.join(_COLUMNS)}) "
                f"VALUES ({', '.join('?' * len(_COLUMNS))})",
                [[_encode(f, getattr(t, f)) for f in _FIELDS] for t in same])
            self._db.execute(f"INSERT INTO tasks ({', '.join(_COLUMNS)}) "
                             f"SELECT {', '.join(_COLUMNS)} FROM temp.restoring")
            self._db.execute("DELETE FROM temp.restoring")
            restored = {id(t): t.copy() for t in same}
            columns = _COLUMNS[1:]
            for task in back:
                if id(task) in restored:
                    continue
                cursor = self._db.execute(  # its ref was reused meanwhile: a new one
                    f"INSERT INTO tasks ({', '.join(columns)}) "
                    f"VALUES ({', '.join('?' * len(columns))})",
                    [_encode(f, getattr(task, f)) for f in _FIELDS[1:]])
                restored[id(task)] = replace(task, ref=int(cursor.lastrowid or 0))
            out = [restored[id(t)] for t in back]
            self._pick([t.ref for t in out])
            self._remembered_back()
            self._pick([t.ref for t in out if t.raw is None])
            self._db.execute(  # the raw answers kept when they were removed
                "UPDATE tasks SET raw = (SELECT raw FROM temp.removed_raw r WHERE "
                "r.profile = tasks.profile AND r.task_id = tasks.task_id) "
                "WHERE ref IN (SELECT ref FROM temp.picked)")
            self._db.execute("DELETE FROM temp.removed_raw WHERE (profile, task_id) IN "
                             "(SELECT profile, task_id FROM tasks WHERE ref IN "
                             "(SELECT ref FROM temp.picked))")
            self._db.executemany("INSERT INTO history (ref, at, state, progress, note) "
                                 "VALUES (?, ?, ?, ?, 'restored')",
                                 [(t.ref, now, t.state.value, t.progress) for t in out])
        return out

    def remove(self, refs: Sequence[int]) -> None:
        """Delete these tasks; their raw answers are kept for `restore` (an undo)."""
        with self._transaction():
            self._pick(refs)  # one statement each, not one per row (13 s -> 4 s, 100,000)
            self._forget()
            self._db.execute(
                "INSERT OR REPLACE INTO temp.removed_raw (profile, task_id, raw) "
                "SELECT profile, task_id, raw FROM tasks WHERE ref IN "
                "(SELECT ref FROM temp.picked) AND raw IS NOT NULL")
            self._db.execute("DELETE FROM tasks WHERE ref IN (SELECT ref FROM temp.picked)")

    def _pick(self, refs: Iterable[int]) -> None:
        """`temp.picked` holds these refs (inside a transaction)."""
        self._db.execute("DELETE FROM temp.picked")
        self._db.executemany("INSERT OR IGNORE INTO temp.picked (ref) VALUES (?)",
                             ((r,) for r in refs))

    def get(self, ref: int) -> TrackedTask | None:
        with self._lock:
            row = self._db.execute(f"SELECT {_SELECTED} FROM tasks WHERE ref = ?",
                                   (ref,)).fetchone()
        return _row_to_task(row) if row else None

    def find(self, profile: str, task_id: str) -> TrackedTask | None:
        with self._lock:
            row = self._db.execute(
                f"SELECT {_SELECTED} FROM tasks WHERE profile = ? AND task_id = ?",
                (profile, task_id)).fetchone()
        return _row_to_task(row) if row else None

    def all(self) -> list[TrackedTask]:
        """Every task, oldest first (without raw answers: see `raw`)."""
        return self.select("ORDER BY ref")

    def live(self, unsaved: bool = False) -> list[TrackedTask]:
        """The tasks that still change on their own: polled, or downloading (and, with
        `unsaved`, finished ones never downloaded: auto-download takes them). Indexed."""
        extra = " OR (state = 'succeeded' AND download_state IS NULL)" if unsaved else ""
        return self.select(f"WHERE {LIVE}{extra} ORDER BY ref")

    def counts(self) -> list[tuple[str, str, int]]:
        """How many tasks are followed each way in each state (the watch index covers it)."""
        with self._lock:
            return [(w, s, int(n)) for w, s, n in self._db.execute(
                "SELECT watch, state, COUNT(*) FROM tasks GROUP BY watch, state")]

    def last_ref(self) -> int:
        with self._lock:
            return int(self._db.execute("SELECT MAX(ref) FROM tasks").fetchone()[0] or 0)

    def refs(self) -> set[int]:
        with self._lock:
            return {r for (r,) in self._db.execute("SELECT ref FROM tasks")}

    def raw(self, ref: int) -> Any:
        """The provider's last answer about task `ref`, decoded (None: none yet)."""
        with self._lock:
            row = self._db.execute("SELECT raw FROM tasks WHERE ref = ?", (ref,)).fetchone()
        return _decode_json(row[0]) if row else None

    def apply(self, updates: Sequence[TaskUpdate]) -> None:
        """Write a batch of updates in one transaction (rows removed meanwhile are skipped)."""
        if not updates:
            return
        with self._transaction():
            for update in updates:
                values = {k: v for k, v in update.values.items() if k in _UPDATABLE}
                unknown = set(update.values) - _UPDATABLE
                if unknown:
                    raise ValueError(f"not updatable: {sorted(unknown)}")
                if values:
                    assignments = ", ".join(f"{_COLUMN_OF[k]} = ?" for k in values)
                    self._db.execute(f"UPDATE tasks SET {assignments} WHERE ref = ?",
                                     [*(_encode(k, v) for k, v in values.items()),
                                      update.ref])
                if update.history is not None:
                    state, progress, note = update.history
                    self._db.execute(
                        "INSERT INTO history (ref, at, state, progress, note) "
                        "SELECT ?, ?, ?, ?, ? WHERE EXISTS "
                        "(SELECT 1 FROM tasks WHERE ref = ?)",
                        (update.ref, update.at or values.get("last_checked_at")
                         or time.time(), state,
                         progress, note, update.ref))

    def history(self, ref: int) -> list[HistoryEntry]:
        with self._lock:
            return [HistoryEntry.read(*row) for row in self._db.execute(
                "SELECT at, state, progress, note FROM history WHERE ref = ? ORDER BY id",
                (ref,))]

    # -- reading for lists (`listing.TaskListing` builds the SQL; `_Reading` reads) -------
    def reader(self) -> _Reading:
        """A read-only connection of its own for lists read beside the writes (in WAL
        mode it never waits for a write and its fsync); an in-memory store has no second
        connection and reads through itself."""
        if str(self.path) == ":memory:":
            return self
        reader = StoreReader(self.path)
        self._readers.append(reader)
        return reader

    def integrity_ok(self) -> bool:
        with self._lock:
            return self._db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


class StoreReader(_Reading):
    """A read-only connection to a store's file (safe from any one thread at a time)."""

    def __init__(self, path: Path) -> None:
        self._lock = threading.Lock()
        self._db = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True,
                                   check_same_thread=False, isolation_level=None,
                                   timeout=10)

    def close(self) -> None:
        with self._lock:
            self._db.close()


def _encode(field: str, value: Any) -> Any:
    """A field's value as its column holds it."""
    if field in ("download_paths", "tags"):
        return "\n".join(value) or None
    if field == "starred":
        return int(bool(value))
    if isinstance(value, Snapshot):
        return json.dumps(value.to_json(), ensure_ascii=False)
    if field == "raw" and value is not None:
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, enum.Enum):
        return value.value
    return value


def _decode_json(text: str | None) -> Any:
    if text is None:
        return None
    try:
        return json.loads(text)
    except ValueError:
        return None


def _row_to_task(row: Sequence[Any]) -> TrackedTask:
    data = dict(zip(_FIELDS, row, strict=True))
    data["download_paths"] = tuple(p for p in (data["download_paths"] or "").split("\n") if p)
    data["tags"] = tuple(t for t in (data["tags"] or "").split("\n") if t)
    data["starred"] = bool(data["starred"])
    data["state"] = TaskState(data["state"])
    data["watch"] = Watch(data["watch"])
    if data["download_state"] is not None:
        data["download_state"] = DownloadState(data["download_state"])
    data["raw"] = _decode_json(data["raw"])
    snap = _decode_json(data["snapshot"])
    try:
        data["snapshot"] = Snapshot.from_json(snap, raw=data["raw"]) if snap else None
    except (KeyError, TypeError, ValueError):  # written by an older or damaged version
        data["snapshot"] = None
    return TrackedTask(**data)
