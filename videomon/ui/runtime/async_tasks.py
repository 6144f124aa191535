"""Coroutines started from Qt slots: kept referenced, named, errors reported."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

log = logging.getLogger(__name__)
T = TypeVar("T")


class TaskRunner:
    """`spawn(coro, then=...)` from a slot. A named task re-armed cancels the old one.

    Exceptions go to `on_error` (the window's error dialog), never vanish.
    """

    def __init__(self, on_error: Callable[[BaseException], None]) -> None:
        self._on_error = on_error
        self._tasks: set[asyncio.Task[Any]] = set()
        self._named: dict[str, asyncio.Task[Any]] = {}

    def spawn(self, coro: Coroutine[Any, Any, T], then: Callable[[T], None] | None = None,
              *, name: str | None = None,
              on_error: Callable[[BaseException], None] | None = None) -> asyncio.Task[T]:
        if name is not None and name in self._named:
            self._named.pop(name).cancel()
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        if name is not None:
            self._named[name] = task

        def done(t: asyncio.Task[T]) -> None:
            self._tasks.discard(t)
            if name is not None and self._named.get(name) is t:
                del self._named[name]
            if t.cancelled():
                return
            exc = t.exception()
            if exc is not None:
                (on_error or self._on_error)(exc)
            elif then is not None:
                try:
                    then(t.result())
                except Exception as error:  # a slot's bug: report it
                    self._on_error(error)

        task.add_done_callback(done)
        return task

    async def cancel_all(self) -> None:
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.wait(tasks, timeout=1.0)
