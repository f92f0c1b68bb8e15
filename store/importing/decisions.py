"""A Beslutning block: afbud and absence lines, votes, protokolbemærkninger, outcome, points and text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from store.importing.people import (
    Roster,
    absence_sentence,
    item_absence_line,
    names_in,
    only_names,
    sentence_facts,
    substitution_sentences,
    told_substitution,
)
from store.importing.structure import POINT_LABEL, point_ordinals
from store.importing.vocabulary import CLOSING_LINE, standard_outcome
from store.model import (
    ABSENT,
    CARRIED,
    DEFEATED,
    REMARK_KINDS,
    SENT_APOLOGIES,
    VOTE_ON_AMENDMENT,
    VOTE_ON_RECOMMENDATION,
    Decision,
    Remark,
    Vote,
    display_name,
)

_ATTENDANCE_LINE = re.compile(
    r"^(?P<kind>afbud(?:\s+fra)?|fraværende(?:\s+med\s+afbud|\s+uden\s+afbud)?|ikke\s+til\s+stede)(?:\s*:\s*(?P<rest>.*)|\s*)$",
    re.IGNORECASE,
)
_VOTE_KEY = re.compile(
    r"(?P<key>for\s+stemte|imod\s+stemte|undlod\s+at\s+stemme|hverken\s+for\s+eller\s+imod(?:\s+stemte)?"
    r"|stemte\s+hverken\s+for\s+eller\s+imod)\s*:?\s*"
    r"|(?:^|(?<=[.;]\s))(?P<label>for|imod|undlod|undlader|hverken\s+for\s+eller\s+imod)\s*:\s*",  # 'For: 20 (…)'
    re.IGNORECASE,
)
_AWAY_FROM_MEETING = re.compile(r"\bvar\s+(?:fraværende|ikke\s+til\s+stede)\b", re.IGNORECASE)
_ABOUT_AN_ITEM = re.compile(r"\b(?:punkt\w*|pkt|sag(?:en)?|behandling\w*)\b", re.IGNORECASE)
_COUNTED_LIST = re.compile(r"^(?P<count>\d+)\s*(?:stemmer\s*)?\((?P<names>.*)\)$", re.IGNORECASE)
_LIST_REMARK = re.compile(
    r"^(?:liste(?:rne)?|partierne|partiet)\s+(?P<lists>[A-ZÆØÅ]{1,2}(?:\s*(?:,|og)\s*[A-ZÆØÅ]{1,2})*)\s+"
    r"(?P<verb>stemte|undlod|tog\s+forbehold|kunne\s+ikke)\b.*$",
    re.IGNORECASE,
)
_SIDE = {"for": "for", "imod": "imod", "undlod": "undlod", "hverken": "undlod", "stemte": "undlod"}
_SENTENCE_END = re.compile(r"(?<![A-ZÆØÅ])\.(?=\s|$)")
_SENTENCE_BREAK = re.compile(r"(?<![A-ZÆØÅ])[.!?](?=\s+[A-ZÆØÅ\"“]|\s*$)")
_COUNT = re.compile(r"\s*\((\d+)\)\s*$")
_MEMBERS_COUNT = re.compile(r"^(\d+)\s+medlem(?:mer)?$", re.IGNORECASE)
_RESULT = re.compile(
    r"^(?P<noun>ændringsforslaget|indstillingen|forslaget)\s+(?:blev\s+|er\s+)?"
    r"(?P<verb>vedtaget|godkendt|tiltrådt|forkastet|faldt|nedstemt)\.?",
    re.IGNORECASE,
)
_VOTE_SUBJECT = re.compile(
    r"^(?P<subject>.*?)\s*(?:blev\s+sat\s+til\s+afstemning|sattes\s+til\s+afstemning)\s*[.:]?\s*$", re.IGNORECASE
)
_REMARK = re.compile(
    r"^(?P<who>.{1,200}?)\s+(?:ønskede|ønsker|begærede|fik)\s+(?P<what>.*?)\b"
    r"(?:tilført|ført\s+til|tilføjet|indført\s+i|ført\s+i)\s+(?:til\s+)?protokollen\s*[:.,]?\s*(?P<text>.*)$",
    re.IGNORECASE,
)
_REMARK_LEAD = re.compile(
    r"^(?P<kind>mindretalsudtalelse|protokoltilførsel|protokolbemærkning|afvigende\s+mening)\s+(?:fra\s+)?"
    r"(?P<who>[^:]{1,160}):\s*(?P<text>.*)$",
    re.IGNORECASE,
)
_ANONYMOUS_REMARK = re.compile(r"^følgende\s+blev\s+tilført\s+protokollen\s*:\s*(?P<text>.*)$", re.IGNORECASE)
_POINT = re.compile(rf"^(?:ad\s+)?(?P<n>{POINT_LABEL})\s*[.):]\s*(?P<rest>\S.*)$", re.IGNORECASE)
_INLINE_POINT = re.compile(rf"(?:^|\s)(?:ad\s+)?({POINT_LABEL})\s*[.)]\s*(?=\S)", re.IGNORECASE)


@dataclass
class DecisionParts:
    """What a Beslutning block holds besides the decision itself."""

    decision: Decision | None = None
    votes: list[Vote] = field(default_factory=list)
    remarks: list[Remark] = field(default_factory=list)
    absences: list[tuple[str, str | None]] = field(default_factory=list)  # (display name, reason)


def read_decision(paragraphs: list[list[str]], roster: Roster, points_expected: int) -> DecisionParts:
    """Parse a Beslutning block given as paragraphs of lines; afbud go straight into the roster."""
    parts = DecisionParts()
    rows = [(n, line.strip()) for n, paragraph in enumerate(paragraphs) for line in paragraph]
    told_substitution(roster, " ".join(line for _, line in rows))
    kept_rows: list[tuple[int, str]] = []
    index = 0
    while index < len(rows):
        number, line = rows[index]
        index += 1
        labelled = item_absence_line(line)
        if labelled:  # 'Inhabil: X (V)'
            parts.absences.extend((roster.member(n, p).display, labelled[1]) for n, p in labelled[0])
            continue
        attendance = _ATTENDANCE_LINE.match(line)
        if attendance:
            names = names_in(attendance.group("rest") or "")
            while index < len(rows) and only_names(rows[index][1]):
                names += names_in(rows[index][1])
                index += 1
            _attendance(parts, roster, attendance.group("kind").lower(), names)
            continue
        if CLOSING_LINE.match(line):
            continue
        if substitution_sentences(roster, line):  # 'X (A) var fraværende. Som stedfortræder deltog Y (A)'
            seats = [roster.member(m.substitute_for or "").display for m in roster.substitutes_in(line)]
            parts.absences.extend((seat, None) for seat in seats)
            kept_rows.append((number, line))
            continue
        one_sentence = len(_SENTENCE_BREAK.findall(line)) <= 1
        if not one_sentence:  # 'Godkendt. X (V) deltog ikke i behandlingen af punktet.': the absence taken out
            line = _take_absence_sentences(line, parts)
        absence = absence_sentence(line) if one_sentence else None
        if absence:
            parts.absences.extend((name, absence[1]) for name in absence[0])
            if _AWAY_FROM_MEETING.search(line) and not _ABOUT_AN_ITEM.search(line):
                for name in absence[0]:  # 'X (A) var fraværende.': away from the whole meeting
                    roster.by_display(name).attendance = ABSENT
            continue
        if sentence_facts(roster, line) and one_sentence:
            continue
        kept_rows.append((number, line))
    kept = [[line for n, line in kept_rows if n == number] for number in dict.fromkeys(n for n, _ in kept_rows)]
    kept = _take_votes(kept, parts)
    for vote in parts.votes:
        _counted_result(vote)
    kept = _take_remarks(kept, parts)
    parts.decision = _decision(kept, points_expected)
    return parts


def _take_absence_sentences(line: str, parts: DecisionParts) -> str:
    """The sentences of a line that say a member did not take part in the item go into `parts`; the rest is kept."""
    kept = []
    for sentence in re.split(r"(?<=[^A-ZÆØÅ][.!?])\s+(?=[A-ZÆØÅ])", line):
        absence = absence_sentence(sentence)
        if absence and not _AWAY_FROM_MEETING.search(sentence):
            parts.absences.extend((name, absence[1]) for name in absence[0])
        else:
            kept.append(sentence)
    return " ".join(kept)


def _attendance(parts: DecisionParts, roster: Roster, kind: str, names: list[tuple[str, str | None]]) -> None:
    for name, party in names:
        member = roster.member(name, party)
        if kind.startswith("afbud") or "afbud" in kind:
            member.attendance = SENT_APOLOGIES
        else:
            parts.absences.append((display_name(member.name, member.party), None))


# --- votes --------------------------------------------------------------------------


def _take_votes(paragraphs: list[list[str]], parts: DecisionParts) -> list[list[str]]:
    kept: list[list[str]] = []
    for paragraph in paragraphs:
        lines: list[str] = []
        after_vote = False
        for line in paragraph:
            result = _RESULT.match(line)
            if result and after_vote and parts.votes[-1].result is None:
                _apply_result(parts.votes[-1:], result)  # the result on its own line under the vote
                line = line[result.end() :].strip()
            after_vote = False
            keys = list(_VOTE_KEY.finditer(line))
            if not keys:
                if line:
                    lines.append(line)
                continue
            after_vote = True
            lead, rest = line[: keys[0].start()].strip(), ""
            subject = None
            match = _VOTE_SUBJECT.match(lead)
            if match:
                subject, lead = match.group("subject"), ""
            elif lines and (previous := _VOTE_SUBJECT.match(lines[-1])):
                lines.pop()
                subject = previous.group("subject")
            ongoing = parts.votes[-1] if parts.votes and not subject and not lead else None
            votes, rest = _votes(line, keys, subject, ongoing)
            parts.votes.extend(vote for vote in votes if vote is not ongoing)
            leftover = " ".join(t for t in (lead, rest) if t)
            if leftover:
                lines.append(leftover)
        if lines:
            kept.append(lines)
    return kept


def _votes(line: str, keys: list[re.Match], subject: str | None, ongoing: Vote | None = None) -> tuple[list[Vote], str]:
    """The votes a line records; 'Imod: …' on a line of its own completes the vote of the line before."""
    votes: list[Vote] = [ongoing] if ongoing else []
    current: Vote | None = ongoing
    rest = ""
    for position, key in enumerate(keys):
        end = keys[position + 1].start() if position + 1 < len(keys) else len(line)
        segment = line[key.end() : end]
        if position + 1 == len(keys):
            stop = _SENTENCE_END.search(segment)
            if stop:
                segment, rest = segment[: stop.start()], segment[stop.end() :].strip()
        side = _SIDE[(key.group("key") or key.group("label")).split()[0].lower().replace("undlader", "undlod")]
        if current is None or side == "for" or _filled(current, side):
            current = Vote(subject=_subject(subject))
            current.kind = (
                VOTE_ON_AMENDMENT if subject and "ændringsforslag" in subject.lower() else VOTE_ON_RECOMMENDATION
            )
            votes.append(current)
            subject = None
        labels, count = _side(segment)
        if side == "for":
            current.for_, current.for_count = labels, count
        elif side == "imod":
            current.against, current.against_count = labels, count
        else:
            current.abstain, current.abstain_count = labels, count
    result = _RESULT.match(rest)
    if result:
        _apply_result(votes, result)
        rest = rest[result.end() :].strip()
    return votes, rest


def _apply_result(votes: list[Vote], result: re.Match) -> None:
    """'Ændringsforslaget blev forkastet.' sets the result (and shows what the vote was about)."""
    verb = result.group("verb").lower()
    for vote in votes:
        vote.result = DEFEATED if verb in ("forkastet", "faldt", "nedstemt") else CARRIED
        if result.group("noun").lower() == "ændringsforslaget":
            vote.kind = VOTE_ON_AMENDMENT


def _counted_result(vote: Vote) -> None:
    if vote.result is None and vote.for_count is not None and vote.against_count is not None:
        vote.result = CARRIED if vote.for_count > vote.against_count else DEFEATED


def _filled(vote: Vote, side: str) -> bool:
    if side == "imod":
        return bool(vote.against or vote.against_count is not None)
    return bool(vote.abstain or vote.abstain_count is not None)


def _subject(subject: str | None) -> str:
    if not subject:
        return "indstillingen"
    first, _, rest = subject.partition(" ")
    if first.lower() in ("indstillingen", "ændringsforslaget", "ændringsforslag", "forslaget"):
        return " ".join(filter(None, (first.lower(), rest)))
    return subject


def _side(segment: str) -> tuple[list[str], int | None]:
    text = segment.strip().rstrip(".;,").strip()
    count = None
    match = _COUNT.search(text)
    if match:
        count, text = int(match.group(1)), text[: match.start()].strip()
    members = _MEMBERS_COUNT.match(text)
    if members:
        return [], int(members.group(1))
    if not text or text.lower() in ("ingen", "-", "–"):
        return [], count if count is not None else (0 if text else None)
    counted = _COUNTED_LIST.match(text)
    if counted:  # '20 (Bo Hilsted (A), Carsten Nielsen (A), …)'
        count, text = int(counted.group("count")), counted.group("names")
    labels = [label.strip() for label in re.split(r"\s*,\s*(?![^()]*\))|\s+og\s+", text) if label.strip()]
    return labels, count


# --- protokolbemærkninger ----------------------------------------------------------------


def _take_remarks(paragraphs: list[list[str]], parts: DecisionParts) -> list[list[str]]:
    kept: list[list[str]] = []
    take_next: Remark | None = None
    for paragraph in paragraphs:
        if take_next is not None:
            take_next.text = " ".join(paragraph).strip().strip('"“”„')
            take_next = None
            continue
        lines: list[str] = []
        for index, line in enumerate(paragraph):
            remark = _remark(line)
            if remark is None:
                lines.append(line)
                continue
            following = paragraph[index + 1 :]
            if not remark.text and following:
                remark.text = " ".join(following).strip().strip('"“”„')
                parts.remarks.append(remark)
                break
            parts.remarks.append(remark)
            if not remark.text:
                take_next = remark
        if lines:
            kept.append(lines)
    return kept


def _remark(line: str) -> Remark | None:
    by_list = _LIST_REMARK.match(line)
    if by_list:  # a stemmeforklaring: 'Liste B stemte imod, idet …'
        lists = re.findall(r"[A-ZÆØÅ]{1,2}", by_list.group("lists"))
        against = "imod" in line.lower() or by_list.group("verb").lower().startswith("kunne")
        return Remark(members=lists, kind=REMARK_KINDS[0] if against else REMARK_KINDS[2], text=line)
    anonymous = _ANONYMOUS_REMARK.match(line)
    if anonymous:
        return Remark(members=[], kind=REMARK_KINDS[2], text=_unquote(anonymous.group("text")))
    match = _REMARK.match(line) or _REMARK_LEAD.match(line)
    if not match:
        return None
    who = match.group("who")
    described = (match.groupdict().get("what") or "") + " " + (match.groupdict().get("kind") or "") + " " + who
    if "afvigende" in described.lower():
        kind = REMARK_KINDS[0]
    elif "mindretal" in described.lower():
        kind = REMARK_KINDS[1]
    else:
        kind = REMARK_KINDS[2]
    members = [display_name(name, party) for name, party in names_in(who)]
    if not members:
        members = re.findall(r"\b[A-ZÆØÅ]{1,2}\b", who)
    if not members:
        return None
    return Remark(members=members, kind=kind, text=_unquote(match.group("text")))


def _unquote(text: str) -> str:
    return text.strip().strip('"“”„').strip()


# --- the decision itself --------------------------------------------------------------------


def _decision(paragraphs: list[list[str]], points_expected: int) -> Decision | None:
    if not paragraphs:
        return None
    decision = Decision()
    lines = [line for paragraph in paragraphs for line in paragraph]
    points, before = _points(lines, points_expected)
    if points:
        after = _after_points(paragraphs, len(points))
        tail = " ".join(line for paragraph in after for line in paragraph)
        if after and points[-1].endswith(tail):  # a paragraph after the last point is the decision's text
            points[-1] = points[-1][: -len(tail)].strip()
        else:
            after = []
        decision.points = points
        paragraphs = [*([before] if before else []), *after]
        if len(points) == 1:  # '1. Godkendt' on the only indstilling point is the item's outcome too
            decision.outcome = standard_outcome(points[0])
    if paragraphs:
        pieces = re.split(r"(?<=[.!?])\s+", paragraphs[0][0], maxsplit=1)
        sentence, remainder = pieces[0], pieces[1] if len(pieces) > 1 else ""
        outcome = standard_outcome(sentence)
        if outcome:
            decision.outcome = outcome
            paragraphs = [[remainder, *paragraphs[0][1:]] if remainder else paragraphs[0][1:], *paragraphs[1:]]
        text = "\n\n".join("\n".join(p) for p in paragraphs if any(line.strip() for line in p)).strip()
        decision.text = text or None
    if decision.outcome is None and decision.text is None and not decision.points:
        return None
    return decision


def _after_points(paragraphs: list[list[str]], count: int) -> list[list[str]]:
    """The paragraphs after the one holding the last of `count` points: text about the decision, not the point."""
    seen = 0
    for index, paragraph in enumerate(paragraphs):
        for line in paragraph:
            match = _POINT.match(line)
            if match and seen + 1 in point_ordinals(match.group("n")):
                seen += 1
        if seen == count:
            return paragraphs[index + 1 :]
    return []


def _counted(found: list[re.Match]) -> list[re.Match]:
    """The labels that count 1, 2, 3 … (or a, b, c; i, ii, iii) from the first; the others are text."""
    counted: list[re.Match] = []
    for match in found:
        if len(counted) + 1 in point_ordinals(match.group(1)):
            counted.append(match)
    return counted


def _points(lines: list[str], expected: int) -> tuple[list[str], list[str]]:
    """Per-point outcomes ('1.Anbefales', '2. Anbefales' or '1. Anbefales 2. Anbefales'); the lines before them."""
    if len(lines) == 1:
        found = _counted(list(_INLINE_POINT.finditer(lines[0])))
        if len(found) >= 2 and found[0].start() == 0:
            bounds = [m.end() for m in found] + [len(lines[0])]
            starts = [m.start() for m in found[1:]] + [len(lines[0])]
            return [lines[0][bounds[i] : starts[i]].strip() for i in range(len(found))], []
    points: list[str] = []
    before: list[str] = []
    for line in lines:
        match = _POINT.match(line)
        if match and len(points) + 1 in point_ordinals(match.group("n")):
            points.append(match.group("rest").strip())
        elif points:
            points[-1] = f"{points[-1]} {line}".strip()
        else:
            before.append(line)
    if len(points) >= 2 or (len(points) == 1 and expected == 1):
        return points, before
    return [], lines
