"""The window's own look on top of the platform style: banners and the note bar."""

STYLE = """
QFrame#banner, QLabel#banner { background: #fff4d6; border: 1px solid #e0b84c;
  border-radius: 4px; color: #4a3a00; padding: 4px; }
QFrame#inlineBar { background: #e8f0fe; border: 1px solid #9bb8ef; border-radius: 4px; }
QLabel#inlineMessage { color: #8a3b00; }
QLabel#emptyHint { color: palette(mid); font-size: 14px; }
"""
