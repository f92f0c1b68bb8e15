"""Referat (F4): the live referat so far, rendered by the same code that writes the Markdown export.

The referat is read and laid out in a thread worker (Rich's Markdown, drawn at the pane's width into lines),
then shown in one `Static`: keys are handled while a large meeting is being drawn.  Each top-level part (the
header, each item) is laid out on its own and kept, so a later visit lays out only the items that changed.
"""

from __future__ import annotations

import re

from rich.console import Console, ConsoleOptions, RenderResult
from rich.markdown import Markdown
from rich.segment import Segment
from textual import work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static
from textual.worker import get_current_worker

from store.errors import StoreError
from tui.screens.base import MeetingScreen
from tui.widgets.key_bar import KeyBar


class RenderedLines:
    """Lines of segments already laid out at one width: drawing them again costs no layout."""

    def __init__(self, lines: list[list[Segment]]) -> None:
        self.lines = lines

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        new_line = Segment.line()
        for line in self.lines:
            yield from line
            yield new_line


PART_START = re.compile(r"^(?=# )", re.MULTILINE)  # the export's top-level headings: title, each item, ending


def render_part(text: str, width: int) -> list[list[Segment]]:
    """Markdown laid out by Rich at `width` cells (bilag references are not links)."""
    console = Console(width=width, color_system="truecolor", force_terminal=True, legacy_windows=False)
    return console.render_lines(Markdown(text, hyperlinks=False), console.options.update(width=width), pad=False)


def render_referat(text: str, width: int, kept: dict[tuple[str, int], list[list[Segment]]] | None = None
                   ) -> tuple[RenderedLines, dict[tuple[str, int], list[list[Segment]]]]:
    """The referat laid out part by part, reusing the parts in `kept`; returns the lines and the parts laid out."""
    kept = kept or {}
    parts: dict[tuple[str, int], list[list[Segment]]] = {}
    lines: list[list[Segment]] = []
    for part in filter(str.strip, PART_START.split(text)):
        key = (part.strip(), width)
        if key not in parts:
            parts[key] = kept.get(key) or render_part(key[0], width)
        if lines:
            lines.append([])  # the blank line Markdown puts between blocks
        lines.extend(parts[key])
    return RenderedLines(lines), parts


class ReferatView(Static):
    """The referat as drawn; `source` is the Markdown it was drawn from."""

    source: str = ""
    width_drawn: int = 0
    parts: dict = {}  # the parts last laid out (render_referat), for the next drawing to reuse


class ReferatScreen(MeetingScreen):
    """The full version (lukket items marked), redrawn whenever the screen is shown or the store changes."""

    SCREEN_TITLE = "Referat"
    MODE = "referat"
    HELP_EXTRA = [("↑ ↓ PgUp PgDn", "Rul i referatet"),
                  ("", "Referatet vises i fuld udgave; lukkede punkter er markeret. Eksportér via Ctrl+P.")]

    def compose(self) -> ComposeResult:
        yield from self.top_bars()
        with VerticalScroll(id="referat-scroll"):
            yield ReferatView("Henter referatet …", id="referat")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#referat-scroll").focus()

    def text_width(self) -> int:
        """The cells a referat line may take: the pane's width (before the first layout: the terminal's)."""
        width = self.query_one("#referat-scroll").scrollable_content_region.width
        return max(20, width or self.app.size.width - 4)

    def refresh_view(self) -> dict:
        meeting = super().refresh_view()
        self.draw_referat()
        return meeting

    def on_resize(self) -> None:
        if self.query_one(ReferatView).width_drawn not in (0, self.text_width()):
            self.draw_referat()

    def draw_referat(self) -> None:
        """Redraw the referat in a worker (nothing changes on screen when neither the text nor the width did)."""
        view = self.query_one(ReferatView)
        self.read_and_render(self.text_width(), view.source, view.width_drawn, view.parts)

    @work(thread=True, exclusive=True, group="referat", exit_on_error=False)
    def read_and_render(self, width: int, source: str, width_drawn: int, kept: dict) -> None:
        """Read the referat and lay it out off the event loop; show it unless a newer drawing has begun."""
        try:
            text = self.app.day.referat_markdown()
        except StoreError as error:
            if not get_current_worker().is_cancelled:
                self.app.call_from_thread(self.app.notify, str(error), severity="error")
            return
        if text == source and width == width_drawn:
            return
        lines, parts = render_referat(text, width, kept)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self.show_referat, text, width, lines, parts)

    def show_referat(self, text: str, width: int, lines: RenderedLines, parts: dict) -> None:
        view = self.query_one(ReferatView)
        view.source, view.width_drawn, view.parts = text, width, parts
        view.update(lines)
