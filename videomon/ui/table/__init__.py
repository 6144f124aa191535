"""The task table: its model, sort/filter order, view, column fitting, delegates and the
details dialog. It may import look/, runtime/ and wording, never window/ or settings/."""
