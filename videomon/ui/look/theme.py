"""Light and dark: explicit Fusion palettes, chosen by the Appearance setting (System,
Light, Dark). "System" follows the desktop's colour scheme where Qt can read it
(`QStyleHints.colorScheme`; it stays Unknown on plain X11 and offscreen, which reads as
light). Every colour a widget or delegate paints comes from the palette or from here, and
text keeps at least 4.5:1 contrast against what it is drawn on."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

APPEARANCES = {"system": QT_TRANSLATE_NOOP("SettingsDialog", "Follow the system"),
               "light": QT_TRANSLATE_NOOP("SettingsDialog", "Light"),
               "dark": QT_TRANSLATE_NOOP("SettingsDialog", "Dark")}

_LIGHT = {
    QPalette.ColorRole.Window: "#efefef", QPalette.ColorRole.WindowText: "#1d1d1f",
    QPalette.ColorRole.Base: "#ffffff", QPalette.ColorRole.AlternateBase: "#f5f6f8",
    QPalette.ColorRole.ToolTipBase: "#ffffdc", QPalette.ColorRole.ToolTipText: "#1d1d1f",
    QPalette.ColorRole.Text: "#1d1d1f", QPalette.ColorRole.Button: "#efefef",
    QPalette.ColorRole.ButtonText: "#1d1d1f", QPalette.ColorRole.BrightText: "#ffffff",
    QPalette.ColorRole.Highlight: "#2b6cb0", QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.Link: "#1f5fa8", QPalette.ColorRole.LinkVisited: "#6a3fa0",
    QPalette.ColorRole.PlaceholderText: "#6b6f76", QPalette.ColorRole.Light: "#ffffff",
    QPalette.ColorRole.Midlight: "#e3e3e3", QPalette.ColorRole.Mid: "#b8b8b8",
    QPalette.ColorRole.Dark: "#9f9f9f", QPalette.ColorRole.Shadow: "#767676",
}
_DARK = {
    QPalette.ColorRole.Window: "#2b2d31", QPalette.ColorRole.WindowText: "#e6e7e9",
    QPalette.ColorRole.Base: "#1e1f22", QPalette.ColorRole.AlternateBase: "#26282c",
    QPalette.ColorRole.ToolTipBase: "#3a3d42", QPalette.ColorRole.ToolTipText: "#e6e7e9",
    QPalette.ColorRole.Text: "#e6e7e9", QPalette.ColorRole.Button: "#35383d",
    QPalette.ColorRole.ButtonText: "#e6e7e9", QPalette.ColorRole.BrightText: "#ffffff",
    QPalette.ColorRole.Highlight: "#2f64ad", QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.Link: "#7fb0ff", QPalette.ColorRole.LinkVisited: "#c19cff",
    QPalette.ColorRole.PlaceholderText: "#9a9ea6", QPalette.ColorRole.Light: "#4a4d52",
    QPalette.ColorRole.Midlight: "#3d4045", QPalette.ColorRole.Mid: "#5a5e64",
    QPalette.ColorRole.Dark: "#17181a", QPalette.ColorRole.Shadow: "#000000",
}
_DISABLED_TEXT = {"light": "#8a8d93", "dark": "#80848b"}

#: the banner and the note bar: (background, border, text) per scheme
NOTES = {
    "light": {"banner": ("#fff4d6", "#e0b84c", "#4a3a00"),
              "inline": ("#e8f0fe", "#9bb8ef", "#1d1d1f"), "warning": "#8a3b00"},
    "dark": {"banner": ("#3d3420", "#8a7330", "#f3e2b0"),
             "inline": ("#22324a", "#3f5f8f", "#e6e7e9"), "warning": "#ffb27a"},
}
#: the bar fills that carry white text
BAR_FILLS = {"succeeded": QColor("#1f7a3a"), "failed": QColor("#b3382e")}


def palette(scheme: str) -> QPalette:
    result = QPalette()
    for role, color in (_DARK if scheme == "dark" else _LIGHT).items():
        result.setColor(role, QColor(color))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText,
                 QPalette.ColorRole.ButtonText):
        result.setColor(QPalette.ColorGroup.Disabled, role, QColor(_DISABLED_TEXT[scheme]))
    return result


def style_sheet(scheme: str) -> str:
    notes = NOTES[scheme]
    bg, border, text = notes["banner"]
    ibg, iborder, itext = notes["inline"]
    return (f"QFrame#banner, QLabel#banner {{ background: {bg}; border: 1px solid {border};"
            f" border-radius: 4px; color: {text}; padding: 4px; }}\n"
            f"QFrame#inlineBar {{ background: {ibg}; border: 1px solid {iborder};"
            f" border-radius: 4px; color: {itext}; }}\n"
            f"QLabel#inlineMessage {{ color: {notes['warning']}; }}\n"
            "QLabel#emptyHint { color: palette(placeholder-text); font-size: 14px; }\n")


def luminance(color: QColor) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    return (0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF())
            + 0.0722 * channel(color.blueF()))


def contrast(a: QColor, b: QColor) -> float:
    """The WCAG contrast ratio of two colours (1 to 21)."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def readable_on(background: QColor) -> QColor:
    """White or near-black, whichever reads better on `background`."""
    white, black = QColor("#ffffff"), QColor("#111111")
    return white if contrast(white, background) >= contrast(black, background) else black


class Theme(QObject):
    """Applies an appearance to the application and keeps following the system's."""

    def __init__(self, apply_sheet: object = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.choice = "system"
        self.scheme = "light"
        self._apply_sheet = apply_sheet  # callable(str) for the window's own style sheet
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.styleHints().colorSchemeChanged.connect(lambda _s: self._refresh())

    def apply(self, choice: str) -> None:
        self.choice = choice if choice in APPEARANCES else "system"
        self._refresh()

    def system_scheme(self) -> str:
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication) and \
                app.styleHints().colorScheme() == Qt.ColorScheme.Dark:
            return "dark"
        return "light"

    def _refresh(self) -> None:
        self.scheme = self.system_scheme() if self.choice == "system" else self.choice
        app = QApplication.instance()
        if isinstance(app, QApplication):
            if app.style().name().lower() != "fusion":
                app.setStyle(QStyleFactory.create("Fusion"))
            app.setPalette(palette(self.scheme))
        if callable(self._apply_sheet):
            self._apply_sheet(style_sheet(self.scheme))
