"""The double-click bundle and the Debian package, built from this checkout by the one
command README gives (`bash packaging/build.sh`, ~2 min), then the bundle's self-test
offscreen and under Xvfb. Marked `bundle`: `bash tests/run.sh -m "not bundle"` skips it."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.test_self_test import _check
from videomon import APP_ID, __version__

ROOT = Path(__file__).resolve().parents[1]
BUNDLE = ROOT / "dist" / "videomon" / "videomon"

pytestmark = [pytest.mark.bundle, pytest.mark.timeout(1500)]  # the build is in the fixture


@pytest.fixture(scope="module")
def built() -> Path:
    result = subprocess.run(["bash", str(ROOT / "packaging" / "build.sh")], cwd=ROOT,
                            capture_output=True, text=True, timeout=1200, check=False)
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    (deb,) = (ROOT / "dist").glob(f"videomon_{__version__}_*.deb")
    return deb


def test_bundle_self_test_offscreen(built: Path) -> None:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    _check(subprocess.run([str(BUNDLE), "--self-test"], env=env, capture_output=True,
                          text=True, timeout=120, check=False))


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="xvfb-run is not installed")
def test_bundle_self_test_under_xvfb(built: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    _check(subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1280x800x24", str(BUNDLE),
                           "--self-test"], env=env, capture_output=True, text=True,
                          timeout=120, check=False))


def test_package_holds_launcher_desktop_entry_metainfo_and_icons(built: Path) -> None:
    listing = subprocess.run(["dpkg-deb", "--contents", str(built)], capture_output=True,
                             text=True, check=True).stdout
    for path in ("./usr/bin/videomon -> /opt/videomon/videomon", "./opt/videomon/videomon",
                 f"./usr/share/applications/{APP_ID}.desktop",
                 f"./usr/share/metainfo/{APP_ID}.metainfo.xml",
                 f"./usr/share/icons/hicolor/256x256/apps/{APP_ID}.png",
                 "./usr/share/doc/videomon/copyright"):
        assert path in listing, path
    info = subprocess.run(["dpkg-deb", "--field", str(built), "Package", "Version"],
                          capture_output=True, text=True, check=True).stdout
    assert "Package: videomon" in info and f"Version: {__version__}" in info
