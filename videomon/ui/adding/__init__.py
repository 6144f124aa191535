"""Adding tasks: the paste/add flow, the Add dialog and the note bar under the toolbar.
It may import look/, runtime/ and wording, never window/."""
