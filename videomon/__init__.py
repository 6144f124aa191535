"""videomon: track AI video-generation tasks across providers and relays."""

__version__ = "0.1.0"
