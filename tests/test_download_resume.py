"""Downloads: resume after SIGKILL (sha256-identical), If-Range restarts, file names,
disk full, and the download manager (auto-download, re-query on 403, no key leaks)."""

from __future__ import annotations

import asyncio
import errno
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
from videomon.core.providers.http import HttpClient
from videomon.core.transfers import downloader as download_module
from videomon.core.transfers.downloader import (
    DiskError,
    Downloader,
    render_filename,
    sanitize_filename,
)

VIDEOMON = Path(sys.executable).with_name("videomon")
DATA = random.Random(5).randbytes(1_500_000)
SHA = hashlib.sha256(DATA).hexdigest()


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_download_killed_mid_way_resumes_to_identical_bytes(tmp_path: Path) -> None:
    out = tmp_path / "out"
    with SlowFileServer(DATA, chunk=16384, delay=0.01) as cdn, ScriptedServer() as api:
        api.script("/v1/videos/vid_big", Reply(body={
            "status": "completed", "url": f"{cdn.base_url}/file.bin"}))
        cmd = [str(VIDEOMON), "download", "--base-url", api.base_url, "--dialect", "openai",
               "--out", str(out), "vid_big"]
        env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
        child = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 20
        part = out / "none.part"
        while time.monotonic() < deadline:
            parts = list(out.glob("*vid_big*.part")) if out.exists() else []
            if parts and parts[0].stat().st_size > 300_000:
                part = parts[0]  # named by the file-name template, as in the window
                break
            time.sleep(0.01)
        child.send_signal(signal.SIGKILL)
        child.wait(10)
        interrupted_at = part.stat().st_size
        assert 0 < interrupted_at < len(DATA)
        cdn.delay = 0.0
        again = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=60)
        assert again.returncode == 0, again.stderr
        resumed = cdn.seen[-1].headers
        assert resumed["range"].startswith("bytes=") and resumed["if-range"] == '"v1"'
        assert int(resumed["range"][6:].rstrip("-")) >= interrupted_at - 262144
    final = part.with_suffix("")  # the .part's own name, completed
    assert sha256(final) == SHA
    assert sorted(p.name for p in out.iterdir()) == [final.name]


def test_changed_file_restarts_from_zero(tmp_path: Path) -> None:
    """If-Range no longer matching: the server answers 200 and the client starts over."""
    dest = tmp_path / "v.mp4"
    (tmp_path / "v.mp4.part").write_bytes(b"OLD" * 1000)

    async def main() -> None:
        with SlowFileServer(DATA, delay=0, etag='"v2"') as cdn:
            (tmp_path / "v.mp4.part.meta").write_text(json.dumps(
                {"url": f"{cdn.base_url}/file.bin", "etag": '"v1"'}))
            async with HttpClient() as http:
                path = await Downloader(http).download(f"{cdn.base_url}/file.bin", dest,
                                                       base_url="https://api.example", auth={})
            assert cdn.seen[0].headers["if-range"] == '"v1"'
        assert sha256(path) == SHA

    asyncio.run(main())


def test_complete_part_file_is_finished_on_416(tmp_path: Path) -> None:
    dest = tmp_path / "v.mp4"

    async def main() -> None:
        with SlowFileServer(DATA, delay=0) as cdn:
            url = f"{cdn.base_url}/file.bin"
            (tmp_path / "v.mp4.part").write_bytes(DATA)
            (tmp_path / "v.mp4.part.meta").write_text(json.dumps({"url": url, "etag": '"v1"'}))
            async with HttpClient() as http:
                path = await Downloader(http).download(url, dest, base_url=url, auth={})
        assert sha256(path) == SHA
        assert not (tmp_path / "v.mp4.part.meta").exists()

    asyncio.run(main())


def test_disk_full_is_a_clear_error_and_keeps_the_part(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    real_open = open

    class FullDisk:
        def __init__(self, handle: object) -> None:
            self.handle, self.written = handle, 0

        def __enter__(self) -> FullDisk:
            return self

        def __exit__(self, *exc: object) -> None:
            self.handle.close()  # type: ignore[attr-defined]

        def write(self, chunk: bytes) -> int:
            if self.written > 200_000:
                raise OSError(errno.ENOSPC, "No space left on device")
            self.written += len(chunk)
            return self.handle.write(chunk)  # type: ignore[attr-defined]

        def __getattr__(self, name: str) -> object:
            return getattr(self.handle, name)

    monkeypatch.setattr(download_module, "open",
                        lambda *a, **k: FullDisk(real_open(*a, **k)), raising=False)

    async def main() -> None:
        with SlowFileServer(DATA, delay=0) as cdn:
            async with HttpClient() as http:
                with pytest.raises(DiskError, match="No space left on device"):
                    await Downloader(http).download(f"{cdn.base_url}/file.bin",
                                                    tmp_path / "v.mp4", base_url="x", auth={})

    asyncio.run(main())
    assert (tmp_path / "v.mp4.part").stat().st_size > 200_000


@pytest.mark.parametrize(
    ("name", "expected"),
    [("a/b\\c.mp4", "a_b_c.mp4"), ("../../etc/passwd", "____etc_passwd"), ("CON.mp4", "_CON.mp4"),
     ("nul", "_nul"), ('x:<>|?*"y.mp4', "x_______y.mp4"), ("  .hidden. ", "hidden"),
     ("", "video"), ("a" * 300 + ".mp4", "a" * 116 + ".mp4")],
)
def test_sanitize_filename(name: str, expected: str) -> None:
    assert sanitize_filename(name) == expected


def test_render_filename() -> None:
    when = 1761622385  # 2025-10-28
    day = time.strftime("%Y-%m-%d", time.localtime(when))
    assert render_filename("{date}_{model}_{task_id}.mp4", task_id="sora-2:task_01",
                           url="https://x/a.mp4", model="sora-2", when=when) == \
        f"{day}_sora-2_task_01.mp4"
    assert render_filename("{task_id}", task_id="t", url="https://x/v.webm?sig=1", when=when) \
        == "t.webm"
    assert render_filename("{task_id}", task_id="t", url="https://x/a", when=when, index=2,
                           count=2) == "t_2.mp4"
    assert render_filename("{label}", task_id="t", url="https://x/a", when=when) == "t.mp4"


def test_a_gemini_operation_is_named_by_its_last_segment() -> None:
    name = render_filename("{model}_{task_id}.mp4", url="https://x/v",
                           task_id="models/veo-3.0-generate-001/operations/op123",
                           model="veo-3.0-generate-001")
    assert name == "veo-3.0-generate-001_op123.mp4"
