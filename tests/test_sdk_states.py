"""Every provider read the way its own SDK reads it: each status value a vendor's SDK
(or, for relays, new-api's task log) defines maps to the right state; a word no map knows
leaves the task where it was and keeps it polled; fal's COMPLETED with an error failed;
Replicate's progress is the last bar in its logs; a finished task whose video link cannot
be read is finished, says the link is missing and is asked again later."""

from __future__ import annotations

import asyncio
import random
from typing import Any

import pytest

from tests.httpserver import Reply, ScriptedServer
from videomon.core.domain.errors import NO_LINK, UNKNOWN_STATUS, NotFound
from videomon.core.domain.snapshot import Snapshot, TaskState
from videomon.core.domain.task import TrackedTask, Watch
from videomon.core.providers.dialects import BUILTIN_DIALECTS, FormatRegistry
from videomon.core.providers.formats.builtin import BUILTIN_FORMATS
from videomon.core.providers.http import HttpClient
from videomon.core.providers.lookup import LookupResult, TaskLookup
from videomon.core.providers.profiles import Profile
from videomon.core.tracking.poll_policy import Counters, PolicyConfig, settle

Q, R, S, F, N = "queued", "running", "succeeded", "failed", "not_found"

#: per built-in format: every status value its vendor's SDK types (or documents) define
SDK_STATES: dict[str, dict[str, str]] = {
    # openai-python: Video.status
    "openai": {"queued": Q, "in_progress": R, "completed": S, "failed": F},
    # new-api's task log (the relays behind unified/tasks/kling-relay): TaskStatus
    "unified": {"NOT_START": Q, "SUBMITTED": Q, "QUEUED": Q, "IN_PROGRESS": R,
                "FAILURE": F, "SUCCESS": S},
    "tasks": {"NOT_START": Q, "SUBMITTED": Q, "QUEUED": Q, "IN_PROGRESS": R,
              "FAILURE": F, "SUCCESS": S},
    "kling-relay": {"submitted": Q, "processing": R, "succeed": S, "failed": F,
                    "SUCCESS": S, "FAILURE": F, "IN_PROGRESS": R},
    # Kling API: data.task_status
    "kling": {"submitted": Q, "processing": R, "succeed": S, "failed": F},
    # volcengine-python-sdk (Ark): ContentGenerationTask.status
    "seedance": {"queued": Q, "running": R, "cancelled": F, "succeeded": S, "failed": F},
    # dashscope: TaskStatus
    "wan": {"PENDING": Q, "RUNNING": R, "SUSPENDED": Q, "SUCCEEDED": S, "FAILED": F,
            "CANCELED": F, "UNKNOWN": N},
    # MiniMax video generation query: status
    "minimax": {"Preparing": Q, "Queueing": Q, "Processing": R, "Success": S, "Fail": F},
    # runwayml SDK: TaskRetrieveResponse.status
    "runway": {"PENDING": Q, "THROTTLED": Q, "RUNNING": R, "SUCCEEDED": S, "FAILED": F,
               "CANCELLED": F},
    # lumaai SDK: Generation.state
    "luma": {"queued": Q, "dreaming": R, "completed": S, "failed": F},
    # replicate SDKs: Prediction.status (and the API's "aborted")
    "replicate": {"starting": Q, "processing": R, "succeeded": S, "failed": F,
                  "canceled": F, "aborted": F},
    # fal_client: Queued, InProgress, Completed
    "fal": {"IN_QUEUE": Q, "IN_PROGRESS": R, "COMPLETED": S},
}


def nested(path: str, value: Any) -> dict[str, Any]:
    body: Any = value
    for step in reversed(path.split(".")):
        body = {step: body}
    return body


def test_every_data_format_has_its_sdk_status_table() -> None:
    assert set(SDK_STATES) == set(BUILTIN_FORMATS)
    assert set(BUILTIN_DIALECTS) - set(BUILTIN_FORMATS) == {"gemini"}  # (done: true/false)


@pytest.mark.parametrize(("name", "word", "state"), [
    (name, word, state) for name, table in SDK_STATES.items() for word, state in table.items()])
def test_each_sdk_status_value_maps_to_its_state(name: str, word: str, state: str) -> None:
    fmt = BUILTIN_FORMATS[name]
    body = nested(fmt.paths("state")[0], word)
    dialect = FormatRegistry().dialect(name)
    if state == N:
        with pytest.raises(NotFound):
            dialect.parse(body, task_id="t1", base_url="https://p.example")
        return
    snap = dialect.parse(body, task_id="t1", base_url="https://p.example")
    assert snap.status_known, (name, word)
    assert snap.state.value == state, (name, word)


# -- a word no map knows --------------------------------------------------------------------
NOW = 1_000_000.0
CONFIG = PolicyConfig(jitter=0.0)


def tracked(state: TaskState | None, progress: float | None = None) -> TrackedTask:
    snap = None if state is None else Snapshot("t1", "openai", state, progress)
    return TrackedTask(1, "relay", "t1", NOW - 100, state=state or TaskState.QUEUED,
                       progress=progress, snapshot=snap, last_change_at=NOW - 50)


def odd(word: str = "teleporting", progress: float | None = None) -> LookupResult:
    snap = FormatRegistry().dialect("openai").parse(
        {"status": word, **({"progress": progress} if progress is not None else {})},
        task_id="t1", base_url="https://p.example")
    return LookupResult("t1", snap)


def test_an_unknown_word_keeps_the_state_names_the_word_and_keeps_polling() -> None:
    before = tracked(TaskState.QUEUED, 0.0)
    change = settle(before, Counters(), 5.0, odd(), NOW, CONFIG, random.Random(1))
    assert change.values["state"] is TaskState.QUEUED  # (where it was)
    assert change.values["problem_kind"] == UNKNOWN_STATUS
    assert change.values["problem_message"] == "teleporting"
    assert "watch" not in change.values and not change.newly_succeeded
    # the same word again and again: backing off like any unchanged answer
    counters = Counters()
    delays = []
    for _ in range(8):
        change = settle(before, counters, 5.0, odd(), NOW, CONFIG, random.Random(1))
        counters = change.counters
        delays.append(change.values["next_poll_at"] - NOW)
    assert delays[-1] > delays[0]
    # a first answer with an unknown word: running; its progress is kept
    first = settle(tracked(None), Counters(), 5.0, odd("unknown", 30), NOW, CONFIG,
                   random.Random(1))
    assert first.values["state"] is TaskState.RUNNING and first.values["progress"] == 30.0
    # a known word afterwards clears the note
    known = settle(before, Counters(), 5.0, odd("in_progress", 50), NOW, CONFIG,
                   random.Random(1))
    assert known.values["problem_kind"] is None and known.values["state"] is TaskState.RUNNING


def test_a_relay_word_unknown_does_not_fail_a_status_batch(server: ScriptedServer) -> None:
    from videomon.cli.tasks_cmd import exit_code_for

    server.script("/v1/videos/a", Reply(body={"id": "a", "status": "unknown"}))
    server.script("/v1/videos/b", Reply(body={"id": "b", "status": "completed",
                                              "video_url": "https://cdn.example/b.mp4"}))
    results = asyncio.run(look(server, "openai", ["a", "b"]))
    assert exit_code_for(results) == 0
    assert results[0].snapshot is not None and not results[0].snapshot.status_known


# -- finished, the link unreadable ------------------------------------------------------------
async def look(server: ScriptedServer, name: str, ids: list[str]) -> list[LookupResult]:
    http = HttpClient()
    try:
        lookup = TaskLookup(http, FormatRegistry())
        profile = FormatRegistry().complete(Profile("p", name, server.base_url))
        return [await lookup.fetch(profile, "k-123456", task_id) for task_id in ids]
    finally:
        await http.aclose()


def test_a_finished_task_without_a_readable_link_is_finished_and_says_so(
        server: ScriptedServer) -> None:
    server.script("/fal-ai/x/requests/r1/status", Reply(body={"status": "COMPLETED"}))
    server.script("/fal-ai/x/requests/r1", Reply(body={"images": []}))
    server.script("/v1/query/video_generation", Reply(body={
        "task_id": "m1", "status": "Success", "base_resp": {"status_code": 0}}))
    server.script("/v1/predictions/p1", Reply(body={"id": "p1", "status": "succeeded",
                                                    "output": None}))
    fal, = asyncio.run(look(server, "fal", ["fal-ai/x/requests/r1"]))
    minimax, = asyncio.run(look(server, "minimax", ["m1"]))
    replicate, = asyncio.run(look(server, "replicate", ["p1"]))
    for result, said in ((fal, "video URL"), (minimax, "file_id"), (replicate, "no video link")):
        assert result.problem is None, result.problem
        snap = result.snapshot
        assert snap is not None and snap.state is TaskState.SUCCEEDED and not snap.video_urls
        assert snap.link_problem and said in snap.link_problem


def test_no_link_keeps_asking_and_a_later_link_is_downloaded() -> None:
    linkless = LookupResult("t1", Snapshot("t1", "fal", TaskState.SUCCEEDED, 100.0,
                                           link_problem="no video URL"))
    before = tracked(TaskState.RUNNING, 80.0)
    change = settle(before, Counters(), 5.0, linkless, NOW, CONFIG, random.Random(1))
    assert change.values["state"] is TaskState.SUCCEEDED
    assert change.values.get("watch") is not Watch.DONE  # (asked again)
    assert change.values["problem_kind"] == NO_LINK and not change.newly_succeeded
    after = tracked(TaskState.SUCCEEDED, 100.0)
    linked = LookupResult("t1", Snapshot("t1", "fal", TaskState.SUCCEEDED, 100.0,
                                         video_urls=("https://cdn.example/v.mp4",)))
    done = settle(after, Counters(), 5.0, linked, NOW, CONFIG, random.Random(1))
    assert done.values["watch"] is Watch.DONE and done.newly_succeeded
    assert done.values["problem_kind"] is None
