"""Søg i arkivet (ctrl+f): hits as you type, a hit opens read-only, Escape returns to the recording meeting."""

from __future__ import annotations

import sqlite3
import threading

import pytest
from textual.widgets import Input
from tui_support import make_database, run_from_palette, screen_text

from store.db import open_database
from store.importing import parse_file
from store.meeting_day import Archive
from store.meetings import load_meeting, save_meeting
from store.search import search
from tui.app import ReferatApp
from tui.modals.archive import ArchiveScreen
from tui.modals.search import SearchScreen
from tui.screens.base import MeetingScreen

HVIDOVRE = "hvidovre-arbejdsmarkedsudvalget-2017-05-29.txt"
TYPING_PAUSE = 0.5  # longer than the search's debounce


@pytest.fixture
def archive(tmp_path, shared_referater):
    """The small meeting being recorded, and the real Hvidovre referat in the same database."""
    path = tmp_path / "referat.db"
    recording = make_database(path)
    db = open_database(path)
    try:
        archived = save_meeting(db, parse_file(shared_referater / HVIDOVRE))
    finally:
        db.close()
    return path, recording, archived


def dump(path) -> str:
    """Every row of every table: what 'the store is unchanged' means."""
    conn = sqlite3.connect(path)
    try:
        return "\n".join(conn.iterdump())
    finally:
        conn.close()


def item_id(path, meeting_id: int, number: str) -> int:
    db = open_database(path)
    try:
        return db.execute("SELECT id FROM items WHERE meeting_id = ? AND number = ?", [meeting_id, number]).fetchone()[
            0
        ]
    finally:
        db.close()


def outcome(path, meeting_id: int, number: str) -> str | None:
    db = open_database(path)
    try:
        item = next(item for item in load_meeting(db, meeting_id).items if item.number == number)
        return item.decision and item.decision.outcome
    finally:
        db.close()


async def searched(pilot) -> None:
    """Wait until typing has paused and the search (a worker) has shown its hits."""
    await pilot.pause(TYPING_PAUSE)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def type_query(pilot, text: str) -> None:
    await pilot.press("ctrl+f")
    await pilot.pause()
    await pilot.press(*text)
    await searched(pilot)


async def test_hits_appear_as_you_type_with_the_match_highlighted(archive):
    path, recording, archived = archive
    app = ReferatApp(path, recording)
    async with app.run_test(size=(100, 30)) as pilot:
        await type_query(pilot, "kontanthjælp")
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        expected = [(hit["meeting_id"], hit["number"]) for hit in search(open_database(path), "kontanthjælp")]
        assert [(hit["meeting_id"], hit["number"]) for hit in screen.hits] == expected
        assert expected == [(archived, "6")]
        text = screen_text(app)
        assert "29. maj 2017 · Arbejdsmarkedsudvalget (Hvidovre Kommune) · punkt 6: Orientering om omfanget" in text
        assert "1 punkt · ↑/↓ vælg, Enter åbner" in text
        snippet = screen.query_one("#search-hits").get_option_at_index(0).prompt
        highlighted = {
            snippet.plain[span.start : span.end].lower() for span in snippet.spans if "reverse" in str(span.style)
        }
        assert any(word.startswith("kontanthjælp") for word in highlighted)


async def test_markup_characters_in_titles_are_shown_as_text(archive):
    path, recording, _ = archive
    app = ReferatApp(path, recording)
    async with app.run_test(size=(140, 30)) as pilot:
        await type_query(pilot, "flere skal")
        assert "Beslutning om projektet [Flere skal med]" in [hit["title"] for hit in app.screen.hits]
        assert "punkt 4: Beslutning om projektet [Flere skal med]" in screen_text(app)


async def test_no_hits_and_no_words_are_said_in_danish(archive):
    path, recording, _ = archive
    app = ReferatApp(path, recording)
    async with app.run_test(size=(100, 30)) as pilot:
        await type_query(pilot, "xyzzyqq")
        assert app.screen.hits == []
        assert "Ingen punkter matcher søgningen." in screen_text(app)
        await pilot.press(*["backspace"] * len("xyzzyqq"), "-")
        await searched(pilot)
        assert "hvert ord matcher også begyndelsen" in screen_text(app)


async def test_enter_opens_the_hit_read_only_at_its_item_and_nothing_can_be_written(archive):
    path, recording, archived = archive
    app = ReferatApp(path, recording)
    async with app.run_test(size=(100, 30)) as pilot:
        before = dump(path)  # after the app has claimed the recording of its own meeting
        await type_query(pilot, "kontanthjælp")
        await pilot.press("enter")
        await pilot.pause()
        viewer = app.screen
        assert isinstance(viewer, ArchiveScreen)
        assert viewer.meeting_id == archived
        assert viewer.shown_item() == item_id(path, archived, "6")
        text = screen_text(app)
        assert "Skrivebeskyttet: Arbejdsmarkedsudvalget (Hvidovre Kommune) 29. maj 2017" in text
        assert "Punkt 6. Orientering om omfanget af borgere" in text
        # Every write key of the recording screens, the app's and the palette's: none reaches the store.
        await pilot.press(
            "1",
            "2",
            "e",
            "p",
            "v",
            "b",
            "d",
            "space",
            "u",
            "n",
            "l",
            "shift+up",
            "o",
            "h",
            "ctrl+z",
            "enter",
            "f2",
            "t",
            "f3",
            "down",
            "1",
        )
        await pilot.pause()
        assert isinstance(app.screen, ArchiveScreen)
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            viewer.archive.db.execute("UPDATE items SET title = 'x' WHERE id = ?", [viewer.start_item])
        assert dump(path) == before


async def test_arrow_keys_choose_the_hit_that_enter_opens(archive):
    path, recording, archived = archive
    app = ReferatApp(path, recording)
    async with app.run_test(size=(100, 30)) as pilot:
        await type_query(pilot, "jobcamp 2017")
        hits = [(hit["meeting_id"], hit["item_id"]) for hit in app.screen.hits]
        assert {meeting for meeting, _ in hits} == {recording, archived}
        await pilot.press("down", "down", "up", "down")  # two hits: 1, 1 (the last), 0, 1
        await pilot.press("enter")
        await pilot.pause()
        assert (app.screen.meeting_id, app.screen.shown_item()) == hits[1]


async def test_escape_returns_to_the_recording_meeting_where_it_was(archive):
    path, recording, archived = archive
    archived_before = load_meeting(open_database(path), archived)
    app = ReferatApp(path, recording)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f3", "down", "down")
        await pilot.pause()
        agenda_screen = app.screen
        assert agenda_screen.highlighted() == item_id(path, recording, "3")
        await type_query(pilot, "kontanthjælp")
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ArchiveScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is agenda_screen and isinstance(app.screen, MeetingScreen)
        assert app.current_mode == "dagsorden" and app.day.meeting_id == recording
        assert agenda_screen.highlighted() == item_id(path, recording, "3")
        await pilot.press("1")
        await pilot.pause()
        assert outcome(path, recording, "3") == "Godkendt"
        assert load_meeting(open_database(path), archived) == archived_before


async def test_ctrl_f_in_the_viewer_goes_back_to_the_hits(archive):
    path, recording, _ = archive
    app = ReferatApp(path, recording)
    async with app.run_test(size=(100, 30)) as pilot:
        await type_query(pilot, "kontanthjælp")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        assert app.screen.query_one("#search-input").value == "kontanthjælp"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)


async def test_the_palette_opens_the_search(archive):
    path, recording, _ = archive
    app = ReferatApp(path, recording)
    async with app.run_test(size=(100, 30)) as pilot:
        await run_from_palette(pilot, "Søg i arkivet")
        assert isinstance(app.screen, SearchScreen)


async def test_typing_goes_on_while_a_slow_search_runs(archive, monkeypatch):
    """The search runs off the event loop: keys typed while a query is still running are shown at once, and the
    hits shown are those of the input as it ends up."""
    path, recording, _ = archive
    release, started, finished = threading.Event(), threading.Event(), []
    real = Archive.search

    def slow(self, query, limit, marks):
        if not started.is_set():
            started.set()
            release.wait(5)
            finished.append(query)
        return real(self, query, limit, marks)

    monkeypatch.setattr(Archive, "search", slow)
    app = ReferatApp(path, recording)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+f")
        await pilot.pause()
        await pilot.press("k")
        await pilot.pause(TYPING_PAUSE)
        assert started.is_set()
        await pilot.press(*"ontanthjælp")
        await pilot.pause()
        assert app.screen.query_one(Input).value == "kontanthjælp" and finished == []  # typed while it ran
        release.set()
        await searched(pilot)
        assert app.screen.hits and "kontanthjælp" in screen_text(app).lower()
