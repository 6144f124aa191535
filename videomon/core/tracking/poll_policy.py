"""The poll policy, pure: a task's previous state and one lookup result in, a typed change
out (new columns, a history entry, the next poll time, a paused profile).

Intervals start at the profile's, lengthen while nothing changes (up to a cap), follow
the server's hints (``openai-poll-after-ms``, ``Retry-After``) and carry jitter. A
terminal state stops polling; not found twice in a row stops as not found; a rejected
key pauses the profile; other failures back off; no change for a day makes a task stale.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field, replace

from videomon.core.domain.errors import NO_LINK, UNKNOWN_STATUS, ProblemKind
from videomon.core.domain.snapshot import Snapshot, TaskState
from videomon.core.domain.task import TrackedTask, Watch, snapshot_values
from videomon.core.providers.lookup import LookupResult
from videomon.core.tracking.store import History


@dataclass(frozen=True, slots=True)
class PolicyConfig:
    max_interval: float = 60.0
    unchanged_before_backoff: int = 3
    backoff_factor: float = 1.5
    jitter: float = 0.1
    stale_after: float = 24 * 3600.0
    not_found_limit: int = 2
    min_interval: float = 0.5


@dataclass(frozen=True, slots=True)
class Counters:
    """Per-task streaks that need not survive a restart."""

    unchanged: int = 0
    failures: int = 0
    not_found: int = 0


@dataclass(slots=True)
class Change:
    values: dict[str, object] = field(default_factory=dict)
    history: History | None = None
    counters: Counters = Counters()
    rejected_key: str | None = None  # the profile's key was refused: pause the profile
    newly_succeeded: bool = False


def _moved(snapshot: Snapshot) -> tuple[object, ...]:
    """What counts as a change (a new reading with only these equal is no progress)."""
    return snapshot.state, snapshot.progress, snapshot.video_urls, snapshot.error


def jittered(delay: float, config: PolicyConfig, rng: random.Random) -> float:
    spread = config.jitter
    return max(config.min_interval, delay * rng.uniform(1 - spread, 1 + spread))


def settle(task: TrackedTask, counters: Counters, interval: float, result: LookupResult,
           now: float, config: PolicyConfig, rng: random.Random) -> Change:
    """What one lookup result does to a task."""
    if result.snapshot is not None:
        return _answered(task, counters, interval, result, result.snapshot, now, config, rng)
    problem = result.problem
    assert problem is not None
    change = Change({"last_checked_at": now, "problem_kind": problem.kind.value,
                     "problem_message": problem.message}, counters=counters)
    if problem.kind is ProblemKind.AUTH:
        del change.values["problem_kind"], change.values["problem_message"]
        change.rejected_key = problem.message
        change.values["next_poll_at"] = now
    elif problem.kind is ProblemKind.NOT_FOUND:
        change.counters = replace(counters, not_found=counters.not_found + 1)
        if change.counters.not_found >= config.not_found_limit:
            change.values["watch"] = Watch.NOT_FOUND
            change.history = ("not_found", None, problem.message[:200])
        change.values["next_poll_at"] = now + jittered(interval, config, rng)
    else:  # network, server, rate limited, bad response: back off
        change.counters = replace(counters, failures=counters.failures + 1)
        # (the exponent is capped: after ~1,000 failures in a row 2 ** n overflows a float)
        growth = 2 ** min(change.counters.failures, 40)
        delay = jittered(min(config.max_interval, interval * growth), config, rng)
        if problem.retry_after is not None:
            delay = max(delay, problem.retry_after)
        change.values["next_poll_at"] = now + delay
    return change


def _answered(task: TrackedTask, counters: Counters, interval: float, result: LookupResult,
              snap: Snapshot, now: float, config: PolicyConfig,
              rng: random.Random) -> Change:
    before = task.snapshot
    snap = _known(task, snap)
    values: dict[str, object] = {"last_checked_at": now, **snapshot_values(snap),
                                 **_said(snap)}
    changed = before is None or _moved(before) != _moved(snap)
    history: History | None = None
    if changed:
        counters = Counters()
        values["last_change_at"] = now
        if before is None or before.state is not snap.state:
            history = (snap.state.value, snap.progress, None)
        elif before.video_urls != snap.video_urls and snap.video_urls:
            history = (snap.state.value, snap.progress, "new video link")
    else:
        counters = Counters(unchanged=counters.unchanged + 1)
    quiet = now - (task.last_change_at or now)
    linkless = snap.state is TaskState.SUCCEEDED and not snap.video_urls
    if snap.state.terminal and not linkless:  # (no link yet: asked again, backing off)
        values["watch"] = Watch.DONE
    elif not changed and quiet >= config.stale_after:
        values["watch"] = Watch.STALE
        values["problem_kind"] = "stale"
        values["problem_message"] = (f"no change for {quiet / 3600:.0f} h; polling stopped "
                                     "(refresh to try again)")
        history = (snap.state.value, snap.progress, "stale")
    extra = max(0, counters.unchanged - config.unchanged_before_backoff + 1)
    delay = min(config.max_interval, interval * config.backoff_factor ** extra)
    if result.poll_after is not None:
        delay = min(config.max_interval, max(config.min_interval, result.poll_after))
    values["next_poll_at"] = now + jittered(delay, config, rng)
    return Change(values, history, counters, newly_succeeded=(
        snap.state is TaskState.SUCCEEDED and bool(snap.video_urls)
        and (task.state is not TaskState.SUCCEEDED or not task.video_urls)))


def _known(task: TrackedTask, snap: Snapshot) -> Snapshot:
    """A status word no map knows leaves the task where it was (running, if nowhere)."""
    if snap.status_known:
        return snap
    before = task.snapshot
    state = task.state if before is not None and not task.state.terminal \
        else TaskState.RUNNING
    progress = snap.progress if snap.progress is not None else (
        before.progress if before is not None else None)
    return replace(snap, state=state, progress=progress)


def _said(snap: Snapshot) -> dict[str, object]:
    """The row's note about an answer: the unknown word, or the missing video link."""
    if not snap.status_known:
        return {"problem_kind": UNKNOWN_STATUS, "problem_message": snap.raw_status or ""}
    if snap.state is TaskState.SUCCEEDED and not snap.video_urls:
        return {"problem_kind": NO_LINK, "problem_message": snap.link_problem or ""}
    return {"problem_kind": None, "problem_message": None}
