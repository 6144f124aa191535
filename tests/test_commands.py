"""The window's commands against a real engine and the simulated relay."""

from __future__ import annotations

import asyncio
from pathlib import Path

from tests.test_engine import KEY, make_engine, wait_for
from videomon.core.providers.profiles import Profile
from videomon.core.tracking.commands import Commands
from videomon.simulator.server import SimulatedRelay


def test_add_text_groups_by_profile_and_reports_duplicates(tmp_path: Path) -> None:
    async def main() -> None:
        async with SimulatedRelay(speed=30, key=KEY) as sim:
            engine = make_engine(tmp_path, sim)
            await engine.start()
            try:
                commands = Commands(engine)
                text = ("models/veo-3/operations/op123abc\nvideo_ok_111aa, sora-2:task_ok_22b "
                        "https://cdn.example/x.mp4")
                outcome = await commands.tasks.add_text(text)
                placed = {t.task_id: t.profile for t in outcome.added}
                assert placed["models/veo-3/operations/op123abc"] == "gm"
                assert placed["video_ok_111aa"] == "oa"
                assert outcome.rejected == ["https://cdn.example/x.mp4"]
                guessed_ref = outcome.guessed[placed["sora-2:task_ok_22b"]][0]
                again = await commands.tasks.add_text("video_ok_111aa")
                assert again.duplicates == ["video_ok_111aa"] and not again.added
                assert (await commands.tasks.add_text("hello there")).nothing_found
                moved = await commands.tasks.move([guessed_ref], "un")
                assert [(t.task_id, t.profile) for t in moved] == [("sora-2:task_ok_22b", "un")]
                assert Commands(engine).providers.last_profile == "un"  # remembered in the config
                assert await commands.tasks.remove([moved[0].ref]) == 1
                assert moved[0].ref not in engine.scheduler.tasks
                restored = await commands.tasks.undo_remove()
                assert restored == [moved[0].ref]  # (polled: held again)
                assert engine.scheduler.tasks[restored[0]].task_id == "sora-2:task_ok_22b"
                assert await commands.tasks.undo_remove() == []  # only the last, once
            finally:
                await engine.stop()

    asyncio.run(main())


def test_connection_test_says_what_happened(tmp_path: Path) -> None:
    async def main() -> None:
        async with SimulatedRelay(speed=30, key=KEY) as sim:
            engine = make_engine(tmp_path, sim)
            try:
                commands = Commands(engine)
                good = await commands.providers.test_connection(
                    Profile("oa", "openai", sim.base_url), None)
                assert good.ok and "accepted the key" in good.message
                bad = await commands.providers.test_connection(Profile("x", "openai", sim.base_url),
                                                     "sk-wrong")
                assert not bad.ok and "rejected the key" in bad.message
                assert "sk-wrong" not in bad.message
                dead = await commands.providers.test_connection(
                    Profile("d", "openai", "http://127.0.0.1:9"), "k", total=0.5)
                assert not dead.ok and "Not working" in dead.message
            finally:
                await engine.stop()

    asyncio.run(main())


def test_a_provider_whose_format_is_gone_is_skipped_and_comes_back_with_it(
        tmp_path: Path) -> None:
    """A profile using a user's format whose file was removed: the others still poll, that
    one is reported (not polled, its entry kept in the config, also through a Settings
    save); adding the format again brings it back."""
    from videomon.core.providers.dialects import builtin_dialect
    from videomon.core.providers.formats.spec import format_from_dict, format_to_dict

    async def main() -> None:
        async with SimulatedRelay(speed=60) as sim:  # (no key needed)
            engine = make_engine(tmp_path, sim)
            config = engine.config
            mine = {**format_to_dict(builtin_dialect("openai").format),  # type: ignore[attr-defined]
                    "name": "mine", "summary": "my relay"}
            data = config.load()
            data["profiles"].append({"name": "gone", "dialect": "mine",
                                     "base_url": sim.base_url, "auth": "none"})
            data["profiles"].append({"name": "typo", "dialect": "openai",
                                     "base_url": "ftp://x", "auth": "none"})
            config.save(data)
            usable, skipped = config.read_profiles()
            assert {p.name for p in usable} == {"oa", "un", "gm"}
            assert {s.name: s.problem.kind for s in skipped} == {"gone": "config",
                                                                 "typo": "config"}
            assert "format 'mine' is not installed" in str(skipped[0].problem)
            engine2 = make_engine(tmp_path, sim)  # the engine reads them at start
            problems: list[tuple[str, object]] = []

            class Recorder:
                def tasks_changed(self, tasks: object) -> None: ...
                def tasks_removed(self, refs: object) -> None: ...
                def tasks_returned(self, refs: object) -> None: ...

                def profile_problem(self, profile: str, problem: object) -> None:
                    problems.append((profile, problem))

            engine2.scheduler.book.observers.append(Recorder())
            await engine2.start()
            try:
                commands = Commands(engine2)
                assert sorted(p for p, _ in problems) == ["gone", "typo"]
                await engine2.scheduler.add("oa", ["video_ok_1aa"])
                await wait_for(lambda: any(t.state.value == "succeeded"
                                           for t in engine2.scheduler.tasks.values()))
                # a Settings save keeps the entries it does not show
                providers = commands.providers
                await providers.save(list(providers.profiles().values()), providers.settings(), {})
                assert {s.name for s in config.read_profiles()[1]} == {"gone", "typo"}
                problems.clear()
                shown = list(commands.providers.profiles().values())  # Settings opened before...
                await commands.formats.save(format_from_dict(mine))  # ...the format came back
                assert "gone" in commands.providers.profiles()
                assert problems == [("gone", None)]
                # (it did not show it)
                await commands.providers.save(shown, commands.providers.settings(), {})
                assert "gone" in commands.providers.profiles()
                await providers.save(shown[1:], providers.settings(), {},
                                     removed=[shown[0].name])
                assert set(commands.providers.profiles()) == {"gone", *(p.name for p in shown[1:])}
                (task,) = await engine2.scheduler.add("gone", ["video_ok_2bb"])
                await wait_for(lambda: engine2.scheduler.tasks[task.ref].state.value
                               == "succeeded")
            finally:
                await engine2.stop()

    asyncio.run(main())


def test_the_demo_is_a_world_of_its_own(tmp_path: Path) -> None:
    """Its relay answers only the tasks it issued, pasted IDs go to a real provider when
    there is one, its videos go to a folder of its own and leave with it."""
    from videomon.demo_session import DemoSession
    from videomon.simulator.demo import DEMO_TASKS

    async def main() -> None:
        async with SimulatedRelay(speed=30, key=KEY) as sim:
            engine = make_engine(tmp_path, sim)
            await engine.start()
            commands = Commands(engine)
            demo = DemoSession(commands.demo)
            try:
                added = await demo.start()
                assert {t.task_id for t in added} == {i for _, _, i in DEMO_TASKS}
                asked = await commands.formats.look_up(
                    commands.providers.profile("demo-openai"), None, "video_ok_mine1")
                assert asked.problem is not None and asked.problem.kind.value == "not_found"
                outcome = await commands.tasks.add_text("video_ok_mine1 sora-2:task_ok_mine2")
                assert {t.profile for t in outcome.added} <= {"oa", "un", "tk", "gm"}
                assert not any(t.profile.startswith("demo-") for t in outcome.added)
                await wait_for(lambda: all(t.saved for t in engine.scheduler.tasks.values()
                                           if t.profile == "demo-openai"), 60)
                folder = commands.demo.download_dir()
                demo_files = [Path(p) for t in engine.scheduler.tasks.values()
                              if t.profile.startswith("demo-") for p in t.download_paths]
                assert demo_files and all(p.parent == folder for p in demo_files)
                (folder / "stray.part").write_bytes(b"x")  # anything it left there
                await demo.remove()
                assert not folder.exists()
                assert not commands.demo.profiles()
                assert {t.task_id for t in engine.scheduler.tasks.values()} == \
                    {"video_ok_mine1", "sora-2:task_ok_mine2"}
            finally:
                await demo.close()
                await engine.stop()

    asyncio.run(main())


def test_a_problem_message_without_its_kind_words() -> None:
    from videomon.core.domain.errors import problem_detail

    assert problem_detail("the provider does not know this task (HTTP 404: {\"e\": 1})") \
        == "HTTP 404: {\"e\": 1}"
    assert problem_detail("could not reach relay.example: refused") == \
        "could not reach relay.example: refused"
