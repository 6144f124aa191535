"""Demo mode's world: a simulated relay, a throwaway data dir, one profile per dialect.

Shared by `videomon watch --demo` (terminal) and `videomon --demo` (window). No key,
no network: every profile points at the in-process relay on 127.0.0.1.
"""

from __future__ import annotations

import asyncio
import shutil
import tempfile
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from videomon.core.config.paths import AppPaths
from videomon.core.providers.dialects import FormatRegistry
from videomon.core.providers.profiles import ConfigStore, Profile
from videomon.simulator.server import SimulatedRelay

#: (profile, dialect, task ID): finishing, stalling on placeholders, failing, per dialect
DEMO_TASKS: tuple[tuple[str, str, str], ...] = (
    ("demo-openai", "openai", "sora-2:task_demo_ok_01k81e7r"),
    ("demo-openai", "openai", "video_demo_ok_5c6a605a"),
    ("demo-unified", "unified", "veo3:demo-stall-YQVHH4A3Lg"),
    ("demo-tasks", "tasks", "demo-fail-5dd1ef43"),
    ("demo-gemini", "gemini", "models/veo-3.0-generate-001/operations/demo-ok-a1b2c3"),
)
DEMO_SPEED = 2.5


@dataclass(frozen=True, slots=True)
class DemoWorld:
    home: Path
    paths: AppPaths
    config: ConfigStore
    base_url: str


def make_world(base_url: str, home: Path | None = None,
               tasks: Sequence[tuple[str, str, str]] = DEMO_TASKS) -> DemoWorld:
    """A data dir whose profiles (one per dialect, no auth, 1 s interval) use `base_url`."""
    home = home or Path(tempfile.mkdtemp(prefix="videomon-demo-"))
    paths = AppPaths.under(home)
    config = ConfigStore(paths.config_file, FormatRegistry())  # the demo's are built in
    for name, dialect in sorted({(p, d) for p, d, _ in tasks}):
        config.put(Profile(name, dialect, base_url, auth="none", interval=1.0),
                   replace_existing=True)
    config.save({**config.load(), "settings": {"download_dir": str(home / "downloads")}})
    return DemoWorld(home, paths, config, base_url)


def demo_relay(*, speed: float = DEMO_SPEED, seed: int = 1,
               tasks: Sequence[tuple[str, str, str]] = DEMO_TASKS) -> SimulatedRelay:
    """The demo's relay: it knows only the tasks it issued (`tasks`); any other ID is
    "not found", so a real task pasted by mistake is never simulated."""
    relay = SimulatedRelay(speed=speed, seed=seed, strict=True)
    for _, dialect, task_id in tasks:
        relay.relay.seed_task(dialect, task_id)
    return relay


class RelayThread:
    """The simulated relay on its own thread and event loop (the window's loop stays free).

    Use as a context manager; `relay` is the running `SimulatedRelay` (`demo=True`: the
    demo's, answering only its own tasks; else one that makes up any task it is asked).
    """

    def __init__(self, *, speed: float = DEMO_SPEED, seed: int = 1, demo: bool = False) -> None:
        self.relay = demo_relay(speed=speed, seed=seed) if demo else \
            SimulatedRelay(speed=speed, seed=seed)
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="videomon-relay",
                                        daemon=True)

    def __enter__(self) -> RelayThread:
        self._thread.start()
        asyncio.run_coroutine_threadsafe(self.relay.start(), self._loop).result(15)
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            asyncio.run_coroutine_threadsafe(self.relay.stop(), self._loop).result(10)
        finally:
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(5)
            if not self._thread.is_alive():
                self._loop.close()


def remove_world(world: DemoWorld) -> None:
    shutil.rmtree(world.home, ignore_errors=True)
