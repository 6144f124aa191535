"""Whole lists read off the window's thread: a million refs in a new order or filter take
0.3–4 s of SQL, and the window must go on painting and polling meanwhile.

One worker thread; each request names its query, and the result comes back on the
window's thread as `ready(query, refs, top)` (a queued signal: the worker touches no
widget and no model). A result for a query no longer wanted is the caller's to drop.
"""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

from videomon.core.tracking.listing import Query
from videomon.ui.table.rows import RowWindow

log = logging.getLogger(__name__)


class ListReader(QObject):
    #: (query, refs or None when the read failed, the highest stored ref then)
    ready = Signal(object, object, int)

    def __init__(self, rows: RowWindow, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows = rows
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="videomon-rows")
        self._relay = _Relay()
        self._relay.done.connect(self.ready, Qt.ConnectionType.QueuedConnection)
        self._closed = False

    def read(self, query: Query) -> None:
        """Read the whole list of `query`; `ready` follows (not once closed)."""
        if not self._closed:
            self._pool.submit(self._read, query)

    def _read(self, query: Query) -> None:  # (the worker thread)
        try:
            refs, top = self._rows.read(query)
        except Exception:  # a closed store at shutdown, a broken file: the list stays
            if not self._closed:
                log.exception("reading the rows of %s failed", query)
            self._relay.done.emit(query, None, 0)
            return
        self._relay.done.emit(query, refs, top)

    def close(self) -> None:
        """No more reads (before the store closes: a read under way then ends quietly)."""
        self._closed = True
        self._pool.shutdown(wait=False, cancel_futures=True)


class _Relay(QObject):
    """Emitted from the worker; delivered queued on the thread that owns the reader."""

    done = Signal(object, object, int)
