"""The public view: no lukket content, no inhabilitet reasons, in Markdown or JSON — by rule and by property."""

from __future__ import annotations

import json

from export_support import sample_meeting
from hypothesis import HealthCheck, given, settings
from redaction_support import TOKEN, meetings, secrets, shown_in_public

from store.export_json import render_json
from store.export_markdown import render_markdown
from store.model import (
    CARRIED,
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
@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
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
            bool(
                i.decision
                or i.postponed
                or i.votes
                or i.remarks
                or i.amendments
                or (not public and any(a.reason and a.reason.strip() for a in i.absences))
            )
            for i in shown.items
        )
