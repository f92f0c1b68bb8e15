"""Opening a referat database safely: pragmas, migrations, and clear refusals."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from store.errors import NotFound, StoreError

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
        conn = _connect_read_only(path)
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


def _connect_read_only(path: Path) -> sqlite3.Connection:
    """A connection that only reads `path`; on a read-only drive, where SQLite cannot make the WAL's shared-memory
    file beside it, the file is read as immutable (nothing can change it there)."""
    uri = path.resolve().as_uri()
    conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError:
        conn.close()
    return sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, check_same_thread=False)


def open_for_reading(path: Path | str) -> Database:
    """Open an existing database to read it: as usual where the file and its folder may be written, else
    read-only (a read-only drive or file), so a listing or a search still works there."""
    path = Path(path)
    if path.is_file() and not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
        return open_database(path, readonly=True)
    return open_database(path, create=False)


def translate_error(error: sqlite3.Error, path: Path | str) -> StoreError:
    """One Danish sentence for an SQLite error on `path` (store/error_sentences.py)."""
    from store.error_sentences import sqlite_error_sentence

    return StoreError(sqlite_error_sentence(error, path))


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
            conn = _connect_read_only(path)
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


def get_row(db: Database, table: str, row_id: int) -> dict:
    """The row of `table` with this id; NotFound (a StoreError) when there is none."""
    cursor = db.execute(f'SELECT * FROM "{table}" WHERE id = ?', [row_id])
    row = cursor.fetchone()
    if row is None:
        raise NotFound(table, row_id)
    return dict(zip([column[0] for column in cursor.description], row))


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
