"""referat's domain and persistence: SQLite through sqlite-utils, import and export.

Nothing here imports Textual or the `tui` package.
"""
