"""Fremmøde (F2): marking attendance, substitutes, arrivals and departures, the quorum line."""

from __future__ import annotations

import dataclasses

from tui_support import notifications, run_from_palette, screen_text, small_meeting

from store.attendance import attendance_list, quorum
from store.db import open_database
from store.meetings import save_meeting
from store.model import Member
from tui.app import ReferatApp
from tui.widgets.meeting_bar import MeetingBar


def statuses(path, meeting_id) -> dict[str, str | None]:
    db = open_database(path)
    try:
        return {row["name"]: row["status"] for row in attendance_list(db, meeting_id)}
    finally:
        db.close()


async def test_a_planned_meeting_opens_on_the_roll_call_with_the_quorum_line(meeting):
    path, meeting_id = meeting
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.current_mode == "fremmode"
        text = screen_text(app)
        assert "Beslutningsdygtigt: 5 af 5 til stede" in text
        assert "Ømer Kuscu" in text and "næstformand" in text


async def test_one_key_per_exception_and_the_cursor_moves_on(meeting):
    path, meeting_id = meeting
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "down", "f", "a")  # Mikail fraværende, then Mogens afbud
        await pilot.pause()
        assert statuses(path, meeting_id) == {
            "Benthe Viola Holm": None,
            "Ivan Fogtmann": None,
            "Mikail Erman": "fraværende",
            "Mogens Leo Hansen": "afbud",
            "Ømer Kuscu": None,
        }
        assert "Beslutningsdygtigt: 3 af 5 til stede" in screen_text(app)
        await pilot.press("up", "t")
        await pilot.pause()
        assert statuses(path, meeting_id)["Mogens Leo Hansen"] == "til stede"


async def test_a_members_key_marks_afbud_and_again_til_stede(meeting):
    path, meeting_id = meeting
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Tast" in screen_text(app)
        await pilot.press("5")  # Ømer Kuscu, the fifth, wherever the cursor is
        await pilot.pause()
        assert statuses(path, meeting_id) == {
            "Benthe Viola Holm": None,
            "Ivan Fogtmann": None,
            "Mikail Erman": None,
            "Mogens Leo Hansen": None,
            "Ømer Kuscu": "afbud",
        }
        assert app.screen.selected_person()["name"] == "Ømer Kuscu"
        assert "Beslutningsdygtigt: 4 af 5 til stede" in screen_text(app)
        await pilot.press("2", "5")
        await pilot.pause()
        assert statuses(path, meeting_id) == {
            "Benthe Viola Holm": None,
            "Ivan Fogtmann": "afbud",
            "Mikail Erman": None,
            "Mogens Leo Hansen": None,
            "Ømer Kuscu": "til stede",
        }
        await pilot.press("7")  # there are five members
        await pilot.pause()
        assert list(statuses(path, meeting_id).values()).count("afbud") == 1
        assert "tasten 7" in notifications(app)


async def test_the_tenth_member_is_0_and_the_eleventh_has_the_palette_and_a(tmp_path):
    path = tmp_path / "referat.db"
    names = [
        "Anne Ærø",
        "Bent Ørsted",
        "Cecilie Åberg",
        "Dorte Holm",
        "Erik Lund",
        "Freja Munk",
        "Gustav Nørby",
        "Hanne Krog",
        "Ib Vestergaard",
        "Jens Ådal",
        "Karen Øster",
    ]
    members = [Member(name, "A", "formand" if n == 0 else "medlem") for n, name in enumerate(names)]
    db = open_database(path)
    meeting_id = save_meeting(db, dataclasses.replace(small_meeting(), members=members))
    db.close()
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("0")
        await pilot.pause()
        assert statuses(path, meeting_id)["Jens Ådal"] == "afbud"
        row = next(line for line in screen_text(app).splitlines() if "Karen Øster" in line)
        assert row.split()[0] == "Karen"  # no key of her own
        await run_from_palette(pilot, "Afbud til/fra: Karen")
        assert statuses(path, meeting_id)["Karen Øster"] == "afbud"
        await pilot.press("end", "a")  # the cursor and a still work
        await pilot.pause()
        assert statuses(path, meeting_id)["Karen Øster"] == "afbud"
        await pilot.press("end", "t")
        await pilot.pause()
        assert statuses(path, meeting_id)["Karen Øster"] == "til stede"
        assert list(statuses(path, meeting_id).values()).count("afbud") == 1


async def test_the_quorum_line_warns_below_half(meeting):
    path, meeting_id = meeting
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a", "a", "a")
        await pilot.pause()
        bar = app.screen.query_one(MeetingBar)
        assert not bar.quorum_ok
        warning = bar.get_component_rich_style("meeting-bar--no-quorum")
        assert any(span.style == warning for span in bar.render().spans)
        assert "Ikke beslutningsdygtigt: 2 af 5 til stede" in screen_text(app)
        db = open_database(path)
        assert not quorum(db, meeting_id).ok


async def test_a_substitute_from_the_committee_list_takes_the_seat(meeting):
    path, meeting_id = meeting
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("end", "s")
        await pilot.pause()
        assert "Stedfortræder for Ømer Kuscu (A)" in screen_text(app)
        await pilot.press("enter")  # the first (and only) candidate
        await pilot.pause()
        db = open_database(path)
        rows = {row["name"]: row for row in attendance_list(db, meeting_id)}
        assert rows["Ømer Kuscu"]["status"] == "afbud"
        assert rows["Birgitte Glifberg"]["status"] == "stedfortræder"
        assert rows["Birgitte Glifberg"]["substitute_for"] == "Ømer Kuscu"
        assert quorum(db, meeting_id).label == "Beslutningsdygtigt: 5 af 5 til stede"
        assert "for Ømer Kuscu (A)" in screen_text(app)


async def test_a_substitute_can_be_typed_in(meeting):
    path, meeting_id = meeting
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "s")
        await pilot.pause()
        app.screen.query_one("#name").focus()
        await pilot.press(*"Lise Vang", "enter")
        await pilot.pause()
        rows = {row["name"]: row for row in attendance_list(open_database(path), meeting_id)}
        assert rows["Lise Vang"]["status"] == "stedfortræder"
        assert rows["Lise Vang"]["party"] == "O"  # the seat's party, pre-filled
        assert rows["Ivan Fogtmann"]["status"] == "afbud"


async def test_late_arrival_and_early_departure_record_time_and_item(meeting):
    path, meeting_id = meeting
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(100, 24)) as pilot:  # at 80 columns the note is cut after "under"
        await pilot.press("o")  # Åbn mødet: item 1 becomes current
        await pilot.press("down", "k", "down", "g")
        await pilot.pause()
        rows = {row["name"]: row for row in attendance_list(open_database(path), meeting_id)}
        assert rows["Ivan Fogtmann"]["arrived_at"] and rows["Ivan Fogtmann"]["arrived_item"] == "1"
        assert rows["Mikail Erman"]["left_at"]
        text = screen_text(app)
        assert "ankom " in text and "under pkt. 1" in text and "gik " in text
