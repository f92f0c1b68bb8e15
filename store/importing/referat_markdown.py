"""referat's own Markdown export read back by its grammar (see `store.export_markdown`).

Every structural line of that format is regular and user text is escaped, so
this reader is exact: export → import → export gives the same document.
"""

from __future__ import annotations

import datetime as dt
import re

from store.dates import parse_date, parse_time
from store.export_markdown import (
    CONFIDENTIAL_LINE,
    DECISION_HEADING,
    ENDING_HEADING,
    GUESTS_LABEL,
    NO_APPROVALS,
    NO_QUORUM_SENTENCE,
    SIGNATURE_LEAD,
    URGENT_MARK,
)
from store.importing.people import expand_numbers
from store.importing.problems import ImportProblem, where
from store.markdown_escape import split_list, unescape, unescape_line
from store.model import (
    ABSENT,
    ADJOURNED,
    CARRIED,
    CHAIR,
    CLOSED_SUFFIX,
    DECISION_AFTER_RECOMMENDATION,
    DECISION_LAST,
    DEFEATED,
    LAYOUT_ENDED_ITALIC,
    LAYOUT_PREFIXED_MARKER_TITLE,
    PLANNED,
    PRESENT,
    RECOMMENDATION_SECTION,
    REMARK_KINDS,
    SENT_APOLOGIES,
    SUBSTITUTE,
    VICE_CHAIR,
    VOTE_ON_AMENDMENT,
    VOTE_ON_RECOMMENDATION,
    Amendment,
    Approval,
    Attachment,
    Decision,
    Item,
    ItemAbsence,
    Meeting,
    Member,
    Remark,
    Section,
    Vote,
    closed_prefix_place,
    marker_title,
)
from store.redaction import CLOSED_ITEM_TITLE

_TITLE = re.compile(r"^# (?P<kind>Referat|Dagsorden|Beslutningsprotokol): (?P<committee>.+)$")
_ITEM = re.compile(r"^# Punkt (?P<number>(?:\\.|[^:\\])+): (?P<title>.*)$")
_CONTENTS = re.compile(r"^- Punkt (?:\\.|[^:\\])+: (?P<title>.*)$")
_NAME = re.compile(r"^(?P<name>(?:\\.|[^\\(])*?)\s*\((?P<party>(?:\\.|[^\\)])*)\)$")
_POINT = re.compile(r"^(\d+)\. (.*)$")
_UNNUMBERED_POINT = re.compile(r"^&#(\d+);(.*)$")
_GROUPS = {"Deltagere": PRESENT, "Fraværende med afbud": SENT_APOLOGIES, "Fraværende": ABSENT, "Medlemmer": None}
_ABSENCE = re.compile(r"^(?P<who>.+?) deltog ikke i behandlingen af punktet\.(?: Årsag \(intern\): (?P<reason>.*))?$")
_OUTCOME = re.compile(r"^\*\*(?P<outcome>.+)\*\*$")
_VOTE = re.compile(
    r"^\*\*Afstemning(?: om (?P<subject>.*?))?:\*\* For stemte: (?P<for>.*?)\. Imod stemte: (?P<against>.*?)\. "
    r"Undlod at stemme: (?P<abstain>.*?)\.(?: (?P<result>.*))?$"
)
_RESULT = re.compile(
    r"^(?P<noun>Ændringsforslaget|Indstillingen|Forslaget) blev (?P<verb>vedtaget|forkastet)(?: med \d+ stemmer? mod \d+)?\.$"
)
_COUNTED = re.compile(r" \((\d+)\)$")
_AMENDMENT = re.compile(
    r"^\*\*Tilføjelse (?P<date>[^:*]+?)(?::\*\* (?P<text>.*?)(?: \*Begrundelse: (?P<reason>.*)\*)?|\.\*\*)$"
)
_APPROVAL = re.compile(
    r"^- (?P<who>.+?) godkendte (?P<date>\d{1,2}\. \w+ \d{4}) kl\. (?P<time>\d{2}\.\d{2})(?: med forbehold: (?P<reservation>.*))?$"
)
_CLOSED_MARK = "**Lukket punkt.** Behandlet for lukkede døre."
_BILAG = re.compile(
    r"^(?P<closed>Lukket: )?(?:Bilag (?P<number>\d{1,3}[a-z]?): (?P<numbered>.*)"
    r"|\[(?P<linked>.*)\]\(<(?P<reference>(?:\\.|[^\\>])*)>\)|(?P<plain>.*))$"
)
_CLOSING = re.compile(
    r"^(?:\*Mødet sluttede kl\. (?P<italic>\d{1,2}\.\d{2})\.\*"
    r"|(?:(?P<text>.*) )?Mødet afsluttet kl\. (?P<time>\d{1,2}\.\d{2}))$"
)


def is_referat_markdown(text: str) -> bool:
    """Whether a text is referat's own Markdown export (by its first line)."""
    lines = [line for line in text.lstrip("\ufeff").splitlines() if line.strip()][:2]
    if lines and lines[0] == CONFIDENTIAL_LINE:
        lines = lines[1:]
    return bool(lines) and bool(_TITLE.match(lines[0]))


def parse_referat_markdown(text: str, source: str) -> Meeting:
    """The meeting of a referat Markdown export."""
    return _Reader(text, source).read()


def _name(label: str) -> tuple[str, str | None]:
    match = _NAME.match(label.strip())
    if match:
        return unescape(match["name"]).strip(), unescape(match["party"]).strip()
    return unescape(label).strip(), None


def _display(label: str) -> str:
    name, party = _name(label)
    return f"{name} ({party})" if party else name


def _contents_title(line: str) -> str:
    """The title of a contents entry ('- Punkt 3: Lukket: Salg af grund') as written."""
    entry = _CONTENTS.match(line)
    return entry["title"] if entry else ""


def _time(text: str) -> str:
    return parse_time(text)


class _Reader:
    def __init__(self, text: str, source: str) -> None:
        self.lines = text.lstrip("\ufeff").replace("\r\n", "\n").split("\n")
        self.source = source
        self.index = 0
        self.meeting = Meeting(committee="")
        self.item: Item | None = None
        self.pending_absences: list[tuple[str, str]] = []  # (member, item number) from the member lines
        self.signatures = False
        self.placements: set[str] = set()  # where the beslutning stood, from items that show it
        self.full = False  # the full edition (its first line says so)
        self.contents: list[str] = []  # per contents entry: its title as written
        self.headings: list[str] = []  # per item: the title over it as written

    # --- driving ------------------------------------------------------------------------

    def read(self) -> Meeting:
        lines = self.lines
        while self.index < len(lines):
            line = lines[self.index]
            self.index += 1
            if not line.strip():
                continue
            if line == CONFIDENTIAL_LINE:
                self.full = True
                continue
            try:
                self._line(line)
            except ValueError as error:
                raise ImportProblem(f"{where(self.source, self.index)}: {error}.") from error
        if not self.meeting.items:
            raise ImportProblem(f"{where(self.source)} er en referat-eksport uden punkter.")
        if len(self.placements) == 1:
            self.meeting.decision_placement = self.placements.pop()
        self._closed_marks()
        return self.meeting

    def _closed_marks(self) -> None:
        """Where the lukket items' titles are marked, and whether after the title ('… - LUKKET SAG', which comes off
        the title): told by each lukket item whose title is shown."""
        meeting = self.meeting
        contents = self.contents if len(self.contents) == len(meeting.items) else None
        over: set[bool] = set()
        listed: set[bool] = set()
        markers: set[str] = set()
        for n, item in enumerate(meeting.items):
            if item.public or marker_title(item.title):
                continue
            heading = self.headings[n]
            ending = CLOSED_SUFFIX.search(heading)
            if ending and not heading.startswith("Lukket: "):
                item.title = unescape(heading[: ending.start()])
                markers.add(ending.group(0))
            over.add(heading.startswith("Lukket: ") or ending is not None)
            if contents is not None:
                entry = contents[n]
                after = None if entry.startswith("Lukket: ") else CLOSED_SUFFIX.search(entry)
                markers.update([after.group(0)] if after else [])
                listed.add(entry.startswith("Lukket: ") or after is not None)
        meeting.closed_prefix = closed_prefix_place(in_contents=listed != {False}, over_item=over != {False})
        meeting.closed_marker = markers.pop() if len(markers) == 1 else None

    def _block(self) -> list[str]:
        """The next block of lines (after the blank line that separates blocks)."""
        while self.index < len(self.lines) and not self.lines[self.index].strip():
            self.index += 1
        block = []
        while self.index < len(self.lines) and self.lines[self.index].strip():
            block.append(self.lines[self.index])
            self.index += 1
        return block

    def _body(self) -> list[str]:
        """Lines up to the next heading, ordered-list point or structural block (blank lines kept)."""
        body = []
        while self.index < len(self.lines):
            line = self.lines[self.index]
            if (
                re.match(r"^#{1,2}(?: |$)", line)
                or _POINT.match(line)
                or _UNNUMBERED_POINT.match(line)
                or _CLOSING.match(line)
            ):
                break
            body.append(line)
            self.index += 1
        while body and not body[-1].strip():
            body.pop()
        return body

    def _line(self, line: str) -> None:
        meeting = self.meeting
        title = _TITLE.match(line)
        item = _ITEM.match(line)
        closing = _CLOSING.match(line)
        if closing:
            self.item = None
            if closing["italic"]:  # the first layout: a referat sealed in it keeps it
                meeting.end, meeting.layout = _time(closing["italic"]), LAYOUT_ENDED_ITALIC
            else:
                meeting.end = _time(closing["time"])
                meeting.closing = unescape(closing["text"] or "").strip() or meeting.closing
        elif self.signatures and not line.startswith("#"):
            if _APPROVAL.match(line):
                self._approval(line)
            elif line not in (SIGNATURE_LEAD, NO_APPROVALS) and not line.startswith("- "):
                raise ValueError(f"linjen '{line[:60]}' passer ikke på underskriftsbladet")
        elif title and not meeting.committee and not meeting.items:
            meeting.committee = unescape(title["committee"]).strip()
            meeting.status = PLANNED if title["kind"] == "Dagsorden" else ADJOURNED
        elif item:
            self._item(item)
        elif line.startswith("**Kommune:** "):
            meeting.municipality = unescape(line[len("**Kommune:** ") :]).strip()
        elif line.startswith("**Mødedato:** "):
            meeting.date = parse_date(line[len("**Mødedato:** ") :])
        elif line.startswith("**Mødested:** "):
            meeting.location = unescape(line[len("**Mødested:** ") :]).strip()
        elif re.match(r"^Mødet (begyndte|begynder|sluttede) kl\.", line):
            times = re.findall(r"kl\. (\d{1,2}\.\d{2})", line)
            if line.startswith("Mødet sluttede"):
                meeting.end = _time(times[0])
            else:
                meeting.start = _time(times[0])
                meeting.end = _time(times[1]) if len(times) > 1 else None
        elif line.startswith("## ") and line[3:] in _GROUPS and self.item is None:
            for entry in self._block():
                if line[3:] == "Fraværende" and self._partial_absence(entry):
                    continue
                self._member(entry, _GROUPS[line[3:]])
        elif line.startswith(GUESTS_LABEL) and self.item is None:
            meeting.guests = [unescape(guest).strip() for guest in split_list(line[len(GUESTS_LABEL) :])]
        elif line == ENDING_HEADING:
            self.item = None
            meeting.closing = unescape(" ".join(self._block())).strip() or None
        elif line == "## Indholdsfortegnelse" and self.item is None:
            self.contents = [_contents_title(row) for row in self._block()]
        elif line == "# Bilagsoversigt":
            self.item = None
            self._block()
        elif line == "# Underskriftsblad":
            self.item = None
            self.signatures = True
        elif self.item is not None:
            self._item_line(line)
        else:
            raise ValueError(f"linjen '{line[:60]}' passer ikke i en referat-eksport")

    # --- attendance -------------------------------------------------------------------------

    def _member(self, entry: str, attendance: str | None) -> None:
        parts = split_list(entry[2:] if entry.startswith("- ") else entry)
        name, party = _name(parts[0])
        member = Member(name=name, party=party, attendance=attendance)
        missed = None
        for part in parts[1:]:
            if part in ("formand", "næstformand"):
                member.role = CHAIR if part == "formand" else VICE_CHAIR
            elif part.startswith("stedfortræder for "):
                member.substitute_for = _name(part[len("stedfortræder for ") :])[0]
                member.attendance = SUBSTITUTE
            elif part.startswith("ankom"):
                clock = re.search(r"kl\. (\d{1,2}\.\d{2})", part)
                number = re.search(r"punkt (.+)$", part)
                member.arrived_at = _time(clock[1]) if clock else None
                member.arrived_item = unescape(number[1]) if number else None
            elif part.startswith("forlod mødet"):
                clock = re.search(r"kl\. (\d{1,2}\.\d{2})", part)
                number = re.search(r"punkt (.+)$", part)
                member.left_at = _time(clock[1]) if clock else None
                member.left_item = unescape(number[1]) if number else None
            elif part.startswith("deltog ikke i punkt "):
                missed = [part[len("deltog ikke i punkt ") :]]
            elif part.startswith("*") and part.endswith("*") and len(part) > 1:
                member.note = unescape(part[1:-1])
            elif missed is not None:
                missed.append(part)
        self.meeting.members.append(member)
        for chunk in missed or []:
            for absent in expand_numbers(chunk) if re.fullmatch(r"[\d\s\-]+", chunk) else [unescape(chunk)]:
                self.pending_absences.append((member.display, absent))

    def _partial_absence(self, entry: str) -> bool:
        """'- Jan Kongebro (A), sag 29-34': a member at the meeting who missed those items."""
        parts = split_list(entry[2:] if entry.startswith("- ") else entry)
        if len(parts) < 2 or not parts[1].startswith("sag "):
            return False
        display = _display(parts[0])
        if all(member.display != display for member in self.meeting.members):  # at the meeting, but in no item
            name, party = _name(parts[0])
            self.meeting.members.append(Member(name=name, party=party, attendance=PRESENT))
        chunks = [parts[1][len("sag ") :], *parts[2:]]
        for chunk in chunks:
            for number in expand_numbers(chunk) if re.fullmatch(r"[\d\s\-]+", chunk) else [unescape(chunk)]:
                self.pending_absences.append((display, number))
        return True

    def _approval(self, entry: str) -> None:
        match = _APPROVAL.match(entry)
        if not match:
            return
        day = parse_date(match["date"])
        hour, minute = map(int, match["time"].split("."))
        self.meeting.approvals.append(
            Approval(
                member=_display(match["who"]),
                at=dt.datetime.combine(day, dt.time(hour, minute)).isoformat(),
                reservation=unescape(match["reservation"]) if match["reservation"] else None,
            )
        )

    # --- items ------------------------------------------------------------------------------

    @property
    def current(self) -> Item:
        """The item whose lines are being read (they are read only inside one)."""
        assert self.item is not None
        return self.item

    def _item(self, match: re.Match) -> None:
        title = match["title"]
        item = Item(number=unescape(match["number"]), title="")
        self.headings.append(title)
        if title == CLOSED_ITEM_TITLE:
            # the public edition's title of an item whose title is confidential; the full edition's mark says so
            item.public, item.title_confidential, item.title = False, not self.full, CLOSED_ITEM_TITLE
        elif title.startswith("Lukket: "):
            item.public, item.title = False, unescape(title[len("Lukket: ") :])
            if marker_title(item.title):  # 'Lukket: Lukket punkt': written before the layout that drops the prefix
                self.meeting.layout = self.meeting.layout or LAYOUT_PREFIXED_MARKER_TITLE
        else:
            item.title = unescape(title)
        self.meeting.items.append(item)
        self.item = item
        for display, number in self.pending_absences:
            if number == item.number and all(a.member != display for a in item.absences):
                item.absences.append(ItemAbsence(member=display))

    def _item_line(self, line: str) -> None:
        item = self.current
        if line.startswith(_CLOSED_MARK):
            item.public = False
            item.title_confidential = item.title_confidential or "Titlen er fortrolig." in line
            item.outcome_confidential = "Udfaldet er fortroligt." in line
        elif line == URGENT_MARK:
            item.urgent = True
        elif line.startswith("Sagsnr.: "):
            item.case_number = unescape(line[len("Sagsnr.: ") :]).strip()
        elif line == DECISION_HEADING:
            self._decision()
        elif line == "## Bilag":
            for entry in self._block():
                self._bilag(entry[2:] if entry.startswith("- ") else entry)
        elif line.startswith("##") and re.match(r"^##(?: |$)", line):
            self._section(line[3:])
        else:
            raise ValueError(f"linjen '{line[:60]}' passer ikke i et punkt")

    def _section(self, heading: str) -> None:
        item = self.current
        entity = re.match(r"^&#(\d+);", heading)
        if entity:
            heading = chr(int(entity[1])) + heading[entity.end() :]
        section = Section(
            heading=unescape(heading).strip(), text="\n".join(unescape_line(x) for x in self._body()).strip()
        )
        while self.index < len(self.lines) and not self.lines[self.index].strip():
            self.index += 1
        points = []
        while self.index < len(self.lines) and (point := _POINT.match(self.lines[self.index])):
            points.append(unescape(point[2]))
            self.index += 1
        if not points:
            points = self._unnumbered_points()
            item.recommendation_numbered = item.recommendation_numbered and not points
        if points:
            section.kind = RECOMMENDATION_SECTION
            item.recommendation = points
        item.sections.append(section)

    def _unnumbered_points(self) -> list[str]:
        """Indstilling points written one paragraph each, the first character as a reference ('&#97;t …')."""
        points = []
        while self.index < len(self.lines):
            match = _UNNUMBERED_POINT.match(self.lines[self.index])
            if not match:
                break
            points.append(chr(int(match[1])) + unescape(match[2]))
            self.index += 1
            following = self.index
            while following < len(self.lines) and not self.lines[following].strip():
                following += 1
            if following < len(self.lines) and _UNNUMBERED_POINT.match(self.lines[following]):
                self.index = following
        return points

    def _bilag(self, entry: str) -> None:
        match = _BILAG.match(entry)
        assert match is not None  # its last alternative takes any line
        reference = None
        if match["number"] is not None:
            reference, title = match["number"], match["numbered"]
        elif match["reference"] is not None:
            reference = unescape(match["reference"])
            title = match["linked"]
        else:
            title = match["plain"]
        self.current.attachments.append(
            Attachment(title=unescape(title), reference=reference, public=not match["closed"])
        )

    # --- the decision --------------------------------------------------------------------------

    def _decision(self) -> None:
        item = self.current
        decision = Decision()
        text: list[str] = []
        self._note_placement()
        while self.index < len(self.lines):
            line = self.lines[self.index]
            if re.match(r"^#{1,2} ", line) or _CLOSING.match(line):
                break
            self.index += 1
            if line.startswith(("Afbud: ", "Fraværende: ")):
                continue
            absence = _ABSENCE.match(line)
            outcome = _OUTCOME.match(line)
            vote = _VOTE.match(line)
            amendment = _AMENDMENT.match(line)
            point = _POINT.match(line)
            if line == NO_QUORUM_SENTENCE:
                item.without_quorum = True
            elif absence:
                display = _display(absence["who"])
                reason = unescape(absence["reason"]) if absence["reason"] else None
                existing = [a for a in item.absences if a.member == display]
                if existing:
                    existing[0].reason = existing[0].reason or reason
                else:
                    item.absences.append(ItemAbsence(member=display, reason=reason))
            elif vote:
                item.votes.append(self._vote(vote))
            elif amendment:
                when = parse_date(amendment["date"])
                item.amendments.append(
                    Amendment(
                        text=unescape(amendment["text"] or ""),
                        at=dt.datetime.combine(when, dt.time()).isoformat(),
                        reason=unescape(amendment["reason"]) if amendment["reason"] else None,
                    )
                )
            elif outcome and decision.outcome is None and not any(t.strip() for t in text):
                phrase = unescape(outcome["outcome"])
                # The exporter adds "." only to a stripped phrase without closing punctuation.
                stem = phrase[:-1]
                if phrase.endswith(".") and stem == stem.rstrip() and not stem.endswith((".", "!", "?", ":")):
                    phrase = stem
                if phrase.startswith("Udsat. "):
                    item.postponed, phrase = True, phrase[len("Udsat. ") :]
                decision.outcome = phrase
            elif point:
                decision.points.append(unescape(point[2]))
            elif line.startswith(">"):
                quote = [line]
                while self.index < len(self.lines) and self.lines[self.index].startswith(">"):
                    quote.append(self.lines[self.index])
                    self.index += 1
                item.remarks.append(self._remark([q[2:] if q.startswith("> ") else q[1:] for q in quote]))
            else:
                text.append(unescape_line(line))
        decision.text = "\n".join(text).strip() or None
        # A Beslutning block is kept even when empty: a public export shows an item's withheld decision so.
        item.decision = decision

    def _note_placement(self) -> None:
        """Where this item shows its beslutning, when it tells: right after the indstilling, or after every section."""
        item = self.current
        kinds = [section.kind for section in item.sections]
        if RECOMMENDATION_SECTION not in kinds:
            return
        if kinds[-1] == RECOMMENDATION_SECTION:
            following = self.lines[self.index :]
            ahead = next((line for line in following if re.match(r"^#{1,2}(?: |$)", line)), "")
            if ahead.startswith("## ") and ahead != "## Bilag":
                self.placements.add(DECISION_AFTER_RECOMMENDATION)
        else:
            self.placements.add(DECISION_LAST)

    def _vote(self, match: re.Match) -> Vote:
        vote = Vote(subject=unescape(match["subject"] or ""))
        if vote.subject.casefold().startswith("ændringsforslag"):
            vote.kind = VOTE_ON_AMENDMENT
        for side in ("for", "against", "abstain"):
            labels, count = self._side(match[side])
            if side == "for":
                vote.for_, vote.for_count = labels, count
            elif side == "against":
                vote.against, vote.against_count = labels, count
            else:
                vote.abstain, vote.abstain_count = labels, count
        result = match["result"]
        if result:
            known = _RESULT.match(result)
            if known:
                vote.result = CARRIED if known["verb"] == "vedtaget" else DEFEATED
                vote.kind = VOTE_ON_AMENDMENT if known["noun"] == "Ændringsforslaget" else VOTE_ON_RECOMMENDATION
            elif result.startswith("Resultat: "):
                vote.result = unescape(result[len("Resultat: ") :].rstrip("."))
        return vote

    @staticmethod
    def _side(text: str) -> tuple[list[str], int | None]:
        """'A (3), Bo Berg (A)', '9 (A, B)', '2 medlemmer' or 'ingen': the labels and the votes when the text tells."""
        if text == "ingen":
            return [], None
        members = re.fullmatch(r"(\d+) medlem(?:mer)?", text)
        if members:
            return [], int(members[1])
        total = re.fullmatch(r"(\d+) \((.*)\)", text)
        if total:
            return [_display(label) for label in split_list(total[2])], int(total[1])
        labels: list[str] = []
        count: int | None = 0
        for entry in split_list(text):
            counted = _COUNTED.search(entry)
            if counted:
                labels.append(_display(entry[: counted.start()]))
                count = count + int(counted[1]) if count is not None else None
            else:
                labels.append(_display(entry))
                count = count + 1 if count is not None and _NAME.match(entry.strip()) else None
        return labels, count

    @staticmethod
    def _remark(lines: list[str]) -> Remark:
        first, rest = lines[0], lines[1:]
        anonymous = re.match(r"^Følgende blev tilført protokollen: ?(.*)$", first)
        minority = re.match(r"^Mindretalsudtalelse fra (.+?): (.*)$", first)
        named = re.match(r"^(.+?) ønskede følgende tilført protokollen: ?(.*)$", first)
        if anonymous:
            members, kind, body = [], REMARK_KINDS[2], anonymous[1]
        elif minority:
            members, kind, body = split_list(minority[1]), REMARK_KINDS[1], minority[2]
        elif named:
            members, kind, body = split_list(named[1]), REMARK_KINDS[2], named[2]
        else:
            members, kind, body = [], REMARK_KINDS[2], first
        text = "\n".join([body, *rest])
        return Remark(members=[_display(m) for m in members], kind=kind, text=unescape(text).strip())
