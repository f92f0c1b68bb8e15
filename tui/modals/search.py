"""Søg i arkivet (ctrl+f): full-text search over every meeting's items, hits shown as you type.

Enter on a hit opens that meeting read-only at that item (tui/modals/archive.py);
Escape returns to the meeting being recorded, exactly as it was left.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.timer import Timer
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from store.errors import StoreError
from store.meeting_day import Archive
from store.model import committee_label, short_iso_date
from tui.modals.archive import BACK_TO_MEETING, ArchiveScreen
from tui.modals.base import Modal

DEBOUNCE_SECONDS = 0.15
HIT_LIMIT = 50
MARKS = ("\ue000", "\ue001")  # private-use characters: cannot occur in the text, unlike '[' and ']'
HINT = "Skriv et eller flere ord; hvert ord matcher også begyndelsen af længere ord."


def hit_prompt(hit: dict) -> Content:
    """Two lines: date, committee, item number and title; then the snippet with the matches highlighted."""
    day = short_iso_date(hit["date"])
    committee = committee_label(hit["committee"], hit["municipality"])
    head = Content.assemble((f"{day} · {committee} · punkt {hit['number']}: ", "dim"), (hit["title"], "bold"))
    snippet = Content.assemble("  ", *((text, "bold reverse") if matched else text
                                       for text, matched in hit["parts"]))
    return Content("\n").join([head, snippet])


class SearchScreen(Modal):
    """An input and the hits below it; ↑/↓ choose, Enter opens, Escape closes."""

    SCREEN_TITLE = "Søg i arkivet"
    HELP_EXTRA = [("Enter", "Åbn mødet ved det valgte punkt (skrivebeskyttet)")]

    BINDINGS = [
        Binding("escape", "close", "Tilbage til mødet", id="search_close"),
        Binding("down", "move(1)", "Næste", show=False),
        Binding("up", "move(-1)", "Forrige", show=False),
    ]

    def __init__(self, db_path) -> None:
        super().__init__(classes="archive")
        self.archive = Archive(db_path)
        self.hits: list[dict] = []
        self.pending: Timer | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="search-box"):
            yield Static("Søg i arkivet", classes="dialog-title")
            yield Input(placeholder="Søg i alle møders punkter …", id="search-input")
            yield Static(HINT, id="search-status", classes="dim", markup=False)
            yield OptionList(id="search-hits")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_unmount(self) -> None:
        self.archive.close()

    def on_input_changed(self, event: Input.Changed) -> None:
        """Search once typing pauses, not on every key."""
        if self.pending is not None:
            self.pending.stop()
        self.pending = self.set_timer(DEBOUNCE_SECONDS, self.run_search)

    def run_search(self) -> None:
        """Show the hits for what is in the input now."""
        self.pending = None
        query = self.query_one(Input).value
        status = self.query_one("#search-status", Static)
        hit_list = self.query_one(OptionList)
        self.hits, message = [], "Ingen punkter matcher søgningen."
        try:
            self.hits = self.archive.search(query, HIT_LIMIT, MARKS)
        except ValueError:  # no words yet
            message = HINT
        except StoreError as error:
            message = str(error)
        hit_list.clear_options()
        hit_list.add_options(Option(hit_prompt(hit)) for hit in self.hits)
        if self.hits:
            hit_list.highlighted = 0
            count = len(self.hits)
            found = f"{count} {'punkt' if count == 1 else 'punkter'}"
            if count == HIT_LIMIT:
                found = f"De {count} bedste punkter (flere ord indsnævrer søgningen)"
            message = f"{found} · ↑/↓ vælg, Enter åbner"
        status.update(Content(message))

    def action_move(self, delta: int) -> None:
        """↑/↓ from the input move through the hits."""
        hit_list = self.query_one(OptionList)
        if hit_list.option_count:
            current = hit_list.highlighted or 0
            hit_list.highlighted = max(0, min(hit_list.option_count - 1, current + delta))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if self.pending is not None:
            self.pending.stop()
            self.run_search()
        self.open_hit(self.query_one(OptionList).highlighted)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.open_hit(event.option_index)

    def open_hit(self, index: int | None) -> None:
        """Open the hit's meeting read-only at its item."""
        if index is None or not 0 <= index < len(self.hits):
            return
        hit = self.hits[index]

        def closed(to_meeting: bool | None) -> None:
            if to_meeting == BACK_TO_MEETING:
                self.dismiss()
            else:
                self.query_one(Input).focus()

        self.app.push_screen(ArchiveScreen(self.archive, hit["meeting_id"], hit["item_id"]), closed)

    def action_close(self) -> None:
        self.dismiss()
