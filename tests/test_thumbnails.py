"""The gallery's pictures: the cache keeps to its bound (least recently used go first),
the provider's picture is fetched with the key only at its own origin, and what is not a
picture (a relay answering the video, an error page, a huge body) is no picture."""

from __future__ import annotations

import asyncio
import os
import time
from pathlib import Path

from tests.httpserver import Reply, ScriptedServer
from videomon.core.domain.snapshot import Snapshot, TaskState
from videomon.core.domain.task import TrackedTask
from videomon.core.providers.dialects import FormatRegistry
from videomon.core.providers.http import HttpClient
from videomon.core.providers.profiles import Profile
from videomon.core.transfers.thumbnails import (
    PICTURE_LIMIT,
    ThumbnailCache,
    ThumbnailFetcher,
    picture_key,
)
from videomon.resources import sample_picture, sample_video

KEY = "sk-thumb-0123456789"
JPEG = sample_picture(0).read_bytes()


def test_the_cache_keeps_to_its_bound_dropping_the_least_recently_used(tmp_path: Path) -> None:
    cache = ThumbnailCache(tmp_path / "t", limit=10 * len(JPEG))
    for ref in range(10):
        cache.put(str(ref), JPEG)
        past = time.time() - 1000 + ref  # (written in order, a second apart)
        os.utime(tmp_path / "t" / f"{ref}.jpg", (past, past))
    assert cache.get("0") is not None  # used now: the most recent
    cache.put("10", JPEG)  # over the bound: down to 90 %
    kept = sorted(int(p.stem) for p in (tmp_path / "t").glob("*.jpg"))
    assert 0 in kept and 10 in kept and 1 not in kept and len(kept) <= 9
    assert not list((tmp_path / "t").glob("*.part"))
    cache.forget(["0"])
    assert cache.get("0") is None


def task(ref: int, url: str | None) -> TrackedTask:
    snap = Snapshot(f"video_{ref}", "openai", TaskState.SUCCEEDED, 100.0, (), thumbnail_url=url)
    return TrackedTask(ref=ref, profile="relay", task_id=f"video_{ref}", added_at=1.0,
                       state=TaskState.SUCCEEDED, snapshot=snap)


def test_the_providers_picture_is_fetched_with_the_key_only_at_its_origin(
        tmp_path: Path, server: ScriptedServer) -> None:
    server.script("/v1/videos/video_1/content", Reply(body=JPEG, content_type="image/jpeg"))
    server.script("/v1/videos/video_2/content", Reply(302, b"", headers={
        "Location": "CDN/pic.jpg"}))
    server.script("/v1/videos/video_3/content", Reply(body=sample_video().read_bytes(),
                                                      content_type="video/mp4"))
    server.script("/v1/videos/video_4/content", Reply(502, b"<html>bad gateway</html>",
                                                      content_type="text/html"))
    server.script("/v1/videos/video_5/content", Reply(body=b"x" * (PICTURE_LIMIT + 10),
                                                      content_type="image/png"))

    async def main() -> None:
        with ScriptedServer() as cdn:
            cdn.script("/pic.jpg", Reply(body=JPEG, content_type="image/jpeg"))
            server.scripts["/v1/videos/video_2/content"][0].headers["Location"] = \
                f"{cdn.base_url}/pic.jpg"
            profile = Profile("relay", "openai", server.base_url)
            http = HttpClient()

            async def key(_name: str) -> str:
                return KEY

            fetcher = ThumbnailFetcher(http, ThumbnailCache(tmp_path / "c"), FormatRegistry(),
                                       lambda name: profile if name == "relay" else None, key)
            try:
                url = f"{server.base_url}/v1/videos/video_%d/content?variant=thumbnail"
                first = await fetcher.picture(task(1, url % 1))
                assert first is not None and first.read_bytes() == JPEG
                assert await fetcher.picture(task(2, url % 2)) is not None  # via the CDN
                for ref in (3, 4, 5):
                    assert await fetcher.picture(task(ref, url % ref)) is None
                assert await fetcher.picture(task(6, None)) is None  # nothing offered
                asked = len(server.seen)
                assert await fetcher.picture(task(1, url % 1)) == first  # from the cache
                assert len(server.seen) == asked
                assert all(s.headers.get("authorization") == f"Bearer {KEY}"
                           for s in server.seen)
                assert cdn.seen and all("authorization" not in s.headers for s in cdn.seen)
                assert "variant=thumbnail" in server.seen[0].raw_path
            finally:
                await http.aclose()

    asyncio.run(main())


def test_a_new_task_on_a_removed_tasks_ref_never_gets_its_picture(tmp_path: Path) -> None:
    """Refs are reused once the highest tasks are removed: pictures follow the task."""
    cache = ThumbnailCache(tmp_path / "t")
    fetcher = ThumbnailFetcher(HttpClient(), cache, FormatRegistry(), lambda _name: None,
                               lambda _name: asyncio.sleep(0, None))
    old = task(1, None)
    cache.put(picture_key(old.profile, old.task_id), JPEG)
    assert asyncio.run(fetcher.picture(old)) is not None
    newcomer = TrackedTask(ref=1, profile="relay", task_id="video_other", added_at=2.0,
                           state=TaskState.SUCCEEDED, snapshot=old.snapshot)
    assert asyncio.run(fetcher.picture(newcomer)) is None
