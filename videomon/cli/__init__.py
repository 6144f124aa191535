"""The `videomon` command line."""
