"""Audited writes and undo.

Every user action runs as one `action(...)` block: one transaction, one row in
`actions`, and one `audit_log` row per inserted, changed or deleted value
(old → new).  Nothing is written any other way, so the log is complete, and
undo simply replays an action's log rows backwards as a new action.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from sqlite_utils import Database

from store.db import translate_error
from store.errors import StoreError
from store.model import APPROVED
from store.recorder import ensure_recorder

LOCKED_MESSAGE = "Referatet er godkendt og låst; brug 'referat amend' til en tilføjelse eller 'referat reopen' for at åbne det igen."


def now_iso() -> str:
    """The current local time as ISO-8601 with seconds and offset."""
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def database_path(db: Database) -> str:
    """The file behind a connection (for messages)."""
    return db.conn.execute("PRAGMA database_list").fetchone()[2] or ":memory:"


class Action:
    """The writer handed out by `action()`: insert, update and delete, each logged."""

    def __init__(self, db: Database, action_id: int, meeting_id: int | None, at: str):
        self.db = db
        self.id = action_id
        self.meeting_id = meeting_id
        self.at = at

    def _log(self, entity: str, entity_id: int, field: str | None, old, new) -> None:
        self.db["audit_log"].insert(
            {
                "action_id": self.id, "at": self.at, "meeting_id": self.meeting_id,
                "entity": entity, "entity_id": entity_id, "field": field,
                "old": None if old is None else json.dumps(old, ensure_ascii=False),
                "new": None if new is None else json.dumps(new, ensure_ascii=False),
            }
        )

    def insert(self, table: str, row: dict) -> int:
        """Insert a row and log it whole; returns its id.

        An action that creates a meeting becomes that meeting's action, so the
        meeting's log starts with its own creation.
        """
        target = self.db[table].insert(row)
        row_id = row.get(target.pks[0]) or target.last_pk
        if table == "meetings" and self.meeting_id is None:
            self.meeting_id = row_id
            self.db["actions"].update(self.id, {"meeting_id": row_id})
        self._log(table, row_id, None, None, self.db[table].get(row_id))
        return row_id

    def update(self, table: str, row_id: int, **changes) -> None:
        """Change some fields of a row, logging each that really changes."""
        current = self.db[table].get(row_id)
        changed = {key: value for key, value in changes.items() if current.get(key) != value}
        if not changed:
            return
        self.db[table].update(row_id, changed)
        for key, value in changed.items():
            self._log(table, row_id, key, current.get(key), value)

    def delete(self, table: str, row_id: int) -> None:
        """Delete a row, logging its whole old content."""
        current = self.db[table].get(row_id)
        self.db[table].delete(row_id)
        self._log(table, row_id, None, current, None)

    def delete_where(self, table: str, where: str, params: list) -> None:
        """Delete every row matching `where`, one logged delete each."""
        for row in list(self.db[table].rows_where(where, params, select="id")):
            self.delete(table, row["id"])


def meeting_is_locked(db: Database, meeting_id: int) -> bool:
    """True once the referat is approved (godkendt)."""
    row = db.execute("SELECT status FROM meetings WHERE id = ?", [meeting_id]).fetchone()
    return bool(row) and row[0] == APPROVED


@contextmanager
def action(db: Database, meeting_id: int | None, label: str, *, allow_locked: bool = False,
           undoable: bool = True) -> Iterator[Action]:
    """Run one user action as one committed, logged transaction.

    `undoable=False` marks actions that ctrl+z passes over (moving between items).
    Refuses (StoreError) when the meeting's referat is locked, unless `allow_locked`.
    SQLite failures (read-only file, full disk, lock) become one Danish StoreError;
    the transaction is rolled back, so the last committed state stays intact.
    """
    try:
        if meeting_id is not None and not allow_locked and meeting_is_locked(db, meeting_id):
            raise StoreError(LOCKED_MESSAGE)
        with db.atomic():
            at = now_iso()
            action_id = db["actions"].insert(
                {"meeting_id": meeting_id, "label": label, "at": at, "undoable": int(undoable)}
            ).last_pk
            ensure_recorder(db, meeting_id)  # after the insert took the write lock: check and write are atomic
            yield Action(db, action_id, meeting_id, at)
    except sqlite3.Error as error:
        raise translate_error(error, database_path(db)) from error


def undo_last(db: Database, meeting_id: int) -> str | None:
    """Undo the meeting's latest action not yet undone; returns its label, or None if nothing is left."""
    target = db.execute(
        "SELECT id, label FROM actions WHERE meeting_id = ? AND undoable = 1 AND undoes_id IS NULL "
        "AND undone_by_id IS NULL "
        "ORDER BY id DESC LIMIT 1",
        [meeting_id],
    ).fetchone()
    if target is None:
        return None
    target_id, label = target
    rows = list(db.query("SELECT * FROM audit_log WHERE action_id = ? ORDER BY id DESC", [target_id]))
    with action(db, meeting_id, f"Fortryd: {label}") as act:
        for row in rows:
            entity, entity_id = row["entity"], row["entity_id"]
            old = None if row["old"] is None else json.loads(row["old"])
            if row["field"] is not None:
                act.update(entity, entity_id, **{row["field"]: old})
            elif row["old"] is None:
                act.delete(entity, entity_id)
            else:
                act.insert(entity, old)
        db["actions"].update(act.id, {"undoes_id": target_id})
        db["actions"].update(target_id, {"undone_by_id": act.id})
    return label


def audit_trail(db: Database, meeting_id: int) -> list[dict]:
    """Every logged change of a meeting, oldest first, with its action's label."""
    return list(
        db.query(
            "SELECT audit_log.id, audit_log.at, actions.label AS action, audit_log.entity, "
            "audit_log.entity_id, audit_log.field, audit_log.old, audit_log.new "
            "FROM audit_log JOIN actions ON actions.id = audit_log.action_id "
            "WHERE audit_log.meeting_id = ? ORDER BY audit_log.id",
            [meeting_id],
        )
    )
