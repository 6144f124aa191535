"""Fixtures of the window's tests (the qasync `loop` is in tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from videomon.simulator.demo import RelayThread


@pytest.fixture
def relay() -> Iterator[RelayThread]:
    """A simulated relay that makes up any task it is asked about, 4x real time."""
    with RelayThread(speed=4.0, seed=7) as running:
        yield running
