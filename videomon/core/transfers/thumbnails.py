"""Pictures of finished videos for the gallery: fetched from the provider where it offers
one (the key only to its own origin), else made by the window from the saved file; kept
in the cache folder as small image files, the least recently used evicted first when the
folder outgrows its bound."""

from __future__ import annotations

import asyncio
import hashlib
import os
import threading
from collections.abc import Awaitable, Callable
from pathlib import Path

from videomon.core.domain.task import TrackedTask
from videomon.core.providers.dialects import FormatRegistry
from videomon.core.providers.http import HttpClient, redirect_target, same_origin
from videomon.core.providers.profiles import Profile

#: the cache folder's bound (bytes) and the largest picture taken from a provider
CACHE_LIMIT = 200 * 1024 * 1024
PICTURE_LIMIT = 5 * 1024 * 1024
_KINDS = {"image/jpeg": ".jpg", "image/png": ".png", "image/webp": ".webp"}


def picture_key(profile: str, task_id: str) -> str:
    """A task's picture's name in the cache: its provider and ID (never its ref, which a
    new task may get once the old one is removed)."""
    return hashlib.sha1(f"{profile}\0{task_id}".encode()).hexdigest()[:24]


class ThumbnailCache:
    """One file per task (``<key>.<ext>``, `picture_key`); safe from worker threads."""

    def __init__(self, folder: Path, limit: int = CACHE_LIMIT) -> None:
        self.folder = folder
        self.limit = limit
        self._lock = threading.Lock()
        self._size: int | None = None  # (summed on the first write)

    def get(self, key: str) -> Path | None:
        """The task's picture if it is cached (marked as just used)."""
        for ext in (".jpg", ".png", ".webp"):
            path = self.folder / f"{key}{ext}"
            try:
                os.utime(path)
            except OSError:
                continue
            return path
        return None

    def put(self, key: str, data: bytes, ext: str = ".jpg") -> Path:
        """Keep a picture (written whole or not at all), then keep to the bound."""
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / f"{key}{ext}"
        part = path.with_name(path.name + ".part")
        part.write_bytes(data)
        part.replace(path)
        with self._lock:
            if self._size is None:
                self._size = sum(p.stat().st_size for p in self._files())
            else:
                self._size += len(data)
            if self._size > self.limit:
                self._evict(keep=path)
        return path

    def _files(self) -> list[Path]:
        return [p for p in self.folder.iterdir() if p.suffix in (".jpg", ".png", ".webp")]

    def _evict(self, keep: Path) -> None:
        """Drop the least recently used pictures until the folder is 90 % of its bound."""
        entries = []
        for path in self._files():
            try:
                stat = path.stat()
            except OSError:
                continue
            entries.append((stat.st_mtime, stat.st_size, path))
        entries.sort()
        total = sum(size for _, size, _ in entries)
        for _, size, path in entries:
            if total <= self.limit * 0.9:
                break
            if path != keep:
                path.unlink(missing_ok=True)
                total -= size
        self._size = total

    def forget(self, keys: list[str]) -> None:
        for key in keys:
            for ext in (".jpg", ".png", ".webp"):
                (self.folder / f"{key}{ext}").unlink(missing_ok=True)


class ThumbnailFetcher:
    """A finished task's picture from its provider (`Snapshot.thumbnail_url`)."""

    def __init__(self, http: HttpClient, cache: ThumbnailCache, formats: FormatRegistry,
                 profile: Callable[[str], Profile | None],
                 get_key: Callable[[str], Awaitable[str | None]]) -> None:
        self.http, self.cache, self.formats = http, cache, formats
        self._profile, self._get_key = profile, get_key

    async def picture(self, task: TrackedTask) -> Path | None:
        """The cached picture, else the provider's (fetched now), else None (the window
        makes one from the saved file). Never raises for a picture that cannot be had."""
        key = picture_key(task.profile, task.task_id)
        cached = await asyncio.to_thread(self.cache.get, key)
        if cached is not None:
            return cached
        url = task.snapshot.thumbnail_url if task.snapshot else None
        profile = self._profile(task.profile)
        if not url or profile is None:
            return None
        try:
            data, ext = await self._fetch(url, profile)
        except Exception:
            return None
        if data is None:
            return None
        return await asyncio.to_thread(self.cache.put, key, data, ext)

    async def _fetch(self, url: str, profile: Profile) -> tuple[bytes | None, str]:
        import httpx

        key = await self._get_key(profile.name)
        auth, _ = self.formats.dialect(profile.dialect).request_headers(profile.auth, key)
        client = self.http.client(profile.proxy)
        current = url
        for _ in range(5):
            headers = dict(auth) if same_origin(current, profile.base_url) else {}
            async with client.stream("GET", current, headers=headers,
                                     timeout=httpx.Timeout(20, connect=10)) as response:
                target = redirect_target(response, current)
                if target is not None:  # (the key goes only to the provider's origin)
                    current = target
                    continue
                kind = response.headers.get("content-type", "").split(";")[0].strip()
                if response.status_code != 200 or kind not in _KINDS:
                    return None, ""  # (a relay that sends the video, or an error page)
                body = bytearray()
                async for chunk in response.aiter_bytes():
                    body += chunk
                    if len(body) > PICTURE_LIMIT:
                        return None, ""
                return bytes(body), _KINDS[kind]
        return None, ""
