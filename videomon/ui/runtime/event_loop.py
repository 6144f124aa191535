"""The window's asyncio loop: qasync, with its timers made cheap.

qasync runs every asyncio callback through a Qt timer of its own: `call_soon` starts a
zero timer per callback, and a cancelled `call_later` (every request's timeout) keeps
its Qt timer until it would have fired — after a minute of polling 2,000 tasks, 19,000
timers were pending, nearly all cancelled. Here callbacks that are ready wait in one
queue drained by a single zero timer per pass (as asyncio's own loop does), and a
cancelled timer is killed at once.
"""

from __future__ import annotations

import asyncio
import collections
import math
import sys
from collections.abc import Callable
from contextvars import Context
from functools import partial
from typing import Any

import qasync
from PySide6.QtCore import QObject, QTimerEvent


class _KillableHandle(asyncio.Handle):
    """A handle whose `cancel()` also stops its Qt timer."""

    __slots__ = ("_kill",)

    def __init__(self, callback: Callable[..., object], args: tuple[Any, ...],
                 loop: asyncio.AbstractEventLoop, context: Context | None = None) -> None:
        super().__init__(callback, args, loop, context=context)
        self._kill: Callable[[], None] | None = None

    def cancel(self) -> None:
        super().cancel()
        kill, self._kill = self._kill, None
        if kill is not None:
            kill()


class _Timers(QObject):
    """Stands in for qasync's `_SimpleTimer` (same three methods)."""

    def __init__(self) -> None:
        super().__init__()
        self._handles: dict[int, asyncio.Handle] = {}
        self._ready: collections.deque[asyncio.Handle] = collections.deque()
        self._drain = 0  # the zero timer that runs the ready queue, while one is started
        self._stopped = False

    def add_callback(self, handle: asyncio.Handle, delay: float = 0) -> asyncio.Handle:
        if self._stopped:
            return handle
        if delay <= 0:
            self._ready.append(handle)
            if not self._drain:
                self._drain = self.startTimer(0)
            return handle
        # rounded up: a timer must not fire before its time (a 0.4 ms wait is not 0 ms)
        timer = self.startTimer(math.ceil(delay * 1000))
        self._handles[timer] = handle
        if isinstance(handle, _KillableHandle):
            handle._kill = partial(self._kill, timer)
        return handle

    def _kill(self, timer: int) -> None:
        if self._handles.pop(timer, None) is not None:
            self.killTimer(timer)

    def timerEvent(self, event: QTimerEvent) -> None:
        timer = event.timerId()
        self.killTimer(timer)
        if timer == self._drain:
            self._drain = 0
            self._run_ready()
            return
        handle = self._handles.pop(timer, None)
        if handle is not None and not handle._cancelled and not self._stopped:
            handle._run()

    def _run_ready(self) -> None:
        for _ in range(len(self._ready)):  # what came meanwhile waits for the next pass
            handle = self._ready.popleft()
            if not handle._cancelled and not self._stopped:
                handle._run()
        if self._ready and not self._drain and not self._stopped:
            self._drain = self.startTimer(0)

    def stop(self) -> None:
        self._stopped = True
        for timer in self._handles:
            self.killTimer(timer)
        self._handles.clear()
        self._ready.clear()
        if self._drain:
            self.killTimer(self._drain)
            self._drain = 0

    def set_debug(self, enabled: bool) -> None:
        pass

    def pending(self) -> int:
        """Timers and ready callbacks waiting (for benchmarks and tests)."""
        return len(self._handles) + len(self._ready)


class EventLoop(qasync.QEventLoop):
    """`qasync.QEventLoop` with batched ready callbacks and timers that die on cancel."""

    def __init__(self, app: Any = None, **kwargs: Any) -> None:
        super().__init__(app, **kwargs)
        self._timer = _Timers()
        # a worker thread reading a long list holds the interpreter for up to this long
        # before the window's thread gets it back (the default 5 ms doubles a busy batch)
        sys.setswitchinterval(0.001)

    def call_later(self, delay: float, callback: Callable[..., object], *args: Any,
                   context: Context | None = None) -> asyncio.Handle:
        if asyncio.iscoroutine(callback):
            raise TypeError("coroutines cannot be used with call_later")
        if not callable(callback):
            raise TypeError(f"callback must be callable: {type(callback).__name__}")
        return self._timer.add_callback(_KillableHandle(callback, args, self, context), delay)

    def pending_callbacks(self) -> int:
        return self._timer.pending()
