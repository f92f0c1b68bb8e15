"""Two windows, one meeting: the second follows what the first records, and takes over only when asked."""

from __future__ import annotations

import pytest
from textual.widgets import TextArea
from tui_support import decisions, notifications, outcomes, screen_text

from store.agenda import agenda
from store.attendance import attendance_list, set_status
from store.db import open_database
from store.decisions import record_outcome
from store.meetings import get_meeting, load_meeting
from store.recorder import RECORDING_LOST, RecordingLost, claim, holder, is_recording, take_over
from tui import app as tui_app
from tui.app import TAKE_OVER_HINT, ReferatApp

WATCHED = 1.0  # seconds: more than two looks at the database


@pytest.fixture
def recorder(meeting):
    """Another window, as another process would be: its own connection, holding the meeting's claim."""
    path, meeting_id = meeting
    db = open_database(path)
    assert claim(db, meeting_id)
    yield db
    db.close()


async def test_a_second_window_follows_item_decision_and_quorum(meeting, recorder):
    path, meeting_id = meeting
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.following and "Følger mødet" in screen_text(app)
        assert "Beslutningsdygtigt: 5 af 5 til stede" in screen_text(app)
        member = next(row for row in attendance_list(recorder, meeting_id) if row["name"] == "Ømer Kuscu")
        set_status(recorder, meeting_id, member["person_id"], "afbud")
        await pilot.pause(WATCHED)
        assert "Beslutningsdygtigt: 4 af 5 til stede" in screen_text(app)
        await pilot.press("f3")
        await pilot.pause()
        record_outcome(recorder, agenda(recorder, meeting_id)[0]["id"], "Godkendt")
        await pilot.pause(WATCHED)
        text = screen_text(app)
        assert "Godkendelse af dagsorden — Godkendt" in text
        assert "Punkt 2. Meddelelser" in text and "Aktuelt punkt" in text
        await pilot.press("2", "e", "o", "ctrl+z")  # the follower's keys change nothing
        await pilot.pause()
        assert outcomes(path, meeting_id) == ["Godkendt", None, None, None, None]
        current = get_meeting(recorder, meeting_id)["current_item_id"]
        assert current == agenda(recorder, meeting_id)[1]["id"]
    assert is_recording(recorder, meeting_id)  # the follower's exit leaves the recorder's claim


async def test_the_follower_takes_over_only_when_asked_and_the_old_recorder_is_refused(meeting, recorder):
    path, meeting_id = meeting
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        assert "1 Godkendt" not in screen_text(app)  # the digits record nothing here, and the bar says why
        assert "ctrl+t overtager optagelsen" in screen_text(app)
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert "Overtag optagelsen?" in screen_text(app)
        await pilot.press("n")
        await pilot.pause()
        assert app.following
        await pilot.press("ctrl+t", "j")
        await pilot.pause()
        assert not app.following and "Følger mødet" not in screen_text(app)
        assert "1 Godkendt" in screen_text(app) and "ctrl+t overtager" not in screen_text(app)
        with pytest.raises(RecordingLost):
            record_outcome(recorder, agenda(recorder, meeting_id)[0]["id"], "Tiltrådt")
        await pilot.press("1")
        await pilot.pause()
        assert outcomes(path, meeting_id)[0] == "Godkendt"
    assert holder(recorder, meeting_id) is None  # a clean exit gives the meeting free


async def test_a_recorder_whose_claim_was_taken_refuses_its_next_write(meeting, monkeypatch):
    monkeypatch.setattr(tui_app, "WATCH_SECONDS", 600)  # no look at the database: the write itself must refuse
    path, meeting_id = meeting
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f3", "1")
        await pilot.pause()
        other = open_database(path)
        take_over(other, meeting_id)
        record_outcome(other, agenda(other, meeting_id)[1]["id"], "Drøftet")
        await pilot.press("3", "j")  # the item is decided now: replacing its beslutning is confirmed first
        await pilot.pause()
        assert RECORDING_LOST in notifications(app)
        assert app.following and "Følger mødet" in screen_text(app)
        assert outcomes(path, meeting_id)[:2] == ["Godkendt", "Drøftet"]
        assert "Meddelelser — Drøftet" in screen_text(app)  # the screen shows what was committed, not the refused key
        await pilot.press("4")
        await pilot.pause()
        assert outcomes(path, meeting_id)[:3] == ["Godkendt", "Drøftet", None]


async def test_a_recorder_notices_a_take_over_without_writing(meeting):
    path, meeting_id = meeting
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        assert not app.following
        take_over(open_database(path), meeting_id)
        await pilot.pause(WATCHED)
        assert app.following and f"{RECORDING_LOST} {TAKE_OVER_HINT}" in notifications(app)
        assert "Overtag optagelsen" in screen_text(app)  # the footer offers it back


TYPED = "Udvalget besluttede at deltage med to medlemmer."


@pytest.mark.parametrize(
    ("key", "then", "editor", "kept"),
    [
        ("e", (), "#decision-text", "Teksten er ikke gemt"),
        ("b", ("space",), "#remark-text", "Bemærkningen er ikke gemt"),  # space: Benthe Viola Holm asks for it
    ],
)
async def test_a_taken_over_window_keeps_the_typed_text_for_copying(meeting, monkeypatch, key, then, editor, kept):
    monkeypatch.setattr(tui_app, "WATCH_SECONDS", 600)  # the take-over is found only when saving
    path, meeting_id = meeting
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f3", key)
        await pilot.pause()
        await pilot.press(*then)
        app.screen.query_one(editor, TextArea).text = TYPED
        other = open_database(path)
        take_over(other, meeting_id)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen.query_one(editor, TextArea).text == TYPED  # the dialog is still open
        assert RECORDING_LOST in notifications(app)
        assert kept in screen_text(app) and "ctrl+c" in screen_text(app)
        assert [(item.decision, item.remarks) for item in load_meeting(other, meeting_id).items] == [(None, [])] * 5
        await pilot.press("escape")
        await pilot.pause()
        assert app.following and "Følger mødet" in screen_text(app)
        other.close()


async def test_a_taken_over_window_keeps_the_chosen_point_outcomes(meeting):
    path, meeting_id = meeting
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f3", "down", "down", "down", "p", "1", "2")
        await pilot.pause()
        chosen = list(app.screen.outcomes)
        assert chosen == ["Godkendt", "Taget til efterretning"]
        other = open_database(path)
        take_over(other, meeting_id)
        await pilot.pause(WATCHED)  # the window notices the take-over while the dialog is open
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.outcomes == chosen and "Valgene er ikke gemt" in screen_text(app)
        assert decisions(path, meeting_id) == [None] * 5
        other.close()
