"""A committee's roster, one member at a time: add, change, remove (leave the committee) and list.

Each change is one audited action. A member who leaves keeps their place in earlier meetings:
the membership gets an end date, nothing is deleted. Planned meetings follow the roster: a new
member is put on their fremmøde list, one who leaves is taken off it (unless marked already).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from store.audit import Action, action
from store.committees import SUBSTITUTE_ROLE, get_committee
from store.dates import parse_date
from store.errors import StoreError
from store.model import MEMBER, PLANNED, ROLES, display_name
from store.terminal_text import without_controls

if TYPE_CHECKING:
    from store.db import Database

MEMBER_ROLES = (*ROLES, SUBSTITUTE_ROLE)


def _clean(name: str | None) -> str:
    """One line of what the user typed, without control characters."""
    return " ".join(without_controls(name or "").split())


def _day(text: str | None, what: str) -> str | None:
    if text is None or not text.strip():
        return None
    try:
        return parse_date(text).isoformat()
    except ValueError as error:
        raise StoreError(f"{what}: {error}.") from error


def _role(role: str | None) -> str | None:
    if role is None:
        return None
    role = role.strip().lower()
    if role not in MEMBER_ROLES:
        raise StoreError(f"Ukendt rolle '{role}' (brug {', '.join(MEMBER_ROLES)}).")
    return role


def list_members(db: Database, committee: str, municipality: str | None = None, *, former: bool = False) -> list[dict]:
    """The committee's members and stedfortrædere (formand first), with party, role, whose substitute,
    and from/to dates; `former` adds those who have left."""
    committee_id = get_committee(db, committee, municipality)["id"]
    return list(
        db.query(
            "SELECT m.id, p.id AS person_id, p.name, p.party, m.role, s.name AS substitute_for, "
            "m.valid_from, m.valid_to FROM memberships m JOIN persons p ON p.id = m.person_id "
            "LEFT JOIN persons s ON s.id = m.substitute_for_id "
            "WHERE m.committee_id = ?"
            + ("" if former else " AND m.valid_to IS NULL")
            + " ORDER BY m.valid_to IS NOT NULL, m.role = ?, "
            "CASE m.role WHEN 'formand' THEN 0 WHEN 'næstformand' THEN 1 ELSE 2 END, p.name",
            [committee_id, SUBSTITUTE_ROLE],
        )
    )


def _membership(db: Database, committee_id: int, name: str) -> dict:
    rows = list(
        db.query(
            "SELECT m.*, p.name, p.party FROM memberships m JOIN persons p ON p.id = m.person_id "
            "WHERE m.committee_id = ? AND lower(p.name) = lower(?) AND m.valid_to IS NULL",
            [committee_id, name],
        )
    )
    if not rows:
        raise StoreError(f"{name} er ikke medlem af udvalget.")
    return rows[0]


def _seat(db: Database, committee_id: int, name: str | None) -> int | None:
    """The person id of the member a stedfortræder stands in for (who must be a current member)."""
    name = _clean(name)
    if not name:
        return None
    row = db.execute(
        "SELECT p.id FROM memberships m JOIN persons p ON p.id = m.person_id WHERE m.committee_id = ? "
        "AND lower(p.name) = lower(?) AND m.valid_to IS NULL AND m.role != ?",
        [committee_id, name, SUBSTITUTE_ROLE],
    ).fetchone()
    if row is None:
        raise StoreError(f"{name} er ikke medlem af udvalget; en stedfortræder skal stå for et medlem.")
    return row[0]


def _planned_meetings(db: Database, committee_id: int, since: str | None) -> list[int]:
    day = since or dt.date.today().isoformat()
    return [
        row[0]
        for row in db.execute(
            "SELECT id FROM meetings WHERE committee_id = ? AND status = ? AND date >= ?", [committee_id, PLANNED, day]
        ).fetchall()
    ]


def _put_on_planned_meetings(act: Action, committee_id: int, person_id: int, since: str | None) -> None:
    for meeting_id in _planned_meetings(act.db, committee_id, since):
        if not act.db.execute(
            "SELECT 1 FROM attendance WHERE meeting_id = ? AND person_id = ?", [meeting_id, person_id]
        ).fetchone():
            act.insert("attendance", {"meeting_id": meeting_id, "person_id": person_id})


def add_member(
    db: Database,
    committee: str,
    name: str,
    *,
    party: str | None = None,
    role: str | None = None,
    substitute_for: str | None = None,
    valid_from: str | None = None,
    valid_to: str | None = None,
    municipality: str | None = None,
) -> int:
    """Add a member (or, with `substitute_for`, a stedfortræder) to the committee; returns the membership id."""
    name = _clean(name)
    if not name:
        raise StoreError("Medlemmet skal have et navn.")
    role = _role(role) or (SUBSTITUTE_ROLE if _clean(substitute_for) else MEMBER)
    start, end = _day(valid_from, "--from"), _day(valid_to, "--to")
    committee_row = get_committee(db, committee, municipality)
    committee_id = committee_row["id"]
    with action(db, None, f"Nyt medlem af {committee_row['name']}: {display_name(name, _clean(party) or None)}") as act:
        current = db.execute(
            "SELECT 1 FROM memberships m JOIN persons p ON p.id = m.person_id WHERE m.committee_id = ? "
            "AND lower(p.name) = lower(?) AND m.valid_to IS NULL",
            [committee_id, name],
        ).fetchone()
        if current:
            raise StoreError(f"{name} er allerede medlem af udvalget.")
        seat = _seat(db, committee_id, substitute_for) if role == SUBSTITUTE_ROLE else None
        person = db.execute("SELECT id, party FROM persons WHERE lower(name) = lower(?)", [name]).fetchone()
        if person is None:
            person_id = act.insert("persons", {"name": name, "party": _clean(party) or None})
        else:
            person_id = person[0]
            if _clean(party) and _clean(party) != person[1]:
                act.update("persons", person_id, party=_clean(party))
        membership_id = act.insert(
            "memberships",
            {
                "committee_id": committee_id,
                "person_id": person_id,
                "role": role,
                "substitute_for_id": seat,
                "valid_from": start,
                "valid_to": end,
            },
        )
        if role != SUBSTITUTE_ROLE and end is None:
            _put_on_planned_meetings(act, committee_id, person_id, start)
        return membership_id


def edit_member(
    db: Database,
    committee: str,
    name: str,
    *,
    new_name: str | None = None,
    party: str | None = None,
    role: str | None = None,
    substitute_for: str | None = None,
    valid_from: str | None = None,
    valid_to: str | None = None,
    municipality: str | None = None,
) -> None:
    """Change a current member's name, party, role, whose stedfortræder, or dates (an empty text clears one)."""
    committee_row = get_committee(db, committee, municipality)
    committee_id = committee_row["id"]
    name = _clean(name)
    role = _role(role)
    with action(db, None, f"Ret medlem af {committee_row['name']}: {name}") as act:
        row = _membership(db, committee_id, name)
        person: dict[str, str | None] = {}
        if new_name is not None:
            new_name = _clean(new_name)
            if not new_name:
                raise StoreError("Medlemmet skal have et navn.")
            clash = db.execute(
                "SELECT 1 FROM persons WHERE lower(name) = lower(?) AND id != ?", [new_name, row["person_id"]]
            ).fetchone()
            if clash:
                raise StoreError(f"Der findes allerede en person ved navn {new_name}.")
            person["name"] = new_name
        if party is not None:
            person["party"] = _clean(party) or None
        act.update("persons", row["person_id"], **person)
        membership: dict[str, str | int | None] = {}
        if role is not None:
            membership["role"] = role
            if role != SUBSTITUTE_ROLE:
                membership["substitute_for_id"] = None
        if substitute_for is not None:
            if (role or row["role"]) != SUBSTITUTE_ROLE and _clean(substitute_for):
                membership["role"] = SUBSTITUTE_ROLE
            membership["substitute_for_id"] = _seat(db, committee_id, substitute_for)
        if valid_from is not None:
            membership["valid_from"] = _day(valid_from, "--from")
        end = _day(valid_to, "--to")
        if valid_to is not None and end is None:
            membership["valid_to"] = None
        act.update("memberships", row["id"], **membership)
        if end is not None:
            _end_membership(db, act, committee_id, {**row, **membership}, name, end)


def remove_member(
    db: Database, committee: str, name: str, *, until: str | None = None, municipality: str | None = None
) -> str:
    """The member leaves the committee on `until` (default today); earlier meetings keep them.

    They are taken off the fremmøde list of planned meetings after that day where nothing is marked
    for them yet. Returns the end date (ISO).
    """
    committee_row = get_committee(db, committee, municipality)
    committee_id = committee_row["id"]
    name = _clean(name)
    end = _day(until, "--date") or dt.date.today().isoformat()
    with action(db, None, f"Medlem udtrådt af {committee_row['name']}: {name}") as act:
        _end_membership(db, act, committee_id, _membership(db, committee_id, name), name, end)
    return end


def _end_membership(db: Database, act: Action, committee_id: int, row: dict, name: str, end: str) -> None:
    """Inside `act`: the membership `row` ends on `end`; whoever was their stedfortræder has no seat, and planned
    meetings after that day lose them from the fremmøde list where nothing is marked for them yet."""
    if row["valid_from"] and end < row["valid_from"]:
        raise StoreError(f"{name} kan ikke udtræde før {row['valid_from']}, hvor medlemskabet begyndte.")
    act.update("memberships", row["id"], valid_to=end)
    seated = db.execute(
        "SELECT m.id FROM memberships m WHERE m.committee_id = ? AND m.substitute_for_id = ? AND m.valid_to IS NULL",
        [committee_id, row["person_id"]],
    ).fetchall()
    for (membership_id,) in seated:
        act.update("memberships", membership_id, substitute_for_id=None)
    for meeting_id in _planned_meetings(db, committee_id, end):
        date = db.execute("SELECT date FROM meetings WHERE id = ?", [meeting_id]).fetchone()[0]
        if date > end:
            act.delete_where(
                "attendance", "meeting_id = ? AND person_id = ? AND status IS NULL", [meeting_id, row["person_id"]]
            )
