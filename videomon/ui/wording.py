"""How tracked tasks read in the window: state words, durations, times, reasons.

Every word goes through Qt's translation (context "Wording"); no widgets here."""

from __future__ import annotations

import os
import time

from PySide6.QtCore import QObject

from videomon.core.domain.errors import NO_LINK, UNKNOWN_STATUS, ProblemKind, problem_detail
from videomon.core.domain.snapshot import TaskState
from videomon.core.domain.task import DownloadState, Group, TrackedTask, Watch
from videomon.core.providers.credentials import KeyringStatus, KeyringTrouble
from videomon.core.tracking.commands import ConnectionReport
from videomon.core.transfers.download_manager import TransferProgress
from videomon.core.transfers.media import expiry_warning

#: running with the same progress for this long: the number is a placeholder, not progress
STALLED_AFTER = 30.0

ACTIVE, FINISHED, FAILED, NOT_FOUND = Group.ACTIVE, Group.FINISHED, Group.FAILED, Group.NOT_FOUND


class Wording(QObject):
    """The translation context of this module's words (`Wording.tr`)."""


def state_group(task: TrackedTask) -> str:
    """Active / finished / failed / not found, for the state filter and the counts (a task
    the provider does not know has not failed: it is counted on its own)."""
    return task.group


def state_text(task: TrackedTask) -> str:
    if task.watch == Watch.NOT_FOUND:
        return Wording.tr("Not found")
    if task.watch == Watch.STALE:
        return Wording.tr("Stale")
    if task.watch == Watch.PAUSED:
        return Wording.tr("Paused")
    return state_word(task.state)


def held_text() -> str:
    """The State of a task whose provider is not polled now (its key was rejected…)."""
    return Wording.tr("Not polled")


def watch_word(watch: str) -> str:
    """How a task stopped being followed ("not_found", "stale"), as the State cell says it."""
    if watch == Watch.NOT_FOUND:
        return Wording.tr("Not found")
    if watch == Watch.STALE:
        return Wording.tr("Stale")
    return watch


def state_word(state: TaskState) -> str:
    if state is TaskState.QUEUED:
        return Wording.tr("Queued")
    if state is TaskState.RUNNING:
        return Wording.tr("Running")
    if state is TaskState.SUCCEEDED:
        return Wording.tr("Succeeded")
    return Wording.tr("Failed")


def is_indeterminate(task: TrackedTask, now: float | None = None) -> bool:
    """Queued, no progress known, or a running number that has not moved for a while."""
    if task.state.terminal or task.watch in (Watch.NOT_FOUND, Watch.STALE, Watch.PAUSED):
        return False  # nothing is moving (any more, or for now)
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
    elif task.watch in (Watch.NOT_FOUND, Watch.STALE):  # no longer followed: stops there
        end = task.last_checked_at
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
        return Wording.tr("{days}d {hours}h").format(days=days, hours=f"{hours:02d}")
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"


def ago(moment: float | None, now: float | None = None) -> str:
    if moment is None:
        return Wording.tr("never")
    delta = (time.time() if now is None else now) - moment
    if delta < 5:
        return Wording.tr("just now")
    if delta < 90:
        return Wording.tr("%n s ago", "", round(delta))
    if delta < 5400:
        return Wording.tr("%n min ago", "", round(delta / 60))
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(moment))


def checked_text(task: TrackedTask, now: float | None = None, *, held: bool = False) -> str:
    """"12 s ago · next in 5 s", or why there is no next check (`held`: its provider is
    not polled now, see the banner)."""
    now = time.time() if now is None else now
    last = ago(task.last_checked_at, now)
    if task.watch != Watch.ACTIVE:
        return last
    if held:
        return Wording.tr("{last} · not polled").format(last=last)
    if task.next_poll_at is None or task.next_poll_at - now < 1:
        return Wording.tr("{last} · checking…").format(last=last)
    return Wording.tr("{last} · next in {wait}").format(
        last=last, wait=duration(task.next_poll_at - now))


def reasons(task: TrackedTask) -> list[str]:
    """Why a task failed or is in trouble: the provider's error (with its code), the last
    lookup's problem, the download's error — each once."""
    error = task.snapshot.error if task.snapshot else None
    code = task.snapshot.error_code if task.snapshot else None
    parts: list[str] = []
    if error:
        parts.append(f"{error} ({code})" if code and str(code) not in str(error) else str(error))
    elif code:
        parts.append(Wording.tr("error code {code}").format(code=code))
    elif task.state is TaskState.FAILED:
        parts.append(Wording.tr("the provider gave no reason"))
    if task.problem_message:
        if task.watch is Watch.NOT_FOUND and task.problem_kind == ProblemKind.NOT_FOUND:
            parts.append(problem_detail(task.problem_message))  # the state says the rest
        else:
            parts.append(problem_text(task.problem_kind, task.problem_message))
    if task.download_error:
        parts.append(Wording.tr("download failed: {reason}").format(reason=task.download_error))
    return list(dict.fromkeys(parts))


def status_line(task: TrackedTask) -> str:
    """One selected task for the status bar: its state and, when there is one, the reason."""
    found = reasons(task)
    text = f"{task.label or task.task_id} — {state_text(task)}"
    return Wording.tr("{text}: {reasons}").format(text=text, reasons="; ".join(found)) \
        if found else text


def problem_headline(kind: str | None) -> str:
    """What went wrong with the last lookup, in the user's language."""
    if kind == ProblemKind.NOT_FOUND:
        return Wording.tr("The provider does not know this task")
    if kind == ProblemKind.AUTH:
        return Wording.tr("The provider rejected the key")
    if kind == ProblemKind.RATE_LIMITED:
        return Wording.tr("Too many requests")
    if kind == ProblemKind.SERVER:
        return Wording.tr("The provider's server failed")
    if kind == ProblemKind.NETWORK:
        return Wording.tr("No connection to the provider")
    return Wording.tr("Unexpected answer from the provider")


def problem_text(kind: str | None, message: str) -> str:
    """A lookup problem: the translated headline, then the details (the server's words;
    the engine's own words for the kind are left out: the headline says them)."""
    if kind == UNKNOWN_STATUS:
        return Wording.tr("unknown status '{word}' (asked again; the state is kept)").format(
            word=message)
    if kind == NO_LINK:
        return Wording.tr("the video link is missing ({why}); asked again later").format(
            why=problem_detail(message))
    return Wording.tr("{headline}: {details}").format(headline=problem_headline(kind),
                                                    details=problem_detail(message))


def output_text(task: TrackedTask) -> str:
    """The downloaded file, else the video URL, else the error or problem."""
    if task.saved:
        return os.path.basename(task.download_paths[0])  # (PurePath: 4x slower)
    if task.video_urls:
        return task.video_urls[0]
    if task.error:
        return task.error
    if task.problem_message:
        return problem_text(task.problem_kind, task.problem_message)
    return ""


def percent(value: float | None) -> str:
    """0–100 as "45%" (nothing when unknown): the one way a percentage is written."""
    return "" if value is None else f"{percent_number(value)}%"


def percent_number(value: float) -> str:
    """The number of `percent` alone, for sentences that place the % sign themselves."""
    return f"{value:.0f}"


def size(num: float | None) -> str:
    if num is None:
        return "?"
    for unit in ("B", "KB", "MB", "GB"):
        if abs(num) < 1024 or unit == "GB":
            return f"{num:.0f} {unit}" if unit == "B" or num >= 100 else f"{num:.1f} {unit}"
        num /= 1024
    return f"{num:.1f} GB"


def rate(bytes_per_second: float) -> str:
    return Wording.tr("{size}/s").format(size=size(bytes_per_second))


def download_text(task: TrackedTask, progress: TransferProgress | None,
                  now: float | None = None) -> str:
    """"45% · 1.2 MB/s · 0:03 left", "saved", "failed: …", or the expiry warning."""
    state = task.download_state
    if state is DownloadState.DOWNLOADING:
        if progress is None:
            return Wording.tr("starting…")
        fraction = progress.fraction
        parts = [size(progress.received) if fraction is None else percent(100 * fraction)]
        if progress.speed:
            parts.append(rate(progress.speed))
        if progress.eta is not None:
            parts.append(Wording.tr("{time} left").format(time=duration(progress.eta)))
        if progress.note:
            parts.append(progress.note)
        return " · ".join(parts)
    if state is DownloadState.QUEUED:
        return Wording.tr("queued")
    if state is DownloadState.DONE:
        return Wording.tr("saved")
    if state is DownloadState.FAILED:
        return Wording.tr("failed: {reason}").format(
            reason=task.download_error or Wording.tr("unknown error"))
    if state is DownloadState.CANCELLED:
        return Wording.tr("cancelled (resumable)")
    left = expiry_warning(task, now)
    if left is not None:
        return Wording.tr("link expired") if left <= 0 else \
            Wording.tr("link expires in {time}").format(time=duration(left))
    if task.state is TaskState.SUCCEEDED and task.video_urls:
        return Wording.tr("not downloaded")
    return ""


def keyring_reason(status: KeyringStatus) -> str:
    if status.trouble is KeyringTrouble.NO_BACKEND:
        return Wording.tr("no keyring service is available")
    if status.trouble is KeyringTrouble.LOCKED:
        return Wording.tr("the keyring is locked")
    if status.trouble is KeyringTrouble.CANNOT_OPEN:
        return Wording.tr("the keyring could not be opened (is the Secret Service running and "
                         "unlocked?)")
    if status.trouble is KeyringTrouble.TIMEOUT:
        return Wording.tr("the keyring did not answer in time")
    return status.reason or status.backend


def keyring_text(status: KeyringStatus) -> str:
    """Keys cannot be stored: why, and the way out."""
    reason = keyring_reason(status)
    return Wording.tr("API keys cannot be saved: {reason}. Unlock or install a Secret Service "
                     "(gnome-keyring, KWallet), or set VIDEOMON_API_KEY_<PROFILE> in the "
                     "environment; keys from the environment keep working.").format(
        reason=reason)


def connection_text(report: ConnectionReport) -> str:
    """A connection test's outcome in a sentence."""
    if report.ok and report.known_task:
        return Wording.tr("Connected: {host} answered in the {dialect} format and accepted "
                         "the key.").format(host=report.host, dialect=report.dialect)
    if report.ok:
        return Wording.tr("Connected: {host} answered and accepted the key (it does not know "
                         "the test task, as expected).").format(host=report.host)
    if report.kind is ProblemKind.AUTH and not report.key_set:
        return Wording.tr("The provider rejected the key: {details}. No key is set for this "
                         "provider.").format(details=report.problem)
    if report.kind is ProblemKind.AUTH:
        return Wording.tr("The provider rejected the key: {details}.").format(
            details=report.problem)
    return Wording.tr("Not working: {details}").format(
        details=problem_text(report.kind, report.problem))
