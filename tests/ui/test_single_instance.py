"""One window per data folder: a second launch hands its IDs to the running window and
exits; a socket left by a killed window does not block the next start."""

from __future__ import annotations

import json
import os
import subprocess
import time
from pathlib import Path

from tests.test_cli import VIDEOMON, run


def _start(env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen([str(VIDEOMON)], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def _wait_listening(log: Path, count: int, child: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        text = log.read_text(encoding="utf-8") if log.exists() else ""
        if text.count("listening for other launches") >= count:
            return
        assert child.poll() is None, child.communicate()[1][-2000:]
        time.sleep(0.1)
    raise AssertionError("the window never started listening")


def test_a_second_launch_goes_to_the_running_window(tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = {**os.environ, "VIDEOMON_HOME": str(home),
           "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    assert run("provider", "add", "sim", "--dialect", "openai", "--base-url",
               "http://127.0.0.1:9", "--auth", "none", env=env).returncode == 0
    log = home / "logs" / "videomon.log"
    first = _start(env)
    try:
        _wait_listening(log, 1, first)
        started = time.monotonic()
        second = subprocess.run([str(VIDEOMON), "video_handed_over_1"], env=env,
                                capture_output=True, text=True, timeout=30)
        assert second.returncode == 0, second.stderr
        assert "already running" in second.stderr
        assert time.monotonic() - started < 10
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            listed = run("list", "--json", env=env).stdout.splitlines()
            if any(json.loads(line)["task_id"] == "video_handed_over_1" for line in listed):
                break
            time.sleep(0.2)
        else:
            raise AssertionError("the running window did not track the handed-over ID")
        assert first.poll() is None  # still the one window
    finally:
        first.kill()
        first.wait(10)
    # killed: its socket stays behind; the next start must replace it, not hand over to it
    again = _start(env)
    try:
        _wait_listening(log, 2, again)
    finally:
        again.kill()
        again.wait(10)
