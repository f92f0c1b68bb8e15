"""Formandens skærm (`referat chair`): the current item, large, for a second screen or a projector.

It only follows the meeting.  Everyone in the room reads a projector — the officials presenting a
sag, a member who has left the room as inhabil — so every item is shown as the public referat
shows it (store/redaction.py): a lukket item says "Lukket punkt" and keeps its number, its title
(unless that is confidential too) and its outcome, never its indstilling or its text.  The full
content stays on the secretary's own screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Digits, Static

from store.model import ADJOURNED, APPROVED, OPENED, PLANNED
from tui.screens.base import meeting_line
from tui.widgets import meeting_bar
from tui.widgets.item_view import decision_lines, heading, recommendation_parts
from tui.widgets.quorum import QuorumLine

if TYPE_CHECKING:
    from textual import getters

    from tui.chair import ChairApp

NO_ITEM = {
    PLANNED: "Mødet er ikke åbnet endnu",
    OPENED: "Intet punkt er til behandling",
    ADJOURNED: "Mødet er hævet",
    APPROVED: "Mødet er hævet",
}


class ChairScreen(Screen):
    """The meeting, the quorum, the item number and the clock in large digits, the title, indstilling and beslutning."""

    def __init__(self) -> None:
        super().__init__()
        self.item_started: str | None = None

    if TYPE_CHECKING:  # self.app as the type checker sees it (as textual.message_pump does it)
        app = getters.app(ChairApp)

    def compose(self) -> ComposeResult:
        with Horizontal(id="chair-top"):
            yield Static(id="chair-meeting")
            yield Static(id="chair-timer")
        yield QuorumLine(id="quorum")
        with Horizontal(id="chair-heading"):
            yield Digits(id="chair-number")
            yield Static(id="chair-title")
            yield Digits(id="chair-clock")
        with VerticalScroll(id="chair-body"):
            yield Static(id="chair-content")

    def on_mount(self) -> None:
        self.refresh_view()
        self.set_interval(1, self.tick)

    def refresh_view(self) -> None:
        """Redraw everything from the meeting day (the current item as the public referat shows it)."""
        view = self.app.day.chair_view()
        self.query_one("#chair-meeting", Static).update(Text(meeting_line(view.meeting)))
        self.query_one(QuorumLine).show(view.quorum.label, view.quorum.ok)
        number = self.query_one("#chair-number", Digits)
        title = self.query_one("#chair-title", Static)
        content = self.query_one("#chair-content", Static)
        self.item_started = view.item_started
        item = view.item
        if item is None:
            number.update("")
            number.display = False
            title.update(Text(NO_ITEM.get(view.meeting["status"], "")))
            content.update("")
        else:
            number.display = True
            number.update(item.number)
            title.update(Text(item.title))
            content.update(item_content(item))
        self.tick()

    def tick(self) -> None:
        """The clock, and how long the current item has been under way."""
        moment = meeting_bar.now()
        spent = meeting_bar.minutes_since(self.item_started, moment)
        self.query_one("#chair-timer", Static).update(Text(f"på punktet i {spent}" if spent else ""))
        self.query_one("#chair-clock", Digits).update(f"{moment:%H.%M}")  # Danish "15.07", as "kl. 15.07" elsewhere


def item_content(item) -> Text:
    """Lukket punkt, the indstilling as numbered points, and the beslutning once one is recorded."""
    parts: list[Text] = []
    if not item.public:
        parts.append(Text("Lukket punkt", style="bold reverse"))
    parts.extend(recommendation_parts(item))
    recorded = decision_lines(item)
    if recorded:
        parts.append(heading("Beslutning"))
        parts.extend(recorded)
    return Text("\n").join(parts)
