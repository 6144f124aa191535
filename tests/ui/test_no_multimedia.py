"""When QtMultimedia cannot load (a missing system library), the window still starts, the
preview pane says why, and a finished task is still downloaded."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CHILD = r'''
import asyncio, sys, time
sys.modules["PySide6.QtMultimedia"] = None          # as if libpulse.so.0 were missing
sys.modules["PySide6.QtMultimediaWidgets"] = None
from PySide6.QtWidgets import QApplication
import qasync  # noqa: F401

from videomon.ui.runtime.event_loop import EventLoop
from videomon.app import VideomonApp
from videomon.core.providers.credentials import CredentialStore
from videomon.core.tracking.scheduler import SchedulerConfig
from videomon.simulator.demo import RelayThread, make_world

qapp = QApplication([])
loop = EventLoop(qapp)
asyncio.set_event_loop(loop)

async def main():
    with RelayThread(speed=20.0) as relay:
        world = make_world(relay.relay.base_url, tasks=[("sim", "openai", "x")])
        app = VideomonApp(world.paths, credentials=CredentialStore(environ={}),
                          scheduler_config=SchedulerConfig(flush_interval=0.05))
        await app.start(check_keyring=False)
        print("pane:", type(app.window.preview).__name__)
        print("says:", app.window.preview.message.text().splitlines()[0])
        await app.commands.tasks.add_text("sora-2:task_ok_nomedia", "sim")
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not any(t.saved for t in app.commands.tasks.copies()):
            await asyncio.sleep(0.1)
        print("saved:", any(t.saved for t in app.commands.tasks.copies()))
        app.window.select_refs([t.ref for t in app.commands.tasks.copies()])
        app.window.quit()
        await app.shutdown()

with loop:
    loop.run_until_complete(main())
'''


def test_window_runs_without_qtmultimedia(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-c", CHILD], cwd=tmp_path, env=env,
                            capture_output=True, text=True, timeout=90, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "pane: NoPlayerPane" in result.stdout
    assert "Video preview is not available on this system" in result.stdout
    assert "saved: True" in result.stdout
