"""Members and their attendance as a referat words it.

'Benthe Viola Holm (A), formand', 'Jan Kongebro (A), sag 29-34', 'Birgitte
Glifberg (A), stedfortræder for Brian Møller (A)', 'X (V) ankom kl. 15.50 under
behandlingen af punkt 2', 'X (V) forlod mødet kl. 17.00 efter behandlingen af
punkt 2', 'X (A) deltog ikke i behandlingen af punktet'.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from store.dates import parse_time
from store.importing.vocabulary import NAME, NAME_WITH_PARTY, PARTY, PARTY_NAMES, TIME
from store.model import CHAIR, PRESENT, SENT_APOLOGIES, SUBSTITUTE, VICE_CHAIR, Member, display_name

_BULLET = re.compile(r"^\s*(?:[•·▪◦●\-*–]|\d{1,3}[.)])\s*")
_ROLE = re.compile(r"\b(næstformand|formand)\b", re.IGNORECASE)
_SUBSTITUTE = re.compile(
    rf"(?:(?:mødte\s+(?:som\s+)?|som\s+|indkaldt\s+som\s+)?(?:stedfortræder|suppleant)\s+for|\bi\s+stedet\s+for)"
    rf"\s+(?P<name>{NAME})"
    rf"(?:\s*\((?P<party>{PARTY})\))?",
    re.IGNORECASE,
)
_SUBSTITUTE_FIRST = re.compile(
    rf"^(?:stedfortræder|suppleant)\s+for\s+(?P<for>{NAME})(?:\s*\((?P<for_party>{PARTY})\))?\s*:\s*"
    rf"(?P<name>{NAME})\s*(?:\((?P<party>{PARTY})\))?",
    re.IGNORECASE,
)
_ITEM_NUMBERS = r"\d+[a-z]?(?:\s*(?:-|–|til|,|og)\s*\d+[a-z]?)*"
_ITEMS = re.compile(
    rf"\b(?:sag|sager|sagerne|punkt|punkterne|pkt\.?)\s*(?:nr\.?\s*)?(?P<numbers>{_ITEM_NUMBERS})", re.IGNORECASE
)
_ARRIVED = re.compile(
    rf"\b(?:ankom|mødte)\s+(?:først\s+)?(?:kl\.?\s*(?P<time>{TIME}))?"
    rf"(?:[^.]*?\b(?:punkt|pkt\.?|sag)\s*(?P<item>\d+[a-z]?))?",
    re.IGNORECASE,
)
_LEFT = re.compile(
    rf"\bforlod\s+mødet\s*(?:kl\.?\s*(?P<time>{TIME}))?"
    rf"(?:[^.]*?\b(?:punkt|pkt\.?|sag)\s*(?P<item>\d+[a-z]?))?",
    re.IGNORECASE,
)
_NOT_TAKING_PART = re.compile(
    r"\b(?:deltog\s+ikke|var\s+(?:ikke\s+til\s+stede|fraværende)|erklærede\s+sig\s+inhabil|forlod\s+lokalet)",
    re.IGNORECASE,
)
_SEAT_FOR = re.compile(
    rf"^{NAME}\s*(?:\({PARTY}\))?\s*,?\s+for\s+(?P<name>{NAME})(?:\s*\((?P<party>{PARTY})\))?\s*\.?$"
)
_BARE_NAME = re.compile(r"^[A-ZÆØÅ][\w.'’\-]+(?:\s+[A-ZÆØÅ][\w.'’\-]+){1,4}$")


def expand_numbers(text: str) -> list[str]:
    """'29-34' -> ['29', …, '34']; '3, 5 og 7' -> ['3', '5', '7']."""
    numbers: list[str] = []
    for part in re.split(r"\s*(?:,|\bog\b)\s*", text):
        bounds = re.split(r"\s*(?:-|–|\btil\b)\s*", part.strip())
        if len(bounds) == 2 and bounds[0].isdigit() and bounds[1].isdigit() and int(bounds[0]) <= int(bounds[1]):
            numbers.extend(str(n) for n in range(int(bounds[0]), min(int(bounds[1]), int(bounds[0]) + 500) + 1))
        elif bounds[0]:
            numbers.append(bounds[0])
    return numbers


@dataclass
class Roster:
    """The members met in a document, in order of first mention, keyed by name."""

    members: dict[str, Member] = field(default_factory=dict)
    item_absences: list[tuple[str, str, str | None]] = field(default_factory=list)  # (display, item, reason)

    def by_display(self, display: str) -> Member:
        """The member shown as 'Name (A)' (or 'Name')."""
        match = re.match(r"^(?P<name>.*?)(?:\s*\((?P<party>[^)]*)\))?$", display)
        assert match is not None  # every text matches: the party is optional
        return self.member(match.group("name"), match.group("party"))

    def substitutes_in(self, text: str) -> list[Member]:
        """The members whose seat a substitute named in `text` took."""
        return [m for m in self.members.values() if m.substitute_for and m.name in text]

    def member(self, name: str, party: str | None = None) -> Member:
        """The member of this name, added if new (a later party letter fills a missing one)."""
        key = " ".join(name.split()).lower()
        found = self.members.get(key)
        if found is None:
            found = self.members[key] = Member(name=" ".join(name.split()), party=party)
        elif party and not found.party:
            found.party = party
        return found


def names_in(text: str) -> list[tuple[str, str | None]]:
    """Every 'Name (P)' in a text; if there is none, comma/'og'-separated names, each with the party a
    'Name, A', 'Name - A' or 'Name, Socialdemokratiet' gives it."""
    found = [(m.group("name"), m.group("party")) for m in NAME_WITH_PARTY.finditer(text)]
    if found:
        return found
    names: list[tuple[str, str | None]] = []
    for part in (_ROLE_NOTE.sub("", p).strip(" .;") for p in re.split(r",|;|\bog\b", text)):
        dashed = _NAME_DASH_PARTY.match(part)
        if dashed and (letter := party_letter(dashed.group("party"))):
            names.append((dashed.group("name"), letter))
        elif (letter := party_letter(part)) and names and names[-1][1] is None:
            names[-1] = (names[-1][0], letter)
        elif _BARE_NAME.match(part) and not party_letter(part):
            names.append((part, None))
    return names


_ROLE_NOTE = re.compile(r"\s*\((?:næst)?formand\)\s*$", re.IGNORECASE)  # 'Anne Hansen, Venstre (formand)'
_NAME_DASH_PARTY = re.compile(r"^(?P<name>[A-ZÆØÅ][\w.'’\-]+(?:\s+[A-ZÆØÅ][\w.'’\-]+){1,4})\s+[-–]\s+(?P<party>\S.*)$")
_LIST_LETTER = re.compile(rf"^(?:(?P<letter>{PARTY})-listen|liste\s+(?P<after>{PARTY}))$", re.IGNORECASE)


def party_letter(text: str) -> str | None:
    """'A', 'A-listen', 'Liste A' or a party's name ('Socialdemokratiet') -> its letter; None for anything else."""
    text = " ".join(text.strip(" .()").split())
    if re.fullmatch(PARTY, text):
        return text
    listed = _LIST_LETTER.match(text)
    if listed:
        return (listed.group("letter") or listed.group("after")).upper()
    return PARTY_NAMES.get(text.lower())


def only_names(text: str) -> bool:
    """Whether a line holds nothing but 'Name (P)' entries (and separators)."""
    if not NAME_WITH_PARTY.search(text):
        return False
    rest = NAME_WITH_PARTY.sub("", _BULLET.sub("", text))
    return not re.sub(r"\s|,|;|\.|\bog\b", "", rest)


def member_line(roster: Roster, text: str, attendance: str | None) -> bool:
    """Read one line of a member list; False when the line is not about members."""
    text = _BULLET.sub("", text).strip()
    if not text:
        return False
    reverse = _SUBSTITUTE_FIRST.match(text)
    if reverse:
        member = roster.member(reverse.group("name"), reverse.group("party"))
        _substitute(roster, member, reverse.group("for"), reverse.group("for_party"))
        return True
    found = names_in(text)
    if not found:
        return False
    if sentence_facts(roster, text):
        return True  # 'X (A) ankom kl. 15.20 under behandlingen af punkt 30.'
    substitute = _SUBSTITUTE.search(text)
    if attendance == SUBSTITUTE and not substitute:
        substitute = _SEAT_FOR.match(text)  # 'Kurt Vang (V) for Jonas Ring (V)' under 'Stedfortrædere'
    ranges = _ITEMS.search(text)
    not_taking_part = _NOT_TAKING_PART.search(text)
    first_name, first_party = found[0]
    for name, party in found:
        if substitute and name == substitute.group("name") and (name, party) != (first_name, first_party):
            continue
        member = roster.member(name, party)
        if ranges and (attendance != SUBSTITUTE or not_taking_part):
            reason = "inhabil" if "inhabil" in text.lower() else None
            for number in expand_numbers(ranges.group("numbers")):
                roster.item_absences.append((member.display, number, reason))
            if member.attendance is None:
                member.attendance = PRESENT
        elif attendance and (member.attendance is None or attendance != PRESENT):
            member.attendance = attendance
        role = _ROLE.search(text)
        if role and len(found) == 1:
            member.role = CHAIR if role.group(1).lower() == "formand" else VICE_CHAIR
        if substitute and (name, party) == (first_name, first_party):
            _substitute(roster, member, substitute.group("name"), substitute.group("party"))
    return True


def _substitute(roster: Roster, member: Member, for_name: str, for_party: str | None) -> None:
    member.attendance = SUBSTITUTE
    member.substitute_for = " ".join(for_name.split())
    seat = roster.member(for_name, for_party)
    if seat.attendance in (None, PRESENT):
        seat.attendance = SENT_APOLOGIES
    member.role = member.role if member.role in (CHAIR, VICE_CHAIR) else None


def substitute_note(roster: Roster, text: str) -> bool:
    """'Suppleant for Brian Møller (A)' under a member's line: that member was the substitute."""
    match = re.match(
        rf"^\s*(?:mødte\s+som\s+)?(?:stedfortræder|suppleant)\s+for\s+(?P<name>{NAME})(?:\s*\((?P<party>{PARTY})\))?\s*\.?$",
        _BULLET.sub("", text),
        re.IGNORECASE,
    )
    if not match or not roster.members:
        return False
    last = list(roster.members.values())[-1]
    _substitute(roster, last, match.group("name"), match.group("party"))
    return True


# A name inside a sentence: capitalised words and initials ('Kim E. Jensen'), never past a full stop.
_SENTENCE_NAME = r"[A-ZÆØÅÉÜÖÄ][\w'’\-]+(?:\s+(?:[A-ZÆØÅÉÜÖÄ]\.|[A-ZÆØÅÉÜÖÄ][\w'’\-]+|von|van|de|la|af|le|du)){0,4}"

_TITLES = r"(?:rådmand|borgmester|viceborgmester|formand|næstformand|udvalgsmedlem|byrådsmedlem|suppleant)"


def _person(group: str) -> str:
    """A name with an optional party letter, captured as `group` and `group_party`."""
    return rf"(?-i:(?P<{group}>{_SENTENCE_NAME}))(?:,?\s*\((?P<{group}_party>{PARTY})\))?"


_SUBSTITUTE_SENTENCES = (
    # 'X (A) var fraværende. Som stedfortræder deltog Y (A)'
    re.compile(
        rf"{_person('absent')}\s+var\s+fraværende[.,]?\s*som\s+stedfortræder\s+"
        rf"(?:for\s+\w+\s+)?(?:deltog|mødte)\s+{_person('sub')}",
        re.IGNORECASE,
    ),
    # 'I stedet for X deltog Y.'
    re.compile(
        rf"\bi\s+stedet\s+for\s+{_person('absent')}\s+(?:deltog|mødte)\s+"
        rf"(?:{_TITLES}\s+)?{_person('sub')}",
        re.IGNORECASE,
    ),
)
_GLUED_SENTENCE = re.compile(r"(?<=[a-zæøå])\.(?=[A-ZÆØÅ][a-zæøå])")  # 'deltog Preben Petersen.Rådmand …'
_LEFT_AFTER = re.compile(
    rf"(?:^|[.:]\s*)(?:{_TITLES}\s+)?"
    rf"{_person('who')}\s+forlod\s+mødet\s+(?:kl\.?\s*(?P<time>{TIME})\s*)?"
    rf"(?:efter|under)\s+(?:behandlingen\s+af\s+)?(?:punkt|pkt\.?|sag)\s*(?P<item>\d+[a-z]?)",
    re.IGNORECASE,
)


def substitution_sentences(roster: Roster, text: str) -> bool:
    """'X var fraværende. Som stedfortræder deltog Y', 'I stedet for X deltog Y' (names with or without
    party): into the roster; True if the text held any."""
    text = _GLUED_SENTENCE.sub(". ", text)
    found = False
    for pattern in _SUBSTITUTE_SENTENCES:
        for match in pattern.finditer(text):
            member = roster.member(match.group("sub"), match.group("sub_party"))
            _substitute(roster, member, match.group("absent"), match.group("absent_party"))
            found = True
    return found


_SENT_WORD = re.compile(rf"{_person('who')}\s+(?:har\s+)?meldt\s+(?:forfald|afbud)", re.IGNORECASE)
_STEPS_IN = re.compile(
    rf"{_person('who')}\s+(?:er\s+(?:rette\s+|1\.\s+)?stedfortræder|indkaldes\s+som\s+stedfortræder"
    rf"|indtræder\s+som\s+stedfortræder|deltog\s+herefter\s+i\s+mødet)",
    re.IGNORECASE,
)


def told_substitution(roster: Roster, text: str) -> bool:
    """A decision telling that one member sent word ('X (D) har meldt forfald') and one substitute stepped in
    ('Y er rette stedfortræder'): Y sat for X.  Only when the text names exactly one of each."""
    absent = {m.group("who"): m.group("who_party") for m in _SENT_WORD.finditer(text)}
    stepped = {m.group("who") for m in _STEPS_IN.finditer(text)} - set(absent)
    known = {name for name in stepped if " ".join(name.split()).lower() in roster.members}
    stepped = known or stepped
    if len(absent) != 1 or len(stepped) != 1:
        return False
    (name, party), substitute = next(iter(absent.items())), stepped.pop()
    _substitute(roster, roster.member(substitute), name, party)
    return True


def _left_after(roster: Roster, text: str) -> bool:
    """'Rådmand X forlod mødet efter pkt. 4.' in a run of sentences (names with or without party)."""
    found = False
    for match in _LEFT_AFTER.finditer(_GLUED_SENTENCE.sub(". ", text)):
        member = roster.member(match.group("who"), match.group("who_party"))
        member.left_item = match.group("item")
        member.left_at = _time(match.group("time")) or member.left_at
        found = True
    return found


def sentence_facts(roster: Roster, text: str) -> bool:
    """Arrival, departure and substitution told in a sentence; True if the text held any."""
    found = substitution_sentences(roster, text)
    if not NAME_WITH_PARTY.search(text):
        found = _left_after(roster, text) or found
    for match in NAME_WITH_PARTY.finditer(text):
        tail = text[match.end() : match.end() + 160]
        tail = re.split(r"\.\s+(?=[A-ZÆØÅ])", tail)[0]
        arrived, left = _ARRIVED.match(tail.strip(" ,")), _LEFT.search(tail)
        if arrived and (arrived.group("time") or arrived.group("item")) and not _SUBSTITUTE.match(tail.strip(" ,")):
            member = roster.member(match.group("name"), match.group("party"))
            member.arrived_at = _time(arrived.group("time")) or member.arrived_at
            member.arrived_item = arrived.group("item") or member.arrived_item
            found = True
        if left and (left.group("time") or left.group("item")) and tail.strip(" ,").lower().startswith("forlod"):
            member = roster.member(match.group("name"), match.group("party"))
            member.left_at = _time(left.group("time")) or member.left_at
            member.left_item = left.group("item") or member.left_item
            found = True
        substitute = _SUBSTITUTE.match(tail.strip(" ,(")) if tail.strip(" ,(") else None
        if substitute:
            member = roster.member(match.group("name"), match.group("party"))
            _substitute(roster, member, substitute.group("name"), substitute.group("party"))
            found = True
    return found


def absence_sentence(text: str) -> tuple[list[str], str | None] | None:
    """'X (A) deltog ikke i behandlingen af punktet.' -> (['X (A)'], reason) for the item at hand."""
    match = _NOT_TAKING_PART.search(text)
    if not match:
        return None
    who = text[: match.start()]
    names = [display_name(n, p) for n, p in names_in(who)]
    if not names or _ITEMS.search(text[match.end() :]) and "punktet" not in text.lower():
        return None
    return names, ("inhabil" if "inhabil" in text.lower() else None)


_ITEM_ABSENCE_LABEL = re.compile(
    r"^(?P<label>inhabil(?:e|itet)?|erklærede\s+sig\s+inhabil|deltog\s+ikke(?:\s+i\s+(?:behandlingen|sagens\s+behandling))?"
    r"|fraværende|ikke\s+til\s+stede)\s*:\s*(?P<rest>\S.*)$",
    re.IGNORECASE,
)


def item_absence_line(text: str) -> tuple[list[tuple[str, str | None]], str | None] | None:
    """'Inhabil: X (V)' or 'Deltog ikke i behandlingen: X, Y' at an item: the members and the reason (inhabil or
    None); None for any other line."""
    match = _ITEM_ABSENCE_LABEL.match(_BULLET.sub("", text).strip())
    if not match:
        return None
    names = names_in(match.group("rest"))
    if not names:
        return None
    return names, ("inhabil" if "inhabil" in match.group("label").lower() else None)


def role_line(roster: Roster, text: str, attendance: str | None) -> bool:
    """'Formand Benthe Viola Holm (A)' or 'Næstformand: X (V)' in the header."""
    match = re.match(
        rf"^(?P<role>næstformand|formand)\s*:?\s*(?P<name>{NAME})\s*\((?P<party>{PARTY})\)",
        _BULLET.sub("", text).strip(),
        re.IGNORECASE,
    )
    if not match:
        return False
    member = roster.member(match.group("name"), match.group("party"))
    member.role = CHAIR if match.group("role").lower() == "formand" else VICE_CHAIR
    if attendance and member.attendance is None:
        member.attendance = attendance
    return True


def _time(text: str | None) -> str | None:
    return parse_time(text) if text else None
