"""Settings: the dialog and its pages (providers, formats, general), the flow that saves
them, provider presets. It may import look/, runtime/ and wording, never window/."""
