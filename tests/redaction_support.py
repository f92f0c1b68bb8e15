"""Generated meetings whose every text is a unique token, and the sets of tokens a public edition may or may not show."""

from __future__ import annotations

import itertools
import re

from hypothesis import strategies as st

from store.model import (
    ATTENDANCE_VALUES,
    CARRIED,
    CHAIR,
    CLOSED_PREFIX_PLACES,
    DEFEATED,
    PRESENT,
    RECOMMENDATION_SECTION,
    REMARK_KINDS,
    TEXT_SECTION,
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
)

NOISE = st.text(alphabet=list("abc æøå#*_|<>`[]()!&;:.-+=~$\\\n\t0123456789"), max_size=10)
TOKEN = re.compile(r"Ztok\d{5}Z")


@st.composite
def meetings(draw):
    """A meeting whose every text holds a unique token ('Ztok00042Z') wrapped in markup noise."""
    counter = itertools.count()

    def text() -> str:
        return f"{draw(NOISE)}Ztok{next(counter):05d}Z{draw(NOISE)}"

    def some(make, most=3):
        return [make() for _ in range(draw(st.integers(0, most)))]

    members = [
        Member("Anna Holm", "A", CHAIR, PRESENT, note=text()),
        Member("Bo Berg", "V", attendance=draw(st.sampled_from((*ATTENDANCE_VALUES, None)))),
        Member("Cai Dahl", "Ø", attendance=PRESENT, note=text()),
    ]
    items = []
    for number in range(1, draw(st.integers(1, 5)) + 1):
        decision = None
        if draw(st.booleans()):
            decision = Decision(text(), text(), some(text))
        items.append(
            Item(
                number=str(number),
                title=text() + draw(st.sampled_from(("", " - Lukket møde", " (lukket)"))),  # endings read as markers
                public=draw(st.booleans()),
                case_number=text(),
                sections=some(
                    lambda: Section(text(), text(), draw(st.sampled_from((TEXT_SECTION, RECOMMENDATION_SECTION))))
                ),
                recommendation=some(text),
                decision=decision,
                votes=some(
                    lambda: Vote(
                        text(),
                        ["A"],
                        ["Bo Berg"],
                        ["Ø"],
                        draw(st.sampled_from((CARRIED, DEFEATED, None))),
                        kind=draw(st.sampled_from((VOTE_ON_RECOMMENDATION, VOTE_ON_AMENDMENT))),
                    ),
                    2,
                ),
                remarks=some(lambda: Remark(["Cai Dahl"], draw(st.sampled_from(REMARK_KINDS)), text()), 2),
                absent=["Cai Dahl"] if draw(st.booleans()) else [],
                absences=some(lambda: ItemAbsence(draw(st.sampled_from(("Anna Holm (A)", "Cai Dahl"))), text()), 2),
                attachments=some(lambda: Attachment(text(), text(), draw(st.booleans())), 2),
                amendments=some(lambda: Amendment(text(), "2017-06-02T10:00:00", text()), 2),
                title_confidential=draw(st.booleans()),
                outcome_confidential=draw(st.booleans()),
                postponed=draw(st.booleans()),
            )
        )
    return Meeting(
        committee="Økonomiudvalget",
        status=draw(st.sampled_from(("planlagt", "hævet", "godkendt"))),
        members=members,
        items=items,
        approvals=[Approval("Anna Holm", "2017-06-01T09:00:00", text())],
        guests=some(text, 2),
        closing=text() if draw(st.booleans()) else None,
        closed_prefix=draw(st.sampled_from((None, *CLOSED_PREFIX_PLACES))),
        closed_marker=draw(st.sampled_from((None, " - LUKKET SAG", " (Lukket)", " [fortroligt punkt]"))),
    )


def secrets(meeting: Meeting) -> set[str]:
    """Every token that the public editions must not contain."""
    hidden: list[str] = [member.note or "" for member in meeting.members]
    for item in meeting.items:
        hidden += [absence.reason or "" for absence in item.absences]
        hidden += [f"{a.title} {a.reference}" for a in item.attachments if not a.public]
        if item.public:
            continue
        hidden += [item.case_number or "", *item.recommendation]
        hidden += [f"{s.heading} {s.text}" for s in item.sections]
        hidden += [r.text for r in item.remarks]
        hidden += [f"{a.title} {a.reference}" for a in item.attachments]
        hidden += [f"{a.text} {a.reason}" for a in item.amendments]
        hidden += [v.subject for v in item.votes]
        if item.decision:
            hidden.append(item.decision.text or "")
            if item.outcome_confidential:
                hidden += [item.decision.outcome or "", *item.decision.points]
        if item.title_confidential:
            hidden.append(item.title)
    return {token for text in hidden for token in TOKEN.findall(text)}


def shown_in_public(meeting: Meeting) -> set[str]:
    """Tokens the public Markdown must show: open items' sections, lukket items' non-confidential titles."""
    shown = set()
    for item in meeting.items:
        if item.public:
            shown |= {token for s in item.sections for token in TOKEN.findall(s.text)}
        elif not item.title_confidential:
            shown |= set(TOKEN.findall(item.title))
    return shown
