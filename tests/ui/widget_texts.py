"""What a person sees of a widget tree: every visible text (labels, buttons, tabs, combo
items, placeholders, tooltips, actions, table headers), and texts cut off by their widget."""

from __future__ import annotations

import re
from collections.abc import Iterator

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QToolBar,
    QWidget,
)

_TAGS = re.compile(r"<[^>]+>")


def plain(text: str) -> str:
    """Rich text without its tags and entities."""
    if "<" not in text and "&" not in text:
        return text
    doc = QTextDocument()
    doc.setHtml(text)
    return doc.toPlainText()


def visible_widgets(root: QWidget) -> Iterator[QWidget]:
    yield root
    for child in root.findChildren(QWidget):
        if child.isVisibleTo(root) and child.window() is root.window():
            yield child


def texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every piece of text `root` shows while it is as it is now."""
    if root.isWindow():
        yield "window title", root.windowTitle()
    for widget in visible_widgets(root):
        kind = type(widget).__name__
        if widget.toolTip():
            yield f"{kind} tooltip", plain(widget.toolTip())
        if widget.accessibleName():
            yield f"{kind} accessible name", widget.accessibleName()
        if isinstance(widget, QLabel):
            yield kind, plain(widget.text())
        elif isinstance(widget, QAbstractButton):
            yield kind, widget.text()
        elif isinstance(widget, QComboBox):
            for i in range(widget.count()):
                yield "combo item", widget.itemText(i)
        elif isinstance(widget, QLineEdit | QPlainTextEdit):
            yield f"{kind} placeholder", widget.placeholderText()
        elif isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                yield "tab", widget.tabText(i)
        elif isinstance(widget, QTableView) and widget.model() is not None:
            model = widget.model()
            for column in range(model.columnCount(QModelIndex())):
                yield "header", str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        for action in QWidget.actions(widget):
            yield "action", action.text()
            yield "action tooltip", action.toolTip()


def actions_texts(window: QWidget) -> Iterator[tuple[str, str]]:
    for action in window.findChildren(QAction):
        yield "action", action.text()
        yield "action tooltip", action.toolTip()


def clipped(root: QWidget) -> list[str]:
    """Visible texts that do not fit their widget (labels that do not wrap, buttons,
    check boxes, tabs, toolbars that hide actions behind their overflow arrow)."""
    found = []
    for widget in visible_widgets(root):
        if isinstance(widget, QLabel) and widget.text() and not widget.wordWrap() \
                and widget.pixmap().isNull():
            text = plain(widget.text())
            need = max((widget.fontMetrics().horizontalAdvance(line)
                        for line in text.splitlines()), default=0)
            if need > widget.contentsRect().width() + 1:
                found.append(f"label {text!r}: {need} > {widget.contentsRect().width()} px")
        elif isinstance(widget, QLabel) and widget.text() and widget.wordWrap():
            need = widget.heightForWidth(widget.width())
            if need > widget.height() + 1:
                found.append(f"wrapped label {plain(widget.text())!r}: {need} > "
                             f"{widget.height()} px high")
        elif isinstance(widget, QPushButton) and widget.text():
            need = widget.fontMetrics().horizontalAdvance(widget.text().replace("&", "")) + 8
            if widget.width() < need:
                found.append(f"button {widget.text()!r}: {widget.width()} < {need} px")
        elif isinstance(widget, QCheckBox) and widget.text():
            if widget.width() < widget.sizeHint().width():
                found.append(f"{type(widget).__name__} {widget.text()!r}: {widget.width()} < "
                             f"{widget.sizeHint().width()} px")
        elif isinstance(widget, QTabWidget):
            bar = widget.tabBar()
            for i in range(bar.count()):
                if bar.tabRect(i).width() < bar.tabSizeHint(i).width():
                    found.append(f"tab {bar.tabText(i)!r}")
        elif isinstance(widget, QToolBar):
            arrow = widget.findChild(QWidget, "qt_toolbar_ext_button")
            if arrow is not None and arrow.isVisible():
                found.append(f"toolbar {widget.windowTitle()!r} hides actions")
    return found
