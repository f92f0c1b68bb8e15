"""Import of dagsordener and referater: files and text to `store.model.Meeting`.

`parse_file` reads Markdown, text copied from a web page, saved HTML, Word
(.docx) and PDF; `parse_text` parses text already read.  Both raise
`ImportProblem` (a `StoreError`) with one Danish sentence naming the file.
referat's own Markdown export is recognised by its first lines and read by
its grammar, so export → import → export gives the same document.
"""

from __future__ import annotations

from pathlib import Path

from store.importing.parser import parse_agenda_text
from store.importing.problems import ImportProblem
from store.importing.readers import read_document
from store.importing.referat_markdown import is_referat_markdown, parse_referat_markdown
from store.model import Meeting

__all__ = ["ImportProblem", "parse_file", "parse_text"]


def parse_text(text: str, source: str = "uden navn") -> Meeting:
    """Parse a dagsorden or referat given as text; `source` names it in error messages."""
    if is_referat_markdown(text):
        return parse_referat_markdown(text, source)
    return parse_agenda_text(text, source)


def parse_file(path: Path | str) -> Meeting:
    """Read and parse one file (.md, .txt, .html, .docx, .pdf — recognised by content)."""
    path = Path(path)
    return parse_text(read_document(path), path.name)
