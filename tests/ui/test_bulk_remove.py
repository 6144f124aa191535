"""Select all, remove and undo on a history long enough for the bulk paths (set aside in
SQL, the list read again off the window's thread): the rows, the page and the counts come
back as they were, at once — the walk found an empty window after an undo of 100,000."""

from __future__ import annotations

import asyncio
from pathlib import Path

import qasync

from tests.benchmarks.fixture import write_finished
from tests.conftest import MemoryKeyring
from tests.ui.helpers import make_app, until
from videomon.core.tracking.store import TaskStore
from videomon.simulator.demo import RelayThread
from videomon.ui.table import model as model_module
from videomon.ui.window import remove_flow

HISTORY = 600


def test_undo_of_a_large_removal_shows_every_row_and_count_again(
        loop: qasync.QEventLoop, relay: RelayThread, tmp_path: Path,
        memory_keyring: MemoryKeyring, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(model_module, "ASYNC_ROWS", 100)  # lists read off the thread
    monkeypatch.setattr(model_module, "BULK", 100)  # one pass out, a re-read back
    monkeypatch.setattr(remove_flow, "LARGE", 100)  # "Removing…", no reselection
    app = make_app(tmp_path / "home", relay.relay.base_url, memory_keyring)
    db = app.engine.paths.data_dir / "tasks.db"
    TaskStore(db).close()
    write_finished(db, "sim", HISTORY, tmp_path / "home")

    async def main() -> None:
        await app.start()
        window = app.window
        try:
            window.add_text("video_ok_b1 video_ok_b2")  # two that poll, among the history
            await until(lambda: window.model.rowCount() == HISTORY + 2, 10)
            await until(lambda: window.commands.tasks.tally.still_tracked == 0, 15)
            await asyncio.sleep(0.3)  # (the last batch flushed: nothing live remains)
            counts = window.summary.counts_label.text()
            assert f"{HISTORY + 2} finished" in counts.replace(",", "")
            window.table.selectAll()
            window.remove_selected()
            assert "Removing" in window.inline_bar.text.text()
            await until(lambda: window.model.rowCount() == 0
                        and window.removing.undo_count == HISTORY + 2, 20)
            assert window.stack.currentWidget() is not window.table
            assert window.summary.counts_label.text().startswith("0 active · 0 finished")
            window.undo_remove()
            await until(lambda: window.model.rowCount() == HISTORY + 2
                        and not window.model.settling, 20)
            assert window.stack.currentWidget() is window.table
            assert window.summary.counts_label.text() == counts
            assert f"Restored {HISTORY + 2} task" in window.inline_bar.text.text()
            assert window.model.rowCount() == len(app.engine.store.refs())
            # removed again, then quit: the next start can still undo it
            window.table.selectAll()
            window.remove_selected()
            await until(lambda: window.removing.undo_count == HISTORY + 2, 20)
        finally:
            window.quit()
            await app.shutdown()

    async def restarted() -> None:
        again = make_app(tmp_path / "home", relay.relay.base_url, memory_keyring)
        await again.start()
        window = again.window
        try:
            await until(lambda: window.removing.undo_count == HISTORY + 2, 10)
            assert window.model.rowCount() == 0
            window.undo_remove()
            await until(lambda: window.model.rowCount() == HISTORY + 2
                        and not window.model.settling, 20)
        finally:
            window.quit()
            await again.shutdown()

    loop.run_until_complete(main())
    loop.run_until_complete(restarted())
