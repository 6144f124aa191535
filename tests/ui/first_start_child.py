"""A first start of the window on an offscreen screen of a given size, in a child process
(a screen's size is fixed once Qt starts).

    python -m tests.ui.first_start_child SCREEN.json HOME OUT.png

Prints one JSON line: the screen, the window's frame, where the banner and the preview
pane are, and the table's horizontal scroll range.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
from pathlib import Path


def main() -> None:
    screen_json, home, out = sys.argv[1:4]
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={screen_json}"
    os.environ.setdefault("QT_API", "pyside6")
    from PySide6.QtWidgets import QApplication  # noqa: I001 - PySide6 before qasync
    from videomon.ui.runtime.event_loop import EventLoop

    from tests.conftest import MemoryKeyring
    from videomon.app import VideomonApp
    from videomon.core.providers.credentials import (
        CredentialStore,
        KeyringStatus,
        KeyringTrouble,
    )
    from videomon.simulator.demo import make_world

    qapp = QApplication(sys.argv[:1])
    loop = EventLoop(qapp)
    asyncio.set_event_loop(loop)

    async def run() -> dict:
        world = make_world("http://127.0.0.1:9", Path(home),
                           tasks=[("sim", "openai", "x")])
        app = VideomonApp(world.paths, credentials=CredentialStore(
            environ={}, backend=MemoryKeyring()))
        await app.start(check_keyring=False)
        window = app.window
        window.set_keyring_problem(KeyringStatus(False, "keyring.backends.fail.Keyring",
                                                 "no usable keyring backend is available",
                                                 KeyringTrouble.NO_BACKEND))
        await asyncio.sleep(0.3)
        available = window.screen().availableGeometry()
        frame = window.frameGeometry()

        def rect(widget) -> list[int]:  # type: ignore[no-untyped-def]
            top_left = widget.mapTo(window, widget.rect().topLeft())
            return [top_left.x(), top_left.y(), widget.width(), widget.height()]

        banner = window.summary.banner
        facts = {"screen": [available.x(), available.y(), available.width(),
                            available.height()],
                 "frame": [frame.x(), frame.y(), frame.width(), frame.height()],
                 "minimum": [window.minimumWidth(), window.minimumHeight()],
                 "banner": rect(banner),
                 "banner_lines": banner.height() // max(1, banner.fontMetrics().lineSpacing()),
                 "preview": rect(window.preview),
                 "table_scroll": window.table.horizontalScrollBar().maximum()}
        window.grab().save(out)
        window.quit()
        await app.shutdown()
        return facts

    with loop:
        facts = loop.run_until_complete(run())
    print(json.dumps(facts), flush=True)


if __name__ == "__main__":
    main()
