"""Downloads under faults: every case ends in a complete, byte-identical file or a clear
message with the partial file kept, and no case overwrites a file of the user's."""

from __future__ import annotations

import asyncio
import errno
import hashlib
import json
import os
import random
import shutil
from pathlib import Path

import pytest

from tests.httpserver import SlowFileServer
from videomon.core.domain.errors import VideomonError
from videomon.core.providers.http import HttpClient
from videomon.core.transfers import downloader as download_module
from videomon.core.transfers.downloader import DiskError, Downloader

DATA = random.Random(11).randbytes(1_000_000)
SHA = hashlib.sha256(DATA).hexdigest()


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


async def fetch(url: str, dest: Path) -> Path:
    async with HttpClient() as http:
        return await Downloader(http).download(url, dest, base_url="https://api.example",
                                               auth={})


@pytest.mark.parametrize("fraction", [0.1, 0.5, 0.9])
def test_a_dropped_connection_keeps_the_part_and_resumes_to_identical_bytes(
        tmp_path: Path, fraction: float) -> None:
    dest = tmp_path / "v.mp4"
    drop = int(len(DATA) * fraction)

    async def main() -> None:
        with SlowFileServer(DATA, delay=0, drop_at=drop) as cdn:
            url = f"{cdn.base_url}/file.bin"
            with pytest.raises(VideomonError, match=r"partial file v\.mp4\.part was kept"):
                await fetch(url, dest)
            kept = (tmp_path / "v.mp4.part").stat().st_size
            assert kept == drop  # everything that arrived was written
            path = await fetch(url, dest)
            assert cdn.seen[-1].headers["range"] == f"bytes={kept}-"
        assert sha256(path) == SHA

    asyncio.run(main())


def test_a_server_that_ignores_range_starts_over(tmp_path: Path) -> None:
    dest = tmp_path / "v.mp4"

    async def main() -> None:
        with SlowFileServer(DATA, delay=0, ignore_range=True) as cdn:
            url = f"{cdn.base_url}/file.bin"
            (tmp_path / "v.mp4.part").write_bytes(DATA[:300_000])
            (tmp_path / "v.mp4.part.meta").write_text(json.dumps({"url": url, "etag": '"v1"'}))
            path = await fetch(url, dest)
            assert cdn.seen[0].headers["range"] == "bytes=300000-"  # asked, got 200
        assert sha256(path) == SHA

    asyncio.run(main())


def test_a_range_for_another_part_of_the_file_is_refused_and_it_starts_over(
        tmp_path: Path) -> None:
    dest = tmp_path / "v.mp4"

    async def main() -> None:
        with SlowFileServer(DATA, delay=0, range_from=123) as cdn:
            url = f"{cdn.base_url}/file.bin"
            (tmp_path / "v.mp4.part").write_bytes(DATA[:300_000])
            (tmp_path / "v.mp4.part.meta").write_text(json.dumps({"url": url, "etag": '"v1"'}))
            path = await fetch(url, dest)
            assert "range" not in cdn.seen[-1].headers  # the second request: from zero
        assert sha256(path) == SHA

    asyncio.run(main())


def test_a_file_of_the_users_is_never_overwritten(tmp_path: Path) -> None:
    dest = tmp_path / "v.mp4"
    dest.write_bytes(b"my own video")

    async def main() -> None:
        with SlowFileServer(DATA, delay=0) as cdn:
            path = await fetch(f"{cdn.base_url}/file.bin", dest)
        assert path != dest and sha256(path) == SHA

    asyncio.run(main())
    assert dest.read_bytes() == b"my own video"


def test_a_download_folder_that_cannot_be_written_is_a_clear_message(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_open = open

    def refusing(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        if str(path).startswith(str(tmp_path / "ro")):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(download_module, "open", refusing, raising=False)
    monkeypatch.setattr(Path, "write_text", lambda self, *a, **k: refusing(self))

    async def main() -> None:
        with SlowFileServer(DATA, delay=0) as cdn, \
                pytest.raises(DiskError, match="Permission denied"):
            await fetch(f"{cdn.base_url}/file.bin", tmp_path / "ro" / "v.mp4")

    asyncio.run(main())


def test_the_folder_deleted_while_downloading_is_a_clear_message(tmp_path: Path) -> None:
    folder = tmp_path / "videos"

    async def main() -> None:
        with SlowFileServer(DATA, chunk=50_000, delay=0.02) as cdn:
            job = asyncio.ensure_future(fetch(f"{cdn.base_url}/file.bin", folder / "v.mp4"))
            while not (folder / "v.mp4.part").exists() or \
                    (folder / "v.mp4.part").stat().st_size < 100_000:
                await asyncio.sleep(0.01)
            shutil.rmtree(folder)
            with pytest.raises(DiskError, match="could not"):
                await job

    asyncio.run(main())


def test_two_rows_whose_names_collide_get_two_files(tmp_path: Path) -> None:
    """Both rows render the same file name and download at once: two whole files."""
    from tests.httpserver import Reply, ScriptedServer
    from tests.test_cli import run

    out = tmp_path / "out"
    with SlowFileServer(DATA, chunk=65536, delay=0.02) as cdn, ScriptedServer() as api:
        for task_id in ("one", "two"):
            api.script(f"/v1/videos/{task_id}", Reply(body={
                "status": "completed", "url": f"{cdn.base_url}/same.mp4"}))
        config = Path(os.environ["VIDEOMON_HOME"]) / "config" / "config.json"
        run("provider", "add", "p", "--dialect", "openai", "--base-url", api.base_url)
        data = json.loads(config.read_text())
        data["settings"] = {"file_template": "clip"}
        config.write_text(json.dumps(data))
        result = run("download", "-p", "p", "one", "two", "--out", str(out))
    assert result.returncode == 0, result.stderr
    files = sorted(p.name for p in out.iterdir())
    assert files == ["clip (2).mp4", "clip.mp4"], files
    assert all(sha256(out / name) == SHA for name in files)
