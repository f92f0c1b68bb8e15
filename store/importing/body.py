"""One item's lines to an `Item`: metadata, sections with their original headings, indstilling, bilag, beslutning."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from store.importing.cleanup import Line
from store.importing.decisions import read_decision
from store.importing.items import ItemStart
from store.importing.people import Roster, item_absence_line, names_in
from store.importing.structure import (
    clean_title,
    decision_heading,
    item_group,
)
from store.importing.tokens import Token
from store.importing.vocabulary import (
    ATTACHMENTS,
    CLOSING_LINE,
    DECISION,
    RECOMMENDATION,
    RECOMMENDS,
    TEXT,
)
from store.model import (
    DECISION_AFTER_RECOMMENDATION,
    DECISION_LAST,
    RECOMMENDATION_SECTION,
    TEXT_SECTION,
    Attachment,
    Item,
    ItemAbsence,
    Section,
)

_NUMBERED_BILAG = re.compile(r"^bilag\s*(?P<ref>\d{1,3}[a-z]?)\s*[:.\-–]\s*(?P<title>\S.*)$", re.IGNORECASE)
# '1. …', '2) …', 'a) …', 'B. …', 'iv. …', 'II. …', '• …': an indstilling point or a bilag.
_LIST_ENTRY = re.compile(
    r"^(?:(?P<num>\d{1,3})[.)]\s*|(?:[a-zA-Z]|[ivx]{1,4}|[IVX]{1,4})[.)]\s+|[•·▪◦●\-*–]\s+)(?P<rest>\S.*)$"
)
_AT_POINT = re.compile(r"^at\b", re.IGNORECASE)
_INLINE_AT = re.compile(r"^(?P<intro>.{3,200}?\bindstille[rs]\b[^,]*?),?\s+(?P<point>at\s+\S.*)$", re.IGNORECASE)
_FILE_MARK = re.compile(r"\s*\((?:pdf|docx?|xlsx?|pptx?|jpe?g|png|txt|html?)\)\s*$", re.IGNORECASE)
_CLOSED_BILAG = re.compile(
    r"^(?:lukket(?:\s+bilag)?\s*[:\-–]\s*)|\s*(?:\((?:lukket(?:\s+bilag)?|fortroligt?)\)|[-–]\s*lukket(?:\s+bilag)?)\s*$",
    re.IGNORECASE,
)


@dataclass
class Context:
    """What every item needs to know about the document."""

    committee: str | None
    date_texts: tuple[str, ...]
    referat: bool
    loose: bool
    roster: Roster
    notes: list[str] = field(default_factory=list)  # what the import was unsure of, told in Danish
    placements: set[str] = field(default_factory=set)  # where items show their beslutning (DECISION_PLACEMENTS)


@dataclass
class _Block:
    heading: str | None
    kind: str
    level: int | None
    lines: list[Line]


def read_item(toks: list[Token], start: ItemStart, context: Context) -> Item:
    """The item whose heading is `start` and whose body is `toks` (its lines, classified)."""
    title = clean_title(start.title)
    item = Item(
        number=start.number, title=title.text, public=title.public and not start.closed_in_contents, kind=title.kind
    )
    if title.unsure:
        context.notes.append(
            f"Punkt {item.number} er indlæst som lukket, fordi titlen nævner lukket eller fortroligt "
            "uden at være mærket tydeligt; ret det, hvis punktet er åbent."
        )
    index = _metadata(toks, item, context)
    if not item.title:  # a layout that prints only 'Sagsnr.: …' over the item
        item.title = f"Sagsnr. {item.case_number}" if item.case_number else "(uden titel)"
    blocks = _blocks(toks[index:], context, item)
    _note_placement(blocks, context)
    for block in blocks:
        if block.kind == DECISION:
            _decision(block, item, context)
        elif block.kind == ATTACHMENTS:
            item.attachments.extend(_attachments(block.lines))
        elif block.kind == RECOMMENDATION:
            intro, points = _recommendation(block)
            item.sections.append(Section(block.heading or "", intro, RECOMMENDATION_SECTION))
            item.recommendation.extend(points)
            item.recommendation_numbered = (
                any(
                    (entry := _LIST_ENTRY.match(line.raw.strip())) and entry["num"]
                    for line in block.lines
                    if not line.blank
                )
                or not points
            )
        elif block.heading is None and context.referat and not any(b.heading for b in blocks):
            _decision(block, item, context)
        elif _text(block.lines) or block.heading:
            item.sections.append(Section(block.heading or "", _text(block.lines), TEXT_SECTION))
    return item


def _note_placement(blocks: list[_Block], context: Context) -> None:
    """Whether this item shows its beslutning right after the indstilling or after every section, when it tells."""
    kinds = [block.kind for block in blocks if block.kind in (TEXT, RECOMMENDATION, DECISION) and block.heading]
    if DECISION not in kinds or RECOMMENDATION not in kinds:
        return
    decision, recommendation = kinds.index(DECISION), kinds.index(RECOMMENDATION)
    if recommendation < decision < len(kinds) - 1:
        context.placements.add(DECISION_AFTER_RECOMMENDATION)
    elif recommendation < decision - 1 and decision == len(kinds) - 1:
        context.placements.add(DECISION_LAST)


def _metadata(toks: list[Token], item: Item, context: Context) -> int:
    """Read sagsnummer, åben/lukket and kind lines under the title; the index of the first other line."""
    for index, tok in enumerate(toks):
        if tok.blank:
            continue
        facts = tok.facts
        absent = item_absence_line(tok.text) if facts is None else None
        if absent:  # 'Inhabil: X (V)' under the title
            for name, party in absent[0]:
                display = context.roster.member(name, party).display
                if all(a.member != display for a in item.absences):
                    item.absences.append(ItemAbsence(member=display, reason=absent[1]))
            continue
        if facts is None and tok.names:  # the members absent from this item, under its title
            for name, party in names_in(tok.text):
                display = context.roster.member(name, party).display
                if all(a.member != display for a in item.absences):
                    item.absences.append(ItemAbsence(member=display))
            continue
        if facts is None:
            return index
        item.case_number = item.case_number or facts.case_number
        if facts.public is False:
            item.public = False
        item.kind = item.kind or facts.kind
    return len(toks)


def _blocks(toks: list[Token], context: Context, item: Item) -> list[_Block]:
    blocks = [_Block(None, TEXT, None, [])]
    for tok in toks:
        line = tok.line
        current = blocks[-1]
        if line.blank:
            current.lines.append(line)
            continue
        if CLOSING_LINE.match(line.text) or item_group(line.text):
            continue  # the closing line; a heading grouping the items after this one ('Lukkede sager')
        numbered_bilag = _NUMBERED_BILAG.match(line.text)
        if numbered_bilag and current.kind not in (DECISION, ATTACHMENTS):
            item.attachments.extend(_attachments([line]))
            continue
        kind = tok.section
        if (
            kind == RECOMMENDATION
            and current.kind == RECOMMENDATION
            and not _text(current.lines)
            and RECOMMENDS.match(line.text.rstrip(":"))
        ):
            current.lines.append(line)  # 'Forvaltningen indstiller, at' under an 'Indstilling' heading
            continue
        if kind and kind != "end":
            if kind == DECISION and not _this_meeting(line.text, context):
                kind = TEXT  # an earlier body's decision, quoted in the item
            blocks.append(_Block(line.text.rstrip(":").strip(), kind, line.level, []))
            continue
        if line.level and _sibling_level(blocks, line.level):
            blocks.append(_Block(line.text, TEXT, line.level, []))
            continue
        inline = tok.inline if current.kind != DECISION or context.loose else None
        if inline:
            heading, kind, rest = inline
            if kind == DECISION and not _this_meeting(heading, context):
                kind = TEXT
            rest_line = Line(line.no, rest, rest, None)
            blocks.append(_Block(heading, kind, line.level, [rest_line]))
            continue
        current.lines.append(line)
    return [b for b in blocks if b.heading is not None or _text(b.lines)]


def _sibling_level(blocks: list[_Block], level: int) -> bool:
    """An unknown Markdown heading opens a section when it is as high as the known section headings."""
    for block in reversed(blocks):
        if block.heading is not None and block.level:
            return level <= block.level
    return False


def _this_meeting(heading: str, context: Context) -> bool:
    """'Beslutning i Økonomiudvalget den 10-09-2019' in another body's or date's name is history, not the decision."""
    found = decision_heading(heading)
    if found is None:
        return True
    if found.body and context.committee:
        body = found.body.lower()
        committee = context.committee.lower()
        if not (body.startswith(committee) or committee.startswith(body)):
            return False
    if found.date and context.date_texts:
        from store.dates import parse_date

        try:
            return parse_date(found.date).isoformat() in context.date_texts
        except ValueError:
            return True
    return True


def _text(lines: list[Line]) -> str:
    """Section text: the raw lines trimmed, paragraphs kept."""
    rows = [line.raw.strip() for line in lines]
    text = "\n".join(rows).strip("\n")
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _paragraphs(lines: list[Line]) -> list[list[str]]:
    paragraphs: list[list[str]] = [[]]
    for line in lines:
        if line.blank:
            if paragraphs[-1]:
                paragraphs.append([])
        else:
            paragraphs[-1].append(line.text)
    return [p for p in paragraphs if p]


def _decision(block: _Block, item: Item, context: Context) -> None:
    parts = read_decision(_paragraphs(block.lines), context.roster, len(item.recommendation))
    if parts.decision:
        if item.decision and item.decision.text:
            parts.decision.text = "\n\n".join(filter(None, (item.decision.text, parts.decision.text)))
        item.decision = parts.decision
    item.votes.extend(parts.votes)
    item.remarks.extend(parts.remarks)
    for name, reason in parts.absences:
        if all(a.member != name for a in item.absences):
            item.absences.append(ItemAbsence(member=name, reason=reason))


def _recommendation(block: _Block) -> tuple[str, list[str]]:
    """The indstilling's intro text and its points ('at …', numbered or bulleted)."""
    intro: list[str] = []
    points: list[str] = []
    gap = False
    every_paragraph = bool(block.heading and re.search(r"\bat\s*:?$", block.heading, re.IGNORECASE))
    for line in block.lines:
        if line.blank:
            gap = True
            continue
        text = line.raw.strip()
        entry = _LIST_ENTRY.match(text)
        if entry:
            points.append(entry.group("rest").strip())
        elif _AT_POINT.match(text) or (every_paragraph and (gap or not points)):
            points.append(text)
        elif points and not gap:
            points[-1] = f"{points[-1]} {text}"
        else:
            intro.append(text)
        gap = False
    inline = _INLINE_AT.match(intro[0]) if intro and not points else None
    if inline:  # 'Forvaltningen indstiller, at udvalget godkender planen.'
        intro[0], points = inline.group("intro").strip(), [inline.group("point").strip()]
    return "\n\n".join(intro), points


def _attachments(lines: list[Line]) -> list[Attachment]:
    """Bilag lines: numbered ('1. Foo (pdf)', 'Bilag 2: Bar'), bulleted, or one per line."""
    entries: list[list[str]] = []
    references: list[str | None] = []
    listed = any(_LIST_ENTRY.match(line.text) or _NUMBERED_BILAG.match(line.text) for line in lines if not line.blank)
    gap = True
    for line in lines:
        if line.blank:
            gap = True
            continue
        text = line.text
        numbered = _NUMBERED_BILAG.match(text)
        entry = _LIST_ENTRY.match(text)
        if numbered:
            entries.append([numbered.group("title")])
            references.append(numbered.group("ref"))
        elif entry:
            entries.append([entry.group("rest")])
            references.append(entry.group("num"))
        elif listed and entries and not gap:
            entries[-1].append(text)
        else:
            entries.append([text])
            references.append(None)
        gap = False
    attachments = []
    for parts, reference in zip(entries, references, strict=True):
        title = " ".join(parts).strip()
        public = True
        closed = _CLOSED_BILAG.search(title)
        if closed:
            title, public = _CLOSED_BILAG.sub("", title).strip(), False
        title = _FILE_MARK.sub("", title).strip()
        if title:
            attachments.append(Attachment(title=title, reference=reference, public=public))
    return attachments
