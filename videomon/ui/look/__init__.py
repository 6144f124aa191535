"""How the window looks: theme palettes, icons, small reusable widgets.
It imports no other room."""
