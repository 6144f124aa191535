"""What a cell of the task table says: its text, what a screen reader says, its tooltip
and the State cell's icon (plain functions of a task; the model asks them)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from videomon.core.domain.task import TrackedTask, Watch
from videomon.core.transfers.download_manager import TransferProgress
from videomon.core.transfers.media import expiry_warning
from videomon.ui import wording
from videomon.ui.table.columns import Column

#: the prompt's first words stand in for a title up to this many characters
PROMPT_SHOWN = 80
STAR = "★"


def name_text(task: TrackedTask) -> str:
    """What the first column calls a task: ★ when starred, then its title, else the
    prompt's first words (shown greyed: `shows_prompt`), else its ID."""
    name = task.title or prompt_words(task.prompt) or task.task_id
    return f"{STAR} {name}" if task.starred else name


def shows_prompt(task: TrackedTask) -> bool:
    return not task.title and bool(prompt_words(task.prompt))


def prompt_words(prompt: str | None) -> str:
    """A prompt on one line, cut at a word near `PROMPT_SHOWN` characters (with …)."""
    text = " ".join((prompt or "").split())
    if len(text) <= PROMPT_SHOWN:
        return text
    cut = text.rfind(" ", PROMPT_SHOWN // 2, PROMPT_SHOWN)
    return text[:cut if cut > 0 else PROMPT_SHOWN].rstrip(" ,.;:") + "…"


def display(task: TrackedTask, column: Column, now: float, held: bool,
            progress: TransferProgress | None) -> str:
    """The cell's text (`held`: its provider is not polled now)."""
    if column is Column.TASK_ID:
        return name_text(task)
    if column is Column.PROVIDER:
        return task.profile
    if column is Column.MODEL:
        return task.model or ""
    if column is Column.STATE:
        return wording.held_text() if held and task.watch is Watch.ACTIVE \
            and not task.state.terminal else wording.state_text(task)
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
        return name_tooltip(task)
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


def name_tooltip(task: TrackedTask) -> str:
    """The ID, then the title, the whole prompt and the tags (those the task has)."""
    lines = [task.task_id]
    if task.title:
        lines.append(task.title)
    if task.prompt:
        lines.append(QCoreApplication.translate("TaskTableModel", "Prompt: {prompt}").format(
            prompt=" ".join(task.prompt.split())[:600]))
    if task.tags:
        lines.append(QCoreApplication.translate("TaskTableModel", "Tags: {tags}").format(
            tags=", ".join(task.tags)))
    return "\n".join(lines)


def icon_name(task: TrackedTask) -> str:
    """The State cell's icon."""
    if task.watch is Watch.PAUSED:
        return "paused"
    if task.watch in (Watch.NOT_FOUND, Watch.STALE):
        return "problem"
    if task.problem_kind and not task.state.terminal:
        return "problem"
    return task.state.value
