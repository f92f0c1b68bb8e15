"""The referat as Markdown: public or full, whole referat or short beslutningsprotokol.

The layout follows the referater that Danish kommuner publish: one `#` heading per item with its
number, title and sagsnummer, `##` for the dagsorden's sections with their original headings, the
`## Beslutning` right after the indstilling (Rødovre, Hvidovre, Tårnby) or after every section
(Herlev) as the committee chose or the imported document had it, then `## Bilag`; attendance once
at the top with each member's missed items as a range, the closing line after the last item, and
the Underskriftsblad.  The same text is also an import format (export → import →
export gives the same document), so every line is regular.  User text is escaped with
`store.markdown_escape` (see its docstring) and can never produce a structural line; a parser
should undo the escapes with `markdown_escape.unescape`.

Grammar (blocks are separated by one blank line; `[...]` optional, `{...}` repeated, TEXT is
escaped user text, NAME a member as `Name (P)` or a bare name / party letter, with `,:()`
escaped inside names):

    document   := [confidential] title header* attendance* [guests] [toc] item* [ending | closing] [bilagsoversigt]
                  [signatures]
    confidential := "**FORTROLIGT: Fuld udgave med lukket indhold – må ikke offentliggøres.**"
                    (first line of every --full export, and only there)
    title      := "# " ("Referat" | "Dagsorden" | "Beslutningsprotokol") ": " COMMITTEE
                  (Dagsorden: the meeting is still planlagt; Beslutningsprotokol: --decisions-only)
    header     := "**Kommune:** " TEXT
                | "**Mødedato:** " LONG-DATE                      ("Mandag den 29. maj 2017")
                | "Mødet begyndte kl. HH.MM."
                | "Mødet begynder kl. HH.MM."                     (a planned meeting)
                | "**Mødested:** " TEXT
    attendance := "## " GROUP NL member-line {NL member-line}
                  GROUP is "Deltagere" (til stede and stedfortrædere; in a referat also members whose
                  attendance was not recorded), "Fraværende med afbud", "Fraværende" (also members
                  expected later who never arrived), or, in a dagsorden, "Medlemmer" (attendance not
                  recorded, or expected later).  "Fraværende" also lists each member at the meeting
                  who missed items other than by arriving late or leaving early:
                  "- " NAME ", sag " RANGES   (RANGES: "3, 5, 7-9")
    member-line:= "- " NAME [", formand" | ", næstformand"] [", stedfortræder for " NAME]
                  [", ankom kl. HH.MM" [" under behandlingen af punkt " N] | ", ankom under behandlingen af punkt " N]
                  [", forlod mødet kl. HH.MM" [" efter behandlingen af punkt " N]
                    | ", forlod mødet efter behandlingen af punkt " N]
                  [", *" TEXT "*"]                    (the member's note; full export only)
    guests     := "Desuden deltog: " TEXT {", " TEXT}   (people who took part without being members)
    ending     := "# Mødets afslutning" NL NL TEXT      (the secretary's closing line, "Protokollen oplæst.", of a
                                                        meeting whose end is not known)
    toc        := "## Indholdsfortegnelse" NL "- Punkt " N ": " ITEM-TITLE {NL ...}
    ITEM-TITLE := TEXT | "Lukket: " TEXT | "Lukket punkt"   (a public item's title never starts with a
                  raw "Lukket:"; the colon is escaped.  "Lukket punkt" alone: a lukket item whose title
                  is confidential, public export.  A lukket item's title has "Lukket: " in the contents
                  and over the item, or only where the imported document had it (Meeting.closed_prefix):
                  the closed-mark says it is lukket either way.  A document that wrote its marker after
                  the title (Meeting.closed_marker, " - LUKKET SAG", " (Lukket)", " [Lukket]": model.CLOSED_SUFFIX)
                  has TEXT followed by that marker instead of "Lukket: " TEXT; a lukket title shown without a
                  marker whose TEXT ends like one has the marker's first character escaped.  A title that only says the item is
                  lukket, "Lukket punkt", has no prefix, except in a referat sealed in an older layout
                  (model.LAYOUT_PREFIXED_MARKER_TITLE or before): "Lukket: Lukket punkt")
    item       := "# Punkt " N ": " ITEM-TITLE
                  [closed-mark]
                  ["**Hastesag.** Optaget på dagsordenen under mødet."]   (an item added at the meeting)
                  ["Sagsnr.: " TEXT]
                  section* [beslutning] section*       (sections not with --decisions-only; the
                                                        beslutning follows the section that shows the
                                                        indstilling points, or the last section when the
                                                        meeting's decision_placement is "sidst")
                  [bilag]                              (not with --decisions-only)
    closed-mark:= "**Lukket punkt.** Behandlet for lukkede døre." [" Må ikke offentliggøres."
                  [" Titlen er fortrolig."] [" Udfaldet er fortroligt."]]   (the last three: full only)
                  Present exactly when the item is lukket.
    section    := "## " HEADING [NL body] [NL recommendation]
                  HEADING is TEXT; a section heading that reads "Beslutning" or "Bilag" has its first
                  letter written as a character reference ("&#66;eslutning").  body is escaped text in
                  which the only Markdown is "- " and "* " bullet lines ("* " is a "• " line of text),
                  "N) " numbered lines (a "N. " line of text) and "###"–"######" sub-headings.
                  recommendation is an ordered list "1. TEXT", or, when the source numbered none of its
                  points ("at …" alone), one paragraph per point whose first character is written as a
                  character reference ("&#97;t …") — a section holding one is the indstilling
                  (Section.kind "indstilling").  An item with indstilling points but no such section gets
                  "## Indstilling" with the list after its other sections.
    beslutning := "## Beslutning"
                  {NAME " deltog ikke i behandlingen af punktet." [" Årsag (intern): " TEXT]}
                                                        (in roster order: a name not on the roster, or,
                                                         in the full export, a member with a reason)
                  ["Udvalget var ikke beslutningsdygtigt under behandlingen af punktet."]
                                                        (decided although fewer than half the seats took
                                                         part, KSL § 11)
                  ["**" OUTCOME "**"]                   (the outcome phrase, ending in "."; "Udsat." for a
                                                         postponed item)
                  [body]                                (free text; a line of it that would read as one of
                                                         the lines above has that punctuation escaped)
                  ["1. " TEXT {NL N ". " TEXT}]         (per-point outcomes)
                  {"**Afstemning[ om " TEXT "]:** For stemte: SIDE. Imod stemte: SIDE. Undlod at stemme: SIDE."
                   [" " RESULT]}                        (ændringsforslag first, and their TEXT always starts
                                                         with "ændringsforslag" — "ændringsforslag (SUBJECT)"
                                                         when the subject did not; "Indstillingen", "Forslaget" …
                                                         as the first word are written in lower case.
                                                         SIDE is ENTRY {", " ENTRY} (a party that voted as one:
                                                         PARTY " (" COUNT ")"; a member of a party that split:
                                                         NAME) | COUNT " (" NAME {", " NAME} ")" (the roster
                                                         cannot divide the total) | COUNT " medlem(mer)"
                                                         | "ingen"; RESULT is NOUN " blev vedtaget|forkastet"
                                                         [" med " N " stemme(r) mod " N] "." with NOUN
                                                         "Ændringsforslaget", "Indstillingen" (subject empty or
                                                         starting so) or "Forslaget", or "Resultat: TEXT.")
                  {"> " NAME {", " NAME} " ønskede følgende tilført protokollen: " TEXT {NL "> " TEXT}
                   | "> Mindretalsudtalelse fra " NAME {", " NAME} ": " TEXT {NL "> " TEXT}
                   | "> Følgende blev tilført protokollen: " TEXT}
                  {"**Tilføjelse " SHORT-DATE ":** " TEXT [" *Begrundelse: " TEXT "*"]
                   | "**Tilføjelse " SHORT-DATE ".**"}  (public export of a lukket item: date only)
    bilag      := "## Bilag" NL "- " BILAG {NL "- " BILAG}
    BILAG      := ["Lukket: "] ("Bilag " NUMBER ": " TEXT | TEXT | "[" TEXT "](<" REFERENCE ">)")
                  (a bilag whose reference is its number, "12" or "3a"; else a link to its address.
                  REFERENCE is escaped exactly like TEXT — `<`, `>` and `\\` included — so one
                  `unescape` gives it back, as CommonMark reads it)
    closing    := [TEXT " "] "Mødet afsluttet kl. HH.MM"  (a held meeting whose end is known, after its closing
                  line as Rødovre writes it: "Protokollen oplæst. Mødet afsluttet kl. 15.45".  User text
                  anywhere that ends so has the full stop after "kl" escaped.  A referat sealed in the
                  first layout (model.LAYOUT_ENDED_ITALIC) keeps its wording: `ending` for any closing
                  line, then "*Mødet sluttede kl. HH.MM.*")
    bilagsoversigt := "# Bilagsoversigt" NL ("- Punkt " N ": " BILAG {NL ...} | "Ingen bilag.")
    signatures := "# Underskriftsblad" NL ("- " NAME " godkendte " SHORT-DATE " kl. HH.MM"
                  [" med forbehold: " TEXT] {NL ...}
                  | SIGNATURE_LEAD NL "- " NAME {NL "- " NAME}   (before any approval: the members who
                                                                  took part, to sign)
                  | "Ingen godkendelser er registreret.")
                  (a referat only, not a dagsorden)

Public or full: the public export renders `store.redaction.public_view(meeting)`; those rules live
there and nowhere else.
"""

from __future__ import annotations

import datetime as dt
import re

from store.dates import danish_time, long_date, short_date
from store.markdown_escape import escape_block, escape_inline, escape_name
from store.model import (
    ABSENT,
    CARRIED,
    CHAIR,
    CLOSED_PREFIX_CONTENTS,
    CLOSED_PREFIX_HEADING,
    CLOSED_PREFIX_NONE,
    CLOSED_SUFFIX,
    DECISION_LAST,
    DEFEATED,
    EXPECTED_LATE,
    LAYOUT,
    LAYOUT_ENDED_ITALIC,
    LAYOUT_PREFIXED_MARKER_TITLE,
    PLANNED,
    PRESENT,
    RECOMMENDATION_SECTION,
    SENT_APOLOGIES,
    SUBSTITUTE,
    VICE_CHAIR,
    VOTE_ON_AMENDMENT,
    Attachment,
    Item,
    Meeting,
    Member,
    Vote,
    marker_title,
    plain_number,
)
from store.redaction import CLOSED_ITEM_TITLE, public_view

GUESTS_LABEL = "Desuden deltog: "
ENDING_HEADING = "# Mødets afslutning"
CONFIDENTIAL_LINE = "**FORTROLIGT: Fuld udgave med lukket indhold – må ikke offentliggøres.**"
DECISION_HEADING = "## Beslutning"
RESERVED_SECTION_HEADINGS = ("beslutning", "bilag")
_ROLE_ORDER = {CHAIR: 0, VICE_CHAIR: 1}
AMENDMENT_WORD = "ændringsforslag"
_VOTE_SUBJECT_NOUNS = {
    "indstillingen",
    "indstilling",
    "forslaget",
    "forslag",
    "ændringsforslaget",
    "ændringsforslag",
    "ændringsforslagene",
    "sagen",
    "punktet",
}
_RESULT_VERB = {CARRIED: "vedtaget", DEFEATED: "forkastet"}
_MINORITY_STATEMENT = "mindretalsudtalelse"  # one of model.REMARK_KINDS
_DISPLAY = re.compile(r"^(?P<name>.*?)\s*\((?P<party>[^()]{1,6})\)\s*$")
_FREE_TEXT_LABEL = re.compile(r"^(Afbud|Fraværende):")
_ABSENCE_SENTENCE = "deltog ikke i behandlingen af punktet."
NO_QUORUM_SENTENCE = "Udvalget var ikke beslutningsdygtigt under behandlingen af punktet."
_NUMBERED_BILAG = re.compile(r"^\d{1,3}[a-z]?$")
_BILAG_PREFIX = re.compile(r"^(Bilag \d{1,3}[a-z]?):")
NO_APPROVALS = "Ingen godkendelser er registreret."
URGENT_MARK = "**Hastesag.** Optaget på dagsordenen under mødet."
SIGNATURE_LEAD = "Referatet underskrives af de medlemmer, der deltog i mødet:"


CLOSED_AT = "Mødet afsluttet kl. "


def closing_line(end: str, closing: str | None = None) -> str:
    """The referat's last line: 'Protokollen oplæst. Mødet afsluttet kl. 15.45'."""
    lead = escape_inline(closing, line_start=True) + " " if closing and closing.strip() else ""
    return f"{lead}{CLOSED_AT}{escape_inline(danish_time(end))}"


def first_layout_closing_line(end: str) -> str:
    """The end of a referat sealed in the first layout: '*Mødet sluttede kl. 15.45.*'."""
    return f"*Mødet sluttede kl. {escape_inline(danish_time(end))}.*"


def render_markdown(meeting: Meeting, *, public: bool = True, decisions_only: bool = False) -> str:
    """The referat as Markdown; `public` applies the publication rules, `decisions_only` gives the short form."""
    return "\n\n".join(markdown_blocks(meeting, public=public, decisions_only=decisions_only)) + "\n"


def markdown_blocks(
    meeting: Meeting, *, public: bool = True, decisions_only: bool = False, head_only: bool = False
) -> list[str]:
    """The referat's blocks, which render_markdown joins with a blank line between them (for a reader that takes
    the referat apart again: it need not hold the whole text at once); `head_only`: only those before the first
    item (title, header, attendance, table of contents)."""
    view = public_view(meeting) if public else meeting
    return _Document(view, full=not public, decisions_only=decisions_only).render(head_only=head_only)


def markdown_by_item(meeting: Meeting, *, public: bool = True) -> tuple[list[str], list[list[str]], list[str]]:
    """markdown_blocks in three: those before the first item, each item's, those after the last item."""
    view = public_view(meeting) if public else meeting
    document = _Document(view, full=not public, decisions_only=False)
    blocks = document.render()
    starts = [*document.item_starts, document.ending_start]
    return blocks[: starts[0]], [blocks[start:end] for start, end in zip(starts, starts[1:])], blocks[starts[-1] :]


def compress_numbers(numbers: list[str]) -> str:
    """'29', '30', '31', '34' -> '29-31, 34': runs of consecutive item numbers become ranges."""
    parts: list[str] = []
    run: list[int] = []

    def flush() -> None:
        if run:
            parts.append(str(run[0]) if len(run) == 1 else f"{run[0]}-{run[-1]}")
            run.clear()

    for number in numbers:
        value = plain_number(number)
        if value is not None:
            if run and value != run[-1] + 1:
                flush()
            run.append(value)
        else:
            flush()
            parts.append(escape_name(number))
    flush()
    return ", ".join(parts)


def _sentence(text: str) -> str:
    return text if text.endswith((".", "!", "?", ":")) else text + "."


def _escape_title(title: str, *, line_start: bool = False) -> str:
    """A title as TEXT: escaped, and never starting with a raw 'Lukket:' (that prefix is a marker)."""
    text = escape_inline(title.strip(), line_start=line_start)
    return "Lukket\\:" + text[7:] if text.startswith("Lukket:") else text


def _unmarked(title: str) -> str:
    """An escaped lukket title shown without its marker: an ending that reads as one (' - Lukket møde') is escaped."""
    ending = CLOSED_SUFFIX.search(title)
    return f"{title[: ending.start() + 1]}\\{title[ending.start() + 1 :]}" if ending else title


def _escape_heading(heading: str) -> str:
    text = escape_inline(heading, line_start=True)
    if text.casefold() in RESERVED_SECTION_HEADINGS:
        text = f"&#{ord(text[0])};{text[1:]}"
    return text


def _lower_subject(subject: str) -> str:
    """'Indstillingen' -> 'indstillingen': the common nouns a vote is about are written in lower case."""
    first = subject.split(" ", 1)[0]
    if first.casefold() in _VOTE_SUBJECT_NOUNS and first[:1].isupper() and first[1:].islower():
        return subject[:1].lower() + subject[1:]
    return subject


def _result_noun(vote: Vote) -> str:
    """What the result sentence says was carried: the amendment, the indstilling or another proposal."""
    if vote.kind == VOTE_ON_AMENDMENT:
        return "Ændringsforslaget"
    subject = (vote.subject or "").strip().casefold()
    return "Indstillingen" if not subject or subject.startswith("indstilling") else "Forslaget"


def _recommendation(item: Item) -> list[str]:
    """The indstilling points: a numbered list, or one paragraph each when the source numbered none."""
    points = [escape_inline(point) for point in item.recommendation]
    if item.recommendation_numbered or not all(points):
        return [_numbered(item.recommendation)]
    return [_unnumbered_point(point) for point in points]


def _unnumbered_point(escaped: str) -> str:
    """'&#97;t …': the first character as a character reference marks the paragraph as a point.

    Escaped body text never starts with '&#', and the reference reads as the character itself.
    """
    first = 2 if escaped.startswith("\\") else 1
    return f"&#{ord(escaped[first - 1])};{escaped[first:]}"


def _numbered(points: list[str]) -> str:
    return "\n".join(f"{n}. {escape_inline(point, line_start=True)}".rstrip() for n, point in enumerate(points, 1))


class _Document:
    """Renders one meeting (already redacted when public)."""

    def __init__(self, meeting: Meeting, *, full: bool, decisions_only: bool) -> None:
        self.meeting = meeting
        self.full = full
        self.decisions_only = decisions_only
        self.held = meeting.status != PLANNED
        self.lookup: dict[str, Member] = {}
        for member in meeting.members:
            self.lookup.setdefault(member.display.casefold(), member)
            self.lookup.setdefault(member.name.casefold(), member)
        self.apologies = [m for m in meeting.members if m.attendance == SENT_APOLOGIES]
        # A member expected later who never came was absent; in a dagsorden he or she is just a member.
        self.absentees = [
            m for m in meeting.members if m.attendance == ABSENT or (m.attendance == EXPECTED_LATE and self.held)
        ]
        away = {id(m) for m in self.apologies + self.absentees}
        self.attending = [m for m in meeting.members if self._attends(m)]
        self.item_absence = {id(item): self._item_absentees(item, away) for item in meeting.items}
        self.blocks: list[str] = []
        self.item_starts: list[int] = []  # where each item's blocks begin
        self.ending_start = 0  # where the blocks after the last item begin

    # --- people ---------------------------------------------------------------

    def _attends(self, member: Member) -> bool:
        return member.attendance in (PRESENT, SUBSTITUTE) or (member.attendance is None and self.held)

    def _member(self, label: str) -> Member | None:
        return self.lookup.get(label.strip().casefold())

    def _show(self, member: Member) -> str:
        name = escape_name(member.name)
        return f"{name} ({escape_name(member.party)})" if member.party else name

    def who(self, label: str) -> str:
        """A member, party letter or bare name as the referat prints it: 'Anna Holm (A)'."""
        member = self._member(label)
        if member:
            return self._show(member)
        match = _DISPLAY.match(label)
        if match:
            return f"{escape_name(match['name'])} ({escape_name(match['party'])})"
        return escape_name(label)

    def _item_absentees(self, item: Item, away: set[int]) -> list[tuple[str, Member | None, str | None]]:
        """Who did not take part in this item although at the meeting: (label, member, reason), in roster order."""
        reasons = {absence.member: absence.reason for absence in item.absences}
        seen: set = set()
        result = []
        for label in [*item.absent, *reasons]:
            member = self._member(label)
            key = id(member) if member else label.strip().casefold()
            if key in seen or (member and id(member) in away) or not label.strip():
                continue
            seen.add(key)
            result.append((label, member, reasons.get(label)))
        position = {id(member): index for index, member in enumerate(self.meeting.members)}
        return sorted(result, key=lambda entry: position.get(id(entry[1]), len(position)))

    # --- the document -----------------------------------------------------------

    def render(self, *, head_only: bool = False) -> list[str]:
        meeting = self.meeting
        if self.full:
            self.blocks.append(CONFIDENTIAL_LINE)
        kind = "Beslutningsprotokol" if self.decisions_only else ("Referat" if self.held else "Dagsorden")
        self.blocks.append(f"# {kind}: {escape_inline(meeting.committee)}")
        self._header()
        self._attendance()
        if not self.decisions_only and meeting.items:
            self.blocks.append("## Indholdsfortegnelse")
            self.blocks.append(
                "\n".join(
                    f"- Punkt {escape_name(item.number)}: {self._title(item, contents=True)}" for item in meeting.items
                )
            )
        if head_only:
            return self.blocks
        for item in meeting.items:
            self.item_starts.append(len(self.blocks))
            self._item(item)
        self.ending_start = len(self.blocks)
        self._ending()
        if not self.decisions_only:
            self._attachment_overview()
        if self.held:
            self._signatures()
        return self.blocks

    def _ending(self) -> None:
        meeting = self.meeting
        first_layout = meeting.layout == LAYOUT_ENDED_ITALIC
        if meeting.closing and (first_layout or not (self.held and meeting.end)):
            self.blocks.append(ENDING_HEADING)
            self.blocks.append(escape_inline(meeting.closing, line_start=True))
        if self.held and meeting.end:
            self.blocks.append(
                first_layout_closing_line(meeting.end) if first_layout else closing_line(meeting.end, meeting.closing)
            )

    def _header(self) -> None:
        meeting = self.meeting
        if meeting.municipality:
            self.blocks.append(f"**Kommune:** {escape_inline(meeting.municipality)}")
        if meeting.date:
            self.blocks.append(f"**Mødedato:** {long_date(meeting.date)}")
        start = meeting.start and escape_inline(danish_time(meeting.start))
        if not self.held and start:
            self.blocks.append(f"Mødet begynder kl. {start}.")
        elif start:
            self.blocks.append(f"Mødet begyndte kl. {start}.")
        if meeting.location:
            self.blocks.append(f"**Mødested:** {escape_inline(meeting.location)}")

    def _attendance(self) -> None:
        members = self.meeting.members
        missed = {id(m): self._missed_items(m) for m in self.attending}
        # A member who missed every item took no part: listed only as absent, with the items ("sag 29-34").
        away = [m for m in self.attending if self._missed_all(m, missed[id(m)])]
        gone = {id(m) for m in away}
        attending = sorted(
            (m for m in self.attending if id(m) not in gone), key=lambda m: _ROLE_ORDER.get(m.role or "", 2)
        )
        absent_lines = [self._member_line(m) for m in self.absentees] + [
            f"- {self._show(m)}, sag {compress_numbers([item.number for item in missed[id(m)]])}"
            for m in [*away, *attending]
            if missed[id(m)]
        ]
        groups = [
            ("Deltagere", [self._member_line(m) for m in attending]),
            ("Fraværende med afbud", [self._member_line(m) for m in self.apologies]),
            ("Fraværende", absent_lines),
            (
                "Medlemmer",
                [] if self.held else [self._member_line(m) for m in members if m.attendance in (None, EXPECTED_LATE)],
            ),
        ]
        for heading, lines in groups:
            if lines:
                self.blocks.append(f"## {heading}")
                self.blocks.append("\n".join(lines))
        if self.meeting.guests:
            self.blocks.append(GUESTS_LABEL + ", ".join(escape_name(guest) for guest in self.meeting.guests))

    def _missed_all(self, member: Member, missed: list[Item]) -> bool:
        """Whether a member at the meeting missed every item, and his or her line says nothing more than the name."""
        items = self.meeting.items
        return bool(items) and len(missed) == len(items) and self._member_line(member) == f"- {self._show(member)}"

    def _member_line(self, member: Member) -> str:
        parts = [self._show(member)]
        if member.role in (CHAIR, VICE_CHAIR):
            parts.append(member.role)
        if member.substitute_for:
            parts.append(f"stedfortræder for {self.who(member.substitute_for)}")
        if self._attends(member):
            parts.extend(self._partial_attendance(member))
        if member.note and self.full:
            parts.append(f"*{escape_name(member.note)}*")
        return "- " + ", ".join(parts)

    def _partial_attendance(self, member: Member) -> list[str]:
        parts = []
        if member.arrived_at or member.arrived_item:
            text = "ankom"
            if member.arrived_at:
                text += f" kl. {escape_inline(danish_time(member.arrived_at))}"
            if member.arrived_item:
                text += f" under behandlingen af punkt {escape_name(member.arrived_item)}"
            parts.append(text)
        if member.left_at or member.left_item:
            text = "forlod mødet"
            if member.left_at:
                text += f" kl. {escape_inline(danish_time(member.left_at))}"
            if member.left_item:
                text += f" efter behandlingen af punkt {escape_name(member.left_item)}"
            parts.append(text)
        return parts

    def _missed_items(self, member: Member) -> list[Item]:
        """Items the member missed other than by arriving late or leaving early."""
        numbers = [item.number for item in self.meeting.items]
        first = numbers.index(member.arrived_item) if member.arrived_item in numbers else 0
        last = numbers.index(member.left_item) if member.left_item in numbers else len(numbers) - 1
        return [
            item
            for index, item in enumerate(self.meeting.items)
            if first <= index <= last and any(m is member for _, m, _ in self.item_absence[id(item)])
        ]

    # --- items -----------------------------------------------------------------

    def _title(self, item: Item, *, contents: bool = False) -> str:
        """The item's title in the contents or over the item: a lukket one marked where the meeting has it,
        with 'Lukket: ' before it or the document's own marker after it (' - LUKKET SAG')."""
        if item.public:
            return _escape_title(item.title)
        if item.title_confidential and not self.full:
            return CLOSED_ITEM_TITLE
        place = self.meeting.closed_prefix
        if (
            place == CLOSED_PREFIX_NONE
            or place == (CLOSED_PREFIX_HEADING if contents else CLOSED_PREFIX_CONTENTS)
            or (marker_title(item.title) and (self.meeting.layout or LAYOUT) > LAYOUT_PREFIXED_MARKER_TITLE)
        ):
            return _unmarked(_escape_title(item.title))
        marker = self.meeting.closed_marker
        if marker and CLOSED_SUFFIX.fullmatch(marker):
            return escape_inline(item.title.strip()) + marker
        return "Lukket: " + escape_inline(item.title.strip())

    def _item(self, item: Item) -> None:
        blocks = self.blocks
        blocks.append(f"# Punkt {escape_name(item.number)}: {self._title(item)}")
        if not item.public:
            mark = "**Lukket punkt.** Behandlet for lukkede døre."
            if self.full:
                mark += " Må ikke offentliggøres."
                if item.title_confidential:
                    mark += " Titlen er fortrolig."
                if item.outcome_confidential:
                    mark += " Udfaldet er fortroligt."
            blocks.append(mark)
        if item.urgent:
            blocks.append(URGENT_MARK)
        if item.case_number:
            blocks.append(f"Sagsnr.: {escape_inline(item.case_number)}")
        if self.decisions_only:
            if self._has_decision(item):
                self._decision(item)
        else:
            self._sections(item)
        if item.attachments and not self.decisions_only:
            blocks.append("## Bilag")
            blocks.append("\n".join("- " + self._bilag(bilag) for bilag in item.attachments))

    def _sections(self, item: Item) -> None:
        """The sections in their order, with the beslutning after the indstilling or after them all."""
        pending = bool(item.recommendation)
        decision_due = self._has_decision(item)
        early = self.meeting.decision_placement != DECISION_LAST
        for section in item.sections:
            self.blocks.append(f"## {_escape_heading(section.heading)}".rstrip())
            body = escape_block(section.text)
            if body:
                self.blocks.append(body)
            if pending and section.kind == RECOMMENDATION_SECTION:
                self.blocks.extend(_recommendation(item))
                pending = False
                if early and decision_due:
                    self._decision(item)
                    decision_due = False
        if pending:
            self.blocks.append("## Indstilling")
            self.blocks.extend(_recommendation(item))
        if decision_due:
            self._decision(item)

    def _has_decision(self, item: Item) -> bool:
        return bool(
            item.decision is not None
            or item.postponed
            or item.without_quorum
            or item.votes
            or item.remarks
            or item.amendments
            or self._absence_lines(item)
        )

    def _absence_lines(self, item: Item) -> list[tuple[str, Member | None, str | None]]:
        """Absences the item itself must state: the attendance lists cannot name a non-member, nor a reason."""
        return [
            (label, member, reason)
            for label, member, reason in self.item_absence[id(item)]
            if member is None or (reason and self.full)
        ]

    def _decision(self, item: Item) -> None:
        blocks = self.blocks
        blocks.append(DECISION_HEADING)
        for label, member, reason in self._absence_lines(item):
            line = f"{self._show(member) if member else self.who(label)} {_ABSENCE_SENTENCE}"
            if reason:
                line += f" Årsag (intern): {escape_inline(reason)}"
            blocks.append(line)
        if item.without_quorum:
            blocks.append(NO_QUORUM_SENTENCE)
        decision = item.decision
        outcome = (decision.outcome or "").strip() if decision else ""
        if item.postponed and not outcome.casefold().startswith("udsat"):
            outcome = f"Udsat. {outcome}" if outcome else "Udsat"
        if outcome:
            blocks.append(f"**{escape_inline(_sentence(outcome))}**")
        if decision and decision.text and decision.text.strip():
            blocks.append(self._free_text(decision.text))
        if decision and decision.points:
            blocks.append(_numbered(decision.points))
        amendments_first = sorted(item.votes, key=lambda vote: vote.kind != VOTE_ON_AMENDMENT)
        blocks.extend(self._vote(vote, item) for vote in amendments_first)
        for remark in item.remarks:
            who = ", ".join(self.who(name) for name in remark.members)
            if not who:
                lead = "Følgende blev tilført protokollen: "
            elif remark.kind == _MINORITY_STATEMENT:
                lead = f"Mindretalsudtalelse fra {who}: "
            else:
                lead = f"{who} ønskede følgende tilført protokollen: "
            lines = (lead + escape_block(remark.text, allow_structure=False)).split("\n")
            blocks.append("\n".join(f"> {line}".rstrip() for line in lines))
        for amendment in item.amendments:
            blocks.append(self._amendment(amendment.text, amendment.at, amendment.reason))

    def _free_text(self, text: str) -> str:
        lines = []
        for line in escape_block(text).split("\n"):
            line = _FREE_TEXT_LABEL.sub(lambda m: m.group(1) + "\\:", line)
            line = line.replace(_ABSENCE_SENTENCE, _ABSENCE_SENTENCE[:-1] + "\\.")
            lines.append(NO_QUORUM_SENTENCE[:-1] + "\\." if line == NO_QUORUM_SENTENCE else line)
        return "\n".join(lines)

    def _amendment(self, text: str, at: str, reason: str | None) -> str:
        try:
            when = short_date(dt.datetime.fromisoformat(at).date())
        except ValueError:
            when = escape_name(at)
        body = escape_inline(text).strip()
        if not body:
            return f"**Tilføjelse {when}.**"
        line = f"**Tilføjelse {when}:** {body}"
        if reason and reason.strip():
            line += f" *Begrundelse: {escape_inline(reason).strip()}*"
        return line

    # --- votes -----------------------------------------------------------------

    def _vote(self, vote: Vote, item: Item) -> str:
        subject = (vote.subject or "").strip()
        if vote.kind == VOTE_ON_AMENDMENT and not subject.casefold().startswith(AMENDMENT_WORD):
            subject = f"{AMENDMENT_WORD} ({subject})" if subject else AMENDMENT_WORD
        subject = escape_inline(_lower_subject(subject))
        label = f"**Afstemning om {subject}:**" if subject else "**Afstemning:**"
        sides = (
            ("For stemte", vote.for_, vote.for_count),
            ("Imod stemte", vote.against, vote.against_count),
            ("Undlod at stemme", vote.abstain, vote.abstain_count),
        )
        rendered = [self._side(labels, count, item) for _, labels, count in sides]
        text = " ".join(f"{lead}: {side}." for (lead, _, _), (side, _) in zip(sides, rendered, strict=True))
        if vote.result:
            noun = _result_noun(vote)
            verb = _RESULT_VERB.get(vote.result)
            (_, votes_for), (_, votes_against) = rendered[0], rendered[1]
            if verb and votes_for is not None and votes_against is not None:
                word = "stemme" if votes_for == 1 else "stemmer"
                text += f" {noun} blev {verb} med {votes_for} {word} mod {votes_against}."
            elif verb:
                text += f" {noun} blev {verb}."
            else:
                text += f" Resultat: {escape_name(vote.result)}."
        return f"{label} {text}"

    def _side(self, labels: list[str], count: int | None, item: Item) -> tuple[str, int | None]:
        """One side of a vote and its number of votes when known.

        A party that voted as one is its letter with its votes, 'A (3), C (1)'; a member of a party
        that split is named, 'Bo Berg (A)'.  When the roster cannot tell each party's votes the
        side is its total with the labels, '9 (A, B, V)'.
        """
        if not labels:
            if not count:
                return "ingen", 0
            return (f"{count} medlem" if count == 1 else f"{count} medlemmer"), count
        shares = [self._share(label, item) for label in labels]
        unknown = [index for index, share in enumerate(shares) if share is None]
        known = sum(share for share in shares if share is not None)
        if count is not None and len(unknown) == 1 and count > known:
            shares[unknown[0]] = count - known
            unknown = []
        if not unknown and (count is None or sum(share or 0 for share in shares) == count):
            entries = [
                self.who(label) if self._counts_one(label) else f"{escape_name(label.strip())} ({share})"
                for label, share in zip(labels, shares, strict=True)
            ]
            return ", ".join(entries), sum(share or 0 for share in shares)
        names = ", ".join(self.who(label) for label in labels)
        return (f"{count} ({names})", count) if count else (names, None)

    def _counts_one(self, label: str) -> bool:
        """Whether a vote label is one person (a member, or a name with a party) rather than a party."""
        return self._member(label) is not None or bool(_DISPLAY.match(label))

    def _share(self, label: str, item: Item) -> int | None:
        """The votes behind one label: one for a person, a party's voting members, None when unknown."""
        if self._counts_one(label):
            return 1
        away = {id(m) for _, m, _ in self.item_absence[id(item)] if m}
        party = label.strip().casefold()
        votes = sum(1 for m in self.attending if id(m) not in away and m.party and m.party.casefold() == party)
        return votes or None

    # --- bilag and signatures -----------------------------------------------------

    def _bilag(self, bilag: Attachment) -> str:
        """'Bilag 1: Title' for a numbered bilag, a link for one with an address, else its title."""
        title = _BILAG_PREFIX.sub(lambda m: m.group(1) + "\\:", _escape_title(bilag.title, line_start=True))
        reference = (bilag.reference or "").strip()
        if _NUMBERED_BILAG.match(reference):
            title = f"Bilag {reference}: {title}"
        elif reference:
            title = f"[{title}](<{escape_inline(reference).strip()}>)"
        return title if bilag.public else "Lukket: " + title

    def _attachment_overview(self) -> None:
        lines = [
            f"- Punkt {escape_name(item.number)}: {self._bilag(bilag)}"
            for item in self.meeting.items
            for bilag in item.attachments
        ]
        self.blocks.append("# Bilagsoversigt")
        self.blocks.append("\n".join(lines) if lines else "Ingen bilag.")

    def _signatures(self) -> None:
        self.blocks.append("# Underskriftsblad")
        signers = [
            m
            for m in sorted(self.attending, key=lambda m: _ROLE_ORDER.get(m.role or "", 2))
            if not self.meeting.items or len(self._missed_items(m)) < len(self.meeting.items)
        ]
        if not self.meeting.approvals and signers:
            self.blocks.append(SIGNATURE_LEAD)
            self.blocks.append("\n".join(f"- {self._show(m)}" for m in signers))
            return
        lines = []
        for approval in self.meeting.approvals:
            try:
                moment = dt.datetime.fromisoformat(approval.at)
                when = f"{short_date(moment.date())} kl. {moment:%H.%M}"
            except ValueError:
                when = escape_name(approval.at)
            line = f"- {self.who(approval.member)} godkendte {when}"
            if approval.reservation and approval.reservation.strip():
                line += f" med forbehold: {escape_inline(approval.reservation).strip()}"
            lines.append(line)
        self.blocks.append("\n".join(lines) if lines else NO_APPROVALS)
