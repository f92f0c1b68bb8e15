"""What a published referat may show: the one place that decides it (Markdown and JSON both use it).

The rules follow KSL/FVL practice and Ankestyrelsen's view that a public referat must say what a
lukket item concerns and what was decided, unless that itself reveals confidential information.
"""

from __future__ import annotations

import dataclasses

from store.model import (
    VOTE_ON_AMENDMENT,
    Amendment,
    Decision,
    Item,
    ItemAbsence,
    Meeting,
    Vote,
)

CLOSED_ITEM_TITLE = "Lukket punkt"
_NEUTRAL_VOTE_SUBJECT = {VOTE_ON_AMENDMENT: "ændringsforslag"}
_DEFAULT_VOTE_SUBJECT = "indstillingen"


def public_view(meeting: Meeting) -> Meeting:
    """A copy of `meeting` with everything removed that must not be published; `meeting` is unchanged.

    Every item: inhabilitet and other absence reasons are dropped, and so are bilag marked not public.
    Every member: the free-text note is dropped (it may hold private circumstances).
    A lukket item (`public` False) keeps only its number, its title ("Lukket punkt" when the title
    is confidential), whether it was postponed or decided without a quorum, the decision's outcome phrase and per-point outcomes
    (neither when the outcome is confidential), the votes (with a neutral subject, and without the
    result when the outcome is confidential), who was absent, and the dates of tilføjelser.  Its
    sagsnummer, sections, indstilling, free decision text, protokolbemærkninger, bilag and the text
    of tilføjelser are dropped.
    """
    return dataclasses.replace(
        meeting,
        members=[dataclasses.replace(member, note=None) for member in meeting.members],
        items=[public_item(item) for item in meeting.items],
        approvals=[dataclasses.replace(approval) for approval in meeting.approvals],
    )


def public_item(item: Item) -> Item:
    """One item as a published referat may show it (the rules of `public_view`)."""
    absences = [ItemAbsence(member=absence.member) for absence in item.absences]
    if item.public:
        return dataclasses.replace(
            item,
            sections=[dataclasses.replace(section) for section in item.sections],
            recommendation=list(item.recommendation),
            decision=item.decision and dataclasses.replace(item.decision, points=list(item.decision.points)),
            votes=[_copy_vote(vote) for vote in item.votes],
            remarks=[dataclasses.replace(remark, members=list(remark.members)) for remark in item.remarks],
            absent=list(item.absent),
            absences=absences,
            attachments=[dataclasses.replace(bilag) for bilag in item.attachments if bilag.public],
            amendments=[dataclasses.replace(amendment) for amendment in item.amendments],
        )
    hide_outcome = item.outcome_confidential
    decision = None
    if item.decision is not None:
        decision = Decision(
            outcome=None if hide_outcome else item.decision.outcome,
            points=[] if hide_outcome else list(item.decision.points),
        )
    return Item(
        number=item.number,
        title=CLOSED_ITEM_TITLE if item.title_confidential else item.title,
        public=False,
        kind=item.kind,
        decision=decision,
        votes=[_neutral_vote(vote, hide_outcome) for vote in item.votes],
        absent=list(item.absent),
        absences=absences,
        amendments=[Amendment(text="", at=amendment.at) for amendment in item.amendments],
        title_confidential=item.title_confidential,
        outcome_confidential=item.outcome_confidential,
        postponed=item.postponed,
        without_quorum=item.without_quorum,
        urgent=item.urgent,
    )


def _copy_vote(vote: Vote) -> Vote:
    return dataclasses.replace(vote, for_=list(vote.for_), against=list(vote.against), abstain=list(vote.abstain))


def _neutral_vote(vote: Vote, hide_outcome: bool) -> Vote:
    """A lukket item's vote: who voted how is public; what the proposal said is not."""
    neutral = _copy_vote(vote)
    neutral.subject = _NEUTRAL_VOTE_SUBJECT.get(vote.kind, _DEFAULT_VOTE_SUBJECT)
    if hide_outcome:
        neutral.result = None
    return neutral
