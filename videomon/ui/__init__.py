"""The Qt window: widgets and models that observe and command the engine (no I/O)."""
