"""Which items' part of the live referat may have changed since a row of the audit log: F4 reads those again and
keeps the others' Markdown (every write is logged, this window's and other processes', undo included)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from store.db import Database

# The tables hanging on an item whose rows only change that item's part of the referat.
ITEM_TABLES = frozenset(
    {
        "decisions",
        "decision_points",
        "votes",
        "remarks",
        "item_absences",
        "sections",
        "recommendations",
        "attachments",
        "amendments",
    }
)


def referat_items_changed_since(db: Database, meeting_id: int, mark: int) -> set[int] | None:
    """The items whose part of the referat may differ from the one read at the audit log row `mark`; None when
    more may have changed (the attendance, the meeting's own fields, the agenda's order, the roster, another
    meeting): read the referat whole.  The referat's head and ending are read again in any case."""
    changed: set[int] = set()
    for entity, entity_id, field, old, new, row_meeting in db.execute(
        "SELECT entity, entity_id, field, old, new, meeting_id FROM audit_log WHERE id > ? ORDER BY id", [mark]
    ):
        if row_meeting != meeting_id:
            return None
        if entity == "items":
            if field is None or field == "position":
                return None
            changed.add(entity_id)
        elif entity == "meetings" and field == "current_item_id":
            continue
        elif entity in ITEM_TABLES or entity == "vote_casts":
            item = _item_of(db, entity, entity_id, json.loads(new or old) if field is None else None)
            if item is None:
                return None
            changed.add(item)
        else:
            return None
    return changed


def _item_of(db: Database, table: str, row_id: int, logged: dict | None) -> int | None:
    """The item a row of `table` hangs on: from the row as logged (an insert or delete), else as stored."""
    if table == "vote_casts":
        vote = logged["vote_id"] if logged else _column(db, "vote_casts", "vote_id", row_id)
        return None if vote is None else _column(db, "votes", "item_id", vote)
    return logged["item_id"] if logged else _column(db, table, "item_id", row_id)


def _column(db: Database, table: str, column: str, row_id: int) -> int | None:
    row = db.execute(f"SELECT {column} FROM {table} WHERE id = ?", [row_id]).fetchone()
    return None if row is None else row[0]
