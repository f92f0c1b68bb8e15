"""Dagsorden (F3): the agenda walk and every kind of beslutning, checked against what the store holds."""

from __future__ import annotations

from tui_support import screen_text

from store.agenda import agenda, set_current_item
from store.attendance import set_status
from store.db import open_database
from store.meetings import get_meeting, load_meeting
from tui.app import ReferatApp
from tui.widgets.agenda_list import AgendaList


def stored(path, meeting_id):
    """(meeting document, meeting row) as the store has them now."""
    db = open_database(path)
    try:
        return load_meeting(db, meeting_id), get_meeting(db, meeting_id)
    finally:
        db.close()


def items(path, meeting_id):
    return {item.number: item for item in stored(path, meeting_id)[0].items}


def number_of(path, item_id):
    db = open_database(path)
    try:
        return next(row["number"] for row in agenda(db, 1) if row["id"] == item_id)
    finally:
        db.close()


def pane_text(app) -> str:
    """The item pane's text as one line (its lines joined as they wrap)."""
    pane = app.screen.query_one("#item-view").region
    lines = screen_text(app).splitlines()[pane.y : pane.bottom]
    return " ".join(" ".join(line[pane.x : pane.right].strip(" ▏").split()) for line in lines).strip()


async def on_agenda(app, pilot):
    await pilot.press("f3")
    await pilot.pause()
    assert app.current_mode == "dagsorden"


async def test_digits_record_the_vocabulary_and_move_to_the_next_undecided_item(meeting):
    path, meeting_id = meeting
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await on_agenda(app, pilot)
        await pilot.press("1", "2")
        await pilot.pause()
        document, row = stored(path, meeting_id)
        assert document.items[0].decision.outcome == "Godkendt"
        assert document.items[1].decision.outcome == "Taget til efterretning"
        assert row["status"] == "åbnet" and row["started_at"]  # the first beslutning opened the meeting
        assert number_of(path, row["current_item_id"]) == "3"
        assert app.screen.query_one(AgendaList).highlighted_item() == row["current_item_id"]
        text = screen_text(app)
        assert "Punkt 3. JobCAMP 2017" in text and "1 Godkendt" in text


async def test_a_digit_redraws_only_the_rows_that_changed(meeting):
    """The agenda list is updated in place: rows whose item did not change keep their option."""
    path, meeting_id = meeting
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await on_agenda(app, pilot)
        agenda_list = app.screen.query_one(AgendaList)
        before, prompts = list(agenda_list.options), [option.prompt for option in agenda_list.options]
        await pilot.press("1")
        await pilot.pause()
        after = list(agenda_list.options)
        assert str(after[0].prompt).startswith(" ✓") and str(after[1].prompt).startswith(" ▶")
        assert [option is old for option, old in zip(after, before)] == [True, True, True, True, True]
        assert [option.prompt is prompt for option, prompt in zip(after, prompts)] == [False, False, True, True, True]


async def test_free_text_is_pre_filled_and_saved_with_the_outcome(meeting):
    path, meeting_id = meeting
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await on_agenda(app, pilot)
        await pilot.press("1", "up", "e")  # Godkendt on item 1, back to it, open the editor
        await pilot.pause()
        editor = app.screen.query_one("#decision-text")
        assert editor.text == "Godkendt\n"
        editor.insert("Præsentationen bilægges ")
        await pilot.press(*"referatet.", "ctrl+s")
        await pilot.pause()
        decision = items(path, meeting_id)["1"].decision
        assert decision.outcome == "Godkendt" and decision.text == "Præsentationen bilægges referatet."


async def test_free_text_alone_decides_the_current_item_and_moves_on(meeting):
    path, meeting_id = meeting
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await on_agenda(app, pilot)
        await pilot.press("1", "e")
        app.screen.query_one("#decision-text").insert("Formanden orienterede om JobCAMP.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        document, row = stored(path, meeting_id)
        assert document.items[1].decision.outcome is None
        assert document.items[1].decision.text == "Formanden orienterede om JobCAMP."
        assert number_of(path, row["current_item_id"]) == "3"


async def test_escape_leaves_the_editor_without_saving(meeting):
    path, meeting_id = meeting
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await on_agenda(app, pilot)
        await pilot.press("e", *"Kladde", "escape")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "ConfirmDialog"  # typed text: asked before it is thrown away
        assert "Kassér den skrevne tekst?" in screen_text(app)
        await pilot.press("j")
        await pilot.pause()
        assert items(path, meeting_id)["1"].decision is None
        assert app.screen.__class__.__name__ == "AgendaScreen"
        await pilot.press("e")  # thrown away on purpose: no draft is offered
        await pilot.pause()
        assert app.screen.query_one("#decision-text").text == ""


async def test_one_outcome_per_indstilling_point(meeting):
    path, meeting_id = meeting
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await on_agenda(app, pilot)
        await pilot.press("down", "down", "down", "p", "4", "7", "enter")
        await pilot.pause()
        document, row = stored(path, meeting_id)
        assert document.items[3].decision.points == ["Anbefales", "Ikke godkendt"]
        await pilot.press("up")
        await pilot.pause()
        assert "1. Anbefales  2. Ikke godkendt" in screen_text(app)


async def test_a_vote_by_party_becomes_the_outcome(meeting):
    path, meeting_id = meeting
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(100, 30)) as pilot:
        await on_agenda(app, pilot)
        await pilot.press("down", "down", "down", "v")
        await pilot.pause()
        await pilot.press("tab", "f", "i", "u")  # past the ændringsforslag field; A for, O imod, Ø undlod
        await pilot.pause()
        assert "For 3 · Imod 1 · Undlod 1  → vedtaget" in screen_text(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        item = items(path, meeting_id)["4"]
        (vote,) = item.votes
        assert (vote.for_, vote.against, vote.abstain) == (["A"], ["O"], ["Ø"])
        assert (vote.for_count, vote.against_count, vote.abstain_count, vote.result) == (3, 1, 1, "vedtaget")
        assert vote.kind == "indstilling"
        assert item.decision.outcome == "Godkendt"


async def test_a_split_party_is_recorded_by_name_and_a_tie_is_forkastet(meeting):
    path, meeting_id = meeting
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(100, 30)) as pilot:
        await on_agenda(app, pilot)
        await pilot.press("v")
        await pilot.pause()
        await pilot.press(
            "tab", "d", "f", "i", "u", "f", "i"
        )  # A split: Benthe for, Mikail imod, Ømer undlod; O for; Ø imod
        await pilot.pause()
        assert "For 2 · Imod 2 · Undlod 1  → forkastet" in screen_text(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        (vote,) = items(path, meeting_id)["1"].votes
        assert vote.for_ == ["Benthe Viola Holm (A)", "O"]
        assert vote.against == ["Mikail Erman (A)", "Ø"]
        assert vote.abstain == ["Ømer Kuscu (A)"]
        assert vote.result == "forkastet"
        assert items(path, meeting_id)["1"].decision.outcome == "Ikke godkendt"


async def test_unanimous_amendment_then_a_second_vote_is_added(meeting):
    path, meeting_id = meeting
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(100, 30)) as pilot:
        await on_agenda(app, pilot)
        await pilot.press("v")
        await pilot.pause()
        app.screen.query_one("#subject").focus()
        app.screen.query_one("#subject").value = "Pris højst 5.000 kr."
        await pilot.press("enter", "e", "ctrl+s")
        await pilot.pause()
        document, row = stored(path, meeting_id)
        assert document.items[0].decision is None  # an ændringsforslag does not decide the item by default
        assert number_of(path, row["current_item_id"] or app.screen.query_one(AgendaList).highlighted_item()) == "1"
        await pilot.press("v", "tab", "e", "ctrl+s")  # omafstemning on the indstilling, unanimous
        await pilot.pause()
        first, second = items(path, meeting_id)["1"].votes
        assert (first.kind, first.subject, first.for_count) == ("ændringsforslag", "Pris højst 5.000 kr.", 5)
        assert (second.kind, second.for_, second.result) == ("indstilling", ["A", "O", "Ø"], "vedtaget")
        assert items(path, meeting_id)["1"].decision.outcome == "Godkendt"


async def test_blok_gives_the_marked_items_one_outcome(meeting):
    path, meeting_id = meeting
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await on_agenda(app, pilot)
        await pilot.press("down", "space", "down", "space")  # mark 2 and 4
        await pilot.pause()
        assert "Blok (2 punkter: 2, 4)" in screen_text(app)
        await pilot.press("2")
        await pilot.pause()
        by_number = items(path, meeting_id)
        assert by_number["2"].decision.outcome == by_number["4"].decision.outcome == "Taget til efterretning"
        assert by_number["1"].decision is None and by_number["3"].decision is None
        assert "Blok" not in screen_text(app)


async def test_a_protokolbemaerkning_from_a_member(meeting):
    path, meeting_id = meeting
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(100, 30)) as pilot:
        await on_agenda(app, pilot)
        await pilot.press("b")
        await pilot.pause()
        await pilot.press("down", "down", "down", "space")  # Mogens Leo Hansen (Ø)
        app.screen.query_one("#kind").focus()
        await pilot.press("right", "enter")  # mindretalsudtalelse
        app.screen.query_one("#remark-text").focus()
        app.screen.query_one("#remark-text").insert("Ø kan ikke støtte forslaget.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        (remark,) = items(path, meeting_id)["1"].remarks
        assert remark.members == ["Mogens Leo Hansen (Ø)"]
        assert remark.kind == "mindretalsudtalelse"
        assert remark.text == "Ø kan ikke støtte forslaget."


async def test_not_taking_part_keeps_the_reason_internal_and_can_be_cleared(meeting):
    path, meeting_id = meeting
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await on_agenda(app, pilot)
        await pilot.press("d")
        await pilot.pause()
        await pilot.press(*"inhabil", "tab", "down", "enter")  # the reason first, Tab to the list: Ivan Fogtmann (O)
        await pilot.pause()
        (absence,) = items(path, meeting_id)["1"].absences
        assert (absence.member, absence.reason) == ("Ivan Fogtmann (O)", "inhabil")
        assert "Ivan Fogtmann (O) deltog ikke i behandlingen af punktet" in pane_text(app)
        assert "Beslutningsdygtigt: 4 af 5 til stede" in screen_text(app)
        await pilot.press("d", "tab", "down", "enter")
        await pilot.pause()
        assert items(path, meeting_id)["1"].absences == []


async def test_postpone_move_and_hastesag(meeting):
    path, meeting_id = meeting
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await on_agenda(app, pilot)
        await pilot.press("down", "down", "u")  # udsæt item 3
        await pilot.pause()
        assert items(path, meeting_id)["3"].postponed
        await pilot.press("shift+up")  # the cursor followed to 4, the next undecided item: move it above 3
        await pilot.pause()
        assert [item.number for item in stored(path, meeting_id)[0].items] == ["1", "2", "4", "3", "5"]
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"Ny [hastesag]", "enter")
        await pilot.pause()
        last = stored(path, meeting_id)[0].items[-1]
        assert (last.number, last.title) == ("6", "Ny [hastesag]")
        assert "Punkt 6. Ny [hastesag]" in screen_text(app)


async def test_enter_makes_an_item_current_and_l_toggles_lukket(meeting):
    path, meeting_id = meeting
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await on_agenda(app, pilot)
        await pilot.press("down", "down", "enter", "l")
        await pilot.pause()
        document, row = stored(path, meeting_id)
        assert number_of(path, row["current_item_id"]) == "3"
        assert not document.items[2].public
        assert "Lukket punkt" in screen_text(app)


async def test_a_meeting_in_progress_opens_on_its_current_item(meeting):
    path, meeting_id = meeting
    db = open_database(path)
    third = next(row["id"] for row in agenda(db, meeting_id) if row["number"] == "3")
    set_current_item(db, meeting_id, third)
    set_status(db, meeting_id, 5, "afbud")
    db.close()
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.current_mode == "dagsorden"
        assert app.screen.query_one(AgendaList).highlighted_item() == third
        assert "Beslutningsdygtigt: 4 af 5 til stede" in screen_text(app)


async def test_user_text_that_looks_like_markup_is_shown_as_it_is(meeting):
    path, meeting_id = meeting
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await on_agenda(app, pilot)
        await pilot.press("n")
        await pilot.pause()
        app.screen.query_one("Input").value = "Lån [/] til [b]klubben"
        await pilot.press("enter")
        await pilot.pause()
        assert "Punkt 6. Lån [/] til [b]klubben" in screen_text(app)
        await pilot.press("v")  # the dialog's title quotes it too
        await pilot.pause()
        assert "Afstemning, punkt 6: Lån [/] til [b]klubben" in screen_text(app)
        await pilot.press("escape", "ctrl+z")
        await pilot.pause()
        assert "Fortrudt: Hastesag: Lån [/] til [b]klubben" in screen_text(app).splitlines()[-1]  # the key line
        assert [item.number for item in stored(path, meeting_id)[0].items] == ["1", "2", "3", "4", "5"]


async def test_the_item_pane_unfolds_and_scrolls_from_the_keyboard(meeting):
    path, meeting_id = meeting
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await on_agenda(app, pilot)
        await pilot.press("down", "down")
        await pilot.pause()
        text = screen_text(app)
        assert "▸ Økonomiske konsekvenser" in text and "KL har endnu ikke fastlagt prisen" not in text
        await pilot.press("a", "ctrl+down", "ctrl+down", "ctrl+down")
        await pilot.pause()
        text = screen_text(app)
        assert "▾ Økonomiske konsekvenser" in text and "KL har endnu ikke fastlagt prisen" in text
        assert "Punkt 3. JobCAMP 2017" not in text  # scrolled past the top
        await pilot.press("ctrl+up", "ctrl+up", "ctrl+up", "ctrl+up")
        await pilot.pause()
        assert "Punkt 3. JobCAMP 2017" in screen_text(app)


async def test_the_titles_fit_the_list_and_refit_after_a_resize(meeting):
    path, meeting_id = meeting
    title = items(path, meeting_id)["4"].title
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        row = next(line for line in screen_text(app).splitlines() if " 4. " in line)
        assert title[:20] in row and title not in row and "…" in row
        await pilot.resize_terminal(140, 30)
        await pilot.pause()
        row = next(line for line in screen_text(app).splitlines() if " 4. " in line)
        assert title in row


async def test_the_item_pane_shows_each_state_an_item_returns_to(meeting):
    """The pane keeps the lines of items it showed lately: undo, redo and the arrows return to one as it is."""
    path, meeting_id = meeting
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(120, 40)) as pilot:
        await on_agenda(app, pilot)
        await pilot.press("1", "up")
        await pilot.pause()
        assert "Punkt 1." in pane_text(app) and "Godkendt" in pane_text(app)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert "Punkt 1." in pane_text(app) and "Ingen beslutning endnu." in pane_text(app)
        await pilot.press("ctrl+y", "up")  # redo makes item 2 current again, the cursor with it
        await pilot.pause()
        assert "Punkt 1." in pane_text(app) and "Godkendt" in pane_text(app)
        assert "Ingen beslutning endnu." not in pane_text(app)
