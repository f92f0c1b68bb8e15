"""Modal dialogs: free text, per-point outcomes, afstemning, protokolbemærkning and the small ones."""

from pathlib import Path

STYLESHEET = Path(__file__).with_name("dialogs.tcss")
"""The rules of the dialogs, help, search and the archive viewer: read when the first of them opens, not at start."""
