"""The table's rows as a window over the store: every ref in view order (8 bytes a row),
the rows the view reads decoded in a bounded cache, and the engine's batches applied as
they come — a changed row moves to its place by bisection, never by a pass over all rows.

No Qt here: `TaskTableModel` turns what `RowWindow` reports into the model's signals.
"""

from __future__ import annotations

from array import array
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from videomon.core.domain.task import TrackedTask, Watch
from videomon.core.tracking.listing import Order, Query, TaskListing, positions

#: rows read from the store at a time (a screenful and a margin: about 3 ms)
BLOCK = 128
#: at most this many rows move one by one in a batch; more and the list is read again
MOVES = 32


@dataclass(slots=True)
class Batch:
    """What a batch of changed tasks did to the rows: cells to repaint (row → the task
    before, None when it was not decoded), rows to add at the end (or, descending by ADDED,
    at the start), and whether rows moved (a layout change: the model re-maps by ref)."""

    cells: dict[int, TrackedTask | None] = field(default_factory=dict)
    appended: list[TrackedTask] = field(default_factory=list)
    moved: list[tuple[TrackedTask, TrackedTask | None]] = field(default_factory=list)


def live(task: TrackedTask) -> bool:
    """Whether the task still changes on its own (polled, or its download runs)."""
    return task.watch is Watch.ACTIVE or task.download_busy


class RowWindow:
    """Rows of one `Query` over the store. `refs[row]` is the task shown at `row`; tasks
    are decoded a block at a time into an LRU of `capacity`; the latest copies of tasks
    that still change (`live`) are kept apart and never evicted."""

    def __init__(self, listing: TaskListing, capacity: int = 4096) -> None:
        self.listing = listing
        self.query = Query()
        self.refs: array[int] = array("q")
        self.top = 0  # the highest ref stored when the list was read: a higher one is new
        self._capacity = capacity
        self._cache: OrderedDict[int, TrackedTask] = OrderedDict()
        self._live: dict[int, TrackedTask] = {}

    # -- reading -------------------------------------------------------------------------
    def reload(self, query: Query | None = None) -> None:
        """Read the whole list again (a new query, or too much moved)."""
        self.query = query if query is not None else self.query
        self.refs, top = self.read(self.query)
        self.top = max(self.top, top)

    def read(self, query: Query) -> tuple[array[int], int]:
        """The whole list of `query` and the highest stored ref (any thread: it only reads,
        on the listing's own connections)."""
        top = self.listing.last_ref()
        return self.listing.ordered(query), top

    def adopt(self, query: Query, refs: array[int], top: int,
              meanwhile: Sequence[TrackedTask]) -> bool:
        """Show a list read off the window's thread. Tasks that changed while it was read
        are put where they now belong; returns whether too many did (read it again)."""
        self.query, self.refs, self.top = query, refs, max(self.top, top)
        if len(meanwhile) > MOVES:
            self._remember(meanwhile)
            return True
        self.move([(task, None) for task in meanwhile])
        return False

    def seed(self) -> None:
        """Take in the tasks that still change (a batch then knows how each was)."""
        self._remember(self.listing.live_tasks())

    def known(self, ref: int) -> TrackedTask | None:
        """The task if it is decoded here (no read)."""
        return self._known(ref)

    def __len__(self) -> int:
        return len(self.refs)

    def task_at(self, row: int) -> TrackedTask | None:
        """The task at `row` (its block is read when it is not decoded yet)."""
        ref = self.refs[row]
        task = self._known(ref)
        if task is None:
            first = row - row % BLOCK
            self._remember(self.listing.block(self.refs[first:first + BLOCK]).values())
            task = self._known(ref)
        return task

    def tasks_at(self, rows: Iterable[int]) -> list[TrackedTask]:
        """The tasks of these rows, in that order (those not decoded are read without
        filling the cache: a selection of 100,000 rows passes through)."""
        refs = [self.refs[r] for r in rows if 0 <= r < len(self.refs)]
        return self.tasks(refs)

    def refs_in(self, runs: Iterable[tuple[int, int]]) -> array[int]:
        """The refs of these runs of rows (slices of the array: no int made, nothing
        decoded; a million selected refs in a millisecond)."""
        refs = array("q")
        for first, last in runs:
            refs.extend(self.refs[max(first, 0):last + 1])
        return refs

    def tasks(self, refs: Sequence[int]) -> list[TrackedTask]:
        """These tasks (those still stored), in that order."""
        found = {ref: task for ref in refs if (task := self._known(ref)) is not None}
        missing = [ref for ref in refs if ref not in found]
        if missing:
            found.update(self.listing.block(missing))
        return [found[ref] for ref in refs if ref in found]

    def task(self, ref: int) -> TrackedTask | None:
        known = self._known(ref)
        if known is None:
            self._remember(self.listing.block([ref]).values())
            known = self._known(ref)
        return known

    def _known(self, ref: int) -> TrackedTask | None:
        task = self._live.get(ref)
        if task is None:
            task = self._cache.get(ref)
            if task is not None:
                self._cache.move_to_end(ref)
        return task

    def _remember(self, tasks: Iterable[TrackedTask]) -> None:
        for task in tasks:
            if live(task):
                self._live[task.ref] = task
                self._cache.pop(task.ref, None)
            else:
                self._live.pop(task.ref, None)
                self._cache[task.ref] = task
                self._cache.move_to_end(task.ref)
        while len(self._cache) > self._capacity:
            self._cache.popitem(last=False)

    # -- where a row is ------------------------------------------------------------------
    def row_of(self, ref: int, task: TrackedTask | None = None) -> int | None:
        """Where `ref` is shown (None: not in the list). `task` is how it was when it was
        placed (its order key); without it, the row is looked for."""
        if self.query.order is Order.ADDED:
            return self._bisect_refs(ref)
        task = task if task is not None else self._known(ref)
        if task is not None:
            row = self._bisect(self.query.key(task))
            if row < len(self.refs) and self.refs[row] == ref:
                return row
        return find(self.refs, ref)

    def rows_of(self, refs: Sequence[int]) -> dict[int, int]:
        """Where these refs are shown (a few by bisection; many in one pass)."""
        if len(refs) > (64 if self.query.order is not Order.ADDED else 4096):
            return positions(self.refs, refs)
        rows = ((ref, self.row_of(ref)) for ref in refs)
        return {ref: row for ref, row in rows if row is not None}

    def _bisect_refs(self, ref: int) -> int | None:
        refs, descending = self.refs, self.query.descending
        low, high = 0, len(refs)
        while low < high:  # refs ascend (or descend) with the row
            mid = (low + high) // 2
            if (refs[mid] > ref) if descending else (refs[mid] < ref):
                low = mid + 1
            else:
                high = mid
        return low if low < len(refs) and refs[low] == ref else None

    def _bisect(self, key: tuple[Any, ...]) -> int:
        """The first row whose task sorts at or after `key` in the view's order."""
        descending, low, high = self.query.descending, 0, len(self.refs)
        while low < high:
            mid = (low + high) // 2
            other = self._key_at(mid)
            if (other > key) if descending else (other < key):
                low = mid + 1
            else:
                high = mid
        return low

    def _key_at(self, row: int) -> tuple[Any, ...]:
        ref = self.refs[row]
        task = self._known(ref)
        if task is None:  # one row, not a block: a bisection reads about twenty
            self._remember(self.listing.block([ref]).values())
            task = self._known(ref)
        return self.query.key(task) if task is not None else (2, ref)

    # -- the engine's batches ------------------------------------------------------------
    def apply(self, tasks: Sequence[TrackedTask]) -> Batch:
        """Take in changed tasks; the rows do not move yet (`move` does that)."""
        batch, query = Batch(), self.query
        plain = query.order is Order.ADDED and query.groups is None and not query.text.strip()
        for task in tasks:
            before = self._known(task.ref)
            if task.ref > self.top:  # new: at the end (or start) of the order added
                if query.order is not Order.ADDED:
                    batch.moved.append((task, None))
                elif query.matches(task):
                    batch.appended.append(task)
            elif plain:
                row = self._bisect_refs(task.ref)
                if row is None:
                    batch.moved.append((task, before))  # (put back: undo)
                else:
                    batch.cells[row] = before
            elif before is None or query.matches(before) != query.matches(task) \
                    or query.key(before) != query.key(task):
                batch.moved.append((task, before))
            elif query.matches(task):
                row = self.row_of(task.ref, before)
                if row is not None:
                    batch.cells[row] = before
        moving = {task.ref for task, _ in batch.moved}
        # moving rows keep their old copies until `move`: a bisection passing them then
        # reads the key they are placed by
        self._remember(t for t in tasks if t.ref not in moving)
        return batch

    def append(self, tasks: Sequence[TrackedTask]) -> None:
        """Add new tasks where the order puts them (`Batch.appended`)."""
        new = array("q", sorted(t.ref for t in tasks))
        if self.query.descending:
            self.refs[0:0] = array("q", reversed(new))
        else:
            self.refs.extend(new)
        self.top = max(self.top, *new)

    def move(self, moved: Sequence[tuple[TrackedTask, TrackedTask | None]]) -> None:
        """Put these tasks (each with how it was before, if known) where they now belong.
        Past `MOVES` of them the list is read again."""
        if len(moved) > MOVES:
            self._remember(task for task, _ in moved)
            self.reload()
            return
        # out first those placed by a key not known here (found by their bytes), then the
        # others by bisection: every row a bisection passes is then placed by its key
        for task, before in sorted(moved, key=lambda pair: pair[1] is not None):
            if task.ref > self.top:
                continue  # new: not in the list yet
            row = self.row_of(task.ref, before) if before is not None else find(self.refs,
                                                                                 task.ref)
            if row is not None:
                del self.refs[row]
        self._remember(task for task, _ in moved)
        for task, _ in moved:
            if self.query.matches(task):
                self.refs.insert(self._bisect(self.query.key(task)), task.ref)
            self.top = max(self.top, task.ref)

    def rows_removed(self, refs: Sequence[int]) -> list[int]:
        """The rows of these tasks (highest first), now forgotten: `cut` takes them out."""
        rows = sorted(self.rows_of(refs).values(), reverse=True)
        for ref in refs:
            self._cache.pop(ref, None)
            self._live.pop(ref, None)
        return rows

    def cut_refs(self, gone: set[int]) -> None:
        """Take out these tasks' rows, however many (one pass over the rows)."""
        self.refs = array("q", (ref for ref in self.refs if ref not in gone))
        for cache in (self._cache, self._live):
            for ref in [ref for ref in cache if ref in gone]:
                del cache[ref]

    def cut(self, first: int, last: int) -> None:
        del self.refs[first:last + 1]

    def cut_rows(self, rows: Iterable[int]) -> None:
        """Take out these rows, however many and wherever they are (one pass)."""
        gone = set(rows)
        self.refs = array("q", (ref for row, ref in enumerate(self.refs) if row not in gone))


def find(refs: array[int], ref: int) -> int | None:
    """Where `ref` is in `refs` (a search of its bytes: a million in a few milliseconds)."""
    data, needle = memoryview(refs).cast("B").tobytes(), array("q", [ref]).tobytes()
    start = data.find(needle)
    while start >= 0:
        if start % 8 == 0:
            return start // 8
        start = data.find(needle, start + 1)
    return None


def ranges(changed: dict[int, set[int]]) -> list[tuple[int, int, set[int]]]:
    """Contiguous runs of changed rows, each with the union of its changed columns."""
    return [(first, last, set().union(*(changed[r] for r in range(first, last + 1))))
            for first, last in row_runs(changed)]


def row_runs(rows: Iterable[int]) -> list[tuple[int, int]]:
    """Rows as (first, last) runs of consecutive numbers, lowest first (duplicates once)."""
    runs: list[tuple[int, int]] = []
    for row in sorted(set(rows)):
        if runs and row == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs
