"""Removing any number of tasks with an undo, in SQL: the removed rows are set aside whole
(raw answers and all) in the `set_aside` table, and the last removal comes back from
there — after a restart too (a removal cut short by quitting still commits). No row
passes through Python, so a million go in a worker thread while the window goes on; only
the tasks that still change come back decoded."""

from __future__ import annotations

import sqlite3
import threading
import time
from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING

from videomon.core.domain.task import TrackedTask

#: (watch, state) -> how many tasks
Counts = Counter[tuple[str, str]]
#: the tasks that still change on their own: polled, or downloading (`TaskStore.live`)
LIVE = "(watch = 'active' OR download_rank IN (3, 4))"


class SetAside:
    """The part of `TaskStore` that removes with an undo (`set_aside`, `bring_back`)."""

    _db: sqlite3.Connection
    _lock: threading.RLock
    _kept: str  # the table's columns, but the generated ones
    if TYPE_CHECKING:  # (the store's)
        def _transaction(self) -> AbstractContextManager[None]: ...
        def _pick(self, refs: Iterable[int]) -> None: ...
        def select(self, tail: str, params: Sequence[object] = ()) -> list[TrackedTask]: ...

    def _forget(self) -> None:
        """The picked tasks are being removed: remembered (`forgotten`), so that an
        account's list never adds them again."""
        self._db.execute("INSERT OR REPLACE INTO forgotten (profile, task_id, at) SELECT "
                         "profile, task_id, ? FROM tasks WHERE ref IN "
                         "(SELECT ref FROM temp.picked)", (time.time(),))

    def _may_add(self, profile: str, task_id: str, listed: bool) -> bool:
        """Whether a task may be added: one an account's list names (`listed`) not if the
        user removed it; one the user adds always (and is then no longer remembered)."""
        key = (profile, task_id)
        if listed:
            return self._db.execute("SELECT 1 FROM forgotten WHERE profile = ? AND "
                                    "task_id = ?", key).fetchone() is None
        self._db.execute("DELETE FROM forgotten WHERE profile = ? AND task_id = ?", key)
        return True

    def _remembered_back(self) -> None:
        """The picked tasks came back (an undo): no longer remembered as removed."""
        self._db.execute("DELETE FROM forgotten WHERE (profile, task_id) IN (SELECT "
                         "profile, task_id FROM tasks WHERE ref IN "
                         "(SELECT ref FROM temp.picked))")

    def set_aside_count(self) -> int:
        """How many tasks the last removal set aside (what Undo would bring back)."""
        with self._lock:  # (its rows go in as one batch into an empty table: rowids 1..n)
            return int(self._db.execute("SELECT COALESCE(MAX(rowid), 0) FROM set_aside")
                       .fetchone()[0])

    def set_aside(self, refs: Iterable[int], held: Collection[int] = (),
                  keep: bool = True) -> tuple[Counts, list[int]]:
        """Remove these tasks, keeping their rows for `bring_back` (with `keep`: the removal
        before can then no longer be undone). `held`: the tasks the caller holds (and
        counts itself). Returns how many of the others removed were followed each way in
        each state, and which of `held` were removed."""
        with self._transaction():
            self._pick(refs)
            counts = self._counts("tasks WHERE ref IN (SELECT ref FROM temp.picked)")
            gone: list[int] = []
            for chunk in _chunks(sorted(held)):
                for ref, watch, state in self._db.execute(
                        f"SELECT ref, watch, state FROM tasks WHERE ref IN "
                        f"({', '.join('?' * len(chunk))}) AND ref IN "
                        f"(SELECT ref FROM temp.picked)", chunk):
                    counts[(watch, state)] -= 1
                    gone.append(ref)
            self._forget()
            if keep:
                self._db.execute("DELETE FROM set_aside")
                self._db.execute(f"INSERT INTO set_aside ({self._kept}) SELECT {self._kept} "
                                 "FROM tasks WHERE ref IN (SELECT ref FROM temp.picked)")
            self._db.execute("DELETE FROM tasks WHERE ref IN (SELECT ref FROM temp.picked)")
        return +counts, gone

    def bring_back(self, now: float) -> tuple[list[int], list[TrackedTask], Counts]:
        """Undo the last `set_aside`: the refs back (a task tracked again meanwhile is
        skipped; one whose ref was taken gets a new one), the live tasks among them
        decoded, and how many of the others are in each (watch, state)."""
        with self._transaction():
            self._db.execute(
                "DELETE FROM set_aside WHERE EXISTS (SELECT 1 FROM tasks t WHERE "
                "t.profile = set_aside.profile AND t.task_id = set_aside.task_id)")
            self._db.execute("UPDATE set_aside SET ref = NULL "
                             "WHERE ref IN (SELECT ref FROM tasks)")
            self._db.execute(f"INSERT INTO tasks ({self._kept}) SELECT {self._kept} "
                             "FROM set_aside ORDER BY ref IS NULL, ref")
            self._db.execute("DELETE FROM temp.picked")
            self._db.execute("INSERT INTO temp.picked (ref) SELECT t.ref FROM tasks t JOIN "
                             "set_aside s ON t.profile = s.profile "
                             "AND t.task_id = s.task_id")
            self._db.execute("DELETE FROM set_aside")
            self._remembered_back()
            self._db.execute("INSERT INTO history (ref, at, state, progress, note) "
                             "SELECT ref, ?, state, progress, 'restored' FROM tasks "
                             "WHERE ref IN (SELECT ref FROM temp.picked)", (now,))
            refs = [ref for (ref,) in self._db.execute("SELECT ref FROM temp.picked "
                                                       "ORDER BY ref")]
            live = self.select(f"WHERE ref IN (SELECT ref FROM temp.picked) AND {LIVE} "
                               "ORDER BY ref")
            counts = self._counts(f"tasks WHERE ref IN (SELECT ref FROM temp.picked) "
                                  f"AND NOT {LIVE}")
        return refs, live, counts

    def among(self, refs: Iterable[int], where: str) -> list[int]:
        """Which of these refs are of tasks matching `where` (e.g. the paused ones of a
        selection of a million: one statement, not a million lookups on the loop)."""
        with self._transaction():  # (temp.picked is written)
            self._pick(refs)
            return [ref for (ref,) in self._db.execute(
                f"SELECT ref FROM tasks WHERE ref IN (SELECT ref FROM temp.picked) "
                f"AND {where} ORDER BY ref")]

    def _counts(self, source: str) -> Counts:
        return Counter({(watch, state): int(n) for watch, state, n in self._db.execute(
            f"SELECT watch, state, COUNT(*) FROM {source} GROUP BY watch, state")})


def _chunks(refs: Sequence[int], size: int = 500) -> Iterator[list[int]]:
    for start in range(0, len(refs), size):
        yield list(refs[start:start + size])
