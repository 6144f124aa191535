"""`videomon --self-test` from the installed command, offscreen and on a real X server."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import textwrap

import pytest

from tests.test_cli import VIDEOMON
from videomon import self_test

KEYRING = os.environ.get("VIDEOMON_TEST_SECRET_SERVICE") == "1"  # tests/run.sh starts one


def _check(result: subprocess.CompletedProcess[str]) -> None:
    lines = dict(line.split(":", 1)[0].split(None, 1)[::-1]
                 for line in result.stdout.splitlines() if line[:4] in ("ok  ", "FAIL"))
    for name in ("media backend", "languages", "window", "simulated task", "preview frame"):
        assert lines.get(name) == "ok", result.stdout + result.stderr
    if KEYRING:
        assert lines.get("keyring") == "ok" and result.returncode == 0, result.stdout
    else:  # no Secret Service here: the check says so, and the exit status too
        assert lines.get("keyring") == "FAIL" and result.returncode == 1, result.stdout


# the self-test's own lines: a result, the lines captured under a failed one, the summary
RESULT = re.compile(r"(ok  |FAIL)  [a-z ]+: \S")
SUMMARY = re.compile(r"self-test: \d+ passed, \d+ failed")


def _own_lines_only(result: subprocess.CompletedProcess[str]) -> None:
    """Nothing but the self-test's lines, on stdout: Qt's and FFmpeg's chatter (stream dumps,
    PulseAudio, qt.multimedia) is captured, and shown only indented under a failed check."""
    out = result.stdout + result.stderr
    assert result.stderr == "", out
    lines = result.stdout.splitlines()
    assert lines and SUMMARY.fullmatch(lines[-1]), out
    under_a_failure = False
    for line in lines[:-1]:
        if RESULT.match(line):
            under_a_failure = line.startswith("FAIL")
        else:
            assert under_a_failure and line.startswith("      "), f"{line!r} in\n{out}"
    passed = {m.group(0) for m in map(RESULT.match, lines) if m and m.group(1) == "ok  "}
    if any(p.startswith("ok    preview frame") for p in passed):  # it decoded a video…
        assert "Input #0" not in out, out  # …and FFmpeg's dump of its streams stays out
    if any(p.startswith("ok    window") for p in passed):
        assert "pulse" not in out.lower() and "qt.multimedia" not in out, out


def _self_test_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)  # it must choose offscreen by itself
    return env


def test_self_test_offscreen() -> None:
    result = subprocess.run([str(VIDEOMON), "--self-test"], env=_self_test_env(),
                            capture_output=True, text=True, timeout=120, check=False)
    _check(result)
    _own_lines_only(result)


def test_a_failed_check_shows_what_was_written_to_stderr_while_it_ran() -> None:
    # a preview that fails after FFmpeg-style (fd 2), Qt and Python stderr output
    script = textwrap.dedent("""
        import os, sys
        import videomon.self_test as self_test

        async def no_frame(path, timeout=10.0):
            from PySide6.QtCore import qWarning
            os.write(2, b"Input #0, mov,mp4 from 'x.mp4':\\n" + b"".join(
                b"  line %d\\n" % n for n in range(30)) + b"x" * 400 + b"\\n")
            qWarning("qt says why")
            print("python says why", file=sys.stderr)
            return None

        self_test._frame_of = no_frame
        sys.exit(self_test.run_self_test())
    """)
    result = subprocess.run([sys.executable, "-c", script], env=_self_test_env(),
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 1, result.stdout + result.stderr
    _own_lines_only(result)
    lines = result.stdout.splitlines()
    at = lines.index("FAIL  preview frame: no frame decoded")
    shown = lines[at + 1:at + 1 + self_test.SHOWN_LINES + 1]
    assert shown[0] == "      … (14 earlier lines not shown)", result.stdout
    assert shown[-3:] == ["      " + "x" * (self_test.WIDTH - 1) + "…", "      qt says why",
                          "      python says why"], result.stdout
    assert "Input #0" not in result.stdout  # the first lines were trimmed
    assert lines[at + 1 + len(shown)].startswith("self-test: "), result.stdout


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="xvfb-run is not installed")
def test_self_test_under_xvfb() -> None:
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    result = subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1280x800x24", str(VIDEOMON),
                             "--self-test"], env=env, capture_output=True, text=True,
                            timeout=120, check=False)
    _check(result)
    _own_lines_only(result)
    assert "xcb" in result.stdout or "default" in result.stdout
