"""Export files: readable file names and writing, with the full (lukket) edition readable by the owner only."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from store.export_json import render_json
from store.export_markdown import render_markdown
from store.model import Meeting
from store.output_files import make_folder, write_file

FORMATS = ("md", "json", "docx", "pdf")
BINARY_FORMATS = ("docx", "pdf")  # written to a file only, never to the terminal
_DANISH_LETTERS = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa"})


def slugify(text: str) -> str:
    """'Børne- og Ungeudvalget' -> 'boerne-og-ungeudvalget' (æ→ae, ø→oe, å→aa, other accents dropped)."""
    text = unicodedata.normalize("NFKD", text.casefold().translate(_DANISH_LETTERS))
    text = text.encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def export_filename(meeting: Meeting, extension: str, *, full: bool = False, decisions_only: bool = False) -> str:
    """'2017-05-29-arbejdsmarkedsudvalget.md'; '-fuld' marks the full edition, '-beslutninger' the short form."""
    parts = [meeting.date.isoformat() if meeting.date else "uden-dato", slugify(meeting.committee) or "udvalg"]
    if decisions_only:
        parts.append("beslutninger")
    if full:
        parts.append("fuld")
    return "-".join(parts) + "." + extension


def unique_path(folder: Path, name: str, taken: set[Path]) -> Path:
    """`folder/name`, or `name` with '-2', '-3', … when this export run already used it."""
    path = folder / name
    stem, suffix = path.stem, path.suffix
    counter = 2
    while path in taken:
        path = folder / f"{stem}-{counter}{suffix}"
        counter += 1
    taken.add(path)
    return path


def write_export(path: Path, content: str | bytes, *, private: bool, database: Path | None = None) -> None:
    """Write UTF-8 text or a document's bytes safely (store/output_files.py); a `private` file (the full
    edition) is 0600, even where a file existed before; `database` is never overwritten."""
    write_file(path, content, private=private, database=database)


def render_export(
    meeting: Meeting, fmt: str = "md", *, public: bool = True, decisions_only: bool = False
) -> str | bytes:
    """The referat in `fmt`: text for "md" and "json", bytes for "docx" and "pdf".

    JSON has no short form and ignores `decisions_only`.
    """
    if fmt == "json":
        return render_json(meeting, public=public)
    if fmt == "docx":
        from store.export_docx import render_docx

        return render_docx(meeting, public=public, decisions_only=decisions_only)
    if fmt == "pdf":
        from store.export_pdf import render_pdf

        return render_pdf(meeting, public=public, decisions_only=decisions_only)
    return render_markdown(meeting, public=public, decisions_only=decisions_only)


def export_to_folder(
    meeting: Meeting,
    folder: Path,
    fmt: str = "md",
    *,
    public: bool = True,
    decisions_only: bool = False,
    taken: set[Path] | None = None,
) -> Path:
    """Write the referat into `folder` under its readable file name; returns the path written.

    `taken` collects the paths of one export run so that two meetings never share a file.
    """
    make_folder(folder, private=not public)
    name = export_filename(meeting, fmt, full=not public, decisions_only=decisions_only)
    path = unique_path(folder, name, set() if taken is None else taken)
    write_export(path, render_export(meeting, fmt, public=public, decisions_only=decisions_only), private=not public)
    return path
