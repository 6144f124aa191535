"""Shared fixtures: an isolated VIDEOMON_HOME, an in-memory keyring, local HTTP servers."""

from __future__ import annotations

import asyncio
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import keyring.errors
import pytest

from tests.httpserver import ScriptedServer
from videomon.core.domain.snapshot import ABOUT

FIXTURES = Path(__file__).parent / "fixtures"
SCREENS = FIXTURES / "screens"  # offscreen screens of real sizes (Qt's default is 800×800)
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={SCREENS / '1280x800.json'}"
os.environ.setdefault("QT_API", "pyside6")  # qasync must pick PySide6
# the window's language comes from the system: tests read English whatever this machine uses
os.environ["LANGUAGE"] = "en"
os.environ["LC_ALL"] = os.environ["LANG"] = "C.UTF-8"


class MemoryKeyring:
    """A keyring backend that forgets everything when the test ends.

    Deliberately not a `keyring.backend.KeyringBackend` subclass: subclasses register
    themselves with keyring and would join the default (chained) backend.
    """

    def __init__(self) -> None:
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if (service, username) not in self.items:
            raise keyring.errors.PasswordDeleteError("not found")
        del self.items[(service, username)]


@pytest.fixture
def memory_keyring() -> MemoryKeyring:
    return MemoryKeyring()


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test writes under its own VIDEOMON_HOME; no stray VIDEOMON_API_KEY."""
    home = tmp_path / "vm-home"
    monkeypatch.setenv("VIDEOMON_HOME", str(home))
    for name in list(os.environ):
        if name.startswith("VIDEOMON_API_KEY"):
            monkeypatch.delenv(name)
    return home


@pytest.fixture
def server() -> Iterator[ScriptedServer]:
    with ScriptedServer() as srv:
        yield srv


def load_fixtures() -> list[dict]:
    found = []
    for path in sorted((FIXTURES / "responses").glob("*/*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        data["name"] = f"{path.parent.name}/{path.stem}"
        if "expected" in data:  # what the video is: null where the fixture does not say
            data["expected"] = {**data["expected"],
                                **{k: data["expected"].get(k) for k in ABOUT},
                                "status_known": data["expected"].get("status_known", True),
                                "link_problem": data["expected"].get("link_problem")}
        found.append(data)
    return found


@pytest.fixture
def loop(qapp: Any) -> Iterator[Any]:
    """One qasync loop per test driving Qt and asyncio; errors raised inside it are
    collected and re-raised at teardown (pytest-qt's waits do not drive asyncio)."""
    from videomon.ui.runtime.event_loop import EventLoop

    event_loop = EventLoop(qapp)
    asyncio.set_event_loop(event_loop)
    errors: list[BaseException] = []

    def handler(_loop: Any, context: dict[str, Any]) -> None:
        errors.append(context.get("exception") or RuntimeError(context.get("message")))

    event_loop.set_exception_handler(handler)
    yield event_loop
    leftovers = [t for t in asyncio.all_tasks(event_loop) if not t.done()]
    for task in leftovers:
        task.cancel()
    if leftovers:
        event_loop.run_until_complete(asyncio.wait(leftovers, timeout=5))
    event_loop.close()
    asyncio.set_event_loop(None)
    if errors:
        raise errors[0]
