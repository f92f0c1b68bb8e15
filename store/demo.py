"""The bundled demo meeting: Hvidovre's Arbejdsmarkedsudvalget, 29 May 2017, as a dagsorden."""

from __future__ import annotations

import dataclasses
from importlib.resources import as_file, files
from pathlib import Path

from store.db import open_database
from store.importing import parse_file
from store.meetings import list_meetings, save_meeting
from store.model import PLANNED, Meeting

DEMO_FILE = "hvidovre-arbejdsmarkedsudvalget-2017-05-29.txt"


def as_agenda(meeting: Meeting) -> Meeting:
    """The dagsorden behind a referat: no decisions, votes, remarks, attendance or times."""
    return dataclasses.replace(
        meeting,
        status=PLANNED,
        end=None,
        approvals=[],
        members=[dataclasses.replace(m, attendance=None, substitute_for=None) for m in meeting.members],
        items=[
            dataclasses.replace(item, decision=None, votes=[], remarks=[], absences=[], absent=[], amendments=[])
            for item in meeting.items
        ],
    )


def prepare_demo(db_path: Path, *, reset: bool = False) -> int:
    """Create (or, with `reset`, recreate) the demo database; returns the demo meeting's id."""
    db_path = Path(db_path)
    if reset:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    db = open_database(db_path)
    existing = list_meetings(db)
    if existing:
        return existing[0]["id"]
    with as_file(files("store.data") / DEMO_FILE) as source:
        meeting = as_agenda(parse_file(source))
    return save_meeting(db, meeting, source=DEMO_FILE)
