"""The desktop around the window: single instance, tray, clipboard, opening files and
folders. It may import table/ (drag payloads), adding/ (the note bar), never window/."""
