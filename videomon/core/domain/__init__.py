"""The domain: snapshots and their states, tracked tasks, errors."""
