"""The main window: the task table, paste to track, actions, banners and counts.

It observes the engine through `EngineBridge` signals and commands it through
`Commands` coroutines started with a `TaskRunner`; it performs no network or disk I/O.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDesktopServices,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QIcon,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from videomon.core.domain.snapshot import TaskState
from videomon.core.domain.task import DownloadState, TrackedTask, Watch
from videomon.core.tracking.commands import AddOutcome, Commands
from videomon.core.transfers.media import drag_payload
from videomon.ui import format as fmt
from videomon.ui.add_dialog import AddTasksDialog
from videomon.ui.async_tasks import TaskRunner
from videomon.ui.bridge import EngineBridge
from videomon.ui.details_dialog import DetailsDialog
from videomon.ui.elided_label import ElidedLabel
from videomon.ui.inline_bar import InlineBar
from videomon.ui.output_delegate import OutputDelegate
from videomon.ui.player import PreviewPane
from videomon.ui.progress_delegate import DownloadDelegate, ProgressDelegate
from videomon.ui.reveal import open_file, show_in_folder
from videomon.ui.settings_flow import SettingsFlow
from videomon.ui.task_filter import STATE_FILTERS, TaskFilterProxy
from videomon.ui.task_model import Column, Role, TaskTableModel
from videomon.ui.task_view import TaskTableView, payload_mime
from videomon.ui.tray import Tray
from videomon.ui.window_geometry import first_geometry, pulled_on_screen, screen_for

STYLE = """
QFrame#banner, QLabel#banner { background: #fff4d6; border: 1px solid #e0b84c;
  border-radius: 4px; color: #4a3a00; padding: 4px; }
QFrame#inlineBar { background: #e8f0fe; border: 1px solid #9bb8ef; border-radius: 4px; }
QLabel#inlineMessage { color: #8a3b00; }
QLabel#emptyHint { color: palette(mid); font-size: 14px; }
"""


#: preferred and smallest column widths (the last shown column takes the rest)
COLUMN_WIDTHS = {Column.TASK_ID: 220, Column.PROVIDER: 90, Column.MODEL: 100,
                 Column.STATE: 105, Column.PROGRESS: 130, Column.ELAPSED: 56,
                 Column.CHECKED: 150, Column.DOWNLOAD: 150, Column.OUTPUT: 260}
COLUMN_MINIMUMS = {Column.TASK_ID: 100, Column.PROVIDER: 72, Column.MODEL: 60,
                   Column.STATE: 100, Column.PROGRESS: 64, Column.ELAPSED: 50,
                   Column.CHECKED: 76, Column.DOWNLOAD: 64, Column.OUTPUT: 120}
#: the first window's size when the screen has room; never more than SCREEN_SHARE of it
FIRST_SIZE = QSize(1360, 720)
SCREEN_SHARE = 0.85


class MainWindow(QMainWindow):
    closed = Signal()

    def __init__(self, commands: Commands, bridge: EngineBridge,
                 state: QSettings, icons: dict[str, QIcon], app_icon: QIcon,
                 runner: TaskRunner | None = None) -> None:
        super().__init__()
        self.commands = commands
        self.state = state
        self.runner = runner or TaskRunner(self._report)
        self.reporter: Any = None  # ErrorReporter, set by the app
        self.setWindowTitle("videomon")
        self.setWindowIcon(app_icon)
        self.setStyleSheet(STYLE)
        self.setMinimumSize(640, 400)  # room to work on a 1024×768 screen
        self.setAcceptDrops(True)
        self.model = TaskTableModel(icons, self)
        self.proxy = TaskFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.delegate = ProgressDelegate(self)
        self.tray = Tray(app_icon, self, self)
        self.profile_problems: dict[str, str] = {}
        self.keyring_problem: str | None = None
        self.undo_tasks: list[TrackedTask] = []
        self._guessed: dict[str, list[int]] = {}
        self._details: list[DetailsDialog] = []
        self.settings_flow = SettingsFlow(self, commands, self.runner, self._report,
                                          self._settings_saved)
        self._build()
        bridge.tasksChanged.connect(self.on_tasks_changed)
        bridge.tasksRemoved.connect(self.on_tasks_removed)
        bridge.profileProblem.connect(self.on_profile_problem)
        bridge.downloadsProgressed.connect(self.model.update_progress)
        self._clock = QTimer(self)
        self._clock.timeout.connect(self.model.tick)
        self._clock.start(1000)
        self._animation = QTimer(self)
        self._animation.timeout.connect(self._animate)
        self._animation.start(60)
        self.restore_state()

    # -- building ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.table = TaskTableView(self._download_before_drag)
        self.table.setModel(self.proxy)
        self.table.setItemDelegateForColumn(Column.PROGRESS, self.delegate)
        self.download_delegate = DownloadDelegate(self)
        self.table.setItemDelegateForColumn(Column.DOWNLOAD, self.download_delegate)
        self.output_delegate = OutputDelegate(self)
        self.table.setItemDelegateForColumn(Column.OUTPUT, self.output_delegate)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.doubleClicked.connect(lambda _index: self.show_details())
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setStretchLastSection(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.horizontalHeader().setHighlightSections(False)  # no bold, no reflow

        self.empty = QLabel(
            "<p style='font-size:15px'><b>No tasks tracked yet</b></p>"
            "<p>Copy one or more task IDs (or task URLs) and press <b>Ctrl+V</b> here,<br>"
            "drop text on this window, or use <b>Add tasks…</b>.</p>")
        self.empty.setObjectName("emptyHint")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # so Ctrl+V reaches the window
        self.stack = QStackedWidget()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)

        self.banner = QLabel()
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.RichText)
        self.banner.linkActivated.connect(lambda _link: self.open_settings())
        self.banner.hide()
        self.inline_bar = InlineBar()
        self.inline_bar.providerChosen.connect(self._move_guessed)
        self.inline_bar.undoRequested.connect(self.undo_remove)

        self.preview = PreviewPane()
        self.preview.downloadRequested.connect(self.download_selected)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.stack)
        self.splitter.addWidget(self.preview)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([1000, 300])

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.inline_bar)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self._build_actions()
        self._build_status_bar()
        self._update_empty()
        self._update_actions()

    def _action(self, text: str, slot: Any, shortcut: Any = None, tip: str = "") -> QAction:
        action = QAction(text, self)
        action.triggered.connect(slot)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if tip:
            action.setToolTip(tip)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        a = self._action
        self.act_add = a("Add tasks…", self.open_add_dialog, "Ctrl+N",
                         "Track task IDs typed or pasted in a dialog")
        self.act_paste = a("Paste task IDs", self.paste_from_clipboard,
                           QKeySequence.StandardKey.Paste)
        self.act_refresh = a("Refresh now", self.refresh_selected, "F5",
                             "Check the selected tasks (or all) now")
        self.act_pause = a("Pause", self.pause_selected, "Ctrl+P", "Stop polling the selection")
        self.act_resume = a("Resume", self.resume_selected, "Ctrl+R", "Poll the selection again")
        self.act_copy = a("Copy", self.copy_selection, QKeySequence.StandardKey.Copy,
                          "Downloaded rows: the files; others: the task IDs")
        self.act_copy_id = a("Copy ID", self.copy_ids)
        self.act_copy_url = a("Copy video URL", self.copy_urls, "Ctrl+Shift+C")
        self.act_open_url = a("Open URL in browser", self.open_urls, "Ctrl+O")
        self.act_details = a("Details…", self.show_details, "Return")
        self.act_download = a("Download", self.download_selected, "Ctrl+D",
                              "Download (or retry) the selected finished videos")
        self.act_cancel = a("Cancel download", self.cancel_downloads_selected)
        self.act_open_file = a("Open file", self.open_selected_file, "Ctrl+Shift+O")
        self.act_show_folder = a("Show in folder", self.show_selected_in_folder,
                                 "Ctrl+Shift+F")
        self.act_play = a("Play / pause", self.preview.toggle, "Space")
        self.act_remove = a("Remove", self.remove_selected, QKeySequence.StandardKey.Delete,
                            "Stop tracking the selection (can be undone)")
        self.act_undo = a("Undo remove", self.undo_remove, QKeySequence.StandardKey.Undo)
        self.act_settings = a("Settings…", self.open_settings, "Ctrl+,")
        self.act_find = a("Find", self._focus_filter, QKeySequence.StandardKey.Find)
        self.act_quit = a("Quit", self.close, QKeySequence.StandardKey.Quit)

        bar = QToolBar("Main")
        bar.setObjectName("mainToolbar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        # Details stays on Enter, double-click and the context menu: the toolbar must fit
        # a window on a 1024×768 screen with the filter in sight
        self.act_refresh.setIconText("Refresh")
        for action in (self.act_add, self.act_refresh, self.act_pause, self.act_resume,
                       self.act_remove, self.act_download, self.act_show_folder):
            bar.addAction(action)
        bar.addSeparator()
        bar.addAction(self.act_settings)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText("Filter (Ctrl+F)")
        self.filter_edit.setClearButtonEnabled(True)
        # takes what room the toolbar has, within limits (it must not overflow at 1024 px)
        self.filter_edit.setMinimumWidth(120)
        self.filter_edit.setMaximumWidth(240)
        self.filter_edit.setSizePolicy(QSizePolicy.Policy.Expanding,
                                       QSizePolicy.Policy.Preferred)
        # focus by click or Ctrl+F only: a paste into the window must not land in it
        self.filter_edit.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.filter_edit.textChanged.connect(self.proxy.set_text)
        self.state_filter = QComboBox()
        self.state_filter.addItems(list(STATE_FILTERS))
        self.state_filter.currentTextChanged.connect(self.proxy.set_state_filter)
        bar.addWidget(self.filter_edit)
        bar.addWidget(self.state_filter)
        self.addToolBar(bar)

    def _build_status_bar(self) -> None:
        self.counts_label = QLabel()
        self.network_label = QLabel()
        self.problem_label = ElidedLabel()  # a long error never widens the window
        status = self.statusBar()
        status.addWidget(self.problem_label, 1)
        status.addPermanentWidget(self.network_label)
        status.addPermanentWidget(self.counts_label)
        self._update_counts()

    # -- engine events ------------------------------------------------------------------------
    def load(self, tasks: Sequence[TrackedTask]) -> None:
        self.model.set_tasks(tasks)
        self._update_empty()
        self._update_counts()

    def on_tasks_changed(self, tasks: list[TrackedTask]) -> None:
        for task in tasks:
            old = self.model.task(task.ref)
            if old is not None and not old.state.terminal and task.state.terminal:
                self._notify_finished(task)
        self.model.upsert(tasks)
        self._update_empty()
        self._update_counts()
        self._update_actions()

    def on_tasks_removed(self, refs: list[int]) -> None:
        self.model.remove(refs)
        self._update_empty()
        self._update_counts()

    def on_profile_problem(self, profile: str, message: str | None) -> None:
        if message is None:
            self.profile_problems.pop(profile, None)
        else:
            self.profile_problems[profile] = message
        self._update_banner()

    def set_keyring_problem(self, message: str | None) -> None:
        self.keyring_problem = message
        self._update_banner()

    def _notify_finished(self, task: TrackedTask) -> None:
        ok = task.state is TaskState.SUCCEEDED
        title = "Video ready" if ok else "Task failed"
        detail = task.model or task.profile
        error = task.error
        text = f"{task.label or task.task_id} ({detail})" + (f": {error}" if error else "")
        self.statusBar().showMessage(f"{title}: {text}", 10000)
        if self.commands.settings().notifications:
            self.tray.notify(title, text, failed=not ok)

    # -- paste, drop, add ---------------------------------------------------------------------
    def paste_from_clipboard(self) -> None:
        focus = self.focusWidget()
        if isinstance(focus, QLineEdit):  # the filter box keeps its own paste
            focus.paste()
            return
        self.add_text(QGuiApplication.clipboard().text())

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        mime = event.mimeData()
        if mime.hasText() or any(not u.isLocalFile() for u in mime.urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        mime = event.mimeData()
        text = mime.text() if mime.hasText() else "\n".join(
            u.toString() for u in mime.urls() if not u.isLocalFile())
        event.acceptProposedAction()
        self.add_text(text)

    def add_text(self, text: str, profile: str | None = None,
                 dialog: AddTasksDialog | None = None) -> None:
        if not self.commands.profiles():
            self._inline("Set up a provider first (Settings…), then paste the task IDs again.")
            if dialog is not None:
                dialog.show_message("Set up a provider first in Settings.")
            return
        self.runner.spawn(self.commands.add_text(text, profile),
                          lambda outcome: self._added(outcome, dialog), name="add")

    def _added(self, outcome: AddOutcome, dialog: AddTasksDialog | None) -> None:
        if outcome.nothing_found:
            shown = ", ".join(outcome.rejected[:3])
            message = ("No task IDs found in that text" +
                       (f" (not task IDs: {shown})" if shown else "") + ". Nothing was added.")
            if dialog is not None:
                dialog.show_message(message)
            else:
                self._inline(message)
            return
        if dialog is not None:
            dialog.accept()
        parts = []
        if outcome.added:
            names = sorted({t.profile for t in outcome.added})
            parts.append(f"Added {len(outcome.added)} task{'s' * (len(outcome.added) != 1)}"
                         f" to {', '.join(names)}")
        if outcome.duplicates:
            dupes = outcome.duplicates
            named = ", ".join(dupes[:2]) + (f" and {len(dupes) - 2} more" if len(dupes) > 2
                                            else "")
            parts.append(f"already tracked, skipped: {named}")
        if outcome.rejected:
            parts.append(f"ignored {len(outcome.rejected)} piece(s) that are not task IDs: "
                         + ", ".join(outcome.rejected[:3]))
        self._guessed = outcome.guessed
        guessed = sum(len(v) for v in outcome.guessed.values())
        chooser = None
        if guessed:
            name = next(iter(outcome.guessed))
            parts.append(f"{guessed} assigned to {name} by guess — change it here")
            chooser = name
        self._inline("; ".join(parts) + ".", chooser=chooser)
        refs = [t.ref for t in outcome.added]
        if refs:
            self.select_refs(refs)

    def _move_guessed(self, target: str) -> None:
        refs = [r for name, rs in self._guessed.items() if name != target for r in rs]
        if not refs:
            return
        self._guessed = {}

        def moved(tasks: list[TrackedTask]) -> None:
            self._guessed = {target: [t.ref for t in tasks]}
            self._inline(f"Moved {len(tasks)} task(s) to {target}.")

        self.runner.spawn(self.commands.move(refs, target), moved, name="move")

    def open_add_dialog(self) -> None:
        dialog = AddTasksDialog(list(self.commands.profiles()), self)
        dialog.submitted.connect(lambda text, profile: self.add_text(text, profile, dialog))
        dialog.open()

    def _inline(self, text: str, *, chooser: str | None = None, undo: bool = False) -> None:
        self.inline_bar.say(text, choices=list(self.commands.profiles()),
                            chosen=chooser, undo=undo)

    # -- selection actions ----------------------------------------------------------------------
    def selected_tasks(self) -> list[TrackedTask]:
        return self.table.selected_tasks()

    def select_refs(self, refs: Sequence[int]) -> None:
        selection = self.table.selectionModel()
        selection.clearSelection()
        for ref in refs:
            row = self.model.row_of(ref)
            if row is None:
                continue
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            if index.isValid():
                selection.select(index, selection.SelectionFlag.Select
                                 | selection.SelectionFlag.Rows)
        self._update_actions()

    def _refs(self, tasks: Sequence[TrackedTask] | None = None) -> list[int]:
        return [t.ref for t in (self.selected_tasks() if tasks is None else tasks)]

    def refresh_selected(self) -> None:
        count = self.commands.refresh(self._refs())
        self.statusBar().showMessage(f"Checking {count} task(s) now…", 3000)

    def pause_selected(self) -> None:
        self.commands.pause(self._refs())

    def resume_selected(self) -> None:
        self.commands.resume(self._refs())

    def copy_ids(self) -> None:
        tasks = self.selected_tasks()
        if tasks:
            QGuiApplication.clipboard().setText("\n".join(t.task_id for t in tasks))
            self.statusBar().showMessage(f"Copied {len(tasks)} task ID(s)", 3000)

    def copy_urls(self) -> None:
        urls = [u for t in self.selected_tasks() for u in t.video_urls]
        if urls:
            QGuiApplication.clipboard().setText("\n".join(urls))
            self.statusBar().showMessage(f"Copied {len(urls)} video URL(s)", 3000)
        else:
            self.statusBar().showMessage("The selection has no video URL yet", 3000)

    def open_urls(self) -> None:
        for task in self.selected_tasks()[:5]:
            for url in task.video_urls[:1]:
                QDesktopServices.openUrl(QUrl(url))

    def show_details(self) -> None:
        tasks = self.selected_tasks()
        if not tasks:
            return
        dialog = DetailsDialog(tasks[0], self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._details.append(dialog)
        dialog.destroyed.connect(lambda: self._details.remove(dialog)
                                 if dialog in self._details else None)
        self.runner.spawn(self.commands.history(tasks[0].ref), dialog.set_history)
        dialog.open()

    def remove_selected(self) -> None:
        refs = self._refs()
        if not refs:
            return

        def removed(tasks: list[TrackedTask]) -> None:
            self.undo_tasks = tasks
            self._inline(f"Removed {len(tasks)} task{'s' * (len(tasks) != 1)}.", undo=True)

        self.runner.spawn(self.commands.remove(refs), removed, name="remove")

    def undo_remove(self) -> None:
        tasks, self.undo_tasks = self.undo_tasks, []
        if not tasks:
            return

        def restored(back: list[TrackedTask]) -> None:
            self._inline(f"Restored {len(back)} task{'s' * (len(back) != 1)}.")
            self.select_refs([t.ref for t in back])

        self.runner.spawn(self.commands.undo_remove(tasks), restored, name="undo")

    # -- downloads, files, preview -------------------------------------------------------------
    def download_selected(self) -> None:
        tasks = self.selected_tasks()
        started = self.commands.download([t.ref for t in tasks])
        if started:
            self.statusBar().showMessage(f"Downloading {len(started)} video(s)…", 4000)
        elif tasks:
            self.statusBar().showMessage("Nothing to download: the selection has no "
                                         "finished video", 4000)

    def cancel_downloads_selected(self) -> None:
        self.commands.cancel_downloads([t.ref for t in self.selected_tasks()])

    def _download_before_drag(self, pending: list[TrackedTask]) -> None:
        started = self.commands.download([t.ref for t in pending])
        self._inline(f"{len(pending)} video(s) are not downloaded yet: downloading "
                     f"{len(started)} now — drag them again when they are saved.")

    def open_selected_file(self) -> None:
        files = drag_payload(self.selected_tasks()).files
        if files:
            open_file(files[0])

    def show_selected_in_folder(self) -> None:
        files = drag_payload(self.selected_tasks()).files
        if files:
            show_in_folder(files[0])

    def copy_selection(self) -> None:
        """Ctrl+C: downloaded rows as files (like a drag), other rows as task IDs."""
        focus = self.focusWidget()
        if isinstance(focus, QLineEdit):
            focus.copy()
            return
        payload = drag_payload(self.selected_tasks())
        if payload.files:
            QGuiApplication.clipboard().setMimeData(payload_mime(payload))
            self.statusBar().showMessage(f"Copied {len(payload.files)} file(s)", 3000)
        else:
            self.copy_ids()

    def _update_preview(self) -> None:
        tasks = self.selected_tasks()
        task = tasks[0] if len(tasks) == 1 else None
        profile = self.commands.profile(task.profile) if task else None
        self.preview.show_task(task, profile, several=len(tasks) > 1)

    def _context_menu(self, pos: Any) -> None:
        menu = QMenu(self)
        for action in (self.act_refresh, self.act_pause, self.act_resume, None,
                       self.act_download, self.act_cancel, self.act_open_file,
                       self.act_show_folder, None,
                       self.act_copy, self.act_copy_id, self.act_copy_url, self.act_open_url,
                       None, self.act_details, self.act_remove):
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        menu.popup(self.table.viewport().mapToGlobal(pos))

    def _header_menu(self, pos: Any) -> None:
        header = self.table.horizontalHeader()
        menu = QMenu(self)
        for column in Column:
            action = menu.addAction(column.title)
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.setEnabled(column is not Column.TASK_ID)
            action.toggled.connect(lambda on, c=column: header.setSectionHidden(c, not on))
        menu.popup(header.mapToGlobal(pos))

    def _focus_filter(self) -> None:
        self.filter_edit.setFocus()
        self.filter_edit.selectAll()

    # -- settings -------------------------------------------------------------------------------
    def open_settings(self) -> None:
        self.settings_flow.open(self.keyring_problem)

    def _settings_saved(self) -> None:
        self.statusBar().showMessage("Settings saved", 3000)
        self._update_actions()

    # -- state shown around the table -------------------------------------------------------
    def _update_banner(self) -> None:
        lines = []
        if self.keyring_problem:
            lines.append(html.escape(self.keyring_problem))
        for profile, message in sorted(self.profile_problems.items()):
            lines.append(f"<b>{html.escape(profile)}</b>: {html.escape(message)} — polling "
                         "is paused until the key changes. <a href='settings'>Open Settings"
                         "</a>")
        self.banner.setText("<br>".join(lines))
        self.banner.setVisible(bool(lines))

    def _update_empty(self) -> None:
        current = self.table if self.model.rowCount() else self.empty
        if self.stack.currentWidget() is not current:
            had_focus = self.stack.currentWidget().hasFocus()
            self.stack.setCurrentWidget(current)
            if had_focus:
                current.setFocus()

    def _update_counts(self) -> None:
        tasks = self.model.tasks()
        groups = [fmt.state_group(t) for t in tasks]
        active = sum(1 for t in tasks if t.watch == Watch.ACTIVE)
        paused = sum(1 for t in tasks if t.watch == Watch.PAUSED)
        finished = groups.count(fmt.FINISHED)
        failed = groups.count(fmt.FAILED)
        text = f"{active} active · {finished} finished · {failed} failed"
        if paused:
            text += f" · {paused} paused"
        self.counts_label.setText(text)
        self.setWindowTitle(f"videomon — {active} active" if active else "videomon")
        self.tray.set_counts(active, finished, failed)
        network = [t for t in tasks if t.problem_kind == "network" and t.watch == Watch.ACTIVE]
        self.network_label.setText("⚠ network problem — retrying" if network else "● online")
        self._update_status_line()

    def _update_status_line(self) -> None:
        """The selected task's state and reason; else the latest problem of any task."""
        selected = self.selected_tasks()
        if len(selected) == 1:
            self.problem_label.setText(fmt.status_line(selected[0]))
            return
        problems = [t for t in self.model.tasks()
                    if t.problem_message and t.watch == Watch.ACTIVE]
        if problems:
            latest = max(problems, key=lambda t: t.last_checked_at or 0)
            self.problem_label.setText(f"{latest.task_id}: {latest.problem_message}")
        else:
            self.problem_label.clear()

    def _selection_changed(self, *_: Any) -> None:
        self.statusBar().clearMessage()  # the selected row's state and reason show instead
        self._update_actions()

    def _update_actions(self, *_: Any) -> None:
        tasks = self.selected_tasks()
        has = bool(tasks)
        for action in (self.act_pause, self.act_resume, self.act_copy_id, self.act_details,
                       self.act_remove):
            action.setEnabled(has)
        self.act_pause.setEnabled(any(t.watch == Watch.ACTIVE for t in tasks))
        self.act_resume.setEnabled(any(t.watch == Watch.PAUSED for t in tasks))
        urls = any(t.video_urls for t in tasks)
        self.act_copy_url.setEnabled(urls)
        self.act_open_url.setEnabled(urls)
        finished = any(t.state is TaskState.SUCCEEDED and t.video_urls for t in tasks)
        self.act_download.setEnabled(finished)
        self.act_download.setText("Retry download" if any(
            t.download_state in (DownloadState.FAILED, DownloadState.CANCELLED)
            for t in tasks) else "Download")
        self.act_cancel.setEnabled(any(t.download_state is not None and t.download_state.busy
                                       for t in tasks))
        # from the stored state, no file checks: this runs on every batch of changes
        saved = any(t.saved for t in tasks)
        self.act_open_file.setEnabled(saved)
        self.act_show_folder.setEnabled(saved)
        self.act_copy.setEnabled(has)
        self._update_status_line()
        self._update_preview()

    def _animate(self) -> None:
        if not self.isVisible() or self.table.isColumnHidden(Column.PROGRESS):
            return
        self.delegate.phase = (self.delegate.phase + 0.02) % 1.0
        first = self.table.rowAt(0)
        if first < 0:
            return
        last = self.table.rowAt(self.table.viewport().height() - 1)
        last = self.proxy.rowCount() - 1 if last < 0 else last
        for row in range(first, last + 1):
            index = self.proxy.index(row, Column.PROGRESS)
            if index.data(Role.INDETERMINATE):
                self.table.viewport().update(self.table.visualRect(index))

    def _report(self, exc: BaseException) -> None:
        if self.reporter is not None:
            self.reporter.report(exc)
        else:
            raise exc

    # -- remembered state ---------------------------------------------------------------------
    def restore_state(self) -> None:
        geometry = self.state.value("window/geometry")
        if not (isinstance(geometry, QByteArray) and self.restoreGeometry(geometry)):
            screen = self.screen() or QGuiApplication.primaryScreen()
            self.setGeometry(first_geometry(screen.availableGeometry(), FIRST_SIZE,
                                            SCREEN_SHARE))
        self.keep_on_screen()
        header = self.state.value("table/header")
        if isinstance(header, QByteArray):
            self.table.horizontalHeader().restoreState(header)
        else:
            self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        widths = str(self.state.value("table/widths", ""))
        preferred = dict(COLUMN_WIDTHS)
        for column, width in zip(Column, widths.split(",") if widths else [], strict=False):
            if width.isdigit() and int(width) > 0:
                preferred[column] = int(width)
        self.table.fitter.configure(preferred, COLUMN_MINIMUMS)
        splitter = self.state.value("window/splitter")
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)
        self.state_filter.setCurrentText(str(self.state.value("table/state_filter", "All")))
        self.filter_edit.setText(str(self.state.value("table/filter", "")))

    def save_state(self) -> None:
        self.state.setValue("window/geometry", self.saveGeometry())
        self.state.setValue("table/header", self.table.horizontalHeader().saveState())
        preferred = self.table.fitter.preferred
        self.state.setValue("table/widths", ",".join(str(preferred.get(c, 0)) for c in Column))
        self.state.setValue("window/splitter", self.splitter.saveState())
        self.state.setValue("table/state_filter", self.state_filter.currentText())
        self.state.setValue("table/filter", self.filter_edit.text())
        self.state.sync()

    def keep_on_screen(self) -> None:
        """Pull the window back onto a screen it no longer fits (a smaller or unplugged
        monitor since it was last closed)."""
        frame = self.frameGeometry()
        screen = screen_for(frame)
        if screen is None:
            return
        inside = pulled_on_screen(frame, screen.availableGeometry())
        if inside != frame:
            extra_w = frame.width() - self.width()
            extra_h = frame.height() - self.height()
            self.resize(max(self.minimumWidth(), inside.width() - extra_w),
                        max(self.minimumHeight(), inside.height() - extra_h))
            self.move(inside.topLeft())

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        self._clock.stop()
        self._animation.stop()
        self.preview.player.stop()
        self.tray.hide()
        event.accept()
        self.closed.emit()
