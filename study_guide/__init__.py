"""Spotify Interview Study Guides: data model, loader and site rendering."""
