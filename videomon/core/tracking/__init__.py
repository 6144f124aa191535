"""Tracking: the store, the poll scheduler, the engine and its commands."""
