"""Finding where each item (punkt) begins, by structure rather than by look alone.

'Punkt 65: …' and a title over 'Sag nr. 29' are certain.  A numbered line such
as '3. JobCAMP 2017' is an item only when what follows it (after metadata
lines) is a section heading or a Beslutning heading, or when it leads on to
such a confirmed item; numbers must increase.  This keeps indstilling points
(' 1. at …'), bilag (' 1. Foo (pdf)') and dates ('29. maj') out.

The evidence is weighed over the whole document, on tokens (`tokens.py`: each
line classified once): the heading form most items confirmed by their own
sections use wins over a line of another form that is confirmed only by the
item after it; a contents list is matched to the bodies that follow it; and
where no numbered heading holds, case lines or the first section heading
repeated under each title mark the items.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from store.importing.tokens import Token
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
    shape: str = "punkt"  # the heading's form (see ItemHeading.shape); 'sag' for a 'Sag nr. 12' line
    closed_in_contents: bool = False  # listed under 'Lukkede punkter'


def number_key(number: str) -> tuple[int, str]:
    """'12b' -> (12, 'b'), so numbers compare as printed items do."""
    match = re.match(r"(\d+)(.*)", number)
    return (int(match.group(1)), match.group(2).lower()) if match else (0, number)


def find_items(toks: list[Token]) -> list[ItemStart]:
    """The items of a document (its lines as tokens) in order; empty when none can be recognised."""
    candidates = _candidates(toks)
    found = _items(toks, [c for c in candidates if c.shape != "bare"])
    if any(c.shape == "bare" for c in candidates) and all(item.counted for item in found):
        # '1 Godkendelse af dagsorden': a number with no mark after it is weak evidence, weighed only when no
        # other heading form holds, and kept when it finds at least as many items as the unnumbered reading
        bare = _items(toks, candidates)
        if bare and not all(item.counted for item in bare) and len(bare) >= len(found):
            return bare
    return found


def _items(toks: list[Token], candidates: list[ItemStart]) -> list[ItemStart]:
    candidates, contents = _split_contents(toks, candidates)
    items = _numbered(toks, candidates) if candidates else []
    if not contents and not any(c.strong for c in items) and not _counts_up(items):
        unnumbered = _unnumbered(toks)
        if len(unnumbered) > len(items):
            return unnumbered  # more items open with a case line than with a number: the numbers are lists
    return _listed_only(contents, items)


def _counts_up(items: list[ItemStart]) -> bool:
    """Three or more items numbered n, n+1, n+2, …: the numbers are the agenda's own."""
    numbers = [number_key(item.number)[0] for item in items]
    return len(numbers) >= 3 and all(b == a + 1 for a, b in zip(numbers, numbers[1:], strict=False))


def _numbered(toks: list[Token], candidates: list[ItemStart]) -> list[ItemStart]:
    """The numbered candidates that are item headings."""
    by_start = {c.start: c for c in candidates}
    follows = {c.start: _what_follows(toks, c, by_start) for c in candidates}
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
    confirmed -= _off_shape(candidates, direct, confirmed)
    if not confirmed:
        confirmed = _bare_list(candidates, follows)
    in_lists = _list_runs(candidates)
    flush = [c for c in candidates if c.start in confirmed and not toks[c.start].line.raw[:1].isspace()]
    items: list[ItemStart] = []
    dropped: set[int] = set()
    for c in candidates:
        if c.start not in confirmed:
            continue
        if flush and not c.strong and toks[c.start].line.raw[:1].isspace():
            continue  # an indented numbered line among flush-left items is a list entry
        if items and number_key(c.number) <= number_key(items[-1].number):
            dropped.update(in_lists.get(c.start, ()))
            continue
        items.append(c)
    return [c for c in items if c.start not in dropped]


def _off_shape(candidates: list[ItemStart], direct: set[int], confirmed: set[int]) -> set[int]:
    """Candidates confirmed only by the item after them whose heading has another form than the document's own.

    When most items are headed 'Punkt 7: …' (each followed by its sections), a '4. Renovering af skolen' that
    merely stands before 'Punkt 9' is a list entry in item 7's text, not an item."""
    shapes = Counter(c.shape for c in candidates if c.start in direct)
    if not shapes:
        return set()
    dominant, count = shapes.most_common(1)[0]
    if count < 2 or count * 3 < sum(shapes.values()) * 2:
        return set()
    return {c.start for c in candidates if c.start in confirmed and c.start not in direct and c.shape != dominant}


def _unnumbered(toks: list[Token]) -> list[ItemStart]:
    """Items that print no number, numbered 1, 2, … in order.

    An item opens where a case line ('Sagsnr.: …', 'Åben sag') is followed by a section (or lines give
    both the case number and åben/lukket), its title
    the line above unless that is a label or heading; failing that, at each occurrence of the
    document's first section heading, titled by the line above it.
    """
    starts: list[tuple[int, int, str]] = []  # (start, body, title)
    index = 0
    while index < len(toks):
        facts = toks[index].facts
        if facts and (facts.case_number or facts.public is not None):
            run_end, case, access = index, facts.case_number, facts.public
            while run_end + 1 < len(toks) and (toks[run_end + 1].blank or toks[run_end + 1].facts):
                run_end += 1
                more = toks[run_end].facts
                if more:
                    case, access = case or more.case_number, more.public if access is None else access
            following = _next_filled(toks, run_end + 1)
            if following is not None and (case and access is not None or toks[following].opens_section):
                above = _previous_filled(toks, index)
                if above is not None and _can_be_item_title(toks[above]) and (not starts or above >= starts[-1][1]):
                    starts.append((above, index, toks[above].text))
                else:
                    starts.append((index, index, ""))
                index = following
                continue
        index += 1
    if not starts:
        starts = _section_runs(toks)
    return [
        ItemStart(start, body, str(number), title, False, counted=True)
        for number, (start, body, title) in enumerate(starts, 1)
    ]


def _section_runs(toks: list[Token]) -> list[tuple[int, int, str]]:
    """Each occurrence of the first section heading opens an item titled by the line above it."""
    first = next((i for i, tok in enumerate(toks) if tok.section not in (None, "end")), None)
    if first is None:
        return []
    key = toks[first].text.strip(" :").lower()
    starts = []
    for index, tok in enumerate(toks):
        if tok.blank or tok.text.strip(" :").lower() != key:
            continue
        above = _previous_filled(toks, index)
        if above is None or not _can_be_item_title(toks[above]):
            continue
        if above > 0 and not toks[above - 1].blank:
            continue  # a title stands apart from the text before it
        starts.append((above, index, toks[above].text))
    return starts


def _can_be_item_title(tok: Token) -> bool:
    text = tok.text.strip()
    return (
        bool(text)
        and len(text) <= 200
        and not text.endswith(":")
        and _can_be_title(tok)
        and not tok.names
        and not re.search(r"^\w[\w ]{0,30}:\s", text)
    )


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
        ItemStart(
            c.start, c.start, c.number, c.title, c.strong, listed_only=True, closed_in_contents=c.closed_in_contents
        )
        for c in contents
        if number_key(c.number) not in have
    ]
    if not missing:
        return items
    return sorted(items + missing, key=lambda item: number_key(item.number))


def item_end(toks: list[Token], start: int) -> int:
    """Where the last item ends: at a 'Bilagsoversigt' / 'Underskrifter' heading, else at the end."""
    for index in range(start, len(toks)):
        if toks[index].section == "end":
            return index
    return len(toks)


def _candidates(toks: list[Token]) -> list[ItemStart]:
    found: list[ItemStart] = []
    titles_used: set[int] = set()
    for index, tok in enumerate(toks):
        if tok.blank or index in titles_used:
            continue
        number = tok.sag_number
        if number:
            previous = _previous_filled(toks, index)
            below = index + 1 if index + 1 < len(toks) and not toks[index + 1].blank else None
            if (
                below is not None
                and (index == 0 or toks[index - 1].blank)
                and _can_be_item_title(toks[below])
                and not toks[below].item
            ):
                # 'Sag: 12' standing apart above its title: the title is the line under it
                found.append(ItemStart(index, below + 1, number, toks[below].text, True, shape="sag"))
                titles_used.add(below)
                continue
            if previous is not None and _can_be_title(toks[previous]):
                if found and found[-1].start == previous:
                    found.pop()
                title = toks[previous].text
                heading = toks[previous].item
                if heading and heading.number == number:
                    title = heading.title
                found.append(ItemStart(previous, index + 1, number, title, True, shape="sag"))
            continue
        heading = tok.item
        if not heading:
            continue
        body, title = index + 1, heading.title
        if heading.strong and not title:
            following = _next_filled(toks, index + 1)
            if following is None:
                continue
            title, body = toks[following].text, following + 1
            titles_used.add(following)
        for wrapped in _title_wrap(toks, index if body == index + 1 else body - 1):
            title, body = f"{title} {toks[wrapped].text}", wrapped + 1
            titles_used.add(wrapped)
        if (
            found
            and heading.number == found[-1].number
            and _title_key(title) == _title_key(found[-1].title)
            and all(t.blank for t in toks[found[-1].body : index])
        ):
            index = found.pop().start  # the heading printed twice: one item from the first to the body
        found.append(ItemStart(index, body, heading.number, title, heading.strong, shape=heading.shape))
    return found


def _title_wrap(toks: list[Token], title_at: int) -> list[int]:
    """The lines a long title wraps onto (at most two, right under it), when a section follows them."""
    if len(toks[title_at].text) < MIN_WRAPPED or toks[title_at].text.endswith((".", ":", ";", "!", "?")):
        return []
    wrapped: list[int] = []
    for index in range(title_at + 1, min(title_at + 3, len(toks))):
        tok = toks[index]
        if tok.blank or len(tok.text) > MAX_WRAP or not _can_be_title(tok) or tok.names or tok.item or tok.inline:
            break
        wrapped.append(index)
        probe = ItemStart(title_at, index + 1, "", "", False)
        if _what_follows(toks, probe, {}) == "section":
            return wrapped
        if tok.text.endswith((".", ":", ";", "!", "?")):
            break
    return []


def _can_be_title(tok: Token) -> bool:
    return not (tok.section or tok.facts or tok.sag_number)


def _previous_filled(toks: list[Token], index: int) -> int | None:
    for back in range(index - 1, -1, -1):
        if not toks[back].blank:
            return back
    return None


def _next_filled(toks: list[Token], index: int) -> int | None:
    for ahead in range(index, len(toks)):
        if not toks[ahead].blank:
            return ahead
    return None


def _what_follows(toks: list[Token], candidate: ItemStart, by_start: dict[int, ItemStart]) -> str | int | None:
    """'section', the start index of the next candidate, 'end', or None (plain text).

    Metadata lines, the names of absent members and the title printed again may stand first."""
    seen = 0
    body, title_key = candidate.body, _title_key(candidate.title)
    for index in range(body, len(toks)):
        tok = toks[index]
        if tok.blank:
            continue
        if index in by_start:
            return index
        if tok.section == "end":
            return "end"
        if tok.opens_section:
            return "section"
        if tok.facts or tok.names or _title_key(tok.text) == title_key:
            seen += 1
            if seen > LOOKAHEAD:
                return None
            continue
        return None
    return "end"


def _split_contents(toks: list[Token], candidates: list[ItemStart]) -> tuple[list[ItemStart], list[ItemStart]]:
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
        if key in first_at and first_body is None and _what_follows(toks, c, {}) == "section":
            first_body = c.start
        first_at.setdefault(key, c.start)
    if first_body is not None:
        contents = [c for c in candidates if c.start < first_body]
    else:
        runs: list[list[ItemStart]] = []
        for c in candidates:
            if runs and _adjacent(toks, runs[-1][-1], c):
                runs[-1].append(c)
            else:
                runs.append([c])
        contents = [
            c
            for run in runs
            if len(run) >= 2 and len(run) < len(candidates) and _contents_heading(toks, run[0]) is not None
            for c in run
        ]
    for c in contents:
        heading = _contents_heading(toks, c, anywhere=True) or ""
        c.closed_in_contents = CLOSED_WORD.search(heading) is not None
    taken = {c.start for c in contents}
    return [c for c in candidates if c.start not in taken], contents


def _title_key(title: str) -> str:
    return re.sub(r"\W+", " ", title.lower()).strip()


def _adjacent(toks: list[Token], previous: ItemStart, current: ItemStart) -> bool:
    return all(tok.blank for tok in toks[previous.body : current.start])


def _contents_heading(toks: list[Token], entry: ItemStart, anywhere: bool = False) -> str | None:
    """The contents heading ('Lukkede punkter') right above an entry, or above its run when `anywhere`."""
    for index in range(entry.start - 1, -1, -1):
        text = toks[index].text.strip(" :").lower()
        if not text:
            continue
        if text in CONTENTS_HEADINGS:
            return text
        if not anywhere or not toks[index].item:
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
