"""The assembled engine against the simulated relay: polling to completion, automatic
downloads, no key outside the provider's host, re-query of expired links, shutdown."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest

from videomon.core.config.paths import AppPaths
from videomon.core.domain.task import DownloadState
from videomon.core.providers.credentials import CredentialStore
from videomon.core.providers.dialects import FormatRegistry
from videomon.core.providers.profiles import ConfigStore, Profile
from videomon.core.tracking.engine import Engine
from videomon.core.tracking.scheduler import SchedulerConfig
from videomon.resources import sample_video
from videomon.simulator.faults import Faults
from videomon.simulator.server import SimulatedRelay

KEY = "sk-engine-test-key-0123456789"


def make_engine(home: Path, sim: SimulatedRelay, *, auto: bool = True) -> Engine:
    paths = AppPaths.from_environment({"VIDEOMON_HOME": str(home)})
    config = ConfigStore(paths.config_file, FormatRegistry())
    for name, dialect in (("oa", "openai"), ("un", "unified"), ("gm", "gemini")):
        config.put(Profile(name, dialect, sim.base_url, interval=0.5), replace_existing=True)
    config.save({**config.load(), "settings": {"download_dir": str(home / "videos"),
                                               "auto_download": auto}})
    creds = CredentialStore(environ={"VIDEOMON_API_KEY_OA": KEY, "VIDEOMON_API_KEY_UN": KEY,
                                     "VIDEOMON_API_KEY_GM": KEY})
    return Engine(paths, config, creds, scheduler_config=SchedulerConfig(flush_interval=0.05))


async def wait_for(predicate, timeout: float = 20.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("condition not reached in time")
        await asyncio.sleep(0.05)


def test_engine_tracks_and_downloads_without_leaking_the_key(tmp_path: Path) -> None:
    async def main() -> None:
        async with SimulatedRelay(speed=30, key=KEY) as sim:
            engine = make_engine(tmp_path, sim)
            await engine.start()
            try:
                added = await engine.scheduler.add("oa", ["sora-2:task_ok_1", "video_ok_2"])
                added += await engine.scheduler.add("un", ["veo3:ok-3"])
                added += await engine.scheduler.add(
                    "gm", ["models/veo-3.0-generate-001/operations/ok-4"])
                assert await engine.scheduler.add("oa", ["video_ok_2"]) == []  # no-op
                refs = [t.ref for t in added]
                await wait_for(lambda: all(engine.scheduler.tasks[r].download_state == "done"
                                           for r in refs))
                for ref in refs:
                    task = engine.scheduler.tasks[ref]
                    (path,) = task.download_paths
                    assert Path(path).read_bytes() == sample_video().read_bytes()
                    assert Path(path).parent == tmp_path / "videos"
                # the answers are on disk, not in memory (a finished task's largest part)
                await engine.scheduler.flush()
                for ref in refs:
                    task = engine.scheduler.tasks[ref]
                    assert task.raw is None and task.snapshot.raw is None
                    assert engine.store.raw(ref) is not None
                assert sim.cdn_requests, "the CDN was used"
                for headers in sim.cdn_requests:
                    assert KEY not in " ".join(headers.values())
            finally:
                started = time.monotonic()
                await engine.stop()
                assert time.monotonic() - started < 1.0
        reopened = make_engine(tmp_path, sim)
        reopened.scheduler.load()
        states = {t.task_id: (t.state.value, t.download_state)
                  for t in reopened.scheduler.tasks.values()}
        reopened.store.close()
        assert set(states.values()) == {("succeeded", "done")}

    asyncio.run(main())


def test_expired_link_is_requeried_once(tmp_path: Path) -> None:
    async def main() -> None:
        async with SimulatedRelay(speed=60, faults=Faults.parse("expire=1")) as sim:
            engine = make_engine(tmp_path, sim, auto=False)
            await engine.start()
            try:
                (task,) = await engine.scheduler.add("oa", ["sora-2:task_ok_x"])
                await wait_for(lambda: engine.scheduler.tasks[task.ref].state.value
                               == "succeeded")
                old_url = engine.scheduler.tasks[task.ref].video_urls[0]
                await asyncio.sleep(2.1)  # the stored link expires
                assert engine.downloads.start(task.ref)
                await wait_for(lambda: engine.scheduler.tasks[task.ref].download_state
                               in ("done", "failed"))
                final = engine.scheduler.tasks[task.ref]
                assert final.download_state == "done", final.download_error
                assert final.video_urls[0] != old_url
                await engine.scheduler.flush()  # the fresh link went through the policy:
                notes = [note for _, _, _, note in engine.store.history(task.ref)]
                assert "new video link" in notes  # its timeline says so
            finally:
                await engine.stop()

    asyncio.run(main())


def test_download_of_a_running_task_is_refused(tmp_path: Path) -> None:
    async def main() -> None:
        async with SimulatedRelay(speed=0.01) as sim:
            engine = make_engine(tmp_path, sim, auto=False)
            await engine.start()
            try:
                (task,) = await engine.scheduler.add("oa", ["slow-ok"])
                await wait_for(lambda: engine.scheduler.tasks[task.ref].snapshot is not None)
                assert engine.downloads.start(task.ref) is False
            finally:
                await engine.stop()

    asyncio.run(main())


@pytest.mark.parametrize("auto", [True])
def test_interrupted_downloads_resume_after_restart(tmp_path: Path, auto: bool) -> None:
    """Downloads queued when the app stopped are queued again on the next start."""
    async def main() -> None:
        async with SimulatedRelay(speed=60) as sim:
            engine = make_engine(tmp_path, sim, auto=False)
            await engine.start()
            (task,) = await engine.scheduler.add("oa", ["sora-2:task_ok_r"])
            await wait_for(lambda: engine.scheduler.tasks[task.ref].state.value == "succeeded")
            engine.scheduler.update(task.ref, {"download_state": DownloadState.DOWNLOADING})
            await engine.stop()
            again = make_engine(tmp_path, sim, auto=auto)
            await again.start()
            try:
                await wait_for(lambda: again.scheduler.tasks[task.ref].download_state == "done")
            finally:
                await again.stop()

    asyncio.run(main())


def test_a_download_finished_just_before_a_kill_is_not_fetched_again(tmp_path: Path) -> None:
    """The file was renamed into place but the kill came before "done" was saved: on the
    next start the finished file is taken as it is (no second copy, no new .part)."""
    async def main() -> None:
        async with SimulatedRelay(speed=60) as sim:
            engine = make_engine(tmp_path, sim, auto=True)
            await engine.start()
            (task,) = await engine.scheduler.add("oa", ["sora-2:task_ok_k"])
            await wait_for(lambda: engine.scheduler.tasks[task.ref].download_state == "done")
            (path,) = engine.scheduler.tasks[task.ref].download_paths
            engine.scheduler.update(task.ref, {"download_state": DownloadState.DOWNLOADING})
            await engine.stop()
            again = make_engine(tmp_path, sim, auto=True)
            await again.start()
            try:
                await wait_for(lambda: again.scheduler.tasks[task.ref].download_state == "done")
                assert again.scheduler.tasks[task.ref].download_paths == (path,)
            finally:
                await again.stop()
            assert sorted(p.name for p in (tmp_path / "videos").iterdir()) == [Path(path).name]

    asyncio.run(main())
