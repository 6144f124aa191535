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


def _imports(path: Path) -> set[str]:
    """The modules a file imports (absolute names)."""
    import ast

    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
    return found


def _offenders(folder: str, forbidden: tuple[str, ...]) -> list[str]:
    return sorted(f"{p.relative_to(ROOT)}: {name}"
                  for p in (ROOT / "videomon" / folder).rglob("*.py")
                  for name in _imports(p)
                  if any(name == f or name.startswith(f + ".") for f in forbidden))


def test_layers_point_down() -> None:
    """core imports no Qt, ui, app or cli; the window reaches the engine only through
    `Commands` (never the store, the scheduler, the engine module, the dialect registry,
    the format reader or the HTTP layer)."""
    assert _offenders("core", ("PySide6", "qasync", "videomon.ui", "videomon.app",
                               "videomon.cli")) == []
    assert _offenders("ui", ("videomon.core.tracking.store", "videomon.core.tracking.scheduler",
                             "videomon.core.tracking.engine", "videomon.cli",
                             "videomon.app", "videomon.core.providers.dialects",
                             "videomon.core.providers.formats.reader",
                             "videomon.core.providers.http")) \
        == []
    window_code = "\n".join(p.read_text(encoding="utf-8")
                            for p in (ROOT / "videomon" / "ui").rglob("*.py"))
    assert "commands.engine" not in window_code and "commands.scheduler" not in window_code
    assert "commands._" not in window_code


def test_modules_stay_small() -> None:
    """No module over 400 lines: a file that grows past it is two things."""
    sizes = {str(p.relative_to(ROOT)): len(p.read_text(encoding="utf-8").splitlines())
             for p in (ROOT / "videomon").rglob("*.py")}
    assert {name: n for name, n in sizes.items() if n > 400} == {}


#: which other rooms of videomon/ui each room may import (window/ may import them all)
UI_ROOMS = {
    "table": {"look", "runtime", "wording"},
    "preview": {"look", "runtime", "wording"},
    "adding": {"look", "runtime", "wording"},
    "settings": {"look", "runtime", "wording"},
    "library": {"table", "look", "runtime", "wording"},
    "desktop": {"adding", "table", "look", "runtime", "wording"},
    "look": set(),
    "runtime": set(),
}


def test_ui_rooms_keep_their_import_rules() -> None:
    """Each room of the window package imports only the rooms below it (no cycle; nothing
    reaches up into window/), as the rooms' package docstrings say."""
    ui = ROOT / "videomon" / "ui"
    rooms = {p.name for p in ui.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert rooms == set(UI_ROOMS) | {"window"}, "a new room needs its rule here"
    broken = []
    for room, allowed in UI_ROOMS.items():
        for path in (ui / room).rglob("*.py"):
            for name in _imports(path):
                if name.startswith("videomon.ui."):
                    target = name.split(".")[2]
                    if target != room and target not in allowed:
                        broken.append(f"{path.relative_to(ROOT)} imports {name}")
    assert broken == []
    loose = sorted(p.name for p in ui.glob("*.py") if p.stem not in ("__init__", "wording"))
    assert loose == [], "modules of ui/ belong in a room"


def test_functions_stay_short() -> None:
    """No function over 60 lines: a longer builder is named parts."""
    import ast

    long = []
    for path in (ROOT / "videomon").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                size = (node.end_lineno or node.lineno) - node.lineno + 1
                if size > 60:
                    long.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name} ({size})")
    assert long == []


_MUTATORS = {"append", "extend", "update", "pop", "popitem", "clear", "setdefault", "add",
             "discard", "remove", "insert"}


def _module_level_mutations(source: str) -> list[str]:
    """Where a function changes a module-level name's contents (or declares `global`)."""
    import ast

    tree = ast.parse(source)
    names: set[str] = set()
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else \
            [node.target] if isinstance(node, ast.AnnAssign) else []
        names |= {t.id for t in targets if isinstance(t, ast.Name)}
    found = []
    for func in ast.walk(tree):
        if not isinstance(func, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        params = {a.arg for a in func.args.args + func.args.kwonlyargs}
        for node in ast.walk(func):
            if isinstance(node, ast.Global):
                found.append(f"{node.lineno}: global {', '.join(node.names)}")
            target = None
            if isinstance(node, ast.Assign | ast.AugAssign | ast.Delete):
                for t in (node.targets if not isinstance(node, ast.AugAssign)
                          else [node.target]):
                    if isinstance(t, ast.Subscript) and isinstance(t.value, ast.Name):
                        target = t.value.id
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                    and node.func.attr in _MUTATORS and isinstance(node.func.value, ast.Name):
                target = node.func.value.id
            if target in names and target not in params:
                found.append(f"{node.lineno}: {target}")
    return found


def test_no_module_level_state_is_changed() -> None:
    """Module-level tables are constants: registries (the formats), caches and settings
    belong to objects the composition roots build and pass on."""
    assert _module_level_mutations("REG = {}\ndef use(x):\n    REG[x] = 1\n") == ["3: REG"]
    changed = [f"{path.relative_to(ROOT)}:{where}"
               for path in (ROOT / "videomon").rglob("*.py")
               for where in _module_level_mutations(path.read_text(encoding="utf-8"))]
    assert changed == []
