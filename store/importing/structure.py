"""Recognising single lines: section headings, item headings, item metadata and title decoration."""

from __future__ import annotations

import re
from dataclasses import dataclass

from store.importing.vocabulary import (
    BODY_WORD,
    CLOSED_MARKS,
    CLOSED_WORD,
    DATE,
    DECISION,
    GENERIC_BODIES,
    ITEM_GROUPS,
    MONTH_START,
    OPEN_MARKS,
    OPEN_WORDS,
    RECOMMENDATION,
    RECOMMENDS,
    SECTION_HEADINGS,
    TERMINATORS,
    standard_outcome,
)

MAX_HEADING = 90

_DECISION = re.compile(
    r"^(?:(?P<owner>[\wæøåÆØÅ\-]+(?:\s+og\s+[\wæøåÆØÅ\-]+)?s)\s+)?"  # 'Økonomiudvalgets beslutning'
    r"(?:beslutning(?:er)?|afgørelse|beslutning og bemærkninger)"
    r"(?:\s+(?:i|på|fra|for)\s+(?P<body>[^:]{2,80}?))?"
    rf"(?:\s*,?\s*(?:den|d\.)?\s*(?P<date>{DATE.pattern}))?(?:\s+(?:den|d\.))?\s*:?$",
    re.IGNORECASE,
)
_BODY_END = re.compile(rf"(?:{BODY_WORD}|mødet)$", re.IGNORECASE)
_INLINE = re.compile(r"^(?P<heading>[^:]{3,60}?)\s*:\s*(?P<rest>\S.*)$")

_PUNKT = re.compile(
    r"^(?:punkt|pkt\.?|dagsordenspunkt|dagsordenpunkt)(?:\s*nr\.?)?\s*(?P<number>\d+[a-z]?)\b\s*[:.)\-–]?\s*"
    r"(?P<title>.*)$",
    re.IGNORECASE,
)
# 'Nr.1 - Title', 'Sag 12: Title': a number label that needs a section after it to count.
_LABELLED = re.compile(r"^(?:nr|sag(?:\s*nr)?)\.?\s*(?P<number>\d+[a-z]?)\s*[:.)\-–]\s*(?P<title>\S.*)$", re.IGNORECASE)
_NUMBERED = re.compile(r"^(?P<number>\d+[a-z]?)[.)]\s+(?P<title>\S.*)$")
_NUMBERED_HEADING = re.compile(r"^(?P<number>\d+[a-z]?)[.)]?\s+(?P<title>\S.*)$")
# '1 Godkendelse af dagsorden', '1<TAB>Godkendelse …': a number in its own column; needs a section after it.
_BARE_NUMBER = re.compile(r"^(?P<number>\d{1,3}[a-z]?)(?:\t+\s*|\s+)(?P<title>[A-ZÆØÅ][\wæøåÆØÅ].*)$")
_GLUED = re.compile(r"^(?P<number>\d+)(?P<title>[A-ZÆØÅ][a-zæøå].*)$")  # '38Godkendelse af dagsorden'
_SAG_NR = re.compile(r"^sag(?:\s*nr\.?)?\s*:?\s*(?P<number>\d{1,3}[a-z]?)\.?$", re.IGNORECASE)
_FILE_MARK = re.compile(r"\((?:pdf|docx?|xlsx?|pptx?|jpe?g|png|txt|htm|html)\)\s*$", re.IGNORECASE)

# Item metadata found between the title and the first section.
_CASE_LABELLED = re.compile(
    r"(?:sagsnr|sags\s*nr|sagsnummer|sag\s*nr|sags-?id|j\.\s?nr|journalnr|journalnummer|"
    r"acadre\s*sagsnr|sbsys\s*sagsnr|dokumentnr|dok\.\s?nr)\.?\s*:?\s*(?P<value>[\w./\-]*\d[\w./\-]*)",
    re.IGNORECASE,
)
# 'Sag: 24/9876': the word alone labels a case number only when the value has a case number's separators.
_CASE_SAG = re.compile(r"^sag\.?\s*:?\s*(?P<value>\d[\w.\-]*[/.\-][\w./\-]*\d[\w./\-]*)", re.IGNORECASE)
_KLE = re.compile(r"\b\d{2}\.\d{2}\.\d{2}(?:[-.]?[A-ZÆØÅ]\d{2})?(?:-[\w]+)*\b")
_CASE_NUMBER = re.compile(r"\b\d{2,4}/\d{2,}\b")
# 'Dok.nr.: 330-2018-105840', 'Sagsansvarlig: mas.sf', 'Kompetence: Byrådet' beside the case number.
_OTHER_LABELLED = re.compile(
    r"\b(?:dok\.?\s*nr|kompetence)\.?\s*:\s*\S+"
    r"|\b(?:sagsansvarlig|sagsbehandler|ansvarlig)\s*:\s*\S.*$",
    re.IGNORECASE,
)
MAX_META = 300
# Every metadata line has a digit or one of these words; other lines are never read as metadata.
_META_HINT = re.compile(
    r"\d|åben|lukket|fortrolig|offentlig|ikke offentlig|afbud|fraværende|sag|kompetence"
    r"|beslutning|orientering",
    re.IGNORECASE,
)
_EMPTY_ATTENDANCE = re.compile(r"^\s*(?:fraværende|afbud)\s*:\s*$", re.IGNORECASE)  # 'Afbud:' with no one after
_ACCESS = re.compile(
    r"\b(?P<access>åben|åbent|offentlig|offentligt|lukket|fortrolig|fortroligt)\s+(?:sag|punkt|dagsordenspunkt)\b"
    r"|\b(?P<closed>lukket\s+for\s+offentligheden|ikke\s+offentlig[t]?)\b",
    re.IGNORECASE,
)
_ACCESS_WORD = re.compile(r"(?:^|\s)(?P<access>åben|åbent|lukket|fortroligt?)(?=\s|$|[-–,])", re.IGNORECASE)
_KIND = re.compile(
    r"(?:^|\s)\((?P<paren>[BO])\)(?=\s|$)|\b(?P<word>beslutning|orientering)s(?:sag|punkt)\b"
    r"|\bsagstype\s*:?\s*(?P<type>beslutning|orientering)\b",
    re.IGNORECASE,
)
KINDS = {"b": "beslutning", "o": "orientering", "beslutning": "beslutning", "orientering": "orientering"}

_MARKS = "|".join(re.escape(mark).replace(r"\ ", r"\s+") for mark in sorted(CLOSED_MARKS, key=len, reverse=True))
_CLOSED_BRACKETED = re.compile(rf"\s*[\[(]\s*(?:{_MARKS})\s*[\])]\s*", re.IGNORECASE)
_CLOSED_PREFIX = re.compile(rf"^(?:{_MARKS})\s*[:\-–.]\s*(?=\S)", re.IGNORECASE)
_CLOSED_SUFFIX = re.compile(
    rf"\s*(?:[-–:,]\s*(?:{_MARKS})|\s(?:{_MARKS.replace('lukket|', '')}))\s*\.?$", re.IGNORECASE
)
_CLOSED_TITLE = re.compile(rf"^(?:\d+\.?\s*)?(?:{_MARKS})\.?$", re.IGNORECASE)
_KIND_SUFFIX = re.compile(
    r"\s*(?:\((?P<kind>[BO]|beslutning(?:ssag|spunkt)?|orientering(?:ssag|spunkt)?)\)"
    r"|[-–]\s*(?P<word>beslutning(?:ssag|spunkt)|orientering(?:ssag|spunkt)))\s*$",
    re.IGNORECASE,
)
_OPEN = "|".join(re.escape(mark).replace(r"\ ", r"\s+") for mark in sorted(OPEN_MARKS, key=len, reverse=True))
# '(Åben)', '[Åbent punkt]', '- Åben': said of an item that is public anyway, so only dropped from the title.
_OPEN_MARK = re.compile(rf"\s*[\[(]\s*(?:{_OPEN})\s*[\])]\s*|\s*[-–]\s*(?:{_OPEN})\s*$", re.IGNORECASE)


def heading_kind(text: str) -> str | None:
    """The kind of section a heading line opens (text/indstilling/beslutning/bilag/end), or None."""
    candidate = text.strip().rstrip(":").strip()
    if not candidate or len(candidate) > MAX_HEADING:
        return None
    lower = candidate.lower()
    if lower in SECTION_HEADINGS:
        return SECTION_HEADINGS[lower]
    if lower in TERMINATORS:
        return "end"
    if RECOMMENDS.match(candidate):
        return RECOMMENDATION
    if decision_heading(candidate):
        return DECISION
    return None


@dataclass
class DecisionHeading:
    """'Beslutning i Arbejdsmarkedsudvalget den 29-05-2017': the body and date it names."""

    body: str | None
    date: str | None


def decision_heading(text: str) -> DecisionHeading | None:
    """A Beslutning heading, with the body and date it names, or None."""
    lower = text.lower()
    if "beslutning" not in lower and "afgørelse" not in lower:
        return None
    match = _DECISION.match(text.strip())
    if not match:
        return None
    body, date, owner = match.group("body"), match.group("date"), match.group("owner")
    if owner:
        owner = owner[:-1]
        if not _BODY_END.search(owner):
            return None  # 'Sagens beslutning…' is a sentence, not a heading
        if owner.lower() not in GENERIC_BODIES:
            body = body or owner
    if body and not date and not _BODY_END.search(body):
        return None
    return DecisionHeading(body.strip() if body else None, date)


def inline_heading(text: str, loose: bool = False) -> tuple[str, str, str] | None:
    """'Beslutning: Godkendt' -> ('Beslutning', 'beslutning', 'Godkendt').

    With `loose` (text extracted from PDF, where sections run together) a known
    heading followed by a capitalised word also counts: 'Sagens kerne Kommunen har …'.
    """
    match = _INLINE.match(text)
    if match:
        kind = heading_kind(match.group("heading"))
        if kind and kind != "end":
            return match.group("heading").strip(), kind, match.group("rest").strip()
    if loose:
        words = text.split()
        for size in (4, 3, 2, 1):
            if len(words) <= size:
                continue
            head, rest = " ".join(words[:size]), " ".join(words[size:])
            kind = heading_kind(head)
            if kind and kind != "end" and rest[:1].isupper():
                return head, kind, rest
    return None


@dataclass
class ItemHeading:
    """A line that may open an item: its number as printed, its title, and whether it is certain."""

    number: str
    title: str
    strong: bool
    shape: str = "punkt"  # which heading form: punkt, numbered, labelled, glued (the document's dominant one wins)


def item_heading(text: str, level: int | None = None) -> ItemHeading | None:
    """'Punkt 65: Title' (certain) or '3. JobCAMP 2017' (to be confirmed by what follows)."""
    match = _PUNKT.match(text)
    if match:
        return ItemHeading(match.group("number"), match.group("title").strip(), True)
    shape = "numbered"
    match = (_NUMBERED_HEADING if level else _NUMBERED).match(text)
    if not match:
        shape, match = "labelled", _LABELLED.match(text)
    if not match:
        shape, match = "glued", _GLUED.match(text)
    if not match:
        shape, match = "bare", _BARE_NUMBER.match(text)
    if not match:
        return None
    title = match.group("title").strip()
    if (
        title[:1].islower()
        or MONTH_START.match(title)
        or _FILE_MARK.search(title)
        or re.match(r"^at\b", title, re.IGNORECASE)
        or standard_outcome(title)
        or re.match(r"^[\d.,%\-]+$", title)
    ):
        return None
    return ItemHeading(match.group("number"), title, False, shape)


_ROMAN = {"i": 1, "v": 5, "x": 10}
POINT_LABEL = r"(?:\d{1,2}|[a-zA-Z]|[ivxIVX]{1,5})"  # '1', 'a', 'B', 'iv', 'III'


def point_ordinals(label: str) -> set[int]:
    """The places a point label can stand for: '2' -> {2}; 'b' -> {2}; 'i' -> {1 (roman), 9 (letter)}."""
    label = label.strip().lower()
    if label.isdigit():
        return {int(label)}
    found = set()
    if len(label) == 1 and label.isalpha():
        found.add(ord(label) - ord("a") + 1)
    if label and all(char in _ROMAN for char in label):
        total = 0
        for char, following in zip(label, label[1:] + " ", strict=True):
            value = _ROMAN[char]
            total += -value if following in _ROMAN and _ROMAN[following] > value else value
        found.add(total)
    return found


def item_group(text: str) -> tuple[str | None, str | None] | None:
    """(access, kind) of a heading that groups the items after it ('Lukkede sager'), or None."""
    return ITEM_GROUPS.get(text.strip().rstrip(":").strip().lower())


def sag_number(text: str) -> str | None:
    """'Sag nr. 29' -> '29' (the item number in layouts that print it under the title)."""
    match = _SAG_NR.match(text.strip())
    return match.group("number") if match else None


@dataclass
class ItemFacts:
    """What an item's metadata lines say."""

    case_number: str | None = None
    public: bool | None = None
    kind: str | None = None


def meta_facts(text: str) -> ItemFacts | None:
    """Facts from a line made only of item metadata ('Åben sag', 'Sagsnr.: 15/11238', a KLE number,
    'Åbent - 00.01.00A04 - 2007/34364'), else None."""
    if not text or len(text) > MAX_META or not _META_HINT.search(text) or sag_number(text):
        return None
    facts = ItemFacts()
    rest = text
    for pattern in (_CASE_LABELLED, _CASE_SAG, _CASE_NUMBER, _KLE):
        for match in list(pattern.finditer(rest)):
            value = match.groupdict().get("value") or match.group(0)
            facts.case_number = facts.case_number or value.rstrip(".")
        rest = pattern.sub(" ", rest)
    consumed = rest != text
    rest = _OTHER_LABELLED.sub(" ", rest)
    rest = _EMPTY_ATTENDANCE.sub(" ", rest)
    consumed = consumed or rest.strip() != text.strip()
    access = _ACCESS.search(rest) or _ACCESS_WORD.search(rest)
    if access:
        facts.public = (access.group("access") or "").lower() in OPEN_WORDS
        rest = rest[: access.start()] + " " + rest[access.end() :]
    kind = _KIND.search(rest)
    if kind:
        key = (kind.group("paren") or kind.group("word") or kind.group("type")).lower()
        facts.kind = KINDS[key]
        rest = rest[: kind.start()] + " " + rest[kind.end() :]
    if rest.strip(" ,.;:-–|·•\t") or (facts == ItemFacts() and not consumed):
        return None
    return facts


@dataclass
class Title:
    """An item title without its decoration, whether it is public, its kind, and whether 'lukket' was a guess."""

    text: str
    public: bool = True
    kind: str | None = None
    unsure: bool = False


def clean_title(title: str) -> Title:
    """Strip one lukket marker ('[Lukket]', 'Lukket:', '- LUKKET SAG', '(Fortrolig)') and a '(B)' from a title.

    A title that is only a marker ('Lukket punkt') stays as it is, lukket.  A title that still
    names lukket or fortrolig after its markers are gone is lukket too, marked `unsure`: a
    wrongly closed item costs the secretary a click, a wrongly opened one is a breach.
    """
    found = Title(title.strip())
    if _CLOSED_TITLE.match(found.text):
        found.public = False
        return found
    for _ in range(4):
        before = found.text
        match = _KIND_SUFFIX.search(found.text)
        if match:
            found.kind = KINDS[(match.group("kind") or match.group("word"))[0].lower()]
            found.text = found.text[: match.start()]
        found.text = _OPEN_MARK.sub(" ", found.text) if _OPEN_MARK.sub("", found.text).strip() else found.text
        for pattern in (_CLOSED_PREFIX, _CLOSED_BRACKETED, _CLOSED_SUFFIX):
            if found.public and pattern.search(found.text):  # one marker: 'Lukket: Meddelelser - Lukket møde'
                found.text, found.public = pattern.sub(" ", found.text, count=1), False
        found.text = " ".join(found.text.split())
        if found.text == before:
            break
    if not found.text and title.strip():
        found.text, found.public = title.strip(), False
    if found.public and CLOSED_WORD.search(found.text):
        found.public, found.unsure = False, True
    return found
