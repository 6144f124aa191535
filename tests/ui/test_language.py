"""Two languages: the catalogues are complete and current, every visible text of the window
and its dialogs goes through translation (a pseudo-translation marks each one), and in
Chinese nothing is left in English or cut off."""

from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import qasync
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication, QWidget

from tests.conftest import MemoryKeyring
from tests.ui.helpers import ARTIFACTS, column, make_app, page, until
from tests.ui.widget_texts import clipped, plain, texts
from videomon.app import VideomonApp
from videomon.core.providers.credentials import KeyringStatus, KeyringTrouble
from videomon.core.providers.dialects import BUILTIN_DIALECTS, FormatRegistry
from videomon.core.providers.formats.catalog import FormatCatalog
from videomon.simulator.demo import RelayThread
from videomon.ui.adding.dialog import AddTasksDialog
from videomon.ui.runtime import i18n
from videomon.ui.runtime.i18n import i18n_dir, resolve_language, system_language
from videomon.ui.settings.dialog import AUTH_CHOICES, SettingsDialog
from videomon.ui.settings.presets import FORMAT_SUMMARIES, format_choices
from videomon.ui.table import cells as table_cells
from videomon.ui.table.model import Column, Role

ROOT = Path(__file__).resolve().parents[2]
FAILED_ID, OK_ID = "demo-fail-lang1", "video_ok_lang2"
PLACEHOLDER = re.compile(r"\{[a-z_ ]*\}|%L?n")  # (%Ln: the count in the locale's digits)
#: names and technical words a Chinese window keeps as they are
KEPT = {"videomon", "API", "ID", "URL", "Ctrl", "Shift", "Bearer", "GET", "OpenAI", "Sora",
        "Veo", "Kling", "Gemini", "Google", "HTTP", "HTTPS", "PROXY", "gnome", "keyring",
        "KWallet", "openai", "unified", "tasks", "gemini", "bearer", "raw", "none", "header",
        "id", "operation", "name", "model", "date", "time", "task", "profile", "label",
        "index", "KB", "MB", "GB", "Videos",
        "PROFILE", "JSON", "TOML", "Access", "Secret", "Key", "Seedance", "DashScope",
        "MiniMax", "Runway", "Luma", "Dream", "Machine", "Replicate", "Volcengine", "Ark",
        "JWT", "base", "CSV", "USD", "CNY"}  # ("{base}" starts a URL template)
KEPT |= {w for name in BUILTIN_DIALECTS for w in name.split("-")}  # format names are identifiers


# -- the catalogues -----------------------------------------------------------------------------
def messages(ts: Path) -> Iterator[tuple[str, ET.Element]]:
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            yield name, message


def test_catalogues_are_complete_and_current(tmp_path: Path) -> None:
    """Every string in the code has a finished translation; none is left over from old
    code; placeholders survive translation."""
    for ts in sorted(i18n_dir().glob("videomon_*.ts")):
        before = {(c, m.findtext("source")) for c, m in messages(ts)}
        copy = tmp_path / ts.name
        copy.write_bytes(ts.read_bytes())
        args = ["-no-obsolete", "-locations", "none", "-source-language", "en"]
        if ts.name == "videomon_en.ts":
            args.append("-pluralonly")
        sources = [str(ROOT / "videomon" / "app.py"),
                   *map(str, sorted((ROOT / "videomon" / "ui").rglob("*.py")))]
        lupdate = Path(i18n._lrelease()[0]).with_name(
            Path(i18n._lrelease()[0]).name.replace("lrelease", "lupdate"))
        subprocess.run([str(lupdate), *args, *sources, "-ts", str(copy)], check=True,
                       capture_output=True)
        after = {(c, m.findtext("source")) for c, m in messages(copy)}
        assert after == before, f"{ts.name} is not current: run scripts/update_translations.sh"
        for context, message in messages(ts):
            translation = message.find("translation")
            assert translation is not None
            assert translation.get("type") not in ("unfinished", "vanished", "obsolete"), \
                (ts.name, context, message.findtext("source"))
            forms = [f.text or "" for f in translation.iter("numerusform")] or \
                [translation.text or ""]
            wanted = sorted(PLACEHOLDER.findall(message.findtext("source") or ""))
            for form in forms:
                assert form.strip(), (ts.name, message.findtext("source"))
                got = sorted(PLACEHOLDER.findall(form))
                if ts.name == "videomon_en.ts" and not re.search("%L?n", form):
                    got += [p for p in wanted if p.endswith("n")][:1]  # "The video is …"
                    # for one: the count goes unsaid
                    got.sort()
                assert got == wanted, (ts.name, message.findtext("source"), form)


IDENTIFIER = re.compile(r"\S*[-_/]\S*")
GLOSSARY_ROW = re.compile(r"^\|\s*([^|]+?)\s*\|\s*([^|]+?)\s*\|")


def glossary() -> dict[str, str]:
    rows = {}
    for line in (i18n_dir() / "GLOSSARY.md").read_text(encoding="utf-8").splitlines():
        match = GLOSSARY_ROW.match(line)
        if match and not set(match.group(1)) <= set("-: ") and match.group(1) != "English":
            rows[match.group(1)] = match.group(2)
    return rows


def test_the_window_translates_the_cores_own_format_summaries(qapp: QApplication) -> None:
    """A built-in format's summary is written once, in the core; the window marks those
    very words for translation (a summary changed in the core shows up here)."""
    assert tuple(d.summary for d in BUILTIN_DIALECTS.values()) == FORMAT_SUMMARIES
    shown = dict((name, text) for text, name in format_choices(FormatCatalog(
        FormatRegistry())))
    assert shown["kling"] == f"kling — {BUILTIN_DIALECTS['kling'].summary}"  # (English)


def test_the_chinese_keeps_to_the_glossary() -> None:
    terms = glossary()
    assert {"task", "provider", "key", "download"} <= set(terms)
    for context, message in messages(i18n_dir() / "videomon_zh_CN.ts"):
        source = IDENTIFIER.sub(" ", PLACEHOLDER.sub(" ", message.findtext("source") or ""))
        source = source.replace("OpenAI Videos API", " ")
        translation = message.find("translation")
        assert translation is not None
        text = "".join(translation.itertext())
        for english, chinese in terms.items():
            if re.search(rf"\b{re.escape(english)}s?\b", source, re.IGNORECASE):
                assert chinese in text, (context, source, text, english, chinese)


@pytest.mark.parametrize("languages, expected", [
    (["zh-CN", "en-US"], "zh_CN"), (["zh-Hans-CN"], "zh_CN"), (["zh-TW"], "zh_CN"),
    (["en-GB"], "en"), (["de-DE", "zh-CN"], "en"), (["C"], "en"), ([], "en")])
def test_the_systems_language_decides(languages: list[str], expected: str) -> None:
    assert system_language(languages) == expected
    assert resolve_language("system", languages) == expected
    assert resolve_language("zh_CN", ["en-US"]) == "zh_CN"  # the Settings override wins


def test_a_checkout_without_built_catalogues_builds_them_into_the_cache(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sources = tmp_path / "i18n"
    sources.mkdir()
    (sources / "videomon_zh_CN.ts").write_bytes(
        (i18n_dir() / "videomon_zh_CN.ts").read_bytes())
    monkeypatch.setattr(i18n, "i18n_dir", lambda: sources)
    built = i18n.catalogue("zh_CN", tmp_path / "cache")
    assert built == tmp_path / "cache" / "videomon_zh_CN.qm"
    translator = QTranslator()
    assert translator.load(str(built))
    assert translator.translate("Wording", "Running") == "生成中"


# -- the window and its dialogs ---------------------------------------------------------------
class PseudoTranslator(QTranslator):
    """Marks every string that passes through translation: ⟦text⟧."""

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str:
        return f"⟦{source}⟧"

    def isEmpty(self) -> bool:
        return False


async def visit_everything(app: VideomonApp, shot: str,
                           check: Callable[[str, QWidget], None]) -> None:
    """Drive the window to each of its views and dialogs; `check(name, widget)` each."""
    window = app.window
    window.set_keyring_problem(KeyringStatus(False, "keyring.backends.fail.Keyring",
                                             "no usable keyring backend is available",
                                             KeyringTrouble.NO_BACKEND))
    window.add_text(f"{FAILED_ID} {OK_ID}")
    await until(lambda: column(app, Column.TASK_ID).keys() >= {FAILED_ID, OK_ID}, 10)
    await until(lambda: all(t.state.terminal for t in app.commands.tasks.copies()), 40)
    refs = column(app, Column.STATE, Role.REF)
    window.select_refs([refs[FAILED_ID]])
    await until(lambda: bool(page(window).problem_label.text()), 5)
    ARTIFACTS.mkdir(exist_ok=True)
    window.grab().save(str(ARTIFACTS / f"{shot}-window.png"))
    check("main window", window)
    window.show_details()
    details = window._details[-1]
    await until(lambda: details.timeline.topLevelItemCount() > 0
                and details.timeline.topLevelItem(0).text(0) != "", 5)
    for i in range(details.tabs.count()):
        details.tabs.setCurrentIndex(i)
        check(f"details tab {i}", details)
    details.tabs.setCurrentIndex(0)
    details.grab().save(str(ARTIFACTS / f"{shot}-details.png"))
    details.close()
    window.open_add_dialog()
    adding = next(w for w in QApplication.topLevelWidgets()
                  if isinstance(w, AddTasksDialog) and w.isVisible())
    check("add dialog", adding)
    adding.reject()
    window.open_settings()
    await until(lambda: isinstance(window.settings_flow.dialog, SettingsDialog)
                and window.settings_flow.dialog.isVisible(), 5)
    settings = window.settings_flow.dialog
    assert settings is not None
    tabs = settings.findChild(type(details.tabs))
    for i in range(tabs.count()):
        tabs.setCurrentIndex(i)
        check(f"settings tab {i}", settings)
        settings.grab().save(str(ARTIFACTS / f"{shot}-settings-{i}.png"))
    settings.general.welcomeRequested.emit()  # "Show the welcome page"
    check("welcome", window)
    window.grab().save(str(ARTIFACTS / f"{shot}-welcome.png"))
    page(window).welcome.back_button.click()


def cells(app: VideomonApp) -> Iterator[tuple[str, str]]:
    from PySide6.QtCore import Qt

    for col in (Column.STATE, Column.CHECKED, Column.DOWNLOAD):
        for text in column(app, col).values():
            yield f"cell {col.name}", str(text or "")
    for text in column(app, Column.STATE, Qt.ItemDataRole.ToolTipRole).values():
        yield "state tooltip", str(text or "")
    for text in column(app, Column.PROGRESS, Qt.ItemDataRole.AccessibleTextRole).values():
        yield "progress for a screen reader", str(text or "")


def data_words(app: VideomonApp) -> set[str]:
    """What is the user's or the provider's (IDs, provider names, models, the provider's
    status words and error messages) rather than the window's."""
    words = set()
    for task in app.commands.tasks.copies():
        snap = task.snapshot
        words |= {task.task_id, task.profile, task.model or "", task.label or "",
                  task.error or "", task.problem_message or "",
                  (snap and snap.raw_status) or "", task.prompt or "",
                  table_cells.prompt_words(task.prompt), *task.tags, task.notes or "",
                  (snap and snap.size) or ""}
    return {w for w in words if w}


#: names and config values shown as they are in every language
NAMES = {"videomon", "English", *BUILTIN_DIALECTS, *AUTH_CHOICES,
         *(word for name in (*BUILTIN_DIALECTS, *AUTH_CHOICES) for word in name.split("-"))}
MARKED = re.compile(r"⟦[^⟦⟧]*⟧")
DATA = re.compile(r"(https?://|/)\S*|[\w.:-]*[_:][\w.:-]*|\w+(?:-\w+){2,}|\S*\.mp4")


def untranslated(text: str, data: set[str], kept: set[str]) -> str:
    """What is left of `text` once marked (translated) parts, data and kept names are
    taken out."""
    while MARKED.search(text):
        text = MARKED.sub(" ", text)
    for phrase in sorted(data, key=len, reverse=True):
        text = re.sub(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", " ", text)
    text = DATA.sub(" ", text)
    return " ".join(w for w in re.findall(r"[A-Za-z]{2,}", text) if w not in kept)


@pytest.fixture(scope="module")
def lang_relay() -> Iterator[RelayThread]:
    with RelayThread(speed=8.0, seed=3) as relay:
        yield relay


def test_every_visible_text_passes_through_translation(
        loop: qasync.QEventLoop, lang_relay: RelayThread, tmp_path: Path,
        memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch) -> None:
    qapp = QCoreApplication.instance()
    assert qapp is not None
    pseudo = PseudoTranslator()
    monkeypatch.setattr(i18n, "install", lambda *a, **k: [])
    qapp.installTranslator(pseudo)
    found: list[str] = []

    async def main() -> None:
        app = make_app(tmp_path / "home", lang_relay.relay.base_url, memory_keyring)
        await app.start(check_keyring=False)

        def check(where: str, root: QWidget) -> None:
            data = data_words(app)
            for kind, text in [*texts(root), *cells(app)]:
                left = untranslated(text, data, NAMES)
                if left:
                    found.append(f"{where}: {kind} {text!r} ({left})")

        try:
            await visit_everything(app, "pseudo", check)
        finally:
            app.window.quit()
            await app.shutdown()

    try:
        loop.run_until_complete(main())
    finally:
        qapp.removeTranslator(pseudo)
    assert not found, "\n".join(dict.fromkeys(found))


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_nothing_is_cut_off_and_chinese_reads_chinese(
        loop: qasync.QEventLoop, lang_relay: RelayThread, tmp_path: Path,
        memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch, language: str) -> None:
    real_install = i18n.install
    monkeypatch.setattr(i18n, "install", lambda qapp, setting, *a, **k: real_install(
        qapp, language, *a, **k))
    english: list[str] = []
    cut: list[str] = []

    async def main() -> None:
        app = make_app(tmp_path / "home", lang_relay.relay.base_url, memory_keyring)
        assert len(app.translators) == (1 if language == "en" else 3)
        await app.start(check_keyring=False)

        def check(where: str, root: QWidget) -> None:
            data = data_words(app)
            cut.extend(f"{where}: {c}" for c in clipped(root))
            if language != "zh_CN":
                return
            for kind, text in [*texts(root), *cells(app)]:
                left = untranslated(plain(text), data, NAMES | KEPT)
                if left:
                    english.append(f"{where}: {kind} {text!r} ({left})")

        try:
            await visit_everything(app, language, check)
        finally:
            app.window.quit()
            await app.shutdown()

    loop.run_until_complete(main())
    assert not cut, "\n".join(dict.fromkeys(cut))
    assert not english, "\n".join(dict.fromkeys(english))


def test_a_settings_mistake_is_told_in_the_users_language(qapp: QApplication) -> None:
    from videomon.core.config.settings import Settings
    from videomon.core.providers.profiles import Profile

    translators = i18n.install(qapp, "zh_CN")
    try:
        dialog = SettingsDialog([Profile("relay", "openai", "https://relay.example")],
                                Settings(), {}, None, "/tmp/videos",
                                catalog=FormatCatalog(FormatRegistry()))
        dialog.show()
        dialog.base_url.setText("ftp://relay.example")
        dialog._save()
        assert dialog.error.text().startswith("接口地址应形如")
        assert dialog.focusWidget() is dialog.base_url  # the field at fault
        dialog.base_url.setText("https://relay.example")
        dialog.interval.setValue(0.5)
        dialog.proxy.setText("nonsense")
        dialog._test()
        assert dialog.test_result.text() == "代理必须是带主机名的 http、https 或 socks5 地址。"
        dialog.reject()
    finally:
        i18n.remove(qapp, translators)
