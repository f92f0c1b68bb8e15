"""Opening a referat database safely: pragmas, migrations, and clear refusals."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from store.errors import StoreError

if TYPE_CHECKING:
    from sqlite_utils import Database

BUSY_TIMEOUT_MS = 3000


def _inspect_existing(path: Path) -> None:
    """Refuse a file that is not ours, is newer than us, or is locked — without writing to it.

    The file is read through SQLite only: closing a descriptor of it opened any other way would drop
    every lock this process holds on it (POSIX locks are per process), and another program could then
    checkpoint and delete the WAL that an open connection goes on writing into.
    """
    from store.schema import MIGRATION_SET, known_migrations

    if path.stat().st_size == 0:
        return  # an empty file is a new database
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if not tables:
                return
            if "_sqlite_migrations" not in tables:
                raise StoreError(f"{path} er ikke en referat-database.")
            applied = [
                row[0]
                for row in conn.execute(
                    "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [MIGRATION_SET]
                )
            ]
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        raise translate_error(error, path) from error
    if not applied:
        raise StoreError(f"{path} er ikke en referat-database.")
    unknown = set(applied) - set(known_migrations())
    if unknown:
        raise StoreError(
            f"{path} er lavet af en nyere udgave af referat; opdatér programmet for at åbne den."
        )


def translate_error(error: sqlite3.Error, path: Path | str) -> StoreError:
    """One Danish sentence for an SQLite error on `path`."""
    text = str(error).lower()
    if "locked" in text or "busy" in text:
        return StoreError(f"Databasen {path} er låst af et andet program; prøv igen om lidt.")
    if "readonly" in text or "read-only" in text:
        return StoreError(f"Databasen {path} er skrivebeskyttet; referat kan ikke gemme i den.")
    if "full" in text:
        return StoreError(f"Disken er fuld; {path} kan ikke gemme mere.")
    if "not a database" in text or "malformed" in text or "encrypted" in text:
        return StoreError(f"{path} er ikke en referat-database.")
    return StoreError(f"Databasen {path} kan ikke bruges: {error}.")


def open_database(path: Path | str, *, readonly: bool = False, create: bool = True) -> Database:
    """Open (creating it if needed and `create`) a referat database and bring its schema up to date.

    Raises StoreError with one Danish sentence when the file is not a referat
    database, is from a newer release, is read-only (unless `readonly`), or is locked.
    A refused file is never modified.
    """
    # sqlite-utils and the schema are imported here, not with this module: the meeting-day UI imports the
    # store while another process opens the database for it (cli.py, bench/startup.py).
    from sqlite_utils import Database

    from store.schema import migrations

    path = Path(path)
    if path.is_dir():
        raise StoreError(f"{path} er en mappe, ikke en database.")
    exists = path.exists()
    if exists:
        _inspect_existing(path)
        if not readonly and not os.access(path, os.W_OK):
            raise StoreError(f"Databasen {path} er skrivebeskyttet; referat kan ikke gemme i den.")
    elif readonly or not create:
        raise StoreError(f"Databasen {path} findes ikke; kontrollér --db (eller REFERAT_DB).")
    else:
        if not path.parent.exists():
            raise StoreError(f"Mappen {path.parent} findes ikke.")
        try:
            os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
        except OSError as error:
            raise StoreError(f"Databasen {path} kan ikke oprettes: {error.strerror}.") from error
    try:
        if readonly:
            conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
        else:
            conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
        db = Database(conn, execute_plugins=False)  # referat uses no sqlite-utils plugins; looking costs ≈ 12 ms
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        db.execute("PRAGMA foreign_keys = ON")
        if not readonly:
            db.enable_wal()
            db.execute("PRAGMA synchronous = FULL")
            migrations.apply(db)
    except sqlite3.Error as error:
        raise translate_error(error, path) from error
    return db


class ChangeWatch:
    """Tells whether another connection (another process) has committed since the last look.

    One `PRAGMA data_version` per look: cheap enough to ask several times a second.
    """

    def __init__(self, db: Database) -> None:
        self.db = db
        self.version = self._read()

    def _read(self) -> int:
        return self.db.execute("PRAGMA data_version").fetchone()[0]

    def changed(self) -> bool:
        """True when something was committed by another connection since the previous call."""
        version = self._read()
        changed, self.version = version != self.version, version
        return changed
