"""Forberedelse (F5): writing the dagsorden in the TUI — the list, the item editor, renumbering and the
meeting's details — checked against what the store holds, the audit log and ctrl+z."""

from __future__ import annotations

from textual.widgets import Input, TextArea
from tui_support import notifications, screen_text

from store.agenda import close_meeting, open_meeting, set_current_item
from store.audit import log_sentences
from store.committees import add_committee
from store.db import open_database
from store.decisions import record_outcome
from store.export_markdown import render_markdown
from store.meetings import get_meeting, load_meeting
from store.members import add_member
from tui.app import ReferatApp
from tui.modals.confirm import ConfirmDialog
from tui.modals.item_editor import ItemEditor
from tui.modals.meeting_details import MeetingDetailsDialog
from tui.screens.prepare import PrepareScreen


def stored(path, meeting_id):
    db = open_database(path, readonly=True)
    try:
        return load_meeting(db, meeting_id)
    finally:
        db.close()


def meeting_row(path, meeting_id):
    db = open_database(path, readonly=True)
    try:
        return get_meeting(db, meeting_id)
    finally:
        db.close()


def log(path, meeting_id) -> str:
    db = open_database(path, readonly=True)
    try:
        return "\n".join(log_sentences(db, meeting_id))
    finally:
        db.close()


def with_store(path, write) -> None:
    db = open_database(path)
    try:
        write(db)
    finally:
        db.close()


def numbers(path, meeting_id) -> list[str]:
    return [item.number for item in stored(path, meeting_id).items]


async def on_prepare(app, pilot) -> None:
    await pilot.press("f5")
    await pilot.pause()
    assert isinstance(app.screen, PrepareScreen)


async def test_f5_lists_the_agenda_and_n_writes_an_item_with_points_sections_and_bilag(meeting):
    path, meeting_id = meeting
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await on_prepare(app, pilot)
        text = screen_text(app)
        assert "F5  Forberedelse" in text and "JobCAMP 2017" in text and "15/11238" in text
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ItemEditor)
        assert app.focused.id == "title"
        await pilot.press(*"Budget 2028", "tab", "tab", "tab", "space", "tab")  # past number and sagsnr.: lukket, kind
        await pilot.press("enter", "down", "enter")  # the kind's list: beslutning
        await pilot.press("tab", "enter")  # + Indstillingspunkt
        await pilot.pause()
        await pilot.press(*"at godkende budgettet.", "enter", *"at sende det i høring.")
        await pilot.press("tab", "tab", "enter")  # past + Indstillingspunkt to + Afsnit
        await pilot.pause()
        await pilot.press("down", "tab")  # the first heading the importer knows; then its text
        await pilot.press(*"Budgettet er i balance.", "enter", *"Anden linje.")
        await pilot.press("tab", "tab", "enter")  # from the text past + Afsnit to + Bilag
        await pilot.pause()
        await pilot.press(*"Budgetnotat", "tab", *"https://example.dk/budget.pdf")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PrepareScreen)
        item = stored(path, meeting_id).items[-1]
        assert (item.number, item.title, item.public, item.kind) == ("6", "Budget 2028", False, "beslutning")
        assert item.recommendation == ["at godkende budgettet.", "at sende det i høring."]
        assert [(s.heading, s.text) for s in item.sections] == [("Resume", "Budgettet er i balance.\nAnden linje.")]
        assert [(b.title, b.reference) for b in item.attachments] == [("Budgetnotat", "https://example.dk/budget.pdf")]
        assert "Nyt punkt: Budget 2028" in log(path, meeting_id)
        assert app.screen.selected()["title"] == "Budget 2028"  # the cursor is on the new item


async def test_i_inserts_in_front_of_the_cursor_and_a_deletion_is_confirmed_logged_and_undone(meeting):
    path, meeting_id = meeting
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await on_prepare(app, pilot)
        await pilot.press("down", "i")
        await pilot.pause()
        await pilot.press(*"Indskudt", "ctrl+s")
        await pilot.pause()
        titles = [item.title for item in stored(path, meeting_id).items]
        assert titles[:3] == ["Godkendelse af dagsorden", "Indskudt", "Meddelelser"]
        assert numbers(path, meeting_id)[:3] == ["1", "1a", "2"]  # numbers stay as printed until renumbered
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")  # nej: nothing happens
        await pilot.pause()
        assert len(stored(path, meeting_id).items) == 6
        await pilot.press("x", "j")
        await pilot.pause()
        assert "Indskudt" not in [item.title for item in stored(path, meeting_id).items]
        assert "Slet punkt 1a" in log(path, meeting_id)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert [item.title for item in stored(path, meeting_id).items][1] == "Indskudt"
        assert "Indskudt" in screen_text(app)


async def test_an_item_with_a_beslutning_is_not_deleted(meeting):
    path, meeting_id = meeting

    def decide(db) -> None:
        item_id = db.execute("SELECT id FROM items WHERE meeting_id = ? AND number = '2'", [meeting_id]).fetchone()[0]
        record_outcome(db, item_id, "Taget til efterretning")

    with_store(path, decide)
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await on_prepare(app, pilot)
        assert "✓" in screen_text(app)
        await pilot.press("down", "x")
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmDialog)
        assert "Punkt 2 har en beslutning og kan ikke slettes." in notifications(app)
        assert len(stored(path, meeting_id).items) == 5


async def test_items_move_with_shift_arrows_and_renumber_from_a_start_number(meeting):
    path, meeting_id = meeting
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await on_prepare(app, pilot)
        await pilot.press("shift+down", "shift+down")
        await pilot.pause()
        assert numbers(path, meeting_id) == ["2", "3", "1", "4", "5"]
        await pilot.press("r")
        await pilot.pause()
        await pilot.press("escape")  # Behold numrene
        await pilot.pause()
        assert numbers(path, meeting_id) == ["2", "3", "1", "4", "5"]
        await pilot.press("r", "backspace", *"29")
        await pilot.pause()
        assert "Bliver 29–33." in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PrepareScreen)
        assert numbers(path, meeting_id) == ["29", "30", "31", "32", "33"]
        assert [item.title for item in stored(path, meeting_id).items][2] == "Godkendelse af dagsorden"
        assert "Omnummerér dagsordenen fra 29" in log(path, meeting_id)


async def test_a_refused_save_keeps_the_editor_open_with_the_stores_sentence(meeting):
    path, meeting_id = meeting
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await on_prepare(app, pilot)
        await pilot.press("down", "enter")  # Ret punkt 2
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, ItemEditor) and app.focused.id == "title"
        await pilot.press("tab", "backspace", "1", "ctrl+s")
        await pilot.pause()
        assert app.screen is editor
        problem = editor.query_one(".dialog-problem")
        assert problem.display and str(problem.render()).startswith(
            "Punkt 1 findes allerede på dagsordenen. Punktet er ikke gemt; det indtastede står her stadig."
        )
        assert "Punkt 1 findes allerede" in screen_text(app)
        assert numbers(path, meeting_id) == ["1", "2", "3", "4", "5"]
        await pilot.press("backspace", *"2a", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PrepareScreen)
        assert numbers(path, meeting_id) == ["1", "2a", "3", "4", "5"]
        assert "Rettet: nummer." in notifications(app)
        assert "Ret punkt 2" in log(path, meeting_id)
        await pilot.press("ctrl+z")  # the edit is one action: undone at once
        await pilot.pause()
        assert numbers(path, meeting_id) == ["1", "2", "3", "4", "5"]


async def test_escape_with_unsaved_changes_asks_before_it_discards_them(meeting):
    path, meeting_id = meeting
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await on_prepare(app, pilot)
        await pilot.press("enter", "escape")  # nothing changed: closes at once
        await pilot.pause()
        assert isinstance(app.screen, PrepareScreen)
        await pilot.press("enter", "end", *" (ændret)", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ItemEditor)
        assert app.screen.query_one("#title", Input).value == "Godkendelse af dagsorden (ændret)"
        await pilot.press("escape", "j")
        await pilot.pause()
        assert isinstance(app.screen, PrepareScreen)
        assert stored(path, meeting_id).items[0].title == "Godkendelse af dagsorden"


async def test_tab_reaches_every_field_of_the_editor_in_the_order_shown(meeting):
    path, meeting_id = meeting
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(100, 40)) as pilot:
        await on_prepare(app, pilot)
        await pilot.press("down", "down", "down", "enter")  # punkt 4: two points, one section
        await pilot.pause()
        editor = app.screen
        fields = [w for w in editor.query("Input, TextArea, Checkbox, Select, Button") if w.focusable]
        reached = [app.focused]
        for _ in range(len(fields) - 1):
            await pilot.press("tab")
            reached.append(app.focused)
        assert reached == fields  # every field, once, in the order the dialog shows them
        shown = [(w.region.y, w.region.x) for w in fields]
        assert shown == sorted(shown)
        assert [w.id or sorted(w.classes)[0] for w in reached][:6] == [
            "title",
            "number",
            "case-number",
            "lukket",
            "kind",
            "-textual-compact",
        ]
        assert isinstance(reached[fields.index(editor.query_one(TextArea))], TextArea)


async def test_points_are_reordered_and_removed_in_the_editor(meeting):
    path, meeting_id = meeting
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await on_prepare(app, pilot)
        await pilot.press("down", "down", "down", "enter")
        await pilot.pause()
        app.screen.query(".point").first().focus()
        await pilot.press("ctrl+down")  # the first point after the second
        await pilot.pause()
        await pilot.press("ctrl+n", *"at orientere pressen.")
        await pilot.pause()
        assert [row.value() for row in app.screen.query("PointRow")] == [
            "at give en bevilling på 2,5 mio. kr.",
            "at godkende ansøgningen.",
            "at orientere pressen.",
        ]
        assert "3." in screen_text(app)
        app.screen.query(".point").first().focus()
        await pilot.press("ctrl+r", "ctrl+s")
        await pilot.pause()
        assert stored(path, meeting_id).items[3].recommendation == ["at godkende ansøgningen.", "at orientere pressen."]


async def test_the_meetings_details_are_corrected_also_after_the_meeting_is_haevet(meeting):
    path, meeting_id = meeting
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await on_prepare(app, pilot)
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, MeetingDetailsDialog)
        assert "Arbejdsmarkedsudvalget (Hvidovre Kommune)" in screen_text(app)
        date = app.screen.query_one("#meeting-date", Input)
        date.value = "30-02-2027"
        await pilot.press("tab", "home", "ctrl+k", *"16.30", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MeetingDetailsDialog)
        assert str(app.screen.query_one(".dialog-problem").render()).startswith("'30-02-2027' er ikke en dato.")
        date.value = "31-05-2017"
        await pilot.press("tab", "end", *" (2. sal)", "tab", *"Protokollen oplæst.", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PrepareScreen)
    row = meeting_row(path, meeting_id)
    assert (row["date"], row["planned_start"], row["location"], row["closing"]) == (
        "2017-05-31",
        "16:30",
        "Belægningen (2. sal)",
        "Protokollen oplæst.",
    )

    def held(db):
        open_meeting(db, meeting_id)
        close_meeting(db, meeting_id)

    with_store(path, held)
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await on_prepare(app, pilot)
        await pilot.press("m")
        await pilot.pause()
        app.screen.query_one("#meeting-start", Input).value = "16.30"
        app.screen.query_one("#meeting-end", Input).value = "18.05"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, PrepareScreen)
    row = meeting_row(path, meeting_id)
    assert (row["started_at"][11:16], row["ended_at"][11:16]) == ("16:30", "18:05")
    assert "Protokollen oplæst. Mødet afsluttet kl. 18.05" in render_markdown(stored(path, meeting_id))


async def test_a_read_only_window_offers_no_preparation_writes(meeting):
    path, meeting_id = meeting
    app = ReferatApp(path, meeting_id, read_only=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await on_prepare(app, pilot)
        await pilot.press("n", "x", "r", "m", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PrepareScreen)
        assert "Nyt punkt" not in screen_text(app).splitlines()[-1]


async def test_at_80_columns_the_time_on_the_current_item_keeps_its_place_before_the_f5_tab(meeting):
    path, meeting_id = meeting

    def under_way(db):
        open_meeting(db, meeting_id)
        set_current_item(db, meeting_id, db.execute("SELECT id FROM items WHERE number = '2'").fetchone()[0])

    with_store(path, under_way)
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        first = screen_text(app).splitlines()[0]
        assert "punkt 2: 0 min" in first and "kl. " in first and "F5" not in first
        await pilot.press("f5")
        await pilot.pause()
        first = screen_text(app).splitlines()[0]
        assert "F5  Forberedelse" in first and "kl. " in first
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(120, 30)) as pilot:
        first = screen_text(app).splitlines()[0]
        assert "F5  Forberedelse" in first and "punkt 2: 0 min" in first


async def test_a_planned_meeting_is_given_another_udvalg_of_the_kommune_in_its_details(meeting):
    path, meeting_id = meeting

    def other_committee(db):
        add_committee(db, "Beskæftigelsesudvalget", "Hvidovre Kommune")
        add_member(db, "Beskæftigelsesudvalget", "Dorte Ravn", party="C", role="formand")

    with_store(path, other_committee)
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await on_prepare(app, pilot)
        await pilot.press("m")
        await pilot.pause()
        assert app.focused.id == "meeting-committee"
        await pilot.press("enter", "up", "enter", "ctrl+s")  # the list is by name: Beskæftigelsesudvalget first
        await pilot.pause()
        assert isinstance(app.screen, PrepareScreen)
        assert "Beskæftigelsesudvalget · 29. maj 2017" in screen_text(app)
    row = meeting_row(path, meeting_id)
    assert row["committee"] == "Beskæftigelsesudvalget"
    assert [member.name for member in stored(path, meeting_id).members] == ["Dorte Ravn"]
