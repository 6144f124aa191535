"""No more pasting: a provider whose account is followed fills the window with the tasks
its list names (with their prompts and states, nothing downloaded), the note bar says how
many came from where, and a second start imports nothing twice; a task the user removed
does not come back."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import qasync

from tests.conftest import MemoryKeyring
from tests.ui.helpers import ARTIFACTS, until
from videomon.app import VideomonApp
from videomon.core.providers.credentials import CredentialStore
from videomon.core.providers.profiles import ConfigStore
from videomon.core.tracking.scheduler import SchedulerConfig
from videomon.simulator.demo import RelayThread, make_world

IDS = [f"video_ok_follow_{i:02d}" for i in range(6)]


def follow(home: Path) -> None:
    from videomon.core.config.paths import AppPaths
    from videomon.core.providers.dialects import FormatRegistry

    config = ConfigStore(AppPaths.under(home).config_file, FormatRegistry())
    profile = config.get("sim")
    config.put(dataclasses.replace(profile, follow=True), replace_existing=True)


def test_a_followed_account_fills_the_window_and_nothing_comes_twice(
        loop: qasync.QEventLoop, tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    home = tmp_path / "home"

    async def run(relay: RelayThread, expect: int, removing: bool) -> list[int]:
        world = make_world(relay.relay.base_url, home, tasks=[("sim", "openai", "x")])
        follow(home)
        app = VideomonApp(world.paths, credentials=CredentialStore(
            environ={}, backend=memory_keyring),
            scheduler_config=SchedulerConfig(flush_interval=0.05))
        await app.start(check_keyring=False)
        window = app.window
        reports = []
        app.engine.follower.on_report = lambda r: (reports.append(r),
                                                   window.library.account_listed(r))
        try:
            window.show()
            await until(lambda: bool(reports), 20)
            await until(lambda: window.model.rowCount() == expect, 10)
            names = {window.model.task_at(r).task_id for r in range(expect)}
            assert names <= set(IDS)
            if removing:
                await until(lambda: "imported from sim" in window.inline_bar.text.text(), 5)
                window.grab().save(str(ARTIFACTS / "follow-imported.png"))
                gone = window.model.task_at(0)
                window.select_refs([gone.ref])
                window.remove_selected()
                await until(lambda: window.model.rowCount() == expect - 1, 10)
            return [len(r.added) for r in reports]
        finally:
            await app.shutdown()

    async def main() -> None:
        with RelayThread(speed=50.0, seed=4) as relay:
            for task_id in IDS:
                relay.relay.relay.seed_task("openai", task_id)
            assert await run(relay, len(IDS), True) == [len(IDS)]
            assert await run(relay, len(IDS) - 1, False) == [0]  # (the removed one too)

    loop.run_until_complete(main())


def test_settings_follows_an_account_and_keeps_its_token_in_the_keyring(
        loop: qasync.QEventLoop, tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    from videomon.ui.settings.dialog import SettingsDialog

    async def main() -> None:
        world = make_world("http://127.0.0.1:9", tmp_path / "home",
                           tasks=[("sim", "openai", "x"), ("relay", "unified", "x")])
        app = VideomonApp(world.paths, credentials=CredentialStore(
            environ={}, backend=memory_keyring))
        await app.start(check_keyring=False)
        window = app.window
        try:
            window.open_settings()
            await until(lambda: isinstance(window.settings_flow.dialog, SettingsDialog)
                        and window.settings_flow.dialog.isVisible(), 5)
            dialog = window.settings_flow.dialog
            names = [p.name for p in dialog.profiles]
            dialog.list.setCurrentRow(names.index("relay"))  # new-api's log: a token
            assert dialog.account.follow.isEnabled() and dialog.account.token.isVisibleTo(dialog)
            dialog.account.follow.setChecked(True)
            dialog.account.reach.setCurrentIndex(1)  # a week
            dialog.account.token.setText("7:acc-token-xyz")
            dialog.list.setCurrentRow(names.index("sim"))  # OpenAI's list: the key
            assert not dialog.account.token.isVisibleTo(dialog)
            dialog._save()
            await until(lambda: not dialog.isVisible(), 5)
            relay = app.commands.providers.profile("relay")
            assert relay is not None and relay.follow and relay.follow_since is not None
            assert memory_keyring.get_password("videomon", "relay#token") == "7:acc-token-xyz"
            text = world.paths.config_file.read_text(encoding="utf-8")
            assert "acc-token" not in text  # (never in a file)
        finally:
            await app.shutdown()

    loop.run_until_complete(main())


def test_import_from_a_provider_once_over_a_chosen_time(
        loop: qasync.QEventLoop, tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    from PySide6.QtWidgets import QApplication

    from videomon.ui.library.account_dialog import AccountImportDialog

    async def main() -> None:
        with RelayThread(speed=50.0, seed=4) as relay:
            for task_id in IDS[:3]:
                relay.relay.relay.seed_task("openai", task_id)
            world = make_world(relay.relay.base_url, tmp_path / "home",
                               tasks=[("sim", "openai", "x"), ("fal", "fal", "x")])
            app = VideomonApp(world.paths, credentials=CredentialStore(
                environ={}, backend=memory_keyring),
                scheduler_config=SchedulerConfig(flush_interval=0.05))
            await app.start(check_keyring=False)
            window = app.window
            try:
                window.show()
                window.actions.import_account.trigger()
                dialog = next(w for w in QApplication.topLevelWidgets()
                              if isinstance(w, AccountImportDialog) and w.isVisible())
                assert [dialog.provider.itemText(i) for i in range(dialog.provider.count())] \
                    == ["sim"]  # (fal lists nothing)
                dialog._import()
                await until(lambda: window.model.rowCount() == 3, 10)
                await until(lambda: "3 tasks imported from sim" in
                            window.inline_bar.text.text(), 5)
            finally:
                await app.shutdown()

    loop.run_until_complete(main())
