"""A 2,000-item meeting on meeting day: a decision, its undo and the live referat complete (a hang is caught);
5 MB fields are shown cut and kept whole."""

from __future__ import annotations

import dataclasses

import pytest
from tui_support import ROSTER, outcomes, screen_text, small_meeting

from store.committees import import_roster
from store.db import open_database
from store.meetings import save_meeting
from store.model import Item, Section
from tui.app import ReferatApp
from tui.screens.referat import ReferatView, continues, part_starts, referat_parts, render_part
from tui.widgets.agenda_list import AgendaList
from tui.widgets.item_view import CUT_NOTE, ItemView

ITEMS = 2_000


@pytest.fixture
def large_meeting(tmp_path):
    """The small meeting's committee with 2,000 items, each with a short sagsfremstilling."""
    items = [
        Item(
            str(number),
            f"Sag nummer {number} om budgettet",
            sections=[Section("Sagsfremstilling", f"Forvaltningen redegør for sag {number}.")],
        )
        for number in range(1, ITEMS + 1)
    ]
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


@pytest.fixture
def huge_fields(tmp_path):
    """The small meeting with a 5 MB title on its first item and a 5 MB section on its second."""
    meeting = small_meeting()
    huge = "Lang titel " * 500_000
    meeting.items[0] = dataclasses.replace(meeting.items[0], title=huge)
    meeting.items[1] = dataclasses.replace(meeting.items[1], sections=[Section("Sagsfremstilling", "Ord " * 1_250_000)])
    path = tmp_path / "referat.db"
    db = open_database(path)
    import_roster(db, ROSTER)
    meeting_id = save_meeting(db, meeting)
    db.close()
    return path, meeting_id, huge


async def test_a_5_mb_title_and_section_are_shown_cut_and_kept_whole(huge_fields):
    path, meeting_id, huge = huge_fields
    app = ReferatApp(path, meeting_id)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        first = app.screen.view.rows[0]["id"]
        app.screen.focus_item(first)
        await pilot.pause()
        assert "forkortet her" in screen_text(app)
        await pilot.press("down")
        await pilot.pause()
        assert CUT_NOTE.split()[-1] in app.screen.query_one(ItemView).lines[-1].text
        await pilot.press("1")
        await pilot.pause()
    assert outcomes(path, meeting_id)[1] == "Godkendt"  # on the item with the 5 MB section
    db = open_database(path)
    assert db.execute("SELECT title FROM items WHERE id = ?", [first]).fetchone()[0] == huge  # kept whole in the store


def test_the_referat_laid_out_in_parts_reads_as_laid_out_whole():
    """F4 lays out the referat part by part (each heading's part, a long list in pieces): put together, the lines
    are those of the whole text laid out at once."""
    text = (
        "# Referat: Udvalget\n\n**Mødedato:** Mandag den 29. maj 2017\n\n## Indholdsfortegnelse\n"
        + "\n".join(f"- Punkt {n}: Sag nummer {n}" for n in range(1, 251))
        + "\n\n# Punkt 1: Sag nummer 1\n\n## Sagsfremstilling\n\nForvaltningen redegør.\n\n## Beslutning\n\n**Godkendt.**"
    )
    parts = referat_parts([text])
    assert len(parts) >= 6 and any(continues(part) for part in parts)
    starts = part_starts(parts, {}, 60, [0] * len(parts))  # the gaps only: every height guessed as 0
    pieced: list[str] = []
    for index, part in enumerate(parts):
        pieced += [line.text.rstrip() for line in render_part(part, 60)]
        pieced += [""] * (starts[index + 1] - starts[index])
    assert pieced[:-1] == [line.text.rstrip() for line in render_part(text, 60)]
