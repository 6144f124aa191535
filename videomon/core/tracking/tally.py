"""Counts of tracked tasks kept as they change (the status bar, the title, the tray): a
batch of N changed tasks costs O(N), never a pass over every row."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping

from videomon.core.domain.errors import ProblemKind
from videomon.core.domain.snapshot import TaskState
from videomon.core.domain.task import Group, TrackedTask, Watch, group_of


class TaskTally:
    """How many tasks are in each group, active and paused; which active tasks have a
    problem (the status line shows the latest) and whether one is the network's."""

    def __init__(self, tasks: Iterable[TrackedTask] = ()) -> None:
        self.groups: Counter[Group] = Counter()
        self.watches: Counter[Watch] = Counter()
        self._troubled: dict[int, TrackedTask] = {}  # active tasks with a problem
        self._fetching: set[int] = set()  # tasks not polled whose download is under way
        for task in tasks:
            self.add(task)

    @classmethod
    def counted(cls, counts: Iterable[tuple[str, str, int]],
                tasks: Iterable[TrackedTask]) -> TaskTally:
        """From the store's counts by watch and state, and the tasks held in memory (the
        only ones that can have a live problem or a running download)."""
        tally = cls()
        tally.shift({(watch, state): n for watch, state, n in counts}, +1)
        for task in tasks:
            tally.add(task)
            tally.groups[task.group] -= 1  # (counted above)
            tally.watches[task.watch] -= 1
        return tally

    def shift(self, counts: Mapping[tuple[str, str], int], sign: int) -> None:
        """Count in (+1) or out (-1) stored tasks by (watch, state), none decoded."""
        for (watch, state), n in counts.items():
            self.groups[group_of(Watch(watch), TaskState(state))] += sign * n
            self.watches[Watch(watch)] += sign * n

    def add(self, task: TrackedTask) -> None:
        self.groups[task.group] += 1
        self.watches[task.watch] += 1
        if task.problem_message and task.watch is Watch.ACTIVE:
            self._troubled[task.ref] = task
        if task.download_busy and task.watch is not Watch.ACTIVE:
            self._fetching.add(task.ref)

    def discard(self, task: TrackedTask) -> None:
        self.groups[task.group] -= 1
        self.watches[task.watch] -= 1
        self._troubled.pop(task.ref, None)
        self._fetching.discard(task.ref)

    def replace(self, old: TrackedTask, new: TrackedTask) -> None:
        self.discard(old)
        self.add(new)

    @property
    def total(self) -> int:
        """Every tracked task."""
        return sum(self.groups.values())

    @property
    def active(self) -> int:
        return self.watches[Watch.ACTIVE]

    @property
    def paused(self) -> int:
        return self.watches[Watch.PAUSED]

    @property
    def still_tracked(self) -> int:
        """Tasks that stopping would cut short: polled ones and ones still downloading."""
        return self.watches[Watch.ACTIVE] + len(self._fetching)

    def count(self, group: Group) -> int:
        return self.groups[group]

    @property
    def network_trouble(self) -> bool:
        """An active task's last lookup failed for the network."""
        return any(t.problem_kind == ProblemKind.NETWORK for t in self._troubled.values())

    def latest_problem(self) -> TrackedTask | None:
        """The active task whose problem was seen last (None: no active task has one)."""
        if not self._troubled:
            return None
        return max(self._troubled.values(), key=lambda t: t.last_checked_at or 0)
