"""Security: where a key may never show up, file names from server input, plain-http
warnings, and user-only files."""

from __future__ import annotations

import base64
import os
import stat
import unicodedata
from pathlib import Path

import pytest

from tests.httpserver import ForwardProxy
from tests.test_cli import run
from videomon.core.providers.dialects import FormatRegistry
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


def test_a_profiles_proxy_carries_only_that_profile_and_the_key_only_to_its_host(
        tmp_path: Path) -> None:
    """Two providers, one behind its own proxy: that proxy sees only its provider's
    requests (the API, the CDN, a detect run), the key only in requests to the provider's
    own origin, and never the other provider's requests or key; the CDN gets no key."""
    other_key = KEY + "-other"
    videos = tmp_path / "videos"
    with RelayThread(speed=40.0, seed=11) as mine, RelayThread(speed=40.0, seed=12) as other, \
            ForwardProxy() as proxy:
        mine.relay.key, other.relay.key = KEY, other_key
        env = {"VIDEOMON_API_KEY_MINE": KEY, "VIDEOMON_API_KEY_OTHER": other_key,
               "HTTP_PROXY": None, "http_proxy": None, "ALL_PROXY": None, "all_proxy": None}
        outputs = [run("provider", "add", "mine", "--dialect", "openai", "--base-url",
                       mine.relay.base_url, "--proxy", proxy.url, env=env),
                   run("provider", "add", "other", "--dialect", "openai", "--base-url",
                       other.relay.base_url, env=env)]
        for name in ("mine", "other"):
            outputs.append(run("watch", "-p", name, f"task_ok_{name}1", f"video_ok_{name}2",
                               "--download", str(videos / name), "--timeout", "60",
                               env=env, timeout=120))
        assert all(o.returncode == 0 for o in outputs), "".join(o.stdout + o.stderr
                                                                for o in outputs)
        # (the simulated relay speaks every format, so detect ends undecided; it asked)
        outputs.append(run("provider", "detect", mine.relay.base_url, "video_ok_det3",
                           "--proxy", proxy.url, env={**env, "VIDEOMON_API_KEY": KEY}))
        seen = list(proxy.seen)
    printed = "".join(o.stdout + o.stderr for o in outputs)
    assert "read by openai" in outputs[-1].stdout, printed
    assert len(list((videos / "mine").glob("*.mp4"))) == 2, printed
    assert len(list((videos / "other").glob("*.mp4"))) == 2, printed
    origins = {mine.relay.base_url, mine.relay.cdn_url}
    assert {s.raw_path.split("/", 3)[2] for s in seen} == \
        {o.split("//")[1] for o in origins}, "the proxy relayed another provider's requests"
    with_key = [s.raw_path for s in seen if any(KEY in v for v in s.headers.values())]
    assert with_key and all(u.startswith(mine.relay.base_url + "/") for u in with_key)
    assert any("video_ok_det3" in u for u in with_key)  # detect went through it too
    assert any(s.raw_path.startswith(mine.relay.cdn_url) for s in seen)  # and downloads
    assert not any(other_key in v for s in seen for v in s.headers.values())


def test_a_proxy_password_is_not_printed() -> None:
    proxy = "http://me:pr0xy-Secret@proxy.example:3128"
    added = run("provider", "add", "p", "--dialect", "openai", "--base-url",
                "https://relay.example", "--proxy", proxy)
    assert added.returncode == 0, added.stderr
    listed = run("provider", "list"), run("provider", "list", "--json")
    printed = "".join(o.stdout + o.stderr for o in listed)
    assert "me:***@proxy.example:3128" in printed and "pr0xy-Secret" not in printed
    bad = run("provider", "add", "q", "--dialect", "openai", "--base-url",
              "https://relay.example", "--proxy", "ftp://me:pr0xy-Secret@proxy.example")
    assert bad.returncode != 0 and "pr0xy-Secret" not in bad.stdout + bad.stderr


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
    from videomon.core.providers.formats.catalog import FormatCatalog
    from videomon.core.providers.profiles import Profile
    from videomon.ui.settings.dialog import SettingsDialog

    dialog = SettingsDialog([Profile("relay", "openai", "http://relay.example")], Settings(),
                            {}, None, "/tmp/videos", catalog=FormatCatalog(FormatRegistry()))
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


def test_a_terminal_crash_report_holds_no_key(monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    from videomon.cli import main as cli_main
    from videomon.cli import provider_cmd

    def broken(ctx: object, args: object) -> int:
        raise RuntimeError(f"a bug while sending 'Authorization: Bearer {KEY}'")

    monkeypatch.setattr(provider_cmd, "cmd_list", broken)
    assert cli_main.main(["provider", "list"]) == 70
    printed = capsys.readouterr().err
    assert "unexpected error" in printed and "RuntimeError: a bug while sending" in printed
    assert "Traceback" in printed and not any(n.decode() in printed for n in NEEDLES[:1])
