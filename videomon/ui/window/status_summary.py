"""What the window says around the table: the banner (keyring and rejected keys), the
status bar (the selected task's state and reason, else the latest problem; network; counts),
the title's active count and the tray's tooltip."""

from __future__ import annotations

import html
from collections.abc import Sequence
from urllib.parse import quote

from PySide6.QtCore import QLocale, QObject, Qt
from PySide6.QtWidgets import QLabel, QMainWindow

from videomon.core.domain.snapshot import TaskState
from videomon.core.domain.task import Group, TrackedTask
from videomon.core.providers.credentials import KeyringStatus
from videomon.core.providers.profiles import ProfileProblem, ProfileTrouble
from videomon.core.tracking.tally import TaskTally
from videomon.ui import wording
from videomon.ui.desktop.tray import Tray
from videomon.ui.look.elided_label import ElidedLabel
from videomon.ui.table.cells import name_text
from videomon.ui.table.model import TaskTableModel


class StatusSummary(QObject):
    def __init__(self, window: QMainWindow, tray: Tray,
                 rows: TaskTableModel | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.tray = tray
        self.profile_problems: dict[str, ProfileProblem] = {}
        self.keyring_problem: KeyringStatus | None = None
        self.demo = False
        self.banner = QLabel()
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.RichText)
        self.banner.hide()
        self.counts_label = QLabel()
        self.shown_label = QLabel()  # "100,000 of 1,000,000 shown" while a filter is on
        self.shown_label.hide()
        self._rows = rows
        self.network_label = QLabel()
        self.problem_label = ElidedLabel()  # a long error never widens the window
        status = window.statusBar()
        status.addWidget(self.problem_label, 1)
        status.addPermanentWidget(self.network_label)
        status.addPermanentWidget(self.shown_label)
        status.addPermanentWidget(self.counts_label)

    def _update_shown(self, tally: TaskTally) -> None:
        """How many rows the filter shows (said again when a list being read has come)."""
        rows = self._rows
        if rows is None or rows.settling:
            return
        filtered = bool(rows.query.text) or rows.query.groups is not None
        if filtered:
            number = QLocale().toString
            self.shown_label.setText(self.tr("{shown} of {total} shown").format(
                shown=number(rows.rowCount()), total=number(tally.total)))
        self.shown_label.setVisible(filtered)

    # -- the banner ------------------------------------------------------------------------
    def set_profile_problem(self, profile: str, problem: ProfileProblem | None) -> None:
        if problem is None:
            self.profile_problems.pop(profile, None)
        else:
            self.profile_problems[profile] = problem
        self._update_banner()

    def set_keyring_problem(self, status: KeyringStatus | None) -> None:
        self.keyring_problem = status
        self._update_banner()

    def set_demo(self, active: bool) -> None:
        if active != self.demo:
            self.demo = active
            self._update_banner()

    def _update_banner(self) -> None:
        lines = []
        if self.demo:
            lines.append(self.tr("<b>Demo</b>: the tasks of the demo-… providers come from a "
                                 "relay simulated on this computer (no key, no network); "
                                 "it stays until you remove it. "
                                 "<a href='remove-demo'>Remove the demo</a>"))
        if self.keyring_problem:
            lines.append(html.escape(wording.keyring_text(self.keyring_problem)))
        for profile, problem in sorted(self.profile_problems.items()):
            if problem.kind is ProfileTrouble.KEY:
                text = self.tr("<b>{profile}</b>: {message} — polling is paused until the "
                               "key changes. <a href='{link}'>Open Settings</a>")
            else:
                text = self.tr("<b>{profile}</b> is not polled: {message}. "
                               "<a href='{link}'>Open Settings</a>")
            lines.append(text.format(profile=html.escape(profile),
                                     message=html.escape(str(problem)),
                                     link="settings:" + quote(profile, safe="")))
        self.banner.setText("<br>".join(lines))
        self.banner.setVisible(bool(lines))

    def task_finished(self, task: TrackedTask) -> None:
        """A task just ended: a message in the status bar (`FinishNotes` tells the desktop)."""
        ok = task.state is TaskState.SUCCEEDED
        title = self.tr("Video ready") if ok else self.tr("Task failed")
        text = f"{name_text(task)} ({task.model or task.profile})"
        if task.error:
            text = self.tr("{task}: {error}").format(task=text, error=task.error)
        self.window.statusBar().showMessage(
            self.tr("{title}: {text}").format(title=title, text=text), 10000)

    # -- counts, title, network, status line -------------------------------------------------
    def update(self, tally: TaskTally, selected: Sequence[TrackedTask]) -> None:
        """The counts, title, tray and network state from `tally` (no pass over rows)."""
        active, paused = tally.active, tally.paused
        finished = tally.count(Group.FINISHED)
        failed = tally.count(Group.FAILED)
        not_found = tally.count(Group.NOT_FOUND)
        number = QLocale().toString  # (999,800 finished: grouped as the user's locale does)
        text = self.tr("{active} active · {finished} finished · {failed} failed").format(
            active=number(active), finished=number(finished), failed=number(failed))
        if not_found:
            text += self.tr(" · {not_found} not found").format(not_found=number(not_found))
        if paused:
            text += self.tr(" · {paused} paused").format(paused=number(paused))
        self.counts_label.setText(text)
        self._update_shown(tally)
        self.window.setWindowTitle(self.tr("videomon — {active} active").format(active=active)
                                   if active else "videomon")
        self.tray.set_counts(active, finished, failed, not_found)
        self.network_label.setText(self.tr("⚠ network problem — retrying")
                                   if tally.network_trouble else self.tr("● online"))
        self.update_line(tally, selected)

    def update_line(self, tally: TaskTally, selected: Sequence[TrackedTask]) -> None:
        """The selected task's state and reason; else the latest problem of any task."""
        if len(selected) == 1:
            self.problem_label.setText(wording.status_line(selected[0]))
            return
        latest = tally.latest_problem()
        if latest is not None:
            self.problem_label.setText(f"{latest.task_id}: " + wording.problem_text(
                latest.problem_kind, latest.problem_message or ""))
        else:
            self.problem_label.clear()
