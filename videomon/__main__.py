"""`python -m videomon` runs the same entry point as the `videomon` command."""

from videomon.cli.main import main

raise SystemExit(main())
