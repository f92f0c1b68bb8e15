"""Importing a parsed document into a meeting that already exists, and recognising a document seen before.

A document is recognised by the hash of its bytes (`content_hash`): importing it again, for
instance when an import is retried after it was killed, makes no second meeting.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from store.agenda_edit import delete_item_rows
from store.audit import action
from store.committees import find_committee, same_municipality
from store.errors import StoreError
from store.meetings import AlreadyImported, get_meeting, imported_as, save_content, stamp
from store.model import PLANNED, Meeting

if TYPE_CHECKING:
    from store.db import Database


def content_hash(path: Path) -> str:
    """The SHA-256 of a file's bytes, as hex."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def meeting_to_fill(db: Database, committee: str, municipality: str | None, meeting: Meeting) -> int | None:
    """The committee's one planned meeting on the document's date that has no dagsorden yet, or None.

    That is the meeting `referat meeting new` or `referat plan` made: a dagsorden for it fills it
    instead of making a second meeting the same day.
    """
    found = find_committee(db, committee, municipality) if meeting.date else None
    if found is None or meeting.date is None:
        return None
    rows = db.execute(
        "SELECT g.id FROM meetings g WHERE g.committee_id = ? AND g.date = ? AND g.status = ? "
        "AND NOT EXISTS (SELECT 1 FROM items i WHERE i.meeting_id = g.id)",
        [found["id"], meeting.date.isoformat(), PLANNED],
    ).fetchall()
    return rows[0][0] if len(rows) == 1 else None


def _refuse_other_meeting(row: dict, meeting: Meeting, committee: str | None, municipality: str | None) -> None:
    """StoreError when the document is plainly of another committee, kommune or date than the meeting."""
    name = (committee or meeting.committee or "").strip()
    if name and name.lower() != row["committee"].lower():
        raise StoreError(f"Dokumentet er fra {name}, men møde {row['id']} er {row['committee']}s.")
    kommune = municipality or meeting.municipality
    if kommune and row["municipality"] and not same_municipality(kommune, row["municipality"]):
        raise StoreError(f"Dokumentet er fra {kommune}, men møde {row['id']} hører til {row['municipality']}.")
    if meeting.date and row["date"] and meeting.date.isoformat() != row["date"]:
        raise StoreError(
            f"Dokumentet er dateret {meeting.date.isoformat()}, men møde {row['id']} holdes "
            f"{row['date']}; ret mødets dato med 'referat meeting edit' først."
        )


def import_meeting(
    db: Database,
    meeting_id: int,
    meeting: Meeting,
    *,
    source: str | None = None,
    source_hash: str | None = None,
    replace: bool = False,
    committee: str | None = None,
    municipality: str | None = None,
) -> None:
    """Put a document's agenda (and whatever else it records) into the existing meeting `meeting_id`.

    A meeting that has items already is only changed with `replace`, and only while it is planned
    or was itself imported: what was recorded in referat is never overwritten by a file. The
    document's members replace the fremmøde list when it names any; its time and place fill in
    or correct the meeting's.
    """
    with action(db, meeting_id, f"Importér {source or 'dokument'} i mødet") as act:
        row = get_meeting(db, meeting_id)
        if source_hash and (earlier := imported_as(db, source_hash)):
            raise AlreadyImported(source, earlier)
        _refuse_other_meeting(row, meeting, committee, municipality)
        item_ids = [item_id for (item_id,) in db.execute("SELECT id FROM items WHERE meeting_id = ?", [meeting_id])]
        if item_ids and not replace:
            raise StoreError(f"Møde {meeting_id} har allerede en dagsorden; brug --replace for at erstatte den.")
        if item_ids and row["status"] != PLANNED and row["source"] is None:
            raise StoreError(f"Møde {meeting_id} er holdt og optaget i referat; det erstattes ikke af en fil.")
        for item_id in item_ids:
            delete_item_rows(act, item_id)
        act.delete_where("approvals", "meeting_id = ?", [meeting_id])
        act.delete_where("guests", "meeting_id = ?", [meeting_id])
        if meeting.members:
            act.delete_where("attendance", "meeting_id = ?", [meeting_id])
        day = meeting.date
        held = meeting.status != PLANNED
        act.update(
            "meetings",
            meeting_id,
            planned_start=meeting.start or row["planned_start"],
            location=meeting.location or row["location"],
            status=meeting.status,
            started_at=stamp(day, meeting.start) if held else None,
            ended_at=stamp(day, meeting.end) if held else None,
            closing=meeting.closing,
            closed_prefix=meeting.closed_prefix,
            closed_marker=meeting.closed_marker,
            source=source,
            source_hash=source_hash,
        )
        save_content(act, meeting_id, row["committee_id"], meeting)
