"""The demo inside the user's own window ("Try the demo" on the welcome): a simulated relay
on its own thread, demo profiles and example tasks in the user's list, its videos in a
folder of its own; it stays across restarts until one click takes all of it away."""

from __future__ import annotations

import asyncio
import contextlib
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from videomon.core.domain.task import TrackedTask
from videomon.core.tracking.commands import DemoCommands

if TYPE_CHECKING:  # the simulator (a web server) is loaded when the demo starts
    from videomon.simulator.demo import RelayThread


class DemoSession:
    def __init__(self, demo: DemoCommands) -> None:
        self.demo = demo
        self.relay: RelayThread | None = None

    async def start(self) -> list[TrackedTask]:
        from videomon.simulator.demo import DEMO_TASKS, RelayThread

        if self.relay is None:
            relay = RelayThread(demo=True)
            await asyncio.to_thread(relay.__enter__)  # off the UI thread: it waits for a port
            self.relay = relay
        return await self.demo.add(self.relay.relay.base_url, DEMO_TASKS)

    async def remove(self) -> list[TrackedTask]:
        """The demo's tasks, profiles and downloaded files go; the relay stops."""
        gone = await self.demo.remove()
        await asyncio.to_thread(_delete_files, gone, self.demo.download_dir())
        await self.close()
        return gone

    async def resume(self) -> None:
        """The demo of an earlier run stays until it is removed: its relay runs again (on a
        new port) and its providers point at it."""
        if self.relay is None and self.demo.profiles():
            await self.start()

    async def close(self) -> None:
        relay, self.relay = self.relay, None
        if relay is not None:
            await asyncio.to_thread(relay.__exit__, None, None, None)


def _delete_files(tasks: list[TrackedTask], folder: Path) -> None:
    """Every file the demo wrote: its folder, and the saved files of its tasks wherever
    they are (partial ones included)."""
    for task in tasks:
        for path in task.download_paths:
            for leftover in (Path(path), Path(path + ".part"), Path(path + ".part.meta")):
                with contextlib.suppress(OSError):
                    leftover.unlink(missing_ok=True)
    shutil.rmtree(folder, ignore_errors=True)
