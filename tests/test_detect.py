"""Format detection against the simulated relay: each format is found from one known task,
two formats reading a task differently make it refuse, and the key stays on its host."""

from __future__ import annotations

import asyncio

import pytest

from videomon.core.providers.detect import detect_format
from videomon.core.providers.dialects import BUILTIN_DIALECTS
from videomon.core.providers.dialects.formatted import FormatDialect
from videomon.core.providers.formats.spec import format_from_dict
from videomon.core.providers.http import HttpClient, RetryPolicy
from videomon.simulator.server import SimulatedRelay

QUICK = RetryPolicy(total=3.0, base_delay=0.01, max_delay=0.05, read_timeout=2.0,
                    connect_timeout=2.0)
KEY = "ak-detect:sk-detect"  # ACCESS:SECRET, so Kling's signed token can be made too


def task_id_for(dialect: str) -> str:
    if dialect == "gemini":
        return "models/veo-3.0-generate-001/operations/detect1"
    if dialect == "fal":
        return "fal-ai/kling-video/requests/detect-1"
    return "detect_task_1"


@pytest.mark.parametrize("dialect", list(BUILTIN_DIALECTS))
def test_detection_finds_the_format_the_relay_speaks(dialect: str) -> None:
    async def main() -> None:
        async with SimulatedRelay(strict=True, speed=50.0) as relay:
            relay.relay.seed_task(dialect, task_id_for(dialect), queue_for=0.0, fails=False)
            async with HttpClient(QUICK) as http:
                found = await detect_format(http, relay.base_url, KEY, task_id_for(dialect),
                                            dialects=BUILTIN_DIALECTS)
        assert found.chosen == dialect, (found.summary(), found.attempts)
        assert found.snapshot is not None and found.snapshot.dialect == dialect
        assert len(found.attempts) <= 16  # polite: a few requests, one per endpoint

    asyncio.run(main())


def test_two_formats_reading_the_task_differently_make_it_refuse() -> None:
    async def main() -> None:
        async with SimulatedRelay(strict=True, speed=50.0) as relay:
            relay.relay.seed_task("runway", "same_id", queue_for=0.0, run_for=1e9)
            relay.relay.seed_task("replicate", "same_id", queue_for=1e9)
            async with HttpClient(QUICK) as http:
                found = await detect_format(http, relay.base_url, KEY, "same_id",
                                            dialects=BUILTIN_DIALECTS)
        assert found.chosen is None and found.ambiguous
        assert {name for name, _ in found.matches} == {"runway", "replicate"}
        assert "not guessing" in found.summary()

    asyncio.run(main())


def test_nothing_found_says_so() -> None:
    async def main() -> None:
        async with SimulatedRelay(strict=True) as relay, HttpClient(QUICK) as http:
            found = await detect_format(http, relay.base_url, KEY, "nobody_knows_me",
                                        dialects=BUILTIN_DIALECTS)
        assert found.chosen is None and not found.ambiguous and not found.matches
        assert "no known format" in found.summary()

    asyncio.run(main())


def test_a_format_pointing_at_another_host_is_not_sent_the_key() -> None:
    elsewhere = FormatDialect(format_from_dict({
        "name": "elsewhere", "query": "https://other.example/api/{id}",
        "fields": {"state": ["status"]}}))

    async def main() -> None:
        async with SimulatedRelay(strict=True) as relay, HttpClient(QUICK) as http:
            relay.relay.seed_task("runway", "t1", queue_for=0.0)
            found = await detect_format(http, relay.base_url, KEY, "t1",
                                        dialects={"elsewhere": elsewhere,
                                                  "runway": BUILTIN_DIALECTS["runway"]})
        assert found.chosen == "runway"
        assert all("other.example" not in a.url for a in found.attempts)

    asyncio.run(main())
