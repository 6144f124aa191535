"""Streaming a finished video to disk: ``NAME.part``, fsync, atomic rename.

The key is sent only when the URL's scheme, host and port equal the profile's base
URL, and never carried across a redirect to another origin.
"""

from __future__ import annotations

import contextlib
import os
import re
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import httpx

from videomon.core.atomic import fsync_dir
from videomon.core.errors import (
    AuthRejected,
    BadResponse,
    LookupProblem,
    NetworkError,
    NotFound,
    ServerError,
    VideomonError,
    excerpt,
)
from videomon.core.http import MAX_REDIRECTS, HttpClient, same_origin

_WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
                     *(f"LPT{i}" for i in range(1, 10))}
_BAD_CHARS = re.compile(r'[\x00-\x1f<>:"/\\|?*\x7f]')
_EXTENSIONS = {"video/mp4": ".mp4", "video/webm": ".webm", "video/quicktime": ".mov",
               "image/gif": ".gif"}
MAX_NAME = 120


class DiskError(VideomonError):
    """Writing the file failed (disk full, permission); the partial file is kept."""


@dataclass(frozen=True, slots=True)
class DownloadProgress:
    received: int
    total: int | None
    elapsed: float


def sanitize_filename(name: str, *, fallback: str = "video") -> str:
    """A file name safe on Linux, macOS and Windows: no separators, no ``..``, no
    reserved names or characters, at most 120 characters (extension kept)."""
    name = unicodedata.normalize("NFC", name)
    name = _BAD_CHARS.sub("_", name).strip().strip(".")
    stem, dot, ext = name.rpartition(".")
    if not dot or len(ext) > 8:
        stem, ext = name, ""
    stem = stem.strip(" .") or fallback
    if stem.split(".")[0].upper() in _WINDOWS_RESERVED:
        stem = "_" + stem
    suffix = f".{ext}" if ext else ""
    stem = stem[: MAX_NAME - len(suffix)].rstrip(" .") or fallback
    return stem + suffix


def unique_path(folder: Path, name: str) -> Path:
    """`folder/name`, or `folder/stem (2).ext`, … — never an existing file."""
    candidate = folder / name
    stem, suffix = os.path.splitext(name)
    n = 2
    while candidate.exists() or candidate.with_name(candidate.name + ".part").exists():
        candidate = folder / f"{stem} ({n}){suffix}"
        n += 1
    return candidate


def extension_for(url: str, content_type: str | None = None) -> str:
    path = unquote(urlsplit(url).path)
    ext = os.path.splitext(path)[1].lower()
    if re.fullmatch(r"\.[a-z0-9]{2,5}", ext):
        return ext
    if content_type:
        return _EXTENSIONS.get(content_type.split(";")[0].strip().lower(), ".mp4")
    return ".mp4"


class Downloader:
    """Downloads one URL at a time per call; uses the shared `HttpClient`'s connections."""

    def __init__(self, http: HttpClient) -> None:
        self.http = http

    async def download(self, url: str, dest: Path, *, base_url: str,
                       auth: dict[str, str], proxy: str | None = None,
                       secrets: tuple[str | None, ...] = (),
                       on_progress: Callable[[DownloadProgress], None] | None = None) -> Path:
        """Stream `url` into `dest` via ``dest.part``; returns `dest` when complete."""
        dest.parent.mkdir(parents=True, exist_ok=True)
        part = dest.with_name(dest.name + ".part")
        client = self.http.client(proxy)
        current = url
        started = time.monotonic()
        for _ in range(MAX_REDIRECTS + 1):
            headers = dict(auth) if same_origin(current, base_url) else {}
            try:
                async with client.stream("GET", current, headers=headers,
                                         timeout=httpx.Timeout(60, connect=15)) as response:
                    if response.status_code in (301, 302, 303, 307, 308):
                        location = response.headers.get("location")
                        if not location:
                            raise BadResponse(f"HTTP {response.status_code} without a Location")
                        current = urljoin(current, location)
                        continue
                    if response.status_code != 200:
                        body = await response.aread()
                        raise _download_problem(response.status_code, excerpt(body, secrets))
                    total = _content_length(response)
                    received = await _write_stream(response, part, total, started, on_progress)
            except httpx.TimeoutException:
                raise NetworkError(f"the download from {urlsplit(current).netloc} timed out; "
                                   f"the partial file {part.name} was kept") from None
            except httpx.TransportError as exc:
                raise NetworkError(f"the download from {urlsplit(current).netloc} broke off "
                                   f"({type(exc).__name__}); the partial file {part.name} "
                                   "was kept") from None
            if total is not None and received != total:
                raise NetworkError(f"the download ended early: {received} of {total} bytes; "
                                   f"the partial file {part.name} was kept")
            final = unique_path(dest.parent, dest.name) if dest.exists() else dest
            os.replace(part, final)
            fsync_dir(final.parent)
            return final
        raise BadResponse(f"too many redirects while downloading from {urlsplit(url).netloc}")


def _content_length(response: httpx.Response) -> int | None:
    value = response.headers.get("content-length")
    if value is None or response.headers.get("content-encoding", "identity") != "identity":
        return None
    try:
        return int(value)
    except ValueError:
        return None


async def _write_stream(response: httpx.Response, part: Path, total: int | None,
                        started: float,
                        on_progress: Callable[[DownloadProgress], None] | None) -> int:
    received = 0
    try:
        with open(part, "wb") as handle:
            async for chunk in response.aiter_bytes():
                handle.write(chunk)
                received += len(chunk)
                if on_progress is not None:
                    on_progress(DownloadProgress(received, total, time.monotonic() - started))
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as exc:
        with contextlib.suppress(OSError):
            if part.stat().st_size == 0:
                part.unlink()
        raise DiskError(f"could not write {part}: {exc.strerror or exc}; "
                        "the partial file was kept") from None
    return received


def _download_problem(status: int, body: str) -> LookupProblem:
    tail = f"HTTP {status}: {body or '(empty body)'}"
    if status in (401, 403):
        return AuthRejected(f"the server refused the download ({tail})", status=status)
    if status in (404, 410):
        return NotFound(f"the video is no longer there, the link may have expired ({tail})",
                        status=status)
    if status >= 500:
        return ServerError(f"the server failed to send the video ({tail})", status=status)
    return BadResponse(f"unexpected answer to the download ({tail})", status=status)
