"""Each line classified once: what it can be in the document's structure.

A `Token` answers, for one clean line, the questions the item finder asks of
it again and again — is it a section heading (and of which kind), an item
heading (number, title, shape), a 'Sag nr. 12' line, a line of item metadata
(case number, åben/lukket, kind), a line of names, a heading with its text on
the same line — each answer worked out the first time it is asked and kept.
The parser tokenises the clean lines once; the item finder (`items.py`) weighs
the tokens across the whole document, and the item reader (`body.py`) reads
each item's metadata, sections and decision from the same tokens.
"""

from __future__ import annotations

from typing import Any

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

_UNSET = object()


class Token:
    """One line's possible roles; `loose` for PDF text, where a heading may run into its text."""

    __slots__ = ("line", "loose", "blank", "text", "_section", "_inline", "_item", "_sag_number", "_facts", "_names")
    # Each role is worked out when first asked; _UNSET until then.
    _section: Any
    _inline: Any
    _item: Any
    _sag_number: Any
    _facts: Any
    _names: Any

    def __init__(self, line: Line, loose: bool) -> None:
        self.line, self.loose, self.blank, self.text = line, loose, line.blank, line.text
        self._section = self._inline = self._item = self._sag_number = self._facts = self._names = _UNSET

    @property
    def section(self) -> str | None:
        """The kind of section the line opens as a heading (text, indstilling, beslutning, bilag, end), or None."""
        if self._section is _UNSET:
            self._section = None if self.blank else heading_kind(self.text)
        return self._section

    @property
    def inline(self) -> tuple[str, str, str] | None:
        """(heading, kind, rest) for 'Beslutning: Godkendt' — a heading with its text on the line."""
        if self._inline is _UNSET:
            self._inline = None if self.blank else inline_heading(self.text, self.loose)
        return self._inline

    @property
    def opens_section(self) -> bool:
        return self.section not in (None, "end") or self.inline is not None

    @property
    def item(self) -> ItemHeading | None:
        """The item heading the line may be ('Punkt 3: …', '3. …')."""
        if self._item is _UNSET:
            self._item = None if self.blank else item_heading(self.text, self.line.level)
        return self._item

    @property
    def sag_number(self) -> str | None:
        """The item number of a 'Sag nr. 29' line."""
        if self._sag_number is _UNSET:
            self._sag_number = None if self.blank else sag_number(self.text)
        return self._sag_number

    @property
    def facts(self) -> ItemFacts | None:
        """What a line made only of item metadata says ('Åben sag', 'Sagsnr.: 15/11238'), else None."""
        if self._facts is _UNSET:
            self._facts = None if self.blank else meta_facts(self.text)
        return self._facts

    @property
    def names(self) -> bool:
        """Whether the line is nothing but 'Name (P)' entries."""
        if self._names is _UNSET:
            self._names = not self.blank and only_names(self.text)
        return self._names


def tokenise(lines: list[Line], loose: bool = False) -> list[Token]:
    """A token per line, classified on demand and once."""
    return [Token(line, loose) for line in lines]
