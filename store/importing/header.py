"""The meeting's header: committee, kommune, date, times, place, and the member lists before the first item."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

from store.dates import WEEKDAYS, parse_date, parse_time
from store.importing.cleanup import Line
from store.importing.people import Roster, member_line, role_line, sentence_facts, substitute_note
from store.importing.problems import ImportProblem, where
from store.importing.structure import heading_kind
from store.importing.vocabulary import (
    BODY_WORD,
    CLOCK,
    CLOSING_LINE,
    COMPOUND_LABELS,
    CONTENTS_HEADINGS,
    DATE,
    DOCUMENT_KINDS,
    LABELS,
    MEETING_END,
    MEETING_KINDS,
    MEETING_START,
    MEMBER_HEADINGS,
    TIME,
    TIME_RANGE,
)
from store.model import ABSENT, PRESENT, SENT_APOLOGIES, SUBSTITUTE

_ATTENDANCE = {"present": PRESENT, "afbud": SENT_APOLOGIES, "absent": ABSENT, "substitute": SUBSTITUTE}
_TITLE_KIND = re.compile(rf"^{DOCUMENT_KINDS}\b", re.IGNORECASE)
_REFERAT_WORD = re.compile(r"\b(?:referat|beslutningsprotokol|protokol|mødereferat)\b", re.IGNORECASE)
_PERIOD = re.compile(r"\(?\b(?:19|20)\d{2}\s*[-–]\s*(?:19|20)?\d{2,4}\b\)?")
_KIND_FOR = re.compile(rf"^.{{0,60}}?\b{DOCUMENT_KINDS}\b\.?\s+(?:til|for|fra)\s+(?P<rest>\S.*)$", re.IGNORECASE)
_KIND_AFTER = re.compile(rf"\s*[-–|:]\s*{DOCUMENT_KINDS}\b.*$", re.IGNORECASE)  # 'Udvalget – Referat – 5. marts'

_MUNICIPALITY = re.compile(
    r"\b([A-ZÆØÅ][a-zæøå]+(?:-[A-ZÆØÅ][a-zæøå]+)?|[A-ZÆØÅ]{3,}(?:-[A-ZÆØÅ]+)?)\s+(?:Kommunes?|KOMMUNES?)\b"
)
# 'Køge Byråd', 'Odense Byråd': a council named after its town.
_TOWN_COUNCIL = re.compile(r"^([A-ZÆØÅ][a-zæøå]+(?:-[A-ZÆØÅ][a-zæøå]+)?)s?\s+(?:Byråd|Kommunalbestyrelse)\b")
_NOT_A_TOWN = {"Den", "Denne", "Hele", "Samme", "Anden", "Hver", "Enhver", "Din", "Vores", "Jeres", "Egen"}
_LABEL_LINE = re.compile(
    r"^\s*(?P<bold>\*\*|__)?(?P<label>"
    + "|".join(re.escape(label).replace(r"\ ", r"\s+") for label in sorted(LABELS, key=len, reverse=True))
    + r")\.?(?![\wæøåÆØÅ])"
    r"[ ]*(?:\*\*|__)?[ ]*(?P<sep>:|\t)?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_DATE_LINE = re.compile(rf"^(?:(?:{'|'.join(WEEKDAYS)})\s+)?(?:den\s+)?{DATE.pattern}", re.IGNORECASE)
_NAME_LINE = re.compile(r"[A-ZÆØÅ][\wæøåÆØÅ ,.\-–]{2,60}")
_TRAILING_FILLER = re.compile(rf"(?:\s+|^)(?:den|d\.|kl\.?|,|-|–|:|{'|'.join(WEEKDAYS)})\s*$", re.IGNORECASE)


@dataclass
class Header:
    """What the header says about the meeting."""

    committee: str | None = None
    municipality: str | None = None
    date: dt.date | None = None
    start: str | None = None
    end: str | None = None
    location: str | None = None
    says_referat: bool = False


def read_header(preamble: list[Line], roster: Roster, source: str) -> Header:
    """Header facts from the lines before the first item; member lists go into `roster`."""
    header = Header()
    title = _title_line(preamble)
    if title is not None:
        header.says_referat = bool(_REFERAT_WORD.search(title.text))
        header.committee = committee_from_title(title.text) or _committee_below(preamble, title)
    mode: str | None = None
    preamble = _spread_label_values(preamble)
    for index, line in enumerate(preamble):
        if line.blank:
            continue
        text = line.text
        heading = text.rstrip(":").strip().lower()
        if heading in MEMBER_HEADINGS:
            mode = MEMBER_HEADINGS[heading]
            continue
        label = _label(line)
        if label:
            key, value = label
            if not value:
                value = _next_text(preamble, index)
            _apply_label(header, key, value, line, source)
            if key not in ("date", "time", "place", "end"):
                mode = None
            continue
        inline = re.match(r"^(?P<head>[^:]{2,30}):\s*(?P<rest>\S.*)$", text)
        if inline and inline.group("head").strip().lower() in MEMBER_HEADINGS:
            mode = MEMBER_HEADINGS[inline.group("head").strip().lower()]
            member_line(roster, inline.group("rest"), _ATTENDANCE[mode])
            continue
        attendance = _ATTENDANCE[mode] if mode else None
        if role_line(roster, text, attendance or PRESENT):
            continue
        if mode and (substitute_note(roster, text) or member_line(roster, text, attendance)):
            continue
        if sentence_facts(roster, text):
            continue
        mode = None
        _times_in_prose(header, text)
    if header.committee is None:
        header.committee = _committee_line(preamble)
    if header.date is None:
        header.date = _first_date(([title] if title else []) + preamble, source)
    if header.location is None:
        header.location = _place_near_date(preamble)
    if header.municipality is None and header.committee:
        town = _TOWN_COUNCIL.match(header.committee)
        header.municipality = f"{town.group(1)} Kommune" if town else None
    if header.start is None:
        header.start = _first_clock(preamble)
    if header.committee and header.committee.isupper():
        header.committee = _name_case(header.committee)
    return header


_SMALL_WORDS = frozenset(("og", "i", "for", "af", "til", "med", "samt"))


def _name_case(name: str) -> str:
    """'BØRNE- OG SKOLEUDVALGET' -> 'Børne- og Skoleudvalget', as committees write their own names."""
    words = name.lower().split(" ")
    return " ".join(
        word if word in _SMALL_WORDS and position else word[:1].upper() + word[1:]
        for position, word in enumerate(words)
    )


_FIELD_LABEL = re.compile(r"^(?P<label>[\wæøåÆØÅ .]{2,30}?)\s*:\s*(?P<value>.*)$")
_NOBODY_AT_END = re.compile(r"(?:^|\s)(?:ingen|intet|-|–)\.?$", re.IGNORECASE)
_NAME_TOKEN = re.compile(r"^[A-ZÆØÅ][\w'’\-]+(?:\s+[A-ZÆØÅ][\w'’.\-]*){1,4}$")


def _spread_label_values(preamble: list[Line]) -> list[Line]:
    """Labels printed before their values ('Mødelokale: Medlemmer: Afbud: 215, Mødelokale Bjarne
    Thyregod, Anders Krantz Ingen'): each label gets its own value back, read from the end."""
    out = list(preamble)
    index = 0
    while index < len(out):
        run = index
        while run < len(out) and _empty_field(out[run]):
            run += 1
        if run - index >= 2 and run < len(out) and (last := _FIELD_LABEL.match(out[run].text)):
            labels = [_label_of(line) for line in out[index:run]] + [last.group("label")]
            values = _values_from_end(labels, last.group("value"))
            if values is not None:
                for offset, (label, value) in enumerate(zip(labels, values, strict=True)):
                    line = out[index + offset]
                    out[index + offset] = Line(line.no, f"{label}: {value}".strip(), f"{label}: {value}".strip())
        index = max(run, index + 1)
    return out


def _label_of(line: Line) -> str:
    """The label of a line that is an empty field ('Sted:')."""
    match = _FIELD_LABEL.match(line.text)
    assert match is not None  # _empty_field said it is one
    return match.group("label")


def _empty_field(line: Line) -> bool:
    match = _FIELD_LABEL.match(line.text)
    return (
        match is not None
        and not match.group("value").strip()
        and (match.group("label").lower() in LABELS or match.group("label").lower() in MEMBER_HEADINGS)
    )


def _values_from_end(labels: list[str], text: str) -> list[str] | None:
    """Split `text` among `labels`: lists of people ('Medlemmer', 'Afbud') take names from the end, the first
    label the rest; None when it cannot be split."""
    values: list[str] = []
    rest = text.strip()
    for position in range(len(labels) - 1, 0, -1):
        if labels[position].lower() not in MEMBER_HEADINGS:
            return None
        nobody = _NOBODY_AT_END.search(rest)
        if nobody:
            values.append("")
            rest = rest[: nobody.start()].strip()
            continue
        tokens = [token.strip() for token in rest.split(",")]
        names: list[str] = []
        while len(tokens) > 1 and _NAME_TOKEN.match(tokens[-1]):
            names.insert(0, tokens.pop())
        if not names:
            return None
        usual = Counter(len(name.split()) for name in names[1:] or names).most_common(1)[0][0]
        words = names[0].split()
        if len(words) > usual:  # '215, Mødelokale Bjarne Thyregod': the first name took the value before it
            names[0] = " ".join(words[-usual:])
            tokens.append(" ".join(words[:-usual]))
        values.append(", ".join(names))
        rest = ", ".join(tokens).strip(" ,")
    values.append(rest)
    return list(reversed(values))


def committee_from_title(text: str) -> str | None:
    """'REFERAT Arbejdsmarkedsudvalget 2022-2025 d. 26-10-2022' -> 'Arbejdsmarkedsudvalget'.

    The electoral period ('2022-2025') is not part of the committee's name and is dropped.
    """
    lead = _KIND_FOR.match(text.strip())  # 'TÅRNBY KOMMUNE. Åbent referat. til Arbejdsmarkedsudvalget'
    if lead and re.search(BODY_WORD, lead.group("rest"), re.IGNORECASE):
        text = lead.group("rest")
    name = _TITLE_KIND.sub("", text.strip()).strip(" -–:|")
    name = re.sub(r"^(?:fra|for|til|over|af)\s+", "", name, flags=re.IGNORECASE)
    name = re.sub(r"^(?:(?:det\s+)?(?:ordinære\s+)?møde(?:t)?\s+(?:i|for)\s+)", "", name, flags=re.IGNORECASE)
    date = DATE.search(name)
    if date:
        name = name[: date.start()]
    name = _PERIOD.sub("", name)
    name = _KIND_AFTER.sub("", name)
    name = re.sub(rf"\b(?:kl\.?|klokken)\s*{TIME}.*$", "", name, flags=re.IGNORECASE)
    previous = None
    while previous != name:
        previous = name
        name = _TRAILING_FILLER.sub("", name).strip(" -–:,|")
    genitive = re.match(rf"^(?P<body>.*{BODY_WORD})s\s+møde$", name, re.IGNORECASE)
    if genitive:
        name = genitive.group("body")
    name = _committee_part(re.sub(r"\s+", " ", name).strip(" ·|•"))
    if not name or len(name) > 80 or not re.search(r"[A-Za-zÆØÅæøå]", name) or name.lower() in MEETING_KINDS:
        return None
    return name


_PART_SEPARATOR = re.compile(r"\s+[·|•–-]\s+")


def _committee_part(name: str) -> str:
    """'Rødovre Kommune · Beskæftigelsesudvalget' -> 'Beskæftigelsesudvalget': of a title's parts, the one naming
    a body (else the first that is not the kommune)."""
    parts = [part.strip(" ·|•") for part in _PART_SEPARATOR.split(name)]
    parts = [part for part in parts if part and not _MUNICIPALITY.fullmatch(part)]
    if len(parts) <= 1:
        return parts[0] if parts else name
    named = [part for part in parts if re.search(BODY_WORD, part, re.IGNORECASE)]
    return (named or parts)[0]


def _committee_line(preamble: list[Line]) -> str | None:
    """A line near the top that is only a body's name: 'Beskæftigelsesudvalget', 'Social og sundheds møde den …',
    or a short name line just above the meeting's date ('Forebyggelse og Idræt' / 'Mandag den 30-04-2018')."""
    filled = [line for line in preamble if not line.blank][:12]
    for line in filled:
        text = line.text.strip()
        if len(text) <= 80 and re.fullmatch(rf"[\wæøåÆØÅ ,.\-–]*{BODY_WORD}", text, re.IGNORECASE):
            return committee_from_title(text)
        genitive = re.match(r"^(?P<body>[A-ZÆØÅ][\wæøå ,\-–]{2,60}?)s\s+møde\s+(?:den|d\.)\s", text)
        if genitive and DATE.search(text):
            return genitive.group("body").strip()
    for before, line in zip(filled, filled[1:], strict=False):
        if _DATE_LINE.match(line.text) and _NAME_LINE.fullmatch(before.text.strip()):
            return before.text.strip()
    return None


def _place_near_date(preamble: list[Line]) -> str | None:
    """'Den 31.05.2022 kl. 17:00 i Byrådssalen', or the short line under '22-01-2018 kl. 17:30'."""
    filled = [line for line in preamble if not line.blank][:20]
    for index, line in enumerate(filled):
        if not DATE.search(line.text):
            continue
        if not CLOCK.search(line.text):  # 'Social og sundheds møde den 17. april 2023' / 'Mødelokale F7 kl. 12.00'
            following = filled[index + 1].text if index + 1 < len(filled) else ""
            clock = CLOCK.search(following)
            if clock and not DATE.search(following) and not following[clock.end() :].strip(" .,"):
                place = re.split(r"\s+[-–]\s+", following[: clock.start()].strip(" ,-–"))[-1]
                return place if _NAME_LINE.fullmatch(place) else None
            continue
        after = line.text[clock.end() :].strip(" ,") if (clock := CLOCK.search(line.text)) else ""
        inside = re.match(r"^(?:i|på)\s+(?P<place>[A-ZÆØÅ].{1,60})$", after)
        if inside:
            return inside.group("place").rstrip(".").strip()
        if after:
            return None
        for next_line in filled[index + 1 : index + 3]:
            text = next_line.text.strip()
            clock = CLOCK.search(text)
            if clock:
                text = text[: clock.start()].strip(" ,-–")
                text = re.split(r"\s+[-–]\s+", text)[-1]
            if (
                _NAME_LINE.fullmatch(text)
                and not _label(next_line)
                and text.lower() not in MEMBER_HEADINGS
                and not _REFERAT_WORD.fullmatch(text)
                and text.lower() not in CONTENTS_HEADINGS
                and heading_kind(text) is None
            ):
                return text
        return None
    return None


def municipality_in(lines: list[Line]) -> str | None:
    """The kommune the text names most often ('Herlev Kommune'), or None."""
    counts: Counter[str] = Counter()
    for line in lines:
        for match in _MUNICIPALITY.finditer(line.text):
            town = match.group(1).title() if match.group(1).isupper() else match.group(1)
            if town not in _NOT_A_TOWN:
                counts[f"{town} Kommune"] += 1
    return counts.most_common(1)[0][0] if counts else None


def meeting_end(lines: list[Line]) -> str | None:
    """'Mødet hævet kl. 17.30' / 'Protokollen oplæst. Mødet afsluttet kl. 15.45' anywhere: the last one."""
    end = None
    for line in lines:
        match = MEETING_END.search(line.text)
        if match:
            end = parse_time(match.group(1))
    return end


_READ_ALOUD = re.compile(r"^protokollen\s+(?:blev\s+)?oplæst(?:\s+og\s+godkendt)?\.?", re.IGNORECASE)


def closing_words(lines: list[Line]) -> str | None:
    """'Protokollen oplæst.' of the last 'Protokollen oplæst. Mødet afsluttet kl. 15.45', as the document wrote it."""
    words = None
    for line in lines:
        text = " ".join(line.text.split())
        if CLOSING_LINE.match(text) and (match := _READ_ALOUD.match(text)):
            words = match.group(0)
    return words


def _title_line(preamble: list[Line]) -> Line | None:
    for line in preamble:
        if _TITLE_KIND.match(line.text) or (line.level == 1 and not line.blank):
            return line
    for line in preamble:
        if re.search(BODY_WORD, line.text, re.IGNORECASE) and DATE.search(line.text) and len(line.text) < 120:
            return line
    return None


def _committee_below(preamble: list[Line], title: Line) -> str | None:
    """A title that is only 'Referat' or 'Dagsorden': the committee is the next line, if it names a body."""
    following = _next_text(preamble, preamble.index(title))
    if re.search(rf"{BODY_WORD}s?\b", following, re.IGNORECASE) and len(following) < 80:
        return committee_from_title(following)
    return None


def _label(line: Line) -> tuple[str, str] | None:
    match = _LABEL_LINE.match(line.raw)
    if not match:
        return None
    label = " ".join(match.group("label").lower().split())
    alone = not match.group("rest").strip()  # 'STARTTIDSPUNKT' on its own line, its value below
    if not (match.group("sep") or match.group("bold") or label in COMPOUND_LABELS or alone):
        return None
    return LABELS[label], re.sub(r"^(?:\*\*|__)|(?:\*\*|__)$", "", match.group("rest")).strip()


def _next_text(lines: list[Line], index: int) -> str:
    for line in lines[index + 1 : index + 4]:
        if not line.blank:
            return line.text
    return ""


def _apply_label(header: Header, key: str, value: str, line: Line, source: str) -> None:
    if key in ("date", "time", "end"):
        if key == "date":
            date = DATE.search(value)
            if date:
                header.date = _parse_date(date.group(0), line, source)
        span = TIME_RANGE.search(value)
        if span and key != "end":
            header.start, header.end = parse_time(span.group(1)), parse_time(span.group(2))
        else:
            clock = CLOCK.search(value) or (re.search(rf"\b{TIME}\b", value) if key != "date" else None)
            if clock:
                hhmm = parse_time(clock.group(0))
                if key == "end":
                    header.end = hhmm
                else:
                    header.start = hhmm
    elif key == "place":
        header.location = value.rstrip(".").strip() or header.location
    elif key == "committee":
        header.committee = committee_from_title(value) or value.strip()
    elif key == "municipality":
        header.municipality = value.rstrip(".").strip() or header.municipality


def _times_in_prose(header: Header, text: str) -> None:
    start = MEETING_START.search(text)
    if start:
        header.start = parse_time(start.group(1))
    end = MEETING_END.search(text)
    if end:
        header.end = parse_time(end.group(1))


def _parse_date(text: str, line: Line, source: str) -> dt.date:
    try:
        return parse_date(text)
    except ValueError as error:
        raise ImportProblem(f"{where(source, line.no)}: datoen '{text}' findes ikke.") from error


def _first_date(lines: list[Line], source: str) -> dt.date | None:
    for line in lines:
        match = DATE.search(line.text)
        if match:
            return _parse_date(match.group(0), line, source)
    return None


def _first_clock(lines: list[Line]) -> str | None:
    """The time on the meeting's date line, or on the line just under it."""
    filled = [line for line in lines if not line.blank]
    for index, line in enumerate(filled):
        if DATE.search(line.text):
            for candidate in filled[index : index + 2]:
                match = CLOCK.search(candidate.text)
                if match and (candidate is line or not DATE.search(candidate.text)):
                    return parse_time(match.group(1))
    return None
