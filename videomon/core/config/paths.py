"""Where videomon keeps its files: platformdirs locations, or all under $VIDEOMON_HOME."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "videomon"


@dataclass(frozen=True, slots=True)
class AppPaths:
    config_dir: Path
    data_dir: Path
    log_dir: Path
    cache_dir: Path
    #: True when everything lives under one folder ($VIDEOMON_HOME, a demo's temp dir)
    under_home: bool = False

    @property
    def config_file(self) -> Path:
        return self.config_dir / "config.json"

    @property
    def formats_dir(self) -> Path:
        """The user's own response formats, a TOML file each."""
        return self.config_dir / "formats"

    @classmethod
    def under(cls, home: Path) -> AppPaths:
        """Every file under one folder."""
        root = home.expanduser()
        return cls(root / "config", root / "data", root / "logs", root / "cache", True)

    @classmethod
    def from_environment(cls, environ: dict[str, str] | None = None) -> AppPaths:
        """`VIDEOMON_HOME` puts every file under one folder; else the platform's dirs."""
        env = os.environ if environ is None else environ
        home = env.get("VIDEOMON_HOME", "").strip()
        if home:
            return cls.under(Path(home))
        return cls(
            Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
            Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
            Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)),
            Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)),
        )
