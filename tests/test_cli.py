"""The CLI through its real entry point (the installed `videomon` script) in a subprocess,
against real local servers."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import load_fixtures
from tests.httpserver import Reply, ScriptedServer
from videomon.core.providers.dialects import builtin_dialect

VIDEOMON = Path(sys.executable).with_name("videomon")
KEY = "sk-cli-test-0123456789ABCDEF"
FIXTURES = load_fixtures()
CONTRACT_KEYS = ["task_id", "profile", "dialect", "state", "progress", "video_urls", "error",
                 "error_code", "raw_status", "model", "created_at", "finished_at", "expires_at",
                 "prompt", "size", "duration", "seed", "cost", "cost_unit", "thumbnail_url",
                 "status_known", "link_problem"]
SAMPLE_MP4 = Path(__file__).parent.parent / "resources" / "sample.mp4"


def run(*args: str, stdin: str | None = None, env: dict[str, str | None] | None = None,
        timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """Run the installed `videomon`; env values of None remove the variable."""
    merged = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
              **(env or {})}
    full_env = {k: v for k, v in merged.items() if v is not None}
    return subprocess.run([str(VIDEOMON), *args], input=stdin, capture_output=True, text=True,
                          env=full_env, timeout=timeout, check=False)


def serve_fixture(server: ScriptedServer, fixture: dict) -> None:
    url = builtin_dialect(fixture["dialect"]).task_url(server.base_url, fixture["task_id"])
    path = url[len(server.base_url):].split("?")[0]
    server.script(path, Reply(fixture["http_status"], fixture["body"],
                              headers=fixture.get("headers", {})))
    if "follow_up" in fixture:  # the second request (a file ID -> its URL)
        server.script(fixture["follow_up"]["path"], Reply(200, fixture["follow_up"]["body"]))


def test_entry_points_exist() -> None:
    assert VIDEOMON.exists()
    assert Path(sys.executable).with_name("videomon-gui").exists()
    version = subprocess.run([sys.executable, "-m", "videomon", "--version"], capture_output=True,
                             text=True, check=True)
    assert version.stdout.startswith("videomon ")


@pytest.mark.parametrize("command", [[], ["provider"], ["provider", "add"], ["provider", "list"],
                                     ["provider", "remove"], ["provider", "set-key"], ["status"],
                                     ["watch"], ["download"]])
def test_help_is_complete(command: list[str]) -> None:
    result = run(*command, "--help")
    assert result.returncode == 0, result.stderr
    assert "usage: videomon" in result.stdout
    if command in (["status"], ["watch"], ["download"]):
        for word in ("--profile", "--base-url", "--dialect", "--auth", "exit status", "3  a task"):
            assert word in result.stdout


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda f: f["name"])
def test_status_json_for_every_fixture(server: ScriptedServer, fixture: dict) -> None:
    serve_fixture(server, fixture)
    key = f"{KEY}:kling-secret-half" if fixture["dialect"] == "kling" else KEY
    result = run("status", "--json", "--base-url", server.base_url, "--dialect",
                 fixture["dialect"], "--timeout", "5", fixture["task_id"],
                 env={"VIDEOMON_API_KEY": key})
    lines = result.stdout.splitlines()
    assert len(lines) == 1, result.stdout + result.stderr
    data = json.loads(lines[0])
    if "expected" in fixture:
        assert result.returncode == 0, result.stderr
        expected = dict(fixture["expected"])
        expected["video_urls"] = [u.replace("{BASE}", server.base_url)
                                  for u in expected["video_urls"]]
        if expected["thumbnail_url"]:
            expected["thumbnail_url"] = expected["thumbnail_url"].replace("{BASE}",
                                                                          server.base_url)
        if "follow_up" in fixture:
            expected["video_urls"] = fixture["follow_up"]["video_urls"]
        assert list(data) == CONTRACT_KEYS
        assert data == expected
    else:
        exits = {"not_found": 3, "auth": 4, "rate_limited": 5, "server": 5, "network": 5,
                 "bad_response": 6}
        assert data["task_id"] == fixture["task_id"]
        assert set(data) == {"task_id", "problem"}
        assert data["problem"]["kind"] == fixture["expected_problem"]
        assert data["problem"]["message"]
        assert result.returncode == exits[fixture["expected_problem"]]
    assert KEY not in result.stdout + result.stderr
    assert "kling-secret-half" not in result.stdout + result.stderr


def test_exit_status_is_that_of_the_first_failed_lookup(server: ScriptedServer) -> None:
    server.script("/v1/videos/ok", Reply(body={"status": "completed", "url": "https://c.example/a.mp4"}))
    server.script("/v1/videos/gone", Reply(404, {"error": {"message": "not found"}}))
    server.script("/v1/videos/html", Reply(200, "<html>oops</html>", content_type="text/html"))
    server.script("/v1/videos/denied", Reply(401, {"error": {"message": "bad key"}}))
    args = ["status", "--json", "--base-url", server.base_url, "--dialect", "openai"]
    result = run(*args, "ok", "html", "gone", "denied")
    assert result.returncode == 6
    kinds = [json.loads(line).get("problem", {}).get("kind") for line in result.stdout.splitlines()]
    assert kinds == [None, "bad_response", "not_found", "auth"]
    assert run(*args, "ok", "denied", "gone").returncode == 4
    assert run(*args, "ok", "ok").returncode == 0


def test_network_failure_exit_status() -> None:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    result = run("status", "--base-url", f"http://127.0.0.1:{port}", "--dialect", "openai",
                 "--timeout", "1", "x")
    assert result.returncode == 5
    assert "network" in result.stdout and "could not reach" in result.stdout


def test_human_table(server: ScriptedServer) -> None:
    server.script("/v2/videos/generations/veo3:abc", Reply(body={
        "task_id": "veo3:abc", "status": "IN_PROGRESS", "progress": "45%"}))
    server.script("/v2/videos/generations/bad", Reply(body={
        "task_id": "bad", "status": "FAILURE", "fail_reason": "内容违规"}))
    result = run("status", "--base-url", server.base_url, "--dialect", "unified",
                 "veo3:abc", "bad")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["TASK", "ID", "STATE", "PROGRESS", "MODEL", "RESULT"]
    assert lines[1].split()[:4] == ["veo3:abc", "running", "45%", "veo3"]
    assert lines[2].split()[:2] == ["bad", "failed"] and "内容违规" in lines[2]
    assert lines[1].index("running") == lines[2].index("failed")  # aligned columns


def test_usage_errors_exit_2(server: ScriptedServer) -> None:
    assert run("status", "x").returncode == 2  # no provider selected
    result = run("status", "--profile", "missing", "x")
    assert result.returncode == 2 and "no profile named 'missing'" in result.stderr
    assert run("status", "--base-url", "ftp://x", "--dialect", "openai", "x").returncode == 2
    assert run("status", "--base-url", server.base_url, "--dialect", "nope", "x").returncode == 2
    assert run("bogus").returncode == 2


def test_provider_lifecycle_with_env_key(server: ScriptedServer) -> None:
    add = run("provider", "add", "my relay", "--dialect", "tasks", "--base-url",
              server.base_url + "/", "--interval", "3")
    assert add.returncode == 0, add.stderr
    assert "set-key" in add.stdout
    config = json.loads(Path(os.environ["VIDEOMON_HOME"], "config", "config.json").read_text())
    assert config["profiles"][0]["auth"] == "raw"
    listing = run("provider", "list", env={"VIDEOMON_API_KEY_MY_RELAY": KEY})
    assert "my relay" in listing.stdout and "env VIDEOMON_API_KEY_MY_RELAY" in listing.stdout
    assert "tasks" in listing.stdout and "3s" in listing.stdout
    assert KEY not in listing.stdout
    assert "no usable keyring backend" in listing.stdout
    server.script("/v1/videos/tasks/t1",
                  Reply(body={"id": "t1", "state": "running", "progress": 5}))
    status = run("status", "--json", "-p", "my relay", "t1",
                 env={"VIDEOMON_API_KEY_MY_RELAY": KEY})
    assert status.returncode == 0, status.stderr
    assert json.loads(status.stdout)["profile"] == "my relay"
    assert server.seen[-1].headers["authorization"] == KEY
    assert KEY not in json.dumps(config)
    assert run("provider", "remove", "my relay").returncode == 0
    assert run("provider", "remove", "my relay").returncode == 2


def test_missing_key_is_explained_without_a_keyring(server: ScriptedServer) -> None:
    run("provider", "add", "r", "--dialect", "openai", "--base-url", server.base_url)
    server.script("/v1/videos/x", Reply(401, {"error": {"message": "missing key"}}))
    result = run("status", "-p", "r", "x")
    assert result.returncode == 4
    assert "no usable keyring backend" in result.stderr
    assert "VIDEOMON_API_KEY_R" in result.stderr


def test_add_with_key_but_no_keyring_saves_nothing(server: ScriptedServer) -> None:
    result = run("provider", "add", "r", "--dialect", "openai", "--base-url", server.base_url,
                 "--key-stdin", stdin=KEY + "\n")
    assert result.returncode == 2
    assert "gnome-keyring" in result.stderr and "VIDEOMON_API_KEY_R" in result.stderr
    assert KEY not in result.stderr + result.stdout
    assert not Path(os.environ["VIDEOMON_HOME"], "config", "config.json").exists()


@pytest.mark.secret_service
def test_keys_in_the_real_secret_service(server: ScriptedServer) -> None:
    if os.environ.get("VIDEOMON_TEST_SECRET_SERVICE") != "1":
        pytest.skip("no private Secret Service session (run the suite through tests/run.sh)")
    env: dict[str, str | None] = {"PYTHON_KEYRING_BACKEND": None}
    add = run("provider", "add", "ss", "--dialect", "openai", "--base-url", server.base_url,
              "--key-stdin", stdin=KEY + "\n", env=env)
    assert add.returncode == 0, add.stderr
    assert "keyring" in run("provider", "list", env=env).stdout
    server.script("/v1/videos/v1", Reply(body={"status": "queued"}))
    assert run("status", "-p", "ss", "v1", env=env).returncode == 0
    assert server.seen[-1].headers["authorization"] == f"Bearer {KEY}"
    new_key = KEY + "-rotated"
    assert run("provider", "set-key", "ss", "--stdin", stdin=new_key, env=env).returncode == 0
    run("status", "-p", "ss", "v1", env=env)
    assert server.seen[-1].headers["authorization"] == f"Bearer {new_key}"
    config_text = Path(os.environ["VIDEOMON_HOME"], "config", "config.json").read_text()
    assert KEY not in config_text
    assert "and its stored key" in run("provider", "remove", "ss", env=env).stdout


def progressing(task_id: str, cdn: str) -> object:
    """A handler that walks a task through queued → 10 % → 10 % → 60 % → completed."""
    steps = [{"status": "queued", "progress": 0}, {"status": "in_progress", "progress": 10},
             {"status": "in_progress", "progress": 10}, {"status": "in_progress", "progress": 60},
             {"status": "completed", "progress": 100, "url": f"{cdn}/files/{task_id}.mp4"}]
    calls = {"n": 0}

    def handler(request: object) -> Reply:
        step = steps[min(calls["n"], len(steps) - 1)]
        calls["n"] += 1
        return Reply(body={"id": task_id, "model": "sora-2", **step})

    return handler


def test_watch_until_done_then_download(server: ScriptedServer, tmp_path: Path) -> None:
    video = SAMPLE_MP4.read_bytes()
    with ScriptedServer() as cdn:
        cdn.script("/files/a1.mp4", Reply(body=video, content_type="video/mp4"))
        cdn.script("/files/b2.mp4", Reply(body=video, content_type="video/mp4"))
        server.handle("/v1/videos/a1", progressing("a1", cdn.base_url))
        server.handle("/v1/videos/b2", progressing("b2", cdn.base_url))
        server.script("/v1/videos/c3", Reply(body={"status": "failed",
                                                   "error": {"message": "policy"}}))
        out = tmp_path / "videos"
        result = run("watch", "--base-url", server.base_url, "--dialect", "openai",
                     "--interval", "0.1", "a1", "b2", "c3", "--download", str(out),
                     env={"VIDEOMON_API_KEY": KEY})
        assert all("authorization" not in s.headers for s in cdn.seen)
    assert result.returncode == 0, result.stdout + result.stderr  # c3 failed: nothing to save
    assert "c3: not downloaded: the task failed" in result.stderr
    lines = result.stdout.splitlines()
    assert any("a1" in line and "10%" in line for line in lines)
    assert any("a1" in line and "60%" in line for line in lines)
    assert any("c3" in line and "failed: policy" in line for line in lines)
    table_at = next(i for i, line in enumerate(lines) if line.startswith("TASK ID"))
    assert "succeeded" in lines[table_at + 1] and "failed" in lines[table_at + 3]
    # named by the same template as the window's downloads ({date}_{model}_{task_id})
    saved = sorted(out.iterdir())
    assert [p.name.split("_", 1)[1] for p in saved] == ["sora-2_a1.mp4", "sora-2_b2.mp4"]
    for path in saved:
        assert hashlib.sha256(path.read_bytes()).digest() == hashlib.sha256(video).digest()


def test_watch_json_final_lines(server: ScriptedServer) -> None:
    server.handle("/v1/videos/a1", progressing("a1", "https://cdn.example"))
    result = run("watch", "--json", "--base-url", server.base_url, "--dialect", "openai",
                 "--interval", "0.05", "a1")
    assert result.returncode == 0, result.stderr
    (line,) = result.stdout.splitlines()
    data = json.loads(line)
    assert data["state"] == "succeeded" and data["video_urls"] == ["https://cdn.example/files/a1.mp4"]
    assert "60%" in result.stderr  # the live view goes to stderr


def test_watch_stops_on_not_found_twice(server: ScriptedServer) -> None:
    """The engine's rule, as in the window: one 404 may be a relay's hiccup; two stop."""
    server.script("/v1/videos/x", Reply(404, {"error": {"message": "Video task not found"}}))
    result = run("watch", "--base-url", server.base_url, "--dialect", "openai",
                 "--interval", "0.05", "x", timeout=20)
    assert result.returncode == 3
    assert len(server.seen) == 2


def test_watch_tracks_a_task_found_after_a_404(server: ScriptedServer) -> None:
    """404 once, then running, then done: tracked to the end, as the window does."""
    server.script("/v1/videos/late", Reply(404, {"error": {"message": "not found"}}),
                  Reply(body={"id": "late", "status": "in_progress", "progress": 30}),
                  Reply(body={"id": "late", "status": "completed", "progress": 100,
                              "url": "https://cdn.example/late.mp4"}))
    result = run("watch", "--json", "--base-url", server.base_url, "--dialect", "openai",
                 "--interval", "0.05", "late", timeout=30)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.splitlines()[-1])["state"] == "succeeded"


def test_download_sends_key_only_to_the_provider(server: ScriptedServer, tmp_path: Path) -> None:
    video = SAMPLE_MP4.read_bytes()
    server.script("/v1/videos/video_1", Reply(body={"id": "video_1", "status": "completed"}))
    server.script("/v1/videos/video_1/content", Reply(body=video, content_type="video/mp4"))
    with ScriptedServer() as cdn:
        cdn.script("/v.mp4", Reply(body=video, content_type="video/mp4"))
        server.script("/v1/videos/relay_2", Reply(body={"status": "completed",
                                                        "video_url": f"{cdn.base_url}/v.mp4"}))
        # a provider redirect to the CDN must not carry the key either
        server.script("/v1/videos/relay_3", Reply(body={"status": "completed",
                                                        "url": f"{server.base_url}/r/3"}))
        server.script("/r/3", Reply(302, b"", headers={"Location": f"{cdn.base_url}/v.mp4"}))
        out = tmp_path / "out"
        result = run("download", "--base-url", server.base_url, "--dialect", "openai",
                     "--out", str(out), "video_1", "relay_2", "relay_3",
                     env={"VIDEOMON_API_KEY": KEY})
        assert result.returncode == 0, result.stderr
        assert len(cdn.seen) == 2
        assert all("authorization" not in s.headers for s in cdn.seen)
    content_request = next(s for s in server.seen if s.raw_path.endswith("/content"))
    assert content_request.headers["authorization"] == f"Bearer {KEY}"
    names = sorted(p.name.split("_", 1)[1] for p in out.iterdir())  # after the date
    assert names == ["video_relay_2.mp4", "video_relay_3.mp4", "video_video_1.mp4"]
    assert all(p.read_bytes() == video for p in out.iterdir())
    again = run("download", "--base-url", server.base_url, "--dialect", "openai", "--out",
                str(out), "video_1", env={"VIDEOMON_API_KEY": KEY})
    assert again.returncode == 0
    (copy,) = out.glob("*_video_video_1 (2).mp4")  # never overwrites
    assert copy.read_bytes() == video


def test_download_of_unfinished_task_or_expired_link(server: ScriptedServer,
                                                     tmp_path: Path) -> None:
    server.script("/v1/videos/busy", Reply(body={"status": "processing", "progress": 40}))
    result = run("download", "--base-url", server.base_url, "--dialect", "openai", "--out",
                 str(tmp_path), "busy")
    assert result.returncode == 1 and "still running" in result.stderr
    server.script("/v1/videos/old", Reply(body={"status": "completed",
                                                "url": f"{server.base_url}/expired.mp4"}))
    server.script("/expired.mp4", Reply(403, "<Error>AccessDenied: Request has expired</Error>",
                                        content_type="application/xml"))
    result = run("download", "--base-url", server.base_url, "--dialect", "openai", "--out",
                 str(tmp_path), "old")
    assert result.returncode == 1 and "expired" in result.stderr  # not downloaded
    assert list(tmp_path.iterdir()) == []


def test_truncated_download_keeps_the_part_file(tmp_path: Path) -> None:
    from tests.httpserver import DroppingServer

    with DroppingServer(declared=5000, sent=b"\x00" * 1200) as cdn, ScriptedServer() as server:
        server.script("/v1/videos/v", Reply(body={"status": "completed",
                                                  "url": f"{cdn.base_url}/v.mp4"}))
        result = run("download", "--base-url", server.base_url, "--dialect", "openai",
                     "--out", str(tmp_path), "v")
    assert result.returncode == 1, result.stderr  # not downloaded
    (part,) = tmp_path.glob("*_video_v.mp4.part")
    assert f"partial file {part.name} was kept" in result.stderr
    assert part.stat().st_size == 1200
    assert not list(tmp_path.glob("*.mp4"))


def test_live_view_fits_wide_characters() -> None:
    from videomon.cli.render import display_width, fit, table

    assert display_width("政策ab") == 6
    assert display_width(fit("输入的提示词违反了相关服务政策", 10)) <= 10
    lines = table(["ID", "X"], [["任务", "a"], ["ab", "b"]]).splitlines()
    columns = [display_width(lines[1][: lines[1].index("a")]),
               display_width(lines[2][: lines[2].rindex("b")])]
    assert columns == [6, 6]


def test_no_display_gives_a_clear_message_instead_of_a_qt_abort() -> None:
    result = run(env={"DISPLAY": None, "WAYLAND_DISPLAY": None, "QT_QPA_PLATFORM": None})
    assert result.returncode == 2
    assert "no graphical display" in result.stderr and "videomon watch --demo" in result.stderr


def test_format_is_the_options_name_and_dialect_still_works(server: ScriptedServer) -> None:
    """One word for a provider's API shape: --format (--dialect, its former name, is
    still accepted for now)."""
    added = run("provider", "add", "fm", "--format", "openai", "--base-url", server.base_url)
    assert added.returncode == 0, added.stderr
    assert "--format FORMAT" in run("provider", "add", "--help").stdout
    server.script("/v1/videos/task_f1", Reply(200, {"id": "task_f1", "status": "queued"}))
    for option in ("--format", "--dialect"):
        looked = run("status", "--base-url", server.base_url, option, "openai", "--json",
                     "task_f1", env={"VIDEOMON_API_KEY": "sk-test-format"})
        assert looked.returncode == 0, looked.stderr
        assert '"state": "queued"' in looked.stdout
