"""The agenda during the meeting: the current item, order, hastesager, udsat, and opening/closing."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING

from store.audit import action, logged_item, logged_since
from store.db import get_row
from store.errors import StoreError
from store.meetings import get_meeting, item_from_row
from store.model import ADJOURNED, OPENED, PLANNED, Item, plain_number

if TYPE_CHECKING:
    from store.db import Database

CURRENT, POSTPONED, DECIDED, PENDING = "aktuel", "udsat", "besluttet", "afventer"


def agenda(db: Database, meeting_id: int, item_ids: Iterable[int] | None = None) -> list[dict]:
    """The items in order with id, number, title, public, urgent, state and a short outcome (only the items
    `item_ids`, when given)."""
    current = get_meeting(db, meeting_id)["current_item_id"]
    only, params = "", [meeting_id]
    if item_ids is not None:
        params += list(item_ids)
        only = f" AND i.id IN ({', '.join('?' * (len(params) - 1))})"
    rows = list(
        db.query(
            "SELECT i.id, i.number, i.title, i.public, i.urgent, i.postponed, i.kind, d.outcome, d.text, "
            "(SELECT group_concat(outcome, ' / ') FROM "
            " (SELECT outcome FROM decision_points p WHERE p.item_id = i.id ORDER BY position)) AS points "
            "FROM items i LEFT JOIN decisions d ON d.item_id = i.id "
            f"WHERE i.meeting_id = ?{only} ORDER BY i.position",
            params,
        )
    )
    for row in rows:
        decided = row["outcome"] is not None or row["text"] is not None or row["points"] is not None
        row["public"] = bool(row["public"])
        row["decided"] = decided
        row["summary"] = row["outcome"] or row["points"] or (row["text"] or "").split("\n")[0]
        if row["id"] == current:
            row["state"] = CURRENT
        elif row["postponed"]:
            row["state"] = POSTPONED
        elif decided:
            row["state"] = DECIDED
        else:
            row["state"] = PENDING
    return rows


def log_mark(db: Database) -> int:
    """The newest audit log row: what `rows_changed_since` counts from."""
    return db.execute("SELECT coalesce(max(id), 0) FROM audit_log").fetchone()[0]


def rows_changed_since(db: Database, meeting_id: int, mark: int) -> set[int] | None:
    """The items whose agenda row (`agenda`) may have changed since the log row `mark`, read from the audit log;
    None when the agenda itself may have changed (an item added, removed or moved, or a write outside this
    meeting): read it whole."""
    rows = logged_since(db, meeting_id, mark)
    if rows is None:
        return None
    changed: set[int] = set()
    for entity, entity_id, field, old, new in rows:
        if entity == "items":
            if field is None or field == "position":
                return None
            changed.add(entity_id)
        elif entity == "meetings" and field == "current_item_id":
            changed.update(json.loads(value) for value in (old, new) if value not in (None, "null"))
        elif entity in ("decisions", "decision_points"):
            item = logged_item(db, entity, entity_id, field, old, new)
            if item is None:
                return None
            changed.add(item)
    return changed


def item_detail(db: Database, item_id: int) -> Item:
    """One item as a document: sections, indstilling, decision, votes, remarks, bilag."""
    return item_from_row(db, get_row(db, "items", item_id))


def item_label(db: Database, item_id: int) -> str:
    """The item as "punkt 3": how the audit log and the timer name it."""
    row = get_row(db, "items", item_id)
    return f"punkt {row['number']}"


def set_current_item(db: Database, meeting_id: int, item_id: int | None) -> None:
    """Make an item the one being treated (remembered, so a restart resumes there)."""
    meeting = get_meeting(db, meeting_id)
    if meeting["current_item_id"] == item_id:
        return
    with action(
        db, meeting_id, f"Aktuelt punkt: {item_label(db, item_id) if item_id else 'intet'}", undoable=False
    ) as act:
        act.update("meetings", meeting_id, current_item_id=item_id)
        if item_id and get_row(db, "items", item_id)["started_at"] is None:
            act.update("items", item_id, started_at=act.at)


def open_meeting(db: Database, meeting_id: int) -> None:
    """Åbn mødet: status åbnet, the begin time, and the first undecided item current."""
    meeting = get_meeting(db, meeting_id)
    if meeting["status"] != PLANNED:
        raise StoreError("Mødet er allerede åbnet.")
    with action(db, meeting_id, "Mødet åbnet") as act:
        act.update("meetings", meeting_id, status=OPENED, started_at=act.at)
        if meeting["current_item_id"] is None:
            first = next_undecided(db, meeting_id)
            if first:
                act.update("meetings", meeting_id, current_item_id=first)
                act.update("items", first, started_at=act.at)


def close_meeting(db: Database, meeting_id: int) -> None:
    """Hæv mødet: status hævet and the end time."""
    meeting = get_meeting(db, meeting_id)
    if meeting["status"] == PLANNED:
        raise StoreError("Mødet er ikke åbnet endnu.")
    if meeting["status"] != OPENED:
        raise StoreError("Mødet er allerede hævet.")
    with action(db, meeting_id, "Mødet hævet") as act:
        act.update("meetings", meeting_id, status=ADJOURNED, ended_at=act.at)


# Undecided (no outcome, text or point outcomes) and not postponed, in agenda order.
_UNDECIDED = (
    "SELECT i.id FROM items i WHERE i.meeting_id = ? AND i.id IS NOT ? AND coalesce(i.postponed, 0) = 0 "
    "AND NOT EXISTS (SELECT 1 FROM decisions d WHERE d.item_id = i.id "
    "                AND (d.outcome IS NOT NULL OR d.text IS NOT NULL)) "
    "AND NOT EXISTS (SELECT 1 FROM decision_points p WHERE p.item_id = i.id AND p.outcome IS NOT NULL) "
)


def next_undecided(db: Database, meeting_id: int, after_item_id: int | None = None) -> int | None:
    """The first undecided, not postponed item after the given one (wrapping round), or None.

    Indexed queries that stop at the first hit: the items after the given one,
    then (wrapping round) those from the top of the agenda.
    """
    row = db.execute(
        _UNDECIDED + "AND (i.position, i.id) > (SELECT position, id FROM items WHERE id = ? AND meeting_id = ?) "
        "ORDER BY i.position, i.id LIMIT 1",
        [meeting_id, after_item_id, after_item_id, meeting_id],
    ).fetchone()
    if row is None:
        row = db.execute(_UNDECIDED + "ORDER BY i.position, i.id LIMIT 1", [meeting_id, after_item_id]).fetchone()
    return row[0] if row else None


def move_item(db: Database, item_id: int, delta: int) -> None:
    """Move an item up (delta -1) or down (+1) in the order."""
    item = get_row(db, "items", item_id)
    rows = list(db.query("SELECT id, position FROM items WHERE meeting_id = ? ORDER BY position", [item["meeting_id"]]))
    index = next(i for i, row in enumerate(rows) if row["id"] == item_id)
    other = index + delta
    if delta == 0 or not 0 <= other < len(rows):
        return
    with action(db, item["meeting_id"], f"Flyt {item_label(db, item_id)} {'op' if delta < 0 else 'ned'}") as act:
        act.update("items", item_id, position=rows[other]["position"])
        act.update("items", rows[other]["id"], position=rows[index]["position"])


def add_urgent_item(db: Database, meeting_id: int, title: str) -> int:
    """Add a hastesag at the end of the agenda, numbered after the highest number; returns its id."""
    title = " ".join(title.split())
    if not title:
        raise StoreError("Hastesagen skal have en titel.")
    rows = list(db.query("SELECT number, position FROM items WHERE meeting_id = ?", [meeting_id]))
    numbers = [number for row in rows if (number := plain_number(row["number"])) is not None]
    label = str(max(numbers) + 1) if numbers else str(len(rows) + 1)
    position = max((row["position"] for row in rows), default=0) + 1
    with action(db, meeting_id, f"Hastesag: {title}") as act:
        return act.insert(
            "items",
            {"meeting_id": meeting_id, "number": label, "position": position, "title": title, "public": 1, "urgent": 1},
        )


def set_confidential(db: Database, item_id: int, *, title: bool | None = None, outcome: bool | None = None) -> None:
    """Mark a lukket item's title and/or outcome as confidential in the public referat."""
    item = get_row(db, "items", item_id)
    if item["public"]:
        raise StoreError("Kun lukkede punkter kan have fortrolig titel eller beslutning.")
    changes = {}
    if title is not None:
        changes["title_confidential"] = int(title)
    if outcome is not None:
        changes["outcome_confidential"] = int(outcome)
    with action(db, item["meeting_id"], f"Fortrolighed {item_label(db, item_id)}") as act:
        act.update("items", item_id, **changes)


def set_public(db: Database, item_id: int, public: bool) -> None:
    """Mark an item åbent or lukket."""
    item = get_row(db, "items", item_id)
    with action(db, item["meeting_id"], f"{'Åbent' if public else 'Lukket'} {item_label(db, item_id)}") as act:
        act.update("items", item_id, public=int(public))


def item_started_at(db: Database, item_id: int) -> str | None:
    """When the item was taken up (ISO-8601), or None if it has not been yet."""
    row = db.execute("SELECT started_at FROM items WHERE id = ?", [item_id]).fetchone()
    return row[0] if row else None
