"""Local files: where videomon keeps things, atomic writes, settings."""
