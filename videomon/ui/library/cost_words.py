"""What a cost is called on screen: money in the user's currency where the price table
knows it, the provider's own figure beside it, "unknown" where neither is known."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from videomon.core.domain.task import TrackedTask
from videomon.core.tracking.costs import CostLine, CostTable, reported


def _tr(text: str) -> str:
    return QCoreApplication.translate("CostWords", text)


def amount(value: float) -> str:
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.2f}"


def money_text(line: CostLine, currency: str) -> str:
    """``12.50 USD``; ``at least 12.50 USD`` when some are unknown; ``unknown``."""
    if not line.tasks or line.unknown == line.tasks:
        return _tr("unknown")
    text = f"{line.money:.2f}" + (f" {currency}" if currency else "")
    return _tr("at least {money}").format(money=text) if line.unknown else text


def units_text(units: dict[str, float]) -> str:
    """``2 units, 108900 tokens`` as the providers reported them ("" when none did)."""
    return ", ".join(f"{amount(v)} {unit}" for unit, v in sorted(units.items()))


def task_cost(task: TrackedTask, table: CostTable) -> str:
    """One task's cost for its Details."""
    line = CostLine("")
    line.add(task, table)
    money = money_text(line, table.currency)
    figure = reported(task)
    if figure is None:
        return money
    said = _tr("{amount} {unit} reported by the provider").format(
        amount=amount(figure[0]), unit=figure[1])
    return said if line.unknown else f"{money} · {said}"


def line_text(line: CostLine, currency: str) -> str:
    """The status bar's cost of what is selected or shown."""
    units = units_text(line.units)
    money = money_text(line, currency)
    if line.unknown == line.tasks and units:
        return _tr("Cost: {units}").format(units=units)
    return _tr("Cost: {money}").format(money=money) + (f" ({units})" if units else "")
