"""The main window: it hears the engine through `EngineBridge` signals and commands it
through `Commands` (coroutines on a `TaskRunner`); it does no network or disk I/O."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication, QIcon
from PySide6.QtWidgets import QLineEdit, QMainWindow, QSplitter, QVBoxLayout, QWidget

from videomon.core.domain.task import TrackedTask
from videomon.core.providers.credentials import KeyringStatus
from videomon.core.providers.profiles import ProfileProblem
from videomon.core.tracking.commands import Commands
from videomon.core.transfers.media import drag_payload
from videomon.ui.adding.flow import AddFlow
from videomon.ui.adding.inline_bar import InlineBar
from videomon.ui.desktop import clipboard
from videomon.ui.desktop.file_actions import FileActions
from videomon.ui.desktop.notes import DesktopNotes
from videomon.ui.desktop.tray import Tray
from videomon.ui.library.cost_words import task_cost
from videomon.ui.library.details_dialog import DetailsDialog, open_details
from videomon.ui.library.flow import LibraryFlow
from videomon.ui.look.theme import Theme
from videomon.ui.preview.slot import PreviewSlot
from videomon.ui.runtime.async_tasks import TaskRunner
from videomon.ui.runtime.bridge import EngineBridge
from videomon.ui.runtime.errors import ErrorReporter
from videomon.ui.settings.flow import SettingsFlow
from videomon.ui.table.columns import CLOCK_COLUMNS, COLUMNS, Column, Delegate
from videomon.ui.table.model import TaskTableModel
from videomon.ui.table.output_delegate import OutputDelegate
from videomon.ui.table.progress_delegate import DownloadDelegate, ProgressDelegate
from videomon.ui.table.view import SAMPLE, TaskTableView
from videomon.ui.window import state as window_state
from videomon.ui.window.actions import WindowActions
from videomon.ui.window.close_guard import CloseGuard
from videomon.ui.window.finish_notes import FinishNotes
from videomon.ui.window.remove_flow import RemoveFlow
from videomon.ui.window.status_summary import StatusSummary
from videomon.ui.window.task_area import TaskArea


class MainWindow(QMainWindow):
    closed = Signal()
    demoRequested = Signal()         # the welcome's "Try the demo"
    demoRemovalRequested = Signal()  # the demo banner's "Remove the demo"

    def __init__(self, commands: Commands, bridge: EngineBridge,
                 state: QSettings, icons: dict[str, QIcon], app_icon: QIcon,
                 runner: TaskRunner | None = None,
                 reporter: ErrorReporter | None = None, notes: DesktopNotes | None = None) -> None:
        super().__init__()
        self.commands = commands
        self.state = state
        self.runner = runner or TaskRunner(self._report)
        self.reporter = reporter  # None: a problem is raised (tests)
        if reporter is not None:
            reporter.parent = self  # its dialogs open over the window
        self.setWindowTitle("videomon")
        self.setWindowIcon(app_icon)
        self.theme = Theme(self.setStyleSheet, self)
        self.theme.apply(commands.providers.settings().appearance)
        self.setMinimumSize(640, 400)  # room to work on a 1024×768 screen
        self.setAcceptDrops(True)
        self.model = TaskTableModel(commands.tasks.listing, icons, self)
        self.delegate = ProgressDelegate(self)
        self.tray = Tray(app_icon, self, self)
        self.finish_notes = FinishNotes(self, notes, self.tray, commands, self.runner)
        self.close_guard = CloseGuard(self, commands.providers, self.runner, self.tray, state,
                                      lambda: commands.tasks.tally.still_tracked)
        self.tray.quitRequested.connect(self.quit)
        self._details: list[DetailsDialog] = []
        self.settings_flow = SettingsFlow(self, commands.providers, commands.formats, self.runner,
                                          self._report, self._settings_saved,
                                          lambda: self.stack.show_welcome())
        self._build()
        bridge.tasksChanged.connect(self.on_tasks_changed)
        bridge.tasksRemoved.connect(lambda refs: self.on_rows(self.model.remove, refs))
        bridge.tasksReturned.connect(lambda refs: self.on_rows(self.model.returned, refs))
        self.model.settled.connect(self._follow_rows)  # (a list read again)
        bridge.profileProblem.connect(self.on_profile_problem)
        bridge.downloadsProgressed.connect(self.model.update_progress)
        self._clock = QTimer(self)
        self._clock.timeout.connect(lambda: self.table.repaint_columns(CLOCK_COLUMNS))
        self._clock.start(1000)
        self._animation = QTimer(self)
        self._animation.timeout.connect(self._animate)
        self._animation.start(60)
        self.remembered = window_state.RememberedParts(
            self.table, self.splitter, self.actions.state_filter, self.actions.filter_edit)
        window_state.restore(self, self.remembered, state)

    # -- building ---------------------------------------------------------------------------
    def _build(self) -> None:
        self._build_table()
        self._build_around()
        self.actions = WindowActions(self, self, self.model)
        self.library = LibraryFlow(self, self.commands, self.runner, self.table, self.model,
                                   self.actions.state_filter, self.adding.say, self._report)
        self.actions.add_library(self.library)
        self.table.addAction(self.actions.details)  # Enter: Details, unless a title is typed
        self.actions.details.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.stack.setCurrentWidget(self.table)  # until `load`: the rows are on their way
        self._update_actions()

    def _build_table(self) -> None:
        self.table = TaskTableView(self._download_before_drag)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Tracked tasks"))
        self.download_delegate, self.output_delegate = DownloadDelegate(self), OutputDelegate(self)
        painters = {Delegate.PROGRESS: self.delegate, Delegate.DOWNLOAD: self.download_delegate,
                    Delegate.OUTPUT: self.output_delegate}
        self.table.configure({c: painters[spec.delegate] for c, spec in COLUMNS.items()
                              if spec.delegate is not None})
        self.table.customContextMenuRequested.connect(
            lambda pos: self.actions.row_menu(self.table, pos))
        self.table.horizontalHeader().customContextMenuRequested.connect(
            lambda pos: self.actions.header_menu(self.table, pos))
        self.table.doubleClicked.connect(lambda _index: self.show_details())
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self._previewed: list[int] = []
        for signal in (self.model.layoutChanged, self.model.rowsRemoved, self.model.modelReset):
            signal.connect(self._rows_left)

    def _build_around(self) -> None:
        """The welcome or table, the banner and note bar above, the preview beside."""
        self.stack = TaskArea(self.table)
        welcome = self.stack.welcome
        welcome.presetChosen.connect(
            lambda preset: self.settings_flow.open(self.summary.keyring_problem, preset))
        welcome.demoRequested.connect(self.demoRequested)
        self.summary = StatusSummary(self, self.tray, self.model)
        self.summary.banner.linkActivated.connect(lambda link: self.demoRemovalRequested.emit()
                                          if link == "remove-demo" else self.settings_flow.open(
                                              self.summary.keyring_problem, link=link))
        self.inline_bar = InlineBar()
        self.inline_bar.undoRequested.connect(self.undo_remove)
        self.adding = AddFlow(self, self.commands.tasks, self.commands.providers, self.runner,
                              self.inline_bar, self.select_refs)
        self.removing = RemoveFlow(self.commands.tasks, self.runner,
                                   lambda text, undo: self.adding.say(text, undo=undo),
                                   self.select_refs, self)
        self.files = FileActions(self.selected_tasks, self.inline_bar, self)
        self.preview_slot = PreviewSlot()
        self.preview_slot.downloadRequested.connect(self.download_selected)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.stack)
        self.splitter.addWidget(self.preview_slot)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([1000, 300])
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.summary.banner)
        layout.addWidget(self.inline_bar)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

    # -- engine events ------------------------------------------------------------------------
    def load(self) -> None:
        """The engine has read the store: the table reads its rows."""
        self.model.load()
        self.removing.recall()
        self.library.refresh_tags()
        self._update_empty()
        self._update_summary()

    def on_tasks_changed(self, tasks: list[TrackedTask]) -> None:
        for task in self.model.upsert(tasks):  # (those that just finished)
            self.summary.task_finished(task)
            self.finish_notes.task_finished(task)
        self.table.take_changes(tasks)
        self._follow_rows()

    def on_rows(self, change: Callable[[Sequence[int]], None], refs: Sequence[int]) -> None:
        """Rows went or came back (an undo)."""
        change(refs)
        self._follow_rows()

    def _follow_rows(self) -> None:  # (the page, counts, actions: after rows changed)
        self._update_empty()
        selected = self._sample()  # once per batch: 10,000 selected rows cost 4 ms
        self._update_summary(selected)
        self._update_actions(selected)  # the preview never keeps a removed task
        self.library.cost_changed()

    def on_profile_problem(self, profile: str, problem: ProfileProblem | None) -> None:
        self.summary.set_profile_problem(profile, problem)
        self.model.set_held_profiles(self.summary.profile_problems)

    def set_keyring_problem(self, status: KeyringStatus | None) -> None:
        self.summary.set_keyring_problem(status)

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

    def add_text(self, text: str, profile: str | None = None) -> None:
        self.adding.add_text(text, profile)

    def bring_forward(self, task_ids: list[str]) -> None:
        """Another launch asked for the window (with task IDs to track, maybe)."""
        self.showNormal() if self.isMinimized() else self.show()  # (a maximized one stays)
        self.raise_()
        self.activateWindow()
        if task_ids:
            self.add_text("\n".join(task_ids))

    def open_add_dialog(self) -> None:
        self.adding.open_dialog()

    @property
    def preview(self) -> Any:
        """The player (`PreviewPane`, or `NoPlayerPane`), built now if it was not yet."""
        return self.preview_slot.pane()

    # -- selection actions ----------------------------------------------------------------------
    def selected_tasks(self) -> list[TrackedTask]:  # (every one: for what the user asked)
        return self.table.selected_tasks()

    def select_refs(self, refs: Sequence[int]) -> None:
        self.table.select_refs(refs)  # (selectionChanged follows)

    def _sample(self) -> list[TrackedTask]:  # (what a batch or a selection change reads)
        return self.table.selected_tasks(SAMPLE)

    def refresh_selected(self) -> None:
        self.runner.spawn(self.commands.tasks.refresh(self.table.selected_refs()),
                          lambda count: self._say(self.tr("Checking %n task(s) now…", "", count)))

    def pause_selected(self) -> None:
        self.runner.spawn(self.commands.tasks.pause(self.table.selected_refs()))

    def resume_selected(self) -> None:
        self.runner.spawn(self.commands.tasks.resume(self.table.selected_refs()))

    def copy_ids(self) -> None:
        self._say(clipboard.copy_ids(self.selected_tasks()))

    def copy_urls(self) -> None:
        self._say(clipboard.copy_urls(self.selected_tasks()))

    def open_urls(self) -> None:
        self.files.open_urls()

    def show_details(self) -> None:
        tasks = self.selected_tasks()
        if tasks:
            open_details(tasks[0], self, self._details, self.commands.tasks, self.runner,
                         task_cost(tasks[0], self.commands.library.cost_table()))

    def remove_selected(self) -> None:
        near = self.table.first_selected_row()
        self.removing.remove(self.table.selected_refs(),
                             after=lambda: self.table.select_near(near))

    def undo_remove(self) -> None:
        self.removing.undo()

    # -- downloads, files, preview -------------------------------------------------------------
    def download_selected(self) -> None:
        tasks = self.selected_tasks()
        saved = {t.ref for t in tasks if drag_payload([t]).files}  # and still there
        self.runner.spawn(
            self.commands.tasks.download([t.ref for t in tasks if t.ref not in saved]),
            lambda started: self._say(
                self.tr("Downloading %n video(s)…", "", len(started)) if started else
                self.tr("Already saved: Ctrl+Shift+O opens it") if saved else
                self.tr("Nothing to download: the selection has no finished video")
                if tasks else "", 4000))

    def cancel_downloads_selected(self) -> None:
        self.commands.tasks.cancel_downloads(self.table.selected_refs())

    def _download_before_drag(self, pending: list[TrackedTask]) -> None:
        self.runner.spawn(self.commands.tasks.download([t.ref for t in pending]),
                          lambda started: self.adding.say(self.tr(
                              "%n video(s) are not downloaded yet: downloading them now — "
                              "drag them again when they are saved.", "", len(started))))

    def open_selected_file(self) -> None:
        self.files.open_file()

    def show_selected_in_folder(self) -> None:
        self.files.show_in_folder()

    def copy_selection(self) -> None:
        """Ctrl+C: downloaded rows as files (like a drag), other rows as task IDs."""
        focus = self.focusWidget()
        if isinstance(focus, QLineEdit):
            focus.copy()
        else:
            self._say(clipboard.copy_tasks(self.selected_tasks()))

    def _say(self, message: str, timeout: int = 3000) -> None:
        if message:
            self.statusBar().showMessage(message, timeout)

    def _update_preview(self, tasks: list[TrackedTask]) -> None:
        self._previewed = [t.ref for t in tasks]
        task = tasks[0] if len(tasks) == 1 else None
        profile = self.commands.providers.profile(task.profile) if task else None
        self.preview_slot.show_task(task, profile, several=len(tasks) > 1)

    # -- settings, and the state shown around the table ---------------------------------------
    def open_settings(self) -> None:
        self.settings_flow.open(self.summary.keyring_problem)

    def _settings_saved(self) -> None:
        self._say(self.tr("Settings saved"))
        self.theme.apply(self.commands.providers.settings().appearance)
        self._update_empty()  # the welcome gives way once a provider is set up
        self._update_actions()
        self.library.cost_changed()  # (the prices may have changed)

    def providers_changed(self, *_: object) -> None:  # (the demo came or went)
        self._update_empty()

    def demo_removed(self, tasks: Sequence[TrackedTask]) -> None:
        self.providers_changed()
        self.adding.say(self.tr("The demo was removed: %n task(s), its providers and the "
                                "videos it saved.", "", len(tasks)))

    def _update_empty(self) -> None:
        self.stack.show_for(self.model.rowCount() or self.commands.tasks.tally.total,
                            bool(self.commands.providers.profiles()))  # (filtered: the table)
        self.preview_slot.setVisible(self.stack.currentWidget() is not self.stack.welcome)
        self.summary.set_demo(bool(self.commands.demo.profiles()))

    def _update_summary(self, selected: list[TrackedTask] | None = None) -> None:
        self.summary.update(self.commands.tasks.tally, selected or self._sample())

    def _selection_changed(self, *_: Any) -> None:
        self.statusBar().clearMessage()  # the selected row's state and reason show instead
        self._update_actions(selected := self._sample())
        self.summary.update_line(self.commands.tasks.tally, selected)
        self.library.cost_changed()

    def _rows_left(self, *_: Any) -> None:
        """Rows left the view without a selection signal: the preview and actions follow."""
        selected = self._sample()
        if [t.ref for t in selected] != self._previewed:
            self._update_actions(selected)
            self.summary.update_line(self.commands.tasks.tally, selected)

    def _update_actions(self, selected: list[TrackedTask] | None = None) -> None:
        tasks = self._sample() if selected is None else selected
        self.actions.update(tasks, more=self.table.selected_count() > len(tasks))
        self._update_preview(tasks)

    def _animate(self) -> None:
        if self.isVisible() and not self.table.isColumnHidden(Column.PROGRESS):
            self.delegate.phase = (self.delegate.phase + 0.02) % 1.0
            self.table.repaint_moving(Column.PROGRESS)

    def toggle_playback(self) -> None:
        self.preview_slot.toggle()

    def _report(self, exc: BaseException) -> None:
        if self.reporter is None:
            raise exc
        self.reporter.report(exc)

    def quit(self) -> None:
        """Quit for good (Ctrl+Q, the tray's Quit): tracking stops."""
        self.close_guard.quit()

    def closeEvent(self, event: QCloseEvent) -> None:
        window_state.save(self, self.remembered, self.state)
        if self.close_guard.keeps_open(event):  # hidden to the tray, or asking first
            self.preview_slot.pause()
            return
        self._clock.stop()
        self._animation.stop()
        self.preview_slot.stop()
        self.finish_notes.close()
        self.tray.hide()
        event.accept()
        self.closed.emit()
