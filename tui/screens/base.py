"""What the three main screens share: the meeting bar with the quorum line, and drawing a view of the meeting day."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from textual.screen import Screen

from store.model import ADJOURNED, APPROVED, OPENED, PLANNED, danish_time, short_iso_date
from store.terminal_text import visible
from store.views import MeetingTop
from tui.widgets.key_bar import KeyBar
from tui.widgets.meeting_bar import MeetingBar

if TYPE_CHECKING:
    from textual import getters

    from tui.app import ReferatApp


def _clock(stamp: str | None) -> str:
    return dt.datetime.fromisoformat(stamp).strftime("%H.%M") if stamp else "?"


def meeting_line(meeting: dict) -> str:
    """'Arbejdsmarkedsudvalget · 29. maj 2017 · åbnet kl. 15.00' — the meeting and its status."""
    parts = [meeting["committee"], short_iso_date(meeting["date"])]
    status = meeting["status"]
    if status == PLANNED:
        parts.append(
            "ikke åbnet"
            + (f" (planlagt kl. {danish_time(meeting['planned_start'])})" if meeting["planned_start"] else "")
        )
    elif status == OPENED:
        parts.append(f"åbnet kl. {_clock(meeting['started_at'])}")
    elif status in (ADJOURNED, APPROVED):
        parts.append(f"{_clock(meeting['started_at'])}–{_clock(meeting['ended_at'])}, {status}")
    return visible(" · ".join(parts))


class MeetingScreen(Screen):
    """A main screen of one meeting: `read_view` reads what it shows from the meeting day, `draw` shows it."""

    SCREEN_TITLE = ""
    MODE = ""
    drawn = False

    if TYPE_CHECKING:  # self.app as the type checker sees it (as textual.message_pump does it)
        app = getters.app(ReferatApp)

    def top_bars(self):
        """The tabs and clock, the meeting line and the quorum line every main screen starts with (one widget)."""
        yield MeetingBar(self.MODE)

    def say(self, message: str, seconds: float = 4) -> None:
        """Say what a key just did on the key line, for `seconds`, in the frame that shows its result."""
        self.query_one(KeyBar).say(message, seconds)

    def on_screen_resume(self) -> None:
        self.refresh_view()  # the first time before the first layout: the first frame shows the meeting
        if not self.drawn:
            self.drawn = True
            self.call_after_refresh(self.app.screen_drawn)

    def refresh_view(self) -> dict:
        """Redraw everything from the meeting day; returns the meeting as drawn."""
        view = self.read_view()
        self.draw(view)
        return view.meeting if hasattr(view, "meeting") else view.top.meeting

    def read_view(self):
        """What the screen shows (subclasses: their view of store.views): the lines on top."""
        return self.app.day.meeting_top()

    def draw(self, view) -> None:
        """Show a view read by `read_view`."""
        self.draw_top(view)

    def draw_top(self, top: MeetingTop, about: str | None = None) -> None:
        """The meeting bar's timer, the meeting line and the quorum line, saying which item it is counted for
        (`about`; by default the current item, or the whole meeting when none is current)."""
        bar = self.query_one(MeetingBar)
        bar.show_item_timer(top.timer_label, top.timer_started)
        bar.show_meeting(
            ("Følger mødet · " if self.app.following else "") + meeting_line(top.meeting), self.app.following
        )
        if about is None:
            about = f"{top.timer_label} (aktuelt)" if top.timer_label else "hele mødet"
        bar.show_quorum(f"{top.quorum.label} · {about}", top.quorum.ok)
