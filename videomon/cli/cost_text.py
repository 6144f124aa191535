"""`videomon cost` as a terminal table (the summary itself is `core.tracking.costs`)."""

from __future__ import annotations

from videomon.core.tracking.costs import CostLine, CostSummary


def cost_table(summary: CostSummary) -> list[str]:
    """One line per group and a total: tasks, money, the providers' own figures."""
    rows = [*summary.lines, summary.total]
    width = max([len(line.key) for line in rows] + [len(summary.by)])
    out = [f"{summary.by.upper():<{width}}  {'TASKS':>6}  {'COST':>12}  REPORTED"]
    for line in rows:
        out.append(f"{line.key:<{width}}  {line.tasks:>6}  "
                   f"{say_money(line, summary.currency):>12}  {say_units(line.units)}")
    return out


def say_money(line: CostLine, currency: str) -> str:
    """``12.50 USD``, ``≥ 12.50 USD`` when some of it is unknown, ``unknown`` when all is."""
    if line.tasks and line.unknown == line.tasks:
        return "unknown"
    text = f"{line.money:.2f}" + (f" {currency}" if currency else "")
    return ("≥ " + text) if line.unknown else text


def say_units(units: dict[str, float]) -> str:
    """``2 units, 108900 tokens`` (— when the providers reported nothing)."""
    return ", ".join(f"{_number(v)} {unit}" for unit, v in sorted(units.items())) or "—"


def _number(value: float) -> str:
    return f"{value:.0f}" if value.is_integer() else f"{value:.2f}"
