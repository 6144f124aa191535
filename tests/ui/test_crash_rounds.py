"""Crash rounds: the window (offscreen, in a child process) tracking 500 tasks with five
big downloads running is SIGKILLed at a random moment, ten times with different seeds.
After each kill every tracked task is still there with its latest committed state (the
child logs each batch the store writes, before and after its transaction: every committed
batch is in the database, a batch cut off mid-transaction is there whole or not at all),
no state went backwards, and the database passes its integrity check; at the end every
interrupted download resumes with a Range request and ends byte-identical. Also killed
mid-write: a settings save (the config file is never half-written) and `videomon track`
from a terminal."""

from __future__ import annotations

import hashlib
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.httpserver import Reply, ScriptedServer, SlowFileServer
from tests.ui.app_child import LOGGED
from videomon.core.config.paths import AppPaths
from videomon.core.domain.task import TrackedTask
from videomon.core.providers.dialects import FormatRegistry
from videomon.core.providers.profiles import ConfigStore, Profile
from videomon.core.tracking.store import TaskStore
from videomon.simulator.demo import RelayThread

ROOT = Path(__file__).resolve().parents[2]
BIG = random.Random(21).randbytes(1_200_000)
RANK = {"queued": 0, "running": 1, "succeeded": 2, "failed": 2}
ROUNDS = 10


def start_child(home: Path, commit_log: Path | None = None) -> subprocess.Popen[bytes]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT),
           "VIDEOMON_API_KEY_SIM": "k-sim", "VIDEOMON_API_KEY_BIG": "k-big"}
    args = [sys.executable, "-m", "tests.ui.app_child", str(home)]
    if commit_log is not None:
        args.append(str(commit_log))
    return subprocess.Popen(args, env=env, cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)


Columns = dict[str, object]


def read_commit_log(path: Path) -> tuple[list[dict[str, Columns]], dict[str, Columns] | None]:
    """The committed batches in order, and the batch cut off mid-transaction (if any)."""
    committed: list[dict[str, Columns]] = []
    open_batch: dict[str, Columns] | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        if "begin" in entry:
            assert open_batch is None, "two batches at once"
            open_batch = entry["changes"]
        else:
            assert open_batch is not None
            committed.append(open_batch)
            open_batch = None
    return committed, open_batch


def columns_of(task: TrackedTask) -> Columns:
    return {c: getattr(getattr(task, c), "value", getattr(task, c)) for c in LOGGED}


def check_committed(round_no: int, before: dict[str, Columns], now: dict[str, Columns],
                    log: Path) -> tuple[int, bool]:
    """Every committed batch is in `now` over `before`; a cut-off batch is whole or absent.
    Returns how many batches this round committed and whether one was cut off."""
    committed, cut_off = read_commit_log(log)
    expected = {ref: dict(values) for ref, values in before.items()}
    for batch in committed:
        for ref, values in batch.items():
            expected[ref].update(values)
    if cut_off:
        with_it = {ref: dict(values) for ref, values in expected.items()}
        for ref, values in cut_off.items():
            with_it[ref].update(values)
        landed = [ref for ref in cut_off if now[ref] == with_it[ref]]
        missing = [ref for ref in cut_off if now[ref] == expected[ref]]
        # (a ref whose values the batch did not change counts as both)
        assert len(landed) == len(cut_off) or len(missing) == len(cut_off), \
            f"round {round_no}: a batch was half-committed"
        if len(landed) == len(cut_off):
            expected = with_it
    wrong = {ref: (now[ref], expected[ref]) for ref in expected if now[ref] != expected[ref]}
    assert not wrong, f"round {round_no}: not the latest committed state: " \
        f"{dict(list(wrong.items())[:5])}"
    return len(committed), bool(cut_off)


def test_the_commit_check_catches_a_lost_or_half_batch(tmp_path: Path) -> None:
    log = tmp_path / "commits.jsonl"
    before = {"1": {"state": "queued"}, "2": {"state": "queued"}}
    lines = [{"begin": 0, "changes": {"1": {"state": "running"}}}, {"commit": 0},
             {"begin": 1, "changes": {"1": {"state": "succeeded"}, "2": {"state": "running"}}}]
    log.write_text("".join(json.dumps(line) + "\n" for line in lines))
    running = {"state": "running"}
    assert check_committed(0, before, {"1": running, "2": before["2"]}, log) == (1, True)
    assert check_committed(0, before, {"1": {"state": "succeeded"}, "2": running}, log)
    with pytest.raises(AssertionError, match="half-committed"):
        check_committed(0, before, {"1": {"state": "succeeded"}, "2": before["2"]}, log)
    log.write_text("".join(json.dumps(line) + "\n" for line in lines[:2]))
    assert check_committed(0, before, {"1": running, "2": before["2"]}, log) == (1, False)
    with pytest.raises(AssertionError, match="latest committed"):
        check_committed(0, before, before, log)  # the committed batch 0 is missing


def wait_started(child: subprocess.Popen[bytes], timeout: float = 30) -> None:
    assert child.stdout is not None
    deadline = time.monotonic() + timeout
    line = b""
    while b"started" not in line:
        assert time.monotonic() < deadline, "the window did not start"
        assert child.poll() is None, (child.stderr.read() if child.stderr else b"")[-2000:]
        line = child.stdout.readline()


def wait_for_open_batch(log: Path, timeout: float = 3.0) -> None:
    """Return once the commit log's last line opens a batch (or at the timeout)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with open(log, "rb") as file:
            file.seek(max(0, log.stat().st_size - 200))
            if b'"begin"' in file.read().rstrip(b"\n").rsplit(b"\n", 1)[-1]:
                return
        time.sleep(0.0005)


def kill(child: subprocess.Popen[bytes]) -> None:
    child.send_signal(signal.SIGKILL)
    child.wait(10)


def test_ten_kills_lose_nothing_and_downloads_resume_identical(tmp_path: Path) -> None:
    home = tmp_path / "home"
    paths = AppPaths.under(home)
    with RelayThread(speed=30.0, seed=3) as relay, \
            SlowFileServer(BIG, chunk=16384, delay=0.1) as cdn, ScriptedServer() as api:
        for i in range(5):  # five big videos, served slowly: kills land mid-download
            api.script(f"/v1/videos/video_big_{i}", Reply(body={
                "id": f"video_big_{i}", "status": "completed", "progress": 100,
                "video_url": f"{cdn.base_url}/v/big{i}.mp4"}))
        config = ConfigStore(paths.config_file, FormatRegistry())
        config.put(Profile("sim", "openai", relay.relay.base_url, interval=2.0))
        config.put(Profile("big", "openai", api.base_url, interval=1.0))
        config.save({**config.load(), "settings": {
            "download_dir": str(home / "videos"), "auto_download": True,
            "download_concurrency": 5}})
        store = TaskStore(paths.data_dir / "tasks.db")
        store.add_many("sim", [f"task_ok_crash{i:03d}" for i in range(495)])
        store.add_many("big", [f"video_big_{i}" for i in range(5)])
        expected = {(t.profile, t.task_id) for t in store.all()}
        columns = {str(t.ref): columns_of(t) for t in store.all()}
        store.close()
        assert len(expected) == 500
        ranks: dict[tuple[str, str], int] = {}
        killed_mid_download = 0
        batches = cut_offs = 0
        for round_no in range(ROUNDS):
            rng = random.Random(1000 + round_no)
            log = tmp_path / f"commits-{round_no}.jsonl"
            child = start_child(home, log)
            try:
                wait_started(child)
                time.sleep(rng.uniform(0.3, 2.0))
                if round_no % 2:  # every other round: kill while a batch is being written
                    wait_for_open_batch(log)
                if list((home / "videos").glob("*big*.part")):
                    killed_mid_download += 1
            finally:
                kill(child)
            store = TaskStore(paths.data_dir / "tasks.db")
            try:
                assert store.integrity_ok(), f"round {round_no}: integrity check failed"
                tasks = {(t.profile, t.task_id): t for t in store.all()}
            finally:
                store.close()
            assert set(tasks) == expected, f"round {round_no}: tasks lost or invented"
            now = {str(t.ref): columns_of(t) for t in tasks.values()}
            committed, was_cut_off = check_committed(round_no, columns, now, log)
            batches += committed
            cut_offs += was_cut_off
            columns = now
            for key, task in tasks.items():
                rank = RANK[task.state.value]
                assert rank >= ranks.get(key, 0), f"round {round_no}: {key} went backwards"
                ranks[key] = rank
        assert killed_mid_download >= 1, "no kill landed during a big download"
        assert batches >= ROUNDS, "the rounds committed next to nothing"
        print(f"crash rounds: {ROUNDS}/{ROUNDS}, {killed_mid_download} killed mid-download, "
              f"{batches} committed batches checked, {cut_offs} kills mid-transaction")
        # the last start: every interrupted download resumes (Range) and completes
        child = start_child(home)
        try:
            wait_started(child)
            deadline = time.monotonic() + 90
            while len(list((home / "videos").glob("*big*.mp4"))) < 5:
                assert time.monotonic() < deadline, "the downloads did not complete"
                assert child.poll() is None
                time.sleep(0.2)
        finally:
            kill(child)
    digest = hashlib.sha256(BIG).hexdigest()
    finished = sorted((home / "videos").glob("*big*.mp4"))
    assert [hashlib.sha256(p.read_bytes()).hexdigest() for p in finished] == [digest] * 5
    assert not list((home / "videos").glob("*big*.part"))
    assert any(s.headers.get("range", "").startswith("bytes=") for s in cdn.seen), \
        "no download resumed with a Range request"


SAVER = r"""
import sys, itertools
from pathlib import Path
from videomon.core.providers.dialects import FormatRegistry
from videomon.core.providers.profiles import ConfigStore, Profile
config = ConfigStore(Path(sys.argv[1]), FormatRegistry())
for n in itertools.count():
    config.put(Profile(f"p{n % 7}", "openai", f"https://relay{n}.example"),
               replace_existing=True)
    data = config.load()
    config.save({**data, "settings": {"download_dir": f"/videos/{n}", "auto_download": True}})
    if n == 0:
        print("saving", flush=True)
"""


def test_a_settings_save_killed_mid_write_never_leaves_half_a_file(tmp_path: Path) -> None:
    path = tmp_path / "config" / "config.json"
    for round_no in range(ROUNDS):
        child = subprocess.Popen([sys.executable, "-c", SAVER, str(path)], cwd=ROOT,
                                 env={**os.environ, "PYTHONPATH": str(ROOT)},
                                 stdout=subprocess.PIPE)
        assert child.stdout is not None
        child.stdout.readline()
        time.sleep(random.Random(round_no).uniform(0.01, 0.3))
        kill(child)
        data = json.loads(path.read_text(encoding="utf-8"))  # whole, every time
        assert data["settings"]["download_dir"].startswith("/videos/")
        assert ConfigStore(path, FormatRegistry()).profiles()  # and it still reads as profiles
        assert not [p for p in path.parent.iterdir() if p.name != "config.json"
                    and not p.name.startswith(".")], list(path.parent.iterdir())


def test_videomon_track_killed_mid_write_keeps_the_list_whole(tmp_path: Path) -> None:
    home = tmp_path / "home"
    paths = AppPaths.under(home)
    ConfigStore(paths.config_file, FormatRegistry()).put(Profile("p", "openai", "https://relay.example"))
    env = {**os.environ, "VIDEOMON_HOME": str(home)}
    videomon = Path(sys.executable).with_name("videomon")
    tracked: set[str] = set()
    for round_no in range(ROUNDS):
        ids = [f"r{round_no}_task{i:04d}" for i in range(400)]
        child = subprocess.Popen([str(videomon), "track", "-p", "p", *ids], env=env,
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(random.Random(round_no).uniform(0.05, 0.6))
        kill(child)
        store = TaskStore(paths.data_dir / "tasks.db")
        try:
            assert store.integrity_ok()
            now = {t.task_id for t in store.all()}
        finally:
            store.close()
        assert tracked <= now  # nothing tracked earlier was lost
        added = now - tracked
        assert added in (set(), set(ids)), "a batch was half-written"
        tracked = now
