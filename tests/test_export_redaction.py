"""The public view: no lukket content, no inhabilitet reasons, in Markdown or JSON — by rule and by property."""

from __future__ import annotations

import itertools
import json
import re

from export_support import sample_meeting
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from store.export_json import render_json
from store.export_markdown import render_markdown
from store.model import (
    ATTENDANCE_VALUES,
    CARRIED,
    CHAIR,
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
from store.redaction import CLOSED_ITEM_TITLE, public_view


def test_public_view_leaves_the_meeting_untouched():
    meeting = sample_meeting()
    before = json.dumps(meeting.to_json(), sort_keys=True)
    public_view(meeting)
    assert json.dumps(meeting.to_json(), sort_keys=True) == before


def test_lukket_item_keeps_number_title_outcome_points_votes_and_absence():
    item = public_view(sample_meeting()).items[2]
    assert (item.number, item.title, item.public) == ("3", "Køb af ejendom på Hvidovrevej", False)
    assert item.decision.outcome == "Godkendt" and item.decision.points == ["Godkendt"]
    assert item.decision.text is None
    assert [(v.for_, v.against, v.result) for v in item.votes] == [(["A", "O"], ["Ø"], CARRIED)]
    assert item.votes[0].subject == "indstillingen"
    assert [a.member for a in item.absences] == ["Mikail Erman (A)"]
    assert item.absences[0].reason is None
    assert item.case_number is None
    assert item.sections == [] and item.recommendation == [] and item.remarks == [] and item.attachments == []
    assert [(a.text, a.at, a.reason) for a in item.amendments] == [("", "2017-06-02T11:00:00", None)]


def test_confidential_title_and_outcome():
    item = public_view(sample_meeting()).items[3]
    assert item.title == CLOSED_ITEM_TITLE
    assert item.decision.outcome is None and item.decision.points == []


def test_confidential_outcome_hides_the_vote_result_but_not_who_voted_how():
    meeting = sample_meeting()
    meeting.items[2].outcome_confidential = True
    vote = public_view(meeting).items[2].votes[0]
    assert vote.result is None and vote.for_ == ["A", "O"]


def test_open_items_lose_absence_reasons_and_non_public_bilag_only():
    item = public_view(sample_meeting()).items[1]
    assert item.absences[0].reason is None
    assert [a.title for a in item.attachments] == ["Idékatalog - ARU den 29. maj 2017 (pdf)"]
    assert item.sections == sample_meeting().items[1].sections
    assert item.remarks == sample_meeting().items[1].remarks
    assert item.amendments == sample_meeting().items[1].amendments


def test_members_notes_are_not_published():
    assert all(member.note is None for member in public_view(sample_meeting()).members)


# --- the property: for any meeting, nothing lukket leaks ---------------------------------

# Markup noise around each token; no uppercase, so it can never form a token by itself.
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
        items.append(Item(
            number=str(number), title=text(), public=draw(st.booleans()), case_number=text(),
            sections=some(lambda: Section(text(), text(), draw(st.sampled_from((TEXT_SECTION, RECOMMENDATION_SECTION))))),
            recommendation=some(text),
            decision=decision,
            votes=some(lambda: Vote(text(), ["A"], ["Bo Berg"], ["Ø"], draw(st.sampled_from((CARRIED, DEFEATED, None))),
                                    kind=draw(st.sampled_from((VOTE_ON_RECOMMENDATION, VOTE_ON_AMENDMENT)))), 2),
            remarks=some(lambda: Remark(["Cai Dahl"], draw(st.sampled_from(REMARK_KINDS)), text()), 2),
            absent=["Cai Dahl"] if draw(st.booleans()) else [],
            absences=some(lambda: ItemAbsence(draw(st.sampled_from(("Anna Holm (A)", "Cai Dahl"))), text()), 2),
            attachments=some(lambda: Attachment(text(), text(), draw(st.booleans())), 2),
            amendments=some(lambda: Amendment(text(), "2017-06-02T10:00:00", text()), 2),
            title_confidential=draw(st.booleans()),
            outcome_confidential=draw(st.booleans()),
            postponed=draw(st.booleans()),
        ))
    return Meeting(committee="Økonomiudvalget", status=draw(st.sampled_from(("planlagt", "hævet", "godkendt"))),
                   members=members, items=items, approvals=[Approval("Anna Holm", "2017-06-01T09:00:00", text())],
                   guests=some(text, 2), closing=text() if draw(st.booleans()) else None)


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


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(meetings())
def test_no_lukket_text_in_public_markdown_or_json(meeting):
    hidden = secrets(meeting)
    editions = {
        "markdown": render_markdown(meeting),
        "kort markdown": render_markdown(meeting, decisions_only=True),
        "json": render_json(meeting),
    }
    for name, text in editions.items():
        leaked = hidden & set(TOKEN.findall(text))
        assert not leaked, f"{name} viser {sorted(leaked)}"
    assert shown_in_public(meeting) <= set(TOKEN.findall(editions["markdown"]))
    assert hidden <= set(TOKEN.findall(render_json(meeting, public=False)))


@settings(max_examples=75, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(meetings())
def test_no_text_breaks_the_document_structure(meeting):
    for public in (True, False):
        text = render_markdown(meeting, public=public)
        item_headings = [line for line in text.split("\n") if line.startswith("# Punkt ")]
        assert [line.split(":")[0] for line in item_headings] == [f"# Punkt {i.number}" for i in meeting.items]
        shown = public_view(meeting) if public else meeting
        assert text.count("\n## Beslutning\n") == sum(
            bool(i.decision or i.postponed or i.votes or i.remarks or i.amendments
                 or (not public and any(a.reason and a.reason.strip() for a in i.absences)))
            for i in shown.items)
