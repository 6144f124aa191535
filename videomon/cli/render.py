"""Terminal rendering: tidy tables, progress bars and the live `watch` display."""

from __future__ import annotations

import itertools
import shutil
import sys
import time
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from typing import TextIO

from videomon.core.domain.snapshot import TaskState
from videomon.core.providers.lookup import LookupResult

STATE_LABELS = {
    TaskState.QUEUED: "queued",
    TaskState.RUNNING: "running",
    TaskState.SUCCEEDED: "succeeded",
    TaskState.FAILED: "failed",
}


def _unicode_ok(stream: TextIO) -> bool:
    encoding = (getattr(stream, "encoding", None) or "").lower()
    return "utf" in encoding


def display_width(text: str) -> int:
    """Terminal columns `text` occupies (East Asian wide characters take two)."""
    return sum(0 if unicodedata.combining(ch) else
               2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def fit(text: str, columns: int) -> str:
    """`text` cut to at most `columns` terminal columns, ending in … when cut."""
    if display_width(text) <= columns:
        return text
    out, used = [], 0
    for ch in text:
        width = display_width(ch)
        if used + width > columns - 1:
            break
        out.append(ch)
        used += width
    return "".join(out) + "…"


def pad(text: str, columns: int) -> str:
    return text + " " * max(0, columns - display_width(text))


def _widths(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> list[int]:
    widths = [display_width(h) for h in headers]
    for row in rows:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], display_width(cell))
    return widths


def _line(row: Sequence[str], widths: Sequence[int]) -> str:
    return "  ".join(pad(cell, widths[i]) if i < len(row) - 1 else cell
                     for i, cell in enumerate(row)).rstrip()


def table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """Columns padded to their widest cell; the last column is never padded."""
    widths = _widths(headers, rows)
    return "\n".join(_line(row, widths) for row in (headers, *rows))


def stream_table(headers: Sequence[str], rows: Iterable[Sequence[str]],
                 measure: int = 200) -> Iterator[str]:
    """`table`'s lines for rows that may not fit in memory: the widths are measured on
    the first `measure` rows (a longer cell later pushes only its own line out)."""
    source = iter(rows)
    first = list(itertools.islice(source, measure))
    if not first:
        return
    widths = _widths(headers, first)
    for row in itertools.chain((headers,), first, source):
        yield _line(row, widths)


def progress_text(progress: float | None) -> str:
    return "—" if progress is None else f"{progress:.0f}%"


def bar(progress: float | None, width: int, *, unicode: bool = True, tick: int = 0) -> str:
    """A fixed-width bar; unknown progress shows a moving block (indeterminate)."""
    full, empty = ("█", "░") if unicode else ("#", "-")
    if progress is None:
        pos = tick % max(1, width - 3)
        return empty * pos + full * 3 + empty * max(0, width - pos - 3)
    filled = round(width * max(0.0, min(progress, 100.0)) / 100)
    return full * filled + empty * (width - filled)


def result_rows(results: Sequence[LookupResult]) -> list[list[str]]:
    rows = []
    for result in results:
        snap = result.snapshot
        if snap is None:
            problem = result.problem
            kind = problem.kind.value if problem else "?"
            rows.append([result.task_id, "problem", "", "", f"{kind}: {problem}"])
            continue
        if not snap.status_known:
            detail = f"unknown status {snap.raw_status!r} (asked again; the state kept)"
        elif snap.state is TaskState.SUCCEEDED:
            detail = " ".join(snap.video_urls) or (
                f"(the video link is missing: {snap.link_problem}; asked again later)"
                if snap.link_problem else "(no video URL reported)")
        elif snap.state is TaskState.FAILED:
            detail = snap.error or "(no reason given)"
            if snap.error_code:
                detail = f"[{snap.error_code}] {detail}"
        else:
            detail = f"provider status: {snap.raw_status}" if snap.raw_status else ""
        rows.append([result.task_id, STATE_LABELS[snap.state], progress_text(snap.progress),
                     snap.model or "", detail])
    return rows


def results_table(results: Sequence[LookupResult]) -> str:
    return table(["TASK ID", "STATE", "PROGRESS", "MODEL", "RESULT"], result_rows(results))


class LiveDisplay:
    """Redraws one line per task in place on a terminal; prints changes elsewhere."""

    def __init__(self, task_ids: Sequence[str], stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stdout
        self.task_ids = list(task_ids)
        self.interactive = self.stream.isatty()
        self.unicode = _unicode_ok(self.stream)
        self._drawn = 0
        self._last_line: dict[str, str] = {}
        self._tick = 0
        self._started = time.monotonic()

    def _line(self, task_id: str, result: LookupResult | None, id_width: int,
              bar_width: int, note: str) -> str:
        label = pad(fit(task_id, id_width), id_width)
        tick = self._tick if self.interactive else 0
        if result is None:
            shown = bar(None, bar_width, unicode=self.unicode, tick=tick)
            return f"{label}  {shown}  {'…':>4}  waiting for the first answer"
        snap = result.snapshot
        if snap is None:
            text = f"{result.problem.kind.value}: {result.problem}" if result.problem else ""
            return f"{label}  {' ' * bar_width}  {'':>4}  {text}{note}"
        indeterminate = snap.progress is None and not snap.state.terminal
        shown = bar(None if indeterminate else (snap.progress or 0.0), bar_width,
                    unicode=self.unicode, tick=tick)
        state = STATE_LABELS[snap.state]
        if snap.state is TaskState.FAILED and snap.error:
            state += f": {snap.error}"
        elif not snap.status_known:
            state += f" (unknown status {snap.raw_status!r})"
        elif snap.state is TaskState.SUCCEEDED and not snap.video_urls and snap.link_problem:
            state += f" (the video link is missing: {snap.link_problem})"
        return f"{label}  {shown}  {progress_text(snap.progress):>4}  {state}{note}"

    def update(self, latest: dict[str, LookupResult | None],
               notes: dict[str, str] | None = None) -> None:
        notes = notes or {}
        self._tick += 1
        columns = shutil.get_terminal_size((100, 24)).columns
        id_width = min(max(display_width(t) for t in self.task_ids), max(12, columns // 3))
        bar_width = max(10, min(30, columns - id_width - 30))
        lines = {t: self._line(t, latest.get(t), id_width, bar_width, notes.get(t, ""))
                 for t in self.task_ids}
        if self.interactive:
            out = []
            if self._drawn:
                out.append(f"\x1b[{self._drawn}F")
            elapsed = int(time.monotonic() - self._started)
            header = f"watching {len(self.task_ids)} task(s) — {elapsed // 60}:{elapsed % 60:02d}" \
                     " elapsed — Ctrl+C to stop"
            for line in (header, *lines.values()):
                out.append("\x1b[2K" + fit(line, columns - 1) + "\n")
            self.stream.write("".join(out))
            self._drawn = len(lines) + 1
        else:
            for task_id, line in lines.items():
                result = latest.get(task_id)
                if result is None:
                    continue
                if self._last_line.get(task_id) != line:
                    self.stream.write(line.rstrip() + "\n")
                    self._last_line[task_id] = line
        self.stream.flush()
