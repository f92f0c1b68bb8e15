"""Each line classified once: what it can be in the document's structure.

A `Token` answers, for one clean line, the questions the item finder asks of
it again and again — is it a section heading (and of which kind), an item
heading (number, title, shape), a 'Sag nr. 12' line, a line of item metadata
(case number, åben/lukket, kind), a line of names, a heading with its text on
the same line — each answer worked out the first time it is asked and kept.
The item finder then weighs these tokens across the whole document.
"""

from __future__ import annotations

from functools import cached_property

from store.importing.cleanup import Line
from store.importing.people import only_names
from store.importing.structure import (
    ItemFacts,
    ItemHeading,
    heading_kind,
    inline_heading,
    item_heading,
    meta_facts,
    sag_number,
)


class Token:
    """One line's possible roles; `loose` for PDF text, where a heading may run into its text."""

    def __init__(self, line: Line, loose: bool) -> None:
        self.line = line
        self.loose = loose

    @property
    def blank(self) -> bool:
        return self.line.blank

    @property
    def text(self) -> str:
        return self.line.text

    @cached_property
    def section(self) -> str | None:
        """The kind of section the line opens as a heading (text, indstilling, beslutning, bilag, end), or None."""
        return None if self.blank else heading_kind(self.text)

    @cached_property
    def inline(self) -> tuple[str, str, str] | None:
        """(heading, kind, rest) for 'Beslutning: Godkendt' — a heading with its text on the line."""
        return None if self.blank else inline_heading(self.text, self.loose)

    @property
    def opens_section(self) -> bool:
        return self.section not in (None, "end") or self.inline is not None

    @cached_property
    def item(self) -> ItemHeading | None:
        """The item heading the line may be ('Punkt 3: …', '3. …')."""
        return None if self.blank else item_heading(self.text, self.line.level)

    @cached_property
    def sag_number(self) -> str | None:
        """The item number of a 'Sag nr. 29' line."""
        return None if self.blank else sag_number(self.text)

    @cached_property
    def facts(self) -> ItemFacts | None:
        """What a line made only of item metadata says ('Åben sag', 'Sagsnr.: 15/11238'), else None."""
        return None if self.blank else meta_facts(self.text)

    @cached_property
    def names(self) -> bool:
        """Whether the line is nothing but 'Name (P)' entries."""
        return not self.blank and only_names(self.text)


def tokenise(lines: list[Line], loose: bool = False) -> list[Token]:
    """A token per line, classified on demand and once."""
    return [Token(line, loose) for line in lines]
