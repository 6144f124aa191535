"""The fault matrix: every format × every way a provider's answer goes wrong.

Each cell runs one or two polls of a tracked task through the real lookup (HTTP client,
retries, the format's reader) and the poll policy, against a transport that misbehaves
on cue, then writes the outcome to a real store. It checks the task's state and problem,
whether polling continues, backs off or stops, that no exception escapes, that the key
never reaches another host, and that the task is still in the store, whole. On failure
the whole matrix is printed as a table.
"""

from __future__ import annotations

import asyncio
import json
import random
from collections.abc import Callable
from dataclasses import dataclass
from email.utils import formatdate
from pathlib import Path

import httpx
import pytest

from tests.conftest import load_fixtures
from videomon.core.domain.snapshot import TaskState
from videomon.core.domain.task import Watch
from videomon.core.providers.dialects import BUILTIN_DIALECTS, FormatRegistry
from videomon.core.providers.http import HttpClient, RetryPolicy
from videomon.core.providers.lookup import TaskLookup
from videomon.core.providers.profiles import Profile
from videomon.core.tracking.poll_policy import Counters, PolicyConfig, settle
from videomon.core.tracking.store import TaskStore, TaskUpdate

BASE = "https://provider.example"
KEY = "sk-matrix-0123456789abcdef:secret-half"  # also a valid Kling ACCESS:SECRET
INTERVAL = 5.0
NOW = 1_800_000_000.0
POLICY = RetryPolicy(total=0.25, base_delay=0.01, max_delay=0.02, read_timeout=1.0,
                     connect_timeout=1.0)  # retries happen; a cell lasts at most 0.25 s


def running_body(dialect: str) -> dict:
    """A recorded answer of an unfinished task in this format (no second request due)."""
    fixtures = [f for f in load_fixtures() if f["dialect"] == dialect and "expected" in f]
    live = [f for f in fixtures if f["expected"]["state"] in ("running", "queued")]
    return (live or fixtures)[0]["body"]


Handler = Callable[[httpx.Request, int], httpx.Response]


def json_reply(body: object, status: int = 200, **headers: str) -> httpx.Response:
    return httpx.Response(status, json=body, headers=headers)


def raise_(exc: type[Exception]) -> Handler:
    def handler(request: httpx.Request, n: int) -> httpx.Response:
        raise exc("simulated", request=request)
    return handler


@dataclass(frozen=True)
class Fault:
    name: str
    handler: Callable[[dict], Handler]  # the format's good answer -> the misbehaviour
    polls: int = 1
    problem: str | None = None   # expected problem kind after the last poll (None: read)
    outcome: str = "backs off"   # continues | backs off | pauses the provider | stops
    min_delay: float = 0.0       # the next poll is at least this far away


def sequence(*answers: Handler) -> Handler:
    """The n-th request gets the n-th answer (the last one repeats)."""
    return lambda request, n: answers[min(n, len(answers) - 1)](request, n)


def good(body: dict) -> Handler:
    return lambda request, n: json_reply(body)


FAULTS = [
    Fault("connection refused", lambda b: raise_(httpx.ConnectError), problem="network"),
    Fault("connect timeout", lambda b: raise_(httpx.ConnectTimeout), problem="network"),
    Fault("read timeout", lambda b: raise_(httpx.ReadTimeout), problem="network"),
    Fault("reset mid-body", lambda b: raise_(httpx.ReadError), problem="network"),
    Fault("429 Retry-After seconds",
          lambda b: lambda r, n: json_reply({"error": {"message": "slow down"}}, 429,
                                            **{"Retry-After": "30"}),
          problem="rate_limited", min_delay=29.0),
    Fault("429 Retry-After HTTP-date",
          lambda b: lambda r, n: json_reply(
              {"error": {"message": "slow down"}}, 429,
              **{"Retry-After": formatdate(NOW + 60, usegmt=True)}),
          problem="rate_limited", min_delay=INTERVAL),
    Fault("500", lambda b: lambda r, n: json_reply({"error": {"message": "boom"}}, 500),
          problem="server"),
    Fault("502 HTML page",
          lambda b: lambda r, n: httpx.Response(502, text="<html><h1>502 Bad Gateway</h1>",
                                                headers={"content-type": "text/html"}),
          problem="server"),
    Fault("503 then OK", lambda b: sequence(
        lambda r, n: json_reply({"error": {"message": "busy"}}, 503), good(b)),
        outcome="continues"),
    Fault("200 HTML page",
          lambda b: lambda r, n: httpx.Response(200, text="<!DOCTYPE html><p>login</p>",
                                                headers={"content-type": "text/html"}),
          problem="bad_response"),
    Fault("200 malformed JSON",
          lambda b: lambda r, n: httpx.Response(200, content=b'{"status": "runn',
                                                headers={"content-type": "application/json"}),
          problem="bad_response"),
    Fault("200 JSON of unknown shape", lambda b: lambda r, n: json_reply({"hello": "world"}),
          problem="bad_response"),
    Fault("truncated body", lambda b: raise_(httpx.RemoteProtocolError), problem="network"),
    Fault("401", lambda b: lambda r, n: json_reply({"error": {"message": "bad key"}}, 401),
          problem=None, outcome="pauses the provider"),
    Fault("403", lambda b: lambda r, n: json_reply({"error": {"message": "forbidden"}}, 403),
          problem=None, outcome="pauses the provider"),
    Fault("404 once then found", lambda b: sequence(
        lambda r, n: json_reply({"error": {"message": "not found"}}, 404), good(b)),
        polls=2, outcome="continues"),
    Fault("404 twice",
          lambda b: lambda r, n: json_reply({"error": {"message": "not found"}}, 404),
          polls=2, problem="not_found", outcome="stops"),
    Fault("redirect to the same host", lambda b: sequence(
        lambda r, n: httpx.Response(302, headers={"Location": f"{BASE}/moved"}), good(b)),
        outcome="continues"),
    Fault("redirect to another host",
          lambda b: lambda r, n: httpx.Response(
              302, headers={"Location": "https://elsewhere.example/steal"}),
          problem="bad_response"),
    Fault("30 MB JSON body",
          lambda b: lambda r, n: json_reply({**b, "padding": "x" * (30 << 20)}),
          problem="bad_response"),
]


def task_id_for(dialect: str, cell: int) -> str:
    return {"gemini": f"models/veo-3.0-generate-001/operations/m{cell}",
            "fal": f"fal-ai/x/requests/m{cell}"}.get(dialect, f"matrix-task-{cell}")


def run_cell(dialect: str, fault: Fault, store: TaskStore, cell: int) -> dict:
    """One cell: the polls, the policy, the store; what came out."""
    body = running_body(dialect)
    handler = fault.handler(body)
    seen: list[httpx.Request] = []

    def respond(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return handler(request, len(seen) - 1)

    async def polls() -> dict:
        task = store.add(f"p-{dialect}", task_id_for(dialect, cell))
        counters = Counters()
        profile = Profile(name=f"p-{dialect}", dialect=dialect, base_url=BASE)
        async with HttpClient(POLICY, rng=random.Random(1),
                              transport=httpx.MockTransport(respond)) as http:
            lookup = TaskLookup(http, FormatRegistry())
            for poll in range(fault.polls):
                result = await lookup.fetch(profile, KEY, task.task_id, label=profile.name)
                change = settle(task, counters, INTERVAL, result, NOW + poll, PolicyConfig(),
                                random.Random(2))
                counters = change.counters
                store.apply([TaskUpdate(task.ref, dict(change.values), change.history)])
                task = store.get(task.ref)
                assert task is not None, "the task left the store"
        outcome = ("pauses the provider" if change.rejected_key else
                   "stops" if task.watch is not Watch.ACTIVE else
                   "backs off" if (task.next_poll_at or 0) - NOW - (fault.polls - 1)
                   > INTERVAL * 1.2 else "continues")
        return {"problem": task.problem_kind, "outcome": outcome, "state": task.state,
                "delay": (task.next_poll_at or 0) - NOW - (fault.polls - 1),
                "hosts": {r.url.host for r in seen},
                "key_elsewhere": any(r.url.host != "provider.example" and KEY.split(":")[0]
                                     in json.dumps(dict(r.headers)) for r in seen)}

    return asyncio.run(polls())


def test_fault_matrix(tmp_path: Path) -> None:
    store = TaskStore(tmp_path / "tasks.db")
    rows: list[tuple[str, str, str, str]] = []
    failures: list[str] = []
    cells = 0
    for dialect in BUILTIN_DIALECTS:
        for fault in FAULTS:
            cells += 1
            try:
                got = run_cell(dialect, fault, store, cells)
            except Exception as exc:  # the matrix reports a crash as a failed cell
                rows.append((dialect, fault.name, f"RAISED {type(exc).__name__}: {exc}", "✘"))
                failures.append(f"{dialect} × {fault.name}: raised {exc!r}")
                continue
            wrong = []
            if got["problem"] != fault.problem:
                wrong.append(f"problem {got['problem']} (want {fault.problem})")
            if got["outcome"] != fault.outcome:
                wrong.append(f"{got['outcome']} (want {fault.outcome})")
            if got["delay"] < fault.min_delay:
                wrong.append(f"next poll in {got['delay']:.0f} s (want ≥ {fault.min_delay:g})")
            if fault.problem is None and fault.outcome == "continues" and \
                    got["state"] not in (TaskState.RUNNING, TaskState.QUEUED):
                wrong.append(f"state {got['state'].value}")
            if got["key_elsewhere"]:
                wrong.append("the key reached another host")
            rows.append((dialect, fault.name, f"{got['problem'] or '—'} · {got['outcome']}",
                         "✘ " + "; ".join(wrong) if wrong else "✔"))
            if wrong:
                failures.append(f"{dialect} × {fault.name}: " + "; ".join(wrong))
    tasks = store.all()
    assert len(tasks) == cells, "a task was lost from the store"
    assert store.integrity_ok()
    if failures:
        width = max(len(f"{d} × {f}") for d, f, _, _ in rows)
        table = "\n".join(f"{d + ' × ' + f:<{width}}  {what:<40}  {ok}"
                          for d, f, what, ok in rows)
        pytest.fail(f"{len(failures)} of {cells} cells failed:\n{table}")
    print(f"fault matrix: {cells - len(failures)}/{cells} cells passed")
