"""Fremmøde (F2): who is on the meeting's list — a member for this meeting only, a guest, a wrongly listed name
removed — and the committee's roster (u), checked against the store, the referat and ctrl+z."""

from __future__ import annotations

from textual.widgets import Input
from tui_support import notifications, screen_text

from store.committees import roster
from store.db import open_database
from store.export_markdown import render_markdown
from store.meetings import get_meeting, load_meeting
from store.members import list_members
from tui.app import ReferatApp
from tui.modals.attendee import AttendeeDialog, RemoveFromListDialog
from tui.modals.confirm import ConfirmDialog
from tui.modals.roster import MemberDialog, RosterDialog
from tui.screens.attendance import AttendanceScreen

COMMITTEE = "Arbejdsmarkedsudvalget"


def read(path, what):
    db = open_database(path, readonly=True)
    try:
        return what(db)
    finally:
        db.close()


def stored(path, meeting_id):
    return read(path, lambda db: load_meeting(db, meeting_id))


def names(path, meeting_id) -> list[str]:
    return [member.name for member in stored(path, meeting_id).members]


async def on_attendance(app, pilot) -> None:
    await pilot.press("f2")
    await pilot.pause()
    assert isinstance(app.screen, AttendanceScreen)


async def test_a_guest_is_printed_as_desuden_deltog_and_never_counted_in_the_quorum(meeting):
    path, meeting_id = meeting
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await on_attendance(app, pilot)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, AttendeeDialog)
        await pilot.press(*"Jens Kofoed", "tab", "tab", "down", "space", "ctrl+s")  # the guest button
        await pilot.pause()
        assert isinstance(app.screen, AttendanceScreen)
        text = screen_text(app)
        assert "Desuden deltog (gæster, uden stemmeret): Jens Kofoed" in text
        assert "5 af 5 til stede" in text  # the guest is not counted
        document = stored(path, meeting_id)
        assert document.guests == ["Jens Kofoed"] and "Jens Kofoed" not in names(path, meeting_id)
        assert "Desuden deltog: Jens Kofoed" in render_markdown(document)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert stored(path, meeting_id).guests == []
        assert "Desuden deltog" not in screen_text(app)


async def test_a_member_for_this_meeting_only_is_added_and_a_wrong_name_removed(meeting):
    path, meeting_id = meeting
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await on_attendance(app, pilot)
        await pilot.press("n", *"Lise Lund", "tab", *"F", "enter")
        await pilot.pause()
        assert "Lise Lund" in names(path, meeting_id)
        assert "Lise Lund" not in [m["name"] for m in read(path, lambda db: list_members(db, COMMITTEE))]
        assert "Lise Lund" in screen_text(app)
        await pilot.press("n", *"Lise Lund", "enter")  # already on the list: refused, the dialog stays
        await pilot.pause()
        assert isinstance(app.screen, AttendeeDialog)
        assert "Lise Lund står allerede på mødets fremmødeliste." in str(
            app.screen.query_one(".dialog-problem").render()
        )
        await pilot.press("escape", "j")
        await pilot.pause()
        table = app.screen.query_one("#attendance")
        table.move_cursor(
            row=table.get_row_index(str(next(m["person_id"] for m in app.screen.members() if m["name"] == "Lise Lund")))
        )
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, RemoveFromListDialog)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AttendanceScreen)
        assert "Lise Lund" not in names(path, meeting_id)
        assert "Lise Lund" not in screen_text(app)


async def test_the_roster_is_reached_from_fremmoede_and_changed_there(meeting):
    path, meeting_id = meeting
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(100, 30)) as pilot:
        await on_attendance(app, pilot)
        await pilot.press("u")
        await pilot.pause()
        assert isinstance(app.screen, RosterDialog)
        assert "Birgitte Glifberg" in screen_text(app)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, MemberDialog)
        await pilot.press(*"Karen Vang", "tab", *"V", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, RosterDialog)
        members = {m["name"]: m for m in read(path, lambda db: list_members(db, COMMITTEE))}
        assert members["Karen Vang"]["party"] == "V" and members["Karen Vang"]["role"] == "medlem"
        assert "Karen Vang" not in names(path, meeting_id)  # only planned meetings from today follow the roster
        # Ivan Fogtmann changes party: applied, not ignored
        table = app.screen.query_one("#roster-table")
        table.move_cursor(row=next(i for i, m in enumerate(app.screen.members) if m["name"] == "Ivan Fogtmann"))
        await pilot.press("enter")
        await pilot.pause()
        party = app.screen.query_one("#member-party", Input)
        party.value = "V"
        await pilot.press("ctrl+s")
        await pilot.pause()
        members = {m["name"]: m for m in read(path, lambda db: list_members(db, COMMITTEE))}
        assert members["Ivan Fogtmann"]["party"] == "V"
        # Ømer Kuscu leaves the committee today; the meeting of 2017 keeps him
        table.move_cursor(row=next(i for i, m in enumerate(app.screen.members) if m["name"] == "Ømer Kuscu"))
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("j")
        await pilot.pause()
        assert "Ømer Kuscu er udtrådt af udvalget." in notifications(app)
        assert "Ømer Kuscu" not in [m["name"] for m in read(path, lambda db: list_members(db, COMMITTEE))]
        assert "Ømer Kuscu" in names(path, meeting_id)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, AttendanceScreen)
        assert "Ivan Fogtmann" in screen_text(app) and "Ømer Kuscu" in screen_text(app)


async def test_a_refused_member_keeps_the_dialog_open_with_the_reason(meeting):
    path, meeting_id = meeting
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(100, 30)) as pilot:
        await on_attendance(app, pilot)
        await pilot.press("u", "n", *"Mikail Erman", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MemberDialog)
        assert str(app.screen.query_one(".dialog-problem").render()).startswith(
            "Mikail Erman er allerede medlem af udvalget."
        )
        assert len(read(path, lambda db: roster(db, get_meeting(db, meeting_id)["committee_id"]))) == 5


async def test_the_member_editor_ends_a_membership_on_a_date(meeting):
    path, meeting_id = meeting
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(100, 30)) as pilot:
        await on_attendance(app, pilot)
        await pilot.press("u")
        await pilot.pause()
        table = app.screen.query_one("#roster-table")
        table.move_cursor(row=next(i for i, m in enumerate(app.screen.members) if m["name"] == "Ivan Fogtmann"))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MemberDialog)
        app.screen.query_one("#member-to", Input).focus()
        await pilot.press(*"31-12-2025", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, RosterDialog)
        former = {m["name"]: m for m in read(path, lambda db: list_members(db, COMMITTEE, former=True))}
        assert former["Ivan Fogtmann"]["valid_to"] == "2025-12-31"
        assert "Ivan Fogtmann" not in [m["name"] for m in app.screen.members]
        assert "Ivan Fogtmann" in names(path, meeting_id)  # the meeting of 2017 keeps him
