"""The window's commands against a real engine and the simulated relay."""

from __future__ import annotations

import asyncio
from pathlib import Path

from tests.test_engine import KEY, make_engine
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
                outcome = await commands.add_text(text)
                placed = {t.task_id: t.profile for t in outcome.added}
                assert placed["models/veo-3/operations/op123abc"] == "gm"
                assert placed["video_ok_111aa"] == "oa"
                assert outcome.rejected == ["https://cdn.example/x.mp4"]
                guessed_ref = outcome.guessed[placed["sora-2:task_ok_22b"]][0]
                again = await commands.add_text("video_ok_111aa")
                assert again.duplicates == ["video_ok_111aa"] and not again.added
                assert (await commands.add_text("hello there")).nothing_found
                moved = await commands.move([guessed_ref], "un")
                assert [(t.task_id, t.profile) for t in moved] == [("sora-2:task_ok_22b", "un")]
                assert Commands(engine).last_profile == "un"  # remembered in the config
                removed = await commands.remove([moved[0].ref])
                assert moved[0].ref not in engine.scheduler.tasks
                restored = await commands.undo_remove(removed)
                assert restored[0].task_id == "sora-2:task_ok_22b"
                assert restored[0].ref in engine.scheduler.tasks
            finally:
                await engine.stop()

    asyncio.run(main())


def test_connection_test_says_what_happened(tmp_path: Path) -> None:
    async def main() -> None:
        async with SimulatedRelay(speed=30, key=KEY) as sim:
            engine = make_engine(tmp_path, sim)
            try:
                commands = Commands(engine)
                good = await commands.test_connection(Profile("oa", "openai", sim.base_url),
                                                      None)
                assert good.ok and "accepted the key" in good.message
                bad = await commands.test_connection(Profile("x", "openai", sim.base_url),
                                                     "sk-wrong")
                assert not bad.ok and "rejected the key" in bad.message
                assert "sk-wrong" not in bad.message
                dead = await commands.test_connection(
                    Profile("d", "openai", "http://127.0.0.1:9"), "k", total=0.5)
                assert not dead.ok and "Not working" in dead.message
            finally:
                await engine.stop()

    asyncio.run(main())
