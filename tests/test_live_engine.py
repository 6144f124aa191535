"""An engine over a long history holds only the tasks that still change: the finished
ones stay in the store, are counted there, and are read when a command needs them."""

from __future__ import annotations

import asyncio
from pathlib import Path

from tests.test_engine import make_engine, wait_for
from videomon.core.domain.snapshot import Snapshot, TaskState
from videomon.core.domain.task import Group, Watch
from videomon.core.tracking.commands import Commands
from videomon.core.tracking.store import TaskStore, TaskUpdate
from videomon.simulator.server import SimulatedRelay


def history(home: Path, finished: int) -> list[int]:
    """A data folder with `finished` finished tasks (not polled) and two failed ones."""
    store = TaskStore(home / "data" / "tasks.db")
    try:
        done = store.add_many("oa", [f"video_ok_old{i}" for i in range(finished)])
        failed = store.add_many("oa", ["video_fail_old1", "video_fail_old2"])
        store.apply([TaskUpdate(t.ref, {
            "state": TaskState.SUCCEEDED, "watch": Watch.DONE, "progress": 100.0,
            "download_state": None,
            "snapshot": Snapshot(t.task_id, "openai", TaskState.SUCCEEDED, 100.0,
                                 (f"https://cdn.example/{t.task_id}.mp4",))}) for t in done]
            + [TaskUpdate(t.ref, {"state": TaskState.FAILED, "watch": Watch.DONE})
               for t in failed])
        return [t.ref for t in done + failed]
    finally:
        store.close()


def test_the_history_stays_in_the_store_until_a_command_needs_it(tmp_path: Path) -> None:
    async def main() -> None:
        async with SimulatedRelay(speed=30) as sim:
            engine = make_engine(tmp_path, sim, auto=False)
            old = history(engine.paths.data_dir.parent, 50)
            commands = Commands(engine)
            await engine.start()
            try:
                assert engine.scheduler.tasks == {}  # nothing polls, nothing downloads
                tally = commands.tasks.tally
                assert tally.count(Group.FINISHED) == 50 and tally.count(Group.FAILED) == 2
                added = await engine.scheduler.add("oa", ["video_ok_new"])
                await wait_for(lambda: engine.scheduler.tasks[added[0].ref].state.terminal)
                assert tally.count(Group.FINISHED) == 51 and tally.active == 0
                # a finished task of the history: read, then polled again
                assert await commands.tasks.refresh([old[0]]) == 1
                await wait_for(lambda: engine.scheduler.tasks[old[0]].last_checked_at
                               is not None and engine.scheduler.tasks[old[0]].state.terminal)
                # downloaded, paused, removed and put back: each reads it first
                assert await commands.tasks.download([old[0]]) == [old[0]]
                await wait_for(lambda: engine.scheduler.tasks[old[0]].saved)
                assert await commands.tasks.download([old[1]]) == [old[1]]  # (queued)
                await commands.tasks.pause([old[-1]])
                assert await commands.tasks.remove(old[2:12]) == 10
                assert tally.count(Group.FINISHED) == 41
                assert await commands.tasks.undo_remove() == old[2:12]
                assert tally.count(Group.FINISHED) == 51
                assert not set(old[2:12]) & set(engine.scheduler.tasks)  # back in the store only
                copies = {t.ref: t for t in commands.tasks.copies()}
                assert len(copies) == 53 and copies[old[0]].saved
                assert len(engine.scheduler.tasks) < 20  # what was touched, not the history
            finally:
                await engine.stop()

    asyncio.run(main())
