"""Child process for the SIGKILL test: adds and updates tasks forever, printing each
task ID right after its transaction committed."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from videomon.core.tracking.store import TaskStore, TaskUpdate


def main() -> None:
    store = TaskStore(Path(sys.argv[1]))
    prefix = sys.argv[2]
    n = 0
    while True:
        batch = [f"{prefix}-{n + i}" for i in range(5)]
        added = store.add_many("relay", batch)
        store.apply([TaskUpdate(t.ref, {"progress": float(n % 100), "state": "running",
                                        "raw": {"big": "x" * 2000}},
                                history=("running", float(n % 100), None)) for t in added])
        n += 5
        print(" ".join(batch), flush=True)
        # a breath between batches, as the app's flushes have: SQLite's busy wait is not
        # fair, so a writer in a tight loop could starve a second process for seconds
        time.sleep(0.002)


if __name__ == "__main__":
    main()
