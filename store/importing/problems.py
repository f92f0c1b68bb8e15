"""The error an import raises: one Danish sentence naming the file (and line)."""

from __future__ import annotations

from store.errors import StoreError


class ImportProblem(StoreError):
    """A file that cannot be imported, told as one clear Danish sentence."""


def where(source: str, line: int | None = None) -> str:
    """'Filen x.md' or 'Filen x.md, linje 12' — the start of every import message."""
    return f"Filen {source}, linje {line}" if line else f"Filen {source}"
