"""Approving the referat (godkendelse, which seals it: store/seal.py), tilføjelser after approval, and reopening it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from store.attendance import attendance_list
from store.audit import action
from store.errors import StoreError
from store.meetings import get_meeting
from store.model import ADJOURNED, APPROVED, PRESENT, SUBSTITUTE
from store.seal import seal, unseal

if TYPE_CHECKING:
    from store.db import Database


def _require_adjourned(db: Database, meeting_id: int) -> None:
    status = get_meeting(db, meeting_id)["status"]
    if status == APPROVED:
        raise StoreError("Referatet er allerede godkendt.")
    if status != ADJOURNED:
        raise StoreError("Mødet skal være hævet før referatet kan godkendes.")


def taking_part(db: Database, meeting_id: int) -> list[dict]:
    """The members who took part in the meeting (til stede, unmarked, or stedfortræder)."""
    return [row for row in attendance_list(db, meeting_id) if row["effective_status"] in (PRESENT, SUBSTITUTE)]


def approvals(db: Database, meeting_id: int) -> list[dict]:
    """The approvals given so far: person_id, name, at and reservation, oldest first."""
    return list(
        db.query(
            "SELECT a.id, a.person_id, p.name, a.at, a.reservation FROM approvals a "
            "JOIN persons p ON p.id = a.person_id WHERE a.meeting_id = ? ORDER BY a.at, a.id",
            [meeting_id],
        )
    )


def _no_such_approver(db: Database, meeting_id: int, typed: str) -> str:
    """Why `typed` cannot approve: on the list but did not take part, or no one has that name (with the
    names that contain what was typed)."""
    typed = " ".join(typed.split())
    listed = attendance_list(db, meeting_id)
    if any(row["name"].lower() == typed.lower() for row in listed):
        return f"{typed} deltog ikke i mødet og kan ikke godkende referatet."
    words = typed.lower().split()
    matches = [row["name"] for row in listed if words and all(word in row["name"].lower() for word in words)]
    if matches:
        return f"Intet medlem hedder '{typed}'. Mente du: {', '.join(matches)}?"
    names = ", ".join(row["name"] for row in taking_part(db, meeting_id))
    return f"Intet medlem hedder '{typed}'. Mødets deltagere: {names}."


def approve(db: Database, meeting_id: int, member_name: str, reservation: str | None = None) -> bool:
    """Record one member's approval, optionally med forbehold; returns True when that completes the approval.

    When every member who took part has approved, the meeting becomes godkendt (locked).
    Every check reads inside the approval's own write transaction, so two members approving
    at once both count and the last one locks; the same member twice at once is refused once
    (and the database holds at most one approval per member and meeting).
    """
    wanted = " ".join(member_name.split()).lower()
    reservation = " ".join((reservation or "").split()) or None
    with action(db, meeting_id, "Godkendelse", allow_locked=True) as act:
        _require_adjourned(db, meeting_id)
        people = taking_part(db, meeting_id)
        member = next((row for row in people if row["name"].lower() == wanted), None)
        if member is None:
            raise StoreError(_no_such_approver(db, meeting_id, member_name))
        approved = {row["person_id"] for row in approvals(db, meeting_id)}
        if member["person_id"] in approved:
            raise StoreError(f"{member['name']} har allerede godkendt referatet.")
        act.relabel(f"Godkendt af {member['name']}" + (" med forbehold" if reservation else ""))
        act.insert(
            "approvals",
            {"meeting_id": meeting_id, "person_id": member["person_id"], "at": act.at, "reservation": reservation},
        )
        complete = {row["person_id"] for row in people} <= approved | {member["person_id"]}
        if complete:
            act.update("meetings", meeting_id, status=APPROVED)
            seal(act, meeting_id)
    return complete


def approve_final(db: Database, meeting_id: int) -> None:
    """The chair's confirmation: the referat is godkendt and locked."""
    with action(db, meeting_id, "Referatet godkendt af formanden", allow_locked=True) as act:
        _require_adjourned(db, meeting_id)
        act.update("meetings", meeting_id, status=APPROVED)
        seal(act, meeting_id)


def amend(db: Database, meeting_id: int, item_number: str, text: str, reason: str | None = None) -> int:
    """Add a dated tilføjelse to an item of an approved referat; returns its id."""
    if get_meeting(db, meeting_id)["status"] != APPROVED:
        raise StoreError("Tilføjelser kan kun laves til et godkendt referat; ret ellers referatet direkte.")
    text = text.strip()
    if not text:
        raise StoreError("Tilføjelsen skal have en tekst.")
    item = next(
        iter(
            db.query(
                "SELECT id, number FROM items WHERE meeting_id = ? AND number = ?",
                [meeting_id, str(item_number).strip()],
            )
        ),
        None,
    )
    if item is None:
        raise StoreError(f"Mødet har intet punkt {item_number}.")
    with action(db, meeting_id, f"Tilføjelse til punkt {item['number']}", allow_locked=True) as act:
        return act.insert(
            "amendments",
            {
                "meeting_id": meeting_id,
                "item_id": item["id"],
                "text": text,
                "reason": (reason or "").strip() or None,
                "at": act.at,
            },
        )


def reopen(db: Database, meeting_id: int, reason: str) -> None:
    """Open an approved referat again (back to hævet); the approvals are removed, all logged."""
    if get_meeting(db, meeting_id)["status"] != APPROVED:
        raise StoreError("Kun et godkendt referat kan genåbnes.")
    reason = " ".join(reason.split())
    if not reason:
        raise StoreError("Angiv en begrundelse for at genåbne referatet.")
    with action(db, meeting_id, f"Referatet genåbnet: {reason}", allow_locked=True) as act:
        act.update("meetings", meeting_id, status=ADJOURNED)
        act.delete_where("approvals", "meeting_id = ?", [meeting_id])
        unseal(act, meeting_id)
