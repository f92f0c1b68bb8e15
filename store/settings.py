"""Small facts about one database (such as the demo's mark), kept in it; the user's preferences are in the
settings file (store/config.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from store.audit import action

if TYPE_CHECKING:
    from store.db import Database


def get_setting(db: Database, key: str, default: str | None = None) -> str | None:
    """The stored value for `key`, or `default`."""
    row = db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    return row[0] if row else default


def set_setting(db: Database, key: str, value: str) -> None:
    """Remember `value` under `key` (logged like every other change)."""
    with action(db, None, f"Indstilling {key}", undoable=False) as act:
        if get_setting(db, key) is None:
            act.insert("settings", {"key": key, "value": value})
        else:
            act.update("settings", key, value=value)


def all_settings(db: Database) -> dict[str, str]:
    """Every remembered preference, by key."""
    return dict(db.execute("SELECT key, value FROM settings").fetchall())
