"""Formandens skærm: follows the recording window, shows a lukket item as the public referat does."""

from __future__ import annotations

import datetime as dt

from textual.widgets import Digits
from tui_support import make_database, notifications, screen_text
from typer.testing import CliRunner

import cli
from store.agenda import agenda, open_meeting, set_confidential, set_current_item
from store.attendance import attendance_list, set_status
from store.db import open_database
from store.decisions import record_outcome
from store.recorder import claim
from tui.chair import ChairApp
from tui.widgets import meeting_bar

WATCHED = 1.0  # seconds: more than two looks at the database


async def test_the_chair_screen_follows_item_quorum_and_beslutning(tmp_path):
    path = tmp_path / "referat.db"
    meeting_id = make_database(path)
    recorder = open_database(path)
    assert claim(recorder, meeting_id)
    app = ChairApp(path, meeting_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Mødet er ikke åbnet endnu" in screen_text(app)
        open_meeting(recorder, meeting_id)
        member = next(row for row in attendance_list(recorder, meeting_id) if row["name"] == "Ivan Fogtmann")
        set_status(recorder, meeting_id, member["person_id"], "afbud")
        await pilot.pause(WATCHED)
        text = screen_text(app)
        assert "Godkendelse af dagsorden" in text and "Beslutningsdygtigt: 4 af 5 til stede" in text
        items = agenda(recorder, meeting_id)
        record_outcome(recorder, items[0]["id"], "Godkendt")
        set_current_item(recorder, meeting_id, items[3]["id"])
        await pilot.pause(WATCHED)
        text = screen_text(app)
        assert "Beslutning om projektet [Flere skal med]" in text
        assert "1. at godkende ansøgningen." in text and "2. at give en bevilling på 2,5 mio. kr." in text
        record_outcome(recorder, items[3]["id"], "Tiltrådt")
        set_current_item(recorder, meeting_id, items[3]["id"])
        await pilot.pause(WATCHED)
        assert "Tiltrådt" in screen_text(app)
        assert app.screen.query_one("#chair-number", Digits).value == "4"


async def test_a_lukket_item_shows_only_what_the_public_referat_shows(tmp_path):
    path = tmp_path / "referat.db"
    meeting_id = make_database(path)
    db = open_database(path)
    open_meeting(db, meeting_id)
    personalesag = agenda(db, meeting_id)[4]["id"]
    record_outcome(db, personalesag, "Godkendt")
    set_current_item(db, meeting_id, personalesag)
    app = ChairApp(path, meeting_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "Personalesag" in text and "Lukket punkt" in text and "Godkendt" in text
        assert "Fortroligt indhold" not in text
    set_confidential(db, personalesag, title=True)
    app = ChairApp(path, meeting_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Personalesag" not in screen_text(app)


def test_chair_refuses_a_meeting_that_does_not_exist(tmp_path):
    path = tmp_path / "referat.db"
    make_database(path)
    result = CliRunner().invoke(cli.app, ["chair", "99", "--db", str(path)])
    assert result.exit_code == 1
    assert "Møde 99 findes ikke." in result.stderr


async def test_the_chair_clock_is_written_the_danish_way_and_ctrl_c_says_how_to_quit(tmp_path, monkeypatch):
    monkeypatch.setattr(meeting_bar, "now", lambda: dt.datetime(2017, 5, 29, 15, 7).astimezone())
    path = tmp_path / "referat.db"
    meeting_id = make_database(path)
    app = ChairApp(path, meeting_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.screen.query_one("#chair-clock", Digits).value == "15.07"
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert notifications(app) == "Tryk ctrl+q for at afslutte."
        assert app.is_running
