"""A download's disk writes in a thread of their own.

On the loop's thread a `write()` into the page cache blocks whenever the kernel throttles
dirty pages (100-200 ms stalls of the window during a 1 GiB download), and the network
waits while the disk works. Here the loop hands chunks over and goes on reading; the
writer thread writes them in order. Chunks in flight are capped (`limit` bytes): past it
the download awaits room, so memory stays bounded on a slow disk.
"""

from __future__ import annotations

import asyncio
import queue
import threading
from typing import BinaryIO

_STOP = object()


class PartWriter:
    """Writes chunks to `handle` in order from a worker thread; `close()` before the file.

    A failed write (disk full, …) is raised as that `OSError` by the next `write()` or by
    `close()`; chunks queued after it are dropped, and what was written stays in the file.
    """

    def __init__(self, handle: BinaryIO, *, limit: int = 32 << 20) -> None:
        self._handle = handle
        self._limit = limit
        self._loop = asyncio.get_running_loop()
        self._queue: queue.SimpleQueue[object] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._queued = 0  # bytes handed over, not yet written
        self._waiting = False
        self._room = asyncio.Event()
        self._drop = False
        self.error: OSError | None = None
        self._thread = threading.Thread(target=self._run, name="videomon-part-writer",
                                        daemon=True)
        self._thread.start()

    async def write(self, chunk: bytes) -> None:
        if self.error is not None:
            raise self.error
        with self._lock:
            self._queued += len(chunk)
            full = self._waiting = self._queued > self._limit
        if full:
            self._room.clear()
        self._queue.put(chunk)
        if full:
            await self._room.wait()
            if self.error is not None:
                raise self.error

    async def close(self) -> None:
        """Wait until every chunk is written; raises the first write error."""
        self._queue.put(_STOP)
        await asyncio.to_thread(self._thread.join)
        if self.error is not None:
            raise self.error

    def abandon(self, *, keep: bool = True) -> None:
        """Stop after an error: what was received is still written (`keep`), so a resume
        starts after it; when cancelled, `keep=False` drops what is queued. Returns once
        the thread no longer touches the file."""
        self._drop = not keep
        self._queue.put(_STOP)
        self._thread.join()

    def _run(self) -> None:
        while (chunk := self._queue.get()) is not _STOP:
            assert isinstance(chunk, bytes | bytearray | memoryview)
            if self.error is None and not self._drop:
                try:
                    self._handle.write(chunk)
                except OSError as exc:
                    self.error = exc
            with self._lock:
                self._queued -= len(chunk)
                wake = self._waiting and (self._queued <= self._limit // 2
                                          or self.error is not None)
                if wake:
                    self._waiting = False
            if wake:
                self._loop.call_soon_threadsafe(self._room.set)
