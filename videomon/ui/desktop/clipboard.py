"""Copying tasks to the clipboard: IDs, video URLs, or saved videos as files (Ctrl+C).
Each returns what to say in the status bar."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject
from PySide6.QtGui import QGuiApplication

from videomon.core.domain.task import TrackedTask
from videomon.core.transfers.media import drag_payload
from videomon.ui.table.view import payload_mime


class Clipboard(QObject):
    """The translation context of what the copy actions say."""


def copy_ids(tasks: Sequence[TrackedTask]) -> str:
    if not tasks:
        return ""
    QGuiApplication.clipboard().setText("\n".join(t.task_id for t in tasks))
    return Clipboard.tr("Copied %n task ID(s)", "", len(tasks))


def copy_urls(tasks: Sequence[TrackedTask]) -> str:
    urls = [u for t in tasks for u in t.video_urls]
    if not urls:
        return Clipboard.tr("The selection has no video URL yet")
    QGuiApplication.clipboard().setText("\n".join(urls))
    return Clipboard.tr("Copied %n video URL(s)", "", len(urls))


def copy_tasks(tasks: Sequence[TrackedTask]) -> str:
    """Saved rows as files (like a drag), other rows as task IDs."""
    payload = drag_payload(list(tasks))
    if not payload.files:
        return copy_ids(tasks)
    QGuiApplication.clipboard().setMimeData(payload_mime(payload))
    return Clipboard.tr("Copied %n file(s)", "", len(payload.files))
