"""Settings → Formats: the response formats, one editable as a TOML definition, with a
sample answer and a live preview of what videomon reads from it.

The page does no I/O: saving, importing, exporting, deleting and testing against the
real provider go out as signals (the settings flow carries them out through `Commands`).
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from videomon.core.domain.snapshot import Snapshot
from videomon.core.providers.formats.catalog import FormatCatalog
from videomon.core.providers.formats.list_reader import Page
from videomon.core.providers.formats.spec import Format
from videomon.ui import wording

NEW_FORMAT = """name = "myrelay"
summary = "My relay"
auth = "bearer"
query = "{base}/v1/videos/{id}"

[fields]
state = ["status"]
progress = ["progress"]
video_urls = ["video_url", "data.videos[0].url"]
error = ["error.message"]

[states]
# the provider's own words, if the usual ones are not enough
# WAITING = "queued"
"""
SAMPLE = """{"status": "processing", "progress": 42}"""
#: the tasks of a sample list page the preview names
PAGE_SHOWN = 5


class FormatEditor(QWidget):
    """Lists the formats; edits the user's own. `formats` is refreshed by `reload()`."""

    saveRequested = Signal(object)           # Format
    testRequested = Signal(object, str, str, str)  # Format, base URL, key, task ID
    importRequested = Signal(str)            # a file path
    exportRequested = Signal(object, str)    # Format, a file path
    removeRequested = Signal(str)            # a format name

    def __init__(self, catalog: FormatCatalog, parent: Any = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        buttons = self._list_buttons()
        self._editors()
        test_form = self._test_form()
        layout = QVBoxLayout(self)
        layout.addWidget(self._panes(test_form), 1)
        layout.addLayout(buttons)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)  # as the user types: once the keys settle
        self._timer.timeout.connect(self.update_preview)
        self._format: Format | None = None
        self.reload()

    # -- building ---------------------------------------------------------------------------
    def _list_buttons(self) -> QHBoxLayout:
        """The list of formats and the buttons under it."""
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Formats"))
        self.list.currentItemChanged.connect(self._show)
        new = self.new_button = QPushButton(self.tr("New"))
        new.clicked.connect(lambda: self.new_format())
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.setToolTip(self.tr("A new format of your own, starting from this one"))
        self.copy_button.clicked.connect(self._copy)
        import_button = QPushButton(self.tr("Import…"))
        import_button.clicked.connect(self._import)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.clicked.connect(self._export)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.clicked.connect(
            lambda: self.removeRequested.emit(self._current_name()))
        buttons = QHBoxLayout()
        for button in (new, self.copy_button, import_button, self.export_button,
                       self.delete_button):
            buttons.addWidget(button)
        return buttons

    def _editors(self) -> None:
        """The definition, the sample answer and the live reading of it."""
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.definition = QPlainTextEdit()
        self.definition.setFont(mono)
        self.definition.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.definition.setAccessibleName(self.tr("Format definition (TOML)"))
        self.definition.textChanged.connect(self._changed)
        self.sample = QPlainTextEdit(SAMPLE)
        self.sample.setFont(mono)
        self.sample.setAccessibleName(self.tr("Sample answer (JSON)"))
        self.sample.setPlaceholderText(self.tr("Paste an answer of the provider's query "
                                               "endpoint here"))
        self.sample.textChanged.connect(self._changed)
        self.preview = QLabel()
        self.preview.setWordWrap(True)
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview.setAccessibleName(self.tr("What videomon reads"))
        self.preview.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.save_button = QPushButton(self.tr("Save format"))
        self.save_button.clicked.connect(self._save)

    def _test_form(self) -> QFormLayout:
        """Trying a format being edited against the real provider."""
        self.test_base = QLineEdit()
        self.test_base.setPlaceholderText("https://relay.example")
        self.test_key = QLineEdit()
        self.test_key.setEchoMode(QLineEdit.EchoMode.Password)
        self.test_key.setPlaceholderText(self.tr("API key (used for this test only)"))
        self.test_id = QLineEdit()
        self.test_id.setPlaceholderText(self.tr("a task ID this provider knows"))
        test = self.test_button = QPushButton(self.tr("Test with a task ID"))
        test.clicked.connect(self._test)
        self.test_result = QLabel()
        self.test_result.setWordWrap(True)
        test_form = QFormLayout()
        test_form.addRow(self.tr("Base URL:"), self.test_base)
        test_form.addRow(self.tr("API key:"), self.test_key)
        test_form.addRow(self.tr("Task ID:"), self.test_id)
        test_form.addRow(test, self.test_result)
        return test_form

    def _panes(self, test_form: QFormLayout) -> QSplitter:
        """List | definition | sample, reading and test, side by side."""
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left_box = QWidget()
        left_box.setLayout(left)
        editor = QVBoxLayout()
        editor.addWidget(QLabel(self.tr("Definition (TOML):")))
        editor.addWidget(self.definition, 3)
        editor.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)
        editor_box = QWidget()
        editor_box.setLayout(editor)
        tryout = QVBoxLayout()
        tryout.addWidget(QLabel(self.tr("Sample answer (JSON):")))
        tryout.addWidget(self.sample, 2)
        tryout.addWidget(QLabel(self.tr("What videomon reads:")))
        tryout.addWidget(self.preview, 2)
        tryout.addLayout(test_form)
        tryout_box = QWidget()
        tryout_box.setLayout(tryout)
        splitter = QSplitter()
        for box in (left_box, editor_box, tryout_box):
            splitter.addWidget(box)
        splitter.setSizes([150, 330, 330])
        return splitter

    # -- the list -------------------------------------------------------------------------
    def reload(self, select: str | None = None) -> None:
        """The formats as they are now (after a save, an import or a delete)."""
        current = select or self._current_name()
        self.list.blockSignals(True)
        self.list.clear()
        for entry in self.catalog.entries():
            name = entry.name
            label = name if not entry.builtin else self.tr("{name} (built in)").format(
                name=name)
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.list.addItem(item)
            if name == current:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        if self.list.currentItem() is None:
            self.list.setCurrentRow(0)
        self._show(self.list.currentItem())

    def _current_name(self) -> str:
        item = self.list.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else ""

    def _show(self, item: QListWidgetItem | None, *_: Any) -> None:
        name = str(item.data(Qt.ItemDataRole.UserRole)) if item else ""
        entry = self.catalog.entry(name)
        builtin = entry is not None and entry.builtin
        definition = entry.definition if entry is not None else None
        if definition is not None:
            self.definition.setPlainText(definition)
        elif entry is not None:
            self.definition.setPlainText(self.tr(
                "# {name} is built into videomon as code (Google's long-running "
                "operations), not as a data format.").format(name=name))
        self.definition.setReadOnly(builtin)
        self.save_button.setEnabled(not builtin)
        self.delete_button.setEnabled(bool(name) and not builtin)
        self.copy_button.setEnabled(definition is not None)
        self.export_button.setEnabled(definition is not None)
        self.update_preview()

    def new_format(self, text: str = NEW_FORMAT) -> None:
        self.list.clearSelection()
        self.list.setCurrentItem(None)  # type: ignore[arg-type]
        self.definition.setReadOnly(False)
        self.definition.setPlainText(text)
        self.save_button.setEnabled(True)
        self.delete_button.setEnabled(False)
        self.definition.setFocus()

    def _copy(self) -> None:
        text = self.catalog.copy_definition(self._current_name())
        if text is not None:
            self.new_format(text)

    # -- the preview ----------------------------------------------------------------------
    def _changed(self) -> None:
        self._timer.start()

    def update_preview(self) -> None:
        """Read the sample with the definition as typed; say what comes out, or what is
        wrong (naming the key at fault)."""
        reading = self.catalog.read(self.definition.toPlainText(),
                                    self.sample.toPlainText())
        self._format = reading.format
        if (exc := reading.definition_problem) is not None:
            where = self.tr("In “{field}”: ").format(field=exc.field) \
                if exc.field and not str(exc).startswith(exc.field) else ""
            self._say_problem(self.tr("The definition cannot be used. {where}{what}").format(
                where=where, what=str(exc)))
        elif reading.sample_problem is not None:
            self._say_problem(self.tr("The sample is not valid JSON: {error}").format(
                error=reading.sample_problem))
        elif (problem := reading.problem) is not None:
            self._say_problem(wording.problem_text(problem.kind.value, problem.message))
        elif reading.snapshot is not None:
            self.show_reading(reading.snapshot)
        elif reading.page is not None:
            self.show_page(reading.page)
        else:
            self.preview.setStyleSheet("")
            self.preview.setText(self.tr("Paste a sample answer to see what videomon reads."))

    def show_page(self, page: Page) -> None:
        """A sample list answer: the tasks it names (and their states) and the next page."""
        lines = [self.tr("A page of the list: %n task(s)", "", len(page.items))]
        for item in page.items[:PAGE_SHOWN]:
            state = wording.state_word(item.snapshot.state) if item.snapshot else ""
            lines.append(f"• {item.task_id}" + (f" — {state}" if state else ""))
        if len(page.items) > PAGE_SHOWN:
            lines.append("…")
        lines.append(self.tr("Next page: {at}").format(at=page.next) if page.next
                     else self.tr("The last page"))
        self.preview.setStyleSheet("")
        self.preview.setText("\n".join(lines))

    def _about(self, snapshot: Snapshot) -> list[str]:
        """What the answer says the video is (the format's prompt, size… fields)."""
        said = [(self.tr("Prompt: {text}"), snapshot.prompt),
                (self.tr("Size: {text}"), snapshot.size),
                (self.tr("Length: {text} s"), _number(snapshot.duration)),
                (self.tr("Seed: {text}"), snapshot.seed),
                (self.tr("Cost: {text}"), None if snapshot.cost is None else
                 f"{_number(snapshot.cost)} {snapshot.cost_unit or ''}".rstrip()),
                (self.tr("Picture: {text}"), snapshot.thumbnail_url)]
        return [words.format(text=value) for words, value in said if value is not None]

    def show_reading(self, snapshot: Snapshot) -> None:
        lines = [self.tr("State: {state}").format(state=wording.state_word(snapshot.state))]
        if snapshot.progress is not None:
            lines.append(self.tr("Progress: {n}%").format(n=f"{snapshot.progress:g}"))
        for url in snapshot.video_urls:
            lines.append(self.tr("Video: {url}").format(url=url))
        if snapshot.error:
            lines.append(self.tr("Error: {error}").format(error=snapshot.error))
        lines += self._about(snapshot)
        if self._format is not None:
            second, problem = self.catalog.follow_up(self._format, snapshot)
            if problem:
                lines.append(problem)
            if second:
                lines.append(self.tr("Then asks for the video at: {url}").format(url=second))
        self.preview.setStyleSheet("")
        self.preview.setText("\n".join(lines))

    def _say_problem(self, text: str) -> None:
        self.preview.setStyleSheet("color: palette(link-visited);")
        self.preview.setText("✘ " + text)

    # -- actions --------------------------------------------------------------------------
    def _save(self) -> None:
        self.update_preview()
        if self._format is not None:
            self.saveRequested.emit(self._format)

    def _test(self) -> None:
        self.update_preview()
        if self._format is None:
            return
        self.test_result.setText(self.tr("Asking the provider…"))
        self.testRequested.emit(self._format, self.test_base.text().strip(),
                                self.test_key.text().strip(), self.test_id.text().strip())

    def show_test(self, body: Any, snapshot: Snapshot | None, problem: str | None) -> None:
        """The provider's real answer: into the sample box, and what it reads as."""
        if body is not None:
            self.sample.setPlainText(json.dumps(body, ensure_ascii=False, indent=2))
        if snapshot is not None:
            self.test_result.setText(self.tr("✔ The provider answered; see the reading."))
            self._timer.stop()
            self.show_reading(snapshot)
        else:
            self.test_result.setText("✘ " + (problem or ""))

    def _import(self) -> None:
        dialog = QFileDialog(self, self.tr("Import a format"), "",
                             self.tr("Format files (*.toml *.json)"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(self.importRequested)
        dialog.open()

    def _export(self) -> None:
        entry = self.catalog.entry(self._current_name())
        if entry is None or entry.format is None:
            return
        fmt = entry.format
        dialog = QFileDialog(self, self.tr("Export the format"), f"{entry.name}.toml",
                             self.tr("Format files (*.toml)"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.fileSelected.connect(lambda path: self.exportRequested.emit(fmt, path))
        dialog.open()

    def say(self, text: str) -> None:
        """A result from the flow (saved, imported, refused …) under the preview."""
        self.test_result.setText(text)


def _number(value: float | None) -> str | None:
    return None if value is None else f"{value:g}"
