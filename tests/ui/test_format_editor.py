"""Settings → Formats driven like a person: type a definition and a sample answer, watch the
preview follow, see a mistake named, save, test against the (simulated) provider, and
pick the format in a provider's form; Detect finds a format from a known task."""

from __future__ import annotations

import asyncio
from pathlib import Path

import qasync
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTabWidget

from tests.conftest import MemoryKeyring
from tests.ui.helpers import make_app, until
from videomon.core.providers.dialects import BUILTIN_DIALECTS, FormatRegistry
from videomon.simulator.demo import RelayThread
from videomon.ui.settings.dialog import SettingsDialog

DEFINITION = """name = "jobrelay"
query = "{base}/api/job/{id}"
cost_unit = "credits"

[fields]
state = ["job.phase"]
progress = ["job.pct"]
video_urls = ["job.files[0].href"]
error = ["job.why"]
prompt = ["job.input.text"]
cost = ["job.credits"]

[states]
WAITING = "queued"
BUSY = "running"
DONE = "succeeded"

[list]
url = "{base}/api/jobs?page={page}"
paging = "page"
items = ["jobs"]
id = ["key"]
full = true
page_size = 2
"""


async def open_formats(app) -> SettingsDialog:  # type: ignore[no-untyped-def]
    window = app.window
    window.open_settings()
    await until(lambda: isinstance(window.settings_flow.dialog, SettingsDialog)
                and window.settings_flow.dialog.isVisible(), 5)
    dialog = window.settings_flow.dialog
    tabs = dialog.findChild(QTabWidget)
    tabs.setCurrentWidget(dialog.formats)
    return dialog


def test_the_preview_follows_typing_and_a_saved_format_can_be_used(
        loop: qasync.QEventLoop, tmp_path: Path,
        memory_keyring: MemoryKeyring) -> None:
    async def main() -> None:
        with RelayThread(speed=50.0, seed=4) as relay:
            app = make_app(tmp_path / "home", relay.relay.base_url, memory_keyring)
            await app.start(check_keyring=False)
            try:
                dialog = await open_formats(app)
                editor = dialog.formats
                # a built-in format is shown read-only, with its definition
                assert "kling-jwt" in next(
                    editor.definition.toPlainText() for _ in [editor.list.setCurrentRow(
                        list(BUILTIN_DIALECTS).index("kling"))])
                assert editor.definition.isReadOnly()
                QTest.mouseClick(editor.new_button, Qt.MouseButton.LeftButton)
                editor.definition.selectAll()
                for line in DEFINITION.splitlines():  # typed, a line at a time
                    QTest.keyClicks(editor.definition, line)
                    QTest.keyClick(editor.definition, Qt.Key.Key_Return)
                editor.sample.selectAll()
                QTest.keyClicks(editor.sample, '{"job": {"phase": "BUSY", "pct": 42}}')
                await until(lambda: "42%" in editor.preview.text(), 5)
                assert "Running" in editor.preview.text()
                # the answer changes as the user types on
                editor.sample.selectAll()
                QTest.keyClicks(editor.sample, '{"job": {"phase": "DONE", "files": '
                                '[{"href": "https://cdn.example/v.mp4"}], "credits": 12, '
                                '"input": {"text": "a corgi"}}}')
                await until(lambda: "https://cdn.example/v.mp4" in editor.preview.text(), 5)
                assert "Succeeded" in editor.preview.text()
                # what the video is: the prompt and the cost the format names
                assert "Prompt: a corgi" in editor.preview.text()
                assert "Cost: 12 credits" in editor.preview.text()
                # a sample page of its list: the tasks it names, their states, the next page
                editor.sample.selectAll()
                QTest.keyClicks(editor.sample, '{"jobs": [{"key": "j1", "job": {"phase": '
                                '"DONE"}}, {"key": "j2", "job": {"phase": "BUSY"}}]}')
                await until(lambda: "2 tasks" in editor.preview.text(), 5)
                assert "j1 — Succeeded" in editor.preview.text()
                assert "j2 — Running" in editor.preview.text()
                assert "Next page: 2" in editor.preview.text()
                editor.sample.selectAll()
                QTest.keyClicks(editor.sample, '{"job": {"phase": "DONE", "files": '
                                '[{"href": "https://cdn.example/v.mp4"}]}}')
                await until(lambda: "https://cdn.example/v.mp4" in editor.preview.text(), 5)
                # a mistake in the definition is named, and nothing can be saved from it
                text = editor.definition.toPlainText()
                editor.definition.setPlainText(text.replace('["job.phase"]', '["job..phase"]'))
                await until(lambda: "fields.state" in editor.preview.text(), 5)
                assert editor.preview.text().startswith("✘")
                editor.definition.setPlainText(text)
                await until(lambda: "Succeeded" in editor.preview.text(), 5)
                QTest.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
                await until(lambda: "jobrelay" in app.formats, 5)
                assert (app.paths.formats_dir / "jobrelay.toml").exists()
                assert dialog.dialect.findData("jobrelay") >= 0  # offered for providers
                assert editor.list.currentItem().data(Qt.ItemDataRole.UserRole) == "jobrelay"
                # "Test with a task ID" against the simulated provider, which speaks it now
                relay.relay.formats = app.formats  # it speaks the user's formats too
                relay.relay.relay.seed_task("jobrelay", "job-7", queue_for=0.0, run_for=0.05)
                await asyncio.sleep(0.1)
                editor.test_base.setText(relay.relay.base_url)
                editor.test_id.setText("job-7")
                QTest.mouseClick(editor.test_button, Qt.MouseButton.LeftButton)
                await until(lambda: editor.test_result.text().startswith("✔"), 10)
                assert '"phase"' in editor.sample.toPlainText()  # the real answer, shown
                assert "Succeeded" in editor.preview.text()
                dialog.reject()
            finally:
                app.window.close()
                await app.shutdown()

    loop.run_until_complete(main())


def test_detect_in_the_provider_form_picks_the_format(
        loop: qasync.QEventLoop, tmp_path: Path,
        memory_keyring: MemoryKeyring) -> None:
    async def main() -> None:
        with RelayThread(speed=50.0, seed=4) as relay:
            app = make_app(tmp_path / "home", relay.relay.base_url, memory_keyring)
            await app.start(check_keyring=False)
            try:
                window = app.window
                window.open_settings()
                await until(lambda: isinstance(window.settings_flow.dialog, SettingsDialog)
                            and window.settings_flow.dialog.isVisible(), 5)
                dialog = window.settings_flow.dialog
                relay.relay.relay.strict = True
                relay.relay.relay.seed_task("luma", "gen-123", queue_for=0.0, run_for=0.05)
                dialog.base_url.setText(relay.relay.base_url)
                dialog.dialect.setCurrentIndex(dialog.dialect.findData("openai"))
                QTest.keyClicks(dialog.detect.task_id, "gen-123")
                QTest.mouseClick(dialog.detect.button, Qt.MouseButton.LeftButton)
                await until(lambda: dialog.detect.result.text().startswith(("✔", "✘")), 15)
                assert "luma" in dialog.detect.result.text(), dialog.detect.result.text()
                assert dialog.dialect.currentData() == "luma"
                dialog.reject()
            finally:
                relay.relay.relay.strict = False
                app.window.close()
                await app.shutdown()
        QApplication.processEvents()

    loop.run_until_complete(main())


def test_settings_names_a_provider_left_out_and_takes_it_back(qapp) -> None:  # type: ignore[no-untyped-def]
    from videomon.core.config.settings import Settings
    from videomon.core.providers.formats.catalog import FormatCatalog
    from videomon.core.providers.profiles import Profile, ProfileProblem
    from videomon.ui.settings.dialog import SettingsDialog

    problem = ProfileProblem("config", "its format 'mine' is not installed")
    dialog = SettingsDialog([], Settings(), {}, None, "/tmp/videos",
                            catalog=FormatCatalog(FormatRegistry()), skipped={"old": problem})
    dialog.show()
    assert dialog.skipped_note.isVisibleTo(dialog)
    assert "<b>old</b>" in dialog.skipped_note.text() and "not installed" in \
        dialog.skipped_note.text()
    assert dialog.list.count() == 0
    back = Profile("old", "openai", "https://relay.example")
    dialog.update_skipped({"old": back}, {})
    assert not dialog.skipped_note.isVisibleTo(dialog)
    assert dialog.list.count() == 1 and dialog.form.isVisibleTo(dialog)
    assert dialog.name.isReadOnly()  # saved under that name: tasks refer to it
    dialog.close()
