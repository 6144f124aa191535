"""`videomon format …` and `videomon provider detect` from a terminal."""

from __future__ import annotations

import json
import os
from pathlib import Path

from tests.test_cli import run
from videomon.simulator.demo import RelayThread

MINE = """name = "myrelay"
query = "{base}/api/job/{id}"

[fields]
state = ["job.phase"]
video_urls = ["job.files[0].href"]

[states]
"ALL DONE" = "succeeded"
"""


def test_format_list_show_export_import_and_remove(tmp_path: Path) -> None:
    listing = run("format", "list")
    assert listing.returncode == 0
    for name in ("openai", "kling", "seedance", "wan", "minimax", "runway", "luma",
                 "replicate", "fal"):
        assert name in listing.stdout
    shown = run("format", "show", "kling")
    assert 'auth = "kling-jwt"' in shown.stdout and "[fields]" in shown.stdout
    exported = tmp_path / "kling.toml"
    assert run("format", "export", "kling", str(exported)).returncode == 0
    assert exported.read_text(encoding="utf-8") == shown.stdout
    # a shared file of your own comes in and can be used at once
    mine = tmp_path / "mine.toml"
    mine.write_text(MINE, encoding="utf-8")
    imported = run("format", "import", str(mine))
    assert imported.returncode == 0, imported.stderr
    assert "myrelay" in run("format", "list").stdout
    added = run("provider", "add", "r", "--dialect", "myrelay", "--base-url",
                "https://r.example")
    assert added.returncode == 0, added.stderr
    refused = run("format", "remove", "myrelay")
    assert refused.returncode == 2 and "profiles r use" in refused.stderr
    run("provider", "remove", "r")
    assert run("format", "remove", "myrelay").returncode == 0
    assert not Path(os.environ["VIDEOMON_HOME"], "config", "formats", "myrelay.toml").exists()


def test_a_bad_format_file_is_refused_naming_the_key_and_not_saved(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(MINE.replace('"ALL DONE" = "succeeded"', '"ALL DONE" = "finished"'),
                   encoding="utf-8")
    result = run("format", "import", str(bad))
    assert result.returncode == 2
    assert "states.ALL DONE" in result.stderr or "ALL DONE" in result.stderr
    assert "queued, running, succeeded, failed, not_found" in result.stderr
    assert "Traceback" not in result.stderr
    assert not Path(os.environ["VIDEOMON_HOME"], "config", "formats", "myrelay.toml").exists()
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    result = run("format", "import", str(broken))
    assert result.returncode == 2 and "not valid JSON" in result.stderr


def test_provider_detect_names_the_format_and_its_reading() -> None:
    with RelayThread(speed=20.0, seed=5) as thread:
        thread.relay.relay.strict = True
        thread.relay.relay.seed_task("seedance", "cgt-detect-ok", queue_for=0.0, run_for=0.1)
        result = run("provider", "detect", thread.relay.base_url, "cgt-detect-ok",
                     env={"VIDEOMON_API_KEY": "sk-detect-0123456789"})
        as_json = run("provider", "detect", thread.relay.base_url, "cgt-detect-ok", "--json",
                      env={"VIDEOMON_API_KEY": "sk-detect-0123456789"})
        nothing = run("provider", "detect", thread.relay.base_url, "unknown-task",
                      env={"VIDEOMON_API_KEY": "sk-detect-0123456789"})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "the provider answers in the seedance format" in result.stdout
    assert "--format seedance" in result.stdout
    data = json.loads(as_json.stdout)
    assert data["format"] == "seedance" and data["matches"]["seedance"]["state"] == "succeeded"
    assert nothing.returncode == 1 and "no known format" in nothing.stdout
    assert "sk-detect-0123456789" not in result.stdout + as_json.stdout + nothing.stdout


def test_a_provider_whose_format_file_went_is_skipped_with_a_clear_word(
        tmp_path: Path) -> None:
    shown = run("format", "show", "openai").stdout.replace('name = "openai"', 'name = "mine"')
    (tmp_path / "mine.toml").write_text(shown, encoding="utf-8")
    assert run("format", "import", str(tmp_path / "mine.toml")).returncode == 0
    for name, dialect in (("p", "mine"), ("q", "openai")):
        assert run("provider", "add", name, "--dialect", dialect, "--base-url",
                   "https://relay.example").returncode == 0
    assert run("track", "-p", "p", "abc123").returncode == 0
    (Path(os.environ["VIDEOMON_HOME"]) / "config" / "formats" / "mine.toml").unlink()
    listed = run("provider", "list")
    assert listed.returncode == 0 and "q " in listed.stdout and "p " not in listed.stdout
    assert "provider 'p' skipped: its format 'mine' is not installed" in listed.stderr
    tasks = run("list")  # the task is still tracked
    assert tasks.returncode == 0 and "abc123" in tasks.stdout
    asked = run("status", "-p", "p", "abc123")
    assert asked.returncode == 2 and "the profile 'p' cannot be used" in asked.stderr
    assert run("format", "import", str(tmp_path / "mine.toml")).returncode == 0
    again = run("provider", "list")
    assert "p " in again.stdout and "skipped" not in again.stderr
