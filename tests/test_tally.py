"""The counts kept as tasks change agree with counting every task again."""

from __future__ import annotations

import random

from videomon.core.domain.errors import ProblemKind
from videomon.core.domain.snapshot import TaskState
from videomon.core.domain.task import Group, TrackedTask, Watch
from videomon.core.tracking.tally import TaskTally


def random_task(rng: random.Random, ref: int) -> TrackedTask:
    problem = rng.choice([None, None, ProblemKind.NETWORK, ProblemKind.SERVER])
    return TrackedTask(ref, "p", f"t{ref}", 0.0, state=rng.choice(list(TaskState)),
                       watch=rng.choice(list(Watch)), last_checked_at=rng.random(),
                       problem_kind=problem, problem_message="down" if problem else None)


def test_a_tally_kept_through_changes_equals_a_fresh_count() -> None:
    rng = random.Random(3)
    tasks = {ref: random_task(rng, ref) for ref in range(200)}
    tally = TaskTally(tasks.values())
    for step in range(2000):
        ref = rng.randrange(260)
        if ref in tasks and rng.random() < 0.2:
            tally.discard(tasks.pop(ref))
        elif ref in tasks:
            new = random_task(rng, ref)
            tally.replace(tasks[ref], new)
            tasks[ref] = new
        else:
            tasks[ref] = random_task(rng, ref)
            tally.add(tasks[ref])
        if step % 97 == 0:
            fresh = list(tasks.values())
            assert {g: tally.count(g) for g in Group} == \
                {g: sum(1 for t in fresh if t.group is g) for g in Group}
            assert tally.active == sum(1 for t in fresh if t.watch is Watch.ACTIVE)
            assert tally.paused == sum(1 for t in fresh if t.watch is Watch.PAUSED)
            troubled = [t for t in fresh if t.problem_message and t.watch is Watch.ACTIVE]
            assert tally.network_trouble == any(t.problem_kind == ProblemKind.NETWORK
                                                for t in troubled)
            latest = max(troubled, key=lambda t: t.last_checked_at or 0, default=None)
            assert tally.latest_problem() is latest
