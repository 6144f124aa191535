"""The bundle's entry point: `videomon` with no arguments opens the window; with a
subcommand it works in the terminal (the same as the installed `videomon`)."""

import sys

from videomon.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
