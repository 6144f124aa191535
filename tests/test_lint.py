"""The tree stays `ruff` clean (the linter is part of the test extra)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent


def test_ruff_clean() -> None:
    ruff = Path(sys.executable).with_name("ruff")
    if not ruff.exists():
        found = shutil.which("ruff")
        if found is None:
            pytest.skip("ruff is not installed")
        ruff = Path(found)
    result = subprocess.run([str(ruff), "check", "videomon", "tests"], cwd=ROOT,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_core_has_no_qt_imports() -> None:
    """The core layer stays Qt-free (architecture rule)."""
    offenders = [str(p.relative_to(ROOT)) for p in (ROOT / "videomon" / "core").rglob("*.py")
                 if "PySide6" in p.read_text(encoding="utf-8")
                 or "qasync" in p.read_text(encoding="utf-8")]
    assert offenders == []
