"""Crash rounds: the window (offscreen, in a child process) tracking 500 tasks with five
big downloads running is SIGKILLed at a random moment, ten times with different seeds.
After each kill every tracked task is still there, no state went backwards, and the
database passes its integrity check; at the end every interrupted download resumes with
a Range request and ends byte-identical. Also killed mid-write: a settings save (the
config file is never half-written) and `videomon track` from a terminal."""

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

from tests.httpserver import Reply, ScriptedServer, SlowFileServer
from videomon.core.config.paths import AppPaths
from videomon.core.providers.profiles import ConfigStore, Profile
from videomon.core.tracking.store import TaskStore
from videomon.simulator.demo import RelayThread

ROOT = Path(__file__).resolve().parents[2]
BIG = random.Random(21).randbytes(1_200_000)
RANK = {"queued": 0, "running": 1, "succeeded": 2, "failed": 2}
ROUNDS = 10


def start_child(home: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT),
           "VIDEOMON_API_KEY_SIM": "k-sim", "VIDEOMON_API_KEY_BIG": "k-big"}
    return subprocess.Popen([sys.executable, "-m", "tests.ui.app_child", str(home)], env=env,
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def wait_started(child: subprocess.Popen[bytes], timeout: float = 30) -> None:
    assert child.stdout is not None
    deadline = time.monotonic() + timeout
    line = b""
    while b"started" not in line:
        assert time.monotonic() < deadline, "the window did not start"
        assert child.poll() is None, (child.stderr.read() if child.stderr else b"")[-2000:]
        line = child.stdout.readline()


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
        config = ConfigStore(paths.config_file)
        config.put(Profile("sim", "openai", relay.relay.base_url, interval=2.0))
        config.put(Profile("big", "openai", api.base_url, interval=1.0))
        config.save({**config.load(), "settings": {
            "download_dir": str(home / "videos"), "auto_download": True,
            "download_concurrency": 5}})
        store = TaskStore(paths.data_dir / "tasks.db")
        store.add_many("sim", [f"task_ok_crash{i:03d}" for i in range(495)])
        store.add_many("big", [f"video_big_{i}" for i in range(5)])
        expected = {(t.profile, t.task_id) for t in store.all()}
        store.close()
        assert len(expected) == 500
        ranks: dict[tuple[str, str], int] = {}
        killed_mid_download = 0
        for round_no in range(ROUNDS):
            rng = random.Random(1000 + round_no)
            child = start_child(home)
            try:
                wait_started(child)
                time.sleep(rng.uniform(0.3, 2.0))
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
            for key, task in tasks.items():
                rank = RANK[task.state.value]
                assert rank >= ranks.get(key, 0), f"round {round_no}: {key} went backwards"
                ranks[key] = rank
        assert killed_mid_download >= 1, "no kill landed during a big download"
        print(f"crash rounds: {ROUNDS}/{ROUNDS}, {killed_mid_download} killed mid-download")
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
from videomon.core.providers.profiles import ConfigStore, Profile
config = ConfigStore(Path(sys.argv[1]))
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
        assert ConfigStore(path).profiles()  # and it still reads as profiles
        assert not [p for p in path.parent.iterdir() if p.name != "config.json"
                    and not p.name.startswith(".")], list(path.parent.iterdir())


def test_videomon_track_killed_mid_write_keeps_the_list_whole(tmp_path: Path) -> None:
    home = tmp_path / "home"
    paths = AppPaths.under(home)
    ConfigStore(paths.config_file).put(Profile("p", "openai", "https://relay.example"))
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
