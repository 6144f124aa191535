"""`videomon track / list / untrack` on the window's list, and a running window picking up
what a terminal tracked (the engine follows other processes' commits)."""

from __future__ import annotations

import asyncio
import json
import os
import time
from pathlib import Path

import qasync

from tests.conftest import MemoryKeyring
from tests.test_cli import run
from tests.ui.helpers import make_app, until
from videomon.simulator.demo import RelayThread


def test_track_list_untrack_round_trip(tmp_path: Path) -> None:
    env = {"VIDEOMON_HOME": str(tmp_path / "home")}
    assert run("provider", "add", "relay", "--dialect", "openai", "--base-url",
               "https://relay.example", env=env).returncode == 0
    tracked = run("track", "video_abc123", "https://relay.example/v1/videos/video_def456",
                  env=env)
    assert tracked.returncode == 0, tracked.stderr
    assert "video_abc123: tracked (relay)" in tracked.stdout
    assert "already tracked" in run("track", "video_abc123", env=env).stdout
    listed = run("list", "--json", env=env)
    rows = [json.loads(line) for line in listed.stdout.splitlines()]
    assert [r["task_id"] for r in rows] == ["video_abc123", "video_def456"]
    assert all(r["profile"] == "relay" and r["state"] == "queued" and r["watch"] == "active"
               and r["added_at"] > 0 and r["download_state"] is None for r in rows)
    assert run("list", "--state", "succeeded", "--json", env=env).stdout == ""
    assert "video_def456" in run("list", env=env).stdout
    gone = run("untrack", "video_abc123", env=env)
    assert gone.returncode == 0 and "no longer tracked" in gone.stdout
    assert run("untrack", "video_abc123", env=env).returncode == 3
    assert [json.loads(line)["task_id"] for line in
            run("list", "--json", env=env).stdout.splitlines()] == ["video_def456"]


def test_list_streams_a_long_list_in_columns(tmp_path: Path) -> None:
    """More rows than the widths are measured on (200): every row comes, in order, aligned
    to the columns of the first ones; `--json` has one object per task."""
    from videomon.cli.render import stream_table
    from videomon.core.config.paths import AppPaths
    from videomon.core.tracking.store import TaskStore

    env = {"VIDEOMON_HOME": str(tmp_path / "home")}
    assert run("provider", "add", "relay", "--format", "openai", "--base-url",
               "https://relay.example", env=env).returncode == 0
    store = TaskStore(AppPaths.under(tmp_path / "home").data_dir / "tasks.db")
    ids = [f"video_{i:04d}" for i in range(450)] + ["video_" + "x" * 40]
    store.add_many("relay", ids)
    store.close()
    lines = run("list", env=env).stdout.splitlines()
    assert lines[0].startswith("TASK ID") and len(lines) == 1 + len(ids)
    assert [line.split()[0] for line in lines[1:]] == ids
    column = lines[0].index("PROVIDER")
    assert all(line[column:].startswith("relay") for line in lines[1:-1])
    assert [json.loads(line)["task_id"] for line in
            run("list", "--json", env=env).stdout.splitlines()] == ids
    assert list(stream_table(["A", "B"], iter([]))) == []
    assert list(stream_table(["A", "B"], iter([["1", "x"], ["22222", "y"]]), measure=1)) == \
        ["A  B", "1  x", "22222  y"]


def test_track_needs_a_known_profile(tmp_path: Path) -> None:
    env = {"VIDEOMON_HOME": str(tmp_path / "home")}
    result = run("track", "video_abc123", env=env)
    assert result.returncode == 2 and "provider add" in result.stderr


def test_a_running_window_shows_what_a_terminal_tracked(loop: qasync.QEventLoop,
                                                        tmp_path: Path,
                                                        memory_keyring: MemoryKeyring) -> None:
    home = tmp_path / "home"
    env = {"VIDEOMON_HOME": str(home)}

    with RelayThread(speed=4.0, seed=5) as relay:
        async def main() -> None:
            app = make_app(home, relay.relay.base_url, memory_keyring)
            await app.start()
            window = app.window
            try:
                started = time.monotonic()
                result = await asyncio.to_thread(run, "track", "-p", "sim", "video_ok_term1",
                                                 env=env)
                assert result.returncode == 0, result.stderr
                tracked_at = time.monotonic()
                await until(lambda: window.model.rowCount() == 1, 5)
                shown_after = time.monotonic() - tracked_at
                assert shown_after < 2.0, shown_after
                await until(lambda: window.model.task_at(0).state.value == "succeeded", 30)
                result = await asyncio.to_thread(run, "untrack", "video_ok_term1", env=env)
                assert result.returncode == 0, result.stderr
                await until(lambda: window.model.rowCount() == 0, 5)
                assert time.monotonic() - started < 60
            finally:
                window.quit()
                await app.shutdown()

        loop.run_until_complete(main())
    assert os.path.exists(home)
