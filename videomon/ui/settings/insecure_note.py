"""The warning under a provider's base URL when the key would travel unencrypted."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit

from videomon.core.providers.profiles import insecure_base_url


class InsecureUrlNote(QLabel):
    """Shown while `base_url` holds a plain http:// address of another computer."""

    def __init__(self, base_url: QLineEdit) -> None:
        super().__init__(self.tr("⚠ Plain http:// to another computer: the API key would "
                                 "travel unencrypted. Use https:// if the provider offers "
                                 "it."))
        self.setWordWrap(True)
        self.setObjectName("inlineMessage")
        self.setVisible(False)
        base_url.textChanged.connect(lambda text: self.setVisible(insecure_base_url(text)))
