"""One window per data folder: a second launch hands its task IDs to the running window
(which comes to the front) and exits, instead of opening a second window on the same data.

The running window listens on a local socket named after its data folder; a launch
first tries to connect to it. A socket left by a killed window is removed and replaced.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)
CONNECT_MS = 500


def server_name(data_dir: Path) -> str:
    """A per-user, per-data-folder socket name."""
    digest = hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:16]
    return f"videomon-{digest}"


def hand_over(name: str, task_ids: Sequence[str]) -> bool:
    """Give `task_ids` to a running window and ask it to come forward; False when none runs."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(CONNECT_MS):
        return False
    socket.write(json.dumps({"ids": list(task_ids)}).encode() + b"\n")
    socket.flush()
    socket.waitForBytesWritten(CONNECT_MS)
    socket.waitForReadyRead(CONNECT_MS)  # the window says it got the message
    socket.disconnectFromServer()
    return True


class InstanceServer(QObject):
    """Listens for later launches; `on_launch(ids)` runs for each one."""

    def __init__(self, name: str, on_launch: Callable[[list[str]], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.on_launch = on_launch
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not self.server.listen(name):
            QLocalServer.removeServer(name)  # left behind by a window that was killed
            if not self.server.listen(name):
                log.warning("cannot listen for other launches (%s): %s", name,
                            self.server.errorString())
                return
        self.server.newConnection.connect(self._accept)
        log.info("listening for other launches on %s", name)

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._read(s))

    def _read(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            return
        line = bytes(socket.readLine().data())
        socket.write(b"ok\n")
        socket.flush()
        socket.disconnectFromServer()
        try:
            ids = [str(i) for i in json.loads(line).get("ids", [])]
        except (ValueError, AttributeError):
            ids = []
        self.on_launch(ids)

    def close(self) -> None:
        self.server.close()
