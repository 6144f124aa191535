"""The window on real screen sizes: it opens within the screen (and comes back onto it),
its columns fit so a failed task's reason is in sight, and the reason is also in the
State tooltip and the status bar."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import qasync
from PySide6.QtCore import QRect, QSize, Qt

from tests.conftest import SCREENS, MemoryKeyring
from tests.ui.helpers import ARTIFACTS, column, make_app, page, until
from videomon.simulator.demo import RelayThread
from videomon.ui.table.column_fit import fit_widths
from videomon.ui.table.model import Column, Role
from videomon.ui.window.geometry import first_geometry, pulled_on_screen

ROOT = Path(__file__).resolve().parents[2]


# -- the rules, without a window -------------------------------------------------------------
def test_columns_keep_their_preferred_widths_when_there_is_room() -> None:
    assert fit_widths([(200, 100), (90, 60)], 1000, 180) == [200, 90]


def test_columns_give_up_room_in_proportion_down_to_their_minimums() -> None:
    widths = fit_widths([(200, 100), (100, 80), (150, 50)], 500, 180)
    assert sum(widths) + 180 == 500
    assert all(w >= m for w, (_, m) in zip(widths, [(200, 100), (100, 80), (150, 50)],
                                           strict=True))
    assert widths[1] > 80 and widths[0] < 200 and widths[2] < 150
    assert fit_widths([(200, 100), (100, 80)], 200, 180) == [100, 80]  # no less than minimum


@pytest.mark.parametrize("available, preferred, expected", [
    (QRect(0, 0, 1280, 800), QSize(1360, 720), QRect(96, 60, 1088, 680)),
    (QRect(0, 0, 1024, 768), QSize(1360, 720), QRect(77, 58, 870, 652)),
    (QRect(0, 0, 2560, 1440), QSize(1360, 720), QRect(600, 360, 1360, 720)),
    (QRect(1920, 24, 1280, 776), QSize(1360, 720), QRect(2016, 82, 1088, 659)),
])
def test_first_window_is_at_most_85_percent_of_the_screen_and_centred(
        available: QRect, preferred: QSize, expected: QRect) -> None:
    assert first_geometry(available, preferred, 0.85) == expected


def test_a_window_that_no_longer_fits_is_pulled_back() -> None:
    screen = QRect(0, 0, 1280, 800)
    assert pulled_on_screen(QRect(2500, 300, 900, 600), screen) == QRect(380, 200, 900, 600)
    assert pulled_on_screen(QRect(-50, -20, 1900, 1200), screen) == screen
    inside = QRect(100, 100, 800, 500)
    assert pulled_on_screen(inside, screen) == inside


# -- the first start, on two screen sizes (a child process each: a screen is fixed) ----------
@pytest.mark.parametrize("screen", ["1280x800", "1024x768"])
def test_first_start_fits_the_screen(tmp_path: Path, screen: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / f"first-start-{screen}.png"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-m", "tests.ui.first_start_child",
                           str(SCREENS / f"{screen}.json"), str(tmp_path / "home"), str(shot)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr[-2000:]
    facts = json.loads(done.stdout.strip().splitlines()[-1])
    sx, sy, sw, sh = facts["screen"]
    x, y, w, h = facts["frame"]
    assert sx <= x and sy <= y and x + w <= sx + sw and y + h <= sy + sh
    assert w <= 0.85 * sw + 1 and h <= 0.85 * sh + 1
    assert abs((x - sx) - (sx + sw - x - w)) <= 1  # centred
    assert abs((y - sy) - (sy + sh - y - h)) <= 1
    assert facts["minimum"][0] <= 1024 * 0.85 and facts["minimum"][1] <= 768 * 0.85
    bx, _, bw, _ = facts["banner"]
    assert bx >= 0 and bx + bw <= w and facts["banner_lines"] >= 2  # the long text wraps
    px, _, pw, _ = facts["preview"]
    assert px + pw <= w and pw >= 280  # the preview pane is whole
    assert shot.is_file()


# -- a failed task's reason, in view ---------------------------------------------------------
def test_a_failed_tasks_reason_is_in_sight(loop: qasync.QEventLoop, tmp_path: Path,
                                           memory_keyring: MemoryKeyring) -> None:
    home = tmp_path / "home"
    failed_id = "demo-fail-fit1"

    with RelayThread(speed=6.0, seed=3) as relay:
        async def first_run() -> None:
            app = make_app(home, relay.relay.base_url, memory_keyring)
            await app.start()
            window = app.window
            try:
                window.add_text(f"{failed_id} sora-2:task_ok_fit2 video_ok_fit3")
                await until(lambda: column(app, Column.STATE).get(failed_id) == "Failed", 40)
                table = window.table
                await until(lambda: table.horizontalScrollBar().maximum() == 0, 5)
                header = table.horizontalHeader()
                output_right = (header.sectionViewportPosition(Column.OUTPUT)
                                + header.sectionSize(Column.OUTPUT))
                assert output_right <= table.viewport().width()
                assert header.sectionSize(Column.OUTPUT) >= 180
                reason = column(app, Column.OUTPUT)[failed_id]
                assert reason and "http" not in reason  # the provider's message
                tooltip = column(app, Column.STATE, Qt.ItemDataRole.ToolTipRole)[failed_id]
                assert tooltip.startswith("Failed: ") and reason in tooltip
                refs = column(app, Column.STATE, Role.REF)
                window.select_refs([refs[failed_id]])
                assert reason in page(window).problem_label.text()
                assert page(window).problem_label.text().startswith(f"{failed_id} — Failed")
                ARTIFACTS.mkdir(exist_ok=True)
                assert window.grab().save(str(ARTIFACTS / "window-failed-reason-1280x800.png"))
                # a user drags the window half off a screen, larger than it: saved so
                window.setGeometry(QRect(900, 500, 1500, 900))
            finally:
                window.quit()
                await app.shutdown()

        async def second_run() -> None:
            app = make_app(home, relay.relay.base_url, memory_keyring)
            await app.start()
            try:
                frame = app.window.frameGeometry()
                screen = app.window.screen().availableGeometry()
                assert screen.contains(frame), (frame, screen)
            finally:
                app.window.quit()
                await app.shutdown()

        loop.run_until_complete(first_run())
        loop.run_until_complete(second_run())


def test_in_a_narrow_window_the_least_needed_columns_give_way(
        loop: qasync.QEventLoop, tmp_path: Path,
        memory_keyring: MemoryKeyring) -> None:
    """At 860 px the Output column stays in sight and no cell is cut to nothing: Checked,
    Elapsed, Model and Download give way (in that order) and come back with room; the
    header as saved still shows them, and a column the user hid stays hidden."""
    home = tmp_path / "home"
    with RelayThread(speed=6.0, seed=3) as relay:
        async def main() -> None:
            app = make_app(home, relay.relay.base_url, memory_keyring)
            await app.start()
            window, table = app.window, app.window.table
            header = table.horizontalHeader()
            try:
                window.add_text("sora-2:task_ok_narrow1 video_ok_narrow2")
                await until(lambda: window.model.rowCount() == 2, 10)
                window.resize(860, 600)
                await until(lambda: Column.CHECKED in table.fitter.auto_hidden, 5)
                await until(lambda: table.horizontalScrollBar().maximum() == 0, 5)
                output_right = (header.sectionViewportPosition(Column.OUTPUT)
                                + header.sectionSize(Column.OUTPUT))
                assert output_right <= table.viewport().width()
                assert not header.isSectionHidden(Column.STATE)
                assert not header.isSectionHidden(Column.PROGRESS)
                assert header.sectionSize(Column.PROVIDER) >= 96
                assert window.grab().save(str(ARTIFACTS / "window-860.png"))
                assert table.fitter.wanted(Column.CHECKED)
                table.fitter.set_wanted(Column.MODEL, False)  # the user's own choice
                window.resize(1500, 700)
                await until(lambda: not table.fitter.auto_hidden, 5)
                assert not header.isSectionHidden(Column.CHECKED)
                assert header.isSectionHidden(Column.MODEL)
                window.resize(860, 600)
                await until(lambda: Column.CHECKED in table.fitter.auto_hidden, 5)
            finally:
                window.quit()
                await app.shutdown()

        async def again() -> None:
            app = make_app(home, relay.relay.base_url, memory_keyring)
            await app.start()
            try:
                app.window.resize(1500, 700)
                fitter = app.window.table.fitter
                await until(lambda: not fitter.auto_hidden, 5)
                header = app.window.table.horizontalHeader()
                assert not header.isSectionHidden(Column.CHECKED)  # saved as wanted
                assert header.isSectionHidden(Column.MODEL)  # the user's hidden column
            finally:
                app.window.quit()
                await app.shutdown()

        loop.run_until_complete(main())
        loop.run_until_complete(again())
