"""The library from a terminal: `videomon tag`, `list --tag/--starred/--search`, `export`,
`import` (nothing twice) and `cost`."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from tests.test_cli import run
from videomon.core.config.settings import Settings
from videomon.core.domain.snapshot import Snapshot, TaskState
from videomon.core.domain.task import Watch
from videomon.core.tracking.store import TaskStore, TaskUpdate


def home_with_tasks(home: Path) -> None:
    store = TaskStore(home / "data" / "tasks.db")
    try:
        for task_id, prompt in (("video_a", "a corgi on a beach"), ("video_b", "a red fox")):
            task = store.add("relay", task_id, now=1000.0)
            assert task is not None
            snap = Snapshot(task_id, "openai", TaskState.SUCCEEDED, 100.0,
                            (f"https://cdn.example/{task_id}.mp4",), model="sora-2",
                            prompt=prompt, duration=8.0, size="1280x720")
            store.apply([TaskUpdate(task.ref, {"state": TaskState.SUCCEEDED,
                                               "watch": Watch.DONE, "snapshot": snap})])
    finally:
        store.close()
    (home / "config").mkdir(parents=True, exist_ok=True)
    settings = Settings(currency="EUR", prices=[{"provider": "relay", "per": "second",
                                                 "price": 0.05}])
    (home / "config" / "config.json").write_text(json.dumps(
        {"settings": settings.to_json()}), encoding="utf-8")


def test_tag_list_export_import_and_cost(tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    home_with_tasks(one)
    env = {"VIDEOMON_HOME": str(one)}
    tagged = run("tag", "video_a", "video_gone", "--title", "Beach corgi", "--add-tag",
                 "dogs", "--star", env=env)
    assert tagged.returncode == 0, tagged.stderr
    assert "video_a: Beach corgi · dogs · starred" in tagged.stdout
    assert "video_gone: not tracked" in tagged.stderr
    assert run("tag", "video_a", env=env).returncode == 2  # nothing to change: said so
    assert run("tag", "nope", "--star", env=env).returncode == 3

    def listed(*args: str) -> list[str]:
        result = run("list", "--json", *args, env=env)
        assert result.returncode == 0, result.stderr
        return [json.loads(line)["task_id"] for line in result.stdout.splitlines()]

    assert listed("--tag", "DOGS") == listed("--starred") == ["video_a"]
    assert listed("--search", "fox") == ["video_b"]  # the prompt
    assert listed("--search", "corgi") == ["video_a"]  # title and prompt
    row = json.loads(run("list", "--json", "--tag", "dogs", env=env).stdout)
    assert (row["title"], row["tags"], row["starred"], row["prompt"]) == (
        "Beach corgi", ["dogs"], True, "a corgi on a beach")

    sheet = run("export", "--format", "csv", env=env)
    rows = list(csv.DictReader(io.StringIO(sheet.stdout)))
    assert [r["title"] for r in rows] == ["Beach corgi", ""]
    assert rows[0]["duration"] == "8.0" and rows[0]["video_url"].endswith("video_a.mp4")
    target = tmp_path / "library.json"
    written = run("export", "-o", str(target), env=env)
    assert written.returncode == 0 and "2 task(s) written" in written.stderr
    assert not target.with_name("library.json.part").exists()

    imported = run("import", str(target), env={"VIDEOMON_HOME": str(two)})
    assert imported.returncode == 0, imported.stderr
    assert "2 added, 0 already tracked" in imported.stderr
    assert "no provider 'relay' here" in imported.stderr  # (polled once it is added)
    again = run("import", str(target), env={"VIDEOMON_HOME": str(two)})
    assert "0 added, 2 already tracked" in again.stderr
    rows = [json.loads(line) for line in run("list", "--json", "--starred", env={
        "VIDEOMON_HOME": str(two)}).stdout.splitlines()]
    assert [(r["task_id"], r["title"], r["tags"]) for r in rows] == [
        ("video_a", "Beach corgi", ["dogs"])]
    bad = tmp_path / "bad.json"
    bad.write_text("<html>502</html>", encoding="utf-8")
    refused = run("import", str(bad), env={"VIDEOMON_HOME": str(two)})
    assert refused.returncode == 2 and "not a videomon export" in refused.stderr

    cost = json.loads(run("cost", "--json", env=env).stdout)
    assert cost["currency"] == "EUR" and cost["total"]["money"] == 0.8
    table = run("cost", "--by", "model", env=env).stdout
    assert "sora-2" in table and "0.80 EUR" in table
    empty = run("cost", env={"VIDEOMON_HOME": str(two)}).stdout  # no prices there
    assert "unknown" in empty and "0.00" not in empty
    assert run("cost", "--since", "soon", env=env).returncode == 2
