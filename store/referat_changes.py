"""Which items' part of the live referat may have changed since a row of the audit log: F4 reads those again and
keeps the others' Markdown (every write is logged, this window's and other processes', undo included)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from store.audit import logged_item, logged_since

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
            continue
        elif entity in ITEM_TABLES or entity == "vote_casts":
            item = logged_item(db, entity, entity_id, field, old, new)
            if item is None:
                return None
            changed.add(item)
        else:
            return None
    return changed
