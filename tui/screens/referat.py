"""Referat (F4): the live referat so far, rendered by the same code that writes the Markdown export."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Markdown

from tui.screens.base import MeetingScreen
from tui.widgets.key_bar import KeyBar


class ReferatScreen(MeetingScreen):
    """The full version (lukket items marked), redrawn whenever the screen is shown or the store changes."""

    SCREEN_TITLE = "Referat"
    MODE = "referat"
    HELP_EXTRA = [("↑ ↓ PgUp PgDn", "Rul i referatet"),
                  ("", "Referatet vises i fuld udgave; lukkede punkter er markeret. Eksportér via Ctrl+P.")]

    def __init__(self) -> None:
        super().__init__()
        self.rendered: str | None = None

    def compose(self) -> ComposeResult:
        yield from self.top_bars()
        with VerticalScroll(id="referat-scroll"):
            yield Markdown(id="referat", open_links=False)  # bilag references are not web addresses
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#referat-scroll").focus()

    def refresh_view(self) -> dict:
        meeting = super().refresh_view()
        text = self.app.day.referat_markdown()
        if text != self.rendered:
            self.rendered = text
            self.query_one(Markdown).update(text)
        return meeting
