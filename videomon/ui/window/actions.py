"""The window's actions: shortcuts, the toolbar (with the filter), the row and header
menus, and which actions the selection allows. Handlers are the window's methods."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from PySide6.QtCore import QObject, QPoint, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QMainWindow,
    QMenu,
    QSizePolicy,
    QTableView,
    QToolBar,
    QWidget,
)

from videomon.core.domain.snapshot import TaskState
from videomon.core.domain.task import DownloadState, TrackedTask, Watch
from videomon.ui.library.flow import LibraryFlow
from videomon.ui.look.icons import action_icon
from videomon.ui.table.model import Column, TaskTableModel
from videomon.ui.table.order import STATE_FILTERS, state_filter_label
from videomon.ui.table.view import TaskTableView


class ActionHandlers(Protocol):
    """What the actions call (the main window's methods)."""

    def open_add_dialog(self) -> None: ...
    def paste_from_clipboard(self) -> None: ...
    def refresh_selected(self) -> None: ...
    def pause_selected(self) -> None: ...
    def resume_selected(self) -> None: ...
    def copy_selection(self) -> None: ...
    def copy_ids(self) -> None: ...
    def copy_urls(self) -> None: ...
    def open_urls(self) -> None: ...
    def show_details(self) -> None: ...
    def download_selected(self) -> None: ...
    def cancel_downloads_selected(self) -> None: ...
    def open_selected_file(self) -> None: ...
    def show_selected_in_folder(self) -> None: ...
    def toggle_playback(self) -> None: ...
    def remove_selected(self) -> None: ...
    def undo_remove(self) -> None: ...
    def open_settings(self) -> None: ...
    def quit(self) -> None: ...


class WindowActions(QObject):
    def __init__(self, window: QMainWindow, handlers: ActionHandlers,
                 rows: TaskTableModel) -> None:
        super().__init__(window)
        self.window = window
        w = handlers
        a = self._action
        self.add = a(self.tr("Add tasks…"), w.open_add_dialog, "Ctrl+N",
                     self.tr("Track task IDs typed or pasted in a dialog"))
        self.paste = a(self.tr("Paste task IDs"), w.paste_from_clipboard,
                       QKeySequence.StandardKey.Paste)
        self.refresh = a(self.tr("Refresh now"), w.refresh_selected, "F5",
                         self.tr("Check the selected tasks (or all) now"))
        self.pause = a(self.tr("Pause"), w.pause_selected, "Ctrl+P",
                       self.tr("Stop polling the selection"))
        self.resume = a(self.tr("Resume"), w.resume_selected, "Ctrl+R",
                        self.tr("Poll the selection again"))
        self.copy = a(self.tr("Copy"), w.copy_selection, QKeySequence.StandardKey.Copy,
                      self.tr("Downloaded rows: the files; others: the task IDs"))
        self.copy_id = a(self.tr("Copy ID"), w.copy_ids)
        self.copy_url = a(self.tr("Copy video URL"), w.copy_urls, "Ctrl+Shift+C")
        self.open_url = a(self.tr("Open URL in browser"), w.open_urls, "Ctrl+O")
        self.details = a(self.tr("Details…"), w.show_details, "Return")
        self.download = a(self.tr("Download"), w.download_selected, "Ctrl+D",
                          self.tr("Download (or retry) the selected finished videos"))
        self.cancel = a(self.tr("Cancel download"), w.cancel_downloads_selected)
        self.open_file = a(self.tr("Open file"), w.open_selected_file, "Ctrl+Shift+O")
        self.show_folder = a(self.tr("Show in folder"), w.show_selected_in_folder,
                             "Ctrl+Shift+F")
        self.play = a(self.tr("Play / pause"), w.toggle_playback, "Space")
        self.remove = a(self.tr("Remove"), w.remove_selected, QKeySequence.StandardKey.Delete,
                        self.tr("Stop tracking the selection (can be undone)"))
        self.undo = a(self.tr("Undo remove"), w.undo_remove, QKeySequence.StandardKey.Undo)
        self.settings = a(self.tr("Settings…"), w.open_settings, "Ctrl+,")
        self.find = a(self.tr("Find"), self.focus_filter, QKeySequence.StandardKey.Find)
        self.quit = a(self.tr("Quit"), w.quit, QKeySequence.StandardKey.Quit)
        self.filter_edit, self.state_filter = self._build_toolbar(rows)

    def add_library(self, library: LibraryFlow) -> None:
        """The library's actions: a title in place, star, tags, export and import."""
        a = self._action
        self.rename = a(self.tr("Rename…"), library.rename, "F2",
                        self.tr("Give the task a title (shown instead of its ID)"))
        self.star = a(self.tr("Star / unstar"), library.toggle_star, "Ctrl+B",
                      self.tr("Mark the selection as keepers (the filter's Starred)"))
        self.tags = a(self.tr("Tags…"), library.edit_tags, "Ctrl+T",
                      self.tr("Add or remove tags on the selection"))
        self.export = a(self.tr("Export…"), library.export, "Ctrl+E",
                        self.tr("Write the selection (or the tasks shown) to CSV or JSON"))
        self.import_ = a(self.tr("Import…"), library.import_, "Ctrl+I",
                         self.tr("Track the tasks of a videomon JSON export"))
        self.import_account = a(self.tr("Import from a provider…"), library.import_account,
                                "Ctrl+Shift+I",
                                self.tr("Track the tasks a provider's own list shows"))
        self._library = (self.rename, self.star, self.tags)
        views = library.views
        self.table_view = a(self.tr("Table"), lambda: views.show(False), "Ctrl+1",
                            self.tr("Show the tasks as a table"))
        # the toolbar's toggle; Ctrl+2 shows the gallery (and, pressed again, the table)
        self.gallery = a(self.tr("Gallery"), lambda: views.show(self.gallery.isChecked()),
                         "Ctrl+2", self.tr("Show the videos as pictures (Ctrl+2; Ctrl+1: the "
                                           "table)"))
        self.gallery.setCheckable(True)
        self.gallery.setChecked(views.gallery_on)
        self.gallery.setIcon(action_icon("gallery"))
        views.switched.connect(self.gallery.setChecked)
        bar = self.window.findChild(QToolBar, "mainToolbar")
        bar.insertAction(self.settings, self.gallery)

    def _action(self, text: str, slot: Callable[[], object],
                shortcut: str | QKeySequence.StandardKey | None = None,
                tip: str = "") -> QAction:
        action = QAction(text, self.window)
        action.triggered.connect(slot)
        if shortcut is not None:
            keys = QKeySequence(shortcut)
            if keys.isEmpty() and shortcut == QKeySequence.StandardKey.Quit:
                keys = QKeySequence("Ctrl+Q")  # platforms without a standard quit key
            action.setShortcut(keys)
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if tip:
            action.setToolTip(tip)
        self.window.addAction(action)
        return action

    def _build_toolbar(self, rows: TaskTableModel) -> tuple[QLineEdit, QComboBox]:
        bar = QToolBar(self.tr("Main"))
        bar.setObjectName("mainToolbar")
        bar.setMovable(False)
        # text under the icon: no wider than the words alone (the toolbar fits 1024 px)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        bar.setIconSize(QSize(20, 20))
        for action, icon in ((self.add, "add"), (self.refresh, "refresh"),
                             (self.pause, "pause"), (self.resume, "resume"),
                             (self.remove, "remove"), (self.download, "download"),
                             (self.show_folder, "folder"), (self.settings, "settings")):
            action.setIcon(action_icon(icon))
        # Details stays on Enter, double-click and the context menu: the toolbar must fit
        # a window on a 1024×768 screen with the filter in sight
        self.refresh.setIconText(self.tr("Refresh"))
        for action in (self.add, self.refresh, self.pause, self.resume, self.remove,
                       self.download, self.show_folder):
            bar.addAction(action)
        bar.addSeparator()
        bar.addAction(self.settings)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        edit = QLineEdit()
        edit.setPlaceholderText(self.tr("Filter (Ctrl+F)"))
        edit.setClearButtonEnabled(True)
        # takes what room the toolbar has, within limits (it must not overflow at 1024 px)
        edit.setMinimumWidth(120)
        edit.setMaximumWidth(240)
        edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        edit.setAccessibleName(self.tr("Filter tasks"))
        # focus by click or Ctrl+F only: a paste into the window must not land in it
        edit.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        edit.textChanged.connect(rows.set_text)
        escape = QAction(edit)  # Escape clears the filter, then goes back to the table
        escape.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        escape.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        escape.triggered.connect(lambda: edit.clear() if edit.text() else
                                 self._focus_table())
        edit.addAction(escape)
        states = QComboBox()
        states.setAccessibleName(self.tr("Show tasks"))
        for name in STATE_FILTERS:
            states.addItem(state_filter_label(name), name)
        states.currentIndexChanged.connect(
            lambda _=0: rows.set_state_filter(str(states.currentData())))
        bar.addWidget(edit)
        bar.addWidget(states)
        self.window.addToolBar(bar)
        return edit, states

    def _focus_table(self) -> None:
        table = self.window.findChild(QTableView)
        if table is not None:
            table.setFocus()

    def focus_filter(self) -> None:
        self.filter_edit.setFocus()
        self.filter_edit.selectAll()

    def update(self, tasks: Sequence[TrackedTask], more: bool = False) -> None:
        """Enable what the selection allows (stored state only: this runs on every batch).
        With `more`, `tasks` are the first of a larger selection: what any task could
        allow is enabled, and the command does what applies."""
        has = bool(tasks)
        for action in (self.copy_id, self.details, self.remove, self.copy,
                       *getattr(self, "_library", ())):
            action.setEnabled(has)

        def any_of(test: Callable[[TrackedTask], object]) -> bool:
            return more or any(test(t) for t in tasks)

        self.pause.setEnabled(any_of(lambda t: t.watch is Watch.ACTIVE))
        self.resume.setEnabled(any_of(lambda t: t.watch is Watch.PAUSED))
        urls = any_of(lambda t: t.video_urls)
        self.copy_url.setEnabled(urls)
        self.open_url.setEnabled(urls)
        self.download.setEnabled(any_of(lambda t: t.state is TaskState.SUCCEEDED
                                        and t.video_urls))
        self.download.setText(self.tr("Retry download") if any(
            t.download_state in (DownloadState.FAILED, DownloadState.CANCELLED)
            for t in tasks) else self.tr("Download"))
        self.cancel.setEnabled(any_of(lambda t: t.download_busy))
        saved = any(t.saved for t in tasks)
        self.open_file.setEnabled(saved)
        self.show_folder.setEnabled(saved)

    # -- menus -----------------------------------------------------------------------------
    def row_menu(self, table: QTableView, pos: QPoint) -> None:
        menu = QMenu(self.window)
        for action in (self.refresh, self.pause, self.resume, None, self.download, self.cancel,
                       self.open_file, self.show_folder, None, self.copy, self.copy_id,
                       self.copy_url, self.open_url, None, self.rename, self.star, self.tags,
                       None, self.details, self.export, self.import_, self.import_account,
                       self.remove):
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        menu.popup(table.viewport().mapToGlobal(pos))

    def header_menu(self, table: TaskTableView, pos: QPoint) -> None:
        header = table.horizontalHeader()
        menu = QMenu(self.window)
        for column in Column:
            action = menu.addAction(column.title)
            action.setCheckable(True)
            action.setChecked(table.fitter.wanted(column))
            action.setEnabled(column is not Column.TASK_ID)
            action.toggled.connect(lambda on, c=column: table.fitter.set_wanted(c, on))
        menu.popup(header.mapToGlobal(pos))
