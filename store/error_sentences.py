"""Danish sentences for the errors of the operating system, SQLite, TOML and the document readers.

Their own messages ("No such file or directory", "disk I/O error", "Invalid statement") are English; the user
reads one Danish sentence instead, which names the file.
"""

from __future__ import annotations

import errno
import re
import sqlite3
from pathlib import Path

_OS_ERRORS = {
    errno.ENOENT: "{path} findes ikke",
    errno.EACCES: "referat har ikke adgang til {path}",
    errno.EPERM: "referat har ikke lov at ændre {path}",
    errno.ENOSPC: "Disken er fuld; {path} kan ikke skrives",
    errno.EDQUOT: "Diskkvoten er brugt op; {path} kan ikke skrives",
    errno.EFBIG: "{path} bliver større end systemet tillader; den kan ikke skrives",
    errno.EROFS: "{path} ligger på et skrivebeskyttet drev",
    errno.EISDIR: "{path} er en mappe, ikke en fil",
    errno.ENOTDIR: "En del af stien {path} er ikke en mappe",
    errno.EIO: "Disken kunne ikke læse eller skrive {path}",
    errno.ENAMETOOLONG: "Navnet {path} er for langt",
    errno.ELOOP: "{path} er symbolske links i ring",
    errno.EEXIST: "{path} findes allerede",
    errno.ENXIO: "{path} kan ikke åbnes som fil",
    errno.ETXTBSY: "{path} er i brug af et andet program",
    errno.EMFILE: "For mange åbne filer; {path} kan ikke åbnes",
}
_TOML_WHERE = re.compile(r"\(at line (\d+), column (\d+)\)|\(at end of document\)")


def os_error_sentence(error: OSError, path: Path | str | None = None) -> str:
    """'Disken er fuld; referat.md kan ikke skrives.' for an OSError (on `path`, else the file it names)."""
    where = path or error.filename or "filen"
    sentence = _OS_ERRORS.get(error.errno or 0, "{path} kan ikke bruges (systemfejl {code})")
    return sentence.format(path=where, code=error.errno or "ukendt") + "."


def sqlite_error_sentence(error: sqlite3.Error, path: Path | str) -> str:
    """One Danish sentence for an SQLite error on the database `path`."""
    text = str(error).lower()
    if "locked" in text or "busy" in text:
        return f"Databasen {path} er låst af et andet program; prøv igen om lidt."
    if "readonly" in text or "read-only" in text:
        return f"Databasen {path} er skrivebeskyttet; referat kan ikke gemme i den."
    if "full" in text:
        return f"Disken er fuld; {path} kan ikke gemme mere."
    if "not a database" in text or "malformed" in text or "encrypted" in text:
        return f"{path} er ikke en referat-database."
    if "disk i/o error" in text:
        return f"Disken kunne ikke læse eller skrive databasen {path}; intet er gemt."
    if "unable to open" in text:
        return f"Databasen {path} kan ikke åbnes: filen eller dens mappe kan ikke læses eller skrives."
    name = getattr(error, "sqlite_errorname", None) or type(error).__name__
    return f"Databasen {path} kan ikke bruges (SQLite-fejl {name})."


def toml_error_sentence(error: Exception, path: Path | str) -> str:
    """'roster.toml er ikke gyldig TOML (linje 1, kolonne 1).' for a tomllib.TOMLDecodeError."""
    match = _TOML_WHERE.search(str(error))
    if match and match.group(1):
        return f"{path} er ikke gyldig TOML (linje {match.group(1)}, kolonne {match.group(2)})."
    if match:
        return f"{path} er ikke gyldig TOML (filen slutter midt i en værdi)."
    return f"{path} er ikke gyldig TOML."


def reading_error_sentence(error: Exception, name: str) -> str:
    """Why the file `name` could not be read, for an error the document readers did not turn into a sentence."""
    if isinstance(error, OSError):
        return os_error_sentence(error, name)
    if isinstance(error, UnicodeError):
        return f"Filen {name} er ikke tekst, som referat kan læse."
    if type(error).__name__ in ("XMLSyntaxError", "ParserError", "ParseError", "BadZipFile", "PdfReadError"):
        return f"Filen {name} er beskadiget eller ikke i det format, endelsen siger."
    return f"Filen {name} kunne ikke indlæses (uventet fejl i læsningen: {type(error).__name__})."
