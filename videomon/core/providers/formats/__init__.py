"""Response formats as data: the spec, the one reader, the built-in set, the user's files."""
