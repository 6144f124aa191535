"""Render the SVG app icon to PNGs (hicolor sizes), an .ico and an .icns.

    python packaging/make_icons.py OUTDIR

writes OUTDIR/hicolor/<n>x<n>/apps/<APP_ID>.png, OUTDIR/hicolor/scalable/apps/<APP_ID>.svg,
OUTDIR/videomon.ico and OUTDIR/videomon.icns (Qt's image plugins; no other tools needed).
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QImageWriter, QPainter
from PySide6.QtSvg import QSvgRenderer

from videomon import APP_ID
from videomon.resources import app_icon_svg

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def main(out: Path) -> int:
    QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(app_icon_svg()))
    if not renderer.isValid():
        print(f"make_icons: cannot read {app_icon_svg()}", file=sys.stderr)
        return 1
    for size in SIZES:
        folder = out / "hicolor" / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True, exist_ok=True)
        if not render(renderer, size).save(str(folder / f"{APP_ID}.png")):
            print(f"make_icons: could not write the {size} px PNG", file=sys.stderr)
            return 1
    scalable = out / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(app_icon_svg(), scalable / f"{APP_ID}.svg")
    for name, fmt, size in (("videomon.ico", b"ico", 256), ("videomon.icns", b"icns", 512)):
        writer = QImageWriter(str(out / name), fmt)
        if not writer.write(render(renderer, size)):
            print(f"make_icons: {name}: {writer.errorString()}", file=sys.stderr)
            return 1
    print(f"icons written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
