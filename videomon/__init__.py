"""videomon: track AI video-generation tasks across providers and relays."""

__version__ = "0.1.0"
#: the reverse-DNS application ID: desktop file, AppStream metainfo and icon names
APP_ID = "io.videomon.Videomon"
