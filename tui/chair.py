"""ChairApp (`referat chair`): formandens skærm, following a meeting that another window records."""

from __future__ import annotations

from pathlib import Path

from textual.app import App
from textual.binding import Binding

from store.errors import StoreError
from store.meeting_day import MeetingDay
from tui.app import QUIT_HINT, WATCH_SECONDS
from tui.lost_terminal import watch_terminal
from tui.screens.chair import ChairScreen


class ChairApp(App):
    """Shows one meeting's current item on a second screen or a projector; never writes."""

    CSS_PATH = Path(__file__).with_name("chair.tcss")
    TITLE = "referat – formandens skærm"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [Binding("ctrl+q", "quit", "Afslut", show=False, priority=True)]

    def __init__(self, db_path: Path | str, meeting_id: int | None = None) -> None:
        """Open the meeting (None: today's) read-only; StoreError when it cannot be opened."""
        self.day = MeetingDay.open(db_path, meeting_id, read_only=True)
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
            changed = self.day.changed()
        except StoreError:
            return  # busy for a moment: the next look will see the change
        if changed and isinstance(self.screen, ChairScreen):
            self.screen.refresh_view()
