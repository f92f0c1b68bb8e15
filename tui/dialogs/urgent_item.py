"""Hastesag: the title of an item added during the meeting."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Label

from tui.dialogs import STYLESHEET


class UrgentItemDialog(ModalScreen[str]):
    """Type the hastesag's title; Enter adds it, Escape cancels."""

    CSS_PATH = STYLESHEET

    BINDINGS = [Binding("escape", "cancel", "Fortryd")]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog dialog-small"):
            yield Label("Ny hastesag", classes="dialog-title")
            yield Label("Punktet sættes sidst på dagsordenen.")
            yield Input(placeholder="Titel", id="title")
        yield Footer()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.value.strip():
            self.dismiss(event.value.strip())
        else:
            self.notify("Hastesagen skal have en titel.", severity="warning")

    def action_cancel(self) -> None:
        self.dismiss(None)
