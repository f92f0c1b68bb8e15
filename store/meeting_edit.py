"""Correcting a meeting's details: date, time, place, actual start and end, closing line, guests, fremmøde.

Each change is one audited action (`store.audit.action`), refused on an approved referat.
A value left as None is not changed; an empty text clears it.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from store.audit import action
from store.committees import ensure_person, get_committee, roster
from store.dates import parse_clock, parse_date
from store.errors import StoreError
from store.meetings import get_meeting, split_display, stamp
from store.model import PLANNED, display_name
from store.terminal_text import without_controls

if TYPE_CHECKING:
    from store.db import Database


def _date(text: str) -> dt.date:
    try:
        return parse_date(text)
    except ValueError as error:
        raise StoreError(f"{error}.") from error


def _clock(text: str) -> str:
    try:
        return parse_clock(text)
    except ValueError as error:
        raise StoreError(f"{error}.") from error


def _moved(stored: str | None, day: dt.date) -> str | None:
    """A stored time moved to another day, keeping its clock."""
    return stamp(day, dt.datetime.fromisoformat(stored).strftime("%H:%M")) if stored else None


def _text(value: str) -> str | None:
    """One line of what the user typed, without control characters; None when empty."""
    return " ".join(without_controls(value).split()) or None


def edit_meeting(
    db: Database,
    meeting_id: int,
    *,
    date: str | None = None,
    time: str | None = None,
    place: str | None = None,
    start: str | None = None,
    end: str | None = None,
    closing: str | None = None,
    committee: str | None = None,
) -> list[str]:
    """Change the meeting's date, planned time, place, actual start and end, closing line, or udvalg.

    `start` and `end` are the clock the meeting really began and ended (not for a planned meeting);
    `committee` is another udvalg of the same kommune (only before the meeting is opened and anything is
    marked on its fremmøde list, which then becomes that udvalg's roster).  Returns the Danish names of the
    fields that changed.
    """
    meeting = get_meeting(db, meeting_id)
    changes: dict = {}
    if committee is not None and committee.strip():
        changes["committee_id"] = get_committee(db, committee, meeting["municipality"])["id"]
    day = dt.date.fromisoformat(meeting["date"]) if meeting["date"] else None
    if date is not None:
        day = _date(date)
        changes["date"] = day.isoformat()
        changes["started_at"] = _moved(meeting["started_at"], day)
        changes["ended_at"] = _moved(meeting["ended_at"], day)
    if time is not None:
        changes["planned_start"] = _clock(time) if time.strip() else None
    if place is not None:
        changes["location"] = _text(place)
    if closing is not None:
        changes["closing"] = _text(closing)
    for key, value in (("started_at", start), ("ended_at", end)):
        if value is None:
            continue
        if meeting["status"] == PLANNED:
            raise StoreError("Mødet er ikke åbnet endnu; ret mødetidspunktet i stedet.")
        if day is None:
            raise StoreError("Mødet har ingen dato; angiv datoen først.")
        changes[key] = stamp(day, _clock(value)) if value.strip() else None
    began = changes.get("started_at", meeting["started_at"])
    ended = changes.get("ended_at", meeting["ended_at"])
    if began and ended and dt.datetime.fromisoformat(ended) < dt.datetime.fromisoformat(began):
        raise StoreError("Mødet kan ikke slutte, før det begynder.")
    changed = [key for key, value in changes.items() if meeting[key] != value]
    if not changed:
        return []
    with action(db, meeting_id, "Ret mødets oplysninger") as act:
        if "committee_id" in changed:
            _refuse_committee_change(db, meeting_id)
        act.update("meetings", meeting_id, **{key: changes[key] for key in changed})
        if "committee_id" in changed:
            act.delete_where("attendance", "meeting_id = ?", [meeting_id])
            for member in roster(db, changes["committee_id"]):
                act.insert("attendance", {"meeting_id": meeting_id, "person_id": member["person_id"]})
    return [_FIELD_NAMES[key] for key in changed]


def _refuse_committee_change(db: Database, meeting_id: int) -> None:
    """StoreError unless the meeting may still move to another udvalg (checked inside the action)."""
    if get_meeting(db, meeting_id)["status"] != PLANNED:
        raise StoreError("Udvalget kan kun skiftes, før mødet er åbnet.")
    if db.execute(
        "SELECT 1 FROM attendance WHERE meeting_id = ? AND (status IS NOT NULL OR substitute_for_id IS NOT "
        "NULL) LIMIT 1",
        [meeting_id],
    ).fetchone():
        raise StoreError("Fremmødet er allerede markeret; udvalget kan ikke skiftes.")


_FIELD_NAMES = {
    "committee_id": "udvalg",
    "date": "dato",
    "planned_start": "mødetidspunkt",
    "location": "mødested",
    "started_at": "begyndelse",
    "ended_at": "afslutning",
    "closing": "afslutningslinje",
}


# --- guests ------------------------------------------------------------------------------


def guests(db: Database, meeting_id: int) -> list[dict]:
    """The meeting's guests (id, name) in the order they were added."""
    return list(db.query("SELECT id, name FROM guests WHERE meeting_id = ? ORDER BY position, id", [meeting_id]))


def _on_list(db: Database, meeting_id: int, name: str) -> dict | None:
    """The attendance row (with name and party) of the person called `name` ('Anna Holm (A)' or a bare name)."""
    bare = split_display(name)[0]
    rows = list(
        db.query(
            "SELECT a.*, p.name, p.party FROM attendance a JOIN persons p ON p.id = a.person_id "
            "WHERE a.meeting_id = ? AND lower(p.name) = lower(?)",
            [meeting_id, " ".join(bare.split())],
        )
    )
    return rows[0] if rows else None


def add_guest(db: Database, meeting_id: int, name: str) -> int:
    """Record a guest ("Desuden deltog"): not a member, no vote, never counted in the quorum; returns its id."""
    name = _text(name) or ""
    if not name:
        raise StoreError("Gæsten skal have et navn.")
    get_meeting(db, meeting_id)
    if _on_list(db, meeting_id, name):
        raise StoreError(f"{name} står allerede på mødets fremmødeliste.")
    if any(row["name"].lower() == name.lower() for row in guests(db, meeting_id)):
        raise StoreError(f"{name} står allerede som gæst.")
    with action(db, meeting_id, f"Gæst tilføjet: {name}") as act:
        last = db.execute("SELECT max(position) FROM guests WHERE meeting_id = ?", [meeting_id]).fetchone()[0]
        return act.insert("guests", {"meeting_id": meeting_id, "position": (last or 0) + 1, "name": name})


def remove_guest(db: Database, meeting_id: int, name: str) -> None:
    """Remove a guest from the meeting."""
    wanted = " ".join(name.split()).lower()
    row = next((row for row in guests(db, meeting_id) if row["name"].lower() == wanted), None)
    if row is None:
        raise StoreError(f"{name.strip()} står ikke som gæst på mødet.")
    with action(db, meeting_id, f"Gæst fjernet: {row['name']}") as act:
        act.delete("guests", row["id"])


# --- the fremmøde list -----------------------------------------------------------------------


def add_attendee(db: Database, meeting_id: int, name: str, party: str | None = None) -> int:
    """Put a person on this meeting's fremmøde list only (not on the committee's roster); returns the person id."""
    bare, printed_party = split_display(without_controls(name))
    bare = " ".join(bare.split())
    party = party and without_controls(party)
    if not bare:
        raise StoreError("Deltageren skal have et navn.")
    get_meeting(db, meeting_id)
    if _on_list(db, meeting_id, bare):
        raise StoreError(f"{bare} står allerede på mødets fremmødeliste.")
    with action(db, meeting_id, f"Deltager tilføjet: {display_name(bare, party or printed_party)}") as act:
        person_id = ensure_person(act, bare, (party or printed_party or "").strip() or None)
        act.insert("attendance", {"meeting_id": meeting_id, "person_id": person_id})
        return person_id


# What a person on the list may have left in the referat: (table, condition on the person and meeting).
_TRACES = (
    ("approvals", "person_id = :person AND meeting_id = :meeting", "har godkendt referatet"),
    (
        "item_absences",
        "person_id = :person AND item_id IN (SELECT id FROM items WHERE meeting_id = :meeting)",
        "er noteret som ikke deltagende i et punkt",
    ),
    (
        "vote_casts",
        "person_id = :person AND vote_id IN (SELECT v.id FROM votes v JOIN items i ON i.id = v.item_id "
        "WHERE i.meeting_id = :meeting)",
        "har stemt",
    ),
    ("attendance", "substitute_for_id = :person AND meeting_id = :meeting", "har en stedfortræder på mødet"),
)


def remove_attendee(db: Database, meeting_id: int, name: str) -> None:
    """Take a wrongly listed name off the meeting's fremmøde list (not while the referat refers to the person)."""
    get_meeting(db, meeting_id)
    row = _on_list(db, meeting_id, name)
    if row is None:
        raise StoreError(f"{split_display(name)[0]} står ikke på mødets fremmødeliste.")
    label = display_name(row["name"], row["party"])
    with action(db, meeting_id, f"Deltager fjernet: {label}") as act:
        for table, where, reason in _TRACES:
            params = {"person": row["person_id"], "meeting": meeting_id}
            if db.execute(f"SELECT 1 FROM {table} WHERE {where} LIMIT 1", params).fetchone():
                raise StoreError(f"{label} {reason} og kan ikke fjernes fra fremmødelisten.")
        act.delete("attendance", row["id"])
