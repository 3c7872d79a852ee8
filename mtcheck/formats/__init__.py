"""Readers for the files translators use: each yields Segments with a path and line."""
