"""Screenshots for the README: the window in several states, on a real X server.

    xvfb-run -a -s "-screen 0 1280x800x24" .venv/bin/python scripts/screenshots.py \
        docs/screenshots/en-light en light

(`bash scripts/screenshots.sh` runs it per language and scheme, and at 200%.) The whole
screen is captured, so the video preview shows (a widget grab of a video surface is blank).
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_API", "pyside6")

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QTabWidget, QWidget

from videomon.app import VideomonApp
from videomon.core.config.paths import AppPaths
from videomon.core.providers.credentials import CredentialStore
from videomon.core.providers.profiles import ConfigStore
from videomon.core.tracking.scheduler import SchedulerConfig
from videomon.ui.runtime.event_loop import EventLoop


async def until(predicate, timeout: float = 60.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise SystemExit("screenshots: a state was not reached in time")
        await asyncio.sleep(0.1)


async def shoot(out: Path, language: str, appearance: str) -> None:
    home = Path(tempfile.mkdtemp(prefix="videomon-shots-"))
    paths = AppPaths.under(home)
    paths.config_dir.mkdir(parents=True, exist_ok=True)
    ConfigStore(paths.config_file).save(
        {"profiles": [], "settings": {"language": language, "appearance": appearance}})

    class NoKeyring:  # the screenshots show no keyring banner
        def get_password(self, *_: str) -> None:
            return None

    app = VideomonApp(paths,
                      credentials=CredentialStore(environ={}, backend=NoKeyring()),
                      scheduler_config=SchedulerConfig(flush_interval=0.1))
    await app.start(check_keyring=False)
    window = app.window
    screen = QGuiApplication.primaryScreen()

    async def save(name: str, shown: QWidget | None = None) -> None:
        await asyncio.sleep(0.8)  # let the last paint land
        frame = (shown or window).frameGeometry()
        screen.grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height()).save(
            str(out / f"{name}.png"))
        print(f"saved {out / name}.png")

    try:
        await save("welcome")
        window.stack.welcome.demo_button.click()
        await until(lambda: window.model.rowCount() == 5)
        await until(lambda: any(t.progress and 20 < t.progress < 90
                                for t in app.commands.tasks()))
        await save("progress")
        await until(lambda: sum(t.saved for t in app.commands.tasks()) >= 3)
        done = next(t for t in app.commands.tasks() if t.saved)
        window.select_refs([done.ref])
        await save("finished-with-preview")
        failed = next(t for t in app.commands.tasks() if t.state.value == "failed")
        window.select_refs([failed.ref])
        await save("failed-reason")
        window.show_details()
        details = window._details[-1]
        await save("failed-details", details)
        details.close()
        window.open_settings()
        await until(lambda: window.settings_flow.dialog is not None
                    and window.settings_flow.dialog.isVisible())
        settings = window.settings_flow.dialog
        await save("settings", settings)
        settings.findChild(QTabWidget).setCurrentIndex(1)
        await save("settings-general", settings)
        settings.findChild(QTabWidget).setCurrentWidget(settings.formats)
        editor = settings.formats
        editor.new_format()
        editor.sample.setPlainText('{"status": "completed", "data": {"videos": '
                                   '[{"url": "https://cdn.example/a.mp4"}]}}')
        await save("settings-formats", settings)
        settings.reject()
    finally:
        window.quit()
        await app.shutdown()


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots/en-light")
    language = sys.argv[2] if len(sys.argv) > 2 else "en"
    appearance = sys.argv[3] if len(sys.argv) > 3 else "light"
    out.mkdir(parents=True, exist_ok=True)
    qapp = QApplication(sys.argv[:1])
    loop = EventLoop(qapp)
    asyncio.set_event_loop(loop)
    with loop:
        loop.run_until_complete(shoot(out, language, appearance))


if __name__ == "__main__":
    main()
