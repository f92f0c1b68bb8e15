"""Snapshots of Forberedelse (F5) and the item editor at 80×24 and 60×20 (the clock frozen)."""

from __future__ import annotations

import datetime as dt

import pytest

from tui import app as tui_app
from tui.widgets import meeting_bar

SIZES = [(80, 24), (60, 20)]
FROZEN = dt.datetime(2017, 5, 29, 14, 5).astimezone()


@pytest.fixture(autouse=True)
def frozen_clock(monkeypatch):
    monkeypatch.setattr(meeting_bar, "now", lambda: FROZEN)


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize(
    "keys", [("f5", "down", "down"), ("f5", "down", "down", "down", "enter")], ids=["forberedelse", "punkteditor"]
)
def test_preparation(snap_compare, meeting, keys, size):
    path, meeting_id = meeting

    async def show(pilot) -> None:
        await pilot.press(*keys)
        await pilot.pause()
        for field in pilot.app.screen.query("Input, TextArea"):
            field.cursor_blink = False  # a blinking cursor would make the picture depend on the moment
        await pilot.pause()

    assert snap_compare(tui_app.ReferatApp(path, meeting_id), run_before=show, terminal_size=size)
