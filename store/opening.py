"""Opening a meeting for the meeting-day UI in one call: the database, who records it, the first screen.

`referat run` and `referat demo` make this call in a forked process while the terminal UI loads
(tui/startup.py): the first frame then waits neither for sqlite-utils, the migrations check nor the
claim's synchronous commit.  The UI opens its own connection after that frame and adopts the claim
written for it (store.recorder.adopt).  Called in-process (the tests, a platform without fork), the
open connection comes along.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from store.db import open_database
from store.errors import StoreError
from store.meetings import get_meeting, meeting_to_open
from store.model import PLANNED
from store.recorder import claim, claim_token
from store.settings import all_settings
from store.views import AgendaView, AttendanceView, agenda_view, attendance_view

if TYPE_CHECKING:
    from sqlite_utils import Database


@dataclass(frozen=True)
class Opening:
    """A meeting opened for the meeting-day UI, as plain values (they cross a process boundary)."""

    db_path: Path
    meeting_id: int
    read_only: bool  # the window may not write at all (opened read-only)
    following: bool  # another live process records the meeting: this window follows it
    claim_refused: str | None  # why the claim could not be written (locked, full disk), in Danish
    token: str | None  # the claim written for the UI's process (None: it follows)
    status: str  # the meeting's status when it was opened
    settings: dict[str, str]
    first_screen: AgendaView | AttendanceView  # Fremmøde for a new meeting, else Dagsorden at its current item
    db: Database | None = field(default=None, repr=False, compare=False)

    def detached(self) -> Opening:
        """The same without the open connection (which belongs to the process that opened it)."""
        return dataclasses.replace(self, db=None)


def open_meeting_day(db_path: Path, meeting_id: int | None, *, read_only: bool = False,
                     pid: int | None = None) -> Opening:
    """Open the database, find the meeting (None: today's), claim it for process `pid` (default: this one)
    unless another live process records it or `read_only`, and read the screen the UI starts on."""
    db_path = Path(db_path)
    db = open_database(db_path, readonly=read_only)
    meeting_id = meeting_to_open(db, meeting_id)
    refused = None
    try:
        following = not read_only and not claim(db, meeting_id, pid=pid or os.getpid())
    except StoreError as error:
        following, refused = True, str(error)
    meeting = get_meeting(db, meeting_id)
    starts_on_roll_call = meeting["status"] == PLANNED and meeting["current_item_id"] is None
    first = attendance_view(db, meeting_id) if starts_on_roll_call else agenda_view(db, meeting_id)
    return Opening(db_path, meeting_id, read_only, following, refused, claim_token(db, meeting_id),
                   meeting["status"], all_settings(db), first, db)
