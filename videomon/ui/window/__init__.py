"""The main window and what sits around the table: actions, remembered state and geometry,
the status bar and banner, the welcome, closing. It may import every other room."""
