"""The simulated relay: every dialect's lifecycle read back through the real lookups,
faults, the CDN's Range support, and `videomon simulate` / `watch --demo` as commands."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from videomon.core.domain.errors import ProblemKind
from videomon.core.domain.snapshot import TaskState
from videomon.core.providers.dialects import FormatRegistry
from videomon.core.providers.http import HttpClient, RetryPolicy
from videomon.core.providers.lookup import LookupResult, TaskLookup
from videomon.core.providers.profiles import Profile
from videomon.simulator.faults import Faults
from videomon.simulator.server import SimulatedRelay

VIDEOMON = Path(sys.executable).with_name("videomon")
FAST = RetryPolicy(total=2.0, base_delay=0.01, max_delay=0.05)


async def poll_until_done(sim: SimulatedRelay, dialect: str, task_id: str,
                          key: str | None = None) -> list[LookupResult]:
    seen: list[LookupResult] = []
    async with HttpClient(FAST) as http:
        lookup = TaskLookup(http, FormatRegistry())
        profile = Profile("sim", dialect, sim.base_url)
        for _ in range(200):
            result = await lookup.fetch(profile, key, task_id)
            seen.append(result)
            if result.snapshot is None or result.snapshot.state.terminal:
                break
            await asyncio.sleep(0.05)
    return seen


@pytest.mark.parametrize(
    ("dialect", "task_id", "final"),
    [("openai", "sora-2:task_ok_1", "succeeded"), ("openai", "video_ok_2", "succeeded"),
     ("unified", "veo3:ok-1", "succeeded"), ("unified", "stall-ok-2", "succeeded"),
     ("tasks", "ok-5dd1ef43", "succeeded"), ("tasks", "fail-1", "failed"),
     ("gemini", "models/veo-3.0-generate-001/operations/ok-1", "succeeded"),
     ("gemini", "models/veo-3.0-generate-001/operations/fail-2", "failed")],
)
def test_every_dialect_lifecycle(dialect: str, task_id: str, final: str) -> None:
    async def main() -> None:
        async with SimulatedRelay(speed=40) as sim:
            results = await poll_until_done(sim, dialect, task_id)
            states = [r.snapshot.state.value for r in results if r.snapshot]
            assert all(r.problem is None for r in results), results[-1].problem
            first = "running" if dialect == "gemini" else "queued"  # operations: done or not
            assert states[0] == first and states[-1] == final
            last = results[-1].snapshot
            assert last is not None
            if final == "succeeded":
                assert last.progress == 100.0 and last.video_urls
                async with httpx.AsyncClient() as client:
                    body = (await client.get(last.video_urls[0])).content
                assert body[4:8] == b"ftyp"  # a real MP4
            else:
                assert last.error
            if "stall" in task_id:
                running = {r.snapshot.progress for r in results
                           if r.snapshot and r.snapshot.state is TaskState.RUNNING}
                assert running <= {10.0, 30.0, 50.0}

    asyncio.run(main())


def test_missing_ids_are_not_found_in_every_dialect() -> None:
    async def main() -> None:
        async with SimulatedRelay() as sim, HttpClient(FAST) as http:
            for dialect in ("openai", "unified", "tasks", "gemini"):
                result = await TaskLookup(http, FormatRegistry()).fetch(
                    Profile("s", dialect, sim.base_url), None, "missing-123")
                assert result.problem is not None, dialect
                assert result.problem.kind is ProblemKind.NOT_FOUND, dialect

    asyncio.run(main())


@pytest.mark.parametrize(
    ("spec", "kind"),
    [("429=1", ProblemKind.RATE_LIMITED), ("5xx=1", ProblemKind.SERVER),
     ("html=1", ProblemKind.BAD_RESPONSE), ("malformed=1", ProblemKind.BAD_RESPONSE),
     ("drop=1", ProblemKind.NETWORK)],
)
def test_faults(spec: str, kind: ProblemKind) -> None:
    async def main() -> None:
        async with SimulatedRelay(faults=Faults.parse(spec)) as sim, HttpClient(FAST) as http:
            result = await TaskLookup(http, FormatRegistry()).fetch(
                Profile("s", "openai", sim.base_url), None, "vid_1")
            assert result.problem is not None and result.problem.kind is kind

    asyncio.run(main())


def test_latency_fault_and_required_key() -> None:
    async def main() -> None:
        async with SimulatedRelay(faults=Faults.parse("latency=0.3"), key="sk-sim") as sim, \
                HttpClient(FAST) as http:
            lookup = TaskLookup(http, FormatRegistry())
            started = time.monotonic()
            ok = await lookup.fetch(Profile("s", "openai", sim.base_url), "sk-sim", "vid_1")
            assert ok.snapshot is not None and time.monotonic() - started >= 0.3
            denied = await lookup.fetch(Profile("s", "openai", sim.base_url), "wrong", "vid_1")
            assert denied.problem is not None and denied.problem.kind is ProblemKind.AUTH

    asyncio.run(main())


@pytest.mark.parametrize("spec", ["nope=1", "429=2", "latency=x", "drop"])
def test_bad_fault_specs(spec: str) -> None:
    with pytest.raises(ValueError):
        Faults.parse(spec)


def test_cdn_supports_range_and_expiry() -> None:
    async def main() -> None:
        async with SimulatedRelay(speed=100, faults=Faults.parse("expire=4")) as sim:
            results = await poll_until_done(sim, "openai", "sora-2:task_ok_9")
            url = results[-1].snapshot.video_urls[0]  # type: ignore[union-attr]
            async with httpx.AsyncClient() as client:
                part = await client.get(url, headers={"Range": "bytes=100-"})
                assert part.status_code == 206
                assert part.headers["content-range"].startswith("bytes 100-")
                await asyncio.sleep(4.3)  # (a link lives 4 s: room for a slow machine)
                expired = await client.get(url)
                assert expired.status_code == 403 and b"expired" in expired.content
            fresh = await poll_until_done(sim, "openai", "sora-2:task_ok_9")
            assert fresh[-1].snapshot.video_urls[0] != url  # type: ignore[union-attr]

    asyncio.run(main())


def test_simulate_command_serves_until_interrupted() -> None:
    child = subprocess.Popen([str(VIDEOMON), "simulate", "--speed", "10", "--faults",
                              "latency=0.01"], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None
        first = child.stdout.readline()
        assert first.startswith("simulated relay: http://127.0.0.1:")
        base = first.split()[2]
        answer = httpx.get(f"{base}/v1/videos/vid_cli", timeout=5)
        assert answer.status_code == 200 and answer.json()["status"] == "queued"
        child.send_signal(signal.SIGINT)
        assert child.wait(10) == 0
    finally:
        if child.poll() is None:
            child.kill()


def test_bad_simulate_arguments_exit_2() -> None:
    result = subprocess.run([str(VIDEOMON), "simulate", "--faults", "nope=1"],
                            capture_output=True, text=True, timeout=30)
    assert result.returncode == 2 and "unknown fault" in result.stderr


def test_watch_demo_runs_to_completion_in_under_a_minute() -> None:
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    started = time.monotonic()
    result = subprocess.run([str(VIDEOMON), "watch", "--demo"], capture_output=True, text=True,
                            timeout=90, env=env)
    elapsed = time.monotonic() - started
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert elapsed < 60
    assert "demo finished" in result.stdout
    assert result.stdout.count("downloaded ") >= 4
    assert "failed" in result.stdout
