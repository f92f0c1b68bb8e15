"""Hastesag: the title of an item added during the meeting."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Label

from tui.modals.drafts import DraftDialog
from tui.widgets.key_bar import KeyBar

KEPT = "Hastesagen er ikke tilføjet; titlen står her stadig."


class UrgentItemDialog(DraftDialog):
    """Type the hastesag's title; Enter adds it through `add` (True once committed) and the dialog stays open
    with the title when that is refused; Escape cancels (asking first when a title was typed)."""

    KEPT = KEPT
    SCREEN_TITLE = "Ny hastesag"
    HELP_EXTRA = [("Enter", "Tilføj hastesagen sidst på dagsordenen")]

    BINDINGS = [Binding("escape", "cancel", "Fortryd")]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog dialog-small"):
            yield Label("Ny hastesag", classes="dialog-title")
            yield Label("Punktet sættes sidst på dagsordenen.")
            yield Input(placeholder="Titel", id="title")
            yield self.problem_line()
        yield KeyBar()

    def __init__(self, add, draft_key: str | None = None) -> None:
        super().__init__()
        self.save, self.draft_key = add, draft_key

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        self.start_draft()

    def draft_text(self) -> str:
        return self.query_one(Input).value

    def restore_draft(self, text: str) -> None:
        self.query_one(Input).value = text

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.value.strip():
            self.submit(event.value.strip())
        else:
            self.notify("Hastesagen skal have en titel.", severity="warning")
