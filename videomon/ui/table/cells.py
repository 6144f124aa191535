"""What a cell of the task table says: its text, what a screen reader says, its tooltip
and the State cell's icon (plain functions of a task; the model asks them)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from videomon.core.domain.task import TrackedTask, Watch
from videomon.core.transfers.download_manager import TransferProgress
from videomon.core.transfers.media import expiry_warning
from videomon.ui import wording
from videomon.ui.table.columns import Column


def display(task: TrackedTask, column: Column, now: float, held: bool,
            progress: TransferProgress | None) -> str:
    """The cell's text (`held`: its provider is not polled now)."""
    if column is Column.TASK_ID:
        return task.label or task.task_id
    if column is Column.PROVIDER:
        return task.profile
    if column is Column.MODEL:
        return task.model or ""
    if column is Column.STATE:
        return wording.state_text(task)
    if column is Column.PROGRESS:
        value = wording.progress_value(task)
        return wording.percent(value)
    if column is Column.ELAPSED:
        return wording.duration(wording.elapsed_seconds(task, now))
    if column is Column.CHECKED:
        return wording.checked_text(task, now, held=held)
    if column is Column.DOWNLOAD:
        return wording.download_text(task, progress, now)
    return wording.output_text(task)


def accessible(task: TrackedTask, column: Column, now: float, held: bool,
               progress: TransferProgress | None) -> str:
    """What a screen reader says for a cell: the progress cell says the state too."""
    if column is Column.PROGRESS:
        value = wording.progress_value(task)
        amount = QCoreApplication.translate("TaskTableModel", "progress unknown") \
            if value is None else wording.percent(value)
        return QCoreApplication.translate("TaskTableModel", "{state}, {amount}").format(
            state=wording.state_text(task), amount=amount)
    return display(task, column, now, held, progress)


def tooltip(task: TrackedTask, column: Column, now: float, held: bool,
            progress: TransferProgress | None) -> str | None:
    """The cell's tooltip (the whole text where the cell may cut it short, the reasons)."""
    if column is Column.TASK_ID:
        return task.task_id
    if column in (Column.PROVIDER, Column.MODEL, Column.CHECKED):  # (may be cut short)
        return display(task, column, now, held, progress) or None
    if column is Column.STATE and task.watch is Watch.PAUSED:
        return QCoreApplication.translate(
            "TaskTableModel", "Polling paused; the task was {state} when last checked").format(
            state=wording.state_word(task.state).lower())
    if column is Column.PROGRESS and wording.is_indeterminate(task, now) \
            and task.progress is not None:
        return QCoreApplication.translate(
            "TaskTableModel", "The provider reports {percent}%, unchanged for {time}").format(
            percent=wording.percent_number(task.progress),
            time=wording.duration(now - (task.last_change_at or now)))
    if column is Column.DOWNLOAD:
        left = expiry_warning(task, now)
        parts = [task.download_error or ""]
        if left is not None:
            parts.append(QCoreApplication.translate(
                "TaskTableModel", "The video link expires in {time}; download it before "
                "then.").format(time=wording.duration(max(0.0, left))))
        parts += task.download_paths
        return "\n".join(p for p in parts if p) or None
    if column is Column.STATE:
        found = wording.reasons(task)
        return QCoreApplication.translate("TaskTableModel", "{state}: {reasons}").format(
            state=wording.state_text(task), reasons="\n".join(found)) if found else None
    if column is Column.OUTPUT:
        where = list(task.download_paths if task.saved else task.video_urls)
        return "\n".join(dict.fromkeys(where[:1] + wording.reasons(task))) or None
    return None


def icon_name(task: TrackedTask) -> str:
    """The State cell's icon."""
    if task.watch is Watch.PAUSED:
        return "paused"
    if task.watch in (Watch.NOT_FOUND, Watch.STALE):
        return "problem"
    if task.problem_kind and not task.state.terminal:
        return "problem"
    return task.state.value
