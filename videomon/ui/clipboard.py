"""Copying tasks to the clipboard: IDs, video URLs, or saved videos as files (Ctrl+C).
Each returns what to say in the status bar."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QGuiApplication

from videomon.core.domain.task import TrackedTask
from videomon.core.transfers.media import drag_payload
from videomon.ui.task_view import payload_mime


def copy_ids(tasks: Sequence[TrackedTask]) -> str:
    if not tasks:
        return ""
    QGuiApplication.clipboard().setText("\n".join(t.task_id for t in tasks))
    return f"Copied {len(tasks)} task ID(s)"


def copy_urls(tasks: Sequence[TrackedTask]) -> str:
    urls = [u for t in tasks for u in t.video_urls]
    if not urls:
        return "The selection has no video URL yet"
    QGuiApplication.clipboard().setText("\n".join(urls))
    return f"Copied {len(urls)} video URL(s)"


def copy_tasks(tasks: Sequence[TrackedTask]) -> str:
    """Saved rows as files (like a drag), other rows as task IDs."""
    payload = drag_payload(list(tasks))
    if not payload.files:
        return copy_ids(tasks)
    QGuiApplication.clipboard().setMimeData(payload_mime(payload))
    return f"Copied {len(payload.files)} file(s)"
