"""ChairApp (`referat chair`): formandens skærm, following a meeting that another window records."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from textual.app import App
from textual.binding import Binding

from store.db import ChangeWatch, open_database
from store.meetings import get_meeting
from tui.app import QUIT_HINT, WATCH_SECONDS
from tui.lost_terminal import watch_terminal
from tui.screens.chair import ChairScreen


class ChairApp(App):
    """Shows one meeting's current item on a second screen or a projector; never writes."""

    CSS_PATH = Path(__file__).with_name("chair.tcss")
    TITLE = "referat – formandens skærm"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [Binding("ctrl+q", "quit", "Afslut", show=False, priority=True)]

    def __init__(self, db_path: Path, meeting_id: int) -> None:
        """Open the database read-only; StoreError when it or the meeting cannot be opened."""
        self.db = open_database(Path(db_path), readonly=True)
        self.meeting_id = meeting_id
        get_meeting(self.db, meeting_id)
        self.changes = ChangeWatch(self.db)
        super().__init__()

    def on_mount(self) -> None:
        self.push_screen(ChairScreen())
        self.set_interval(WATCH_SECONDS, self.watch_database)
        watch_terminal(self)

    def action_help_quit(self) -> None:
        """ctrl+c: say how to quit, in Danish and without markup (a projector shows it to the room)."""
        self.notify(QUIT_HINT, markup=False)

    def watch_database(self) -> None:
        """Redraw when the recording window has committed something."""
        try:
            changed = self.changes.changed()
        except sqlite3.Error:
            return  # busy for a moment: the next look will see the change
        if changed and isinstance(self.screen, ChairScreen):
            self.screen.refresh_view()
