"""What the three main screens share: the meeting bar, the quorum line, the footer, refresh from the store."""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual.screen import Screen
from textual.widgets import Static

from store.agenda import agenda, item_started_at
from store.attendance import quorum
from store.dates import danish_time, short_iso_date
from store.meetings import get_meeting
from store.model import ADJOURNED, APPROVED, OPENED, PLANNED
from tui.startup import resume_collection
from tui.widgets.meeting_bar import MeetingBar
from tui.widgets.quorum import QuorumLine


def _clock(stamp: str | None) -> str:
    return dt.datetime.fromisoformat(stamp).strftime("%H.%M") if stamp else "?"


def meeting_line(meeting: dict) -> str:
    """'Arbejdsmarkedsudvalget · 29. maj 2017 · åbnet kl. 15.00' — the meeting and its status."""
    parts = [meeting["committee"], short_iso_date(meeting["date"])]
    status = meeting["status"]
    if status == PLANNED:
        parts.append("ikke åbnet" + (f" (planlagt kl. {danish_time(meeting['planned_start'])})" if meeting["planned_start"] else ""))
    elif status == OPENED:
        parts.append(f"åbnet kl. {_clock(meeting['started_at'])}")
    elif status in (ADJOURNED, APPROVED):
        parts.append(f"{_clock(meeting['started_at'])}–{_clock(meeting['ended_at'])}, {status}")
    return " · ".join(parts)


class MeetingScreen(Screen):
    """A main screen of one meeting; `refresh_view` redraws it from the store."""

    SCREEN_TITLE = ""
    MODE = ""
    laid_out = False

    def top_bars(self):
        """The tabs and clock, the meeting line and the quorum line every main screen starts with."""
        yield MeetingBar(self.MODE)
        yield Static(id="meeting-line")
        yield QuorumLine(id="quorum")

    def on_screen_resume(self) -> None:
        if self.laid_out:
            self.refresh_view()
        else:  # the widgets have no size before the first layout: draw after it, so the first frame fits
            self.call_after_refresh(self.first_draw)

    def first_draw(self) -> None:
        """Draw the screen for the first time, once its widgets have their size."""
        self.laid_out = True
        self.refresh_view()
        self.call_after_refresh(resume_collection)

    def refresh_view(self) -> None:
        """Redraw everything from the store (subclasses extend this); the quorum counts for the current item."""
        self.show_meeting(get_meeting(self.app.db, self.app.meeting_id)["current_item_id"])

    def show_meeting(self, item_id: int | None) -> None:
        """Update the meeting bar and the quorum line (counted for `item_id`: inhabile members do not count)."""
        db, meeting_id = self.app.db, self.app.meeting_id
        meeting = get_meeting(db, meeting_id)
        current = meeting["current_item_id"]
        label = started = None
        if current is not None and meeting["status"] == OPENED:
            number = next((row["number"] for row in agenda(db, meeting_id) if row["id"] == current), None)
            label, started = f"punkt {number}", item_started_at(db, current)
        self.query_one(MeetingBar).show_item_timer(label, started)
        line = self.query_one("#meeting-line", Static)
        line.update(Text(("Følger mødet · " if self.app.following else "") + meeting_line(meeting)))
        line.set_class(self.app.following, "-following")
        count = quorum(db, meeting_id, item_id)
        self.query_one(QuorumLine).show(count.label, count.ok)
