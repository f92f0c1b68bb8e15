"""ctrl+z undoes keystrokes of the meeting, never the formal acts around it.

The meeting's creation (its dagsorden), the members' approvals (with their forbehold), reopening and
tilføjelser are barriers undo does not pass; a fresh meeting and a hastesag made current undo cleanly.
"""

from __future__ import annotations

from tui_support import notifications, screen_text

from store.agenda import agenda, close_meeting, open_meeting
from store.approval import amend, approvals, approve, reopen, taking_part
from store.audit import redo_last, undo_barrier, undo_last
from store.db import open_database
from store.decisions import record_outcome
from store.meetings import get_meeting, load_meeting
from tui.app import ReferatApp


def adjourn(path, meeting_id) -> None:
    db = open_database(path)
    open_meeting(db, meeting_id)
    record_outcome(db, agenda(db, meeting_id)[0]["id"], "Godkendt")
    close_meeting(db, meeting_id)
    db.close()


def state(path, meeting_id) -> tuple[str, list[tuple[str, str | None]], int]:
    """(status, [(approver, forbehold)], number of tilføjelser) as the file holds them."""
    db = open_database(path)
    try:
        document = load_meeting(db, meeting_id)
        return (
            get_meeting(db, meeting_id)["status"],
            [(row["name"], row["reservation"]) for row in approvals(db, meeting_id)],
            sum(len(item.amendments) for item in document.items),
        )
    finally:
        db.close()


async def press_undo(path, meeting_id, times: int = 2) -> str:
    """Open the TUI on the meeting, press ctrl+z `times` times; returns what it told the user."""
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        for _ in range(times):
            await pilot.press("ctrl+z")
            await pilot.pause()
        return notifications(app) + "\n" + screen_text(app)


async def test_undo_on_a_fresh_meeting_has_nothing_to_undo_and_keeps_the_dagsorden(meeting):
    path, meeting_id = meeting
    told = await press_undo(path, meeting_id, times=3)
    assert "Der er intet at fortryde." in told
    assert "FOREIGN KEY" not in told
    db = open_database(path)
    assert [row["number"] for row in agenda(db, meeting_id)] == ["1", "2", "3", "4", "5"]
    assert undo_last(db, meeting_id) is None


async def test_undo_of_a_hastesag_made_current_removes_it_and_goes_back(meeting):
    path, meeting_id = meeting
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f3", "down", "enter")  # punkt 2 is current
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        app.screen.query_one("Input").value = "Vejarbejde på Hvidovrevej"
        await pilot.press("enter")
        await pilot.pause()
        db = open_database(path)
        rows = agenda(db, meeting_id)
        urgent = rows[-1]["id"]
        second = rows[1]["id"]
        if get_meeting(db, meeting_id)["current_item_id"] != urgent:
            await pilot.press("end", "enter")  # make the hastesag current
            await pilot.pause()
        assert get_meeting(db, meeting_id)["current_item_id"] == urgent
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert "Fortrudt: Hastesag: Vejarbejde på Hvidovrevej" in screen_text(app).splitlines()[-1]  # the key line
        assert [row["number"] for row in agenda(db, meeting_id)] == ["1", "2", "3", "4", "5"]
        assert get_meeting(db, meeting_id)["current_item_id"] == second
        for _ in range(3):
            await pilot.press("ctrl+z")
            await pilot.pause()
        told = notifications(app)
        assert "FOREIGN KEY" not in told and "kan ikke bruges" not in told
        assert [row["number"] for row in agenda(db, meeting_id)] == ["1", "2", "3", "4", "5"]
        db.close()


async def test_undo_does_not_reach_a_members_approval_with_its_forbehold(meeting):
    path, meeting_id = meeting
    adjourn(path, meeting_id)
    db = open_database(path)
    first = taking_part(db, meeting_id)[0]["name"]
    approve(db, meeting_id, first, reservation="Punkt 1 er gengivet for kort.")
    db.close()
    told = await press_undo(path, meeting_id)
    assert "Der er intet at fortryde." in told
    assert state(path, meeting_id) == ("hævet", [(first, "Punkt 1 er gengivet for kort.")], 0)


async def test_undo_after_reopen_does_not_lock_again_nor_remove_a_tilfojelse(meeting):
    path, meeting_id = meeting
    adjourn(path, meeting_id)
    db = open_database(path)
    for row in taking_part(db, meeting_id):
        approve(db, meeting_id, row["name"])
    amend(db, meeting_id, "1", "Bilag 2 var vedlagt.", "Bilaget manglede i referatet.")
    reopen(db, meeting_id, "Punkt 3 skal rettes.")
    db.close()
    told = await press_undo(path, meeting_id)
    assert "Der er intet at fortryde." in told
    assert state(path, meeting_id) == ("hævet", [], 1)


async def test_undo_on_an_approved_referat_leaves_the_approvals_and_tilfojelser(meeting):
    path, meeting_id = meeting
    adjourn(path, meeting_id)
    db = open_database(path)
    names = [row["name"] for row in taking_part(db, meeting_id)]
    for name in names:
        approve(db, meeting_id, name)
    amend(db, meeting_id, "1", "Bilag 2 var vedlagt.")
    db.close()
    await press_undo(path, meeting_id)
    assert state(path, meeting_id) == ("godkendt", [(name, None) for name in names], 1)


def test_work_after_a_reopen_is_undone_up_to_the_reopen_and_no_further(meeting):
    path, meeting_id = meeting
    adjourn(path, meeting_id)
    db = open_database(path)
    for row in taking_part(db, meeting_id):
        approve(db, meeting_id, row["name"])
    reopen(db, meeting_id, "Punkt 2 mangler.")
    barrier = undo_barrier(db, meeting_id)
    record_outcome(db, agenda(db, meeting_id)[1]["id"], "Taget til efterretning")
    assert undo_barrier(db, meeting_id) == barrier
    assert undo_last(db, meeting_id) == "Beslutning punkt 2: Taget til efterretning"
    assert undo_last(db, meeting_id) is None
    assert get_meeting(db, meeting_id)["status"] == "hævet"
    assert load_meeting(db, meeting_id).items[0].decision.outcome == "Godkendt"


def test_redo_does_not_reach_across_an_approval(meeting):
    """A beslutning undone before the members approved is not brought back by ctrl+y afterwards."""
    path, meeting_id = meeting
    adjourn(path, meeting_id)
    db = open_database(path)
    second = agenda(db, meeting_id)[1]["id"]
    record_outcome(db, second, "Taget til efterretning")
    assert undo_last(db, meeting_id) == "Beslutning punkt 2: Taget til efterretning"
    approve(db, meeting_id, taking_part(db, meeting_id)[0]["name"])
    assert redo_last(db, meeting_id) is None
    assert load_meeting(db, meeting_id).items[1].decision is None
    db.close()
