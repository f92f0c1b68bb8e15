"""A dagsorden's or referat's text to a `Meeting` — the layouts of Danish agenda systems and web pages.

The pipeline: clean lines (`cleanup.py`) -> tokens, each line classified once (`tokens.py`) -> item
headings chosen by weighing the evidence across the document (`items.py`) -> the header before the first
item (`header.py`) -> each item's metadata, sections, indstilling and beslutning (`body.py`, `decisions.py`).
Every Danish word it knows is data in `vocabulary.py`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from store.dates import parse_date
from store.importing.body import Context, read_item
from store.importing.cleanup import Line, clean_lines
from store.importing.closed_prefix import read_closed_marks
from store.importing.header import closing_words, meeting_end, municipality_in, read_header
from store.importing.items import ItemStart, find_items, item_end, number_key
from store.importing.people import Roster
from store.importing.problems import ImportProblem, where
from store.importing.result import Imported
from store.importing.structure import decision_heading, item_group
from store.importing.tokens import Token, tokenise
from store.importing.vocabulary import DECISION, SUSPENDED_COMPOUND_WORDS
from store.model import ABSENT, ADJOURNED, PLANNED, PRESENT, Item, ItemAbsence, Meeting, Member


def read_agenda_text(text: str, source: str) -> Imported:
    """Read agenda-system Markdown, web-page text, PDF or Word text: the meeting, and what the reader was unsure of."""
    clean = clean_lines(text)
    lines = clean.lines
    if not lines:
        raise ImportProblem(f"{where(source)} indeholder ingen tekst.")
    toks = tokenise(lines, clean.from_pdf)
    starts = find_items(toks)
    if not starts:
        raise ImportProblem(
            f"{where(source)} indeholder ingen dagsordenspunkter, der kan genkendes "
            "(fx 'Punkt 1: …' eller '1. Godkendelse af dagsorden' efterfulgt af 'Beslutning' eller 'Sagsfremstilling')."
        )
    roster = Roster()
    header = read_header(lines[: starts[0].start], roster, source)
    decision_headings = [decision_heading(tok.text) for tok in toks if tok.section == DECISION]
    committee = header.committee or _most_common([h.body for h in decision_headings if h and h.body])
    if header.date is None:
        header.date = _decision_date([h.date for h in decision_headings if h and h.date])
    context = Context(
        committee=committee,
        date_texts=(header.date.isoformat(),) if header.date else (),
        referat=header.says_referat or bool(decision_headings),
        loose=clean.from_pdf,
        roster=roster,
    )
    bodies = sorted((s.start, s.body) for s in starts if not s.listed_only)
    following = {start: after for (start, _), (after, _) in zip(bodies, bodies[1:], strict=False)}
    if bodies:
        following[bodies[-1][0]] = item_end(toks, bodies[-1][1])
    items = [read_item(toks[s.body : s.body if s.listed_only else following[s.start]], s, context) for s in starts]
    _item_absences(items, roster)
    _apply_groups(toks, starts, items)
    _restore_shared_endings(items, lines)
    first_body = min((toks[s.start].line.no for s in starts if not s.listed_only), default=1)
    closed = read_closed_marks(text, first_body, list(zip(starts, items, strict=True)))
    held = any(item.decision for item in items)
    members = list(roster.members.values())
    _settle_attendance(members, items, held)
    notes = context.notes
    if committee and not header.committee:
        notes.append(f"Udvalget '{committee}' er fundet i overskrifterne over beslutningerne; tjek det.")
    if any(start.counted for start in starts):
        notes.append("Dokumentet nummererer ikke punkterne; de er nummereret 1, 2, … i rækkefølge.")
    listed = [start.number for start in starts if start.listed_only]
    if listed:
        notes.append(f"Punkt {', '.join(listed)} står kun i indholdsfortegnelsen; de er indlæst med titel alene.")
    meeting = Meeting(
        committee=committee or "",
        date=header.date,
        municipality=header.municipality or municipality_in(lines),
        start=header.start,
        end=meeting_end(lines) or header.end,  # when the meeting ended, as recorded, over the time planned
        location=header.location,
        status=ADJOURNED if held else PLANNED,
        members=members,
        items=items,
        decision_placement=next(iter(context.placements)) if len(context.placements) == 1 else None,
        closing=closing_words(lines),
        closed_prefix=closed.place,
        closed_marker=closed.marker,
    )
    return Imported(meeting, notes)


def _apply_groups(toks: list[Token], starts: list[ItemStart], items: list[Item]) -> None:
    """Items under 'Lukkede sager' are lukket, under 'Sager til orientering' orienteringssager, until the next
    such heading; only a heading right over an item counts (a contents list's are matched separately)."""
    group: tuple[str | None, str | None] = (None, None)
    position = 0
    order = sorted((s.start, n) for n, s in enumerate(starts) if not s.listed_only)
    bodies = {start for start, _ in order}
    for index, tok in enumerate(toks):
        while position < len(order) and order[position][0] <= index:
            item = items[order[position][1]]
            access, kind = group
            if access == "closed":
                item.public = False
            if kind and item.kind is None:
                item.kind = kind
            position += 1
        found = item_group(tok.text) if not tok.blank else None
        if found and _next_filled(toks, index + 1) in bodies:  # a heading over an item, not over a contents list
            access, kind = found
            # 'Lukkede sager' starts a new part; 'Sager til orientering' within it keeps its access
            group = (access, kind) if access else (group[0], kind)


def _next_filled(toks: list[Token], index: int) -> int | None:
    return next((ahead for ahead in range(index, len(toks)) if not toks[ahead].blank), None)


_GLUED_CONJUNCTION = re.compile(
    rf"\b(?P<head>\w{{3,}}?)(?P<tail>{'|'.join(map(re.escape, SUSPENDED_COMPOUND_WORDS))})\b"
)


def _restore_shared_endings(items: list[Item], lines: list[Line]) -> None:
    """'Arbejdsmarkedsog Beskæftigelsesområdet' in a title, where the document elsewhere (its contents list)
    writes 'Arbejdsmarkeds- og': a viewer joined the hyphenated line end; the document's own spelling is taken."""
    text = None
    for item in items:
        for match in _GLUED_CONJUNCTION.finditer(item.title):
            text = text if text is not None else "\n".join(line.text for line in lines)
            spaced = f"{match.group('head')}- {match.group('tail')}"
            if spaced in text:
                item.title = item.title.replace(match.group(0), spaced)


def _decision_date(texts: list[str]) -> dt.date | None:
    """The date the decision headings name most often ('Beslutning i Byrådet den 19-12-2016')."""
    dates = []
    for text in texts:
        try:
            dates.append(parse_date(text))
        except ValueError:
            continue
    return _most_common(dates)


def _most_common(values: list):
    return Counter(values).most_common(1)[0][0] if values else None


def _settle_attendance(members: list[Member], items: list[Item], held: bool) -> None:
    """A dagsorden records no attendance; in a referat a member not said to be away was there
    (or, absent from every item, was fraværende)."""
    for member in members:
        if not held:
            if member.attendance == PRESENT:
                member.attendance = None
        elif member.attendance is None:
            missed = sum(1 for item in items if any(a.member == member.display for a in item.absences))
            member.attendance = ABSENT if missed == len(items) else PRESENT


def _item_absences(items: list[Item], roster: Roster) -> None:
    """'Fraværende: X (A), sag 29-34' in the header: absences on those items."""
    by_number = {number_key(item.number): item for item in items}
    for display, number, reason in roster.item_absences:
        item = by_number.get(number_key(number))
        if item is not None and all(a.member != display for a in item.absences):
            item.absences.append(ItemAbsence(member=display, reason=reason))
