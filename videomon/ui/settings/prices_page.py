"""Settings → Prices: the user's currency and what each provider (and model) charges —
per task, per second of video, or per unit the provider reports (credits, tokens…). The
status bar, Details and `videomon cost` turn the providers' figures into money with it."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from videomon.core.config.settings import Settings
from videomon.core.tracking.costs import Price

#: how a price counts, as the page offers it
PER_WORDS = {"task": QT_TRANSLATE_NOOP("PricesPage", "per task"),
             "second": QT_TRANSLATE_NOOP("PricesPage", "per second of video"),
             "unit": QT_TRANSLATE_NOOP("PricesPage", "per unit the provider reports")}
ANY = ""


class PricesPage(QWidget):
    def __init__(self, settings: Settings, providers: Sequence[str],
                 parent: Any = None) -> None:
        super().__init__(parent)
        self.providers = list(providers)
        self.currency = QLineEdit(settings.currency)
        self.currency.setMaxLength(8)
        self.currency.setPlaceholderText(self.tr("e.g. USD, CNY, credits"))
        self.currency.setAccessibleName(self.tr("Currency"))
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("Provider"), self.tr("Model"),
                                              self.tr("Counted"), self.tr("Price")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setAccessibleName(self.tr("Prices"))
        add = QPushButton(self.tr("Add price"))
        add.clicked.connect(lambda: self.add_row(Price()))
        remove = QPushButton(self.tr("Remove price"))
        remove.clicked.connect(self._remove_row)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        note = QLabel(self.tr("The most specific row counts: a provider and model, then a "
                              "provider, then a model. A task that no row prices has an "
                              "unknown cost; failed tasks cost nothing unless the provider reports "
                              "a figure."))
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Currency:"), self.currency)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(note)
        for data in settings.prices:
            price = Price.read(data)
            if price is not None:
                self.add_row(price)

    def add_row(self, price: Price) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        provider = QComboBox()
        provider.addItem(self.tr("any provider"), ANY)
        for name in dict.fromkeys([*self.providers, price.provider]):
            if name:
                provider.addItem(name, name)
        provider.setCurrentIndex(max(0, provider.findData(price.provider)))
        model = QLineEdit(price.model)
        model.setPlaceholderText(self.tr("any model"))
        per = QComboBox()
        for value, text in PER_WORDS.items():
            per.addItem(QCoreApplication.translate("PricesPage", text), value)
        per.setCurrentIndex(max(0, per.findData(price.per)))
        amount = QDoubleSpinBox()
        amount.setDecimals(4)
        amount.setRange(0.0, 1_000_000.0)
        amount.setValue(price.price)
        for column, widget in enumerate((provider, model, per, amount)):
            self.table.setCellWidget(row, column, widget)
        self.table.setCurrentCell(row, 0)

    def _remove_row(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def prices(self) -> list[Price]:
        out = []
        for row in range(self.table.rowCount()):
            provider, model, per, amount = (self.table.cellWidget(row, c) for c in range(4))
            out.append(Price(provider.currentData(), model.text().strip(), per.currentData(),
                             amount.value()))
        return out

    def apply(self, settings: Settings) -> Settings:
        """`settings` with this page's currency and prices."""
        return dataclasses.replace(settings, currency=self.currency.text().strip(),
                                   prices=[p.to_json() for p in self.prices()])
