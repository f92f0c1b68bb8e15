"""Finding where each item (punkt) begins, by structure rather than by look alone.

'Punkt 65: …' and a title over 'Sag nr. 29' are certain.  A numbered line such
as '3. JobCAMP 2017' is an item only when what follows it (after metadata
lines) is a section heading or a Beslutning heading, or when it leads on to
such a confirmed item; numbers must increase.  This keeps indstilling points
(' 1. at …'), bilag (' 1. Foo (pdf)') and dates ('29. maj') out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from store.importing.cleanup import Line
from store.importing.people import only_names
from store.importing.structure import heading_kind, inline_heading, item_heading, meta_facts, sag_number

LOOKAHEAD = 8


@dataclass
class ItemStart:
    """Where an item starts: its first line, the first line after its heading, number and title."""

    start: int
    body: int
    number: str
    title: str
    strong: bool


def number_key(number: str) -> tuple[int, str]:
    """'12b' -> (12, 'b'), so numbers compare as printed items do."""
    match = re.match(r"(\d+)(.*)", number)
    return (int(match.group(1)), match.group(2).lower()) if match else (0, number)


def find_items(lines: list[Line], loose: bool = False) -> list[ItemStart]:
    """The items of a document in order (empty when none can be recognised)."""
    candidates = _dedupe_contents(_candidates(lines))
    if not candidates:
        return []
    by_start = {c.start: c for c in candidates}
    follows = {c.start: _what_follows(lines, c.body, by_start, loose) for c in candidates}
    direct = {c.start for c in candidates if c.strong or follows[c.start] == "section"}
    confirmed = set(direct)
    for c in reversed(candidates):
        nxt = follows[c.start]
        if c.start in confirmed:
            continue
        if isinstance(nxt, int) and nxt in confirmed and number_key(by_start[nxt].number) > number_key(c.number):
            confirmed.add(c.start)
        elif nxt == "end" and direct:
            confirmed.add(c.start)
    if not confirmed:
        confirmed = _bare_list(candidates, follows)
    flush = [c for c in candidates if c.start in confirmed and not lines[c.start].raw[:1].isspace()]
    items: list[ItemStart] = []
    for c in candidates:
        if c.start not in confirmed:
            continue
        if flush and not c.strong and lines[c.start].raw[:1].isspace():
            continue  # an indented numbered line among flush-left items is a list entry
        if items and number_key(c.number) <= number_key(items[-1].number):
            continue
        items.append(c)
    return items


def item_end(lines: list[Line], start: int) -> int:
    """Where the last item ends: at a 'Bilagsoversigt' / 'Underskrifter' heading, else at the end."""
    for index in range(start, len(lines)):
        if heading_kind(lines[index].text) == "end":
            return index
    return len(lines)


def _candidates(lines: list[Line]) -> list[ItemStart]:
    found: list[ItemStart] = []
    titles_used: set[int] = set()
    for index, line in enumerate(lines):
        if line.blank or index in titles_used:
            continue
        number = sag_number(line.text)
        if number:
            previous = _previous_filled(lines, index)
            if previous is not None and _can_be_title(lines[previous]):
                if found and found[-1].start == previous:
                    found.pop()
                title = lines[previous].text
                heading = item_heading(title, lines[previous].level)
                if heading and heading.number == number:
                    title = heading.title
                found.append(ItemStart(previous, index + 1, number, title, True))
            continue
        heading = item_heading(line.text, line.level)
        if not heading:
            continue
        body, title = index + 1, heading.title
        if heading.strong and not title:
            following = _next_filled(lines, index + 1)
            if following is None:
                continue
            title, body = lines[following].text, following + 1
            titles_used.add(following)
        found.append(ItemStart(index, body, heading.number, title, heading.strong))
    return found


def _can_be_title(line: Line) -> bool:
    return not (heading_kind(line.text) or meta_facts(line.text) or sag_number(line.text))


def _previous_filled(lines: list[Line], index: int) -> int | None:
    for back in range(index - 1, -1, -1):
        if not lines[back].blank:
            return back
    return None


def _next_filled(lines: list[Line], index: int) -> int | None:
    for ahead in range(index, len(lines)):
        if not lines[ahead].blank:
            return ahead
    return None


def _what_follows(lines: list[Line], body: int, by_start: dict[int, ItemStart], loose: bool) -> str | int | None:
    """'section', the start index of the next candidate, 'end', or None (plain text)."""
    seen = 0
    for index in range(body, len(lines)):
        line = lines[index]
        if line.blank:
            continue
        if index in by_start:
            return index
        kind = heading_kind(line.text)
        if kind == "end":
            return "end"
        if kind or inline_heading(line.text, loose):
            return "section"
        if meta_facts(line.text) or only_names(line.text):
            seen += 1
            if seen > LOOKAHEAD:
                return None
            continue
        return None
    return "end"


def _dedupe_contents(candidates: list[ItemStart]) -> list[ItemStart]:
    """A table of contents repeats the items: keep only the last occurrence of each number and title."""
    last = {}
    for c in candidates:
        last[(c.number, c.title.lower())] = c.start
    return [c for c in candidates if last[(c.number, c.title.lower())] == c.start]


def _bare_list(candidates: list[ItemStart], follows: dict) -> set[int]:
    """A dagsorden without sections: a run of at least two consecutively numbered lines."""
    best: list[ItemStart] = []
    run: list[ItemStart] = []
    for c in candidates:
        if run and number_key(c.number)[0] == number_key(run[-1].number)[0] + 1 and follows[run[-1].start] == c.start:
            run.append(c)
        else:
            run = [c]
        if len(run) > len(best):
            best = list(run)
    return {c.start for c in best} if len(best) >= 2 else set()
