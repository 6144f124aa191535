"""Opening files, folders and links through the desktop: a failure is heard, and what was
opened is never closed with videomon."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from videomon.ui.desktop.reveal import Reveal


def fake_opener(folder: Path, script: str) -> None:
    folder.mkdir(exist_ok=True)
    opener = folder / "xdg-open"
    opener.write_text(f"#!/bin/sh\n{script}\n")
    opener.chmod(0o755)


def wait(predicate, seconds: float) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        QCoreApplication.processEvents()
        if predicate():
            return True
        time.sleep(0.02)
    return predicate()


@pytest.mark.parametrize("script, fails", [
    ('echo "xdg-open: no method available for opening \'$1\'" >&2; exit 3', True),
    ('echo "$1" > "$(dirname "$0")/opened"; exit 0', False),
])
def test_the_openers_answer_is_heard(qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
                                     script: str, fails: bool) -> None:
    bin_dir = tmp_path / "bin"
    fake_opener(bin_dir, script)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    reveal = Reveal(qapp)
    failed: list[bool] = []
    reveal.open(str(tmp_path / "clip.mp4"), lambda: failed.append(True))
    assert wait(lambda: not reveal._running, 5)
    assert failed == ([True] if fails else [])
    if not fails:
        assert (bin_dir / "opened").read_text().strip() == str(tmp_path / "clip.mp4")


def test_a_program_that_keeps_running_is_left_running(qapp, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Some openers run the viewer in the foreground: after 3 s it counts as opened, and
    it goes on by itself (videomon quitting does not close it)."""
    bin_dir = tmp_path / "bin"
    fake_opener(bin_dir, 'echo $$ > "$(dirname "$0")/pid"; sleep 30')
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    reveal = Reveal(qapp)
    failed: list[bool] = []
    reveal.open(str(tmp_path), lambda: failed.append(True))
    assert wait(lambda: not reveal._running, 8)
    assert failed == []
    pid = int((bin_dir / "pid").read_text())
    try:
        os.kill(pid, 0)  # still running, though the shell that waited has ended
    finally:
        os.kill(pid, 9)


def test_show_in_folder_without_a_file_manager_or_opener_says_so(  # type: ignore[no-untyped-def]
        qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))  # no xdg-open
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent")
    import videomon.ui.desktop.reveal as reveal_module

    monkeypatch.setattr(reveal_module.QDesktopServices, "openUrl", lambda _url: False)
    failed: list[bool] = []
    Reveal().show_in_folder(str(tmp_path / "clip.mp4"), lambda: failed.append(True))
    assert failed == [True]
