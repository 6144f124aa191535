"""A desktop with a real notification server for tests: Xvfb, a private session bus (no
service activation), `dunst` owning org.freedesktop.Notifications and `dbus-monitor`
recording each call to it. Nothing of the machine's own desktop or bus is touched."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

NEEDED = ("Xvfb", "dbus-daemon", "dbus-monitor", "dbus-send", "dunst", "dunstctl")

BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir={folder}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""

SHOT = """
import sys
from PySide6.QtGui import QGuiApplication
app = QGuiApplication(sys.argv)
ok = app.primaryScreen().grabWindow(0).save(sys.argv[1])
sys.exit(0 if ok else 1)
"""


def missing() -> list[str]:
    return [name for name in NEEDED if shutil.which(name) is None]


class NotificationDesktop:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.monitor_log = folder / "monitor.log"
        self._procs: list[subprocess.Popen[bytes]] = []
        self.display = ""
        self.address = ""
        self._log: Any = None

    def __enter__(self) -> NotificationDesktop:
        try:
            self._start()
        except BaseException:
            self.__exit__()
            raise
        return self

    def _start(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        read, write = os.pipe()
        self._spawn(["Xvfb", "-displayfd", str(write), "-screen", "0", "1024x768x24",
                     "-nolisten", "tcp"], pass_fds=(write,))
        os.close(write)
        with os.fdopen(read) as pipe:
            self.display = ":" + pipe.readline().strip()
        config = self.folder / "bus.conf"
        config.write_text(BUS_CONFIG.format(folder=self.folder), encoding="utf-8")
        bus = self._spawn(["dbus-daemon", f"--config-file={config}", "--nofork",
                           "--print-address=1"], stdout=subprocess.PIPE)
        assert bus.stdout is not None
        self.address = bus.stdout.readline().decode().strip()
        log = self.monitor_log.open("wb")
        self._spawn(["dbus-monitor", "--address", self.address,
                     "interface='org.freedesktop.Notifications'"], stdout=log)
        self._spawn(["dunst"], env=self.env(), stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL)
        self._log = log
        deadline = time.monotonic() + 15
        while not self._owned():
            if time.monotonic() > deadline:
                raise AssertionError("dunst did not take org.freedesktop.Notifications")
            time.sleep(0.1)

    def env(self) -> dict[str, str]:
        env = dict(os.environ, DISPLAY=self.display, DBUS_SESSION_BUS_ADDRESS=self.address)
        env.pop("QT_QPA_PLATFORM", None)
        return env

    def _spawn(self, args: list[str], **kwargs: object) -> subprocess.Popen[bytes]:
        proc = subprocess.Popen(args, **kwargs)  # type: ignore[call-overload]
        self._procs.append(proc)
        return proc

    def _owned(self) -> bool:
        answer = subprocess.run(
            ["dbus-send", f"--bus={self.address}", "--print-reply",
             "--dest=org.freedesktop.DBus", "/org/freedesktop/DBus",
             "org.freedesktop.DBus.NameHasOwner", "string:org.freedesktop.Notifications"],
            capture_output=True, text=True, check=False)
        return "boolean true" in answer.stdout

    def notify_calls(self) -> list[str]:
        """Each recorded `Notify` call, as dbus-monitor printed it."""
        text = self.monitor_log.read_text(encoding="utf-8", errors="replace")
        parts = text.split("method call ")
        return [p for p in parts if "member=Notify" in p.split("\n", 1)[0]]

    def click(self) -> None:
        """What a click on the newest notification does: its default action."""
        subprocess.run(["dunstctl", "action", "0"], env=self.env(), check=True, timeout=10)

    def screenshot(self, target: Path) -> None:
        env = dict(self.env(), QT_QPA_PLATFORM="xcb")
        subprocess.run([sys.executable, "-c", SHOT, str(target)], env=env, check=True,
                       timeout=30)

    def __exit__(self, *_: object) -> None:
        if self._log is not None:
            self._log.close()
        for proc in reversed(self._procs):
            proc.terminate()
        for proc in self._procs:
            try:
                proc.wait(5)
            except subprocess.TimeoutExpired:
                proc.kill()
