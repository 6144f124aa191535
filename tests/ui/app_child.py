"""A videomon window in a child process (offscreen), for kill-and-restart tests.

    python -m tests.ui.app_child HOME  (profiles and settings already in HOME's config)

Runs until killed; prints "started" once the engine runs.
"""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: I001 - PySide6 before qasync
import qasync  # noqa: F401

from videomon.ui.event_loop import EventLoop

from videomon.app import VideomonApp
from videomon.core.providers.credentials import CredentialStore
from videomon.core.config.paths import AppPaths
from videomon.core.tracking.scheduler import SchedulerConfig


def main() -> None:
    home = Path(sys.argv[1])
    qapp = QApplication(sys.argv[:1])
    loop = EventLoop(qapp)
    asyncio.set_event_loop(loop)

    async def run() -> None:
        app = VideomonApp(AppPaths.under(home), credentials=CredentialStore(
            environ=dict(os.environ), backend=_NoKeyring()),
            scheduler_config=SchedulerConfig(flush_interval=0.05))
        await app.start(check_keyring=False)
        print("started", flush=True)
        await app.wait_closed()

    with loop:
        loop.run_until_complete(run())


class _NoKeyring:
    def get_password(self, service: str, username: str) -> None:
        return None


if __name__ == "__main__":
    main()
