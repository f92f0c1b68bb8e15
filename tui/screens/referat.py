"""Referat (F4): the live referat so far, rendered by the same code that writes the Markdown export.

The referat is read in a thread worker and split into its top-level parts (the header, each item, the ending).
A part is laid out (Rich's Markdown, at the pane's width, into lines) only when it comes into view, in a worker,
and kept: until then its height is guessed from its text and a "…" line stands in for it.  So showing a
referat of any length costs about a screenful of layout, keys are handled meanwhile, a later visit lays out
only the parts that changed, and memory holds the parts seen rather than the whole referat.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from textual import work
from textual.app import ComposeResult
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.worker import get_current_worker

from store.errors import StoreError
from store.meeting_day import ReferatRead
from tui.screens.base import MeetingScreen
from tui.widgets.key_bar import KeyBar
from tui.widgets.lines_view import lay_out

PART_START = re.compile(r"\n(?=##? )")  # before the export's headings: title, each item and section, ending
LONG_PART = 25  # Markdown lines of a part beyond which it is cut at a list item (the table of contents)
PART_SHOWN = 200_000  # characters of one part (an item) laid out; a longer one is shown cut
CUT_NOTE = "\n\n*… (forkortet her; hele teksten er gemt og kommer med i eksporten)*"
KEPT_PARTS = 400  # parts kept laid out (the most recently laid out)
AROUND = 2  # parts laid out beyond those in view, so scrolling on finds them ready
WAITING = Strip([Segment("…", Style(dim=True))])

Laid = dict[tuple[str, int], list[Strip]]


def render_part(text: str, width: int) -> list[Strip]:
    """Markdown laid out by Rich at `width` cells (bilag references are not links), with a console of its own;
    a pathologically long part is cut."""
    from rich.markdown import Markdown  # a large import, made in a worker (or the app's warm-up), never on a key

    if len(text) > PART_SHOWN:
        text = text[:PART_SHOWN] + CUT_NOTE
    console = Console(width=width, color_system="truecolor", force_terminal=True, legacy_windows=False)
    lines = lay_out(Markdown(text, hyperlinks=False), width, console)
    if continues(text) and lines and not lines[0].text.strip():
        del lines[0]  # the blank line Rich puts before a list: this piece goes on the list before it
    return lines


def continues(part: str) -> bool:
    """True for a piece of a long list after its first (referat_parts): drawn right after the piece before it."""
    return part.startswith("- ")


def referat_parts(blocks: list[str]) -> list[str]:
    """The referat's parts (from its Markdown blocks, store.export_markdown.markdown_blocks), each laid out on its
    own: the header, each item's heading and each section, the ending; a long list (the table of contents of a
    large meeting) in pieces of LONG_PART lines."""
    parts: list[str] = []
    part: list[str] = []  # the blocks of the part under way

    def end_part() -> None:
        text = "\n\n".join(part).strip()
        part.clear()
        if text.count("\n") < LONG_PART:  # most parts: too short to cut
            parts.append(text)
            return
        piece: list[str] = []
        for line in text.split("\n"):
            if len(piece) >= LONG_PART and line.startswith("- "):
                parts.append("\n".join(piece))
                piece = []
            piece.append(line)
        parts.append("\n".join(piece).strip())

    for block in blocks:
        for index, chunk in enumerate(PART_START.split(block)):
            if index or chunk.startswith(("# ", "## ")):
                end_part()
            part.append(chunk)
    end_part()
    return [part for part in parts if part]


def guessed_height(part: str, width: int) -> int:
    """The lines a part not yet laid out will take, guessed from its text: each block's lines wrapped at the
    width, a blank line after each block."""
    room = max(1, width - 2)
    return sum(
        sum(-(-len(line) // room) or 1 for line in block.splitlines()) + 1
        for block in part[:PART_SHOWN].split("\n\n")
        if block.strip()
    )


def part_starts(parts: list[str], laid: Laid, width: int, guesses: list[int]) -> list[int]:
    """The first line of each part (and, last, the end of the referat), a blank line between parts (not before the
    next piece of a long list); `guesses`: the guessed heights of the parts (guessed_height)."""
    heights = [len(laid[(part, width)]) if (part, width) in laid else guess for part, guess in zip(parts, guesses)]
    gaps = [0 if continues(part) else 1 for part in parts[1:]] + [1]
    return list(accumulate((height + gap for height, gap in zip(heights, gaps)), initial=0))


def parts_between(starts: list[int], top: int, bottom: int, count: int, around: int = AROUND) -> range:
    """The parts with a line from `top` to `bottom`, and `around` more on each side."""
    first = max(0, bisect_right(starts, top) - 1 - around)
    last = min(count, bisect_right(starts, bottom) + around)
    return range(first, last)


class ReferatView(ScrollView, can_focus=True):
    """The referat as drawn, part by part."""

    DEFAULT_CSS = """
    ReferatView {
        overflow-x: hidden;
        scrollbar-gutter: stable;  /* the text's width is the same before the scrollbar comes as after */
    }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.width_drawn = 0
        self.parts: list[str] = []
        self.guesses: list[int] = []  # each part's guessed height
        self.laid: Laid = {}  # parts laid out, kept for this drawing and the next
        self.starts: list[int] = [0]
        self.wanted: set[int] = set()  # parts seen on screen not yet laid out
        self.asked: set[int] = set()  # parts a worker is laying out
        self.head_only = False  # the parts are the referat's head only, the rest being read
        self._base = (Style(), 0)  # the style and width of the drawing under way

    @property
    def source(self) -> str:
        """The Markdown drawn (its parts, joined)."""
        return "\n\n".join(self.parts)

    def show_referat(self, width: int, parts: list[str], guesses: list[int], laid: Laid, head_only: bool) -> None:
        """Show the referat's `parts` (their heights guessed) at `width`, with the parts laid out so far;
        `head_only`: only the referat's head, the rest still being read (End there leads to the end once it is)."""
        if width != self.width_drawn:
            self.laid = {}
        at_end = self.head_only and self.max_scroll_y > 0 and self.is_vertical_scroll_end
        self.width_drawn, self.parts, self.guesses, self.head_only = width, parts, guesses, head_only
        self.asked.clear()
        self.keep(laid)
        if at_end:
            self.scroll_end(animate=False, immediate=True)
        self.call_later(self.ask_for_parts)  # the parts around the screen, for scrolling on

    def keep(self, laid: Laid) -> None:
        """Add parts laid out (dropping the oldest beyond KEPT_PARTS) and show them."""
        for key, lines in laid.items():
            self.laid.pop(key, None)
            self.laid[key] = lines
        while len(self.laid) > KEPT_PARTS:
            del self.laid[next(iter(self.laid))]
        self.starts = part_starts(self.parts, self.laid, self.width_drawn, self.guesses)
        self.virtual_size = Size(self.width_drawn, max(1, self.starts[-1] - 1))
        self.refresh()

    def in_view(self) -> range:
        """The parts on screen now, and a few around them."""
        top = self.scroll_offset.y
        return parts_between(self.starts, top, top + self.size.height, len(self.parts))

    def render_lines(self, crop: Region) -> list[Strip]:
        self._base = (self.rich_style, self.scrollable_content_region.width)  # once a drawing, not once a line
        lines = super().render_lines(crop)
        if self.wanted - self.asked:
            self.call_later(self.ask_for_parts)
        return lines

    def ask_for_parts(self) -> None:
        """Have the parts in view that are not laid out laid out in a worker."""
        wanted = sorted({*self.wanted, *self.in_view()} - self.asked)
        wanted = [index for index in wanted if (self.parts[index], self.width_drawn) not in self.laid]
        self.wanted.clear()
        if wanted and isinstance(self.screen, ReferatScreen):
            self.asked.update(wanted)
            self.screen.lay_out_parts([self.parts[index] for index in wanted], self.width_drawn)

    def render_line(self, y: int) -> Strip:
        style, width = self._base
        scroll_x, scroll_y = self.scroll_offset
        line = scroll_y + y
        index = bisect_right(self.starts, line) - 1
        if not self.parts:
            strip = Strip([Segment("Henter referatet …")]) if line == 0 else Strip([])
        elif index >= len(self.parts):
            strip = Strip([])
        else:
            offset = line - self.starts[index]
            lines = self.laid.get((self.parts[index], self.width_drawn))
            if lines is None:
                self.wanted.add(index)
                strip = WAITING if offset == 0 else Strip([])
            else:
                strip = lines[offset] if offset < len(lines) else Strip([])  # the blank line after a part
        return strip.crop_extend(scroll_x, scroll_x + width, style).apply_style(style)


class ReferatScreen(MeetingScreen):
    """The full version (lukket items marked), redrawn whenever the screen is shown or the store changes."""

    SCREEN_TITLE = "Referat"
    MODE = "referat"
    HELP_EXTRA = [
        ("↑ / ↓ / PgUp / PgDn", "Rul i referatet"),
        ("", "Referatet vises i fuld udgave; lukkede punkter er markeret. Eksportér via Ctrl+P."),
    ]

    last_read: ReferatRead | None = None  # the referat as last read (the next read reads only what changed since)

    def compose(self) -> ComposeResult:
        yield from self.top_bars()
        yield ReferatView(id="referat")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one(ReferatView).focus()

    def text_width(self) -> int:
        """The cells a referat line may take: the pane's width (before the first layout: the terminal's)."""
        width = self.query_one(ReferatView).scrollable_content_region.width
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
        top = view.scroll_offset.y
        self.read_and_render(
            self.text_width(),
            view.parts,
            view.width_drawn,
            dict(view.laid),
            (top, top + (view.size.height or self.app.size.height)),
            self.last_read,
        )

    @work(thread=True, exclusive=True, group="referat", exit_on_error=False, description="read the referat")
    def read_and_render(
        self,
        width: int,
        shown: list[str],
        width_drawn: int,
        kept: Laid,
        lines: tuple[int, int],
        known: ReferatRead | None,
    ) -> None:
        """Read the referat off the event loop and lay out the parts on screen (`lines`, from the top and the end of
        the screen); show it unless a newer drawing has begun.  The first time, the referat's head (read without
        the items' contents) is shown while the rest is read; later, only the items changed since the referat
        `known` was read are read again.  The parts around those on screen are laid out next, the others when they
        come into view."""
        worker = get_current_worker()
        for head_only in (True, False) if not shown else (False,):
            if worker.is_cancelled:
                return
            try:
                read = None if head_only else self.app.day.read_referat(known)
                parts = referat_parts(read.blocks if read else self.app.day.referat_blocks(head_only=True))
            except StoreError as error:
                if not worker.is_cancelled:
                    self.app.call_from_thread(self.app.notify, str(error), severity="error")
                return
            if worker.is_cancelled:
                return
            if read:
                self.last_read = read
            if parts == shown and width == width_drawn:
                return
            guesses = [guessed_height(part, width) for part in parts]
            kept = kept if width == width_drawn else {}
            laid: Laid = {}
            for index in parts_between(part_starts(parts, kept, width, guesses), *lines, len(parts), around=0):
                if worker.is_cancelled:
                    return
                key = (parts[index], width)
                laid[key] = kept.get(key) or render_part(*key)
            if worker.is_cancelled:
                return
            self.app.call_from_thread(self.query_one(ReferatView).show_referat, width, parts, guesses, laid, head_only)
            shown, width_drawn, kept = parts, width, laid

    @work(thread=True, group="referat-parts", exit_on_error=False, description="lay out referat parts")
    def lay_out_parts(self, parts: list[str], width: int) -> None:
        """Lay out parts that came into view, off the event loop, and show them."""
        laid = {(part, width): render_part(part, width) for part in parts}
        self.app.call_from_thread(self.query_one(ReferatView).keep, laid)
