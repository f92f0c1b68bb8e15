"""Drafts: text being typed in a dialog, kept so that a quit, a crash or a SIGKILL loses no typing.

A draft is not a user action: it is written outside the audit log (one short transaction each),
never changes the referat, and is offered again when the same dialog reopens.  Saving the dialog's
content through the store (an action) is what records it; the dialog then discards its draft.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from store.audit import database_path, now_iso
from store.db import translate_error

if TYPE_CHECKING:
    from store.db import Database


def draft_key(dialog: str, item_id: int | None = None) -> str:
    """The key of one dialog's draft: 'bemærkning:12' for the protokolbemærkning of item 12."""
    return dialog if item_id is None else f"{dialog}:{item_id}"


def save_draft(db: Database, meeting_id: int, key: str, text: str) -> None:
    """Keep `text` as the draft under `key` (empty text removes it)."""
    try:
        if text.strip():  # one statement: committed by itself, or part of the transaction under way
            db.execute(
                "INSERT INTO drafts (meeting_id, key, text, saved_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (meeting_id, key) DO UPDATE SET text = excluded.text, saved_at = excluded.saved_at",
                [meeting_id, key, text, now_iso()],
            )
        else:
            db.execute("DELETE FROM drafts WHERE meeting_id = ? AND key = ?", [meeting_id, key])
    except sqlite3.Error as error:
        raise translate_error(error, database_path(db)) from error


def load_draft(db: Database, meeting_id: int, key: str) -> str | None:
    """The draft kept under `key`, or None."""
    row = db.execute("SELECT text FROM drafts WHERE meeting_id = ? AND key = ?", [meeting_id, key]).fetchone()
    return row[0] if row else None


def discard_draft(db: Database, meeting_id: int, key: str) -> None:
    """Forget the draft under `key` (its text was saved, or the secretary chose to discard it)."""
    save_draft(db, meeting_id, key, "")
