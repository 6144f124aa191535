"""The gallery as a user meets it: Ctrl+2 shows the finished videos as pictures — the
provider's (OpenAI's thumbnail variant) or a frame of the saved file where the provider
has none — with the table's selection; after a restart with the provider gone, the
pictures come from the cache folder and the gallery is still the view shown."""

from __future__ import annotations

from pathlib import Path

import qasync
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.conftest import MemoryKeyring
from tests.ui.helpers import ARTIFACTS, until
from videomon.app import VideomonApp
from videomon.core.providers.credentials import CredentialStore
from videomon.core.tracking.scheduler import SchedulerConfig
from videomon.core.transfers.thumbnails import picture_key
from videomon.resources import sample_picture
from videomon.simulator.demo import RelayThread, make_world
from videomon.simulator.relay import PROMPTS

OPENAI = ("video_ok_gal_0001", "video_ok_gal_0002")
UNIFIED = "veo3:ok_gal_0003"  # (a format without a picture: a frame of the saved file)
DEAD = "http://127.0.0.1:9"  # (the provider is gone on the second start)


def gallery_app(home: Path, base_url: str, keyring: MemoryKeyring) -> VideomonApp:
    world = make_world(base_url, home, tasks=[("sim", "openai", "x"), ("simu", "unified", "x")])
    return VideomonApp(world.paths, credentials=CredentialStore(environ={}, backend=keyring),
                       scheduler_config=SchedulerConfig(flush_interval=0.05))


def test_the_gallery_shows_pictures_and_after_a_restart_reads_them_from_the_cache(
        loop: qasync.QEventLoop, tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    home = tmp_path / "home"
    cache = home / "cache" / "thumbnails"

    async def first_run(relay: RelayThread) -> None:
        app = gallery_app(home, relay.relay.base_url, memory_keyring)
        await app.start(check_keyring=False)
        window = app.window
        try:
            window.show()
            window.add_text(" ".join(OPENAI), "sim")
            window.add_text(UNIFIED, "simu")  # (a second paste at once: both are added)
            await until(lambda: window.model.rowCount() == 3 and all(
                window.model.task_at(r).saved for r in range(3)), 30)
            views = window.library.views
            grabbing = views.pictures.grabber.available
            window.table.setFocus()
            window.select_refs([window.model.task_at(0).ref])
            QTest.keyClick(window.table, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
            assert views.gallery_on and window.stack.currentWidget() is views.gallery
            assert views.gallery.selectionModel() is window.table.selectionModel()
            want = 3 if grabbing else 2
            tasks = [window.model.task_at(r) for r in range(3)]
            await until(lambda: sum(map(views.pictures.has, tasks)) == want, 30)
            assert views.pictures.loaded == want  # (each once)
            assert len(list(cache.glob("*.jpg"))) == want
            window.grab().save(str(ARTIFACTS / "gallery-first-run.png"))
            QTest.keyClick(views.gallery, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
            assert not views.gallery_on and window.stack.currentWidget() is window.table
            QTest.keyClick(window.table, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
        finally:
            await app.shutdown()

    async def second_run() -> None:
        before = {p.name: p.stat().st_size for p in cache.glob("*.jpg")}
        app = gallery_app(home, DEAD, memory_keyring)
        await app.start(check_keyring=False)
        window = app.window
        try:
            window.show()
            views = window.library.views
            await until(lambda: window.model.rowCount() == 3, 10)
            assert views.gallery_on  # (remembered)
            tasks = [window.model.task_at(r) for r in range(3)]
            await until(lambda: sum(map(views.pictures.has, tasks)) == len(before), 20)
            assert views.pictures.loaded == len(before)
            assert not views.pictures.grabber.grabbed  # (none made again)
            assert {p.name: p.stat().st_size for p in cache.glob("*.jpg")} == before
        finally:
            await app.shutdown()

    async def main() -> None:
        with RelayThread(speed=200.0, seed=5) as relay:
            await first_run(relay)
        await second_run()

    loop.run_until_complete(main())


def test_a_new_task_on_a_removed_tasks_ref_shows_its_own_picture(
        loop: qasync.QEventLoop, tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    """Found walking the journey: a task pasted after one was removed took the removed
    one's ref, and with it its picture (in the gallery and its notification)."""
    home = tmp_path / "home"
    cache = home / "cache" / "thumbnails"
    first, gone, newcomer = "video_ok_ref_0001", "video_ok_ref_0002", "video_ok_ref_0003"

    async def main() -> None:
        with RelayThread(speed=200.0, seed=5) as relay:
            for index, task_id in enumerate((first, gone, newcomer)):
                relay.relay.relay.seed_task("openai", task_id, prompt=PROMPTS[index])
            app = gallery_app(home, relay.relay.base_url, memory_keyring)
            await app.start(check_keyring=False)
            window = app.window
            try:
                window.show()
                window.library.views.show(True)
                window.add_text(f"{first} {gone}", "sim")
                await until(lambda: window.model.rowCount() == 2 and all(
                    window.model.task_at(r).saved for r in range(2)), 30)
                pictures = window.library.views.pictures
                await until(lambda: all(pictures.has(window.model.task_at(r))
                                        for r in range(2)), 20)
                removed = next(window.model.task_at(r) for r in range(2)
                               if window.model.task_at(r).task_id == gone)
                window.select_refs([removed.ref])
                window.remove_selected()
                await until(lambda: window.model.rowCount() == 1, 10)
                window.add_text(newcomer, "sim")
                await until(lambda: window.model.rowCount() == 2, 10)
                new = next(window.model.task_at(r) for r in range(2)
                           if window.model.task_at(r).task_id == newcomer)
                assert new.ref == removed.ref  # (the ref is reused: the case at hand)
                await until(lambda: window.model.task(new.ref).saved
                            and pictures.has(window.model.task(new.ref)), 30)
                held = cache / f"{picture_key('sim', newcomer)}.jpg"
                assert held.read_bytes() == sample_picture(2).read_bytes()  # its own
                assert held.read_bytes() != sample_picture(1).read_bytes()
            finally:
                await app.shutdown()

    loop.run_until_complete(main())
