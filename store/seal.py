"""The seal of an approved referat: the roster, names and committee as they were at the meeting.

When the referat becomes godkendt, the same action stores one `approval_seals` row: the committee's
name, kommune and placement of the beslutning, and the name, party and role of every person the
referat names.  An approved meeting is rendered from its seal, so a roster imported later, a renamed
person or a kommune learnt from another document never changes a signed referat; only `amend` and
`reopen` do.  A referat imported as godkendt is sealed as it is imported.
"""

from __future__ import annotations

import json
import sqlite3
from typing import TYPE_CHECKING

from store.chain import content_columns, content_digest, head
from store.model import LAYOUT

if TYPE_CHECKING:
    from store.audit import Action
    from store.db import Database

# Every person the referat of a meeting names: the fremmødeliste, the seats substituted,
# those who did not take part in an item, and those who approved.
_PEOPLE = (
    "SELECT p.id, p.name, p.party, "
    "(SELECT m.role FROM memberships m WHERE m.person_id = p.id AND m.committee_id = g.committee_id "
    " AND m.valid_to IS NULL ORDER BY m.id DESC LIMIT 1) AS role "
    "FROM persons p, meetings g WHERE g.id = :meeting AND p.id IN ("
    "SELECT person_id FROM attendance WHERE meeting_id = :meeting "
    "UNION SELECT substitute_for_id FROM attendance WHERE meeting_id = :meeting "
    "UNION SELECT person_id FROM item_absences WHERE item_id IN (SELECT id FROM items WHERE meeting_id = :meeting) "
    "UNION SELECT person_id FROM approvals WHERE meeting_id = :meeting) ORDER BY p.id"
)


def snapshot(db: Database, meeting_id: int) -> dict:
    """The seal's content for a meeting as the tables hold it now (committee, kommune, people)."""
    committee = db.execute(
        "SELECT c.name, c.municipality FROM meetings g JOIN committees c ON c.id = g.committee_id WHERE g.id = ?",
        [meeting_id],
    ).fetchone()
    people = [dict(row) for row in db.query(_PEOPLE, {"meeting": meeting_id})]
    return {
        "meeting_id": meeting_id,
        "committee": committee[0],
        "municipality": committee[1],
        "people": json.dumps(people, ensure_ascii=False),
    }


def seal(act: Action, meeting_id: int, layout: int | None = None) -> int:
    """Store the seal of a meeting whose referat this action approves; returns the seal's id.

    `layout` is the export layout it keeps (store.model.LAYOUTS): the current one unless a document
    imported as godkendt was written in an earlier one.

    Besides the roster it records the audit log's head at the approval and the digest of
    the referat's rows as approved (store/chain.py), which `referat verify` checks.
    """
    content = snapshot(act.db, meeting_id)
    placement = act.db.execute(
        "SELECT c.decision_placement FROM meetings g JOIN committees c ON c.id = g.committee_id WHERE g.id = ?",
        [meeting_id],
    ).fetchone()[0]
    columns = content_columns(act.db)
    head_id, head_hash = head(act.db)
    return act.insert(
        "approval_seals",
        {
            **content,
            "at": act.at,
            "chain_head_id": head_id,
            "chain_head": head_hash,
            "content_hash": content_digest(act.db, meeting_id, columns, content),
            "content_columns": json.dumps(columns),
            "decision_placement": placement,
            "layout": layout or LAYOUT,
        },
    )


def unseal(act: Action, meeting_id: int) -> None:
    """Remove the seal of a referat this action reopens (the log keeps it)."""
    act.delete_where("approval_seals", "meeting_id = ?", [meeting_id])


def sealed(db: Database, meeting_id: int) -> dict | None:
    """The meeting's seal, with `people` as {person id: {name, party, role}}; None if it has none."""
    try:
        row = db.execute(
            "SELECT committee, municipality, people, decision_placement, layout FROM approval_seals WHERE meeting_id = ?",
            [meeting_id],
        ).fetchone()
    except sqlite3.OperationalError:  # a database opened read-only before the upgrade that adds seals
        return None
    if row is None:
        return None
    return {
        "committee": row[0],
        "municipality": row[1],
        "people": {person["id"]: person for person in json.loads(row[2])},
        "decision_placement": row[3],
        "layout": row[4],
    }
