"""What videos cost: the provider's own figure (credits, tokens, seconds… as it reports
it), turned into the user's currency by a price table (per provider and model: per task,
per second of video, or per unit of the provider's figure). A cost that cannot be known
is unknown, never 0."""

from __future__ import annotations

import re
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from videomon.core.config.settings import Settings
from videomon.core.domain.snapshot import TaskState
from videomon.core.domain.task import TrackedTask

PER = ("task", "second", "unit")
_AGE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([mhdw])\s*$")
_SECONDS = {"m": 60, "h": 3600, "d": 86400, "w": 7 * 86400}


@dataclass(frozen=True, slots=True)
class Price:
    """One row of the price table: ``provider``/``model`` "" match any."""

    provider: str = ""
    model: str = ""
    per: str = "task"
    price: float = 0.0

    @classmethod
    def read(cls, data: Any) -> Price | None:
        """A price from settings data, or None when it does not read."""
        if not isinstance(data, dict):
            return None
        try:
            price = float(data.get("price"))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return None
        per = str(data.get("per") or "task")
        if per not in PER or price < 0:
            return None
        return cls(str(data.get("provider") or "").strip(), str(data.get("model") or "")
                   .strip(), per, price)

    def to_json(self) -> dict[str, Any]:
        return {"provider": self.provider, "model": self.model, "per": self.per,
                "price": self.price}


@dataclass(frozen=True, slots=True)
class CostTable:
    currency: str = ""
    prices: tuple[Price, ...] = ()

    @classmethod
    def from_settings(cls, settings: Settings) -> CostTable:
        prices = (Price.read(p) for p in settings.prices or [])
        return cls(settings.currency.strip(), tuple(p for p in prices if p is not None))

    def price_for(self, profile: str, model: str | None) -> Price | None:
        """The most specific price for a provider and model (provider and model named,
        then provider alone, then model alone, then neither)."""
        model = (model or "").casefold()
        best: tuple[int, Price] | None = None
        for price in self.prices:
            if price.provider and price.provider != profile:
                continue
            if price.model and price.model.casefold() != model:
                continue
            rank = 2 * bool(price.provider) + bool(price.model)
            if best is None or rank > best[0]:
                best = (rank, price)
        return best[1] if best else None

    def money(self, task: TrackedTask) -> float | None:
        """The task's cost in the user's currency (`money_of`)."""
        snap = task.snapshot
        return self.money_of(CostRow.of(task)) if snap is not None else None

    def money_of(self, row: CostRow) -> float | None:
        """A cost in the user's currency, or None when it cannot be known (no price, no
        duration for a per-second price, no reported figure for per-unit). Failed tasks
        cost nothing but what the provider reports."""
        price = self.price_for(row.profile, row.model)
        if price is None:
            return None
        if price.per == "unit":
            return None if row.cost is None else round(row.cost * price.price, 6)
        if row.state != TaskState.SUCCEEDED.value:
            return 0.0 if row.state == TaskState.FAILED.value else None
        if price.per == "task":
            return price.price
        return None if row.duration is None else round(row.duration * price.price, 6)


@dataclass(frozen=True, slots=True)
class CostRow:
    """What a task's cost is worked out from (as the store hands it over in bulk)."""

    profile: str
    model: str | None
    state: str
    duration: float | None
    cost: float | None
    cost_unit: str | None
    added_at: float

    @classmethod
    def of(cls, task: TrackedTask) -> CostRow:
        snap = task.snapshot
        return cls(task.profile, task.model, task.state.value,
                   snap.duration if snap else None, snap.cost if snap else None,
                   snap.cost_unit if snap else None, task.added_at)


@dataclass(frozen=True, slots=True)
class CostGroup:
    """Tasks alike for their cost (provider, model, state, unit), summed by the store:
    how many, how many with a duration and their seconds, with a figure and its sum."""

    profile: str
    model: str | None
    state: str
    cost_unit: str | None
    tasks: int
    timed: int
    seconds: float
    figured: int
    figure: float

    @classmethod
    def read(cls, row: tuple[Any, ...]) -> CostGroup:
        """From `TaskListing.cost_groups`."""
        profile, model, state, unit, tasks, timed, seconds, figured, figure = row
        return cls(profile, model, state, unit, int(tasks), int(timed or 0),
                   _float(seconds) or 0.0, int(figured or 0), _float(figure) or 0.0)


def _float(value: Any) -> float | None:
    try:
        return None if value is None else float(value)
    except (TypeError, ValueError):
        return None


def reported(task: TrackedTask | CostRow) -> tuple[float, str] | None:
    """The provider's own figure and its unit (None: it reported none)."""
    row = task if isinstance(task, CostRow) else CostRow.of(task)
    if row.cost is None:
        return None
    return row.cost, row.cost_unit or "units"


@dataclass(slots=True)
class CostLine:
    """The cost of a group of tasks: how many, the known total in money and how many of
    them have no known money cost, and the provider's figures per unit."""

    key: str
    tasks: int = 0
    money: float = 0.0
    unknown: int = 0
    units: dict[str, float] = field(default_factory=dict)

    def add(self, task: TrackedTask | CostRow, table: CostTable) -> None:
        row = task if isinstance(task, CostRow) else CostRow.of(task)
        self.tasks += 1
        money = table.money_of(row)
        if money is None:
            self.unknown += 1
        else:
            self.money += money
        figure = reported(row)
        if figure is not None:
            self.units[figure[1]] = self.units.get(figure[1], 0.0) + figure[0]

    def add_group(self, group: CostGroup, table: CostTable) -> None:
        """Tasks summed by the store (the status bar's cost of a million rows)."""
        self.tasks += group.tasks
        if group.figured:
            unit = group.cost_unit or "units"
            self.units[unit] = self.units.get(unit, 0.0) + group.figure
        price = table.price_for(group.profile, group.model)
        if price is None:
            self.unknown += group.tasks
        elif price.per == "unit":
            self.money += group.figure * price.price
            self.unknown += group.tasks - group.figured
        elif group.state != TaskState.SUCCEEDED.value:
            if group.state != TaskState.FAILED.value:
                self.unknown += group.tasks
        elif price.per == "task":
            self.money += group.tasks * price.price
        else:
            self.money += group.seconds * price.price
            self.unknown += group.tasks - group.timed

    def to_json(self) -> dict[str, Any]:
        return {"key": self.key, "tasks": self.tasks,
                "money": round(self.money, 6) if self.unknown < self.tasks else None,
                "unknown": self.unknown,
                "units": {k: round(v, 6) for k, v in sorted(self.units.items())}}


@dataclass(slots=True)
class CostSummary:
    by: str
    currency: str
    lines: list[CostLine]
    total: CostLine

    def to_json(self) -> dict[str, Any]:
        return {"by": self.by, "currency": self.currency or None,
                "groups": [line.to_json() for line in self.lines],
                "total": self.total.to_json()}


def parse_age(text: str) -> float:
    """Seconds in ``30d``, ``12h``, ``2w``, ``45m``; ValueError when it does not read."""
    match = _AGE.match(text or "")
    if not match:
        raise ValueError(f"{text!r}: write an age such as 30d, 12h or 2w")
    return float(match.group(1)) * _SECONDS[match.group(2)]


def summarize(tasks: Iterable[TrackedTask | CostRow], table: CostTable, *,
              by: str = "provider",
              since: str | None = None, now: float | None = None) -> CostSummary:
    """The cost of these tasks grouped by provider, model or day (`ValueError` for a
    `since` that does not read)."""
    now = time.time() if now is None else now
    after = now - parse_age(since) if since else None
    groups: dict[str, CostLine] = {}
    total = CostLine("total")
    for task in tasks:
        row = task if isinstance(task, CostRow) else CostRow.of(task)
        if after is not None and row.added_at < after:
            continue
        if by == "model":
            key = row.model or "(unknown model)"
        elif by == "day":
            key = time.strftime("%Y-%m-%d", time.localtime(row.added_at))
        else:
            key = row.profile
        groups.setdefault(key, CostLine(key)).add(row, table)
        total.add(row, table)
    return CostSummary(by, table.currency, [groups[k] for k in sorted(groups)], total)
