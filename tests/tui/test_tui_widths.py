"""Every screen uses the width it has (issue 15, point 11): at 60×20 nothing the secretary needs is cut off,
and at 120 columns the agenda shows long titles and always the beslutning."""

from __future__ import annotations

import dataclasses

from tui_support import screen_text, small_meeting

from store.db import open_database
from store.meetings import save_meeting
from store.model import OPENED, Decision
from tui.app import ReferatApp

LONG_TITLE = "Orientering om RAR-Hovedstadens tilbagemelding på kommunernes beskæftigelsesplaner for 2017"


async def test_fremmoede_at_60x20_shows_every_member_with_status_and_note(meeting):
    path, meeting_id = meeting
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("end", "s")
        await pilot.pause()
        await pilot.press("enter")  # Birgitte Glifberg (A) for Ømer Kuscu
        await pilot.pause()
        await pilot.press("home", "f")  # Benthe Viola Holm fraværende
        await pilot.pause()
        text = screen_text(app)
        for words in (
            "Benthe Viola Holm (A)",
            "fraværende",
            "formand",
            "Ømer Kuscu (A)",
            "afbud",
            "stedfortræder Birgitte Glifberg",
            "for Ømer Kuscu (A)",
            "Umarkerede medlemmer",
            "regnes som til stede",
            "F1 Hjælp",
        ):
            assert words in text, words


async def test_agenda_at_120_columns_shows_long_titles_and_the_beslutning(tmp_path):
    meeting = small_meeting()
    meeting.status, meeting.start = OPENED, "15:00"
    meeting.items[2] = dataclasses.replace(
        meeting.items[2], title=LONG_TITLE, decision=Decision(outcome="Taget til efterretning")
    )
    meeting.items[3] = dataclasses.replace(meeting.items[3], title=LONG_TITLE + " (fortsat)")
    path = tmp_path / "referat.db"
    db = open_database(path)
    meeting_id = save_meeting(db, meeting)
    db.close()
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        lines = screen_text(app).splitlines()
        decided = next(line for line in lines if "3. Orientering" in line)
        assert "Orientering om RAR-Hovedstadens" in decided and "— Taget til efterretning" in decided
        undecided = next(line for line in lines if "4. Orientering" in line)
        assert LONG_TITLE[:60] in undecided
