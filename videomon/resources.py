"""Files shipped beside the code (the top-level `resources/` folder)."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    """`resources/` of a source checkout or editable install, or of a frozen build."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def sample_video() -> Path:
    """A 2 s, 320x240 H.264 MP4 (12.7 KB) used by the simulated relay and tests."""
    return resources_dir() / "sample.mp4"


def sample_picture(index: int) -> Path:
    """One of eight 320x180 JPEG pictures (one per simulated prompt) the simulated relay
    serves as OpenAI's thumbnail variant."""
    return resources_dir() / "pictures" / f"{index % 8}.jpg"


def app_icon_svg() -> Path:
    """The app icon, drawn as SVG (PNG, ICO and ICNS are rendered from it at build time)."""
    return resources_dir() / "videomon.svg"


def action_icon_svg(name: str) -> Path:
    """A toolbar icon drawn for videomon (used when the desktop's icon theme lacks one)."""
    return resources_dir() / "icons" / f"{name}.svg"
