"""What a cost is called on screen: money in the user's currency where the price table
knows it, the provider's own figure beside it, "unknown" where neither is known."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from videomon.core.domain.task import TrackedTask
from videomon.core.tracking.costs import CostLine, CostTable, reported


def amount(value: float) -> str:
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.2f}"


def money_text(line: CostLine, currency: str) -> str:
    """``12.50 USD``; ``at least 12.50 USD`` when some are unknown; ``unknown``."""
    if not line.tasks or line.unknown == line.tasks:
        return QCoreApplication.translate("CostWords", "unknown")
    text = f"{line.money:.2f}" + (f" {currency}" if currency else "")
    if not line.unknown:
        return text
    return QCoreApplication.translate("CostWords", "at least {money}").format(money=text)


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
    said = QCoreApplication.translate(
        "CostWords", "{amount} {unit} reported by the provider").format(
        amount=amount(figure[0]), unit=figure[1])
    return said if line.unknown else f"{money} · {said}"


def line_text(line: CostLine, currency: str) -> str:
    """The status bar's cost of what is selected or shown."""
    units = units_text(line.units)
    money = money_text(line, currency)
    if line.unknown == line.tasks and units:
        return QCoreApplication.translate("CostWords", "Cost: {units}").format(units=units)
    text = QCoreApplication.translate("CostWords", "Cost: {money}").format(money=money)
    return text + (f" ({units})" if units else "")
