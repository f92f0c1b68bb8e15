"""Meeting day records exactly what the secretary meant (issue 15), driven as a user would with Pilot:
no phantom votes, no silent overwrite, the quorum asked about and labelled, drafts, redo, Tab order."""

from __future__ import annotations

import pytest
from tui_support import make_database, run_from_palette, screen_text

from store.attendance import attendance_list, set_status
from store.db import get_row, open_database
from store.drafts import load_draft
from store.meetings import get_meeting, load_meeting
from tui.app import ReferatApp
from tui.widgets.key_bar import KeyBar


@pytest.fixture
def meeting(tmp_path):
    path = tmp_path / "referat.db"
    return path, make_database(path)


def document(path, meeting_id):
    db = open_database(path)
    try:
        return load_meeting(db, meeting_id)
    finally:
        db.close()


def current_number(path, meeting_id):
    db = open_database(path)
    try:
        current = get_meeting(db, meeting_id)["current_item_id"]
        return current and get_row(db, "items", current)["number"]
    finally:
        db.close()


async def on_agenda(pilot):
    await pilot.press("f3")
    await pilot.pause()


AMENDMENT = "Forslag fra Ø: at der afsættes 2 mio. kr. og at udvalget følger op efter et år"


async def test_typing_an_amendment_records_no_vote_and_nothing_leaks_to_the_agenda(meeting):
    path, meeting_id = meeting
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(100, 30)) as pilot:
        await on_agenda(pilot)
        await pilot.press("v")
        await pilot.pause()
        await pilot.press(*AMENDMENT)  # every letter of f/i/u/e/d/b/g is in there
        await pilot.pause()
        assert app.screen.__class__.__name__ == "VoteDialog"
        assert app.screen.query_one("#subject").value == AMENDMENT
        assert "ingen stemmer endnu" in screen_text(app)
        await pilot.press("ctrl+s")  # no votes entered: nothing is saved
        await pilot.pause()
        assert app.screen.__class__.__name__ == "VoteDialog"
        assert document(path, meeting_id).items[0].votes == []
        await pilot.press("tab", "f", "f", "i", "ctrl+s")  # A for, O for, Ø imod
        await pilot.pause()
        assert app.screen.__class__.__name__ == "AgendaScreen"
        (vote,) = document(path, meeting_id).items[0].votes
        assert (vote.kind, vote.subject, vote.for_, vote.against, vote.abstain) == (
            "ændringsforslag",
            AMENDMENT,
            ["A", "O"],
            ["Ø"],
            [],
        )
        assert document(path, meeting_id).items[0].decision is None


async def test_a_refused_vote_keeps_its_votes_in_the_dialog(meeting):
    path, meeting_id = meeting
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(100, 30)) as pilot:
        await on_agenda(pilot)
        await pilot.press("v", "tab", "e")
        await pilot.pause()
        other = open_database(path)
        other.execute("UPDATE meetings SET status = 'godkendt'")  # locked meanwhile: the save is refused
        other.commit()
        other.close()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "VoteDialog"
        assert "stemmerne står her stadig" in screen_text(app)
        assert "For 5 · Imod 0 · Undlod 0" in screen_text(app)


async def test_a_digit_on_a_decided_item_asks_before_replacing_it(meeting):
    path, meeting_id = meeting
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(100, 30)) as pilot:
        await on_agenda(pilot)
        await pilot.press("2", "up", "1")  # Taget til efterretning on 1; back on it; Godkendt?
        await pilot.pause()
        assert app.screen.__class__.__name__ == "ConfirmDialog"
        text = screen_text(app)
        assert "Erstat den gemte beslutning med 'Godkendt'?" in text and "punkt 1: Taget til efterretning" in text
        await pilot.press("n")
        await pilot.pause()
        assert document(path, meeting_id).items[0].decision.outcome == "Taget til efterretning"
        await pilot.press("u")  # udsæt a decided item: asked too
        await pilot.pause()
        assert app.screen.__class__.__name__ == "ConfirmDialog"
        await pilot.press("escape", "1", "j")
        await pilot.pause()
        assert document(path, meeting_id).items[0].decision.outcome == "Godkendt"
        assert current_number(path, meeting_id) == "2"  # correcting item 1 left the current item 2


async def test_the_decision_bar_says_loudly_when_the_keys_act_on_another_item_than_the_current(meeting):
    path, meeting_id = meeting
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(120, 30)) as pilot:
        await on_agenda(pilot)
        await pilot.press("1")  # item 2 current
        await pilot.pause()
        assert "ikke det aktuelle punkt" not in screen_text(app)
        assert "punkt 2 (aktuelt)" in screen_text(app)
        await pilot.press("down")
        await pilot.pause()
        assert "Punkt 3, ikke det aktuelle punkt 2" in screen_text(app)
        assert "punkt 3 (markeret)" in screen_text(app)


async def test_a_blok_with_the_current_item_moves_to_the_first_undecided_item_after_it(meeting):
    path, meeting_id = meeting
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("o", "f3")  # item 1 current
        await pilot.pause()
        await pilot.press("space", "down", "down", "space", "1")  # blok of 1 and 4
        await pilot.pause()
        assert current_number(path, meeting_id) == "2"


async def test_a_decision_without_quorum_is_asked_about_and_noted(meeting):
    path, meeting_id = meeting
    db = open_database(path)
    for row in attendance_list(db, meeting_id)[1:4]:
        set_status(db, meeting_id, row["person_id"], "afbud")
    db.close()
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(100, 30)) as pilot:
        await on_agenda(pilot)
        await pilot.press("1")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "ConfirmDialog"
        assert "Ikke beslutningsdygtigt. Gem alligevel?" in screen_text(app)
        await pilot.press("n")
        await pilot.pause()
        assert document(path, meeting_id).items[0].decision is None
        await pilot.press("1", "j")
        await pilot.pause()
        item = document(path, meeting_id).items[0]
        assert item.decision.outcome == "Godkendt" and item.without_quorum


async def test_ctrl_y_redoes_what_ctrl_z_undid(meeting):
    path, meeting_id = meeting
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(100, 30)) as pilot:
        await on_agenda(pilot)
        await pilot.press("1", "2", "ctrl+z", "ctrl+z")
        await pilot.pause()
        assert [item.decision for item in document(path, meeting_id).items[:2]] == [None, None]
        await pilot.press("ctrl+y", "ctrl+y")
        await pilot.pause()
        outcomes = [item.decision.outcome for item in document(path, meeting_id).items[:2]]
        assert outcomes == ["Godkendt", "Taget til efterretning"]
        assert current_number(path, meeting_id) == "3"


async def test_undo_and_redo_say_what_they_did_on_the_key_line_without_a_toast(meeting):
    path, meeting_id = meeting
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(100, 30)) as pilot:
        await on_agenda(pilot)
        keys = screen_text(app).splitlines()[-1]
        assert "e Fritekst" in keys
        await pilot.press("1", "ctrl+z")
        await pilot.pause()
        line = screen_text(app).splitlines()[-1]
        assert "Fortrudt: Beslutning punkt 1: Godkendt" in line and "Fritekst" not in line
        assert line.rstrip().endswith("▏F1 Hjælp  ^p Kommandoer")  # Hjælp and the palette stay
        assert not app._notifications  # no toast: the line is drawn in the frame that shows the undo
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert "Gentaget: Beslutning punkt 1: Godkendt" in screen_text(app).splitlines()[-1]
        await run_from_palette(pilot, "Fortryd")  # from the palette: said on the screen below it
        assert "Fortrudt: Beslutning punkt 1: Godkendt" in screen_text(app).splitlines()[-1]
        app.screen.query_one(KeyBar).say("Fortrudt: noget", 0.05)
        await pilot.pause(0.2)
        assert screen_text(app).splitlines()[-1] == keys  # then the keys come back


async def test_a_half_typed_remark_is_kept_through_quit_and_offered_again(meeting):
    path, meeting_id = meeting
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await on_agenda(pilot)
        await pilot.press("b")
        await pilot.pause()
        app.screen.query_one("#remark-text").focus()
        await pilot.press(*"Ø ønsker ført til protokols, at")
        await pilot.press("ctrl+q")
        await pilot.pause()
    db = open_database(path)
    assert load_draft(db, meeting_id, "bemærkning:1") == "Ø ønsker ført til protokols, at"
    db.close()
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await on_agenda(pilot)
        await pilot.press("b")
        await pilot.pause()
        assert app.screen.query_one("#remark-text").text == "Ø ønsker ført til protokols, at"
        await pilot.press("down", "space")  # a sender; then save: the draft goes
        app.screen.query_one("#remark-text").focus()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert document(path, meeting_id).items[0].remarks[0].text == "Ø ønsker ført til protokols, at"
    db = open_database(path)
    assert load_draft(db, meeting_id, "bemærkning:1") is None
    db.close()


async def test_help_lists_each_key_once(meeting):
    path, meeting_id = meeting
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(100, 60)) as pilot:
        await on_agenda(pilot)
        await pilot.press("f1")
        await pilot.pause()
        lines = [line.strip(" █") for line in screen_text(app).splitlines()]
        for key in ("Ctrl+Q ", "Ctrl+P ", "Escape ", "Mellemrum ", "Ctrl+Y "):
            assert sum(line.startswith(key) for line in lines) == 1, key
        assert sum(line.startswith(("^q", "^p", "esc ", "space ")) for line in lines) == 0


async def test_a_following_window_offers_no_blok(meeting):
    path, meeting_id = meeting
    recorder = ReferatApp(path, meeting_id)
    async with recorder.run_test(size=(100, 30)):
        follower = ReferatApp(path, meeting_id)
        async with follower.run_test(size=(100, 30)) as pilot:
            await on_agenda(pilot)
            assert follower.following
            assert "Blok" not in screen_text(follower).splitlines()[-1]


async def test_the_take_over_question_is_shown_whole(meeting):
    path, meeting_id = meeting
    recorder = ReferatApp(path, meeting_id)
    async with recorder.run_test(size=(100, 30)):
        follower = ReferatApp(path, meeting_id)
        async with follower.run_test(size=(100, 30)) as pilot:
            await pilot.press("ctrl+t")
            await pilot.pause()
            text = " ".join(line.strip(" █") for line in screen_text(follower).splitlines())
            assert "følger mødet i stedet. Hvad det har gemt, bevares." in text


async def test_the_per_point_dialog_says_the_digits_set_the_highlighted_point(meeting):
    path, meeting_id = meeting
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await on_agenda(pilot)
        await pilot.press("p")
        await pilot.pause()
        assert "Markeret indstillingspunkt (↑ ↓) → 1 Godkendt" in screen_text(app)


async def test_the_space_key_says_it_moves_down(meeting):
    path, meeting_id = meeting
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(120, 30)) as pilot:
        await on_agenda(pilot)
        assert "space Blok og ↓" in screen_text(app).splitlines()[-1]


async def test_at_60_by_20_the_vote_and_the_remark_text_are_reachable(meeting):
    path, meeting_id = meeting
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(60, 20)) as pilot:
        await on_agenda(pilot)
        await pilot.press("v", "tab", "e")
        await pilot.pause()
        text = screen_text(app)
        assert "For 5 · Imod 0 · Undlod 0" in text  # the result, below the voters
        assert text.count(" For ") >= 3  # each row's vote, before the names that are cut
        await pilot.press("escape", "j", "b", "tab", "tab")
        await pilot.pause()
        assert "Tekst" in screen_text(app)  # the text area scrolled into view when it has the focus


async def test_at_60_columns_the_quorum_line_stays_under_the_clock(meeting):
    path, meeting_id = meeting
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("o")  # the item timer makes the first line longer than 60
        await pilot.pause()
        lines = screen_text(app).splitlines()
        assert lines[2].startswith(" Beslutningsdygtigt: 5 af 5 til stede · punkt 1 (aktuelt)")


@pytest.mark.parametrize("key", ["e", "p", "v"])
async def test_each_decision_dialog_warns_when_the_item_has_no_quorum(meeting, key):
    path, meeting_id = meeting
    db = open_database(path)
    for row in attendance_list(db, meeting_id)[1:4]:
        set_status(db, meeting_id, row["person_id"], "afbud")
    db.close()
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await on_agenda(pilot)
        await pilot.press("down", "down", "down", key)
        await pilot.pause()
        assert "Udvalget er ikke beslutningsdygtigt til punkt 4 (2 af 5)" in screen_text(app)
