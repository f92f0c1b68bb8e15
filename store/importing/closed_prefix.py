"""Where a document marks a lukket item's title: in its table of contents, over the item, both or neither.

Herlev writes 'Lukket: Tjeklister' both in the indholdsfortegnelse and over the item; another agenda
system marks the title only in the contents and prints it plain over the item, or marks the item only by
a 'Lukket sag' line or a 'Lukkede punkter' heading.  The export writes the 'Lukket: ' prefix where the
document had a marker (`Meeting.closed_prefix`); a place the document does not show (it has no contents)
keeps the prefix, as does a document whose items disagree.
"""

from __future__ import annotations

import re

from store.importing.cleanup import plain
from store.importing.items import ItemStart
from store.importing.structure import clean_title, item_heading
from store.model import Item, closed_prefix_place, marker_title

_PAGE_REFERENCE = re.compile(r"(?:\s*(?:\.{2,}|…+|(?:\. ){2,})\s*|\t+\s*|\s+)\d{1,4}\s*$|\s*(?:\.{2,}|…+)\s*$")


def _key(title: str) -> str:
    return re.sub(r"\W+", " ", title.casefold()).strip()


def _entry(raw: str) -> str:
    """A contents line's title: without its number and without the dot leader and page number after it."""
    text = _PAGE_REFERENCE.sub("", plain(raw)[0]).strip()
    heading = item_heading(text)
    return heading.title if heading else text


def _only_marker(title: str) -> bool:
    """A title that is nothing but a marker ('Lukket punkt'): it says lukket wherever it stands."""
    found = clean_title(title)
    return not found.public and not found.unsure and found.text == title.strip()


def _contents(text: str, first_line: int) -> dict[str, bool]:
    """The titles listed before the first item heading (its contents), each with whether a lukket marker
    stands with it: title key -> marked."""
    listed: dict[str, bool] = {}
    for raw in text.replace("\f", "\n").split("\n")[: first_line - 1]:
        entry = _entry(raw)
        if not entry:
            continue
        found = clean_title(entry)
        if not found.public and not found.unsure:
            listed.setdefault(_key(found.text), True)
        listed.setdefault(_key(entry), False)
    return listed


def _marked(title: str, shown: str) -> bool:
    """Whether `shown`, a heading of the item titled `title`, has a lukket marker."""
    return _key(shown) != _key(title) and not clean_title(shown).public


def read_closed_marks(text: str, first_line: int, items: list[tuple[ItemStart, Item]]) -> str | None:
    """Close each item the contents mark lukket; the document's `Meeting.closed_prefix`.

    `text` is the raw document, `first_line` the line number (from 1) of its first item heading, and each
    item comes with where it started.
    """
    listed = _contents(text, first_line)
    in_contents: set[bool] = set()
    over_item: set[bool] = set()
    for start, item in items:
        if _only_marker(item.title) or marker_title(item.title):
            continue
        marked = _marked(item.title, start.title) if start.listed_only else listed.get(_key(item.title))
        if marked:
            item.public = False
        if item.public:
            continue
        if marked is not None:
            in_contents.add(marked)
        if not start.listed_only:
            over_item.add(_marked(item.title, start.title))
    return closed_prefix_place(in_contents=in_contents != {False}, over_item=over_item != {False})
