"""The library's actions in the window: rename in place, star, tags, the state filter's
Starred and tag entries, the status bar's cost, and export/import through file dialogs
opened with `open()` (the work runs in `Commands.library`, off the window's thread)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QStandardPaths, QTimer
from PySide6.QtWidgets import QComboBox, QFileDialog, QLabel

from videomon.core.domain.annotation import Annotation
from videomon.core.domain.errors import ConfigError, problem_detail
from videomon.core.tracking.accounts import ImportReport
from videomon.core.tracking.commands import Commands
from videomon.core.tracking.costs import CostLine
from videomon.core.tracking.exchange import ImportOutcome
from videomon.ui.library.account_dialog import AccountImportDialog
from videomon.ui.library.cost_words import line_text
from videomon.ui.library.tags_dialog import TagsDialog
from videomon.ui.library.views import TaskViews
from videomon.ui.runtime.async_tasks import TaskRunner
from videomon.ui.table.model import TaskTableModel
from videomon.ui.table.order import STARRED, TAG_PREFIX, state_filter_label
from videomon.ui.table.view import SAMPLE, TaskTableView

#: the status bar's cost is worked out again this long after the last change (ms)
COST_DELAY = 700
#: the state filter lists this many tags, the most used first
TAGS_LISTED = 30


class LibraryFlow(QObject):
    def __init__(self, window: Any, commands: Commands, runner: TaskRunner,
                 table: TaskTableView, model: TaskTableModel, states: QComboBox,
                 say: Callable[[str], None], report: Callable[[BaseException], None]) -> None:
        super().__init__(window)
        self.window, self.commands, self.runner = window, commands, runner
        self.table, self.model, self.states = table, model, states
        self._say, self._report = say, report
        self.cost_label = QLabel()
        self.cost_label.setAccessibleName(self.tr("Cost"))
        window.statusBar().addPermanentWidget(self.cost_label)
        self._cost_timer = QTimer(self)
        self._cost_timer.setSingleShot(True)
        self._cost_timer.setInterval(COST_DELAY)
        self._cost_timer.timeout.connect(self._work_out_cost)
        model.titleEdited.connect(lambda ref, text: self.annotate([ref], Annotation.made(
            title=text)))
        self._closed = False
        self.views = TaskViews(window.stack, model, table, commands.library, runner,
                               window.actions.row_menu, window.show_details, window.state)
        self._fixed = states.count()  # the state groups; Starred and the tags follow
        states.insertSeparator(self._fixed)
        states.addItem(state_filter_label(STARRED), STARRED)

    def close(self) -> None:
        """The app shuts down: no more costs worked out."""
        self._cost_timer.stop()
        self._closed = True
        self.views.close()

    # -- what the user says ------------------------------------------------------------------
    def annotate(self, refs: list[int] | tuple[int, ...], change: Annotation,
                 said: str = "") -> None:
        def done(_count: int) -> None:
            if said:
                self._say(said)
            self.refresh_tags()
            self.cost_changed()

        self.runner.spawn(self.commands.tasks.annotate(list(refs), change), done)

    def rename(self) -> None:
        if not self.table.edit_title():
            self._say(self.tr("Select a task to give it a title"))

    def toggle_star(self) -> None:
        sample = self.table.selected_tasks(SAMPLE)
        if not sample:
            return
        star = not all(t.starred for t in sample)
        refs = list(self.table.selected_refs())
        self.annotate(refs, Annotation.made(starred=star), self.tr(
            "Starred %n task(s)", "", len(refs)) if star else self.tr(
            "Took the star off %n task(s)", "", len(refs)))

    def edit_tags(self) -> None:
        sample = self.table.selected_tasks(SAMPLE)
        if not sample:
            return
        refs = list(self.table.selected_refs())
        present = list(dict.fromkeys(tag for t in sample for tag in t.tags))

        def show(counts: list[tuple[str, int]]) -> None:
            dialog = TagsDialog(len(refs), present, [tag for tag, _ in counts], self.window)
            dialog.chosen.connect(lambda change: self.annotate(refs, change, self.tr(
                "Tags changed on %n task(s)", "", len(refs))))
            dialog.finished.connect(dialog.deleteLater)
            dialog.open()

        self.runner.spawn(self.commands.library.tag_counts(), show, name="tags")

    def refresh_tags(self) -> None:
        """The state filter lists the tags in use (what is chosen stays chosen)."""
        def fill(counts: list[tuple[str, int]]) -> None:
            chosen = self.states.currentData()
            first = self._fixed + 2  # (after the separator and Starred)
            self.states.blockSignals(True)
            while self.states.count() > first:
                self.states.removeItem(first)
            for tag, count in counts[:TAGS_LISTED]:
                self.states.addItem(self.tr("Tag: {tag} ({count})").format(
                    tag=tag, count=count), TAG_PREFIX + tag)
            index = self.states.findData(chosen)
            self.states.blockSignals(False)
            if index >= 0:
                self.states.setCurrentIndex(index)
            else:  # (its last task lost the tag)
                self.states.setCurrentIndex(0)

        self.runner.spawn(self.commands.library.tag_counts(), fill, name="tag list")
        self.cost_changed()  # (the list was read: its cost too, selected or not)

    # -- a provider's own list ----------------------------------------------------------------
    def import_account(self) -> None:
        """Import from a provider…: its list once, over a chosen time."""
        dialog = AccountImportDialog(self.commands.accounts.listable(), self.window)
        dialog.importRequested.connect(lambda name, since: self.runner.spawn(
            self.commands.accounts.import_(name, since), self.account_listed_now,
            on_error=self._problem))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def account_listed_now(self, report: ImportReport) -> None:
        self.account_listed(report)
        if report.problem is None and not report.added:
            self._say(self.tr("Nothing new in {name}'s list").format(name=report.profile))
        self.refresh_tags()
    def account_listed(self, report: ImportReport) -> None:
        """A followed account was listed: the note bar says what came of it."""
        if report.problem is not None:
            self._say(self.tr("{name}: its list of tasks could not be read ({problem}); "
                              "asked again later").format(name=report.profile,
                                                          problem=problem_detail(
                                                              str(report.problem))))
        elif report.added:
            self._say(self.tr("%n task(s) imported from {name}'s list", "",
                              len(report.added)).format(name=report.profile))

    # -- cost --------------------------------------------------------------------------------
    def cost_changed(self) -> None:
        """The selection, the filter or a task changed: the cost follows shortly."""
        if not self._closed:
            self._cost_timer.start()

    def _work_out_cost(self) -> None:
        """The selection's cost (one row too), else that of the tasks shown."""
        selected = self.table.selected_count() > 0
        refs = list(self.table.selected_refs()) if selected else None
        query = None if selected else self.model.query
        table = self.commands.library.cost_table()

        def show(line: CostLine) -> None:
            if not line.tasks or (line.unknown == line.tasks and not line.units
                                  and not table.prices):
                self.cost_label.clear()  # (no prices and no provider figures at all)
                return
            self.cost_label.setText(line_text(line, table.currency))
            self.cost_label.setToolTip(self.tr("What the %n selected task(s) cost", "",
                                               line.tasks) if selected else self.tr(
                "What the %n task(s) shown cost", "", line.tasks))

        self.runner.spawn(self.commands.library.cost(refs, query), show, name="cost")

    # -- export and import -------------------------------------------------------------------
    def export(self) -> None:
        several = self.table.selected_count() > 1
        refs = list(self.table.selected_refs()) if several else None
        query = None if several else self.model.query
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        dialog = QFileDialog(self.window, self.tr("Export the %n selected task(s)", "",
                                                  len(refs)) if refs is not None else
                             self.tr("Export the tasks shown"), folder)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setObjectName("exportDialog")
        csv_filter, json_filter = self.tr("CSV table (*.csv)"), self.tr("JSON (*.json)")
        dialog.setNameFilters([csv_filter, json_filter])
        dialog.selectFile("videomon-tasks.csv")
        dialog.filterSelected.connect(lambda name: dialog.selectFile(
            "videomon-tasks." + ("json" if name == json_filter else "csv")))

        def chosen(path: str) -> None:
            target = Path(path)
            kind = "json" if target.suffix.lower() == ".json" or (
                not target.suffix and dialog.selectedNameFilter() == json_filter) else "csv"
            if not target.suffix:
                target = target.with_suffix("." + kind)
            self.runner.spawn(self.commands.library.export(target, kind, refs, query),
                              lambda count: self._say(self.tr(
                                  "Exported %n task(s) to {file}", "", count).format(
                                  file=target.name)), on_error=self._problem)

        dialog.fileSelected.connect(chosen)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def import_(self) -> None:
        dialog = QFileDialog(self.window, self.tr("Import tasks from a videomon export"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setObjectName("importDialog")
        dialog.setNameFilters([self.tr("videomon export (*.json)"), self.tr("All files (*)")])

        def chosen(path: str) -> None:
            self.runner.spawn(self.commands.library.import_file(Path(path)),
                              self._imported, on_error=self._problem)

        dialog.fileSelected.connect(chosen)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _imported(self, outcome: ImportOutcome) -> None:
        text = self.tr("Imported %n task(s)", "", len(outcome.added))
        if outcome.already:
            text += " · " + self.tr("%n already tracked", "", outcome.already)
        if outcome.unknown_profiles:
            text += " · " + self.tr("add the provider {names} to poll them").format(
                names=", ".join(sorted(outcome.unknown_profiles)))
        self._say(text)
        self.refresh_tags()
        self.cost_changed()

    def _problem(self, exc: BaseException) -> None:
        if isinstance(exc, ConfigError):
            self._say(str(exc))
        else:
            self._report(exc)
