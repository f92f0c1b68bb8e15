"""The top of every main screen, one widget of three lines: the F-key tabs (clickable) and the clock with the
time on the current item; the meeting and its status; the quorum ("Beslutningsdygtigt: 4 af 5 til stede").

One widget rather than six: each widget Textual mounts costs about 5 ms before the first frame (bench/startup.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text
from textual.events import Click
from textual.widget import Widget

if TYPE_CHECKING:
    from textual import getters

    from tui.app import ReferatApp

TABS = (
    ("fremmode", "attendance", "Fremmøde"),
    ("dagsorden", "agenda", "Dagsorden"),
    ("referat", "referat", "Referat"),
    ("forberedelse", "prepare", "Forberedelse"),
)
# Tabs left out (unless shown) when the line has no room for them and the time on the current item: its key still works.
SPARE_TABS = {"forberedelse"}


def now() -> dt.datetime:
    """The local time now (one place, so snapshot tests can freeze the clock)."""
    return dt.datetime.now().astimezone()


def minutes_since(stamp: str | None, moment: dt.datetime) -> str | None:
    """'12 min' (or '1 t 05 min') since an ISO timestamp, or None."""
    if not stamp:
        return None
    start = dt.datetime.fromisoformat(stamp)
    if start.tzinfo is None:
        start = start.astimezone()
    minutes = max(0, int((moment - start).total_seconds() // 60))
    hours, rest = divmod(minutes, 60)
    return f"{hours} t {rest:02d} min" if hours else f"{rest} min"


class MeetingBar(Widget):
    """Tabs and clock (ticking each second), the meeting line, the quorum line; a click on a tab switches screen."""

    if TYPE_CHECKING:  # self.app as the type checker sees it (as textual.message_pump does it)
        app = getters.app(ReferatApp)

    COMPONENT_CLASSES = {
        "meeting-bar--tab",
        "meeting-bar--active-tab",
        "meeting-bar--clock",
        "meeting-bar--meeting",
        "meeting-bar--following",
        "meeting-bar--quorum",
        "meeting-bar--no-quorum",
    }
    DEFAULT_CSS = """
    MeetingBar {
        height: 3;
        .meeting-bar--tab { color: $text-muted; background: $panel; }
        .meeting-bar--active-tab { color: $text; background: $primary 40%; text-style: bold; }
        .meeting-bar--clock { background: $panel; text-style: bold; }
        .meeting-bar--meeting { color: $text-muted; }
        .meeting-bar--following { color: $text; background: $warning 30%; }
        .meeting-bar--quorum { color: $success; text-style: bold; }
        .meeting-bar--no-quorum { color: $text; background: $error; text-style: bold; }
    }
    """

    def __init__(self, mode: str) -> None:
        super().__init__()
        self.mode = mode
        self.item_label: str | None = None
        self.item_started: str | None = None
        self.meeting_line = ""
        self.following = False
        self.quorum_label = ""
        self.quorum_ok = True
        self.tab_cells: list[tuple[int, int, str]] = []  # (first cell, end cell, mode) of each tab

    def on_mount(self) -> None:
        self.set_interval(1, self.refresh)

    def show_item_timer(self, item_label: str | None, item_started: str | None) -> None:
        """Say which item the timer refers to and when it was taken up."""
        if (self.item_label, self.item_started) != (item_label, item_started):
            self.item_label, self.item_started = item_label, item_started
            self.refresh()

    def show_meeting(self, line: str, following: bool) -> None:
        """The meeting line; marked while this window follows a meeting another window records."""
        if (self.meeting_line, self.following) != (line, following):
            self.meeting_line, self.following = line, following
            self.refresh()

    def show_quorum(self, label: str, ok: bool) -> None:
        """The quorum label (already a Danish sentence); warning colours when fewer than half are present."""
        if (self.quorum_label, self.quorum_ok) != (label, ok):
            self.quorum_label, self.quorum_ok = label, ok
            self.refresh()

    def _line(self, text: Text, style_class: str) -> Text:
        """`text` as a whole line of the widget's width in the component style."""
        line = Text(" ", style=self.get_component_rich_style(style_class), no_wrap=True, overflow="ellipsis", end="")
        line.append_text(text)
        line.truncate(self.size.width, pad=True)
        return line

    def tab_line(self) -> Text:
        """' F2  Fremmøde  F3  Dagsorden  …   punkt 3: 12 min  kl. 15.07 ' (the keys in force: a keymap may change them)."""
        tab_style = self.get_component_rich_style("meeting-bar--tab")
        moment = now()
        clock = Text(style=self.get_component_rich_style("meeting-bar--clock"), end="")
        spent = minutes_since(self.item_started, moment)
        timer = f"{self.item_label}: {spent}  " if self.item_label and spent else ""
        clock_text = f"kl. {moment:%H.%M} "
        line = self.tabs(TABS, tab_style)
        if line.cell_len + len(timer + clock_text) > self.size.width:
            line = self.tabs([tab for tab in TABS if tab[0] == self.mode or tab[0] not in SPARE_TABS], tab_style)
            if line.cell_len + len(timer + clock_text) > self.size.width and self.mode in SPARE_TABS:
                timer = ""  # on its own screen a spare tab keeps its place, and the clock shows without the timer
        clock.append(timer, style="not bold dim")
        clock.append(clock_text)
        room = max(0, self.size.width - line.cell_len - clock.cell_len)
        line.append(" " * room, style=tab_style)
        line.append_text(clock)
        line.truncate(self.size.width)  # on a narrow terminal the clock is cut, never wrapped over the quorum line
        return line

    def tabs(self, tabs: Sequence[tuple[str, str, str]], tab_style: Style) -> Text:
        """' F2  Fremmøde  F3  Dagsorden …' for `tabs`, noting the cells each takes (for clicks)."""
        line = Text(no_wrap=True, overflow="crop", end="")
        self.tab_cells = []
        for mode, binding_id, label in tabs:
            key = self.app.key_display(binding_id)
            start = line.cell_len
            style = self.get_component_rich_style("meeting-bar--active-tab") if mode == self.mode else tab_style
            line.append(f" {key} ", style=style)
            line.stylize("reverse", start)
            line.append(f" {label} ", style=style)
            self.tab_cells.append((start, line.cell_len, mode))
            line.append(" ", style=tab_style)
        return line

    def render(self) -> Text:
        meeting = self._line(
            Text(self.meeting_line), "meeting-bar--following" if self.following else "meeting-bar--meeting"
        )
        quorum = self._line(
            Text(self.quorum_label), "meeting-bar--quorum" if self.quorum_ok else "meeting-bar--no-quorum"
        )
        return Text("\n", end="").join([self.tab_line(), meeting, quorum])

    async def on_click(self, event: Click) -> None:
        """A click on a tab shows that screen."""
        if event.y != 0:
            return
        for start, end, mode in self.tab_cells:
            if start <= event.x < end:
                event.stop()
                await self.app.run_action(f"show_mode('{mode}')")
                return
