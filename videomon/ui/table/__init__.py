"""The task table: its model, sort/filter order, view, column fitting and delegates.
It may import look/, runtime/ and wording, never window/, library/ or settings/."""
