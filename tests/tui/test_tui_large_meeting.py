"""A 2,000-item meeting on meeting day: a decision, its undo and the live referat complete (a hang is caught)."""

from __future__ import annotations

import dataclasses

import pytest
from tui_support import ROSTER, outcomes, small_meeting

from store.committees import import_roster
from store.db import open_database
from store.meetings import save_meeting
from store.model import Item, Section
from tui.app import ReferatApp
from tui.screens.referat import ReferatView
from tui.widgets.agenda_list import AgendaList

ITEMS = 2_000


@pytest.fixture
def large_meeting(tmp_path):
    """The small meeting's committee with 2,000 items, each with a short sagsfremstilling."""
    items = [Item(str(number), f"Sag nummer {number} om budgettet",
                  sections=[Section("Sagsfremstilling", f"Forvaltningen redegør for sag {number}.")])
             for number in range(1, ITEMS + 1)]
    path = tmp_path / "referat.db"
    db = open_database(path)
    import_roster(db, ROSTER)
    meeting_id = save_meeting(db, dataclasses.replace(small_meeting(), items=items))
    db.close()
    return path, meeting_id


async def test_a_2000_item_meeting_records_undoes_and_shows_the_referat(large_meeting):
    path, meeting_id = large_meeting
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        agenda_list = app.screen.query_one(AgendaList)
        assert agenda_list.option_count == ITEMS
        await pilot.press("end", "1")
        await pilot.pause()
        assert outcomes(path, meeting_id)[-1] == "Godkendt"
        assert str(agenda_list.get_option_at_index(ITEMS - 1).prompt).startswith(" ✓")  # the row redrawn
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert outcomes(path, meeting_id)[-1] is None
        assert str(agenda_list.get_option_at_index(ITEMS - 1).prompt).startswith(" ·")
        await pilot.press("f4")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.current_mode == "referat"
        assert f"Sag nummer {ITEMS} om budgettet" in app.screen.query_one(ReferatView).source
        await pilot.press("f3")
        await pilot.pause()
        assert app.current_mode == "dagsorden"
        assert app.screen.query_one(AgendaList).option_count == ITEMS
