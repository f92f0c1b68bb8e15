"""Where and how a document marks a lukket item's title: in its table of contents, over the item, both or
neither; before the title or after it.

Herlev writes 'Lukket: Tjeklister' both in the indholdsfortegnelse and over the item, Tårnby
'Budgetforslag 2016 … - LUKKET SAG'; another agenda system marks the title only in the contents and prints
it plain over the item, or marks the item only by a 'Lukket sag' line or a 'Lukkede punkter' heading.  The
export marks the title where the document had a marker (`Meeting.closed_prefix`), with the document's
marker when it stood after the title (`Meeting.closed_marker`); a place the document does not show (it has
no contents) keeps the marker, as does a document whose items disagree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from store.importing.cleanup import plain
from store.importing.items import ItemStart
from store.importing.structure import clean_title, item_heading
from store.model import CLOSED_SUFFIX, Item, closed_prefix_place, marker_title

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


def _contents(text: str, first_line: int) -> dict[str, str | None]:
    """The titles listed before the first item heading (its contents): title key -> the entry as written
    when a lukket marker stands with it, else None."""
    listed: dict[str, str | None] = {}
    for raw in text.replace("\f", "\n").split("\n")[: first_line - 1]:
        entry = _entry(raw)
        if not entry:
            continue
        found = clean_title(entry)
        if not found.public and not found.unsure:
            listed.setdefault(_key(found.text), entry)
        listed.setdefault(_key(entry), None)
    return listed


def _marked(title: str, shown: str) -> bool:
    """Whether `shown`, a heading of the item titled `title`, has a lukket marker."""
    return _key(shown) != _key(title) and not clean_title(shown).public


def _marker_after(title: str, shown: str) -> str | None:
    """The marker after the title in `shown` (' - LUKKET SAG'), when it stands there and not before it."""
    shown = " ".join(shown.split())
    ending = CLOSED_SUFFIX.search(shown)
    return ending.group(0) if ending and not _key(shown).endswith(_key(title)) else None


@dataclass
class ClosedMarks:
    """How a document marks its lukket items' titles: `Meeting.closed_prefix` and `Meeting.closed_marker`."""

    place: str | None = None
    marker: str | None = None


def read_closed_marks(text: str, first_line: int, items: list[tuple[ItemStart, Item]]) -> ClosedMarks:
    """Close each item the contents mark lukket; where and how the document marks lukket titles.

    `text` is the raw document, `first_line` the line number (from 1) of its first item heading, and each
    item comes with where it started.  The marker counts as written after the title when every marked
    title has it there.
    """
    listed = _contents(text, first_line)
    in_contents: set[bool] = set()
    over_item: set[bool] = set()
    markers: set[str | None] = set()
    for start, item in items:
        if _only_marker(item.title) or marker_title(item.title):
            continue
        key = _key(item.title)
        entry = start.title if start.listed_only and _marked(item.title, start.title) else listed.get(key)
        if entry:
            item.public = False
        if item.public:
            continue
        if start.listed_only or key in listed:
            in_contents.add(entry is not None)
        shown = [entry] if entry else []
        if not start.listed_only:
            marked = _marked(item.title, start.title)
            over_item.add(marked)
            shown += [start.title] if marked else []
        markers.update(_marker_after(item.title, title) for title in shown)
    place = closed_prefix_place(in_contents=in_contents != {False}, over_item=over_item != {False})
    marker = next(iter(markers)) if len(markers) == 1 else None
    return ClosedMarks(place, marker)
