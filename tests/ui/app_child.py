"""A videomon window in a child process (offscreen), for kill-and-restart tests.

    python -m tests.ui.app_child HOME [COMMIT_LOG]  (profiles and settings in HOME's config)

Runs until killed; prints "started" once the engine runs. With COMMIT_LOG, every batch the
store writes is logged there around its transaction: a "begin" line with the batch's
states before the transaction starts, a "commit" line once it returned (unbuffered
appends, so a SIGKILL loses nothing already logged), and SQLite statements are slowed
down so that kills land inside transactions too.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import os
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: I001 - PySide6 before qasync
import qasync  # noqa: F401

from videomon.ui.runtime.event_loop import EventLoop

from videomon.app import VideomonApp
from videomon.core.providers.credentials import CredentialStore
from videomon.core.config.paths import AppPaths
from videomon.core.tracking.scheduler import SchedulerConfig
from videomon.core.tracking.store import TaskStore, TaskUpdate

#: the columns whose committed values the crash rounds check
LOGGED = ("state", "progress", "download_state", "problem_kind")


def log_commits(path: Path) -> None:
    """Wrap `TaskStore.apply` so each batch is logged before and after its transaction."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    lock = threading.Lock()
    numbers = itertools.count()
    apply = TaskStore.apply

    def logged_apply(store: TaskStore, updates: Sequence[TaskUpdate]) -> None:
        with lock:
            number = next(numbers)
            changes: dict[str, dict[str, object]] = {}
            for u in updates:  # (a ref can come twice: its values, then a history entry)
                changes.setdefault(str(u.ref), {}).update(
                    {c: _plain(u.values[c]) for c in LOGGED if c in u.values})
            os.write(fd, (json.dumps({"begin": number, "changes": changes}) + "\n").encode())
            apply(store, updates)
            os.write(fd, (json.dumps({"commit": number}) + "\n").encode())

    TaskStore.apply = logged_apply  # type: ignore[method-assign]
    # Transactions here take a few milliseconds: SQLite's progress handler (called every
    # 50 virtual-machine steps) stretches each statement so that kills land inside them.
    init = TaskStore.__init__

    def slow_init(store: TaskStore, path: Path) -> None:
        init(store, path)
        store._db.set_progress_handler(lambda: time.sleep(0.0002), 50)

    TaskStore.__init__ = slow_init  # type: ignore[method-assign]


def _plain(value: object) -> object:
    return getattr(value, "value", value)  # enums as stored


def main() -> None:
    home = Path(sys.argv[1])
    if len(sys.argv) > 2:
        log_commits(Path(sys.argv[2]))
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
