"""Streaming a finished video to disk: ``NAME.part``, fsync, atomic rename.

The key is sent only when the URL's scheme, host and port equal the profile's base
URL, and never carried across a redirect to another origin.
"""

from __future__ import annotations

import asyncio
import contextlib
import enum
import json
import os
import re
import time
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from videomon.core.config.atomic import fsync_dir
from videomon.core.config.settings import DEFAULT_TEMPLATE
from videomon.core.domain.errors import (
    BadResponse,
    NetworkError,
    VideomonError,
)
from videomon.core.providers.http import (
    MAX_REDIRECTS,
    HttpClient,
    problem_for_status,
    redirect_target,
    same_origin,
)
from videomon.core.transfers.part_writer import PartWriter

if TYPE_CHECKING:  # httpx loads with the first request (see providers.http)
    import httpx

_WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
                     *(f"LPT{i}" for i in range(1, 10))}
_BAD_CHARS = re.compile(r'[\x00-\x1f<>:"/\\|?*\x7f]')
_EXTENSIONS = {"video/mp4": ".mp4", "video/webm": ".webm", "video/quicktime": ".mov",
               "image/gif": ".gif"}
MAX_NAME = 120
MAX_NAME_BYTES = 240  # file systems allow 255 bytes; room for .part.meta


class DiskError(VideomonError):
    """Writing the file failed (disk full, permission); the partial file is kept."""


@dataclass(frozen=True, slots=True)
class DownloadProgress:
    """Bytes so far (resumed bytes included), the total when known, and rates."""

    received: int
    total: int | None
    elapsed: float
    speed: float = 0.0          # bytes per second, smoothed
    resumed_from: int = 0

    @property
    def eta(self) -> float | None:
        if self.total is None or self.speed <= 0:
            return None
        return max(0.0, (self.total - self.received) / self.speed)

    @property
    def fraction(self) -> float | None:
        return self.received / self.total if self.total else None


def sanitize_filename(name: str, *, fallback: str = "video") -> str:
    """A file name safe on Linux, macOS and Windows: no separators, no ``..``, no
    reserved names or characters, no control or bidi characters, no trailing dots or
    spaces, at most 120 characters (extension kept)."""
    name = unicodedata.normalize("NFC", name)
    name = _BAD_CHARS.sub("_", name)
    # control and format characters (NUL, RTL overrides that disguise an extension …)
    name = "".join("_" if unicodedata.category(c) in ("Cc", "Cf") else c for c in name)
    name = re.sub(r"\.{2,}", "_", name).strip(" .")
    stem, dot, ext = name.rpartition(".")
    if not dot or len(ext) > 8 or not ext.isalnum():
        stem, ext = name, ""
    stem = stem.strip(" .") or fallback
    if stem.split(".")[0].upper() in _WINDOWS_RESERVED:
        stem = "_" + stem
    suffix = f".{ext}" if ext else ""
    stem = stem[: MAX_NAME - len(suffix)]
    while len((stem + suffix).encode()) > MAX_NAME_BYTES:  # 120 CJK characters are 360 bytes
        stem = stem[:-1]
    return (stem.rstrip(" .") or fallback) + suffix




def render_filename(template: str, *, task_id: str, url: str, model: str | None = None,
                    profile: str | None = None, label: str | None = None,
                    when: float | None = None, index: int = 1, count: int = 1) -> str:
    """A sanitized file name from `template` (fields: {date} {time} {model} {task_id}
    {profile} {label} {index}). The URL's extension is used when the template gives
    none; with several videos and no {index}, ``_2``, ``_3`` … are added."""
    stamp = datetime.fromtimestamp(when if when is not None else time.time())
    if model and "{model}" in template and task_id.startswith(f"{model}:"):
        task_id = task_id[len(model) + 1:]  # "sora-2:task_x" needs no second "sora-2"
    if "/" in task_id:  # a Gemini operation name: its last segment names the video
        task_id = task_id.rstrip("/").rsplit("/", 1)[-1] or task_id
    values = {"date": stamp.strftime("%Y-%m-%d"), "time": stamp.strftime("%H%M%S"),
              "model": model or "video", "task_id": task_id, "profile": profile or "",
              "label": label or "", "index": str(index)}
    try:
        name = template.format_map(_SafeFields(values))
    except (ValueError, IndexError):
        name = DEFAULT_TEMPLATE.format_map(values)
    name = re.sub(r"_{2,}", "_", name).strip("_ ")
    stem, ext = os.path.splitext(name)
    if not re.fullmatch(r"\.[A-Za-z0-9]{2,5}", ext):
        stem, ext = name, extension_for(url)
    if not stem.strip("_ ."):
        stem = task_id
    if count > 1 and "{index}" not in template:
        stem = f"{stem}_{index}"
    return sanitize_filename(stem.replace(os.sep, "_").replace("/", "_") + ext,
                             fallback=sanitize_filename(task_id))


class _SafeFields(dict):  # type: ignore[type-arg]
    """Unknown {fields} stay as literal text instead of raising."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def unique_path(folder: Path, name: str) -> Path:
    """`folder/name`, or `folder/stem (2).ext`, … — never an existing file."""
    candidate = folder / name
    stem, suffix = os.path.splitext(name)
    n = 2
    while candidate.exists() or candidate.with_name(candidate.name + ".part").exists():
        candidate = folder / f"{stem} ({n}){suffix}"
        n += 1
    return candidate


def resumable_path(folder: Path, name: str, url: str) -> Path:
    """`folder/name` when an interrupted download of the same `url` waits there as
    ``name.part``; otherwise a path that overwrites nothing."""
    candidate = folder / name
    part = candidate.with_name(candidate.name + ".part")
    meta = candidate.with_name(candidate.name + ".part.meta")
    if not candidate.exists() and part.exists():
        try:
            if json.loads(meta.read_text(encoding="utf-8")).get("url") == url:
                return candidate
        except (OSError, ValueError):
            pass
    return unique_path(folder, name)


def extension_for(url: str, content_type: str | None = None) -> str:
    path = unquote(urlsplit(url).path)
    ext = os.path.splitext(path)[1].lower()
    if re.fullmatch(r"\.[a-z0-9]{2,5}", ext):
        return ext
    if content_type:
        return _EXTENSIONS.get(content_type.split(";")[0].strip().lower(), ".mp4")
    return ".mp4"


class Downloader:
    """Streams one URL per call over the shared `HttpClient`'s connections.

    An interrupted download leaves ``NAME.part`` and ``NAME.part.meta`` (the URL and
    the validator); the next call resumes with ``Range`` + ``If-Range`` and appends
    only when the server answers 206 with a matching ``Content-Range``.
    """

    def __init__(self, http: HttpClient) -> None:
        self.http = http

    async def download(self, url: str, dest: Path, *, base_url: str,
                       auth: dict[str, str], proxy: str | None = None,
                       secrets: tuple[str | None, ...] = (),
                       on_progress: Callable[[DownloadProgress], None] | None = None) -> Path:
        """Stream `url` into `dest` via ``dest.part``; returns the final path."""
        import httpx

        with _disk("create the folder", dest.parent):
            dest.parent.mkdir(parents=True, exist_ok=True)
        part = dest.with_name(dest.name + ".part")
        meta_path = dest.with_name(dest.name + ".part.meta")
        client = self.http.client(proxy)
        current = url
        have, validator = _resume_point(part, meta_path, url)
        for _ in range(MAX_REDIRECTS + 1):
            headers = dict(auth) if same_origin(current, base_url) else {}
            if have and validator:
                headers["Range"] = f"bytes={have}-"
                headers["If-Range"] = validator
            try:
                async with client.stream("GET", current, headers=headers,
                                         timeout=httpx.Timeout(60, connect=15)) as response:
                    status = response.status_code
                    target = redirect_target(response, current)
                    if target is not None:  # the key goes only to the provider's origin
                        current = target
                        continue
                    plan = _plan(response, have)
                    if plan is None:
                        raise problem_for_status(status, await response.aread(), secrets,
                                                 download=True)
                    step, offset, total = plan
                    if step is _Step.COMPLETE:  # the part file was already whole
                        with _disk("finish", dest):
                            return await asyncio.to_thread(_finish, part, meta_path, dest)
                    if step is _Step.RESTART:
                        have = 0
                        _discard(part, meta_path)
                        continue
                    with _disk("write", meta_path):
                        _write_meta(meta_path, url, response, total)
                    received = await _write_stream(response, part, offset, total,
                                                   on_progress)
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
            with _disk("finish", dest):
                return await asyncio.to_thread(_finish, part, meta_path, dest)
        raise BadResponse(f"too many redirects while downloading from {urlsplit(url).netloc}")


class _Step(enum.Enum):
    COMPLETE = "complete"  # the part file is already whole
    RESTART = "restart"    # the part file cannot be continued: from the start
    WRITE = "write"        # the body goes into the part file from `offset`


def _plan(response: httpx.Response, have: int) -> tuple[_Step, int, int | None] | None:
    """What an answer (not a redirect) means for a part file of `have` bytes: the step, the
    offset to write from and the total size; None for an error answer."""
    status = response.status_code
    if status == 416 and have:
        total = _range_total(response.headers.get("content-range"))
        return (_Step.COMPLETE, have, total) if total == have else (_Step.RESTART, 0, None)
    if status == 206 and have:
        if _range_start(response) == have:
            return _Step.WRITE, have, _range_total(response.headers.get("content-range"))
        return _Step.RESTART, 0, None  # a range that does not continue our file
    if status == 206:  # a range we did not ask for: refuse it
        raise BadResponse("the server sent a partial answer to a full request")
    if status == 200:
        return _Step.WRITE, 0, _content_length(response)
    return None


@contextlib.contextmanager
def _disk(action: str, path: Path) -> Iterator[None]:
    """A disk failure (folder gone, read-only, full) as a `DiskError` that says what."""
    try:
        yield
    except OSError as exc:
        raise DiskError(f"could not {action} {path}: {exc.strerror or exc}; a partial file, "
                        "if any, was kept") from None


def _finish(part: Path, meta_path: Path, dest: Path) -> Path:
    final = unique_path(dest.parent, dest.name) if dest.exists() else dest
    os.replace(part, final)
    with contextlib.suppress(OSError):
        meta_path.unlink()
    fsync_dir(final.parent)
    return final


def _discard(part: Path, meta_path: Path) -> None:
    for path in (part, meta_path):
        with contextlib.suppress(OSError):
            path.unlink()


def _resume_point(part: Path, meta_path: Path, url: str) -> tuple[int, str | None]:
    """Bytes already on disk and the validator to resume them with (0 when unusable)."""
    try:
        size = part.stat().st_size
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return 0, None
    validator = meta.get("etag") or meta.get("last_modified")
    if not size or meta.get("url") != url or not isinstance(validator, str):
        return 0, None
    return size, validator


def _write_meta(meta_path: Path, url: str, response: httpx.Response, total: int | None) -> None:
    etag = response.headers.get("etag")
    if etag and etag.startswith("W/"):
        etag = None  # weak validators cannot be used with If-Range
    meta = {"url": url, "etag": etag, "last_modified": response.headers.get("last-modified"),
            "total": total}
    with contextlib.suppress(OSError):
        meta_path.write_text(json.dumps(meta), encoding="utf-8")


def _range_start(response: httpx.Response) -> int | None:
    match = re.match(r"bytes (\d+)-(\d+)/(\d+|\*)", response.headers.get("content-range", ""))
    return int(match.group(1)) if match else None


def _range_total(value: str | None) -> int | None:
    match = re.search(r"/(\d+)$", value or "")
    return int(match.group(1)) if match else None


def _content_length(response: httpx.Response) -> int | None:
    value = response.headers.get("content-length")
    if value is None or response.headers.get("content-encoding", "identity") != "identity":
        return None
    try:
        return int(value)
    except ValueError:
        return None


async def _write_stream(response: httpx.Response, part: Path, offset: int, total: int | None,
                        on_progress: Callable[[DownloadProgress], None] | None) -> int:
    """Append (offset > 0) or write the body; returns the bytes now in the part file."""
    received = offset
    started = last = time.monotonic()
    last_bytes = offset
    speed = 0.0
    try:
        with open(part, "ab" if offset else "wb") as handle:
            if offset:
                handle.truncate(offset)
            writer = PartWriter(handle)
            try:
                async for chunk in response.aiter_bytes():
                    await writer.write(chunk)
                    received += len(chunk)
                    now = time.monotonic()
                    if now - last >= 0.25:
                        rate = (received - last_bytes) / (now - last)
                        speed = rate if speed == 0 else 0.7 * speed + 0.3 * rate
                        last, last_bytes = now, received
                        if on_progress is not None:
                            on_progress(DownloadProgress(received, total, now - started,
                                                         speed, offset))
                await writer.close()
            except asyncio.CancelledError:
                writer.abandon(keep=False)  # the file closes next: the thread lets go of it
                raise
            except BaseException:
                writer.abandon()  # a broken connection: what arrived is kept for a resume
                raise
            handle.flush()
            # ~0.6 s per GiB: in a worker thread, so the loop (and a window on it) runs on
            await asyncio.to_thread(os.fsync, handle.fileno())
    except OSError as exc:
        raise DiskError(f"could not write {part}: {exc.strerror or exc}; "
                        "the partial file was kept") from None
    if on_progress is not None:
        elapsed = time.monotonic() - started
        rate = (received - offset) / elapsed if elapsed > 0 else 0.0
        on_progress(DownloadProgress(received, total, elapsed, speed or rate, offset))
    return received
