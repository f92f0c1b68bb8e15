"""Opening a referat database safely: pragmas, migrations, and clear refusals.

The store works on `Database`, sqlite3's own connection with `query()`; sqlite-utils is imported where its
table API is used (migrations, the public archive, the datasette metadata), so opening a database whose
schema is current — the meeting-day UI's start — imports neither it nor the migrations' code.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from store.errors import NotFound, StoreError

BUSY_TIMEOUT_MS = 3000


class Database(sqlite3.Connection):
    """A connection to a referat database, opened by `open_database`.

    It never opens a transaction by itself (`isolation_level=None`): a statement outside an explicit
    BEGIN (store/audit.py `action()`) commits on its own, as with sqlite-utils' `Database.execute`.
    """

    def query(self, sql: str, params: Any = ()) -> Iterator[dict]:
        """Run `sql` and yield its rows as dicts keyed by column name (as sqlite-utils' `Database.query`)."""
        cursor = self.execute(sql, params)
        keys = [column[0] for column in cursor.description]
        if len(set(keys)) < len(keys):  # a repeated column name gets _2, _3 … as in sqlite-utils
            keys = [
                key if keys.index(key) == index else f"{key}_{keys[: index + 1].count(key)}"
                for index, key in enumerate(keys)
            ]
        return (dict(zip(keys, row)) for row in cursor)


def connect(path: Path | str, *, uri: bool = False) -> Database:
    """A `Database` on `path` (or an SQLite URI) with the busy timeout, usable from any thread."""
    return sqlite3.connect(
        str(path),
        uri=uri,
        timeout=BUSY_TIMEOUT_MS / 1000,
        check_same_thread=False,
        isolation_level=None,
        factory=Database,
    )


def _inspect_existing(path: Path) -> bool:
    """Refuse a file that is not ours, is newer than us, or is locked — without writing to it.  True when
    migrations are pending (an empty file, an older release's database).

    The file is read through SQLite only: closing a descriptor of it opened any other way would drop
    every lock this process holds on it (POSIX locks are per process), and another program could then
    checkpoint and delete the WAL that an open connection goes on writing into.
    """
    from store.schema import MIGRATION_SET, known_migrations

    if path.stat().st_size == 0:
        return True  # an empty file is a new database
    try:
        conn = _connect_read_only(path)
        try:
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if not tables:
                return True
            if "_sqlite_migrations" not in tables:
                raise StoreError(f"{path} er ikke en referat-database.")
            applied = [
                row[0]
                for row in conn.execute("SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [MIGRATION_SET])
            ]
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        raise translate_error(error, path) from error
    if not applied:
        raise StoreError(f"{path} er ikke en referat-database.")
    known = known_migrations()
    if set(applied) - set(known):
        raise StoreError(f"{path} er lavet af en nyere udgave af referat; opdatér programmet for at åbne den.")
    return len(set(applied)) < len(known)


def _connect_read_only(path: Path) -> Database:
    """A connection that only reads `path`; on a read-only drive, where SQLite cannot make the WAL's shared-memory
    file beside it, the file is read as immutable (nothing can change it there)."""
    uri = path.resolve().as_uri()
    conn = connect(f"{uri}?mode=ro", uri=True)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError:
        conn.close()
    return connect(f"{uri}?mode=ro&immutable=1", uri=True)


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
    path = Path(path)
    if path.is_dir():
        raise StoreError(f"{path} er en mappe, ikke en database.")
    pending = True
    if path.exists():
        pending = _inspect_existing(path)
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
        db = _connect_read_only(path) if readonly else connect(path)
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("PRAGMA recursive_triggers = ON")
        if not readonly:
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = FULL")
            if pending:
                from store.schema import apply_migrations

                apply_migrations(db)
    except sqlite3.Error as error:
        raise translate_error(error, path) from error
    return db


def get_row(db: Database, table: str, row_id: int, columns: str = "*") -> dict:
    """The row of `table` with this id (only `columns`, when given); NotFound (a StoreError) when there is none."""
    cursor = db.execute(f'SELECT {columns} FROM "{table}" WHERE id = ?', [row_id])
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
