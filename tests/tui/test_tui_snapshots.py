"""Snapshots of the three screens at 80×24 and 120×40 (a meeting in progress, the clock frozen)."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from tui_support import ROSTER, small_meeting

from store.agenda import agenda, set_current_item
from store.committees import import_roster
from store.db import open_database
from store.meetings import save_meeting
from store.model import OPENED, Decision, Vote
from tui import app as tui_app
from tui.chair import ChairApp
from tui.widgets import meeting_bar

SIZES = [(80, 24), (120, 40)]
FROZEN = dt.datetime(2017, 5, 29, 15, 42).astimezone()


@pytest.fixture
def meeting_in_progress(tmp_path, monkeypatch):
    """Items 1–2 decided (one with a vote), Ømer Kuscu afbud; the clock reads 15.42."""
    monkeypatch.setattr(meeting_bar, "now", lambda: FROZEN)
    meeting = small_meeting()
    meeting.status, meeting.start = OPENED, "15:00"
    meeting.members[4].attendance = "afbud"
    for member in meeting.members[:4]:
        member.attendance = "til stede"
    meeting.items[0].decision = Decision(outcome="Godkendt")
    meeting.items[1] = dataclasses.replace(
        meeting.items[1],
        decision=Decision(outcome="Taget til efterretning", text="Formanden orienterede om JobCAMP."),
        votes=[Vote("Indstillingen", for_=["A", "O"], against=["Ø"], result="vedtaget",
                    for_count=3, against_count=1, abstain_count=0)],
    )
    path = tmp_path / "referat.db"
    db = open_database(path)
    import_roster(db, ROSTER)
    meeting_id = save_meeting(db, meeting)
    db.close()
    return path, meeting_id


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("screen_key", ["f2", "f3", "f4"], ids=["fremmoede", "dagsorden", "referat"])
def test_screen(snap_compare, meeting_in_progress, screen_key, size):
    path, meeting_id = meeting_in_progress

    async def show(pilot) -> None:
        await pilot.press(screen_key)
        await pilot.app.workers.wait_for_complete()  # Referat is drawn in a worker
        await pilot.press("_")

    assert snap_compare(tui_app.ReferatApp(path, meeting_id), run_before=show, terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_chair_screen(snap_compare, meeting_in_progress, size):
    """Formandens skærm on item 4 (two indstilling points)."""
    path, meeting_id = meeting_in_progress
    db = open_database(path)
    set_current_item(db, meeting_id, agenda(db, meeting_id)[3]["id"])
    db.close()
    assert snap_compare(ChairApp(path, meeting_id), press=["_"], terminal_size=size)
