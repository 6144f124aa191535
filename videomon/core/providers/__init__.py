"""Talking to providers: dialects, HTTP, lookups, credentials, profiles."""
