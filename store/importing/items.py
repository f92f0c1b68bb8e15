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
from store.importing.vocabulary import CLOSED_WORD, CONTENTS_HEADINGS

LOOKAHEAD = 8
MAX_WRAP = 120
MIN_WRAPPED = 40  # a title shorter than this did not reach the margin, so did not wrap


@dataclass
class ItemStart:
    """Where an item starts: its first line, the first line after its heading, number and title."""

    start: int
    body: int
    number: str
    title: str
    strong: bool
    listed_only: bool = False  # from a table of contents whose item body is not in the document
    counted: bool = False  # the document prints no number: numbered in order
    closed_in_contents: bool = False  # listed under 'Lukkede punkter'


def number_key(number: str) -> tuple[int, str]:
    """'12b' -> (12, 'b'), so numbers compare as printed items do."""
    match = re.match(r"(\d+)(.*)", number)
    return (int(match.group(1)), match.group(2).lower()) if match else (0, number)


def find_items(lines: list[Line], loose: bool = False) -> list[ItemStart]:
    """The items of a document in order (empty when none can be recognised)."""
    candidates, contents = _split_contents(lines, _candidates(lines, loose))
    items = _numbered(lines, candidates, loose) if candidates else []
    if not contents and not any(c.strong for c in items) and not _counts_up(items):
        unnumbered = _unnumbered(lines, loose)
        if len(unnumbered) > len(items):
            return unnumbered  # more items open with a case line than with a number: the numbers are lists
    return _listed_only(contents, items)


def _counts_up(items: list[ItemStart]) -> bool:
    """Three or more items numbered n, n+1, n+2, …: the numbers are the agenda's own."""
    numbers = [number_key(item.number)[0] for item in items]
    return len(numbers) >= 3 and all(b == a + 1 for a, b in zip(numbers, numbers[1:], strict=False))


def _numbered(lines: list[Line], candidates: list[ItemStart], loose: bool) -> list[ItemStart]:
    """The numbered candidates that are item headings."""
    by_start = {c.start: c for c in candidates}
    follows = {c.start: _what_follows(lines, c, by_start, loose) for c in candidates}
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
    in_lists = _list_runs(candidates)
    flush = [c for c in candidates if c.start in confirmed and not lines[c.start].raw[:1].isspace()]
    items: list[ItemStart] = []
    dropped: set[int] = set()
    for c in candidates:
        if c.start not in confirmed:
            continue
        if flush and not c.strong and lines[c.start].raw[:1].isspace():
            continue  # an indented numbered line among flush-left items is a list entry
        if items and number_key(c.number) <= number_key(items[-1].number):
            dropped.update(in_lists.get(c.start, ()))
            continue
        items.append(c)
    return [c for c in items if c.start not in dropped]


def _unnumbered(lines: list[Line], loose: bool) -> list[ItemStart]:
    """Items that print no number, numbered 1, 2, … in order.

    An item opens where a case line ('Sagsnr.: …', 'Åben sag') is followed by a section (or lines give
    both the case number and åben/lukket), its title
    the line above unless that is a label or heading; failing that, at each occurrence of the
    document's first section heading, titled by the line above it.
    """
    starts: list[tuple[int, int, str]] = []  # (start, body, title)
    index = 0
    while index < len(lines):
        line = lines[index]
        facts = None if line.blank else meta_facts(line.text)
        if facts and (facts.case_number or facts.public is not None):
            run_end, case, access = index, facts.case_number, facts.public
            while run_end + 1 < len(lines) and (lines[run_end + 1].blank or meta_facts(lines[run_end + 1].text)):
                run_end += 1
                more = meta_facts(lines[run_end].text)
                if more:
                    case, access = case or more.case_number, more.public if access is None else access
            following = _next_filled(lines, run_end + 1)
            if following is not None and (case and access is not None
                                          or heading_kind(lines[following].text) not in (None, "end")
                                          or inline_heading(lines[following].text, loose)):
                above = _previous_filled(lines, index)
                if above is not None and _can_be_item_title(lines[above]) and \
                        (not starts or above >= starts[-1][1]):
                    starts.append((above, index, lines[above].text))
                else:
                    starts.append((index, index, ""))
                index = following
                continue
        index += 1
    if not starts:
        starts = _section_runs(lines)
    return [
        ItemStart(start, body, str(number), title, False, counted=True)
        for number, (start, body, title) in enumerate(starts, 1)
    ]


def _section_runs(lines: list[Line]) -> list[tuple[int, int, str]]:
    """Each occurrence of the first section heading opens an item titled by the line above it."""
    first = next((i for i, line in enumerate(lines) if not line.blank and heading_kind(line.text) not in (None, "end")),
                 None)
    if first is None:
        return []
    key = lines[first].text.strip(" :").lower()
    starts = []
    for index, line in enumerate(lines):
        if line.blank or line.text.strip(" :").lower() != key:
            continue
        above = _previous_filled(lines, index)
        if above is None or not _can_be_item_title(lines[above]):
            continue
        if above > 0 and not lines[above - 1].blank:
            continue  # a title stands apart from the text before it
        starts.append((above, index, lines[above].text))
    return starts


def _can_be_item_title(line: Line) -> bool:
    text = line.text.strip()
    return bool(text) and len(text) <= 200 and not text.endswith(":") and _can_be_title(line) \
        and not only_names(text) and not re.search(r"^\w[\w ]{0,30}:\s", text)


def _list_runs(candidates: list[ItemStart]) -> dict[int, set[int]]:
    """Numbered lines that follow each other with no blank line between form a list: each start -> its list."""
    runs: list[list[ItemStart]] = []
    for c in candidates:
        if runs and runs[-1][-1].body == c.start:
            runs[-1].append(c)
        else:
            runs.append([c])
    return {c.start: {r.start for r in run} for run in runs if len(run) > 1 for c in run}


def _listed_only(contents: list[ItemStart], items: list[ItemStart]) -> list[ItemStart]:
    """Items found only in the table of contents keep their title, in number order among the others;
    an item the contents list as lukket is lukket."""
    closed = {number_key(c.number) for c in contents if c.closed_in_contents}
    for item in items:
        item.closed_in_contents = item.closed_in_contents or number_key(item.number) in closed
    have = {number_key(item.number) for item in items}
    missing = [
        ItemStart(c.start, c.start, c.number, c.title, c.strong, listed_only=True,
                  closed_in_contents=c.closed_in_contents)
        for c in contents if number_key(c.number) not in have
    ]
    if not missing:
        return items
    return sorted(items + missing, key=lambda item: number_key(item.number))


def item_end(lines: list[Line], start: int) -> int:
    """Where the last item ends: at a 'Bilagsoversigt' / 'Underskrifter' heading, else at the end."""
    for index in range(start, len(lines)):
        if heading_kind(lines[index].text) == "end":
            return index
    return len(lines)


def _candidates(lines: list[Line], loose: bool = False) -> list[ItemStart]:
    found: list[ItemStart] = []
    titles_used: set[int] = set()
    for index, line in enumerate(lines):
        if line.blank or index in titles_used:
            continue
        number = sag_number(line.text)
        if number:
            previous = _previous_filled(lines, index)
            below = index + 1 if index + 1 < len(lines) and not lines[index + 1].blank else None
            if below is not None and (index == 0 or lines[index - 1].blank) and _can_be_item_title(lines[below]) \
                    and not item_heading(lines[below].text, lines[below].level):
                # 'Sag: 12' standing apart above its title: the title is the line under it
                found.append(ItemStart(index, below + 1, number, lines[below].text, True))
                titles_used.add(below)
                continue
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
        for wrapped in _title_wrap(lines, index if body == index + 1 else body - 1, loose):
            title, body = f"{title} {lines[wrapped].text}", wrapped + 1
            titles_used.add(wrapped)
        if found and heading.number == found[-1].number and _title_key(title) == _title_key(found[-1].title) \
                and all(line.blank for line in lines[found[-1].body:index]):
            index = found.pop().start  # the heading printed twice: one item from the first to the body
        found.append(ItemStart(index, body, heading.number, title, heading.strong))
    return found


def _title_wrap(lines: list[Line], title_at: int, loose: bool) -> list[int]:
    """The lines a long title wraps onto (at most two, right under it), when a section follows them."""
    if len(lines[title_at].text) < MIN_WRAPPED or lines[title_at].text.endswith((".", ":", ";", "!", "?")):
        return []
    wrapped: list[int] = []
    for index in range(title_at + 1, min(title_at + 3, len(lines))):
        line = lines[index]
        if line.blank or len(line.text) > MAX_WRAP or not _can_be_title(line) or only_names(line.text) \
                or item_heading(line.text, line.level) or inline_heading(line.text, loose):
            break
        wrapped.append(index)
        probe = ItemStart(title_at, index + 1, "", "", False)
        if _what_follows(lines, probe, {}, loose) == "section":
            return wrapped
        if line.text.endswith((".", ":", ";", "!", "?")):
            break
    return []


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


def _what_follows(lines: list[Line], candidate: ItemStart, by_start: dict[int, ItemStart],
                  loose: bool) -> str | int | None:
    """'section', the start index of the next candidate, 'end', or None (plain text).

    Metadata lines, the names of absent members and the title printed again may stand first."""
    seen = 0
    body, title_key = candidate.body, _title_key(candidate.title)
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
        if meta_facts(line.text) or only_names(line.text) or _title_key(line.text) == title_key:
            seen += 1
            if seen > LOOKAHEAD:
                return None
            continue
        return None
    return "end"


def _split_contents(lines: list[Line], candidates: list[ItemStart]) -> tuple[list[ItemStart], list[ItemStart]]:
    """Take the table of contents out of the candidates: (candidates for item bodies, contents entries).

    When an entry comes again later as an item body (a section follows it), every numbered line
    before that body is the contents.
    Otherwise a run of numbered lines with only blank lines between them, under a contents heading
    ('Indholdsfortegnelse', 'PUNKTER'), is.  An entry under 'Lukkede punkter' marks its item lukket.
    """
    first_at: dict[tuple[str, str], int] = {}
    first_body = None
    for c in candidates:
        key = (c.number, _title_key(c.title))
        if key in first_at and first_body is None and _what_follows(lines, c, {}, False) == "section":
            first_body = c.start
        first_at.setdefault(key, c.start)
    if first_body is not None:
        contents = [c for c in candidates if c.start < first_body]
    else:
        runs: list[list[ItemStart]] = []
        for c in candidates:
            if runs and _adjacent(lines, runs[-1][-1], c):
                runs[-1].append(c)
            else:
                runs.append([c])
        contents = [c for run in runs if len(run) >= 2 and len(run) < len(candidates)
                    and _contents_heading(lines, run[0]) is not None for c in run]
    for c in contents:
        heading = _contents_heading(lines, c, anywhere=True) or ""
        c.closed_in_contents = CLOSED_WORD.search(heading) is not None
    taken = {c.start for c in contents}
    return [c for c in candidates if c.start not in taken], contents


def _title_key(title: str) -> str:
    return re.sub(r"\W+", " ", title.lower()).strip()


def _adjacent(lines: list[Line], previous: ItemStart, current: ItemStart) -> bool:
    return all(line.blank for line in lines[previous.body:current.start])


def _contents_heading(lines: list[Line], entry: ItemStart, anywhere: bool = False) -> str | None:
    """The contents heading ('Lukkede punkter') right above an entry, or above its run when `anywhere`."""
    for index in range(entry.start - 1, -1, -1):
        text = lines[index].text.strip(" :").lower()
        if not text:
            continue
        if text in CONTENTS_HEADINGS:
            return text
        if not anywhere or not item_heading(lines[index].text, lines[index].level):
            return None
    return None


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
