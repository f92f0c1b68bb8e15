"""Snapshots of the three screens at 60×20, 80×24, 120×30 and 120×40, and of every dialog at 60×20 (a meeting
in progress, the clock frozen): nothing is cut that the secretary needs, and a wide terminal is used."""

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

SIZES = [(60, 20), (80, 24), (120, 30), (120, 40)]
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
        votes=[
            Vote(
                "Indstillingen",
                for_=["A", "O"],
                against=["Ø"],
                result="vedtaget",
                for_count=3,
                against_count=1,
                abstain_count=0,
            )
        ],
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


# Each dialog from Dagsorden (item 3 current) or Fremmøde, with something typed where it takes text.
DIALOGS = {
    "afstemning": ["f3", "v", *"Forslag fra Ø", "tab", "f", "i"],
    "fritekst": ["f3", "e", *"Udvalget anbefaler"],
    "pr-punkt": ["f3", "down", "p"],
    "bemaerkning": ["f3", "b", "space", "tab", "tab", *"Ø ønsker ført til protokol"],
    "deltager-ikke": ["f3", "d", *"inhabil"],
    "hastesag": ["f3", "n", *"Vejarbejde"],
    "stedfortraeder": ["f2", "end", "s"],
    "erstat": ["f3", "up", "up", "2"],
}


@pytest.mark.parametrize("name", DIALOGS)
def test_dialog_at_60x20(snap_compare, meeting_in_progress, name):
    path, meeting_id = meeting_in_progress

    async def show(pilot) -> None:
        for key in DIALOGS[name]:
            await pilot.press(key)
        await pilot.pause(0.3)
        await pilot.wait_for_scheduled_animations()  # the dialog has scrolled to the focused field
        for field in pilot.app.screen.query("Input, TextArea"):
            field.cursor_blink = False  # the text cursor shown steadily, not caught mid-blink
        await pilot.pause()

    assert snap_compare(tui_app.ReferatApp(path, meeting_id), run_before=show, terminal_size=(60, 20))


@pytest.mark.parametrize("size", [(60, 20), (120, 30)], ids=lambda size: f"{size[0]}x{size[1]}")
def test_attendance_with_a_substitute(snap_compare, meeting_in_progress, size):
    """Fremmøde with notes ('for Ømer Kuscu (A)', 'stedfortræder …'): at 60 columns in the member's column."""
    path, meeting_id = meeting_in_progress

    async def show(pilot) -> None:
        await pilot.press("f2", "end", "s")
        await pilot.pause()
        await pilot.press("enter")  # the committee's stedfortræder, Birgitte Glifberg (A)
        await pilot.pause(0.3)

    assert snap_compare(tui_app.ReferatApp(path, meeting_id), run_before=show, terminal_size=size)
