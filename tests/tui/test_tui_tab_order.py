"""Every dialog opens with its first field focused, and Tab (⇧Tab backwards) visits every field in the order
the dialog shows them, top to bottom and left to right (issue 15, point 10).

Each modal of tui/modals/ is opened as the secretary opens it, by its key; a modal without a way to open it
here fails the test, so a new dialog is checked too.
"""

from __future__ import annotations

import pytest
from test_tui_modals import classes_in
from textual.screen import ModalScreen
from textual.widget import Widget
from tui_support import make_database

import tui.modals
from tui.app import ReferatApp

# How each modal is opened from the meeting just opened, on Dagsorden: the keys, then what to wait for.
OPENERS = {
    "ConfirmDialog": ["h"],
    "DecisionTextDialog": ["e"],
    "PointOutcomesDialog": ["down", "down", "down", "p"],  # item 4: two indstilling points
    "RemarkDialog": ["b"],
    "NotTakingPartDialog": ["d"],
    "VoteDialog": ["v"],
    "UrgentItemDialog": ["n"],
    "SubstituteDialog": ["f2", "s"],  # the committee has a stedfortræder: a list and two fields
    "HelpScreen": ["f1"],
    "SearchScreen": ["ctrl+f"],
    "ArchiveScreen": ["ctrl+f", *"jobcamp", "wait", "down", "enter"],
    "ItemEditor": ["f5", "down", "down", "down", "enter"],  # item 4: two indstilling points, a section
    "RenumberDialog": ["f5", "r"],
    "MeetingDetailsDialog": ["f5", "m"],  # the meeting is opened: its start and end are fields too
    "AttendeeDialog": ["f2", "n"],
    "RemoveFromListDialog": ["f2", "x"],
    "RosterDialog": ["f2", "u"],
    "MemberDialog": ["f2", "u", "n"],
}


def label(widget: Widget) -> str:
    return f"{type(widget).__name__}#{widget.id}"


def shown_order(screen) -> list[Widget]:
    """The dialog's focusable widgets in reading order: as shown, top to bottom, then left to right."""
    return sorted(screen.focus_chain, key=lambda widget: (widget.region.y, widget.region.x))


def test_every_modal_has_an_opener():
    modals = {cls.__name__ for cls in classes_in(tui.modals) if issubclass(cls, ModalScreen)} - {
        "Modal",
        "SavingDialog",
        "DraftDialog",
        "EditDialog",
    }
    assert modals == set(OPENERS)


@pytest.mark.parametrize("size", [(60, 20)], ids=["60x20"])
@pytest.mark.parametrize("name", sorted(OPENERS))
async def test_tab_follows_what_the_dialog_shows(tmp_path, name, size):
    path = tmp_path / "referat.db"
    app = ReferatApp(path, make_database(path))
    async with app.run_test(size=size) as pilot:
        await pilot.press("o", "f3")
        await pilot.pause()
        for key in OPENERS[name]:
            await (pilot.pause(0.4) if key == "wait" else pilot.press(key))
        await pilot.pause()
        screen = app.screen
        assert type(screen).__name__ == name
        order = shown_order(screen)
        assert order, f"{name} has nothing to focus"
        assert screen.focused is order[0], f"{name} opens on {label(screen.focused)}, not {label(order[0])}"
        assert [label(w) for w in screen.focus_chain] == [label(w) for w in order]
        visited = []
        for _ in order:
            visited.append(label(screen.focused))
            await pilot.press("tab")
        assert visited == [label(w) for w in order]
        assert screen.focused is order[0]  # round again to the first
        visited = []
        for _ in order:
            await pilot.press("shift+tab")
            visited.append(label(screen.focused))
        assert visited == [label(w) for w in reversed(order)]
