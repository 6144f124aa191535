"""Unexpected exceptions: logged to the rotating log and shown in a dialog with details,
never a silent death."""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from videomon.core.domain.errors import redact

log = logging.getLogger("videomon")


def setup_logging(log_dir: Path) -> Path:
    """A rotating log (1 MB × 3, user-only) under the app's log dir; returns its path."""
    log_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = log_dir / "videomon.log"
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3,
                                                   encoding="utf-8")
    os.chmod(path, 0o600)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(_Redacting())
    root = logging.getLogger()
    root.addHandler(handler)
    # qasync logs every worker thread's return value at DEBUG: the keyring's is the key
    logging.getLogger("qasync").setLevel(logging.INFO)
    # httpx logs every request at INFO: a poll every few seconds per task would push the
    # reports that matter out of the rotating log (VIDEOMON_LOG_LEVEL=DEBUG shows them)
    if os.environ.get("VIDEOMON_LOG_LEVEL", "").upper() != "DEBUG":
        logging.getLogger("httpx").setLevel(logging.WARNING)
    # VIDEOMON_LOG_LEVEL=DEBUG for a detailed log (keys are never logged at any level)
    level = logging.getLevelName(os.environ.get("VIDEOMON_LOG_LEVEL", "INFO").upper())
    root.setLevel(level if isinstance(level, int) else logging.INFO)
    return path


class _Redacting(logging.Filter):
    """Defence in depth: key-shaped text (``Bearer …``, ``sk-…``) never reaches the log."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True


class ErrorReporter:
    """Shows one dialog per distinct unexpected error (details folded away)."""

    def __init__(self, parent: QWidget | None, log_path: Path | None) -> None:
        self.parent = parent
        self.log_path = log_path
        self.shown: list[str] = []
        self._dialog: QMessageBox | None = None

    def report(self, exc: BaseException, context: str = "") -> None:
        # key-shaped text is removed from what is shown (and copied) as from the log
        details = redact("".join(traceback.format_exception(type(exc), exc,
                                                            exc.__traceback__)))
        log.error("unexpected error%s\n%s", f" ({context})" if context else "", details)
        summary = redact(f"{type(exc).__name__}: {exc}")
        self.shown.append(summary)
        if self._dialog is not None and self._dialog.isVisible():
            return  # one at a time; everything is in the log
        text = QCoreApplication.translate(
            "ErrorReporter", "Something went wrong. videomon keeps running; your tracked "
            "tasks are safe.\n\n{summary}").format(summary=summary)
        if self.log_path:
            text += QCoreApplication.translate(
                "ErrorReporter", "\n\nThe details are also in {path}.").format(
                path=self.log_path)
        title = QCoreApplication.translate("ErrorReporter", "videomon — unexpected error")
        dialog = QMessageBox(QMessageBox.Icon.Critical, title, text,
                             QMessageBox.StandardButton.Close, self.parent)
        dialog.setDetailedText(details)
        dialog.setModal(False)
        self._dialog = dialog
        dialog.open()

    def excepthook(self, kind: type[BaseException], exc: BaseException,
                   tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        self.report(exc.with_traceback(tb))

    def loop_handler(self, loop: Any, context: dict[str, Any]) -> None:
        exc = context.get("exception")
        if exc is None:
            log.warning("event loop: %s", context.get("message"))
            return
        self.report(exc, str(context.get("message") or ""))
