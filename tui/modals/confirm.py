"""A yes/no question (Hæv mødet, replacing a beslutning, deciding without a quorum, …)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Label

from tui.modals.base import Modal
from tui.widgets.key_bar import KeyBar


class ConfirmDialog(Modal):
    """Ask; j/Enter answers ja, n/Escape answers nej."""

    SCREEN_TITLE = "Spørgsmål"
    HELP_EXTRA = [("Enter", "Den markerede knap (Ja, til at begynde med)")]

    BINDINGS = [
        Binding("j,y", "answer(True)", "Ja"),
        Binding("n,escape", "answer(False)", "Nej"),
    ]

    def __init__(self, question: str, detail: str = "") -> None:
        super().__init__()
        self.question, self.detail = question, detail

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog dialog-small"):
            yield Label(self.question, classes="dialog-title", markup=False)
            if self.detail:
                yield Label(self.detail, markup=False, classes="dialog-detail")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Ja (j)", id="yes", variant="primary")
                yield Button("Nej (n)", id="no")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#yes", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
