"""The poll policy without a loop, a clock or a store: previous state + result → change."""

from __future__ import annotations

import random

from videomon.core.domain.errors import AuthRejected, NetworkError, NotFound
from videomon.core.domain.snapshot import Snapshot, TaskState
from videomon.core.domain.task import TrackedTask, Watch
from videomon.core.providers.lookup import LookupResult
from videomon.core.tracking.poll_policy import Change, Counters, PolicyConfig, settle

NOW = 1_000_000.0
CONFIG = PolicyConfig(jitter=0.0)


def task(state: TaskState = TaskState.RUNNING, urls: tuple[str, ...] = ()) -> TrackedTask:
    snap = Snapshot("t1", "openai", state, 40.0, video_urls=urls)
    return TrackedTask(1, "relay", "t1", NOW - 100, state=state, progress=40.0, snapshot=snap,
                       last_change_at=NOW - 50)


def answer(state: TaskState, progress: float | None = None,
           urls: tuple[str, ...] = ()) -> LookupResult:
    return LookupResult("t1", Snapshot("t1", "openai", state, progress, video_urls=urls))


FRESH = Counters()


def run(before: TrackedTask, result: LookupResult, counters: Counters = FRESH) -> Change:
    return settle(before, counters, 5.0, result, NOW, CONFIG, random.Random(1))


def test_progress_is_a_change_with_no_history_and_the_profile_interval() -> None:
    change = run(task(), answer(TaskState.RUNNING, 60.0))
    assert change.values["progress"] == 60.0 and change.values["last_change_at"] == NOW
    assert change.history is None and change.counters == Counters()
    assert change.values["next_poll_at"] == NOW + 5.0


def test_success_stops_polling_records_history_and_says_it_just_succeeded() -> None:
    change = run(task(), answer(TaskState.SUCCEEDED, 100.0, ("https://cdn/v.mp4",)))
    assert change.values["watch"] is Watch.DONE
    assert change.history == ("succeeded", 100.0, None)
    assert change.newly_succeeded


def test_unchanged_readings_back_off() -> None:
    counters = Counters(unchanged=5)
    change = run(task(), answer(TaskState.RUNNING, 40.0), counters)
    assert change.counters.unchanged == 6
    assert change.values["next_poll_at"] > NOW + 5.0


def test_not_found_twice_stops_and_a_rejected_key_pauses_the_profile() -> None:
    once = run(task(), LookupResult("t1", problem=NotFound("no such task")))
    assert "watch" not in once.values and once.counters.not_found == 1
    twice = run(task(), LookupResult("t1", problem=NotFound("no such task")), once.counters)
    assert twice.values["watch"] is Watch.NOT_FOUND and twice.history is not None
    auth = run(task(), LookupResult("t1", problem=AuthRejected("bad key")))
    assert auth.rejected_key == "bad key" and "problem_kind" not in auth.values


def test_network_failures_back_off_and_honour_retry_after() -> None:
    change = run(task(), LookupResult("t1", problem=NetworkError("down", retry_after=42.0)))
    assert change.values["problem_kind"] == "network"
    assert change.values["next_poll_at"] == NOW + 42.0
    assert change.counters.failures == 1


def test_a_renewed_video_link_is_in_the_timeline() -> None:
    before = task(TaskState.SUCCEEDED, ("https://cdn/old.mp4",))
    change = run(before, answer(TaskState.SUCCEEDED, 40.0, ("https://cdn/new.mp4",)))
    assert change.history == ("succeeded", 40.0, "new video link")
    assert not change.newly_succeeded


def test_a_provider_down_for_days_keeps_backing_off_without_overflow() -> None:
    """2 ** failures once overflowed a float after ~1,000 failures in a row."""
    import random as _random

    from videomon.core.domain.errors import NetworkError
    from videomon.core.domain.task import TrackedTask
    from videomon.core.providers.http import RetryPolicy
    from videomon.core.providers.lookup import LookupResult
    from videomon.core.tracking.poll_policy import Counters, PolicyConfig, settle

    task = TrackedTask(ref=1, profile="p", task_id="t", added_at=0.0)
    result = LookupResult("t", problem=NetworkError("down"))
    change = settle(task, Counters(failures=5000), 5.0, result, 100.0, PolicyConfig(),
                    _random.Random(1))
    assert 100.0 < change.values["next_poll_at"] <= 100.0 + 66.0  # the cap, with jitter
    assert 0 <= RetryPolicy().backoff(5000, _random.Random(1)) <= RetryPolicy().max_delay
