"""The meeting document: a plain, storage-free picture of one meeting.

The importer turns a dagsorden or referat into a `Meeting`; the store saves it
and loads it back; the exporters render it as Markdown or JSON.  Field names
follow the documented JSON contract (see README), so `Meeting.to_json()` is the
contract itself.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, fields

# Attendance values as the user sees them (Danish, also in JSON).
PRESENT = "til stede"
SENT_APOLOGIES = "afbud"
ABSENT = "fraværende"
SUBSTITUTE = "stedfortræder"
EXPECTED_LATE = "kommer senere"  # expected, not yet arrived: does not count towards the quorum
ATTENDANCE_VALUES = (PRESENT, SENT_APOLOGIES, ABSENT, SUBSTITUTE, EXPECTED_LATE)

# Meeting status, in order.
PLANNED, OPENED, ADJOURNED, APPROVED = "planlagt", "åbnet", "hævet", "godkendt"
MEETING_STATUSES = (PLANNED, OPENED, ADJOURNED, APPROVED)

# Roles in a committee.
CHAIR, VICE_CHAIR, MEMBER = "formand", "næstformand", "medlem"
ROLES = (CHAIR, VICE_CHAIR, MEMBER)

# Section kinds: ordinary text, or the indstilling (its points live on the item).
TEXT_SECTION, RECOMMENDATION_SECTION = "text", "indstilling"

# Where an item's beslutning stands among its sections (a committee's choice, or the imported document's).
DECISION_AFTER_RECOMMENDATION, DECISION_LAST = "efter-indstilling", "sidst"
DECISION_PLACEMENTS = (DECISION_AFTER_RECOMMENDATION, DECISION_LAST)

# Where a lukket item's title carries the "Lukket: " prefix, as the imported document wrote it (Meeting.closed_prefix):
# in the table of contents only, over the item only, or nowhere; None, the default, is both.
CLOSED_PREFIX_CONTENTS, CLOSED_PREFIX_HEADING, CLOSED_PREFIX_NONE = "indholdsfortegnelse", "overskrift", "ingen"
CLOSED_PREFIX_PLACES = (CLOSED_PREFIX_CONTENTS, CLOSED_PREFIX_HEADING, CLOSED_PREFIX_NONE)


_MARKER_TITLE = re.compile(r"(?:lukket|fortroligt?)(?: (?:punkt|sag|dagsordenspunkt))?", re.IGNORECASE)


def marker_title(title: str) -> bool:
    """Whether a title says only that its item is lukket ('Lukket punkt', 'Fortroligt punkt', 'Lukket sag')."""
    return _MARKER_TITLE.fullmatch(title.strip()) is not None


_CLOSED_WORDS = r"(?:lukket|fortroligt?)(?: (?:sag|punkt|møde|dagsordenspunkt))?"
# A lukket marker after a title, as Tårnby writes it ('… - LUKKET SAG'): Meeting.closed_marker.
CLOSED_SUFFIX = re.compile(rf" (?:- {_CLOSED_WORDS}|\({_CLOSED_WORDS}\)|\[{_CLOSED_WORDS}\])$", re.IGNORECASE)


def closed_prefix_place(*, in_contents: bool, over_item: bool) -> str | None:
    """The Meeting.closed_prefix of a document that has the prefix in its contents and/or over each lukket item."""
    if in_contents:
        return None if over_item else CLOSED_PREFIX_CONTENTS
    return CLOSED_PREFIX_HEADING if over_item else CLOSED_PREFIX_NONE


# Kinds of protokolbemærkning.
REMARK_KINDS = ("afvigende mening", "mindretalsudtalelse", "protokoltilførsel")

# What a vote is about.
VOTE_ON_RECOMMENDATION, VOTE_ON_AMENDMENT = "indstilling", "ændringsforslag"
VOTE_CHOICES = ("for", "imod", "undlod")
CARRIED, DEFEATED = "vedtaget", "forkastet"

DEFAULT_VOCABULARY = (
    "Godkendt",
    "Taget til efterretning",
    "Tiltrådt",
    "Anbefales",
    "Drøftet",
    "Udsat",
    "Ikke godkendt",
    "Anbefales ikke",
    "Ingen bemærkninger",
)


def plain_number(number: str) -> int | None:
    """An item number of ASCII digits as an int ('12' -> 12); None for '12a', '²' or any other text."""
    return int(number) if number.isascii() and number.isdigit() else None


MONTHS = (
    "januar",
    "februar",
    "marts",
    "april",
    "maj",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
)


def display_name(name: str, party: str | None) -> str:
    """'Benthe Viola Holm (A)' — a member as the referat prints one."""
    return f"{name} ({party})" if party else name


def committee_label(name: str, municipality: str | None) -> str:
    """'Arbejdsmarkedsudvalget (Hvidovre Kommune)', or the bare name when the kommune is unknown."""
    return f"{name} ({municipality})" if municipality else name


def short_date(day: dt.date) -> str:
    """'29. maj 2017'."""
    return f"{day.day}. {MONTHS[day.month - 1]} {day.year}"


def short_iso_date(iso: str | None) -> str:
    """'29. maj 2017' for '2017-05-29'; 'uden dato' when there is none."""
    return short_date(dt.date.fromisoformat(iso)) if iso else "uden dato"


def danish_time(hhmm: str) -> str:
    """'15:00' -> '15.00', the way a referat writes the clock."""
    return hhmm.replace(":", ".")


def tally(choices: dict[int, str]) -> tuple[int, int, int, str]:
    """(for, imod, undlod, result) of an afstemning: simple majority of votes cast; a tie is forkastet."""
    counts = {choice: 0 for choice in VOTE_CHOICES}
    for choice in choices.values():
        counts[choice] += 1
    result = CARRIED if counts["for"] > counts["imod"] else DEFEATED
    return counts["for"], counts["imod"], counts["undlod"], result


@dataclass
class Member:
    """A committee member (or substitute) and how he or she attended."""

    name: str
    party: str | None = None
    role: str | None = None
    attendance: str | None = None
    substitute_for: str | None = None
    arrived_at: str | None = None  # "HH:MM"
    arrived_item: str | None = None  # item number as printed
    left_at: str | None = None
    left_item: str | None = None
    note: str | None = None

    @property
    def display(self) -> str:
        return display_name(self.name, self.party)


@dataclass
class Section:
    """One section of an item, with the heading exactly as the dagsorden has it."""

    heading: str
    text: str = ""
    kind: str = TEXT_SECTION


@dataclass
class Decision:
    """The beslutning: a standard outcome phrase, free text, per-point outcomes."""

    outcome: str | None = None
    text: str | None = None
    points: list[str] = field(default_factory=list)


@dataclass
class Vote:
    """An afstemning. `for_`/`against`/`abstain` hold party letters or names."""

    subject: str
    for_: list[str] = field(default_factory=list)
    against: list[str] = field(default_factory=list)
    abstain: list[str] = field(default_factory=list)
    result: str | None = None
    kind: str = VOTE_ON_RECOMMENDATION
    for_count: int | None = None
    against_count: int | None = None
    abstain_count: int | None = None


@dataclass
class Remark:
    """A protokolbemærkning (afvigende mening, mindretalsudtalelse, …)."""

    members: list[str]
    kind: str
    text: str


@dataclass
class Attachment:
    """A bilag."""

    title: str
    reference: str | None = None
    public: bool = True


# What kind of item it is: the meeting decides it, or is informed (orientering).
DECISION_KIND, BRIEFING_KIND = "beslutning", "orientering"
ITEM_KINDS = (DECISION_KIND, BRIEFING_KIND)

# The headings the importer knows, in the order a dagsorden usually has them: offered as choices.
COMMON_HEADINGS = (
    "Resume",
    "Sagens kerne",
    "Sagsfremstilling",
    "Indstilling",
    "Økonomi",
    "Retsgrundlag",
    "Vurdering",
    "Høring",
    "Kommunikation",
    "Videre proces",
    "Beslutningskompetence",
)


@dataclass
class ItemDraft:
    """What the secretary writes of one item (store/agenda_edit.py); None leaves a field as it is when editing."""

    title: str | None = None
    number: str | None = None
    public: bool | None = None
    case_number: str | None = None
    kind: str | None = None
    recommendation: list[str] | None = None
    sections: list[Section] | None = None
    attachments: list[Attachment] | None = None
    urgent: bool = False


@dataclass
class ItemAbsence:
    """A member who did not take part in one item; `reason` is internal."""

    member: str
    reason: str | None = None


@dataclass
class Amendment:
    """A dated tilføjelse made after the referat was approved."""

    text: str
    at: str  # ISO-8601
    reason: str | None = None


@dataclass
class Item:
    """A punkt on the agenda."""

    number: str
    title: str
    public: bool = True
    case_number: str | None = None
    kind: str | None = None  # "beslutning" | "orientering" | None
    sections: list[Section] = field(default_factory=list)
    recommendation: list[str] = field(default_factory=list)
    recommendation_numbered: bool = True  # False: the source wrote its points as plain "at …" paragraphs
    decision: Decision | None = None
    votes: list[Vote] = field(default_factory=list)
    remarks: list[Remark] = field(default_factory=list)
    absent: list[str] = field(default_factory=list)
    absences: list[ItemAbsence] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    amendments: list[Amendment] = field(default_factory=list)
    title_confidential: bool = False
    outcome_confidential: bool = False
    postponed: bool = False
    without_quorum: bool = False  # decided although the udvalg was not beslutningsdygtigt (KSL § 11)
    urgent: bool = False  # a hastesag: put on the agenda at the meeting


@dataclass
class Approval:
    """A member's signature on the Underskriftsblad."""

    member: str
    at: str  # ISO-8601
    reservation: str | None = None


# How the Markdown export words a referat, kept by an approved referat's seal so that a later release
# never rewords a signed referat.  1: "*Mødet sluttede kl. HH.MM.*" and the closing line under its
# own heading; 2: one line as the kommuner write it, "Protokollen oplæst. Mødet afsluttet kl. HH.MM",
# and a lukket item whose title only says so still written "Lukket: Lukket punkt"; 3: such a title
# as the document wrote it, "Lukket punkt".
LAYOUT_ENDED_ITALIC = 1
LAYOUT_PREFIXED_MARKER_TITLE = 2
LAYOUT = 3
LAYOUTS = (LAYOUT_ENDED_ITALIC, LAYOUT_PREFIXED_MARKER_TITLE, LAYOUT)


@dataclass
class Meeting:
    """A whole meeting: header, attendance, items, approvals."""

    committee: str
    date: dt.date | None = None
    municipality: str | None = None
    start: str | None = None  # "HH:MM"
    end: str | None = None
    location: str | None = None
    status: str = PLANNED
    members: list[Member] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    approvals: list[Approval] = field(default_factory=list)
    decision_placement: str | None = None  # one of DECISION_PLACEMENTS; None: after the indstilling
    guests: list[str] = field(default_factory=list)  # "Desuden deltog": not members, no vote
    closing: str | None = None  # the referat's closing line, "Protokollen oplæst."
    layout: int | None = None  # the export layout its seal keeps (LAYOUTS); None: the current one
    closed_prefix: str | None = None  # one of CLOSED_PREFIX_PLACES; None: in the contents and over the item
    closed_marker: str | None = None  # the marker after a lukket title (CLOSED_SUFFIX); None: "Lukket: " before it

    def to_json(self) -> dict:
        """The documented JSON contract (see README)."""
        data = _as_dict(self)
        del data["layout"]  # how the Markdown is worded, not what the referat says
        del data["closed_prefix"]
        del data["closed_marker"]
        data["date"] = self.date.isoformat() if self.date else None
        for item, raw in zip(self.items, data["items"]):
            number = plain_number(item.number)
            raw["number"] = item.number if number is None else number
            for vote in raw["votes"]:
                vote["for"] = vote.pop("for_")
        return data


_FIELD_NAMES: dict[type, tuple[str, ...]] = {}  # per dataclass, its fields' names in order


def _as_dict(value):
    """`dataclasses.asdict` for the document: each dataclass a dict of its fields in order, each list a list.  The
    other values (text, numbers, None, a date) are immutable and kept, where asdict copies each one."""
    if isinstance(value, (str, int, float, dt.date)) or value is None:
        return value
    if isinstance(value, (list, tuple)):
        return [_as_dict(element) for element in value]
    if isinstance(value, dict):
        return {key: _as_dict(element) for key, element in value.items()}
    names = _FIELD_NAMES.get(type(value))
    if names is None:
        names = _FIELD_NAMES[type(value)] = tuple(each.name for each in fields(value))
    return {name: _as_dict(getattr(value, name)) for name in names}
