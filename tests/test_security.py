"""Security: where a key may never show up, file names from server input, plain-http
warnings, and user-only files."""

from __future__ import annotations

import base64
import os
import stat
import unicodedata
from pathlib import Path

import pytest

from tests.test_cli import run
from videomon.core.transfers.downloader import sanitize_filename
from videomon.simulator.demo import RelayThread

KEY = "sk-SECURITY-7f3a9c2e5b1d4f60a8e2"
NEEDLES = (KEY.encode(), base64.b64encode(KEY.encode()), KEY.encode()[::-1])


def files_containing_the_key(root: Path) -> list[str]:
    found = []
    for path in root.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            if any(needle in data for needle in NEEDLES):
                found.append(str(path.relative_to(root)))
    return found


def test_a_full_terminal_run_leaves_the_key_nowhere(tmp_path: Path) -> None:
    """Track, watch with downloads, a failing lookup and a wrong key: then look for the key
    (and its base64) in every file under the data folder and the downloads, in everything
    printed, and in every request the CDN (another host) saw."""
    home = Path(os.environ["VIDEOMON_HOME"])
    videos = tmp_path / "videos"
    env = {"VIDEOMON_API_KEY_SIM": KEY}
    with RelayThread(speed=40.0, seed=9) as thread:
        thread.relay.key = KEY
        base = thread.relay.base_url
        outputs = [run("provider", "add", "sim", "--dialect", "openai", "--base-url", base,
                       env=env)]
        outputs.append(run("track", "-p", "sim", "task_ok_sec1", "task_fail_sec2", env=env))
        # task_… links point at the relay's CDN (another origin); video_… at /content
        outputs.append(run("watch", "-p", "sim", "task_ok_sec1", "video_ok_sec3",
                           "task_fail_sec2", "missing_sec4", "--download", str(videos),
                           "--timeout", "60", env=env, timeout=120))
        outputs.append(run("status", "-p", "sim", "task_ok_sec1", "--json", env={
            "VIDEOMON_API_KEY_SIM": KEY + "-wrong"}))
        cdn_seen = list(thread.relay.cdn_requests)
    printed = "".join(o.stdout + o.stderr for o in outputs)
    assert len(list(videos.glob("*.mp4"))) == 2, printed  # the run did download
    assert not any(n.decode(errors="ignore") in printed for n in NEEDLES)
    assert files_containing_the_key(home) == []
    assert files_containing_the_key(videos) == []
    assert cdn_seen and not any(KEY in value for headers in cdn_seen
                                for value in headers.values())


NASTY = ["../../etc/passwd", "/etc/passwd", "..", ".", "CON", "con.mp4", "LPT1.txt", "a/b",
         "a\\b", "x" * 300, "视" * 300 + ".mp4", "a\x00b.mp4", "evil\u202egpj.mp4",
         "trailing. . .", "  spaces  ", "name.mp4 ", "\u2066hidden\u2069.mp4", "ok.mp4"]


@pytest.mark.parametrize("name", NASTY, ids=range(len(NASTY)))
def test_file_names_from_server_input_stay_in_the_download_folder(
        tmp_path: Path, name: str) -> None:
    safe = sanitize_filename(name)
    target = (tmp_path / safe).resolve()
    assert target.parent == tmp_path.resolve()
    assert safe and safe not in (".", "..") and len(safe.encode()) <= 240
    assert not any(unicodedata.category(c) in ("Cc", "Cf") for c in safe)
    assert safe == safe.rstrip(" .")
    assert safe.split(".")[0].upper() not in {"CON", "PRN", "AUX", "NUL", "LPT1", "COM1"}
    target.write_bytes(b"x")  # the name is usable on this file system


def test_plain_http_to_another_computer_is_warned_about_before_the_key_goes() -> None:
    added = run("provider", "add", "plain", "--dialect", "openai", "--base-url",
                "http://relay.example")
    assert "plain http:// to another computer" in added.stderr
    asked = run("status", "-p", "plain", "x1", "--timeout", "1",
                env={"VIDEOMON_API_KEY_PLAIN": KEY})
    assert "plain http:// to another computer" in asked.stderr
    assert KEY not in asked.stdout + asked.stderr
    local = run("provider", "add", "local", "--dialect", "openai", "--base-url",
                "http://127.0.0.1:9")
    assert "http://" not in local.stderr


def test_plain_http_is_warned_about_in_settings(qapp) -> None:  # type: ignore[no-untyped-def]
    from videomon.core.config.settings import Settings
    from videomon.core.providers.profiles import Profile
    from videomon.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog([Profile("relay", "openai", "http://relay.example")], Settings(),
                            {}, None, "/tmp/videos")
    dialog.show()
    assert dialog.insecure.isVisibleTo(dialog)
    dialog.base_url.setText("https://relay.example")
    assert not dialog.insecure.isVisibleTo(dialog)
    dialog.base_url.setText("http://localhost:8080")
    assert not dialog.insecure.isVisibleTo(dialog)
    dialog.close()


def test_config_and_data_are_created_user_only() -> None:
    home = Path(os.environ["VIDEOMON_HOME"])
    assert run("provider", "add", "p", "--dialect", "openai", "--base-url",
               "https://relay.example").returncode == 0
    assert run("track", "-p", "p", "abc123").returncode == 0
    modes = {str(p.relative_to(home)): stat.S_IMODE(p.stat().st_mode)
             for p in home.rglob("*")}
    wrong = {name: oct(mode) for name, mode in modes.items()
             if mode != (0o700 if (home / name).is_dir() else 0o600)}
    assert wrong == {}, wrong
    assert "data/tasks.db" in modes and "config/config.json" in modes
