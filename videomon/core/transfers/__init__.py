"""Transfers: the resumable downloader, the download manager, media files."""
