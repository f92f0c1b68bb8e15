"""Fremmøde: who is present, afbud, absent or substituting, arrivals, departures and quorum."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from store.audit import action
from store.committees import SUBSTITUTE_ROLE, ensure_membership, ensure_person
from store.db import get_row
from store.errors import StoreError
from store.meetings import get_meeting
from store.model import ABSENT, EXPECTED_LATE, PLANNED, PRESENT, SENT_APOLOGIES, SUBSTITUTE, display_name

if TYPE_CHECKING:
    from store.db import Database

MARKABLE = (PRESENT, SENT_APOLOGIES, ABSENT, EXPECTED_LATE)


def attendance_list(db: Database, meeting_id: int) -> list[dict]:
    """Every person on the meeting's list: seat holders (formand first), then substitutes.

    `status` is what was marked (None = not marked); `effective_status` counts an
    unmarked member as til stede.
    """
    rows = list(
        db.query(
            "SELECT a.person_id, p.name, p.party, m.role, a.status, a.substitute_for_id, "
            "sp.name AS substitute_for, sp.party AS substitute_for_party, "
            "a.arrived_at, a.arrived_item_id, ai.number AS arrived_item, a.left_at, a.left_item_id, "
            "li.number AS left_item "
            "FROM attendance a JOIN persons p ON p.id = a.person_id "
            "JOIN meetings g ON g.id = a.meeting_id "
            "LEFT JOIN memberships m ON m.person_id = a.person_id AND m.committee_id = g.committee_id "
            "AND m.valid_to IS NULL "
            "LEFT JOIN persons sp ON sp.id = a.substitute_for_id "
            "LEFT JOIN items ai ON ai.id = a.arrived_item_id LEFT JOIN items li ON li.id = a.left_item_id "
            "WHERE a.meeting_id = ? ORDER BY a.status IS 'stedfortræder', "
            "CASE m.role WHEN 'formand' THEN 0 WHEN 'næstformand' THEN 1 ELSE 2 END, a.id",
            [meeting_id],
        )
    )
    substitutes = {row["substitute_for_id"]: row["name"] for row in rows if row["status"] == SUBSTITUTE}
    for row in rows:
        row["effective_status"] = row["status"] or PRESENT
        row["substituted_by"] = substitutes.get(row["person_id"])
        if row["role"] == SUBSTITUTE_ROLE:
            row["role"] = None
    return rows


def _attendance_row(db: Database, meeting_id: int, person_id: int) -> dict:
    rows = list(db.query("SELECT * FROM attendance WHERE meeting_id = ? AND person_id = ?", [meeting_id, person_id]))
    if not rows:
        raise StoreError("Personen står ikke på mødets fremmødeliste.")
    return rows[0]


def _name(db: Database, person_id: int) -> str:
    row = get_row(db, "persons", person_id)
    return display_name(row["name"], row["party"])


def set_status(db: Database, meeting_id: int, person_id: int, status: str) -> None:
    """Mark a member til stede, afbud, fraværende or kommer senere (a substitute in the seat is removed)."""
    if status not in MARKABLE:
        raise StoreError(f"Ukendt fremmødestatus '{status}'.")
    row = _attendance_row(db, meeting_id, person_id)
    with action(db, meeting_id, f"Fremmøde: {_name(db, person_id)} {status}") as act:
        act.update("attendance", row["id"], status=status)
        if status == PRESENT:
            act.delete_where(
                "attendance",
                "meeting_id = ? AND substitute_for_id = ? AND status = ?",
                [meeting_id, person_id, SUBSTITUTE],
            )


def substitute_candidates(db: Database, meeting_id: int, person_id: int) -> list[dict]:
    """The committee's stedfortrædere, those named for this member's seat first."""
    meeting = get_meeting(db, meeting_id)
    return list(
        db.query(
            "SELECT p.id AS person_id, p.name, p.party FROM memberships m JOIN persons p ON p.id = m.person_id "
            "WHERE m.committee_id = ? AND m.role = ? AND m.valid_to IS NULL "
            "ORDER BY m.substitute_for_id IS NOT ?, p.name",
            [meeting["committee_id"], SUBSTITUTE_ROLE, person_id],
        )
    )


def set_substitute(
    db: Database, meeting_id: int, person_id: int, substitute_name: str, party: str | None = None
) -> int:
    """Seat a stedfortræder for a member (who gets afbud unless already fraværende); returns the substitute's id."""
    if not substitute_name.strip():
        raise StoreError("Stedfortræderen skal have et navn.")
    meeting = get_meeting(db, meeting_id)
    seat = _attendance_row(db, meeting_id, person_id)
    with action(db, meeting_id, f"Stedfortræder for {_name(db, person_id)}: {substitute_name}") as act:
        substitute_id = ensure_person(act, substitute_name, party or get_row(db, "persons", person_id)["party"])
        if substitute_id == person_id:
            raise StoreError("Et medlem kan ikke være stedfortræder for sig selv.")
        ensure_membership(act, meeting["committee_id"], substitute_id, SUBSTITUTE_ROLE, person_id)
        if seat["status"] != ABSENT:
            act.update("attendance", seat["id"], status=SENT_APOLOGIES)
        act.delete_where(
            "attendance", "meeting_id = ? AND substitute_for_id = ? AND status = ?", [meeting_id, person_id, SUBSTITUTE]
        )
        existing = db.execute(
            "SELECT id FROM attendance WHERE meeting_id = ? AND person_id = ?", [meeting_id, substitute_id]
        ).fetchone()
        if existing:
            act.update("attendance", existing[0], status=SUBSTITUTE, substitute_for_id=person_id)
        else:
            act.insert(
                "attendance",
                {
                    "meeting_id": meeting_id,
                    "person_id": substitute_id,
                    "status": SUBSTITUTE,
                    "substitute_for_id": person_id,
                },
            )
    return substitute_id


def _clock() -> str:
    return dt.datetime.now().strftime("%H:%M")


def _danish_clock(hhmm: str) -> str:
    return hhmm.replace(":", ".")


def _arrival_item(db: Database, meeting: dict) -> int | None:
    """The first item a member arriving now takes part in: the current item while it is undecided,
    else the next undecided item (also when no item is current)."""
    from store.agenda import next_undecided

    current = meeting["current_item_id"]
    if current is not None and not _decided(db, current):
        return current
    return next_undecided(db, meeting["id"], current)


def _departure_item(db: Database, meeting: dict) -> int | None:
    """The last item a member leaving now took part in: the current item once decided, else the item
    before it in agenda order; with no current item, the item decided last."""
    current = meeting["current_item_id"]
    if current is None:
        row = db.execute(
            "SELECT id FROM items WHERE meeting_id = ? AND finished_at IS NOT NULL "
            "ORDER BY finished_at DESC, position DESC LIMIT 1",
            [meeting["id"]],
        ).fetchone()
        return row[0] if row else None
    if _decided(db, current):
        return current
    previous = db.execute(
        "SELECT id FROM items WHERE meeting_id = ? AND position < "
        "(SELECT position FROM items WHERE id = ?) ORDER BY position DESC LIMIT 1",
        [meeting["id"], current],
    ).fetchone()
    return previous[0] if previous else None


def _decided(db: Database, item_id: int) -> bool:
    row = db.execute(
        "SELECT i.postponed OR EXISTS (SELECT 1 FROM decisions d WHERE d.item_id = i.id "
        "AND (d.outcome IS NOT NULL OR d.text IS NOT NULL)) "
        "OR EXISTS (SELECT 1 FROM decision_points p WHERE p.item_id = i.id) FROM items i WHERE i.id = ?",
        [item_id],
    ).fetchone()
    return bool(row and row[0])


def record_arrival(db: Database, meeting_id: int, person_id: int) -> str:
    """A member arrives: til stede from now, noting the time and the first item he or she takes part in.

    Before the meeting is opened an arrival is simply til stede (on time, no time noted). Each member
    arrives once: a second arrival, or one of a member already til stede, is refused. Returns what
    was recorded, as a Danish sentence.
    """
    meeting = get_meeting(db, meeting_id)
    row = _attendance_row(db, meeting_id, person_id)
    name = _name(db, person_id)
    if row["arrived_at"]:
        raise StoreError(f"{name} er allerede ankommet kl. {_danish_clock(row['arrived_at'])}.")
    if row["left_at"]:
        raise StoreError(
            f"{name} har forladt mødet kl. {_danish_clock(row['left_at'])}; "
            "fortryd afgangen (ctrl+z), hvis den var en fejl."
        )
    status = SUBSTITUTE if row["status"] == SUBSTITUTE else PRESENT
    if meeting["status"] == PLANNED:
        with action(db, meeting_id, f"Fremmøde: {name} {PRESENT}") as act:
            act.update("attendance", row["id"], status=status)
        return f"{name} er til stede (mødet er ikke åbnet, så der noteres ingen ankomsttid)."
    if row["status"] == PRESENT:
        raise StoreError(f"{name} er allerede til stede.")
    item_id = _arrival_item(db, meeting)
    with action(db, meeting_id, f"Ankomst: {name}") as act:
        act.update("attendance", row["id"], status=status, arrived_at=_clock(), arrived_item_id=item_id)
        clock = _danish_clock(act.row("attendance", row["id"])["arrived_at"])
    where = f" under behandlingen af punkt {get_row(db, 'items', item_id)['number']}" if item_id else ""
    return f"{name} ankom kl. {clock}{where}."


def record_departure(db: Database, meeting_id: int, person_id: int) -> str:
    """A member leaves early: the time, and the last item he or she took part in (once per member).
    Returns what was recorded, as a Danish sentence."""
    meeting = get_meeting(db, meeting_id)
    row = _attendance_row(db, meeting_id, person_id)
    name = _name(db, person_id)
    if meeting["status"] == PLANNED:
        raise StoreError(f"Mødet er ikke åbnet; markér {name} fraværende eller med afbud i stedet.")
    if row["left_at"]:
        raise StoreError(f"{name} har allerede forladt mødet kl. {_danish_clock(row['left_at'])}.")
    if (row["status"] or PRESENT) not in (PRESENT, SUBSTITUTE):
        raise StoreError(f"{name} er ikke til stede.")
    last_item = _departure_item(db, meeting)
    with action(db, meeting_id, f"Afgang: {name}") as act:
        act.update("attendance", row["id"], left_at=_clock(), left_item_id=last_item)
        clock = _danish_clock(act.row("attendance", row["id"])["left_at"])
    after = f" efter behandlingen af punkt {get_row(db, 'items', last_item)['number']}" if last_item else ""
    return f"{name} forlod mødet kl. {clock}{after}."


@dataclass
class Quorum:
    """How many seats are filled by someone taking part, against the committee's seats."""

    present: int
    seats: int

    @property
    def ok(self) -> bool:
        return self.seats > 0 and self.present * 2 >= self.seats

    @property
    def label(self) -> str:
        if self.ok:
            return f"Beslutningsdygtigt: {self.present} af {self.seats} til stede"
        return f"Ikke beslutningsdygtigt: {self.present} af {self.seats} til stede"


def participants(db: Database, meeting_id: int, item_id: int | None = None) -> list[dict]:
    """The people taking part (in the item, if given): present members and seated substitutes."""
    rows = attendance_list(db, meeting_id)
    item_position = None
    if item_id is not None:
        item_position = get_row(db, "items", item_id, "position")["position"]  # not its text: a title may be long
    # The positions of the items members arrived or left during (not of the whole agenda).
    moments = list({row[key] for row in rows for key in ("arrived_item_id", "left_item_id") if row[key] is not None})
    positions = (
        dict(
            db.execute(
                f"SELECT id, position FROM items WHERE id IN ({', '.join('?' * len(moments))})", moments
            ).fetchall()
        )
        if moments
        else {}
    )
    not_taking_part = set()
    if item_id is not None:
        not_taking_part = {r[0] for r in db.execute("SELECT person_id FROM item_absences WHERE item_id = ?", [item_id])}
    taking_part = []
    for row in rows:
        if row["effective_status"] not in (PRESENT, SUBSTITUTE) or row["person_id"] in not_taking_part:
            continue
        if item_position is None:
            if row["left_at"]:
                continue
        else:
            arrived = positions.get(row["arrived_item_id"])
            left = positions.get(row["left_item_id"])
            if arrived is not None and item_position < arrived:
                continue
            if row["left_at"] and (left is None or item_position > left):
                continue
        taking_part.append(row)
    return taking_part


def quorum(db: Database, meeting_id: int, item_id: int | None = None) -> Quorum:
    """Beslutningsdygtighed: seats filled by someone taking part (in the item) against all seats."""
    seats = sum(1 for row in attendance_list(db, meeting_id) if row["status"] != SUBSTITUTE)
    return Quorum(present=len(participants(db, meeting_id, item_id)), seats=seats)


def quorum_warning(db: Database, item_ids: list[int]) -> str | None:
    """Why a beslutning on these items would be made without a quorum (KSL § 11), or None when each has one.

    Each item is counted on its own: members marked as not taking part in it (inhabil) and members who
    arrived after it or left before it do not count.
    """
    lacking = []
    for item_id in item_ids:
        row = db.execute("SELECT meeting_id, number FROM items WHERE id = ?", [item_id]).fetchone()
        if row is None:
            raise StoreError(f"Punkt {item_id} findes ikke.")
        counted = quorum(db, row[0], item_id)
        if not counted.ok:
            lacking.append(f"punkt {row[1]} ({counted.present} af {counted.seats})")
    if not lacking:
        return None
    return (
        f"Udvalget er ikke beslutningsdygtigt til {', '.join(lacking)}: mindst halvdelen af "
        "medlemmerne skal deltage (kommunestyrelseslovens § 11). Gemmes beslutningen alligevel, "
        "står det i referatet."
    )
