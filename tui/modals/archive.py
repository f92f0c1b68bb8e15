"""A meeting from the archive, shown read-only over the meeting being recorded.

The screen reads through the archive's read-only connection (store.meeting_day.Archive), never through
the meeting day's, and it is modal: the app's write keys (o, h, ctrl+z) are disabled
while it is open and the recording screen below keeps its cursor and state.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import OptionList, Static

from store.meeting_day import Archive
from store.model import committee_label, short_iso_date
from tui.modals.base import Modal
from tui.widgets.agenda_list import AgendaList
from tui.widgets.item_view import ItemView
from tui.widgets.key_bar import KeyBar

BACK_TO_HITS, BACK_TO_MEETING = False, True


def read_only_label(meeting: dict) -> str:
    """'Skrivebeskyttet: Arbejdsmarkedsudvalget (Hvidovre Kommune) 29. maj 2017'."""
    when = short_iso_date(meeting["date"])
    return f"Skrivebeskyttet: {committee_label(meeting['committee'], meeting['municipality'])} {when}"


class ArchiveScreen(Modal):
    """One meeting's agenda and items, read-only; dismissed with BACK_TO_MEETING or BACK_TO_HITS."""

    SCREEN_TITLE = "Arkivet (skrivebeskyttet)"

    BINDINGS = [
        Binding("escape", f"leave({BACK_TO_MEETING})", "Tilbage til mødet", id="archive_close"),
        Binding("ctrl+f", f"leave({BACK_TO_HITS})", "Tilbage til søgningen", key_display="^f", id="archive_hits"),
        Binding("a", "toggle_sections", "Vis/skjul afsnit", id="archive_sections"),
        Binding("ctrl+down", "scroll_item(1)", "Rul punktet ned", show=False, key_display="^↓"),
        Binding("ctrl+up", "scroll_item(-1)", "Rul punktet op", show=False, key_display="^↑"),
    ]

    def __init__(self, archive: Archive, meeting_id: int, item_id: int) -> None:
        super().__init__(classes="archive")
        self.archive, self.meeting_id, self.start_item = archive, meeting_id, item_id
        self.rows: list[dict] = []

    def compose(self) -> ComposeResult:
        yield Static(Text(read_only_label(self.archive.meeting(self.meeting_id))), id="archive-banner")
        with Horizontal(id="agenda-body"):
            yield AgendaList(id="agenda-list", compact=True)
            yield ItemView(id="item-view")
        yield KeyBar()

    def on_mount(self) -> None:
        self.rows = self.archive.agenda(self.meeting_id)
        self.query_one(AgendaList).focus()

    def on_screen_resume(self) -> None:
        self._draw()

    def _draw(self) -> None:
        agenda_list = self.query_one(AgendaList)
        cursor = agenda_list.highlighted_item() if agenda_list.option_count else self.start_item
        agenda_list.show(self.rows, set(), cursor)
        self.show_item()

    def shown_item(self) -> int | None:
        """The item under the cursor."""
        return self.query_one(AgendaList).highlighted_item()

    def show_item(self) -> None:
        item_id = self.shown_item()
        row = next((r for r in self.rows if r["id"] == item_id), None)
        self.query_one(ItemView).show(
            self.archive.item(item_id) if item_id else None, row["state"] if row else None, bool(row and row["urgent"])
        )

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.show_item()

    def action_leave(self, to_meeting: bool) -> None:
        """Escape: back to the meeting being recorded; ctrl+f: back to the hits."""
        self.dismiss(to_meeting)

    def action_toggle_sections(self) -> None:
        self.query_one(ItemView).toggle_sections()

    def action_scroll_item(self, direction: int) -> None:
        view = self.query_one(ItemView)
        view.scroll_relative(y=direction * max(1, view.size.height // 2), animate=False)
