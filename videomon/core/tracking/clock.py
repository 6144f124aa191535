"""Time for the engine: the real clock, and a fake one tests advance by hand."""

from __future__ import annotations

import asyncio
import contextlib
import heapq
import itertools
import time
from typing import Protocol


class Clock(Protocol):
    def now(self) -> float:
        """Unix time in seconds."""

    async def sleep_until(self, deadline: float, wake: asyncio.Event) -> None:
        """Return at `deadline` or as soon as `wake` is set, whichever comes first."""


class RealClock:
    def now(self) -> float:
        return time.time()

    async def sleep_until(self, deadline: float, wake: asyncio.Event) -> None:
        delay = deadline - time.time()
        if delay <= 0 or wake.is_set():
            return
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(wake.wait(), timeout=delay)


class FakeClock:
    """Virtual time: `advance()` moves it and wakes the sleepers whose deadline passed."""

    def __init__(self, start: float = 1_700_000_000.0) -> None:
        self._now = start
        self._sleepers: list[tuple[float, int, asyncio.Future[None]]] = []
        self._seq = itertools.count()

    def now(self) -> float:
        return self._now

    async def sleep_until(self, deadline: float, wake: asyncio.Event) -> None:
        if deadline <= self._now or wake.is_set():
            return
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        heapq.heappush(self._sleepers, (deadline, next(self._seq), future))
        waiter = asyncio.ensure_future(wake.wait())
        try:
            await asyncio.wait({future, waiter}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            waiter.cancel()
            if not future.done():
                future.cancel()

    def advance(self, seconds: float) -> None:
        self._now += seconds
        while self._sleepers and self._sleepers[0][0] <= self._now:
            _, _, future = heapq.heappop(self._sleepers)
            if not future.done():
                future.set_result(None)
