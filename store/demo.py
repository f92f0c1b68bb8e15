"""The bundled demo meeting: Hvidovre's Arbejdsmarkedsudvalget, 29 May 2017, as a dagsorden."""

from __future__ import annotations

import dataclasses
from importlib.resources import as_file, files
from pathlib import Path

from store.db import open_database
from store.errors import StoreError
from store.meetings import list_meetings, save_meeting
from store.model import PLANNED, Meeting
from store.settings import get_setting, set_setting

DEMO_FILE = "hvidovre-arbejdsmarkedsudvalget-2017-05-29.txt"
DEMO_MARK = "demo.database"  # the setting that marks a database the demo created


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


def is_demo_database(db_path: Path) -> bool:
    """True when the file is missing or empty, or is a database the demo created: marked so, or (made before
    the mark) holding only the demo meeting; a database that holds nothing at all counts as new."""
    if not db_path.exists() or (db_path.is_file() and db_path.stat().st_size == 0):
        return True
    db = open_database(db_path, readonly=True)
    try:
        if get_setting(db, DEMO_MARK) is not None:
            return True
        sources = {row[0] for row in db.execute("SELECT source FROM meetings")}
        committees = db.execute("SELECT count(*) FROM committees").fetchone()[0]
        return (sources == {DEMO_FILE} and committees == 1) or (not sources and not committees)
    finally:
        db.close()


def prepare_demo(db_path: Path, *, reset: bool = False) -> int:
    """Create (or, with `reset`, recreate) the demo database; returns the demo meeting's id.

    Refuses (StoreError) a file the demo did not create: the demo never opens, let alone deletes, a
    database of real meetings.
    """
    from store.importing import parse_file

    db_path = Path(db_path)
    if not is_demo_database(db_path):
        raise StoreError(f"{db_path} er ikke demoens database; demoen bruger og sletter kun sin egen database.")
    if reset:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    db = open_database(db_path)
    try:
        existing = list_meetings(db)
        if existing:
            return existing[0]["id"]
        set_setting(db, DEMO_MARK, "1")
        with as_file(files("store.data") / DEMO_FILE) as source:
            meeting = as_agenda(parse_file(source))
        return save_meeting(db, meeting, source=DEMO_FILE)
    finally:
        db.close()
