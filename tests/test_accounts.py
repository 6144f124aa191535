"""Following a provider account, against the simulated relay: the list is read page after
page; what the account lists is tracked once (no duplicates on a second import), with its
state read at once and nothing downloaded; a task the user removed stays removed (an undo
or a paste brings it back); new-api's task log takes the account's token and user ID, and
a rejected token or a page that is HTML or malformed stops the listing with a clear
problem, nothing tracked touched; the key goes only to the provider's origin."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from tests.httpserver import Reply, ScriptedServer
from tests.test_engine import wait_for
from videomon.core.config.paths import AppPaths
from videomon.core.domain.errors import AuthRejected, BadResponse, ConfigError
from videomon.core.domain.snapshot import TaskState
from videomon.core.domain.task import Watch
from videomon.core.providers.credentials import CredentialStore
from videomon.core.providers.dialects import FormatRegistry
from videomon.core.providers.formats.list_reader import Window
from videomon.core.providers.profiles import ConfigStore, Profile
from videomon.core.tracking.engine import Engine
from videomon.core.tracking.scheduler import SchedulerConfig
from videomon.simulator.faults import Faults
from videomon.simulator.server import SimulatedRelay

KEY = "sk-account-test-0123456789"
TOKEN = "7:acc-token-abcdef0123"


def make_engine(home: Path, base_url: str, token: str | None = TOKEN) -> Engine:
    paths = AppPaths.from_environment({"VIDEOMON_HOME": str(home)})
    config = ConfigStore(paths.config_file, FormatRegistry())
    for name, dialect in (("oa", "openai"), ("un", "unified"), ("rp", "replicate"),
                          ("rw", "runway")):
        config.put(Profile(name, dialect, base_url, interval=0.5), replace_existing=True)
    config.save({**config.load(), "settings": {"download_dir": str(home / "videos"),
                                               "auto_download": True}})
    environ = {f"VIDEOMON_API_KEY_{p}": KEY for p in ("OA", "UN", "RP", "RW")}
    if token:
        environ["VIDEOMON_API_KEY_UN_TOKEN"] = token
    return Engine(paths, config, CredentialStore(environ=environ),
                  scheduler_config=SchedulerConfig(flush_interval=0.05))


def seed(sim: SimulatedRelay, dialect: str, count: int, word: str = "ok") -> list[str]:
    ids = [f"video_{word}_acct_{i:04d}" for i in range(count)]
    for task_id in ids:
        sim.relay.seed_task(dialect, task_id, queue_for=0.0, run_for=0.01)
    return ids


def test_an_account_is_listed_page_by_page_and_imported_once(tmp_path: Path) -> None:
    async def main() -> None:
        async with SimulatedRelay(speed=50, key=KEY, strict=True) as sim:
            ids = seed(sim, "openai", 120)  # 3 pages of 50
            await asyncio.sleep(0.05)  # (all finished on the relay's clock)
            engine = make_engine(tmp_path, sim.base_url)
            await engine.start()
            try:
                report = await engine.accounts.run("oa")
                assert report.problem is None and report.pages == 3
                assert sorted(report.added) == sorted(ids) and report.known == 0
                tasks = {t.task_id: t for t in engine.scheduler.tasks.values()}
                assert set(tasks) <= set(ids)
                # each read from its item at once: finished, not polled, not downloaded
                await engine.scheduler.book.flush()
                done = [t for t in engine.listing.block(
                    [t.ref for t in engine.store.all()]).values()]
                assert len(done) == 120
                odd = [(t.task_id, t.state, t.watch, t.download_state, t.problem_kind,
                        t.problem_message) for t in done if not (
                    t.state is TaskState.SUCCEEDED and t.watch is Watch.DONE
                    and t.download_state is None)]
                assert not odd, odd[:3]
                assert "imported" in [h.note for h in engine.store.history(done[0].ref)]
                # a second import adds nothing
                again = await engine.accounts.run("oa")
                assert again.added == [] and again.known == 120
            finally:
                await engine.stop()

    asyncio.run(main())


def test_a_removed_task_stays_removed_until_the_user_adds_it(tmp_path: Path) -> None:
    async def main() -> None:
        async with SimulatedRelay(speed=50, key=KEY, strict=True) as sim:
            ids = seed(sim, "openai", 5)
            engine = make_engine(tmp_path, sim.base_url)
            await engine.start()
            try:
                await engine.accounts.run("oa")
                gone = engine.store.find("oa", ids[0])
                assert gone is not None
                await engine.scheduler.remove([gone.ref], keep=False)
                report = await engine.accounts.run("oa")
                assert report.added == [] and engine.store.find("oa", ids[0]) is None
                await engine.scheduler.add("oa", [ids[0]])  # pasted again: tracked
                await engine.scheduler.remove([engine.store.find("oa", ids[0]).ref])
                await engine.scheduler.bring_back()  # an undo: no longer removed
                assert engine.store.find("oa", ids[0]) is not None
                await engine.scheduler.remove([engine.store.find("oa", ids[0]).ref],
                                              keep=False)
                assert (await engine.accounts.run("oa")).added == []
            finally:
                await engine.stop()

    asyncio.run(main())


def test_new_apis_task_log_takes_the_token_and_a_rejected_one_is_told(tmp_path: Path) -> None:
    async def main() -> None:
        async with SimulatedRelay(speed=50, key=KEY, strict=True, token=TOKEN) as sim:
            ids = seed(sim, "unified", 30) + seed(sim, "unified", 2, "fail")
            engine = make_engine(tmp_path / "a", sim.base_url)
            await engine.start()
            try:
                report = await engine.accounts.run("un", Window(since=0))
                assert report.problem is None and sorted(report.added) == sorted(ids)
                await engine.scheduler.book.flush()
                failed = engine.store.find("un", "video_fail_acct_0000")
                assert failed is not None and failed.state is TaskState.FAILED
            finally:
                await engine.stop()
            for token, said in ((None, "access token"), ("7:wrong-token", "rejected")):
                other = make_engine(tmp_path / f"b{token}", sim.base_url, token)
                await other.start()
                try:
                    report = await other.accounts.run("un")
                    assert isinstance(report.problem, AuthRejected)
                    assert said in str(report.problem) and report.added == []
                    assert "wrong-token" not in str(report.problem)
                finally:
                    await other.stop()

    asyncio.run(main())


@pytest.mark.parametrize("fault", ["html", "malformed"])
def test_a_page_that_is_no_list_stops_with_a_problem_and_touches_nothing(
        tmp_path: Path, fault: str) -> None:
    async def main() -> None:
        async with SimulatedRelay(speed=50, key=KEY, strict=True) as sim:
            seed(sim, "openai", 3)
            engine = make_engine(tmp_path, sim.base_url)
            await engine.start()
            try:
                kept = await engine.scheduler.add("oa", ["video_ok_acct_0001"])
                sim.faults = Faults.parse(f"{fault}=1.0")
                report = await engine.accounts.run("oa")
                assert isinstance(report.problem, BadResponse) and report.added == []
                assert [t.ref for t in engine.store.all()] == [kept[0].ref]
            finally:
                await engine.stop()

    asyncio.run(main())


def test_the_key_never_leaves_the_providers_origin_and_no_list_is_said(
        tmp_path: Path, server: ScriptedServer) -> None:
    with ScriptedServer() as elsewhere:
        server.script("/v1/predictions", Reply(body={
            "results": [{"id": "p1", "status": "starting", "created_at": "2026-12-01T10:00:00Z"}],
            "next": f"{elsewhere.base_url}/v1/predictions?cursor=abc"}))

        async def main() -> None:
            engine = make_engine(tmp_path, server.base_url)
            await engine.start()
            try:
                report = await engine.accounts.run("rp")
                assert report.added == ["p1"]
                assert isinstance(report.problem, BadResponse)
                assert "another host" in str(report.problem)
                assert not elsewhere.seen
                assert all(s.headers.get("authorization") == f"Bearer {KEY}"
                           for s in server.seen if "predictions" in s.raw_path)
                with pytest.raises(ConfigError, match="no list"):
                    await engine.accounts.run("rw")  # (Runway documents no list)
            finally:
                await engine.stop()

        asyncio.run(main())


def test_the_terminal_imports_an_account_and_stores_its_token(tmp_path: Path) -> None:
    from tests.test_cli import run
    from videomon.simulator.demo import RelayThread

    with RelayThread(speed=50.0, seed=3) as thread:
        sim = thread.relay
        make_engine(tmp_path, sim.base_url).store.close()  # (the config: oa, un, rp, rw)
        env = {"VIDEOMON_HOME": str(tmp_path), "VIDEOMON_API_KEY_OA": KEY}
        ids = [f"video_ok_cli_{i}" for i in range(3)]
        for task_id in ids:  # (a dict entry each: safe beside the relay's thread)
            sim.relay.seed_task("openai", task_id)
        first = run("import", "-p", "oa", "--since", "1d", "--json", env=env)
        assert first.returncode == 0, first.stderr
        assert sorted(json.loads(first.stdout)["added"]) == sorted(ids)
        again = run("import", "-p", "oa", env=env)
        assert again.returncode == 0 and "0 imported" in again.stderr
        assert "3 already tracked" in again.stderr
        listed = run("list", "--json", env=env)
        assert sorted(json.loads(line)["task_id"] for line in listed.stdout.splitlines()) \
            == sorted(ids)
        runway = run("import", "-p", "rw", env=env)
        assert runway.returncode == 2 and "no list request" in runway.stderr
        no_token = run("import", "-p", "un", env={**env, "VIDEOMON_API_KEY_UN": KEY})
        assert no_token.returncode == 4 and "set-token" in no_token.stderr


def test_gemini_lists_its_operations_per_veo_model(tmp_path: Path) -> None:
    async def main() -> None:
        async with SimulatedRelay(speed=50, key=KEY, strict=True) as sim:
            names = [f"models/veo-3.0-generate-001/operations/ok-{i}" for i in range(3)]
            names.append("models/veo-2.0-generate-001/operations/ok-old")
            for name in names:
                sim.relay.seed_task("gemini", name, queue_for=0.0, run_for=0.01)
            paths = AppPaths.from_environment({"VIDEOMON_HOME": str(tmp_path)})
            config = ConfigStore(paths.config_file, FormatRegistry())
            config.put(Profile("gm", "gemini", sim.base_url, interval=0.5))
            engine = Engine(paths, config, CredentialStore(
                environ={"VIDEOMON_API_KEY_GM": KEY}),
                scheduler_config=SchedulerConfig(flush_interval=0.05))
            await engine.start()
            try:
                report = await engine.accounts.run("gm")
                assert report.problem is None and sorted(report.added) == sorted(names)
                # each then read as a pasted operation is (the list gives only names)
                await wait_for(lambda: all(t.state is TaskState.SUCCEEDED
                                           for t in engine.scheduler.tasks.values()
                                           if t.profile == "gm") or not engine.scheduler.tasks)
            finally:
                await engine.stop()

    asyncio.run(main())
