"""Søg i arkivet (ctrl+f): full-text search over every meeting's items, hits shown as you type.

The search runs in a thread worker once typing pauses: a slow query in a large archive never holds up typing,
and hits for what is no longer in the input are not shown.

Enter on a hit opens that meeting read-only at that item (tui/modals/archive.py);
Escape returns to the meeting being recorded, exactly as it was left.
"""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.timer import Timer
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from store.errors import StoreError
from store.meeting_day import Archive
from store.model import committee_label, short_iso_date
from tui.modals.archive import BACK_TO_MEETING, ArchiveScreen
from tui.modals.base import Modal
from tui.widgets.key_bar import KeyBar

DEBOUNCE_SECONDS = 0.15
HIT_LIMIT = 50
MARKS = ("\ue000", "\ue001")  # private-use characters: cannot occur in the text, unlike '[' and ']'
HINT = "Skriv et eller flere ord; hvert ord matcher også begyndelsen af længere ord."


def hit_prompt(hit: dict) -> Content:
    """Two lines: date, committee, item number and title; then the snippet with the matches highlighted."""
    day = short_iso_date(hit["date"])
    committee = committee_label(hit["committee"], hit["municipality"])
    head = Content.assemble((f"{day} · {committee} · punkt {hit['number']}: ", "dim"), (hit["title"], "bold"))
    snippet = Content.assemble("  ", *((text, "bold reverse") if matched else text for text, matched in hit["parts"]))
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
        self.shown_query: str | None = None  # the query whose hits are shown

    def compose(self) -> ComposeResult:
        with Vertical(id="search-box"):
            yield Static("Søg i arkivet", classes="dialog-title")
            yield Input(placeholder="Søg i alle møders punkter …", id="search-input")
            yield Static(HINT, id="search-status", classes="dim", markup=False)
            yield OptionList(id="search-hits")
        yield KeyBar()

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
        """Search for what is in the input now, in a worker."""
        self.pending = None
        self.search_in_background(self.query_one(Input).value)

    @work(thread=True, exclusive=True, group="search", exit_on_error=False, description="archive search")
    def search_in_background(self, query: str) -> None:
        """Search off the event loop; show the hits unless a newer search has begun."""
        hits, message = self.search(query)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self.show_hits, query, hits, message)

    def search(self, query: str) -> tuple[list[dict], str | None]:
        """The hits for `query`, or none and why (no words yet, or the database could not be read)."""
        try:
            return self.archive.search(query, HIT_LIMIT, MARKS), None
        except ValueError:  # no words yet
            return [], HINT
        except StoreError as error:
            return [], str(error)

    def show_hits(self, query: str, hits: list[dict], message: str | None) -> None:
        """Show the hits for `query`, unless the input has changed since."""
        if query != self.query_one(Input).value:
            return
        self.shown_query, self.hits = query, hits
        hit_list = self.query_one(OptionList)
        hit_list.clear_options()
        hit_list.add_options(Option(hit_prompt(hit)) for hit in self.hits)
        if self.hits:
            hit_list.highlighted = 0
            count = len(self.hits)
            found = f"{count} {'punkt' if count == 1 else 'punkter'}"
            if count == HIT_LIMIT:
                found = f"De {count} bedste punkter (flere ord indsnævrer søgningen)"
            message = f"{found} · ↑/↓ vælg, Enter åbner"
        self.query_one("#search-status", Static).update(Content(message or "Ingen punkter matcher søgningen."))

    def action_move(self, delta: int) -> None:
        """↑/↓ from the input move through the hits."""
        hit_list = self.query_one(OptionList)
        if hit_list.option_count:
            current = hit_list.highlighted or 0
            hit_list.highlighted = max(0, min(hit_list.option_count - 1, current + delta))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter: open the highlighted hit (searching first, here, when the hits shown are not for the input)."""
        query = self.query_one(Input).value
        if self.shown_query != query:
            if self.pending is not None:
                self.pending.stop()
                self.pending = None
            self.show_hits(query, *self.search(query))
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
