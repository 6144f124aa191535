"""The window's language: which one (setting, else the system's), and its translators.

videomon's own strings come from `resources/i18n/videomon_<lang>.qm` (built from the `.ts`
sources by `python -m videomon.ui.runtime.i18n build`, which bootstrap and the bundle build run);
Qt's own dialog strings from the `qtbase_<lang>.qm` that PySide6 ships. English has a
catalogue too: it holds only the plural forms ("1 task" / "2 tasks").
"""

from __future__ import annotations

import logging
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from videomon.resources import resources_dir

log = logging.getLogger(__name__)

#: setting value -> the name shown in Settings (each in its own language)
LANGUAGES = {"system": "", "en": "English", "zh_CN": "简体中文"}
CATALOGUES = ("en", "zh_CN")
QT_CATALOGUES = ("qtbase", "qtmultimedia")


def i18n_dir() -> Path:
    return resources_dir() / "i18n"


def system_language(ui_languages: Sequence[str] | None = None) -> str:
    """zh_CN when the system's first UI language is Chinese (any script), else English."""
    if ui_languages is None:
        ui_languages = QLocale.system().uiLanguages()
    for name in ui_languages:
        lang = name.replace("_", "-").split("-")[0].lower()
        if lang == "zh":
            return "zh_CN"
        if lang == "en":
            return "en"
        if lang not in ("c", "posix"):
            return "en"  # a language videomon does not speak yet
    return "en"


def resolve_language(setting: str, ui_languages: Sequence[str] | None = None) -> str:
    """The catalogue to load for a Settings value ("system", "en" or "zh_CN")."""
    return setting if setting in CATALOGUES else system_language(ui_languages)


def _lrelease() -> list[str]:
    exe = Path(sys.executable).with_name("pyside6-lrelease")
    if exe.exists():
        return [str(exe)]
    import PySide6

    return [str(Path(PySide6.__file__).parent / "lrelease")]


def build_catalogues(out_dir: Path | None = None, *, quiet: bool = True) -> list[Path]:
    """Compile every `.ts` into a `.qm` (next to it unless `out_dir` is given)."""
    built = []
    for ts in sorted(i18n_dir().glob("videomon_*.ts")):
        qm = (out_dir or ts.parent) / ts.with_suffix(".qm").name
        qm.parent.mkdir(parents=True, exist_ok=True)
        args = [*_lrelease(), *(["-silent"] if quiet else []), str(ts), "-qm", str(qm)]
        subprocess.run(args, check=True, stdout=subprocess.DEVNULL if quiet else None)
        built.append(qm)
    return built


def catalogue(language: str, cache_dir: Path | None = None) -> Path | None:
    """The `.qm` for `language`: the built one when current, else one compiled into
    `cache_dir` (a source checkout that skipped the build step); None if neither works."""
    ts = i18n_dir() / f"videomon_{language}.ts"
    qm = ts.with_suffix(".qm")
    if qm.exists() and (not ts.exists() or qm.stat().st_mtime >= ts.stat().st_mtime):
        return qm
    if not ts.exists() or cache_dir is None:
        return qm if qm.exists() else None
    cached = cache_dir / qm.name
    if cached.exists() and cached.stat().st_mtime >= ts.stat().st_mtime:
        return cached
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        subprocess.run([*_lrelease(), "-silent", str(ts), "-qm", str(cached)], check=True,
                       stdout=subprocess.DEVNULL, timeout=30)
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("could not build the %s translation: %s", language, exc)
        return qm if qm.exists() else None
    return cached


def install(app: QCoreApplication, setting: str, cache_dir: Path | None = None,
            ui_languages: Sequence[str] | None = None) -> list[QTranslator]:
    """Install videomon's and Qt's translators for the chosen language; returns them
    (keep them alive as long as the application)."""
    language = resolve_language(setting, ui_languages)
    QLocale.setDefault(QLocale(language))
    installed: list[QTranslator] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name in QT_CATALOGUES:
        translator = QTranslator(app)
        if language != "en" and translator.load(f"{name}_{language}", qt_dir):
            app.installTranslator(translator)
            installed.append(translator)
    own = catalogue(language, cache_dir)
    translator = QTranslator(app)
    if own is not None and translator.load(str(own)):
        app.installTranslator(translator)
        installed.append(translator)
    else:
        log.warning("no %s translation found; the window stays in English", language)
    return installed


def remove(app: QCoreApplication, translators: Sequence[QTranslator]) -> None:
    """Undo `install` (the window's words and the default locale)."""
    for translator in translators:
        app.removeTranslator(translator)
    QLocale.setDefault(QLocale.system())


if __name__ == "__main__":  # python -m videomon.ui.runtime.i18n build
    if sys.argv[1:] != ["build"]:
        sys.exit("usage: python -m videomon.ui.runtime.i18n build")
    for path in build_catalogues(quiet=False):
        print(path)
