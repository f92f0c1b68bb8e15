"""The top of every main screen: F-key tabs (clickable) and the clock with the time on the current item."""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.events import Click
from textual.widgets import Static

TABS = (("fremmode", "F2", "Fremmøde"), ("dagsorden", "F3", "Dagsorden"), ("referat", "F4", "Referat"))


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


class ScreenTab(Static):
    """'F3 Dagsorden': shows which screen is active; a click switches to it."""

    def __init__(self, mode: str, key: str, label: str, active: bool) -> None:
        text = Text(f" {key} ", style="reverse")
        text.append(f" {label} ")
        super().__init__(text, classes="tab -active" if active else "tab")
        self.mode = mode

    async def on_click(self, event: Click) -> None:
        event.stop()
        await self.app.run_action(f"show_mode('{self.mode}')")


class MeetingBar(Horizontal):
    """Tabs on the left; the clock (ticking each second) on the right."""

    def __init__(self, mode: str) -> None:
        super().__init__()
        self.mode = mode
        self.item_label: str | None = None
        self.item_started: str | None = None

    def compose(self) -> ComposeResult:
        for mode, key, label in TABS:
            yield ScreenTab(mode, key, label, mode == self.mode)
        yield Static(id="clock")

    def on_mount(self) -> None:
        self.tick()
        self.set_interval(1, self.tick)

    def show_item_timer(self, item_label: str | None, item_started: str | None) -> None:
        """Say which item the timer refers to and when it was taken up."""
        self.item_label, self.item_started = item_label, item_started
        self.tick()

    def tick(self) -> None:
        """Redraw the clock and the time spent on the current item."""
        moment = now()
        text = Text()
        spent = minutes_since(self.item_started, moment)
        if self.item_label and spent:
            text.append(f"{self.item_label}: {spent}  ", style="dim")
        text.append(f"kl. {moment:%H.%M}", style="bold")
        self.query_one("#clock", Static).update(text)
