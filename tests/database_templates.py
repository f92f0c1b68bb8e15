"""Databases made once per test session and copied for each test.

Migrating a new database runs every migration in its own durable transaction, which is most of what a
short test costs. So the session migrates one empty database (the real migrations, once) and every
new database a test opens in this process starts as a copy of it (SQLite's backup API); a database
that already holds tables (an old schema, a copy of a fixture) goes through the real migrations.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import store.schema


def copying_migrations(template: Path, migrate: Callable[[sqlite3.Connection], None]):
    """An `apply_migrations` that gives an empty database the template's content and migrates any other."""

    def apply_migrations(conn: sqlite3.Connection) -> None:
        if conn.execute("SELECT 1 FROM sqlite_master").fetchone() is None:
            with closing(sqlite3.connect(template)) as source:
                source.backup(conn)
        else:
            migrate(conn)

    return apply_migrations


REAL_MIGRATIONS = store.schema.apply_migrations


def copy_database(template: Path, path: Path) -> None:
    """A copy of a closed database file (its WAL is checkpointed away at close)."""
    shutil.copy(template, path)
