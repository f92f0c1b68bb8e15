"""One dialog protocol: every dialog saves through the meeting day and, when the store refuses, stays open
with everything entered and says why; the same key saves once the cause is gone."""

from __future__ import annotations

import pytest
from tui_support import screen_text

from store.db import open_database
from store.meetings import load_meeting
from tui.app import ReferatApp
from tui.modals.base import SavingDialog
from tui.modals.vote import VoteDialog

READ_ONLY = "skrivebeskyttet"


def stored(path, meeting_id):
    db = open_database(path, readonly=True)
    try:
        return load_meeting(db, meeting_id)
    finally:
        db.close()


def refuse_writes(app, refuse: bool) -> None:
    """Make SQLite itself refuse every write of the app's connection (SQLITE_READONLY), or allow them again."""
    app.day.db.execute(f"PRAGMA query_only = {'ON' if refuse else 'OFF'}")


async def test_a_refused_vote_keeps_its_votes_and_saves_them_once_the_cause_is_gone(meeting):
    path, meeting_id = meeting
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f3", "down", "down", "down", "v")
        await pilot.pause()
        await pilot.press("tab", "f", "i", "u")  # past the ændringsforslag field; A for, O imod, Ø undlod
        await pilot.pause()
        refuse_writes(app, True)
        await pilot.press("ctrl+s")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, VoteDialog)  # still open …
        assert sorted(dialog.choices.values()) == ["for", "for", "for", "imod", "undlod"]  # … with every vote
        text = screen_text(app)
        assert "For 3 · Imod 1 · Undlod 1  → vedtaget" in text
        assert "Afstemningen er ikke gemt; stemmerne står her stadig." in text
        assert stored(path, meeting_id).items[3].votes == []
        refuse_writes(app, False)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, SavingDialog)
        (vote,) = stored(path, meeting_id).items[3].votes
        assert (vote.for_, vote.against, vote.abstain, vote.result) == (["A"], ["O"], ["Ø"], "vedtaget")


def hastesag_titles(path, meeting_id):
    return [item.title for item in stored(path, meeting_id).items[5:]]  # the meeting has five items


def substitutes(path, meeting_id):
    return [member.name for member in stored(path, meeting_id).members if member.substitute_for]


def not_taking_part(path, meeting_id):
    return [absence.member for absence in stored(path, meeting_id).items[0].absences]


# (keys that open the dialog and enter something, the key that saves, what is kept on screen, what is stored)
DIALOGS = {
    "hastesag": (["f3", "n", *"Ny sag"], "enter", "Ny sag", hastesag_titles, ["Ny sag"]),
    "beslutning": (
        ["f3", "e", *"Godkendt med en bemærkning"],
        "ctrl+s",
        "Godkendt med en bemærkning",
        lambda path, meeting_id: [d and d.text for d in [stored(path, meeting_id).items[0].decision]],
        ["Godkendt med en bemærkning"],
    ),
    "stedfortræder": (["s", "tab", *"Anne Vikar"], "enter", "Anne Vikar", substitutes, ["Anne Vikar"]),
    "deltog ikke": (["f3", "d", *"inhabil", "enter"], "enter", "inhabil", not_taking_part, ["Benthe Viola Holm (A)"]),
}


@pytest.mark.parametrize("name", DIALOGS)
async def test_every_dialog_stays_open_with_what_was_entered_when_refused(meeting, name):
    path, meeting_id = meeting
    opening, save_key, kept, read, expected = DIALOGS[name]
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(*opening)
        await pilot.pause()
        assert isinstance(app.screen, SavingDialog)
        before = read(path, meeting_id)
        refuse_writes(app, True)
        await pilot.press(save_key)
        await pilot.pause()
        assert isinstance(app.screen, SavingDialog)
        text = screen_text(app)
        assert kept in text and "Prøv igen" in text  # the problem line says so (it may wrap)
        assert read(path, meeting_id) == before
        refuse_writes(app, False)
        await pilot.press(save_key)
        await pilot.pause()
        assert not isinstance(app.screen, SavingDialog)
        assert read(path, meeting_id) == expected
