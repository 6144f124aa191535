"""The stored tasks as lists, read in SQL: counts by group, pages in any order, the
filter-as-you-type (an FTS5 trigram index) and a stream for the terminal.

Every query is bound by what it returns (an index for each order, the search index for
the text), never by how many tasks were ever tracked; the store keeps those indexes
(schema 2)."""

from __future__ import annotations

import dataclasses
import enum
import json
import string
from array import array
from collections import Counter
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from videomon.core.domain.snapshot import TaskState
from videomon.core.domain.task import DownloadState, Group, TrackedTask, Watch, group_of
from videomon.core.tracking.set_aside import LIVE

if TYPE_CHECKING:
    from videomon.core.tracking.store import TaskStore


class Order(enum.StrEnum):
    """What a list can be sorted by (each has an index: a page costs its size)."""

    ADDED = "added"
    TASK_ID = "task_id"
    PROVIDER = "provider"
    MODEL = "model"
    STATE = "state"
    PROGRESS = "progress"
    CHECKED = "checked"
    DOWNLOAD = "download"
    OUTPUT = "output"


#: this many matches or more: a page reads rows in its order and checks each (the first
#: page comes after about PAGE / share rows), instead of taking every match from the index
COMMON = 2000

#: each order's SQL (ties are broken by ref, so a page boundary is stable)
_ORDER_SQL = {
    Order.ADDED: "ref",
    Order.TASK_ID: "task_id COLLATE NOCASE",
    Order.PROVIDER: "profile COLLATE NOCASE",
    Order.MODEL: "model COLLATE NOCASE",
    Order.STATE: "state_rank",
    Order.PROGRESS: "progress",
    Order.CHECKED: "last_checked_at",
    Order.DOWNLOAD: "download_rank",
    Order.OUTPUT: "output COLLATE NOCASE",
}

#: each group as an SQL predicate (the stored tasks' `grp` column, schema 3, says in SQL
#: what `group_of` says in Python; it is indexed with the ref)
GROUP_SQL = {group: f"grp = '{group.value}'" for group in Group}
#: the columns the filter searches (the search index holds the same)
SEARCHED = ("task_id", "label", "profile", "model", "output", "prompt", "tags", "notes")
_SEARCHED = " || ' ' || ".join(f"COALESCE({c}, '')" for c in SEARCHED)


@dataclass(frozen=True, slots=True)
class Query:
    """Which tasks, in which order: `text` is matched inside the ID, title, provider,
    model, output (the file, the video link or the error), prompt, tags and notes,
    case-insensitively; `groups` None means every group; `tag` one tag (letter case
    aside), `starred` only starred tasks."""

    text: str = ""
    groups: frozenset[Group] | None = None
    order: Order = Order.ADDED
    descending: bool = False
    tag: str | None = None
    starred: bool = False

    def matches(self, task: TrackedTask) -> bool:
        """Whether the task is one of this query's (the same rule as its SQL)."""
        if self.groups is not None and task.group not in self.groups:
            return False
        if self.starred and not task.starred:
            return False
        if self.tag is not None and self.tag.translate(_NOCASE) not in {
                t.translate(_NOCASE) for t in task.tags}:
            return False
        text = self.text.strip().lower()
        return not text or text in searched_text(task)

    def key(self, task: TrackedTask) -> tuple[Any, ...]:
        """The task's place in this query's order, ascending (`order_key`)."""
        return order_key(task, self.order)


def searched_text(task: TrackedTask) -> str:
    """What the filter searches in a task, lower case (the columns of `SEARCHED`)."""
    return " ".join(v or "" for v in (task.task_id, task.label, task.profile, task.model,
                                      stored_output(task), task.prompt,
                                      "\n".join(task.tags), task.notes)).lower()


def stored_output(task: TrackedTask) -> str | None:
    """The store's `output` column for this task: the file, else the video link, the
    error or the problem (the first that is not NULL, as SQL's COALESCE takes it)."""
    urls = task.video_urls
    for value in ("\n".join(task.download_paths) or None, urls[0] if urls else None,
                  task.error, task.problem_message):
        if value is not None:
            return value
    return None


#: SQLite's NOCASE folds ASCII letters only
_NOCASE = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
_STATE_RANK = {TaskState.QUEUED: 0, TaskState.RUNNING: 10, TaskState.SUCCEEDED: 20}
_DOWNLOAD_RANK = {DownloadState.CANCELLED: 1, DownloadState.FAILED: 2, DownloadState.QUEUED: 3,
                  DownloadState.DOWNLOADING: 4, DownloadState.DONE: 5}


def order_key(task: TrackedTask, order: Order) -> tuple[Any, ...]:
    """Where the task sorts in `order`, ascending, exactly as the query's SQL puts it
    (NULL first, NOCASE text, ties by ref): a changed row finds its place by bisection."""
    if order is Order.ADDED:
        return (task.ref,)
    value: Any
    if order is Order.TASK_ID:
        value = task.task_id.translate(_NOCASE)
    elif order is Order.PROVIDER:
        value = task.profile.translate(_NOCASE)
    elif order is Order.MODEL:
        value = None if task.model is None else task.model.translate(_NOCASE)
    elif order is Order.STATE:
        value = _STATE_RANK.get(task.state, 30) + (0 if task.watch is Watch.ACTIVE else 5)
    elif order is Order.PROGRESS:
        value = task.progress
    elif order is Order.CHECKED:
        value = task.last_checked_at
    elif order is Order.DOWNLOAD:
        value = _DOWNLOAD_RANK.get(task.download_state, 0)  # type: ignore[arg-type]
    else:
        output = stored_output(task)
        value = None if output is None else output.translate(_NOCASE)
    return (0, 0, task.ref) if value is None else (1, value, task.ref)


class TaskListing:
    """Read-only lists over one store, on connections of their own: `block` on one (the
    window's thread reads the rows it shows), everything else on another (a worker's)."""

    def __init__(self, store: TaskStore, common: int = COMMON) -> None:
        self._store = store.reader()
        self._near = store.reader()
        self._common = common

    # -- the window's rows -------------------------------------------------------------
    def ordered(self, query: Query) -> array[int]:
        """Every matching ref in the query's order (8 bytes a row: a million in ~0.3 s,
        read by SQL in one statement and parsed in slices that let other threads run)."""
        tail, params = self._everything(query)
        text = self._store.query(
            f"SELECT json_group_array(ref) FROM (SELECT ref FROM tasks {tail})", params)[0][0]
        return parse_refs(text)

    def _everything(self, query: Query) -> tuple[str, list[Any]]:
        if query.order is Order.ADDED and query.groups is None and not query.text.strip() \
                and query.tag is None and not query.starred:
            # the compact index, not the table (whose rows hold the snapshots): 0.1 s, not 3
            return (f"INDEXED BY tasks_by_ref ORDER BY ref "
                    f"{'DESC' if query.descending else 'ASC'}", [])
        where, params = self._where(query)
        return f"WHERE {where} ORDER BY {_order(query)}", params

    def live_tasks(self) -> list[TrackedTask]:
        """The tasks that still change on their own: polled, or downloading (indexed)."""
        return self._near.select(f"WHERE {LIVE} ORDER BY ref", [])

    def last_ref(self) -> int:
        """The highest ref stored (0: none); a task added later has a higher one."""
        return int(self._near.query("SELECT MAX(ref) FROM tasks")[0][0] or 0)

    def block(self, refs: Sequence[int]) -> dict[int, TrackedTask]:
        """These tasks, decoded (a screenful: about a millisecond per hundred)."""
        return {task.ref: task for task in self._near.by_refs(refs)}

    def tally_rows(self) -> list[tuple[Watch, TaskState, int]]:
        """How many tasks are followed each way in each state (the watch index covers it)."""
        return [(Watch(w), TaskState(s), int(n)) for w, s, n in self._store.query(
            "SELECT watch, state, COUNT(*) FROM tasks GROUP BY watch, state")]

    def _where(self, query: Query) -> tuple[str, list[Any]]:
        text = query.text.strip()
        common = len(text) >= 3 and self._is_common(text)
        return _where_clause(query, common)

    def _is_common(self, text: str) -> bool:
        """Whether `common` rows or more hold `text` (the index stops counting there)."""
        match = _phrase(text)
        found = self._store.query(
            "SELECT COUNT(*) FROM (SELECT rowid FROM task_search WHERE task_search MATCH ? "
            "LIMIT ?)", [match, self._common])
        return int(found[0][0]) >= self._common

    def tag_counts(self) -> list[tuple[str, int]]:
        """Every tag in use and how many tasks have it, most used first (the partial index
        on tagged rows: untagged history is not read)."""
        counts: Counter[str] = Counter()
        names: dict[str, str] = {}
        for (text,) in self._near.query(
                "SELECT tags FROM tasks INDEXED BY tasks_tagged WHERE tags IS NOT NULL"):
            for tag in text.split("\n"):
                key = tag.casefold()
                names.setdefault(key, tag)
                counts[key] += 1
        return sorted(((names[k], n) for k, n in counts.items()),
                      key=lambda item: (-item[1], item[0].casefold()))

    def counts(self) -> dict[Group, int]:
        """How many tasks are in each group (one indexed pass, no rows decoded)."""
        counts = dict.fromkeys(Group, 0)
        for watch, state, n in self.tally_rows():
            counts[group_of(watch, state)] += n
        return counts

    def count(self, query: Query) -> int:
        """How many tasks match (it reads every match, through the search index when
        there is text: off the window's thread)."""
        where, params = _where_clause(query, common=False)
        return int(self._store.query(f"SELECT COUNT(*) FROM tasks WHERE {where}",
                                     params)[0][0])

    def refs(self, query: Query, offset: int = 0, limit: int = -1) -> list[int]:
        """The refs of the matching tasks in the query's order (a window of them)."""
        tail, params = self._window(query, offset, limit)
        return [r for (r,) in self._store.query(f"SELECT ref FROM tasks {tail}", params)]

    def page(self, query: Query, offset: int, limit: int) -> list[TrackedTask]:
        """The matching tasks from `offset` on, at most `limit`, decoded."""
        return self._store.select(*self._window(query, offset, limit))

    def _window(self, query: Query, offset: int, limit: int) -> tuple[str, list[Any]]:
        """``WHERE … ORDER BY … LIMIT`` for a window of the query's rows. In the order
        they were added, text is looked up by walking the search index in rowid order
        (it stops at the window's end however the matches lie)."""
        text = query.text.strip()
        if query.order is Order.ADDED and len(text) >= 3:
            groups, params = _where_clause(dataclasses.replace(query, text=""), False)
            direction = "DESC" if query.descending else "ASC"
            inner = ("SELECT task_search.rowid FROM task_search JOIN tasks ON tasks.ref = "
                     f"task_search.rowid WHERE task_search MATCH ? AND {groups} "
                     f"ORDER BY task_search.rowid {direction} LIMIT ? OFFSET ?")
            return (f"WHERE ref IN ({inner}) ORDER BY ref {direction}",
                    [_phrase(text), *params, limit, offset])
        where, params = self._where(query)
        return (f"WHERE {where} ORDER BY {_order(query)} LIMIT ? OFFSET ?",
                [*params, limit, offset])

    def cost_groups(self, query: Query | None = None, refs: Sequence[int] | None = None,
                    chunk: int = 900) -> Iterator[tuple[Any, ...]]:
        """The costs of `refs` (or of `query`'s tasks) summed by SQL per provider, model,
        state and unit (`CostGroup.read`): a million rows come back as a few tuples."""
        select = ("SELECT profile, model, state, json_extract(snapshot, '$.cost_unit') AS u, "
                  "count(*), count(json_extract(snapshot, '$.duration')), "
                  "total(json_extract(snapshot, '$.duration')), "
                  "count(json_extract(snapshot, '$.cost')), "
                  "total(json_extract(snapshot, '$.cost')) FROM tasks")
        group = "GROUP BY profile, model, state, u"
        if refs is None:
            where, params = _where_clause(query or Query(), common=False)
            yield from self._store.query(f"{select} WHERE {where} {group}", params)
            return
        for start in range(0, len(refs), chunk):
            part = list(refs[start:start + chunk])
            yield from self._store.query(
                f"{select} WHERE ref IN ({', '.join('?' * len(part))}) {group}", part)

    def stream(self, *, state: str | None = None, profile: str | None = None,
               chunk: int = 500, query: Query | None = None) -> Iterator[TrackedTask]:
        """Every task (oldest first) with that status and profile (and matching `query`'s
        text, tag and star), read `chunk` at a time: memory stays the same however many
        there are."""
        clauses, params = [], []
        if query is not None:
            where, values = _where_clause(query, common=False)
            clauses.append(where)
            params += values
        if state == "not_found":
            clauses.append("watch = 'not_found'")
        elif state is not None:
            clauses.append("state = ? AND watch <> 'not_found'")
            params.append(state)
        if profile is not None:
            clauses.append("profile = ?")
            params.append(profile)
        where = " AND ".join(clauses) or "1"
        after = 0
        while True:
            tasks = self._store.select(f"WHERE ref > ? AND {where} ORDER BY ref LIMIT ?",
                                       [after, *params, chunk])
            yield from tasks
            if len(tasks) < chunk:
                return
            after = tasks[-1].ref


def parse_refs(text: str, step: int = 100_000) -> array[int]:
    """A JSON array of refs as an `array`, parsed a slice at a time (each slice holds the
    interpreter for a few milliseconds, not the whole parse)."""
    refs = array("q")
    body, start = text[1:-1], 0
    while start < len(body):
        end = body.find(",", start + step)
        end = len(body) if end < 0 else end
        refs.extend(json.loads("[" + body[start:end] + "]"))
        start = end + 1
    return refs


def positions(refs: Sequence[int], wanted: Collection[int]) -> dict[int, int]:
    """Where these refs are in `refs` (one pass: a million in ~0.1 s, off the window)."""
    wanted = wanted if isinstance(wanted, set | frozenset) else set(wanted)
    if not wanted:
        return {}
    return {ref: row for row, ref in enumerate(refs) if ref in wanted}


def _order(query: Query) -> str:
    direction = "DESC" if query.descending else "ASC"
    return f"{_ORDER_SQL[query.order]} {direction}, ref {direction}"


def _phrase(text: str) -> str:
    """`text` as an FTS5 phrase: with the trigram index, every row holding it."""
    return '"' + text.replace('"', '""') + '"'


def _text_clause(text: str, common: bool) -> tuple[str, list[Any]]:
    """`text` found in the searched columns: through the trigram index when few rows have
    it (or it is too short for trigrams... then a scan that a page's LIMIT stops early),
    by reading rows in the page's order when most do (the index would hand over every
    match before the first page could be cut)."""
    if len(text) >= 3 and not common:
        return ("ref IN (SELECT rowid FROM task_search WHERE task_search MATCH ?)",
                [_phrase(text)])
    return f"instr(lower({_SEARCHED}), ?) > 0", [text.lower()]


def _where_clause(query: Query, common: bool) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if query.groups is not None:
        clauses.append("(" + (" OR ".join(GROUP_SQL[g] for g in sorted(query.groups))
                              or "0") + ")")
    if query.starred:
        clauses.append("starred")
    if query.tag is not None:
        clauses.append("tags IS NOT NULL AND instr(char(10) || lower(tags) || char(10), "
                       "char(10) || ? || char(10)) > 0")
        params.append(query.tag.translate(_NOCASE))
    text = query.text.strip()
    if text:
        clause, values = _text_clause(text, common)
        clauses.append(clause)
        params += values
    return " AND ".join(clauses) or "1", params
