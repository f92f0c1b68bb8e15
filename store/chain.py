"""The hash chain over the audit log, and the digest of a referat's content as approved.

Every `audit_log` row carries `hash`: SHA-256 over the previous row's hash and the row's own
content (its id, its action's label, time, meeting, entity, field, old and new value).  Changing,
inserting or deleting a row, or an action's label, breaks the link to the row after it.
The approval's seal records the chain's head and a digest of the referat's rows as approved.
"""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from store.db import Database

GENESIS = "0" * 64  # the "previous hash" of the first row

# The rows of a meeting's referat, table by table: (table, the SQL selecting them, columns left out).
# Tilføjelser are not part of it: they are added to an approved referat, each one logged.
_ITEMS = "SELECT id FROM items WHERE meeting_id = :meeting"
CONTENT = (
    ("meetings", "id = :meeting", {"current_item_id"}),
    ("items", "meeting_id = :meeting", set()),
    *(
        (table, f"item_id IN ({_ITEMS})", set())
        for table in (
            "sections",
            "recommendations",
            "attachments",
            "decision_points",
            "decisions",
            "votes",
            "remarks",
            "item_absences",
        )
    ),
    ("vote_casts", f"vote_id IN (SELECT id FROM votes WHERE item_id IN ({_ITEMS}))", set()),
    ("attendance", "meeting_id = :meeting", set()),
    ("approvals", "meeting_id = :meeting", set()),
    ("guests", "meeting_id = :meeting", set()),
)


def link(previous: str, row: tuple) -> str:
    """The hash of a log row: `row` is (id, label, at, meeting_id, entity, entity_id, field, old, new)."""
    text = json.dumps(list(row), ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(f"{previous}\n{text}".encode()).hexdigest()


def head(db: Database) -> tuple[int, str]:
    """The last log row's id and hash: (0, GENESIS) for an empty log."""
    row = db.execute("SELECT id, hash FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)").fetchone()
    return (row[0], row[1] or GENESIS) if row else (0, GENESIS)


# A log row as `link` hashes it, from audit_log `a` joined with its action `x`.
LINKED_COLUMNS = "a.id, x.label, a.at, a.meeting_id, a.entity, a.entity_id, a.field, a.old, a.new"


def rehash_all(db: Database) -> None:
    """Give every log row its hash, in id order (the upgrade that starts the chain)."""
    previous = GENESIS
    rows = db.execute(
        f"SELECT {LINKED_COLUMNS} FROM audit_log a LEFT JOIN actions x ON x.id = a.action_id ORDER BY a.id"
    ).fetchall()
    for row in rows:
        previous = link(previous, row)
        db.execute("UPDATE audit_log SET hash = ? WHERE id = ?", [previous, row[0]])


def content_columns(db: Database) -> dict[str, list[str]]:
    """Per table of the referat, the columns its digest covers (recorded with the seal)."""
    columns = {}
    for table, _, left_out in CONTENT:
        names = [row[1] for row in db.execute(f"PRAGMA table_info({table})")]
        if names:  # a table a later migration adds is not there yet while an earlier one upgrades
            columns[table] = [name for name in names if name not in left_out]
    return columns


def content_digest(db: Database, meeting_id: int, columns: dict[str, list[str]], seal: dict) -> str:
    """SHA-256 over the meeting's referat rows (the given columns, by id) and the seal's roster.

    Raises KeyError naming the table when a recorded column no longer exists. A table the seal
    recorded no columns of (one added to the referat by a later release) is not part of its digest.
    """
    digest = hashlib.sha256()
    for table, where, _ in CONTENT:
        if table not in columns:
            continue
        names = columns[table]
        existing = {row[1] for row in db.execute(f"PRAGMA table_info({table})")}
        missing = [name for name in names if name not in existing]
        if missing:
            raise KeyError(table)
        selected = ", ".join(f'"{name}"' for name in names) or "NULL"
        rows = db.execute(f"SELECT {selected} FROM {table} WHERE {where} ORDER BY id", {"meeting": meeting_id})
        digest.update(json.dumps([table, [list(row) for row in rows]], ensure_ascii=False).encode())
    roster = [seal["committee"], seal["municipality"], json.loads(seal["people"])]
    digest.update(json.dumps(roster, ensure_ascii=False).encode())
    return digest.hexdigest()
