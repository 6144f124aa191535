"""User settings kept in the config file beside the profiles."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

import platformdirs

from videomon.core.config.paths import AppPaths

#: how downloaded videos are named (fields: {date} {time} {model} {task_id} {profile}
#: {label} {index}); the downloader falls back to it when a template cannot be used
DEFAULT_TEMPLATE = "{date}_{model}_{task_id}.mp4"
TEMPLATE_FIELDS = ("date", "time", "model", "task_id", "profile", "label", "index")


def default_download_dir(paths: AppPaths) -> Path:
    if paths.under_home:
        return paths.data_dir.parent / "downloads"
    return Path(platformdirs.user_videos_dir()) / "videomon"


def demo_download_dir(paths: AppPaths) -> Path:
    """The demo's videos ("Try the demo"), kept apart from the user's own."""
    return paths.data_dir / "demo-videos"


@dataclass(frozen=True, slots=True)
class Settings:
    download_dir: str = ""
    auto_download: bool = True
    file_template: str = DEFAULT_TEMPLATE
    notifications: bool = True
    #: notify only while the window is not the one in front (or is minimized)
    notify_unfocused_only: bool = False
    download_concurrency: int = 2
    appearance: str = "system"  # system | light | dark
    language: str = "system"  # system | en | zh_CN (read at start)
    #: closing the window while tasks are tracked hides it to the tray (where there is one)
    close_to_tray: bool = True
    #: where it cannot hide: closing while tasks are tracked asks before quitting
    confirm_quit: bool = True
    #: the user's currency (e.g. USD) and the price table (`tracking.costs.Price` as
    #: data: provider, model, per task|second|unit, price)
    currency: str = ""
    prices: list[dict[str, Any]] = field(default_factory=list)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Settings:
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    def resolved_download_dir(self, paths: AppPaths) -> Path:
        if self.download_dir:
            return Path(self.download_dir).expanduser()
        return default_download_dir(paths)
