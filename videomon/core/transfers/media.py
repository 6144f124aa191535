"""What the window can do with a finished task's video (Qt-free): which source the
preview plays, what a drag carries, and whether the link is about to expire."""

from __future__ import annotations

import enum
import time
from dataclasses import dataclass, field
from pathlib import Path

from videomon.core.domain.snapshot import TaskState
from videomon.core.domain.task import DownloadState, TrackedTask, Watch
from videomon.core.providers.http import same_origin
from videomon.core.providers.profiles import Profile

#: warn when a finished video is not downloaded and its link dies within this time
EXPIRY_WARNING = 3600.0


class NoPreview(enum.StrEnum):
    """Why a task has nothing to play (the window words it)."""

    FAILED = "failed"
    NOT_FOUND = "not_found"  # the provider does not know the task
    NOT_READY = "not_ready"
    FILE_MISSING = "file_missing"
    NO_URL = "no_url"
    NEEDS_KEY = "needs_key"


@dataclass(frozen=True, slots=True)
class PreviewSource:
    """A local file or a keyless stream to play, or why there is none (`missing`: the
    saved file that is gone)."""

    path: str | None = None
    url: str | None = None
    reason: NoPreview | None = None
    missing: str | None = None


def needs_key(url: str, profile: Profile | None) -> bool:
    """Whether fetching `url` needs the profile's key (it is the provider's own origin)."""
    return (profile is not None and profile.auth != "none"
            and same_origin(url, profile.base_url))


def preview_source(task: TrackedTask, profile: Profile | None) -> PreviewSource:
    """The downloaded file when it exists, else the video URL when it needs no key."""
    if task.state is not TaskState.SUCCEEDED:
        if task.state is TaskState.FAILED:
            return PreviewSource(reason=NoPreview.FAILED)
        if task.watch is Watch.NOT_FOUND:
            return PreviewSource(reason=NoPreview.NOT_FOUND)
        return PreviewSource(reason=NoPreview.NOT_READY)
    if task.download_state is DownloadState.DONE:
        for path in task.download_paths:
            if Path(path).is_file():
                return PreviewSource(path=path)
        if task.download_paths:
            missing = task.download_paths[0]
            if not task.video_urls:
                return PreviewSource(reason=NoPreview.FILE_MISSING, missing=missing)
    if not task.video_urls:
        return PreviewSource(reason=NoPreview.NO_URL)
    url = task.video_urls[0]
    if needs_key(url, profile):
        return PreviewSource(reason=NoPreview.NEEDS_KEY)
    return PreviewSource(url=url)


@dataclass(slots=True)
class DragPayload:
    """Local files of downloaded rows (and their URLs as text); rows still to download."""

    files: list[str] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)
    pending: list[TrackedTask] = field(default_factory=list)


def draggable(task: TrackedTask) -> bool:
    """Whether a drag may start on this row: a finished video, saved or still to download
    (cheap, no file checks: views ask for every row they paint)."""
    return task.state is TaskState.SUCCEEDED and bool(
        task.video_urls or task.saved)


def drag_payload(tasks: list[TrackedTask]) -> DragPayload:
    payload = DragPayload()
    for task in tasks:
        files = [p for p in task.download_paths if task.saved
                 and Path(p).is_file()]
        if files:
            payload.files += files
            payload.urls += task.video_urls
        elif task.state is TaskState.SUCCEEDED and task.video_urls:
            payload.pending.append(task)
    return payload


def expiry_warning(task: TrackedTask, now: float | None = None,
                   within: float = EXPIRY_WARNING) -> float | None:
    """Seconds left before a finished, not downloaded video's link expires (when soon)."""
    expires = task.expires_at
    if (expires is None or task.state is not TaskState.SUCCEEDED
            or task.download_state is DownloadState.DONE):
        return None
    left = float(expires) - (time.time() if now is None else now)
    return left if left <= within else None
