"""The desktop entry, AppStream metainfo and icons: valid by the freedesktop tools, and a
per-user install that `--uninstall` removes whole."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

from videomon import APP_ID

ROOT = Path(__file__).resolve().parents[1]
LINUX = ROOT / "packaging" / "linux"


def _tool(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, check=False)


def test_desktop_file_is_valid_without_a_word_of_complaint() -> None:
    # desktop-file-validate exits 0 on some errors: any output counts as a failure
    result = _tool("desktop-file-validate", str(LINUX / f"{APP_ID}.desktop"))
    assert result.returncode == 0 and not (result.stdout + result.stderr).strip(), \
        result.stdout + result.stderr
    text = (LINUX / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    assert f"Icon={APP_ID}\n" in text and "StartupWMClass=videomon\n" in text
    assert "Categories=AudioVideo;Video;\n" in text
    # the window speaks Simplified Chinese: so do the launcher's name, generic name and comment
    keys = dict(line.split("=", 1) for line in text.splitlines() if "=" in line)
    assert keys["Name[zh_CN]"] == "videomon"
    for key in ("GenericName", "Comment", "Keywords"):
        assert keys[f"{key}[zh_CN]"].strip() not in ("", keys[key]), key
    assert "任务" in keys["Comment[zh_CN]"] and "视频" in keys["Comment[zh_CN]"]


def test_metainfo_is_valid() -> None:
    result = _tool("appstreamcli", "validate", "--no-net", str(LINUX / f"{APP_ID}.metainfo.xml"))
    assert result.returncode == 0, result.stdout + result.stderr
    text = (LINUX / f"{APP_ID}.metainfo.xml").read_text(encoding="utf-8")
    assert f"<id>{APP_ID}</id>" in text and f"{APP_ID}.desktop</launchable>" in text
    root = ElementTree.fromstring(text)
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    zh = {e.tag: (e.text or "").strip() for e in root if e.get(lang) == "zh_CN"}
    assert zh.get("name") == "videomon", zh
    assert "任务" in zh.get("summary", "") and "视频" in zh["summary"], zh


def test_icons_render_to_every_size_and_to_ico_and_icns(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, str(ROOT / "packaging" / "make_icons.py"),
                             str(tmp_path)], capture_output=True, text=True, cwd=ROOT,
                            env={**os.environ, "PYTHONPATH": str(ROOT)}, check=False)
    assert result.returncode == 0, result.stderr
    for size in (16, 32, 48, 64, 128, 256, 512):
        assert (tmp_path / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png").is_file()
    assert (tmp_path / "videomon.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"
    assert (tmp_path / "videomon.icns").read_bytes()[:4] == b"icns"


def test_user_install_and_uninstall(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path)}
    script = str(LINUX / "install-user.sh")
    done = subprocess.run(["bash", script], env=env, capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0, done.stderr
    desktop = tmp_path / "applications" / f"{APP_ID}.desktop"
    result = _tool("desktop-file-validate", str(desktop))
    assert not (result.stdout + result.stderr).strip(), result.stdout + result.stderr
    exec_line = next(line for line in desktop.read_text().splitlines()
                     if line.startswith("Exec="))
    launcher = exec_line.split("=", 1)[1].split()[0]
    assert os.access(launcher, os.X_OK), launcher  # the launcher it runs exists
    assert (tmp_path / "icons" / "hicolor" / "256x256" / "apps" / f"{APP_ID}.png").is_file()
    assert (tmp_path / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    gone = subprocess.run(["bash", script, "--uninstall"], env=env, capture_output=True,
                          text=True, check=False)
    assert gone.returncode == 0, gone.stderr
    assert [p for p in tmp_path.rglob(f"{APP_ID}*")] == []
