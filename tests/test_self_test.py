"""`videomon --self-test` from the installed command, offscreen and on a real X server."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from tests.test_cli import VIDEOMON

KEYRING = os.environ.get("VIDEOMON_TEST_SECRET_SERVICE") == "1"  # tests/run.sh starts one


def _check(result: subprocess.CompletedProcess[str]) -> None:
    lines = dict(line.split(":", 1)[0].split(None, 1)[::-1]
                 for line in result.stdout.splitlines() if line[:4] in ("ok  ", "FAIL"))
    for name in ("media backend", "window", "simulated task", "preview frame"):
        assert lines.get(name) == "ok", result.stdout + result.stderr
    if KEYRING:
        assert lines.get("keyring") == "ok" and result.returncode == 0, result.stdout
    else:  # no Secret Service here: the check says so, and the exit status too
        assert lines.get("keyring") == "FAIL" and result.returncode == 1, result.stdout


def test_self_test_offscreen() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)  # it must choose offscreen by itself
    _check(subprocess.run([str(VIDEOMON), "--self-test"], env=env, capture_output=True,
                          text=True, timeout=120, check=False))


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="xvfb-run is not installed")
def test_self_test_under_xvfb() -> None:
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    result = subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1280x800x24", str(VIDEOMON),
                             "--self-test"], env=env, capture_output=True, text=True,
                            timeout=120, check=False)
    _check(result)
    assert "xcb" in result.stdout or "default" in result.stdout
