"""Backups of the live database: consistent copies (SQLite's backup API), listed, pruned and restored.

A backup is one self-contained SQLite file (rollback journal, no -wal beside it) named after the
database and the time, `referat-2027-01-25-163012.db`; an automatic one (when a meeting is hævet or a
referat godkendt) adds why, `referat-2027-01-25-163012-haevet.db`, and only the newest `keep_backups`
automatic ones are kept.  The backup API reads one snapshot: a window that records meanwhile is neither
blocked nor copied half-way.  Restoring copies a backup into the live database the same way, after
keeping the replaced content aside as a backup of its own, and refuses while a window records.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
from pathlib import Path

from store.db import open_database, translate_error
from store.errors import StoreError

AUTOMATIC = ("haevet", "godkendt")  # why an automatic backup was taken (hæv mødet, godkend referatet)
ASIDE = "inden-gendannelse"  # the database's content just before a restore
PRIVATE_MODE = 0o600


def backup_name(db_path: Path, when: dt.datetime, reason: str | None = None) -> str:
    """'referat-2027-01-25-163012.db', or with `reason`: 'referat-2027-01-25-163012-haevet.db'."""
    return f"{Path(db_path).stem}-{when:%Y-%m-%d-%H%M%S}" + (f"-{reason}" if reason else "") + ".db"


def _free_path(path: Path) -> Path:
    """`path`, or 'name-2.db', 'name-3.db', … when it exists (two backups in one second)."""
    candidate, counter = path, 2
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}-{counter}{path.suffix}")
        counter += 1
    return candidate


def _copy(source: sqlite3.Connection, target_path: Path) -> None:
    """Copy `source` into a new file at `target_path` (mode 0600), checked, as one file without a WAL."""
    temporary = target_path.with_name(target_path.name + ".ny")
    os.close(os.open(temporary, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, PRIVATE_MODE))
    try:
        target = sqlite3.connect(temporary)
        try:
            source.backup(target)
            target.execute("PRAGMA journal_mode = DELETE")
            if target.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise StoreError(f"Kopien {target_path} er ikke hel; den er slettet.")
        finally:
            target.close()
        temporary.replace(target_path)
    finally:
        temporary.unlink(missing_ok=True)


def make_backup(db_path: Path, destination: Path | None = None, *, reason: str | None = None) -> Path:
    """Copy the database to `destination` (a folder: a dated file in it; another path: that file; None: the
    settings' backup folder) and return the copy's path. Safe while a window records."""
    from store.config import load

    db_path = Path(db_path)
    destination = Path(destination) if destination is not None else load().backup_folder
    if destination.suffix.lower() == ".db" and not destination.is_dir():
        target = destination
    else:
        destination.mkdir(parents=True, exist_ok=True)
        target = _free_path(destination / backup_name(db_path, dt.datetime.now(), reason))
    if target.exists():
        raise StoreError(f"{target} findes allerede; vælg et andet navn.")
    if target.parent.exists() and db_path.exists() and target.resolve() == db_path.resolve():
        raise StoreError(f"{target} er selve databasen; skriv kopien et andet sted.")
    db = open_database(db_path, readonly=True)
    try:
        _copy(db, target)
    except sqlite3.Error as error:
        raise translate_error(error, target) from error
    except OSError as error:
        raise StoreError(f"Kopien kan ikke skrives til {target}: {error.strerror or error}.") from error
    finally:
        db.close()
    return target


def list_backups(folder: Path) -> list[dict]:
    """The backups in `folder`, newest first: file, time taken (from the file), size in bytes."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    rows = []
    for path in folder.glob("*.db"):
        stat = path.stat()
        taken = dt.datetime.fromtimestamp(stat.st_mtime).isoformat(sep=" ", timespec="seconds")
        rows.append({"file": str(path), "name": path.name, "taken": taken, "size": stat.st_size})
    return sorted(rows, key=lambda row: (row["taken"], row["name"]), reverse=True)


def prune(folder: Path, db_path: Path, keep: int) -> list[Path]:
    """Delete all but the newest `keep` automatic backups of this database in `folder`; returns those deleted."""
    pattern = re.compile(
        rf"{re.escape(Path(db_path).stem)}-\d{{4}}-\d\d-\d\d-\d{{6}}-({'|'.join(AUTOMATIC)})(-\d+)?\.db"
    )
    automatic = sorted(
        (path for path in Path(folder).glob("*.db") if pattern.fullmatch(path.name)),
        key=lambda path: (path.stat().st_mtime, path.name),
        reverse=True,
    )
    for path in automatic[keep:]:
        path.unlink()
    return automatic[keep:]


def auto_backup(db_path: Path, reason: str) -> tuple[Path | None, str]:
    """The automatic backup after hæv or godkend: (the copy or None, one Danish sentence). Never raises:
    a failed backup must not block the meeting."""
    from store.config import load

    settings = load()
    try:
        path = make_backup(db_path, settings.backup_folder, reason=reason)
        prune(settings.backup_folder, db_path, settings.keep_backups)
    except (StoreError, OSError, sqlite3.Error) as error:
        return None, f"Sikkerhedskopien kunne ikke tages ({error}); mødet er gemt som før."
    return path, f"Sikkerhedskopi gemt: {path}"


def restore(db_path: Path, backup: Path) -> Path:
    """Replace the database's content with `backup`'s; returns where the replaced content was kept.

    Refuses (StoreError) a file that is not a whole referat database, and while a window records a
    meeting of the database. The claims copied with the backup are cleared: no window records it then.
    """
    from store.audit import action
    from store.config import load
    from store.recorder import live_recorders

    db_path, backup = Path(db_path), Path(backup)
    if not backup.is_file():
        raise StoreError(f"Sikkerhedskopien {backup} findes ikke.")
    source = open_database(backup, readonly=True)
    try:
        if not source.execute(
            "SELECT 1 FROM sqlite_master WHERE name = '_sqlite_migrations'"
        ).fetchone():  # an empty file would empty the archive
            raise StoreError(f"{backup} er ikke en referat-database; intet er gendannet.")
        if source.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise StoreError(f"{backup} er ikke hel; intet er gendannet.")
        db = open_database(db_path)
        try:
            if live := live_recorders(db):
                meetings = ", ".join(str(row["meeting_id"]) for row in live)
                raise StoreError(f"Et vindue optager møde {meetings} lige nu; luk det (ctrl+q), før du gendanner.")
            aside = make_backup(db_path, load().backup_folder, reason=ASIDE)
            source.backup(db)
        except sqlite3.Error as error:
            raise translate_error(error, db_path) from error
        finally:
            db.close()
    finally:
        source.close()
    db = open_database(db_path)  # WAL again, and the migrations a backup from an older release needs
    try:
        with action(db, None, f"Gendannet fra {backup.name}", undoable=False) as act:
            for row in db.query("SELECT id FROM recorders"):
                act.delete("recorders", row["id"])
    finally:
        db.close()
    return aside
