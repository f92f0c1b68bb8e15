"""Import of dagsordener and referater: files and text to `store.model.Meeting`.

`read_file` reads Markdown, text copied from a web page, saved HTML, Word
(.docx) and PDF; `read_text` reads text already read.  Both return an
`Imported`: the meeting and notes (Danish) on what the reader was unsure of.
`parse_file` and `parse_text` give the meeting alone.  All raise
`ImportProblem` (a `StoreError`) with one Danish sentence naming the file.
referat's own Markdown export is recognised by its first lines and read by
its grammar, so export → import → export gives the same document.
"""

from __future__ import annotations

from pathlib import Path

from store.importing.parser import read_agenda_text
from store.importing.problems import ImportProblem
from store.importing.readers import read_document
from store.importing.referat_markdown import is_referat_markdown, parse_referat_markdown
from store.importing.result import Imported
from store.model import Meeting

__all__ = ["ImportProblem", "Imported", "parse_file", "parse_text", "read_file", "read_text"]


def read_text(text: str, source: str = "uden navn") -> Imported:
    """Read a dagsorden or referat given as text; `source` names it in error messages."""
    if is_referat_markdown(text):
        return Imported(parse_referat_markdown(text, source))
    return read_agenda_text(text, source)


def read_file(path: Path | str) -> Imported:
    """Read one file (.md, .txt, .html, .docx, .pdf — recognised by content)."""
    path = Path(path)
    return read_text(read_document(path), path.name)


def parse_text(text: str, source: str = "uden navn") -> Meeting:
    """The meeting a dagsorden or referat given as text holds."""
    return read_text(text, source).meeting


def parse_file(path: Path | str) -> Meeting:
    """The meeting one file holds."""
    return read_file(path).meeting
