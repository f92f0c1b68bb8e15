"""App-wide behaviour: undo, Åbn/Hæv mødet, help, command palette and export, errors, theme, mouse, Referat."""

from __future__ import annotations

import gc
import stat

import pytest
from tui_support import notifications, outcomes, screen_text

from store.attendance import attendance_list
from store.audit import audit_trail
from store.config import config_path, load
from store.db import open_database
from store.meetings import get_meeting
from tui.app import ReferatApp
from tui.modals.help import HelpScreen
from tui.startup import pause_collection
from tui.widgets.key_bar import KeyBar


def write_settings(text: str) -> None:
    config_path().parent.mkdir(parents=True, exist_ok=True)
    config_path().write_text(text, encoding="utf-8")


def meeting_row(path, meeting_id) -> dict:
    db = open_database(path)
    try:
        return get_meeting(db, meeting_id)
    finally:
        db.close()


async def test_undo_goes_back_any_number_of_steps_and_is_logged(meeting):
    path, meeting_id = meeting
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3", "1", "2", "3")
        await pilot.pause()
        assert outcomes(path, meeting_id)[:3] == ["Godkendt", "Taget til efterretning", "Tiltrådt"]
        await pilot.press("ctrl+z", "ctrl+z")
        await pilot.pause()
        assert outcomes(path, meeting_id)[:3] == ["Godkendt", None, None]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert outcomes(path, meeting_id)[:3] == [None, None, None]
        assert meeting_row(path, meeting_id)["status"] == "planlagt"  # the first beslutning had opened it
        assert "▶" not in screen_text(app).split("\n")[3]
        labels = [row["action"] for row in audit_trail(open_database(path), meeting_id)]
        assert labels.count("Fortryd: Beslutning punkt 1: Godkendt") >= 1
        assert any(label.startswith("Fortryd: Beslutning punkt 3") for label in labels)


async def test_open_and_close_the_meeting_with_a_confirmation(meeting):
    path, meeting_id = meeting
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("o")
        await pilot.pause()
        row = meeting_row(path, meeting_id)
        assert row["status"] == "åbnet" and row["started_at"] and row["current_item_id"]
        assert "åbnet kl." in screen_text(app)
        await pilot.press("h")
        await pilot.pause()
        assert "Hæv mødet nu?" in screen_text(app)
        await pilot.press("n")
        await pilot.pause()
        assert meeting_row(path, meeting_id)["status"] == "åbnet"
        await pilot.press("h", "j")
        await pilot.pause()
        row = meeting_row(path, meeting_id)
        assert row["status"] == "hævet" and row["ended_at"]


async def test_help_lists_every_key_of_the_screen(meeting):
    path, meeting_id = meeting
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        for words in ("Stedfortræder", "kommer senere", "Fortryd", "Åbn mødet", "Dagsorden", "1–9, 0", "Nr. 11"):
            assert words in text
        await pilot.press("escape", "f3", "question_mark")
        await pilot.pause()
        text = screen_text(app)
        for words in ("Afstemning", "Deltog ikke", "Blok", "Hastesag", "Flyt op", "1–9", "Åbent/lukket"):
            assert words in text
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)


async def test_a_question_mark_in_a_text_field_is_text(meeting):
    path, meeting_id = meeting
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3", "e", "question_mark")
        await pilot.pause()
        assert app.screen.query_one("#decision-text").text == "?"


async def export_from_palette(app, pilot) -> None:
    await pilot.press("f3", "1", "ctrl+p")
    await pilot.pause()
    await pilot.press(*"Eksport")
    await pilot.pause(0.3)
    await pilot.press("enter")
    await pilot.pause(0.3)


async def test_the_palette_exports_the_full_referat_into_the_documents_folder(meeting, private_home):
    path, meeting_id = meeting
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(100, 30)) as pilot:
        await export_from_palette(app, pilot)
        exported = private_home / "Dokumenter" / "2017-05-29-arbejdsmarkedsudvalget-fuld.md"
        text = exported.read_text(encoding="utf-8")
        assert "# Referat: Arbejdsmarkedsudvalget" in text and "**Godkendt.**" in text
        assert "Personalesag" in text  # the full version keeps the lukket item
        assert stat.S_IMODE(exported.stat().st_mode) == 0o600
        assert str(exported) in notifications(app)
        assert not list(path.parent.glob("*.md"))  # not in the hidden data folder beside the database


async def test_the_palette_exports_the_edition_and_folder_of_the_settings(meeting, tmp_path):
    path, meeting_id = meeting
    write_settings(f'export_folder = "{tmp_path / "udvalg"}"\nexport_edition = "offentlig"\n')
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(100, 30)) as pilot:
        await export_from_palette(app, pilot)
        exported = tmp_path / "udvalg" / "2017-05-29-arbejdsmarkedsudvalget.md"
        text = exported.read_text(encoding="utf-8")
        assert "Lukket: Personalesag" in text and "Fortroligt indhold" not in text  # the public edition


@pytest.mark.parametrize(
    ("command", "extension", "magic"),
    [("Eksportér referat som PDF", "pdf", b"%PDF-"), ("Eksportér referat som Word", "docx", b"PK")],
)
async def test_the_palette_exports_word_and_pdf_into_the_documents_folder(
    meeting, private_home, command, extension, magic
):
    path, meeting_id = meeting
    documents = private_home / "Dokumenter"
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f3", "1", "ctrl+p")
        await pilot.pause()
        await pilot.press(*command)
        await pilot.pause(0.3)
        await pilot.press("enter")
        for _ in range(50):
            await pilot.pause(0.2)
            if str(documents) in notifications(app):
                break
        exported = documents / f"2017-05-29-arbejdsmarkedsudvalget-fuld.{extension}"
        assert exported.read_bytes().startswith(magic)
        assert stat.S_IMODE(exported.stat().st_mode) == 0o600
        assert str(exported) in notifications(app)


async def test_every_outcome_is_in_the_palette(meeting):
    path, meeting_id = meeting
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f3", "ctrl+p")
        await pilot.pause()
        await pilot.press(*"Beslutning: Drøftet")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert outcomes(path, meeting_id)[0] == "Drøftet"


async def test_a_store_error_is_shown_and_the_app_stays_alive(meeting):
    path, meeting_id = meeting
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        locker = open_database(path)
        locker.execute(
            "UPDATE meetings SET status = 'godkendt' WHERE id = ?", [meeting_id]
        )  # approved elsewhere: the referat is locked
        locker.close()
        await pilot.press("1")
        await pilot.pause()
        assert "Referatet er godkendt og låst" in notifications(app)
        assert outcomes(path, meeting_id)[0] is None
        await pilot.press("down")
        await pilot.pause()
        assert app.is_running


async def test_read_only_mode_changes_nothing(meeting):
    path, meeting_id = meeting
    app = ReferatApp(path, meeting_id, read_only=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a", "1", "f3", "1", "space", "ctrl+z", "o")
        await pilot.pause()
        assert outcomes(path, meeting_id) == [None] * 5
        assert "Skrivebeskyttet: beslutninger kan ikke registreres" in screen_text(app)
        assert all(row["status"] is None for row in attendance_list(open_database(path), meeting_id))
        assert meeting_row(path, meeting_id)["status"] == "planlagt"


async def test_the_theme_is_remembered_in_the_settings_file_with_its_comments(meeting):
    path, meeting_id = meeting
    write_settings('# mine indstillinger\nkeep_backups = 3  # tre er nok\n\n[keys]\nagenda = "alt+d"\n')
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(80, 24)) as pilot:
        app.theme = "nord"
        await pilot.pause()
    text = config_path().read_text(encoding="utf-8")
    assert 'theme = "nord"' in text and "# tre er nok" in text and "# mine indstillinger" in text
    assert load().keys == {"agenda": "alt+d"}  # still in its table
    before = config_path().stat().st_mtime_ns
    again = ReferatApp(path, meeting_id)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert again.theme == "nord"
    assert config_path().stat().st_mtime_ns == before  # starting does not write the theme again
    db = open_database(path)
    assert db.execute("SELECT count(*) FROM settings WHERE key = 'tui.theme'").fetchone()[0] == 0  # no theme there


async def test_the_mouse_switches_screens_and_picks_items(meeting):
    path, meeting_id = meeting
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.click("MeetingBar", offset=(2, 0))  # " F2  Fremmøde "
        await pilot.pause()
        assert app.current_mode == "fremmode"
        await pilot.click("MeetingBar", offset=(20, 0))  # " F3  Dagsorden "
        await pilot.pause()
        assert app.current_mode == "dagsorden"
        await pilot.click("MeetingBar", offset=(20, 1))  # the meeting line below the tabs: nothing happens
        await pilot.pause()
        assert app.current_mode == "dagsorden"
        await pilot.click("#agenda-list", offset=(10, 2))  # the third row
        await pilot.pause()
        assert "Punkt 3. JobCAMP 2017" in screen_text(app)
        assert meeting_row(path, meeting_id)["current_item_id"] is None  # a first click only highlights
        await pilot.click("#agenda-list", offset=(10, 2))  # a click on the highlighted item makes it current
        await pilot.pause()
        assert meeting_row(path, meeting_id)["current_item_id"] == app.screen.highlighted()
        assert "Aktuelt punkt" in screen_text(app)


async def test_the_key_line_follows_the_meeting_and_a_click_presses_a_key(meeting):
    path, meeting_id = meeting
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(120, 24)) as pilot:
        await pilot.pause()
        line = screen_text(app).splitlines()[-1]
        assert "a Afbud" in line and "o Åbn mødet" in line and "Hæv mødet" not in line
        assert line.rstrip().endswith("▏F1 Hjælp  ^p Kommandoer")  # kept in view at the right
        bar = app.screen.query_one(KeyBar)
        start = next(first for first, _, key in bar.spans if key == "o")
        await pilot.click(KeyBar, offset=(start + 1, 0))
        await pilot.pause()
        assert meeting_row(path, meeting_id)["status"] == "åbnet"
        line = screen_text(app).splitlines()[-1]
        assert "h Hæv mødet" in line and "Åbn mødet" not in line


@pytest.fixture
def paused_collection():
    """Cycle collection paused as `referat run` pauses it for the startup (cli.py); all of it restored after."""
    thresholds = gc.get_threshold()
    pause_collection()
    yield
    gc.set_threshold(*thresholds)
    gc.unfreeze()
    gc.enable()


async def test_collection_paused_for_the_startup_resumes_after_the_first_frame(meeting, paused_collection):
    path, meeting_id = meeting
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Ømer Kuscu" in screen_text(app)
        assert gc.isenabled() and gc.get_freeze_count() > 0


async def test_each_main_screen_is_left_out_of_later_collections_after_its_first_frame(meeting, paused_collection):
    """What a main screen builds lives as long as the app: a full collection walking it would pause a key."""
    path, meeting_id = meeting
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        before = gc.get_freeze_count()
        await pilot.press("f3")  # Dagsorden is built now, after the app's first frame
        await pilot.pause()
        agenda_list = app.screen.query_one("#agenda-list")
        assert gc.get_freeze_count() > before
        assert not any(tracked is agenda_list for tracked in gc.get_objects())  # frozen: no generation holds it


async def test_after_a_dialog_closes_a_full_collection_runs_once_the_screen_below_is_drawn(meeting, paused_collection):
    """Not at a later key: a full collection that found the dialog's widgets there paused the key
    (bench/key_to_screen.py)."""
    path, meeting_id = meeting
    full: list[str] = []

    def note(phase: str, info: dict) -> None:
        if phase == "stop" and info["generation"] == 2:
            full.append(type(app.screen).__name__)

    gc.set_threshold(10**9)  # no collection on its own during the test: only the app's
    gc.callbacks.append(note)
    try:
        app = ReferatApp(path, meeting_id)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("f3", "e")
            await pilot.pause()
            assert type(app.screen).__name__ == "DecisionTextDialog" and not full
            await pilot.press("escape")
            await pilot.pause()
            assert full == ["AgendaScreen"]
    finally:
        gc.callbacks.remove(note)


async def test_the_referat_screen_shows_the_live_referat(meeting):
    path, meeting_id = meeting
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("f3", "1", "f4")
        await app.workers.wait_for_complete()  # the referat is drawn in a worker
        await pilot.pause()
        assert app.current_mode == "referat"
        assert "Referat: Arbejdsmarkedsudvalget" in screen_text(app)
        assert "**Godkendt.**" in app.screen.query_one("#referat").source
        await pilot.press("f3", "2", "f4")
        await app.workers.wait_for_complete()
        await pilot.pause()
        source = app.screen.query_one("#referat").source
        assert "**Taget til efterretning.**" in source
        assert "Lukket punkt" in source


async def test_the_palette_runs_key_actions_too(meeting):
    path, meeting_id = meeting
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Åbn mødet")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert meeting_row(path, meeting_id)["status"] == "åbnet"
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Hæv mødet")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.3)
        await pilot.press("j")
        await pilot.pause()
        assert meeting_row(path, meeting_id)["status"] == "hævet"


async def test_ctrl_c_says_in_danish_how_to_quit_and_changes_nothing(meeting):
    path, meeting_id = meeting
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3", "ctrl+c")
        await pilot.pause()
        assert notifications(app) == "Tryk ctrl+q for at afslutte."
        assert app.is_running and outcomes(path, meeting_id) == [None] * 5
