"""Referat (F4): the live referat so far, rendered by the same code that writes the Markdown export.

The referat is read and laid out in a thread worker (Rich's Markdown, at the pane's width, into lines) and
shown in a `LinesView`, which draws only the lines on screen: keys are handled while a large meeting is being
laid out, and the first screenful is shown as soon as it is ready, the rest following.  Each top-level part
(the header, each item) is laid out on its own and kept, so a later visit lays out only the items that changed.
"""

from __future__ import annotations

import re
import time

from rich.console import Console
from rich.markdown import Markdown
from rich.segment import Segment
from textual import work
from textual.app import ComposeResult
from textual.strip import Strip
from textual.worker import get_current_worker

from store.errors import StoreError
from tui.screens.base import MeetingScreen
from tui.widgets.key_bar import KeyBar
from tui.widgets.lines_view import LinesView, lay_out

PART_START = re.compile(r"^(?=# )", re.MULTILINE)  # the export's top-level headings: title, each item, ending
PART_SHOWN = 200_000  # characters of one part (an item) laid out; a longer one is shown cut
CUT_NOTE = "\n\n*… (forkortet her; hele teksten er gemt og kommer med i eksporten)*"
SHOW_EVERY = 0.5  # seconds between showing what is laid out so far, on the first drawing of a large referat

Parts = dict[tuple[str, int], list[Strip]]


def render_part(text: str, width: int) -> list[Strip]:
    """Markdown laid out by Rich at `width` cells (bilag references are not links), with a console of its own;
    a pathologically long part is cut."""
    if len(text) > PART_SHOWN:
        text = text[:PART_SHOWN] + CUT_NOTE
    console = Console(width=width, color_system="truecolor", force_terminal=True, legacy_windows=False)
    return lay_out(Markdown(text, hyperlinks=False), width, console)


def referat_parts(text: str) -> list[str]:
    """The referat's top-level parts (the header, each item, the ending), each stripped."""
    return [part.strip() for part in PART_START.split(text) if part.strip()]


class ReferatView(LinesView):
    """The referat as drawn; `source` is the Markdown it was drawn from."""

    can_focus = True
    source: str = ""
    width_drawn: int = 0
    parts: Parts = {}  # the parts last laid out, for the next drawing to reuse


class ReferatScreen(MeetingScreen):
    """The full version (lukket items marked), redrawn whenever the screen is shown or the store changes."""

    SCREEN_TITLE = "Referat"
    MODE = "referat"
    HELP_EXTRA = [("↑ / ↓ / PgUp / PgDn", "Rul i referatet"),
                  ("", "Referatet vises i fuld udgave; lukkede punkter er markeret. Eksportér via Ctrl+P.")]

    def compose(self) -> ComposeResult:
        yield from self.top_bars()
        yield ReferatView(id="referat")
        yield KeyBar()

    def on_mount(self) -> None:
        view = self.query_one(ReferatView)
        view.show_lines([Strip([Segment("Henter referatet …")])])
        view.focus()

    def text_width(self) -> int:
        """The cells a referat line may take: the pane's width (before the first layout: the terminal's)."""
        return max(20, self.query_one(ReferatView).text_width())

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
        self.read_and_render(self.text_width(), view.source, view.width_drawn, view.parts, self.app.size.height)

    @work(thread=True, exclusive=True, group="referat", exit_on_error=False)
    def read_and_render(self, width: int, source: str, width_drawn: int, kept: Parts, screenful: int) -> None:
        """Read the referat and lay it out off the event loop; show it unless a newer drawing has begun.  On a
        first drawing (nothing shown at this width), the first screenful is shown at once and the rest as it is
        laid out; a redrawing replaces what is shown once it is complete."""
        worker = get_current_worker()
        try:
            text = self.app.day.referat_markdown()
        except StoreError as error:
            if not worker.is_cancelled:
                self.app.call_from_thread(self.app.notify, str(error), severity="error")
            return
        if text == source and width == width_drawn:
            return
        progressive = width != width_drawn or not source
        pieces = referat_parts(text)
        parts: Parts = {}
        lines: list[Strip] = []
        shown_at: float | None = None
        for number, piece in enumerate(pieces, start=1):
            if worker.is_cancelled:
                return
            key = (piece, width)
            if key not in parts:
                parts[key] = kept.get(key) or render_part(piece, width)
            if lines:
                lines.append(Strip([]))  # the blank line Markdown puts between blocks
            lines.extend(parts[key])
            if number == len(pieces):
                break
            if progressive and not worker.is_cancelled and (len(lines) >= screenful if shown_at is None else
                                time.monotonic() - shown_at >= SHOW_EVERY):
                self.app.call_from_thread(self.show_part, list(lines), shown_at is not None)
                shown_at = time.monotonic()
        if not worker.is_cancelled:
            self.app.call_from_thread(self.show_referat, text, width, lines, parts,
                                      not progressive or shown_at is not None)

    def show_part(self, lines: list[Strip], keep_scroll: bool) -> None:
        """Show the referat laid out so far (a first drawing)."""
        self.query_one(ReferatView).show_lines(lines, keep_scroll=keep_scroll)

    def show_referat(self, text: str, width: int, lines: list[Strip], parts: Parts, keep_scroll: bool) -> None:
        view = self.query_one(ReferatView)
        view.source, view.width_drawn, view.parts = text, width, parts
        view.show_lines(lines, keep_scroll=keep_scroll)
