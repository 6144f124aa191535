"""How tracked tasks read in the window: state words, durations, times (no Qt)."""

from __future__ import annotations

import time
from pathlib import PurePath

from videomon.core.domain.snapshot import TaskState
from videomon.core.domain.task import DownloadState, TrackedTask, Watch
from videomon.core.transfers.download_manager import TransferProgress
from videomon.core.transfers.media import expiry_warning

#: running with the same progress for this long: the number is a placeholder, not progress
STALLED_AFTER = 30.0

ACTIVE, FINISHED, FAILED = "active", "finished", "failed"


def state_group(task: TrackedTask) -> str:
    """Active / finished / failed, for the state filter."""
    if task.state is TaskState.SUCCEEDED:
        return FINISHED
    if task.state is TaskState.FAILED or task.watch in (Watch.NOT_FOUND, Watch.STALE):
        return FAILED
    return ACTIVE


def state_text(task: TrackedTask) -> str:
    if task.watch == Watch.NOT_FOUND:
        return "Not found"
    if task.watch == Watch.STALE:
        return "Stale"
    word = {TaskState.QUEUED: "Queued", TaskState.RUNNING: "Running",
            TaskState.SUCCEEDED: "Succeeded", TaskState.FAILED: "Failed"}[task.state]
    if task.watch == Watch.PAUSED:
        return "Paused"
    return word


def is_indeterminate(task: TrackedTask, now: float | None = None) -> bool:
    """Queued, no progress known, or a running number that has not moved for a while."""
    if task.state.terminal or task.watch in (Watch.NOT_FOUND, Watch.STALE):
        return False  # nothing is moving any more
    if task.state is TaskState.QUEUED or task.progress is None:
        return True
    now = time.time() if now is None else now
    return (task.watch == Watch.ACTIVE and task.last_change_at is not None
            and task.last_checked_at is not None
            and now - task.last_change_at >= STALLED_AFTER)


def progress_value(task: TrackedTask) -> float | None:
    if task.state is TaskState.SUCCEEDED:
        return 100.0
    return task.progress


def elapsed_seconds(task: TrackedTask, now: float | None = None) -> float:
    """From the provider's creation time (else when it was added) to the end or now."""
    snap = task.snapshot
    start = (snap and snap.created_at) or task.added_at
    end = None
    if task.state.terminal:
        end = (snap and snap.finished_at) or task.last_change_at
    end = end or (time.time() if now is None else now)
    return max(0.0, float(end) - float(start))


def duration(seconds: float | None) -> str:
    """1:05, 12:00, 1:02:03; days as 2d 03h."""
    if seconds is None:
        return ""
    seconds = int(max(0, seconds))
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    if days:
        return f"{days}d {hours:02d}h"
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"


def ago(moment: float | None, now: float | None = None) -> str:
    if moment is None:
        return "never"
    delta = (time.time() if now is None else now) - moment
    if delta < 5:
        return "just now"
    if delta < 90:
        return f"{delta:.0f} s ago"
    if delta < 5400:
        return f"{delta / 60:.0f} min ago"
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(moment))


def checked_text(task: TrackedTask, now: float | None = None) -> str:
    """"12 s ago · next in 5 s", or why there is no next check."""
    now = time.time() if now is None else now
    last = ago(task.last_checked_at, now)
    if task.watch != Watch.ACTIVE:
        return last
    if task.next_poll_at is None or task.next_poll_at - now < 1:
        return f"{last} · checking…"
    return f"{last} · next in {duration(task.next_poll_at - now)}"


def reasons(task: TrackedTask) -> list[str]:
    """Why a task failed or is in trouble: the provider's error (with its code), the last
    lookup's problem, the download's error — each once."""
    error = task.snapshot.error if task.snapshot else None
    code = task.snapshot.error_code if task.snapshot else None
    parts: list[str] = []
    if error:
        parts.append(f"{error} ({code})" if code and str(code) not in str(error) else str(error))
    elif code:
        parts.append(f"error code {code}")
    elif task.state is TaskState.FAILED:
        parts.append("the provider gave no reason")
    parts += [p for p in (task.problem_message, task.download_error) if p]
    return list(dict.fromkeys(parts))


def status_line(task: TrackedTask) -> str:
    """One selected task for the status bar: its state and, when there is one, the reason."""
    found = reasons(task)
    text = f"{task.label or task.task_id} — {state_text(task)}"
    return f"{text}: {'; '.join(found)}" if found else text


def output_text(task: TrackedTask) -> str:
    """The downloaded file, else the video URL, else the error or problem."""
    if task.saved:
        return PurePath(task.download_paths[0]).name
    if task.video_urls:
        return task.video_urls[0]
    return task.error or task.problem_message or ""


def size(num: float | None) -> str:
    if num is None:
        return "?"
    for unit in ("B", "KB", "MB", "GB"):
        if abs(num) < 1024 or unit == "GB":
            return f"{num:.0f} {unit}" if unit == "B" or num >= 100 else f"{num:.1f} {unit}"
        num /= 1024
    return f"{num:.1f} GB"


def rate(bytes_per_second: float) -> str:
    return f"{size(bytes_per_second)}/s"


def download_text(task: TrackedTask, progress: TransferProgress | None,
                  now: float | None = None) -> str:
    """"45% · 1.2 MB/s · 0:03 left", "saved", "failed: …", or the expiry warning."""
    state = task.download_state
    if state is DownloadState.DOWNLOADING:
        if progress is None:
            return "starting…"
        fraction = progress.fraction
        parts = [size(progress.received) if fraction is None else f"{100 * fraction:.0f}%"]
        if progress.speed:
            parts.append(rate(progress.speed))
        if progress.eta is not None:
            parts.append(f"{duration(progress.eta)} left")
        if progress.note:
            parts.append(progress.note)
        return " · ".join(parts)
    if state is DownloadState.QUEUED:
        return "queued"
    if state is DownloadState.DONE:
        return "saved"
    if state is DownloadState.FAILED:
        return f"failed: {task.download_error or 'unknown error'}"
    if state is DownloadState.CANCELLED:
        return "cancelled (resumable)"
    left = expiry_warning(task, now)
    if left is not None:
        return "link expired" if left <= 0 else f"link expires in {duration(left)}"
    if task.state is TaskState.SUCCEEDED and task.video_urls:
        return "not downloaded"
    return ""
