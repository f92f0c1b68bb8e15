"""Writing an output file (`-o`) safely: never onto a database or through a symbolic link, never half-written.

The text goes to a temporary file beside the target, is flushed to disk and then renamed over it: a full disk
or a crash leaves the old file as it was.  A target that is a device or a pipe (`/dev/null`, `/dev/stdout`) is
written to directly, since a rename would replace the device itself.  The full (lukket) edition is created 0600 and a folder made for it
0700, whatever the umask; other files and folders are ordinary, but never writable by others.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from store.error_sentences import os_error_sentence
from store.errors import StoreError

PRIVATE_FILE, PRIVATE_FOLDER = 0o600, 0o700
SQLITE_HEADER = b"SQLite format 3\x00"


def _umask() -> int:
    mask = os.umask(0o077)
    os.umask(mask)
    return mask


def _is_device_or_pipe(path: Path) -> bool:
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def _is_database(path: Path) -> bool:
    if _is_device_or_pipe(path):
        return False
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def check_output(path: Path, database: Path | None = None) -> None:
    """StoreError unless `path` may be written: not the database or its -wal/-shm, not another SQLite database,
    not a symbolic link, not a folder."""
    path = Path(path)
    if database is not None:
        for part in (Path(database), Path(f"{database}-wal"), Path(f"{database}-shm")):
            if path.exists() and part.exists() and os.path.samefile(path, part):
                raise StoreError(f"{path} er selve databasen; skriv til en anden fil.")
    if path.is_symlink():
        raise StoreError(f"{path} er et symbolsk link; skriv til en almindelig fil.")
    if path.is_dir():
        raise StoreError(f"{path} er en mappe; angiv en fil.")
    if _is_database(path):
        raise StoreError(f"{path} er en database; referat overskriver den ikke. Skriv til en anden fil.")


def write_file(path: Path, data: str | bytes, *, private: bool, database: Path | None = None) -> None:
    """Write `data` (text as UTF-8) to `path` through a temporary file and a rename (see the module)."""
    path = Path(path)
    check_output(path, database)
    if not path.parent.is_dir():
        raise StoreError(f"Mappen {path.parent} findes ikke.")
    try:
        if _is_device_or_pipe(path):
            _write_directly(path, data)
        else:
            _write_through_temporary(path, data, private)
    except OSError as error:
        raise StoreError(os_error_sentence(error, path)) from error


def _write_directly(path: Path, data: str | bytes) -> None:
    with path.open("wb") as handle:
        handle.write(data.encode("utf-8") if isinstance(data, str) else data)


def _write_through_temporary(path: Path, data: str | bytes, private: bool) -> None:
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data.encode("utf-8") if isinstance(data, str) else data)
            handle.flush()
            os.fsync(handle.fileno())
            os.fchmod(handle.fileno(), PRIVATE_FILE if private else 0o666 & ~_umask() & ~0o022)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def make_folder(folder: Path, *, private: bool) -> None:
    """Create `folder` (and its parents) when missing: 0700 for the full edition, else never writable by others."""
    folder = Path(folder)
    if folder.is_symlink() and not folder.is_dir():
        raise StoreError(f"{folder} er et symbolsk link; angiv en mappe.")
    if folder.exists() and not folder.is_dir():
        raise StoreError(f"{folder} er en fil, ikke en mappe.")
    if not folder.exists():
        folder.mkdir(parents=True)
        folder.chmod(PRIVATE_FOLDER if private else 0o777 & ~_umask() & ~0o022)
