"""Regression guard: PySide6 6.12.0 on Python < 3.12 drops a reference to None on every
void Qt call and eventually aborts the interpreter (see ../shared/FACTS.md). The
dependency markers exclude it; this test fails if a bump ever brings it back."""

from __future__ import annotations

import sys

import pytest


def test_void_qt_calls_keep_none_refcount() -> None:
    qtcore = pytest.importorskip("PySide6.QtCore")
    obj = qtcore.QObject()
    if sys.version_info >= (3, 12):
        pytest.skip("None is immortal on Python 3.12+; the bug cannot show")
    before = sys.getrefcount(None)
    for _ in range(1000):
        obj.setObjectName("x")
    after = sys.getrefcount(None)
    assert abs(after - before) < 50, (
        f"PySide6 {qtcore.qVersion()} leaks references to None ({after - before} per 1000 "
        "calls): this build crashes the interpreter; pin another version in pyproject.toml")


def test_installed_pyside_is_not_the_broken_build() -> None:
    import PySide6

    if sys.version_info < (3, 12):
        assert PySide6.__version__ != "6.12.0"
