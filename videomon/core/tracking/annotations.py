"""Writing what the user says about stored tasks (titles, notes, tags, stars) in SQL, for
any number of them (the listing reads back which tags are in use)."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING

from videomon.core.domain.annotation import Annotation

#: how many annotated refs the `noted` table keeps (a window follows them within seconds)
NOTED_KEPT = 100_000


class Annotating:
    """The part of `TaskStore` that annotates tasks it holds on disk."""

    _db: sqlite3.Connection
    _lock: threading.RLock
    if TYPE_CHECKING:  # (the store's)
        def _transaction(self) -> AbstractContextManager[None]: ...
        def _pick(self, refs: Iterable[int]) -> None: ...

    def annotate(self, refs: Iterable[int], change: Annotation) -> None:
        """Apply `change` to these stored tasks (one transaction; missing refs skipped).
        A poll never writes these columns, so nothing written here is overwritten."""
        plain = change.values(())
        plain.pop("tags", None)
        with self._transaction():
            self._pick(refs)
            if plain:
                columns = ", ".join(f"{name} = ?" for name in plain)
                self._db.execute(f"UPDATE tasks SET {columns} WHERE ref IN "
                                 "(SELECT ref FROM temp.picked)",
                                 [int(v) if isinstance(v, bool) else v
                                  for v in plain.values()])
            self._db.execute("INSERT INTO noted (ref) SELECT ref FROM temp.picked")
            self._db.execute("DELETE FROM noted WHERE id <= (SELECT MAX(id) FROM noted) - ?",
                             (NOTED_KEPT,))
            if change.tags is None and not change.add_tags and not change.remove_tags:
                return
            rows = self._db.execute("SELECT ref, tags FROM tasks WHERE ref IN "
                                    "(SELECT ref FROM temp.picked)").fetchall()
            updates = []
            for ref, text in rows:
                now = tuple(t for t in (text or "").split("\n") if t)
                tags = change.values(now)["tags"]
                if tags != now:
                    updates.append(("\n".join(tags) or None, ref))
            self._db.executemany("UPDATE tasks SET tags = ? WHERE ref = ?", updates)

    def noted_since(self, after: int) -> tuple[int, list[int]]:
        """The refs annotated since mark `after` (-1: none, just the mark) and the new mark."""
        with self._lock:
            last = int(self._db.execute("SELECT COALESCE(MAX(id), 0) FROM noted")
                       .fetchone()[0])
            if after < 0 or last <= after:
                return last, []
            refs = [r for (r,) in self._db.execute(
                "SELECT DISTINCT ref FROM noted WHERE id > ? ORDER BY ref", (after,))]
        return last, refs
