"""The Rødovre referat re-recorded from its dagsorden, through the store seam the TUI uses, reads like the real one.

The real referat (../shared/referater/roedovre-beu-2020-08-11.txt) is imported once as it was published and once
as its dagsorden (the same items without beslutninger, attendance or end); the dagsorden is then recorded as the
secretary would on the day.  Item for item, the public Markdown of the recording is the public Markdown of the
real referat: section order, the beslutning right after the indstilling, lists, the lone 'at …' point, bilag.
"""

from __future__ import annotations

import dataclasses

from store.agenda import agenda
from store.db import open_database
from store.export_markdown import render_markdown
from store.importing import parse_file
from store.meeting_day import MeetingDay
from store.meeting_edit import edit_meeting
from store.meetings import load_meeting, save_meeting
from store.model import PLANNED, Meeting

SOURCE = "roedovre-beu-2020-08-11.txt"


def dagsorden(referat: Meeting) -> Meeting:
    """The referat as its dagsorden was: no beslutninger, no attendance, no end."""
    items = [
        dataclasses.replace(item, decision=None, votes=[], remarks=[], absences=[], absent=[]) for item in referat.items
    ]
    members = [dataclasses.replace(member, attendance=None) for member in referat.members]
    return dataclasses.replace(
        referat,
        status=PLANNED,
        end=None,
        start=None,
        items=items,
        members=members,
        decision_placement=None,
        approvals=[],
    )


def items_part(markdown: str) -> str:
    """From the first item to the line after the last item."""
    return markdown[markdown.index("\n# Punkt ") : markdown.index("\nProtokollen oplæst. Mødet afsluttet kl.")]


def test_roedovre_re_recorded_from_its_dagsorden_reads_like_the_real_referat(shared_referater, tmp_path):
    real = parse_file(shared_referater / SOURCE)
    path = tmp_path / "referat.db"
    meeting_id = save_meeting(open_database(path), dagsorden(real))
    day = MeetingDay.open(path, meeting_id)
    day.open_meeting()
    for member in day.attendance_view().members:
        day.set_status(member["person_id"], "fraværende" if member["name"] == "Jan Kongebro" else "til stede")
    for row, item in zip(agenda(day.db, meeting_id), real.items, strict=True):
        day.record_outcome(row["id"], item.decision.outcome)
    day.close_meeting()
    edit_meeting(day.db, meeting_id, start="15.00", end="15.45", closing="Protokollen oplæst.")
    recorded = render_markdown(load_meeting(day.db, meeting_id))
    published = render_markdown(real)

    assert items_part(recorded) == items_part(published)
    attendance = recorded[: recorded.index("## Indholdsfortegnelse")]
    assert (
        "## Deltagere\n\n- Michel Berg (A), formand\n- Steen Skriver Rasmussen (A)\n- Anders Torm Nielsen (C)\n"
        "- Peter Mikkelsen (Ø)\n\n## Fraværende\n\n- Jan Kongebro (A)\n" in attendance
    )
    closing = recorded.index("\n\nProtokollen oplæst. Mødet afsluttet kl. 15.45\n\n")
    assert recorded.index("# Punkt 34: Diverse") < closing < recorded.index("# Bilagsoversigt")
    assert closing == recorded.index("\n\n# Bilagsoversigt") - len("\n\nProtokollen oplæst. Mødet afsluttet kl. 15.45")
    assert "\nProtokollen oplæst. Mødet afsluttet kl. 15.45\n" in published
    lone = recorded[recorded.index("# Punkt 29") : recorded.index("# Punkt 30")]
    assert (
        "indstiller,\n\n&#97;t meddelelsespunkterne forelægges til orientering.\n\n## Beslutning\n\n"
        "**Taget til efterretning.**\n\n## Bilag\n\n- Bilag 1: Nyhedsliste" in lone
    )
    assert "\n1) Status på Covid-19\n2) Status på udvalgte indsatsgrupper" in lone
