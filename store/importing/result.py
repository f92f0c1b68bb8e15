"""What reading a document gives: the meeting, and the notes on what the reader was unsure of."""

from __future__ import annotations

from dataclasses import dataclass, field

from store.model import Meeting


@dataclass
class Imported:
    """A document read: its meeting, and Danish sentences on what was guessed (shown by `referat import`)."""

    meeting: Meeting
    notes: list[str] = field(default_factory=list)
