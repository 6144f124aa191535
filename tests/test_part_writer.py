"""The download's writer thread: order, back-pressure, a failing disk, cancellation."""

from __future__ import annotations

import asyncio
import errno
import io
import threading
import time

import pytest

from videomon.core.transfers.part_writer import PartWriter


class SlowDisk(io.BytesIO):
    """Writes that take a while (and say which thread they ran on)."""

    def __init__(self, delay: float = 0.0, fail_after: int | None = None) -> None:
        super().__init__()
        self.delay, self.fail_after, self.threads = delay, fail_after, set()

    def write(self, chunk) -> int:  # type: ignore[no-untyped-def, override]
        self.threads.add(threading.get_ident())
        time.sleep(self.delay)
        if self.fail_after is not None and self.tell() >= self.fail_after:
            raise OSError(errno.ENOSPC, "No space left on device")
        return super().write(chunk)


def test_chunks_land_in_order_off_the_loop_thread() -> None:
    disk = SlowDisk()

    async def main() -> None:
        writer = PartWriter(disk)  # type: ignore[arg-type]
        for i in range(200):
            await writer.write(bytes([i]) * 1000)
        await writer.close()

    asyncio.run(main())
    assert disk.getvalue() == b"".join(bytes([i]) * 1000 for i in range(200))
    assert threading.get_ident() not in disk.threads


def test_a_slow_disk_holds_the_download_back_instead_of_filling_memory() -> None:
    disk = SlowDisk(delay=0.01)
    most_queued = 0

    async def main() -> None:
        nonlocal most_queued
        writer = PartWriter(disk, limit=10_000)  # type: ignore[arg-type]
        for _ in range(30):
            await writer.write(b"x" * 4000)
            most_queued = max(most_queued, writer._queued)
        await writer.close()

    asyncio.run(main())
    assert len(disk.getvalue()) == 120_000
    assert most_queued <= 10_000 + 4000  # at most one chunk past the limit


def test_a_full_disk_is_raised_and_what_was_written_stays() -> None:
    disk = SlowDisk(fail_after=50_000)

    async def main() -> None:
        writer = PartWriter(disk, limit=20_000)  # type: ignore[arg-type]
        with pytest.raises(OSError, match="No space left"):
            for _ in range(100):
                await writer.write(b"y" * 10_000)
            await writer.close()
        writer.abandon()

    asyncio.run(main())
    assert len(disk.getvalue()) == 50_000


def test_after_an_error_what_arrived_is_still_written() -> None:
    disk = SlowDisk(delay=0.005)

    async def main() -> None:
        writer = PartWriter(disk)  # type: ignore[arg-type]
        for _ in range(20):
            await writer.write(b"w" * 1000)
        writer.abandon()
        assert not writer._thread.is_alive()

    asyncio.run(main())
    assert len(disk.getvalue()) == 20_000


def test_cancelling_drops_what_is_queued_and_lets_go_of_the_file() -> None:
    disk = SlowDisk(delay=0.02)

    async def main() -> None:
        writer = PartWriter(disk)  # type: ignore[arg-type]
        for _ in range(50):
            await writer.write(b"z" * 1000)
        await asyncio.sleep(0.05)  # a few written, most still queued
        writer.abandon(keep=False)
        assert not writer._thread.is_alive()

    asyncio.run(main())
    assert 0 < len(disk.getvalue()) < 50_000
